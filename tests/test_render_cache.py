"""The render cache (render_cache.py): after each change an owner makes, ``mkdocs build``
with the cache of the build before gives byte for byte the site/ of a build from scratch
(a new folder, the cache off), while rendering only the pages that changed; with nothing
changed, not one file of site/ is written.

The releases are our own short texts (tests/test_incremental.py's). MkDocs runs in this
process, with the search index off (Pagefind is tested in test_site.py and test_search_more.py).
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from pressroom import pipeline

from .conftest import skeleton
from .test_incremental import RELEASES, _append, _write

PLUGIN = "  - pressroom\n"


def _configure(root: Path, cache: bool) -> None:
    cfg = root / "mkdocs.yml"
    text = cfg.read_text(encoding="utf-8")
    assert PLUGIN in text
    options = "      search: false\n" + ("" if cache else "      render_cache: false\n")
    cfg.write_text(text.replace(PLUGIN, "  - pressroom:\n" + options), encoding="utf-8")


def _site(root: Path) -> dict:
    """pressroom build, then mkdocs build --strict; what the render cache did."""
    report = pipeline.build(root / "sources", root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=1)
    assert not report.errors, report.errors
    config = load_config(str(root / "mkdocs.yml"), strict=True)
    mkdocs_build(config)
    return getattr(config.plugins["pressroom"].renders, "summary", {})


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _stamps(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}


def _replace(path: str, old: str, new: str):
    def step(src: Path, root: Path) -> None:
        text = (root / path).read_text(encoding="utf-8")
        assert old in text, (path, old)
        (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")
    return step


def _override(name: str):
    """A user's copy of one of pressroom's theme templates in overrides/, changed a little."""
    def step(src: Path, root: Path) -> None:
        from pressroom.templating import THEME

        (root / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "overrides" / name).write_text((THEME / name).read_text(encoding="utf-8") + "<!-- mine -->\n",
                                               encoding="utf-8")
    return step


MORE = {f"note{i}.txt": f"---\ndate: 2021-0{i}-1{i}\n---\nHarbour note {i}\nThe Port Authority met in Bergen on "
                        f"day {i}.\n" for i in range(1, 7)}

# (what, the change, whether fewer pages than all must be rendered)
STEPS = [
    ("a source added", _write("port.txt", "---\ndate: 2021-01-09\n---\nPort Authority annual report\n"
                                          "\"Traffic grew by a tenth,\" said Ola Brandt in Bergen.\n"), True),
    ("a body edited", _append("harbour.txt", "\"Work starts on Monday,\" said Ola Brandt.\n"), True),
    ("a source deleted", lambda src, root: (src / "school.txt").unlink(), True),
    ("a hand-written page edited", _replace("docs/about.md", "\n", "\n\nOne more line by hand.\n"), True),
    ("curation.yml written", _write("../curation.yml", "not: {people: [Erik Lund]}\n"), False),
    ("mkdocs.yml: the site name", _replace("mkdocs.yml", "site_name: Press archive", "site_name: Harbour press"), False),
    ("mkdocs.yml: the site URL", _replace("mkdocs.yml", 'site_url: !ENV [SITE_URL, ""]', "site_url: https://example.org/press/"),
     False),
    ("a template override added", _override("partials/search.html"), False),
    ("a template override edited", _replace("overrides/partials/search.html", "\n", "\n<!-- edited -->\n"), False),
]


def test_incremental_site_equals_site_from_scratch(tmp_path: Path, monkeypatch, caplog):
    monkeypatch.delenv("SITE_URL", raising=False)
    caplog.set_level(logging.INFO)
    root = skeleton(tmp_path / "archive")
    _configure(root, cache=True)
    for name, text in {**RELEASES, **MORE}.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    first = _site(root)
    assert first["kept"] == 0 and first["rendered"] > 20, first
    for n, (what, change, partial) in enumerate(STEPS):
        change(root / "sources", root)
        done = _site(root)
        fresh = tmp_path / f"fresh{n}"
        shutil.copytree(root, fresh, ignore=shutil.ignore_patterns("site", "docs", ".cache", ".pressroom-cache"))
        (fresh / "docs").mkdir()
        shutil.copy(root / "docs" / "about.md", fresh / "docs" / "about.md")
        _replace("mkdocs.yml", "      search: false\n", "      search: false\n      render_cache: false\n")(None, fresh)
        assert _site(fresh) == {}, what  # from scratch: the cache off
        incremental, scratch = _tree(root / "site"), _tree(fresh / "site")
        assert sorted(incremental) == sorted(scratch), what
        assert [p for p in scratch if incremental[p] != scratch[p]] == [], what
        # the cache did its work: only some pages rendered after a source changed, and all
        # of them after a change of configuration, curation or template
        if partial:
            assert 0 < done["rendered"] < done["rendered"] + done["kept"] and done["kept"] > 10, (what, done)
        else:
            assert done["kept"] == 0, (what, done)
    # the Pages workflow: a fresh checkout (docs/ made again, every file new) with site/
    # and the caches restored keeps the pages, and gives the site of a build from scratch
    clone = tmp_path / "clone"
    shutil.copytree(root, clone, ignore=shutil.ignore_patterns("docs"))
    (clone / "docs").mkdir()
    shutil.copy(root / "docs" / "about.md", clone / "docs" / "about.md")
    restored = _site(clone)
    assert restored["kept"] > 10 and restored["written"] == 0, restored
    assert _tree(clone / "site") == _tree(fresh / "site")
    before = _stamps(root / "site")
    again = _site(root)
    # only the pages of the nav are made again (MkDocs needs them), and they are the same
    nav = load_config(str(root / "mkdocs.yml"))["nav"]
    assert again["rendered"] == len(nav) and again["kept"] > 10, again
    assert again["written"] == 0 and again["deleted"] == 0, again
    assert _stamps(root / "site") == before  # nothing changed: no file of site/ written again


def test_a_page_with_a_warning_fails_a_strict_build_every_time(tmp_path: Path, monkeypatch):
    # MkDocs warns about a link to a page that does not exist, and --strict fails; the page
    # is not kept for the next build, which warns and fails again
    from mkdocs.exceptions import Abort

    monkeypatch.delenv("SITE_URL", raising=False)
    root = skeleton(tmp_path / "archive")
    _configure(root, cache=True)
    for name, text in RELEASES.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    _site(root)
    (root / "docs" / "about.md").write_text("# About\n\nSee [the plan](missing.md).\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(Abort, match="strict"):
            _site(root)
        assert not (root / "site.pressroom-new").exists()
    (root / "docs" / "about.md").write_text("# About\n\nSee [the plan](index.md).\n", encoding="utf-8")
    assert _site(root)["rendered"] >= 1
