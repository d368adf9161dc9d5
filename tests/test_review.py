"""pressroom review: the editor's queue. Every item's YAML, pasted into the file it names,
changes what the item says it will (checked by pasting it, one item at a time, and
gathering the archive again)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pressroom import pipeline, review
from pressroom.nlp.curate import key

from .conftest import ROOT, shared_path

FIXTURES = ROOT / "tests" / "fixtures" / "review"


def _gather(root: Path):
    # (curation.yml is read beside the config, here the archive's root)
    g = pipeline.gather(root / "sources", root / "docs", root / "mkdocs.yml", cache_dir=root / ".cache")
    return pipeline.whole(g, g.articles, root / ".cache")


def _paste(root: Path, item: review.Item) -> None:
    """The item's YAML added to its file (a notes file beside the source, or curation.yml)."""
    (root / item.target).write_text(item.yaml + "\n", encoding="utf-8")


def _people(articles) -> dict[str, list]:
    out: dict[str, list] = {}
    for a in articles:
        for p in a.entities.people:
            out.setdefault(key(p.name), []).append((a.source.path, p.role))
    return out


def _quote(articles, item):
    fix = yaml.safe_load(item.yaml)["corrections"][0]
    [a] = [a for a in articles if a.source.path == item.articles[0]]
    [q] = [q for q in a.quotes if fix["quote"] in q.text]
    return fix, q


def check_item(root: Path, item: review.Item, before) -> None:
    """Paste the item's YAML, gather again, and assert the change the item promises."""
    _paste(root, item)
    verify(item, before, _gather(root))


def verify(item: review.Item, before, after) -> None:
    """The change the item promises, from the archive before its YAML to the archive after."""
    fix = yaml.safe_load(item.yaml)
    if item.kind in ("no speaker", "far pronoun"):
        want, q = _quote(after, item)
        assert q.cue == "correction" and q.speaker == want["speaker"], (item, q)
    elif item.kind == "weak person":
        [name] = fix["not"]["people"]
        assert key(name) in _people(before) and key(name) not in _people(after), item
    elif item.kind in ("one person?", "shared surname"):
        [[first, second]] = fix["same"]
        was = {path for path, _ in _people(before)[key(first)] + _people(before)[key(second)]}
        assert key(second) not in _people(after), item
        assert {path for path, _ in _people(after)[key(first)]} == was, item
    elif item.kind == "roles differ":
        [(name, role)] = fix["roles"].items()
        assert {r for _, r in _people(after)[key(name)]} == {role}, item
    else:
        pytest.fail(f"an item of a kind this test does not know: {item.kind}")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, tmp_path / "sources" / path.name)
    return tmp_path


def test_the_queue_lists_each_kind_sorted_by_pages(archive: Path):
    items = review.queue(_gather(archive))
    assert {i.kind for i in items} == {"no speaker", "far pronoun", "weak person", "one person?", "roles differ"}
    assert [i.pages for i in items] == sorted((i.pages for i in items), reverse=True)
    one = next(i for i in items if i.kind == "one person?")
    assert yaml.safe_load(one.yaml) == {"same": [["Robert Lund", "Bobby Lund"]]} and "a nickname" in one.what
    # both outputs carry every item
    text = review.markdown(items)
    assert all(i.yaml in text for i in items)
    assert review.csv_text(items).count("\n") > len(items)


def test_every_item_does_what_it_says(archive: Path, tmp_path: Path):
    items = review.queue(_gather(archive))
    for n, item in enumerate(items):
        work = tmp_path / f"try{n}"
        shutil.copytree(archive, work)
        check_item(work, item, _gather(work))


def _corpus(root: Path, edges: bool = False) -> Path:
    """The sample and the shared corpus's articles (``edges``: and its edge_* files)."""
    corpus = shared_path("corpus")
    (root / "sources").mkdir(parents=True)
    for path in [ROOT / "sources" / "000_47605877143c161c.txt", *sorted(corpus.glob("[0-9]*.txt")),
                 *(sorted(corpus.glob("edge_*.txt")) if edges else [])]:
        shutil.copy(path, root / "sources" / path.name)
    return root


@pytest.mark.shared
def test_on_the_corpus_every_item_does_what_it_says(tmp_path: Path):
    """The sample and the shared corpus: up to four items of each kind, each pasted alone."""
    root = _corpus(tmp_path / "archive")
    before = _gather(root)
    items = review.queue(before)
    assert len({i.kind for i in items}) >= 4, {i.kind for i in items}
    tried: dict[str, int] = {}
    for n, item in enumerate(items):
        if tried.get(item.kind, 0) >= 4:
            continue
        tried[item.kind] = tried.get(item.kind, 0) + 1
        if item.target != "curation.yml" and (root / item.target).exists():
            continue
        check_item(root, item, before)
        (root / item.target).unlink()


@pytest.mark.shared
def test_on_the_corpus_every_removal_and_correction_does_what_it_says(tmp_path: Path):
    """All the items of the kinds that do not touch one another (a person removed, a quote's
    speaker set), pasted together, each into its file: every one has its effect. The edge
    files are in: two names only the rules' spelling had (David Nelson, Jr.; James Martin's)
    were not removed once."""
    root = _corpus(tmp_path / "archive", edges=True)
    before = _gather(root)
    items = [i for i in review.queue(before) if i.kind in ("weak person", "no speaker", "far pronoun")]
    assert len(items) >= 60, len(items)
    merged: dict[str, dict] = {}
    for item in items:
        for section, value in yaml.safe_load(item.yaml).items():
            into = merged.setdefault(item.target, {})
            if isinstance(value, dict):  # not: {people: [...]}
                for kind, names in value.items():
                    into.setdefault(section, {}).setdefault(kind, []).extend(names)
            else:  # corrections: [...]
                into.setdefault(section, []).extend(value)
    for target, data in merged.items():
        (root / target).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    after = _gather(root)
    for item in items:
        verify(item, before, after)
