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


# -- rules.opener_before_name: a sentence-opening word before a given name
OPENERS = [
    # (text, people expected exactly, why)
    ("Novelist Ivo Pask died in Lyon on Tuesday.", {"Ivo Pask"}, "a trade opening the sentence is the role"),
    ("It was a hit. Photographers Ivo Pask and Wren Hollis said so.", {"Ivo Pask", "Wren Hollis"}, "a plural trade"),
    ("Robbie Vance sang on Monday. Sure Robbie is talented.", {"Robbie Vance"},
     "an opener glued to the given name of a person named in full"),
    # negative rows
    ("Chen Wei said the plant would close.", {"Chen Wei"}, "negative: a given name opening the sentence stays"),
    ("Sure Robbie is talented.", set(), "negative: no person of that given name: nothing is cut, and no evidence"),
    ("General Motors said sales rose.", set(), "negative: a title word before no given name"),
]


@pytest.mark.parametrize("text, people, why", OPENERS, ids=[r[2] for r in OPENERS])
def test_opener_before_name(text, people, why):
    assert _names(text)[0] == people


# -- kinds._named_for: after "for"/"with", a role is held for a person as often as in an organisation
ROLE_FOR = [
    # (text, people, organisations, why)
    ("Dunmore, who worked as a campaign staffer for Tavio Brask in 2008, said so. Brask won.", {"Tavio Brask"}, set(),
     "a name of two name words after 'staffer for' is the person worked for (a person by the surname alone later)"),
    ("Ivo Pask, a spokesman for Arvo Holdings Group in Lyon, said so.", {"Ivo Pask"}, {"Arvo Holdings Group"},
     "negative: organisation words make it the organisation"),
    ("Ivo Pask, chief executive of Kestrel Wharton, said so.", {"Ivo Pask"}, {"Kestrel Wharton"},
     "negative: after 'of' the name is the organisation the role is held in"),
]


@pytest.mark.parametrize("text, people, orgs, why", ROLE_FOR, ids=[r[3] for r in ROLE_FOR])
def test_role_for_a_person(text, people, orgs, why):
    found = _names(text)
    assert found[0] == people and found[1] == orgs
