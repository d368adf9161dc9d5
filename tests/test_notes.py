"""Editorial notes and corrections in sources/NAME.notes.yml."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from .conftest import SAMPLE
from .test_build import run_build

NOTES = """\
notes:
  - phrase: head-of-state diplomacy
    note: The ministry's term for visits led by the two presidents.
corrections:
  - quote: Taiwan independence
    kind: speech
    speaker: The Russian side
"""


def _page(project: Path) -> str:
    return (project / "docs" / "articles" / "china-russia-mutual-trust-improving.md").read_text(encoding="utf-8")


def test_note_and_correction_change_the_page_and_survive_rebuilds(project: Path):
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    assert run_build(project).returncode == 0
    before = _page(project)
    assert 'class="pr-note"' not in before and "Taiwan independence" in before
    (project / "sources" / (SAMPLE.stem + ".notes.yml")).write_text(NOTES, encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 0, r.stderr
    page = _page(project)
    # the note opens from a button (click, tap or keyboard), not from a hover-only title
    assert ('<span class="pr-note">head-of-state diplomacy</span><button type="button" class="pr-pop-mark pr-note" '
            'popovertarget="note-') in page
    assert 'popover>The ministry&#x27;s term for visits led by the two presidents.</span>' in page
    # the corrected attribution says an editor set it
    assert 'data-speaker="The Russian side" data-cue="correction">&quot;Taiwan independence&quot;</mark>' in page
    assert page.count('aria-label="Attribution checked by the editor"') == 1
    assert page.count('data-speaker="Tan Kefei"') == 5  # the other quotes are untouched
    assert run_build(project).returncode == 0 and _page(project) == page  # corrections survive rebuilds


def test_broken_notes_are_named_and_the_rest_is_built(project: Path):
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    (project / "sources" / "other.txt").write_text("Another article\nNothing quoted here.\n", encoding="utf-8")
    (project / "sources" / (SAMPLE.stem + ".notes.yml")).write_text(
        "notes:\n  - phrase: words that are not there\n    note: x\n  - phrase: Tan said\n    note: twice\n"
        "  - phrase: head-of-state diplomacy\n    note: a good one\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1
    name = f"sources/{SAMPLE.stem}.notes.yml"
    assert f"{name}: note 1: phrase 'words that are not there' is not in the article" in r.stderr
    assert f"{name}: note 2: phrase 'Tan said' is in the article 2 times; add 'prefix:' or 'suffix:'" in r.stderr
    assert "a good one" in _page(project)  # the valid note still shows
    assert (project / "docs" / "articles" / "another-article.md").exists()


def test_yaml_errors_in_notes_name_the_line(project: Path):
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    (project / "sources" / (SAMPLE.stem + ".notes.yml")).write_text("notes:\n  - phrase: [unclosed\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1 and f"sources/{SAMPLE.stem}.notes.yml:3: not valid YAML" in r.stderr


def test_output_is_identical_across_hash_seeds(tmp_path: Path, project: Path):
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    (project / "sources" / "b.txt").write_text('Second\n"We agree," said Ann Lee, a spokeswoman for Acme Corp.\n', encoding="utf-8")
    trees = []
    for seed in ("1", "2"):
        work = tmp_path / f"seed{seed}"
        shutil.copytree(project, work)
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=work, env=env, check=True, capture_output=True)
        trees.append({p.relative_to(work).as_posix(): p.read_bytes() for p in (work / "docs").rglob("*") if p.is_file()})
    assert trees[0] == trees[1]


def test_a_prefix_that_is_not_text_is_named(project: Path):
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    (project / "sources" / (SAMPLE.stem + ".notes.yml")).write_text(
        "notes:\n  - phrase: Tan said\n    prefix: 5\n    note: x\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "note 1: 'prefix:' and 'suffix:' must be text" in r.stderr


# (entities: YAML, what the annotation must show, problem expected), comment
ENTITY_ROWS = [
    ("- {name: Sergei Shoigu, remove: true}", lambda a: "Sergei Shoigu" not in _people(a), None,
     "remove: the person is not listed in this article"),
    ("- {name: Tan Kefei, rename: Senior Colonel Tan Kefei}",
     lambda a: "Senior Colonel Tan Kefei" in _people(a) and {q.speaker for q in a.quotes if q.kind == "speech"} == {"Senior Colonel Tan Kefei"},
     None, "rename: the person and their quotes follow"),
    ("- {name: Tan Kefei, role: Ministry of National Defense spokesman}",
     lambda a: _people(a)["Tan Kefei"] == "Ministry of National Defense spokesman", None, "role: this article's role"),
    ("- {name: Nobody Here, role: Mayor}", None, "entity 1: 'Nobody Here' is no person the article lists", "a name the article lacks"),
    ("- {name: Vladimir Putin, remove: yes please}", None, "entity 1: 'remove:' takes true", "remove takes true only"),
    ("- {name: Tan Kefei, role: x, rename: y}", None, "entity 1: needs 'name:' and one of", "two actions at once"),
    ("- Tan Kefei", None, "entity 1: needs 'name:' and one of", "a bare name"),
    ("- {name: Xinhua Wire, remove: true}", None, "entity 1: 'Xinhua Wire' is not in the article", "removing what is not there"),
]


def _people(article) -> dict:
    return {p.name: p.role for p in article.entities.people}


@pytest.mark.parametrize("rows, check, problem, comment", ENTITY_ROWS, ids=[r[3] for r in ENTITY_ROWS])
def test_entity_corrections_of_one_article(rows, check, problem, comment):
    from pressroom.annotate import annotate
    from pressroom.model import NotesFile
    from pressroom.read import read_source

    source = read_source(SAMPLE, "sources/x.txt")
    data = yaml.safe_load("entities:\n" + "\n".join("  " + line for line in rows.split("\n")))
    article = annotate(replace(source, notes=NotesFile("sources/x.notes.yml", data)))
    messages = [p.message for p in article.problems]
    if problem:
        assert any(problem in m for m in messages), messages
    else:
        assert not messages and check(article), (messages, _people(article))
