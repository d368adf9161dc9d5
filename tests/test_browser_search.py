"""Search as a reader uses it, in headless Chromium: a name finds its person first, the
filters narrow the results, the keyboard opens one, a quote's match names its speaker and a
near miss offers the closest known name.

(Its own module: Playwright's sync API runs one browser session at a time.)"""
from __future__ import annotations

import contextlib
import shutil

import pytest

from .browser import served_page
from .conftest import SAMPLE, skeleton
from .test_browser import _shot
from .test_site import build_site

pytestmark = pytest.mark.browser

# our own texts: three dated articles, two years, two publishers, tags, two speakers
STORIES = {
    "ferry.txt": "---\ndate: 2024-05-02\npublisher: Harbour Gazette\ntags: harbour, transport\n---\n"
                 "Ferry terminal approved\n"
                 '"This is a good day for the harbour," said Maria Ortega, chair of the board, on Wednesday.\n',
    "bridge.txt": "---\ndate: 2023-03-14\npublisher: Valley Times\ntags: transport\n---\nBridge repairs begin\n"
                  '"The bridge will reopen before winter," said Keith Ellison, the county engineer.\n'
                  '"We thank the harbour crews for their patience," Ellison said.\n',
    "market.txt": "---\ndate: 2023-09-30\npublisher: Harbour Gazette\n---\nHarbour market reopens\n"
                  '"Stalls by the harbour are busy again," said Maria Ortega, chair of the board.\n'
                  "Keith Ellison visited the market on Saturday.\n",
}


def stories_site(folder):
    """The sample and STORIES, built into a site in this (new) folder."""
    project = skeleton(folder)
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    for name, text in STORIES.items():
        (project / "sources" / name).write_text(text, encoding="utf-8")
    return build_site(project)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return stories_site(tmp_path_factory.mktemp("search"))


@pytest.fixture(scope="module")
def page(site):
    with served_page(site) as p:
        yield p


def search(page, query: str) -> None:
    page.goto(page.base + "/about/")
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=15)
    page.wait_for_selector(".md-search-result__item", timeout=10000)


def titles(page) -> list[str]:
    return page.locator(".md-search-result__item h1").all_inner_texts()


def test_a_name_finds_the_person_page_first(page):
    search(page, "Tan Kefei")
    first = page.locator(".md-search-result__item a").first
    assert first.get_attribute("href").endswith("/people/tan-kefei/")
    assert titles(page)[0] == "PersonTan Kefei" or titles(page)[0].endswith("Tan Kefei")
    assert "China-Russia mutual trust improving" in titles(page)  # and the article after it
    _shot(page, "search-person")


def test_a_name_without_a_page_of_its_own_finds_its_section(page):
    search(page, "Li Shangfu")
    first = page.locator(".md-search-result__item a").first
    assert first.get_attribute("href").endswith("/people/letter-l/#li-shangfu")
    assert titles(page)[0].endswith("Li Shangfu")


def test_listing_pages_stay_out_of_the_results(page):
    search(page, "harbour")
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all("/articles/" in h for h in hrefs), hrefs  # not the home, archive or Quotes pages


def test_a_year_filter_narrows_the_results(page):
    search(page, "harbour")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('3 matching')")
    labels = page.locator(".pr-search-filter > span").all_inner_texts()
    assert labels == ["Speaker", "Year", "Publisher", "Tag"]
    _shot(page, "search-filters")
    page.select_option("select[name=year]", "2023")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('2 matching')")
    assert sorted(titles(page)) == ["Bridge repairs begin", "Harbour market reopens"]
    page.select_option("select[name=publisher]", "Valley Times")
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.includes('1 matching')")
    assert titles(page) == ["Bridge repairs begin"]


def test_a_speaker_filter_alone_lists_their_articles(page):
    page.goto(page.base + "/about/")
    page.click("input.md-search__input")
    page.wait_for_selector("select[name=speaker]", state="attached")
    page.select_option("select[name=speaker]", "Maria Ortega")
    page.wait_for_selector(".md-search-result__item")
    assert sorted(titles(page)) == ["Ferry terminal approved", "Harbour market reopens"]


def test_arrow_down_and_enter_open_a_result(page):
    search(page, "bridge")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.endswith("/articles/bridge-repairs-begin/#q0")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/bridge-repairs-begin/**")
    assert page.inner_text("h1") == "Bridge repairs begin"


def test_a_match_inside_a_quote_links_to_it_and_names_the_speaker(page):
    search(page, "patience")
    link = page.locator(".md-search-result__item a").first
    href = link.get_attribute("href")
    assert "/articles/bridge-repairs-begin/#q" in href
    quote = page.locator(".pr-search-quote").first
    assert "patience" in quote.inner_text() and quote.locator(".pr-search-speaker").inner_text() == "Keith Ellison"
    _shot(page, "search-quote")
    link.click()
    page.wait_for_url("**#q*")
    anchor = page.url.split("#")[1]
    assert "patience" in page.inner_text(f"mark#{anchor}")


@pytest.mark.parametrize("typo,name", [("elison", "Keith Ellison"), ("Ortgea", "Maria Ortega"), ("kefie", "Tan Kefei")])
def test_a_near_miss_offers_the_closest_known_name(page, typo, name):
    page.goto(page.base + "/about/")
    page.click("input.md-search__input")
    page.keyboard.type(typo, delay=15)
    page.wait_for_selector("button.pr-search-suggestion", timeout=10000)
    assert page.inner_text(".pr-search-suggest") == f"Did you mean {name}?"
    page.click("button.pr-search-suggestion")
    page.wait_for_function(f"document.querySelector('input.md-search__input').value === {name!r}")
    page.wait_for_selector(".md-search-result__item")
    assert titles(page)[0].endswith(name)


@pytest.mark.parametrize("typo,url", [("Tan Kefie", "/people/tan-kefei/"), ("Maria Orteag", "/people/maria-ortega/")])
def test_a_near_miss_of_a_whole_name_still_finds_the_person_first(page, typo, url):
    search(page, typo)
    assert page.locator(".md-search-result__item a").first.get_attribute("href").endswith(url)


def test_a_name_typed_right_offers_nothing(page):
    search(page, "Keith Ellison")
    page.wait_for_timeout(300)
    assert page.locator("button.pr-search-suggestion").count() == 0


# Kept in the page: when the first result entered the document.
FIRST_RESULT = """
window.__firstResult = null;
new MutationObserver(function () {
  if (window.__firstResult === null && document.querySelector(".md-search-result__item")) {
    window.__firstResult = performance.now();
  }
}).observe(document, {childList: true, subtree: true});
"""


def _filter_fetches(page) -> list[float]:
    return page.evaluate("performance.getEntriesByType('resource').filter(e => /pf_filter/.test(e.name))"
                         ".map(e => e.startTime)")


@contextlib.contextmanager
def _fresh(page):
    """Another page of the module's browser, in a context of its own: nothing cached (one
    browser session at a time: Playwright's sync API)."""
    fresh = page.context.browser.new_page()
    try:
        yield fresh
    finally:
        fresh.context.close()


def test_the_filters_wait_for_the_first_results_but_come(page):
    """A query does not wait for the filters' values (every filter chunk of every part of
    the index): they are fetched once its results are shown, and the panel is then filled."""
    base = page.base
    with _fresh(page) as page:
        page.add_init_script(FIRST_RESULT)
        page.goto(base + "/about/")
        # focus and the first key in one task: the query is waiting before the engine is ready
        page.evaluate("""() => { const i = document.querySelector("input.md-search__input");
            i.focus(); i.value = "harbour"; i.dispatchEvent(new Event("input", {bubbles: true})); }""")
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_selector("select[name=year]", state="attached")
        first = page.evaluate("window.__firstResult")
        fetched = _filter_fetches(page)
        assert first is not None and fetched and min(fetched) >= first, (first, fetched)


def test_with_no_query_waiting_the_filters_come_at_once(page):
    base = page.base
    with _fresh(page) as page:
        page.goto(base + "/about/")
        page.click("input.md-search__input")
        page.wait_for_selector("select[name=speaker]", state="attached")
        assert _filter_fetches(page) and page.locator(".md-search-result__item").count() == 0
