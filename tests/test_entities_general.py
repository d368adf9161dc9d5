"""Entity rules written from how news English names people and organisations (issue 15,
session 3): each rule's own table rows, positive and negative, on sentences we wrote
ourselves (no name taken from a labelled article)."""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text
from pressroom.nlp.entities import runs_of


def _names(text):
    e = annotate_text(text).entities
    return {p.name for p in e.people}, {o.name for o in e.organizations}, {p.name for p in e.places}


# -- tokens._glued: a full stop with no space after it still ends the sentence
GLUED = [
    # (text, the runs' texts, why)
    ("He loved Kestrel Arms.Those nights were long.", ["He", "Kestrel Arms", "Those"], "a stop glued to the next sentence"),
    ("Wren Hollis spoke.Then Ivo Pask left.", ["Wren Hollis", "Then Ivo Pask"], "between two names"),
    # negative rows: dots that are no sentence's end
    # (an abbreviation in capitals glued to the next word stays one word: which dot ends
    # the sentence is not told)
    ("He moved to the U.S.Then he left.", ["He", "U.S.Then"], "negative: capitals before the dot"),
    ("They met in St.Louis on Monday.", ["They", "St.Louis", "Monday"], "negative: one lower-case letter before the dot"),
    ("Visit example.com or Mr.Smith today.", ["Visit", "Mr.Smith"], "negative: a domain in lower case, a title"),
]


@pytest.mark.parametrize("text, runs, why", GLUED, ids=[r[2] for r in GLUED])
def test_glued_stop_ends_a_sentence(text, runs, why):
    assert [r.text() for r in runs_of(text)] == runs


def test_glued_stop_keeps_no_person():
    people, _, _ = _names("Fans loved Kestrel Division.Those songs still sell.")
    assert people == set()
