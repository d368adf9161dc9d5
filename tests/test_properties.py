"""Hypothesis: for any text, annotation keeps its offsets and the page keeps every word."""
from __future__ import annotations

import html
import re

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pressroom.annotate import annotate
from pressroom.nlp.annotate import annotate_text
from pressroom.check import audit_markup
from pressroom.read import parse_source
from pressroom.render import dump_front_matter, front_matter, render_article, split_front_matter

# Text with the characters that matter to us over-represented: quote marks, markup, newlines.
ALPHABET = st.sampled_from(list("ab Tz.,;:'\"“”‘’<>&*#_[]()!{}-=\n") + ["said", " he ", "Mr. ", "Tan Kefei", "«", "»", "\u00a0"])
TEXT = st.lists(ALPHABET, max_size=80).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
@example('""«')  # found by Hypothesis: a guillemet after doubled marks was made an apostrophe
def test_offsets_stay_inside_and_repairs_keep_length(body):
    a = annotate_text(body)
    assert len(a.body) == len(body)
    assert all(body[i] == '"' and a.body[i] == "'" for i in a.apostrophes)
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(body)
        assert q.text in a.body[q.start:q.end]
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(body)
    for p in a.entities.people:
        for m in p.mentions:
            assert 0 <= m.start < m.end <= len(body)
        assert p.name.lower() not in {"he", "she", "they", "i", "we"}


@SETTINGS
@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip() and "\n" not in t and "\r" not in t and "\x85" not in t and "\u2028" not in t and "\u2029" not in t), TEXT)
def test_front_matter_round_trips_and_every_word_reaches_the_page(title, text):
    data = (title + "\n" + text + " end").encode("utf-8")
    try:
        source = parse_source(data, "sources/x.txt", "x")
    except Exception as err:  # only our own, user-facing errors are allowed
        assert type(err).__name__ == "SourceError"
        return
    article = annotate(source, "x")
    page = render_article(article)
    fm, body = split_front_matter(page.text)
    assert yaml.safe_load(fm) == front_matter(article)
    assert yaml.safe_load(dump_front_matter({"title": title}))["title"] == title
    assert audit_markup(body) == []
    # what a reader sees of the source: the page text without our speaker labels
    text_only = re.sub(r' <(a|span) class="pr-speaker[^"]*"[^>]*>.*?</\1>', "", body)
    text_only = re.sub(r"</?(p|dl|dt|dd|li|ul|h2)\b[^>]*>", "\n", text_only)
    shown = html.unescape(re.sub(r"<[^>]+>", "", text_only))
    for word in article.body.split():
        assert word in shown


@SETTINGS
@given(st.text(min_size=1, max_size=40).filter(lambda t: any(ord(c) > 127 for c in t)))
def test_the_mojibake_precheck_never_misses_utf8_read_as_latin1(text):
    from pressroom.encoding import _MOJIBAKE_PAIR

    # the quick test that decides whether ftfy runs at all must see every such text
    assert _MOJIBAKE_PAIR.search(text.encode("utf-8").decode("latin-1"))
