"""Found where readers look: the feed in every page's head and on the home page (with its
own address, a build date and the articles' tags), a Data page that documents and links the
JSON files, a home page titled with the site's name; and read by machines: schema.org
JSON-LD and link previews (Open Graph, Twitter), escaped against a hostile title."""
from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLE, skeleton
from .test_browser_search import STORIES
from .test_site import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/press/"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = skeleton(tmp_path_factory.mktemp("found"))
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url:.*$", f"site_url: {SITE_URL}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    for name, text in STORIES.items():
        (project / "sources" / name).write_text(text, encoding="utf-8")
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    shutil.copy(FIXTURES / "hostile.txt", project / "sources" / "hostile.txt")
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


class _Head(HTMLParser):
    """The JSON-LD blocks and the meta properties of a page, as a browser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.meta: dict[str, str] = {}
        self._in: dict | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in = attrs
            self.scripts.append((attrs, ""))
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")

    def handle_data(self, data):
        if self._in is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in = None


def _read(page: Path) -> tuple[list[dict], dict[str, str]]:
    head = _Head()
    head.feed(page.read_text(encoding="utf-8"))
    return [json.loads(text) for attrs, text in head.scripts if attrs.get("type") == "application/ld+json"], head.meta


def test_an_article_is_a_news_article_with_its_mentions_and_quotations(site):
    [ld], meta = _read(site / "articles" / "bridge-repairs-begin" / "index.html")
    url = SITE_URL + "articles/bridge-repairs-begin/"
    assert ld["@context"] == "https://schema.org" and ld["@type"] == "NewsArticle"
    assert (ld["headline"], ld["datePublished"], ld["url"]) == ("Bridge repairs begin", "2023-03-14", url)
    assert ld["publisher"] == {"@type": "Organization", "name": "Valley Times"}
    assert {"@type": "Person", "name": "Keith Ellison"} in ld["mentions"]
    assert [(q["@type"], q["creator"], q["text"]) for q in ld["hasPart"]] == [
        ("Quotation", {"@type": "Person", "name": "Keith Ellison"}, "The bridge will reopen before winter,"),
        ("Quotation", {"@type": "Person", "name": "Keith Ellison"}, "We thank the harbour crews for their patience,"),
    ]
    assert all(q["url"].startswith(url + "#q") for q in ld["hasPart"])
    assert meta["og:title"] == meta["twitter:title"] == "Bridge repairs begin"
    assert meta["og:site_name"] == "Press archive" and meta["og:type"] == "article" and meta["og:url"] == url
    assert meta["og:description"] == meta["twitter:description"] == (
        '"The bridge will reopen before winter," said Keith Ellison, the county engineer.')


def test_an_article_without_a_date_or_publisher_leaves_them_out(site):
    [ld], _ = _read(site / "articles" / "china-russia-mutual-trust-improving" / "index.html")
    assert "datePublished" not in ld and "publisher" not in ld
    assert len(ld["hasPart"]) == 5 and {q["creator"]["name"] for q in ld["hasPart"]} == {"Tan Kefei"}
    kinds = {m["@type"] for m in ld["mentions"]}
    assert kinds == {"Person", "Organization", "Place"}
    assert {"@type": "Place", "name": "Russia"} in ld["mentions"]


def test_a_person_page_is_a_person_with_their_role(site):
    [ld], meta = _read(site / "people" / "tan-kefei" / "index.html")
    assert ld == {"@context": "https://schema.org", "@type": "Person", "name": "Tan Kefei",
                  "jobTitle": "Senior Colonel, spokesman for the Ministry of National Defense",
                  "url": SITE_URL + "people/tan-kefei/"}
    assert meta["og:title"] == "Tan Kefei" and meta["og:type"] == "website"


def test_a_hostile_title_cannot_close_the_script_block(site):
    title = (FIXTURES / "hostile.txt").read_text(encoding="utf-8").splitlines()[0].strip()
    assert "</script>" in title
    [page] = [p for p in (site / "articles").glob("*/index.html") if "alert" in p.read_text(encoding="utf-8")[:3000]]
    raw = page.read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', raw, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block  # written as \u003c, \u003e, \u0026
    [ld], meta = _read(page)
    assert ld["headline"] == title
    assert meta["og:title"] == meta["twitter:title"] == title
