"""Data for researchers (``data/articles.json``, ``data/quotes.json``) and the feed.

Both are plain files under ``docs/`` that MkDocs copies to the site as they are. Their
format is documented in README.md ("Data for researchers"); ``format`` is bumped on any
incompatible change.
"""
from __future__ import annotations

import json
from email.utils import format_datetime
from datetime import datetime, timezone
import re
from xml.sax.saxutils import escape as _escape

# characters XML 1.0 does not allow at all (C0 controls but tab, newline, return)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    return _escape(_NOT_XML.sub("", text))

from .indexes import FEED_ITEMS
from .directory import newest_first
from .model import Article, Links, Page
from .render import GENERATOR, article_url, person_url

FORMAT = 1


def article_record(a: Article) -> dict:
    m = a.meta
    return {
        "slug": a.slug,
        "url": article_url(a),
        "title": a.title,
        "date": m.date.isoformat() if m.date else None,
        "publisher": m.publisher,
        "author": m.author,
        "source_url": m.url,
        "tags": list(m.tags),
        "lang": m.lang,
        "dateline": a.dateline.place if a.dateline else None,
        "source": a.source.path,
        "sha256": a.source.sha256,
        "words": a.words,
        "lede": a.lede,
        "people": [{"name": p.name, "role": p.role} for p in a.entities.people],
        "organizations": [o.name for o in a.entities.organizations],
        "places": [p.name for p in a.entities.places],
        "quotes": sum(q.kind == "speech" for q in a.quotes),
    }


def article_rows(a: Article, links: Links) -> tuple[str, tuple[str, ...]]:
    """An article's line of data/articles.json and its lines of data/quotes.json, as JSON:
    made when its page is rendered and kept with it, so a rebuild only joins them. A
    quote's ``speaker_url`` is where the site lists the speaker's quotes: "Ellison" and
    "Keith Ellison" share it when the archive knows them as one person."""
    quotes = tuple(
        json.dumps({
            "speaker": q.speaker,
            "speaker_url": person_url(q.speaker, links) if q.speaker else None,
            "text": q.text,
            "article": a.slug,
            "url": f"{article_url(a)}#q{q.start}",
            "date": a.meta.date.isoformat() if a.meta.date else None,
            "start": q.start,
            "end": q.end,
            "cue": q.cue,
            "run": q.run,
        }, ensure_ascii=False)
        for q in a.quotes
        if q.kind == "speech"
    )
    return json.dumps(article_record(a), ensure_ascii=False), quotes


def data_pages(articles: list[Article], rows: dict, links: Links) -> list[Page]:
    """data/articles.json and data/quotes.json, newest first; ``rows`` by source path, as
    made by article_rows (what is missing is made here)."""
    ordered = [rows.get(a.source.path) or article_rows(a, links) for a in newest_first(articles)]
    return [
        Page("data/articles.json", _rows("articles", [r[0] for r in ordered])),
        Page("data/quotes.json", _rows("quotes", [q for r in ordered for q in r[1]])),
    ]


def names_page(links: Links) -> Page:
    """data/names.json: every person, organisation and place the site shows, with where, for
    the search box's "did you mean" when a query is a near miss of a known name."""
    kinds = (("person", links.people), ("organization", links.organizations), ("place", links.places))
    rows = sorted({(name, kind, url) for kind, table in kinds for name, url in table.items()})
    return Page("data/names.json", _rows("names", [json.dumps({"name": n, "kind": k, "url": u}, ensure_ascii=False)
                                                   for n, k, u in rows]))


def _rows(key: str, lines: list[str]) -> str:
    # one record per line: compact yet readable and diff-friendly
    body = ",\n".join(lines)
    return f'{{"format": {FORMAT}, "generator": "{GENERATOR}", "{key}": [\n{body}\n]}}\n'


def feed(articles: list[Article], site_url: str, site_name: str) -> Page:
    """RSS 2.0 of the latest dated articles (a feed reader needs dates to order them), with
    its own address (atom:link rel=self), the date of its newest article as lastBuildDate
    (a rebuild with nothing new leaves the feed as it was) and each article's tags."""
    base = site_url.rstrip("/") + "/"
    items, newest = [], None
    for a in [a for a in newest_first(articles) if a.meta.date][:FEED_ITEMS]:
        link = base + article_url(a)
        when = format_datetime(datetime(a.meta.date.year, a.meta.date.month, a.meta.date.day, tzinfo=timezone.utc))
        newest = newest or when
        items.append(
            "<item>"
            f"<title>{escape(a.title)}</title><link>{escape(link)}</link>"
            f'<guid isPermaLink="true">{escape(link)}</guid>'
            f"<pubDate>{when}</pubDate>"
            + "".join(f"<category>{escape(t)}</category>" for t in a.meta.tags)
            + f"<description>{escape(a.lede)}</description>"
            "</item>"
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<generator>{GENERATOR}</generator>"
        f"<title>{escape(site_name)}</title><link>{escape(base)}</link>"
        f'<atom:link href="{escape(base + "feed.xml").replace(chr(34), "&quot;")}" rel="self" type="application/rss+xml"/>'
        f"<description>{escape(site_name)}: latest articles</description>"
        + (f"<lastBuildDate>{newest}</lastBuildDate>" if newest else "")
        + "".join(items)
        + "</channel></rss>\n"
    )
    return Page("feed.xml", xml)
