"""``runs_of`` passes over the plain lower-case words outside a run with one match
(``tokens._PLAIN_WORDS``): the runs are the ones read a word at a time."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressroom.nlp.entities import tokens

PIECES = ["the", "said", "of", "and", "a", "Bank", "America", "Jo", "Roe", "Mr.", "U.S.", "Inc.", "Co.", "Ltd", "al-Assad",
          "pro-Trump", "don't", "it’s", "Acme's", "AT&T", "&", "&amp;", "5km", "x_y", "été", "Zoë", "Жук", "end.The", "Division.Those",
          ".", ",", ", ", ";", ":", "(", ")", "\"", "“", "”", "'", "—", "-", "!", "?", "\n", "\n\n", " ", "  ", "\u00a0", "\t", "7"]


def _runs(text: str, skip: bool):
    plain = tokens._PLAIN_WORDS
    if not skip:
        tokens._PLAIN_WORDS = re.compile(r"(?!)")  # never matches: every word read alone
    try:
        return [(tuple(tuple(w) for w in r.words), r.sentence_start) for r in tokens.runs_of(text)]
    finally:
        tokens._PLAIN_WORDS = plain


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(["the", "said", "of", "and", "de", "Jo", "Bank"]), st.sampled_from(PIECES)), max_size=60),
       st.lists(st.sampled_from([" ", " ", " ", "", "  ", "\n"]), min_size=60, max_size=60))
def test_passing_over_plain_words_changes_no_run(pieces, gaps):
    text = "".join(p + g for p, g in zip(pieces, gaps))
    assert _runs(text, skip=True) == _runs(text, skip=False)


def test_the_runs_around_plain_words():
    text = "the chairman of Bank of America said on Monday that the bank & the fund, and Jo Roe of Acme Inc. agreed" \
        " with Ana Lee said of Paris"
    runs = [r.text() for r in tokens.runs_of(text)]
    assert runs == ["Bank of America", "Monday", "Jo Roe of Acme Inc.", "Ana Lee", "Paris"]
    assert runs == [" ".join(w[2] for w in r[0]) for r in _runs(text, skip=False)]
