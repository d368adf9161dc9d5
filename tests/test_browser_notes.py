"""Issue 16: a note opens by keyboard and by touch, not only by mouse, and an attribution an
editor set says so. In headless Chromium, on the sample curated as tests/fixtures/curated/
has it (curation.yml and a notes file with a note and a corrected speaker)."""
from __future__ import annotations

import shutil

import pytest

from .browser import browser, serve
from .conftest import ROOT, SAMPLE, skeleton
from .test_browser import _shot
from .test_site import build_site

pytestmark = pytest.mark.browser

CURATED = ROOT / "tests" / "fixtures" / "curated"
PAGE = "/articles/china-russia-mutual-trust-improving/"
OPEN = ".pr-popover:popover-open"


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    project = skeleton(tmp_path_factory.mktemp("notes"))
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    shutil.copy(CURATED / "sample.notes.yml", project / "sources" / (SAMPLE.stem + ".notes.yml"))
    shutil.copy(CURATED / "curation.yml", project / "curation.yml")
    with serve(build_site(project)) as url:
        yield url


@pytest.fixture(scope="module")
def b():
    with browser() as b:
        yield b


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {cls: e.className, label: e.getAttribute('aria-label'), visible: e.matches(':focus-visible')}; }""")


def _tab_to(page, cls: str, limit: int = 150) -> int:
    """Press Tab from where the focus is until it is on an element of this class; the
    number of presses (a failure when the page's tab order never reaches one)."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if cls in _focused(page)["cls"].split():
            return n
    pytest.fail(f"{limit} presses of Tab never reached a .{cls}")


def _beside(page) -> None:
    """The open popover is next to the button focused (just below it, or just above it
    where below does not fit), not somewhere else in the window."""
    pop = page.locator(OPEN).bounding_box()
    button = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return {y: r.y, h: r.height}; }")
    gap = min(abs(pop["y"] - (button["y"] + button["h"])), abs(button["y"] - (pop["y"] + pop["height"])))
    assert gap < 12, (pop, button)


def test_a_keyboard_user_tabs_to_a_note_opens_it_and_closes_it(base, b):
    page = b.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + PAGE)
    assert page.locator(OPEN).count() == 0
    _tab_to(page, "pr-note")
    focused = _focused(page)
    assert focused["label"] == "Editor's note" and focused["visible"], focused  # (and its focus ring shows)
    page.keyboard.press("Enter")
    page.wait_for_selector(OPEN, timeout=5000)
    assert page.locator(OPEN).inner_text() == "The ministry's term for visits led by the two presidents."
    assert page.locator(OPEN).is_visible()
    _beside(page)
    page.keyboard.press("Escape")
    page.wait_for_selector(OPEN, state="detached", timeout=5000)
    assert "pr-note" in _focused(page)["cls"]  # the reader is where they were
    # the next stop of the same kind: the editor's check of an attribution, opened with Space
    _tab_to(page, "pr-edited")
    assert _focused(page)["label"] == "Attribution checked by the editor"
    page.keyboard.press("Space")
    page.wait_for_selector(OPEN, timeout=5000)
    assert "Attribution checked by the editor" in page.locator(OPEN).inner_text()
    _beside(page)
    _shot(page, "edited-attribution-keyboard")
    page.keyboard.press("Escape")
    page.wait_for_selector(OPEN, state="detached", timeout=5000)
    page.close()


def test_a_touch_opens_a_note_and_a_touch_elsewhere_closes_it(base, b):
    context = b.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base + PAGE)
    button = page.locator("button.pr-edited").first
    button.scroll_into_view_if_needed()
    button.tap()
    page.wait_for_selector(OPEN, timeout=5000)
    assert "Attribution checked by the editor" in page.locator(OPEN).inner_text()
    # the quote it belongs to names the speaker the editor set (the notes file's correction)
    assert page.locator('mark.quote[data-cue="correction"]').first.get_attribute("data-speaker") == "The Russian side"
    page.locator("h1").tap()  # a light dismiss, as on a phone
    page.wait_for_selector(OPEN, state="detached", timeout=5000)
    context.close()
