"""The search index in parts (search.py): years in parts of a bounded size, each part indexed
by Pagefind on its own and merged by the search box in the browser (mergeIndex); a part whose
pages did not change is not indexed again.

(Its own module for the browser test: Playwright's sync API runs one session at a time.)"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressroom import search
from pressroom.search import IndexSpec, split_parts

from .browser import browser, serve
from .conftest import skeleton
from .test_render_cache import _configure, _site, _stamps

# (what, pages by year, limit, the parts' names and sizes)
SPLITS = [
    ("one year, one part", {"2022": 3}, 10, [("2022", 3)]),
    ("the newest year apart", {"2020": 1, "2021": 2, "2022": 3}, 10, [("2020", 3), ("2022", 3)]),
    ("years together while they fit", {"2021": 2, "2022": 2, "2023": 1, "2024": 3}, 4,
     [("2021", 4), ("2023", 1), ("2024", 3)]),
    ("a year over the limit split in two", {"2021": 1, "2022": 5}, 3, [("2021", 1), ("2022-1of2", None), ("2022-2of2", None)]),
    ("undated first", {"undated": 1, "2020": 1}, 1, [("undated", 1), ("2020", 1)]),
]


def test_pages_of_no_article_go_with_the_newest_year():
    """A person's or a place's page is no article (no year): it goes with the newest year,
    whose part a new release re-indexes anyway, as the release changes those pages."""
    years = {"articles/old/index.html": "2020", "articles/new/index.html": "2023"}
    parts = split_parts(sorted([*years, "people/jo-roe/index.html"]), years, 10)
    assert parts == [("2020", ["articles/old/index.html"]), ("2023", ["articles/new/index.html", "people/jo-roe/index.html"])]
    assert split_parts(["people/jo-roe/index.html"], {}, 10) == [("undated", ["people/jo-roe/index.html"])]


@pytest.mark.parametrize("what, years, limit, expected", SPLITS, ids=[s[0] for s in SPLITS])
def test_split_parts(what, years, limit, expected):
    pages = {f"articles/{y}-{i}/index.html": y for y, n in years.items() for i in range(n)}
    parts = split_parts(sorted(pages), pages, limit)
    assert [name for name, _ in parts] == [name for name, _ in expected]
    assert all(n is None or len(members) == n for (_, n), (_, members) in zip(expected, parts))
    every = [p for _, members in parts for p in members]
    assert sorted(every) == sorted(pages)  # each page in exactly one part
    assert all(len(members) <= limit for name, members in parts if "of" not in name)


def test_a_split_year_keeps_its_pages_in_their_part():
    # the part of a page of a split year depends on its path only: a new page elsewhere in
    # the year does not move it (its part is not indexed again)
    pages = {f"articles/a{i}/index.html": "2022" for i in range(9)}
    before = dict(split_parts(sorted(pages), pages, 4))
    pages["articles/new/index.html"] = "2022"
    after = dict(split_parts(sorted(pages), pages, 4))
    assert set(before) == set(after) and sum(before[k] != after[k] for k in before) == 1


RELEASES = {f"r{y}{i}.txt": f"---\ndate: {y}-0{i + 1}-1{i}\n---\nHarbour report {y} {i}\n"
            f'"Berth {i} is open again," said Maria Ortega in Bergen in {y}.\n'
            for y, n in (("2021", 2), ("2022", 2), ("2023", 4)) for i in range(n)}
SPEC = IndexSpec(glob="articles/**/*.html", part_pages=3)  # the articles alone: parts by their years


@pytest.fixture(scope="module")
def parted(tmp_path_factory) -> Path:
    root = skeleton(tmp_path_factory.mktemp("parts") / "archive")
    _configure(root, cache=True)
    for name, text in RELEASES.items():
        (root / "sources" / name).write_text(text, encoding="utf-8")
    _site(root)
    assert search.index_site(root / "site", spec=SPEC)
    return root


def test_parts_are_written_and_listed(parted: Path):
    out = parted / "site" / "pagefind"
    state = json.loads((out / search.PARTS).read_text(encoding="utf-8"))
    # 2021 and 2022 (2 + 2 > 3) apart; 2023's four pages in two parts by path
    assert state["first"] == "part-2021" and state["parts"] == ["part-2022", "part-2023-1of2", "part-2023-2of2"]
    counts = [json.loads((out / sub / "pagefind-entry.json").read_text())["languages"]["en"]["page_count"]
              for sub in ["", *state["parts"]]]
    assert sum(counts) == len(RELEASES) and max(counts) <= 3


def test_only_the_part_of_a_changed_page_is_indexed_again(parted: Path):
    out = parted / "site" / "pagefind"
    before = _stamps(out)
    assert search.index_site(parted / "site", spec=SPEC)
    assert _stamps(out) == before  # nothing changed: nothing written
    with (parted / "sources" / "r20220.txt").open("a", encoding="utf-8") as f:
        f.write("The harbour board met again.\n")
    _site(parted)
    assert search.index_site(parted / "site", spec=SPEC)
    after = _stamps(out)
    changed = {path.split("/")[0] for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    assert changed == {"part-2022", search.PARTS}, changed


@pytest.mark.browser
def test_the_search_box_merges_every_part(parted: Path):
    with serve(parted / "site") as base, browser() as b:
        page = b.new_page()
        page.goto(base + "/")
        page.click("input.md-search__input")
        page.keyboard.type("berth", delay=20)
        page.wait_for_function(f"document.querySelectorAll('.md-search-result__item').length === {len(RELEASES)}",
                               timeout=20000)
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        assert sorted(titles) == sorted(text.split("\n")[3] for text in RELEASES.values())
        page.close()


def test_the_pages_indexed_are_those_pagefind_globs(tmp_path: Path):
    """IndexSpec.pages lists what Pagefind's brace glob takes (Python's glob has no braces),
    and nothing else: a listing page stays out."""
    from pressroom.search import IndexSpec

    for page in ("articles/a/index.html", "people/jo-roe/index.html", "places/letter-p/index.html",
                 "quotes/index.html", "index.html", "articles/a/extra.txt"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x", encoding="utf-8")
    assert IndexSpec().pages(tmp_path) == ["articles/a/index.html", "people/jo-roe/index.html",
                                          "places/letter-p/index.html"]
    assert IndexSpec(glob="articles/**/*.html").pages(tmp_path) == ["articles/a/index.html"]
