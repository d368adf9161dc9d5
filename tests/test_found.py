"""Found where readers look: the feed in every page's head and on the home page (with its
own address, a build date and the articles' tags), a Data page that documents and links the
JSON files, and a home page titled with the site's name."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import skeleton
from .test_browser_search import STORIES
from .test_site import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/press/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = skeleton(tmp_path_factory.mktemp("found"))
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    for name, text in STORIES.items():
        (project / "sources" / name).write_text(text, encoding="utf-8")
    return build_site(project)


def test_every_page_links_the_feed_in_its_head(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        links = re.findall(r'<link rel="alternate" type="application/rss\+xml" title="Press archive" href="([^"]+)">', head)
        assert len(links) == 1, page
        # (404.html links from the site's root: it is served at any address)
        target = site / links[0].removeprefix("/press/") if links[0].startswith("/") else page.parent / links[0]
        assert target.resolve() == (site / "feed.xml").resolve(), page


def test_the_home_page_is_titled_with_the_site_name_and_links_feed_and_data(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Press archive</title>" in home and "<h1>Press archive</h1>" in home
    assert ">Home</h1>" not in home
    assert '<a href="feed.xml" type="application/rss+xml">RSS feed</a>' in home
    assert '<a href="data/">Data</a>' in home


def test_the_feed_has_its_address_a_build_date_and_the_tags(site):
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    self_link = channel.find(f"{ATOM}link")
    assert self_link.attrib == {"href": SITE_URL + "feed.xml", "rel": "self", "type": "application/rss+xml"}
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Ferry terminal approved", "Harbour market reopens", "Bridge repairs begin"]
    # the newest article's date: a rebuild with nothing new leaves the feed byte for byte
    assert channel.findtext("lastBuildDate") == items[0].findtext("pubDate") == "Thu, 02 May 2024 00:00:00 +0000"
    assert [c.text for c in items[0].findall("category")] == ["harbour", "transport"]
    assert [c.text for c in items[1].findall("category")] == []


def test_the_data_page_documents_and_links_the_json(site):
    page = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert "<title>Data - Press archive</title>" in page
    for name, field in (("articles", "source_url"), ("quotes", "speaker_url"), ("names", "kind")):
        href = re.search(rf'<a href="([^"]*data/{name}\.json)">', page).group(1)
        assert (site / "data" / href).resolve() == (site / "data" / f"{name}.json").resolve()
        assert (site / "data" / f"{name}.json").is_file()
        assert f"<code>{field}</code>" in page
    assert re.search(r'<a href="\.\./feed\.xml" type="application/rss\+xml">feed\.xml</a>', page)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="data/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Data\s*</span>', home), \
        "the Data page is in the navigation"
