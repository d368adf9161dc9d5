"""Golden files: the generated page and annotations of named cases, compared byte for byte.

Refresh after a deliberate change with `make goldens` (pytest --update-goldens), then
read the diff before committing it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataclasses import replace

import yaml

from pressroom import curation
from pressroom.annotate import annotate
from pressroom.cli import annotation_json
from pressroom.model import NotesFile
from pressroom.read import read_source
from pressroom.render import render_article

from .conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = {
    # the sample the project started from: mangled apostrophes, a scare quote, a role noun
    "sample": ROOT / "sources" / "000_47605877143c161c.txt",
    # our own text: multi-paragraph quote, curly marks, nested single quotes, dateline
    "wire_story": ROOT / "tests" / "fixtures" / "articles" / "wire_story.txt",
    # our own text: hostile markup that must come out as text
    "hostile": ROOT / "tests" / "fixtures" / "articles" / "hostile.txt",
    # the sample with an editor's curation.yml and notes file (issue 16): a name removed
    # archive-wide, a role set, an attribution corrected (shown as checked), a note
    "curated_sample": ROOT / "sources" / "000_47605877143c161c.txt",
}
CURATED = ROOT / "tests" / "fixtures" / "curated"


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, update_goldens: bool):
    source = read_source(CASES[case], f"sources/{CASES[case].name}")
    cur = curation.Curation()
    if case == "curated_sample":
        notes = NotesFile("sources/sample.notes.yml", yaml.safe_load((CURATED / "sample.notes.yml").read_text(encoding="utf-8")))
        source = replace(source, notes=notes)
        cur, problems = curation.parse((CURATED / "curation.yml").read_text(encoding="utf-8"))
        assert not problems
    article = curation.apply(annotate(source, "page", cur.exclusions(source.body)), cur)
    assert not article.problems
    outputs = {
        "page.md": render_article(article).text,
        "annotations.json": json.dumps(annotation_json(article), indent=1, ensure_ascii=False) + "\n",
    }
    folder = GOLDEN / case
    for name, text in outputs.items():
        path = folder / name
        if update_goldens:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden {path}; run `make goldens` and review the new file"
        assert text == path.read_text(encoding="utf-8"), f"{case}/{name} changed; if intended, run `make goldens` and review the diff"
