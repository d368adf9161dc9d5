"""HTML from Jinja templates, overridable the Material way: pressroom's theme (in the
package) sits between the user's overrides/ and Material; a part of an article page, or
the page frame, replaced in overrides/ is used, and still escapes what it prints."""
from __future__ import annotations

from pathlib import Path

from pressroom.render import split_front_matter

from .test_build import run_build
from .test_site import build_site

STORY = ('---\ndate: 2024-05-02\n---\nFerry terminal approved\n'
         '"This is a <b>good</b> day for the harbour," said Maria Ortega, chair of the board.\n')


def _page(project: Path) -> str:
    """The HTML of the article's page (its front matter holds the text as YAML data)."""
    return split_front_matter((project / "docs" / "articles" / "ferry-terminal-approved.md").read_text(encoding="utf-8"))[1]


def test_a_part_overridden_in_overrides_is_used_and_escapes(project: Path):
    (project / "sources" / "ferry.txt").write_text(STORY, encoding="utf-8")
    assert run_build(project).returncode == 0
    assert '<mark class="quote" id="q0" data-speaker="Maria Ortega">' in _page(project)
    mine = project / "overrides" / "pressroom" / "quote.html"
    mine.parent.mkdir(parents=True)
    mine.write_text('<q class="said" title="{{ s.quote.speaker }}">{% for s in s.inner %}'
                    '{% include "pressroom/inline.html" %}{% endfor %}</q>', encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 0, r.stderr
    page = _page(project)  # the page is made again: it depends on the user's templates
    assert '<q class="said" title="Maria Ortega">&quot;This is a &lt;b&gt;good&lt;/b&gt; day' in page
    assert "<mark" not in page and "<b>" not in page


def test_the_theme_is_one_copy_in_the_package_and_overrides_replace_it(project: Path):
    """The stylesheet, search box and page frame come from the package's theme (nothing of
    them in the project); a file of the same name in overrides/ replaces it."""
    (project / "sources" / "ferry.txt").write_text(STORY, encoding="utf-8")
    assert not (project / "docs" / "assets").exists() and not (project / "overrides" / "partials").exists()
    site = build_site(project)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="assets/pressroom.css"' in home and 'src="assets/pressroom-search.js"' in home
    assert "data-pr-search" in home  # pressroom's search box
    assert (site / "assets" / "pressroom.css").read_bytes() == (
        Path(__file__).parents[1] / "scripts" / "pressroom" / "theme" / "assets" / "pressroom.css").read_bytes()
    (project / "overrides" / "assets").mkdir(parents=True)
    (project / "overrides" / "assets" / "pressroom.css").write_text("/* mine */\n", encoding="utf-8")
    (project / "overrides" / "partials").mkdir()
    (project / "overrides" / "partials" / "search.html").write_text('<div class="my-search"></div>\n', encoding="utf-8")
    site = build_site(project)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<div class="my-search"></div>' in home and "data-pr-search" not in home
    assert (site / "assets" / "pressroom.css").read_text(encoding="utf-8") == "/* mine */\n"
