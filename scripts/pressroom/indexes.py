"""Generated listing pages: home, all articles by month, and one page per speaker/person.

Built from the articles' data, never from the disk. Listing pages are left out of the
search index (``search: exclude``) so a search returns articles, and they group articles by
month instead of putting one nav entry per article in every page.
"""
from __future__ import annotations

from collections import defaultdict

from .model import Article, Page
from .render import article_url, dump_front_matter, esc, person_url
from .slugs import slug

LATEST = 20


def _page(path: str, title: str, body: list[str], **extra) -> Page:
    meta = {"title": title, "search": {"exclude": True}, **extra}
    text = "---\n" + dump_front_matter(meta) + "---\n\n" + "\n".join(body).rstrip("\n") + "\n"
    return Page(path, text)


def _sorted(articles: list[Article]) -> list[Article]:
    """Newest first; undated last, by title, so the order never depends on file order."""
    dated = sorted((a for a in articles if a.meta.date), key=lambda a: (a.meta.date, a.slug), reverse=True)
    undated = sorted((a for a in articles if not a.meta.date), key=lambda a: (a.title.lower(), a.slug))
    return dated + undated


def _item(a: Article, up: str, lede: bool = False) -> str:
    date = a.meta.date.isoformat() if a.meta.date else "undated"
    n = sum(q.kind == "speech" for q in a.quotes)
    line = f'<li><a href="{up}{article_url(a)}">{esc(a.title)}</a> <small>{date} · {n} quote{"s" if n != 1 else ""}</small>'
    if lede:
        text = a.lede if len(a.lede) <= 280 else a.lede[:279].rsplit(" ", 1)[0] + "…"
        line += f"<br><span class=\"pr-lede\">{esc(text)}</span>"
    return line + "</li>"


def home(articles: list[Article]) -> Page:
    latest = _sorted(articles)[:LATEST]
    speakers = {q.speaker for a in articles for q in a.quotes if q.kind == "speech" and q.speaker}
    nquotes = sum(q.kind == "speech" for a in articles for q in a.quotes)
    body = [
        f'<p class="pr-stats">{len(articles):,} articles · {nquotes:,} direct quotes · {len(speakers):,} speakers</p>',
        "",
        "<h2>Latest articles</h2>",
        '<ul class="pr-list">' + "".join(_item(a, "", lede=True) for a in latest) + "</ul>",
        "",
        '<p><a href="articles/">All articles by month</a> · <a href="people/">People and speakers</a></p>',
    ]
    return _page("index.md", "Press archive", body)


def articles_index(articles: list[Article]) -> Page:
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in _sorted(articles):
        groups[a.meta.date.strftime("%Y-%m") if a.meta.date else "Undated"].append(a)
    body = []
    for key, items in groups.items():
        heading = key if key == "Undated" else _month_name(key)
        body += [f'<h2 id="{esc(key.lower())}">{heading} <small>({len(items)})</small></h2>',
                 '<ul class="pr-list">' + "".join(_item(a, "../") for a in items) + "</ul>", ""]
    return _page("articles/index.md", "All articles", body or ["<p>No articles yet.</p>"])


def _month_name(key: str) -> str:
    import calendar

    year, month = key.split("-")
    return f"{calendar.month_name[int(month)]} {year}"


def people_pages(articles: list[Article]) -> list[Page]:
    """One page per person or speaker: role, articles, every quote linked to its place."""
    people: dict[str, dict] = {}
    for a in _sorted(articles):
        for p in a.entities.people:
            entry = people.setdefault(slug(p.name), {"name": p.name, "roles": [], "articles": [], "quotes": []})
            if p.role and p.role not in entry["roles"]:
                entry["roles"].append(p.role)
            if a not in entry["articles"]:
                entry["articles"].append(a)
        for q in a.quotes:
            if q.kind == "speech" and q.speaker:
                entry = people.setdefault(slug(q.speaker), {"name": q.speaker, "roles": [], "articles": [], "quotes": []})
                entry["quotes"].append((a, q))
                if a not in entry["articles"]:
                    entry["articles"].append(a)
    pages = []
    for key, entry in sorted(people.items()):
        body = []
        if entry["roles"]:
            body.append('<p class="pr-roles">' + "; ".join(esc(r) for r in entry["roles"]) + "</p>")
        body.append(f"<h2>Quotes ({len(entry['quotes'])})</h2>")
        if entry["quotes"]:
            body.append('<ul class="pr-quotes">' + "".join(
                f'<li><q>{esc(q.text)}</q> <small>— <a href="../../{article_url(a)}#q{q.start}">{esc(a.title)}</a>'
                f'{", " + a.meta.date.isoformat() if a.meta.date else ""}</small></li>'
                for a, q in entry["quotes"]) + "</ul>")
        else:
            body.append("<p>No direct quotes.</p>")
        body.append(f"<h2>Articles ({len(entry['articles'])})</h2>")
        body.append('<ul class="pr-list">' + "".join(_item(a, "../../") for a in entry["articles"]) + "</ul>")
        pages.append(_page(f"people/{key}.md", entry["name"], body))
    listing = ['<ul class="pr-people">' + "".join(
        f'<li><a href="{key}/">{esc(e["name"])}</a> <small>{len(e["quotes"])} quotes · {len(e["articles"])} articles</small></li>'
        for key, e in sorted(people.items(), key=lambda kv: (-len(kv[1]["quotes"]), kv[1]["name"]))) + "</ul>"]
    pages.append(_page("people/index.md", "People and speakers", listing))
    return pages


def all_pages(articles: list[Article]) -> list[Page]:
    return [home(articles), articles_index(articles), *people_pages(articles)]
