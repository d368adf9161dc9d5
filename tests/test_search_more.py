"""The header search box in headless Chromium, on an archive with more than a page of results.

(Its own module: Playwright's sync API runs one browser session at a time, and the module
fixture of test_browser.py keeps its session open while its tests run.)"""
from __future__ import annotations

import pytest

from .browser import browser, serve
from .conftest import skeleton
from .test_browser import _shot
from .test_site import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory):
    """Twelve articles that all match one word: more than a page of search results."""
    project = skeleton(tmp_path_factory.mktemp("many"))
    for i in range(12):
        (project / "sources" / f"r{i:02d}.txt").write_text(
            f"---\ndate: 2024-05-{i + 1:02d}\n---\nHarbour report {i + 1}\n"
            f'"Berth {i + 1} of the harbour is open again," said Maria Ortega, chair of the board.\n', encoding="utf-8")
    return build_site(project)


def test_search_shows_ten_results_then_the_rest_on_request(archive_site):
    with serve(archive_site) as base, browser() as b:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        page.goto(base + "/")
        page.click("input.md-search__input")
        page.keyboard.type("harbour", delay=20)
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.wait_for_selector("li.pr-search-more button")
        assert page.inner_text(".md-search-result__meta") == "12 matching documents"
        assert page.locator(".md-search-result__item").count() == 10
        assert page.inner_text("li.pr-search-more button") == "Show 2 more (2 not shown)"
        # the speaker tag after a quote is not indexed: the excerpt does not name her twice
        results = page.inner_text(".md-search-result__list")
        assert "said Maria Ortega" in results and "Ortega said Maria Ortega" not in results
        assert "PeopleMaria" not in results  # the list of people is read with its heading apart
        _shot(page, "search-more")
        page.click("li.pr-search-more button")
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 12")
        assert page.locator("li.pr-search-more").count() == 0
        titles = page.locator(".md-search-result__item h1").all_inner_texts()
        assert sorted(titles) == sorted(f"Harbour report {i + 1}" for i in range(12))
        page.close()
