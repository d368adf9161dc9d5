"""What a reader does, in headless Chromium: browse, search, hover a note."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from .browser import served_page
from .conftest import SAMPLE, skeleton
from .test_notes import NOTES
from .test_site import build_site

pytestmark = pytest.mark.browser

# Screenshots to look at: PRESSROOM_SHOTS=/some/dir make test keeps them there.
SHOTS = Path(os.environ.get("PRESSROOM_SHOTS") or tempfile.gettempdir()) / "pressroom-screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("browser")

    skeleton(project)
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    (project / "sources" / (SAMPLE.stem + ".notes.yml")).write_text(NOTES, encoding="utf-8")
    (project / "sources" / "other.txt").write_text(
        "---\ndate: 2024-05-02\npublisher: Harbour Gazette\n---\nFerry terminal approved\n"
        '"This is a good day for the harbour," said Maria Ortega, chair of the board, on Wednesday.\n', encoding="utf-8")
    return build_site(project)


@pytest.fixture(scope="module")
def page(site):
    with served_page(site) as p:
        yield p


def _shot(page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_home_to_article_to_speaker(page):
    page.goto(page.base + "/")
    page.click("text=China-Russia mutual trust improving")
    page.wait_for_selector('mark.quote[data-speaker="Tan Kefei"]')
    assert page.locator('mark.quote[data-speaker="Tan Kefei"]').count() == 5
    _shot(page, "article")
    page.locator("a.pr-speaker").first.click()
    page.wait_for_selector("h1")
    assert page.inner_text("h1") == "Tan Kefei"
    assert page.locator("ul.pr-quotes li").count() == 5
    _shot(page, "speaker")
    # each quote links back to its exact place in the article
    page.locator("ul.pr-quotes li a").first.click()
    page.wait_for_selector("mark.quote")
    assert "#q" in page.url


@pytest.mark.parametrize("query", ["shared future for mankind", "Tan Kefei"])
def test_search_finds_the_sample(page, query):
    page.goto(page.base + "/about/")
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    results = page.inner_text(".md-search-result")
    assert "China-Russia mutual trust improving" in results
    _shot(page, f"search-{query.split()[0].lower()}")


def test_note_popover_and_resolved_date(page):
    # an editor's note is a button opening HTML's popover (by click, tap or keyboard), not a
    # hover tooltip: Enter opens it, Escape closes it
    page.goto(page.base + "/articles/china-russia-mutual-trust-improving/")
    page.focus("button.pr-note")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pr-popover:popover-open", timeout=5000)
    assert "visits led by the two presidents" in page.inner_text(".pr-popover:popover-open")
    _shot(page, "note")
    page.keyboard.press("Escape")
    page.wait_for_selector(".pr-popover:popover-open", state="detached", timeout=5000)
    page.goto(page.base + "/articles/ferry-terminal-approved/")
    assert page.get_attribute("abbr.pr-time", "title") == "Wednesday 1 May 2024"

