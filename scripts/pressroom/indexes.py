"""Generated listing pages: home, archive by year and month, people, organisations, places,
quotes by speaker, tags and data.

Built from the articles' data (directory.py groups it), never from the disk, and rendered
from the theme's templates (theme/pressroom/*.html; overrides/pressroom/ replaces them).
Listing pages are left out of the search index, but for the pages of people, organisations
and places; they group articles (one page per year, one per entity) instead of one nav
entry per article on every page, so nothing grows faster than the number of articles.

A page's key is the hash of exactly what its template is given: when the last build made
a page from the same, the page on disk is kept (see ``_Made``).
"""
from __future__ import annotations

import calendar
import hashlib
import json
from collections import defaultdict

from markupsafe import Markup

from . import directory, templating
from .directory import Entry, entries_by_name, letter, newest_first, orgs, own_pages, people_entries, places, plan, split_years
from .model import Article, Links, Page, Quote
from .render import GENERATOR, article_url, dump_front_matter, meta_text

__all__ = ["FOLDERS", "all_pages", "archive", "newest_first", "people_entries", "plan"]

# the folders of docs/ the listing pages are written to ("" is docs/ itself)
FOLDERS = ("", "archive", "people", "quotes", "organizations", "places")
LATEST = 20
QUOTES_PER_SPEAKER_ON_INDEX = 3
FEED_ITEMS = 50  # the feed's length (export.feed)
SITE_NAME = "Press archive"  # when mkdocs.yml names none


def _page(path: str, title: str | None, template: str, context: dict, extra: dict) -> Page:
    meta = {"title": meta_text(title)} if title else {}
    meta.update({"generator": GENERATOR, "search": {"exclude": True}, **extra})
    body = templating.render(template, **context).strip("\n")
    return Page(path, "---\n" + dump_front_matter(meta) + "---\n\n" + body + "\n")


class _Made:
    """Makes the listing pages from their templates, or leaves one out when the last build's
    is still right. A page's key hashes what makes it: its path, title, front matter, the
    template and the exact context given to it, and the user's templates
    (``keep(path, key)``: the page on disk is that one). With ``keyed`` false every page is
    made and no key kept."""

    def __init__(self, keyed: bool = False, keep=None):
        self.keyed, self.keep = keyed, keep
        self.keys: dict[str, str] = {}

    def page(self, path: str, title: str | None, template: str, context: dict, **extra) -> list[Page]:
        """[the page made], or [] when the one on disk is kept."""
        if self.keyed:
            made_of = [path, title, template, extra, context, templating.fingerprint()]
            key = hashlib.sha256(json.dumps(made_of, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
            self.keys[path] = key
            if self.keep and self.keep(path, key):
                return []
        return [_page(path, title, template, context, extra)]


# -- what a template is given: articles and quotes as plain data -----------------------------
def _date(a: Article) -> str:
    return a.meta.date.isoformat() if a.meta.date else "undated"


# An article is listed on several pages (home, archive, each person, organisation and
# place it names): its data is made once per build, and its line (item.html) once per page
# depth, and only for a page that is made (see _line). Keyed by id, cleared by all_pages;
# an entry holds what it was made from, so that no other object can take its id meanwhile.
_ITEMS: dict[tuple[int, bool], tuple[Article, dict]] = {}
_LINES: dict[tuple, tuple[dict, Markup]] = {}


def _item(a: Article, lede: bool = False) -> dict:
    hit = _ITEMS.get((id(a), lede))
    if hit is None:
        data = {"url": article_url(a), "title": a.title, "date": _date(a),
                "quotes": sum(q.kind == "speech" for q in a.quotes), "lede": None}
        if lede:
            data["lede"] = a.lede if len(a.lede) <= 280 else a.lede[:279].rsplit(" ", 1)[0] + "…"
        hit = _ITEMS[(id(a), lede)] = (a, data)
    return hit[1]


def _items(articles) -> list[dict]:
    return [_item(a) for a in articles]


def _quotes(items) -> list[dict]:
    return [{"text": q.text, "url": f"{article_url(a)}#q{q.start}", "title": a.title, "date": _date(a)}
            for a, q in items]


def _line(template: str, data: dict, up: str) -> Markup:
    """``line(template, data, up)`` in the listing templates: an article's or a quote's line
    (item.html, quote-item.html), made once per build and page depth."""
    key = (template, id(data), up)
    hit = _LINES.get(key)
    if hit is None:
        name = {"item": "item.html", "quote-item": "quote-item.html"}[template]
        hit = _LINES[key] = (data, Markup(templating.render(name, a=data, q=data, up=up)))
    return hit[1]


templating.provide(line=_line)


# -- home, data and archive -----------------------------------------------------------------
def home(articles: list[Article], site: dict | None = None, made: _Made | None = None) -> list[Page]:
    """The front page, titled with the site's name (no title in the front matter: Material
    would print "Press archive - Press archive"); with a site URL, the feed is linked."""
    site = site or {}
    speakers = {q.speaker for a in articles for q in a.quotes if q.kind == "speech" and q.speaker}
    context = {"site_name": site.get("site_name") or SITE_NAME, "n_articles": len(articles),
               "n_quotes": sum(q.kind == "speech" for a in articles for q in a.quotes), "n_speakers": len(speakers),
               "latest": [_item(a, lede=True) for a in newest_first(articles)[:LATEST]],
               "feed": bool(site.get("site_url"))}
    return (made or _Made()).page("index.md", None, "home.html", context)


def data_page(articles: list[Article], site: dict | None = None, made: _Made | None = None) -> list[Page]:
    """What the site publishes as data, with links: data/*.json, and the feed."""
    context = {"n_articles": len(articles), "n_quotes": sum(q.kind == "speech" for a in articles for q in a.quotes),
               "feed": bool((site or {}).get("site_url")), "feed_items": FEED_ITEMS}
    return (made or _Made()).page("data.md", "Data", "data.html", context)


def archive(articles: list[Article], made: _Made | None = None) -> list[Page]:
    """archive/index.md lists the years; archive/YEAR.md the months of a year (kept out of
    articles/ so that no article title can collide with a listing page)."""
    made = made or _Made()
    by_year: dict[str, list[Article]] = defaultdict(list)
    for a in newest_first(articles):
        by_year[str(a.meta.date.year) if a.meta.date else "undated"].append(a)
    pages = []
    for year, items in by_year.items():
        pages += made.page(f"archive/{year}.md", f"Articles: {year}", "archive-year.html", _year(year, items))
    years = [{"year": year, "count": len(items)} for year, items in by_year.items()]
    return pages + made.page("archive/index.md", "Archive", "archive.html", {"years": years})


def _year(year: str, items: list[Article]) -> dict:
    if year == "undated":
        return {"year": year, "undated": _items(items), "months": []}
    by_month: dict[int, list[Article]] = defaultdict(list)
    for a in items:
        by_month[a.meta.date.month].append(a)
    return {"year": year, "undated": [], "months": [
        {"number": f"{month:02d}", "name": calendar.month_name[month], "articles": _items(group)}
        for month, group in by_month.items()]}


# -- people, organisations, places ----------------------------------------------------------
def _person(e: Entry, years: dict | None = None) -> dict:
    """A person as lists.person shows them; ``years``: their quotes by year (split_years)
    when they have pages by year."""
    return {"name": e.name, "roles": e.roles, "n_quotes": len(e.quotes), "n_articles": len(e.articles),
            "quotes": _quotes(e.quotes[:directory.QUOTES_SHOWN] if years else e.quotes),
            "years": [[y, len(v)] for y, v in (years or {}).items()],
            "articles": _items(e.articles[:directory.ENTITY_ARTICLES_SHOWN]),
            "older": max(0, len(e.articles) - directory.ENTITY_ARTICLES_SHOWN)}


def _grouped(folder: str, title: str, entries: dict[str, Entry], skip: set[str], person: bool,
             made: _Made) -> tuple[list[Page], list[str]]:
    groups: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
    for k, e in sorted(entries.items()):
        if k not in skip:
            groups[letter(k)].append((k, e))
    letters = sorted(groups)
    pages = []
    for x, items in sorted(groups.items()):
        shown = [{"key": k, "name": e.name, "person": _person(e) if person else None,
                  "articles": [] if person else _items(e.articles[:directory.ENTITY_ARTICLES_SHOWN])} for k, e in items]
        pages += made.page(f"{folder}/letter-{x}.md", f"{title}: {x.upper()}", "letter.html",
                           {"letters": letters, "entries": shown}, pr_search="names")
    return pages, letters


def people_pages(articles: list[Article], entries=None, made: _Made | None = None) -> list[Page]:
    """A page per notable person (role, every quote linked to its place, articles) and
    pages by letter for everyone else."""
    made = made or _Made()
    people, _ = entries or people_entries(articles)
    mine = own_pages(people, len(articles))
    pages = []
    for k in sorted(mine):
        e = people[k]
        years = split_years(e)
        pages += made.page(f"people/{k}.md", e.name, "person.html", {"person": _person(e, years)},
                           pr_search="person", person={"name": e.name, "roles": e.roles})
        for year, items in years.items():
            pages += made.page(f"people/{k}/{year}.md", f"{e.name}: quotes, {year.capitalize()}", "person-year.html",
                               {"name": e.name, "year": year, "years": [[y, len(v)] for y, v in years.items()],
                                "quotes": _quotes(items)})
    grouped, letters = _grouped("people", "People", people, mine, person=True, made=made)
    ranked = sorted(((k, e) for k, e in people.items() if k in mine), key=lambda kv: kv[1].rank)
    listed = [{"key": k, "name": e.name, "role": e.roles[0] if e.roles else None, "quotes": len(e.quotes),
               "articles": len(e.articles)} for k, e in ranked]
    return pages + grouped + made.page("people/index.md", "People", "people.html",
                                       {"letters": letters, "people": listed, "others": len(people) - len(mine)})


def quotes_page(articles: list[Article], links: Links, entries=None, made: _Made | None = None) -> list[Page]:
    """Quotes grouped by speaker: the latest few of each, and a link to all of them."""
    people, _ = entries or people_entries(articles)
    speakers = sorted(((k, e) for k, e in people.items() if e.quotes), key=lambda kv: kv[1].rank)
    # Speakers that are not people of the archive: organisations, or descriptions such as
    # "a senior aide" (every quote is listed somewhere, so the counts add up).
    others: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for a in newest_first(articles):
        named = {p.name for p in a.entities.people}
        for q in a.quotes:
            if q.kind == "speech" and q.speaker and q.speaker not in named:
                others[q.speaker].append((a, q))
    context = {
        "speakers": [{"key": k, "name": e.name, "count": len(e.quotes),
                      "url": "../" + links.people.get(e.name, f"people/letter-{letter(k)}/#{k}"),
                      "quotes": _quotes(e.quotes[:QUOTES_PER_SPEAKER_ON_INDEX])} for k, e in speakers],
        "others": [{"name": name, "count": len(items), "url": links.organizations.get(name),
                    "quotes": _quotes(items[:QUOTES_PER_SPEAKER_ON_INDEX])}
                   for name, items in sorted(others.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "unknown": sum(q.kind == "speech" and not q.speaker for a in articles for q in a.quotes),
    }
    return (made or _Made()).page("quotes/index.md", "Quotes by speaker", "quotes.html", context)


def _named_pages(articles: list[Article], folder: str, title: str, names, made: _Made) -> list[Page]:
    entries = entries_by_name(articles, names)
    pages, letters = _grouped(folder, title, entries, set(), person=False, made=made)
    ranked = [{"key": k, "letter": letter(k), "name": e.name, "articles": len(e.articles)}
              for k, e in sorted(entries.items(), key=lambda kv: kv[1].rank)]
    return pages + made.page(f"{folder}/index.md", title, "names.html", {"letters": letters, "entries": ranked})


def tags_page(articles, made: _Made | None = None) -> list[Page]:
    # Material's tags plugin fills the page; with no tag at all it says where tags come from
    return (made or _Made()).page("tags.md", "Tags", "tags.html", {"tagged": any(a.meta.tags for a in articles)})


def all_pages(articles: list[Article], links: Links, entries=None, keyed: bool = False,
              keep=None, site: dict | None = None) -> tuple[list[Page], dict[str, str]]:
    """Every listing page, and (``keyed``) their keys (see _Made): a page ``keep`` says is
    still right on disk is left out."""
    entries = entries or people_entries(articles)
    made = _Made(keyed, keep)
    _ITEMS.clear()
    _LINES.clear()
    try:
        pages = [
            *home(articles, site, made),
            *data_page(articles, site, made),
            *archive(articles, made),
            *people_pages(articles, entries, made),
            *quotes_page(articles, links, entries, made),
            *_named_pages(articles, "organizations", "Organisations", orgs, made),
            *_named_pages(articles, "places", "Places", places, made),
            *tags_page(articles, made),
        ]
        return pages, made.keys
    finally:
        _ITEMS.clear()  # ids are only unique while the articles live
        _LINES.clear()
