"""A rebuild from the cache and the pages already in docs/ must give exactly the docs/ of
a build from scratch, whatever changed in between.

Each step below edits the archive the way an owner does; after it, the incremental build
(cache and docs/ kept from the step before) and a from-scratch build of the same sources
(no cache, empty docs/) are compared file by file, the manifest included.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pressroom import directory, parallel, pipeline

from .conftest import skeleton

RELEASES = {
    "harbour.txt": "Harbour to open new berth\n\"We will open berth 4 in May,\" said Ola Brandt, a spokeswoman "
                   "for the Port Authority, in Bergen.\nMayor Erik Lund welcomed the plan.\n",
    "budget.txt": "---\ndate: 2024-03-02\n---\nCity budget passed\nMayor Erik Lund said: \"The budget keeps every "
                  "school open.\"\nThe City Council voted 31 to 20 in Oslo.\n",
    "ferry.txt": "---\ndate: 2023-11-20\n---\nFerry timetable changes\nThe Port Authority said ferries will leave "
                 "every 20 minutes.\n\"Nobody waits longer than before,\" said Ola Brandt.\n",
    "school.txt": "---\ndate: 2022-05-01\n---\nSchool year starts later\nHeadteacher Anna Berg said \"the "
                  "extra week helps\" in Trondheim.\n",
}


def _append(name: str, text: str):
    def step(src: Path, root: Path) -> None:
        with (src / name).open("a", encoding="utf-8") as f:
            f.write(text)
    return step


def _rename(old: str, new: str):
    return lambda src, root: (src / old).rename(src / new)


def _retitle(name: str, title: str):
    def step(src: Path, root: Path) -> None:
        lines = (src / name).read_text(encoding="utf-8").split("\n")
        at = lines.index("---", 1) + 1 if lines[0] == "---" else 0
        lines[at] = title
        (src / name).write_text("\n".join(lines), encoding="utf-8")
    return step


def _write(name: str, text: str):
    return lambda src, root: (src / name).write_text(text, encoding="utf-8")


def _delete_page(root: Path) -> None:
    for folder in ("articles", "archive", "people", "places"):
        for page in sorted((root / "docs" / folder).glob("*.md"))[:1]:
            page.unlink()



def _override(name: str, text: str):
    def step(src: Path, root: Path) -> None:
        (root / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "overrides" / name).write_text(text, encoding="utf-8")
    return step


def _site_url(url: str):
    def step(src: Path, root: Path) -> None:
        cfg = root / "mkdocs.yml"
        text = cfg.read_text(encoding="utf-8")
        text = "\n".join(line for line in text.split("\n") if not line.startswith("site_url:"))
        cfg.write_text(f"site_url: {url}\n{text}", encoding="utf-8")
    return step


STEPS = [
    ("nothing changed", lambda src, root: None),
    ("a body edited", _append("harbour.txt", "\"Work starts on Monday,\" said Ola Brandt.\n")),
    # Anna Berg is now quoted twice: she moves from a section of a page by letter to a
    # page of her own, and every page that links to her must follow
    ("a person grows a page of her own", _append("budget.txt", "\"Schools need it,\" said Anna Berg.\n")),
    ("a title changed (the URL moves)", _retitle("ferry.txt", "Ferries every twenty minutes")),
    ("a source renamed", _rename("school.txt", "schools-2022.txt")),
    ("a source added", _write("port.txt", "---\ndate: 2021-01-09\n---\nPort Authority annual report\n"
                                          "\"Traffic grew by a tenth,\" said Ola Brandt in Bergen.\n")),
    ("a notes file added", _write("budget.notes.yml", "notes:\n  - phrase: every school open\n"
                                                      "    note: Forty schools in all.\n")),
    ("generated pages deleted by hand", lambda src, root: _delete_page(root)),
    ("the site URL set", _site_url("https://example.org/press/")),
    ("curation: not a person, kind and roles", lambda src, root: (root / "curation.yml").write_text(
        "not: {people: [Erik Lund]}\nkind: {Port Authority: place}\nroles: {Ola Brandt: Port spokeswoman}\n", encoding="utf-8")),
    ("curation: same merges two names", lambda src, root: (root / "curation.yml").write_text(
        "same: [[Ola K. Brandt, Ola Brandt]]\nroles: {Ola K. Brandt: Port spokeswoman}\n", encoding="utf-8")),
    ("curation removed", lambda src, root: (root / "curation.yml").unlink()),
    # a template of the user's (overrides/, Material's custom_dir): the pages made from it follow
    ("a listing template overridden", _override("pressroom/people.html", "<p>{{ people|length }} with a page</p>\n")),
    ("an article part overridden", _override("pressroom/meta.html", '<p class="pr-meta">{{ meta.words }} words</p>\n')),
    ("a source deleted", lambda src, root: (src / "harbour.txt").unlink()),
    ("the site URL changed", _site_url("https://example.org/other/")),
]


def _tree(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_incremental_builds_match_builds_from_scratch(tmp_path: Path, monkeypatch, jobs):
    monkeypatch.setattr(parallel, "MINIMUM", 2)  # so that two jobs really take the parallel path
    monkeypatch.setattr(directory, "QUOTES_SPLIT", 2)  # Ola Brandt's quotes by year come and go
    monkeypatch.delenv("SITE_URL", raising=False)
    root = skeleton(tmp_path / "archive")
    years = set()
    src = root / "sources"
    for name, text in RELEASES.items():
        (src / name).write_text(text, encoding="utf-8")
    for n, (what, step) in enumerate(STEPS):
        step(src, root)
        report = pipeline.build(src, root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=jobs)
        assert not report.errors, (what, report.errors)
        fresh = skeleton(tmp_path / f"fresh{n}")
        shutil.rmtree(fresh / "sources")
        shutil.copytree(src, fresh / "sources")
        shutil.copy(root / "mkdocs.yml", fresh / "mkdocs.yml")
        shutil.rmtree(fresh / "overrides")
        shutil.copytree(root / "overrides", fresh / "overrides")
        if (root / "curation.yml").exists():
            shutil.copy(root / "curation.yml", fresh / "curation.yml")
        pipeline.build(fresh / "sources", fresh / "docs", fresh / "mkdocs.yml", workers=1)
        incremental, scratch = _tree(root / "docs"), _tree(fresh / "docs")
        assert sorted(incremental) == sorted(scratch), what
        differ = [p for p in scratch if incremental[p] != scratch[p]]
        assert not differ, (what, differ)
        years |= {p for p in scratch if p.startswith("people/ola-brandt/")}
    assert len(years) >= 3, years
    # a last rebuild with nothing changed writes nothing
    again = pipeline.build(src, root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=jobs)
    assert again.written == () and again.annotated == 0


def _mention_counts(article) -> tuple:
    e = article.entities
    return tuple(len(x.mentions) for x in e.people + e.organizations + e.places)


def test_an_article_split_for_the_cache_is_whole_again_when_joined():
    from pressroom.annotate import annotate
    from pressroom.mentions import join, split
    from pressroom.read import read_source

    from .conftest import SAMPLE

    article = annotate(read_source(SAMPLE, "sources/sample.txt"), "sample")
    lean, packed = split(article)
    assert sum(_mention_counts(article)) > 10 and sum(_mention_counts(lean)) == 0
    assert join(lean, packed) == article
    with pytest.raises(ValueError):
        join(lean, packed[:-1])  # mentions of another article are refused, not misplaced


def test_pages_made_from_the_cache_get_their_mentions_back(tmp_path: Path, monkeypatch):
    # The cache reads articles without their mentions; a page made again (here: because
    # Anna Berg's link moves) must get the whole article, read back or annotated again
    # when the mentions' file is lost.
    from pressroom import render

    monkeypatch.delenv("SITE_URL", raising=False)
    root = skeleton(tmp_path / "archive")
    src = root / "sources"
    for name, text in RELEASES.items():
        (src / name).write_text(text, encoding="utf-8")
    pipeline.build(src, root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=1)
    seen = {}
    real = render.render_article
    monkeypatch.setattr(render, "render_article", lambda a, *args: seen.setdefault(a.source.path, _mention_counts(a)) and real(a, *args))
    _append("budget.txt", "\"Schools need it,\" said Anna Berg.\n")(src, root)
    report = pipeline.build(src, root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=1)
    assert report.annotated == 1 and not report.errors
    # the school article came from the cache; its page was made again, whole
    assert set(seen) == {"sources/budget.txt", "sources/school.txt"} and all(seen["sources/school.txt"]), seen
    # mentions lost (a broken file, then one that unpickles to nonsense), and every page to
    # be made again (the site URL changed): annotated again, once, and cached again
    import pickle

    from pressroom import annotate

    calls = []
    real_many = annotate.annotate_many
    monkeypatch.setattr(annotate, "annotate_many", lambda sources, *a, **k: calls.append(len(sources)) or real_many(sources, *a, **k))
    for n, junk in enumerate([b"broken", pickle.dumps({"x": ((1,),)})]):
        for shard in (root / ".cache").glob("mentions-*"):
            shard.write_bytes(junk)
        if junk != b"broken":  # every key, with mentions that fit no article
            keys = {k for shard in (root / ".cache").glob("annotations-*") for k in pickle.loads(shard.read_bytes())}
            for shard in (root / ".cache").glob("mentions-*"):
                shard.write_bytes(pickle.dumps({k: ((1,),) for k in keys}))
        for url in (f"https://example.org/press{n}/", f"https://example.org/again{n}/"):
            seen.clear()
            calls.clear()
            _site_url(url)(src, root)
            report = pipeline.build(src, root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache", workers=1)
            assert report.annotated == 0 and not report.errors and len(seen) == len(RELEASES)
            assert all(all(counts) and counts for counts in seen.values()), seen
            # the first build annotates the articles again, the next reads them back
            assert [c for c in calls if c] == ([len(RELEASES)] if "/press" in url else []), (url, calls)
