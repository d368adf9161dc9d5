"""Editorial notes and corrections in sources/NAME.notes.yml."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
    assert ('<span class="pr-note" title="The ministry&#x27;s term for visits led by the two presidents.">'
            "head-of-state diplomacy</span>") in page
    assert 'data-speaker="The Russian side">&quot;Taiwan independence&quot;</mark>' in page
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
