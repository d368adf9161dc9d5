"""The annotator is total: any text is annotated without an exception, and a failure met in
one file never costs the others (nor, in a build, the article itself: see test_build.py)."""
from __future__ import annotations

import json
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressroom import cli
from pressroom.nlp.annotate import annotate_text

from .conftest import ROOT
from .fuzztext import MUTATIONS, NAMES, SUFFIXES, TITLES, mutate, paragraphs_of

# our own texts (the fixtures we wrote), cut, recombined and strewn with marks
PARAGRAPHS = paragraphs_of([p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_recombined_text_with_stray_marks_titles_and_suffixes_never_raises(rng):
    text = mutate(rng, PARAGRAPHS)
    a = annotate_text(text)
    assert len(a.body) == len(text)
    for q in a.quotes:
        assert 0 <= q.start < q.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(TITLES + SUFFIXES + NAMES + ["of", "and", "said", ".", ",", ":", "(", ")", '"', "“", "”"]),
                min_size=1, max_size=30))
def test_runs_of_titles_suffixes_and_names_never_raise(tokens):
    annotate_text(" ".join(tokens))


@pytest.mark.parametrize("text", [
    "King Jr. of Carter Iranian hostages said.",  # a name that is only a suffix once titles are peeled off
    'Attorney Jr. General Ellison said "we won".',
    "& : GOING Prof. Jr . III LLC – BROKE ”FOR” ; Judge Dr.",
    "Jr Jr in Rep. Jr. said Jr.",
    '"', "“", "”‘", ":", "()", "Mr.", "Jr.", "\u2028", "\ufeff\"a\" said",
])
def test_texts_that_once_raised(text):
    annotate_text(text)


def test_every_mutation_changes_or_keeps_tokens_without_error():
    rng = random.Random(0)
    for mutation in MUTATIONS:
        tokens = "Jo Roe said the plan works .".split()
        mutation(rng, tokens)
        assert all(isinstance(t, str) for t in tokens)


def test_annotate_json_says_a_failure_in_its_place_and_goes_on(tmp_path, monkeypatch, capsys):
    from pressroom.nlp import annotate as stage

    real = stage.annotate

    def annotate(source, slug="", *rest):
        if "zyzzyva" in source.body:
            raise IndexError("simulated bug")
        return real(source, slug, *rest)

    monkeypatch.setattr(stage, "annotate", annotate)
    files = []
    for name, body in [("a", "Plain text."), ("b", "A zyzzyva here."), ("c", '"We won," said Jo Roe.')]:
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Title {name}\n{body}\n", encoding="utf-8")
        files.append(str(path))
    code = cli.main(["annotate", "--json", *files])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 1
    assert [line["source"] for line in lines] == files
    assert set(lines[1]) == {"source", "error"} and "IndexError: simulated bug" in lines[1]["error"]
    assert lines[2]["quotes"][0]["speaker"] == "Jo Roe"
