"""Who and what the archive names, and where the site shows each: the people (with their
roles, articles and quotes), organisations and places, grouped from the articles' data.
The listing pages (indexes.py) are made from these entries.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Article, Links, Quote
from .nlp.lexicon import load
from .slugs import slug

class NewestFirst(tuple):
    """Articles in the order newest_first gives them: every listing of a build asks for that
    order, and the build sorts its articles once."""


def newest_first(articles) -> NewestFirst:
    """Newest first; undated last, by title, so the order never depends on file order."""
    if isinstance(articles, NewestFirst):
        return articles
    dated = sorted((a for a in articles if a.meta.date), key=lambda a: (a.meta.date, a.slug), reverse=True)
    undated = sorted((a for a in articles if not a.meta.date), key=lambda a: (a.title.lower(), a.slug))
    return NewestFirst(dated + undated)


@dataclass
class Entry:
    name: str
    roles: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    quotes: list[tuple[Article, Quote]] = field(default_factory=list)

    def add_article(self, a: Article) -> None:
        if not self.articles or self.articles[-1] is not a:
            self.articles.append(a)

    @property
    def rank(self):
        return (-len(self.quotes), -len(self.articles), self.name)


# A person gets a page of their own when quoted twice or named in three articles, up to a
# share (15%) of the archive's size: every extra page costs Material ~8 ms to build, so listing
# pages must not outgrow the articles. Everyone else has a section on a page per letter.
OWN_PAGE_MIN_QUOTES = 2
OWN_PAGE_MIN_ARTICLES = 3
OWN_PAGE_SHARE = 0.15
OWN_PAGE_FLOOR = 50
ENTITY_ARTICLES_SHOWN = 50
# A person quoted more than QUOTES_SPLIT times has their newest QUOTES_SHOWN quotes on their
# page and a page per year with all that year's quotes (an attorney general quoted in every
# release of a 10,000-article archive had 8,264 quotes on one 4.6 MB page, 4 s to open).
# Not lower: each page costs MkDocs ~8 ms, and 100 made 540 year pages, +10 s of build.
QUOTES_SPLIT = 500
QUOTES_SHOWN = 100


def people_entries(articles: list[Article]) -> tuple[dict[str, Entry], dict[str, str]]:
    """Every person of the archive with their roles, articles and quotes.

    A speaker counts as a person when the article names them as one; an organisation that
    speaks is shown with the organisations, a description ("a senior aide") on no page.
    A surname alone ("Ellison", in an article that never gives the full name) joins the one
    person of the archive with that surname, when there is exactly one. Returns the entries
    by key and the merged keys (surname key -> full name's key).
    """
    people: dict[str, Entry] = {}
    ordered = newest_first(articles)
    for a in ordered:
        named = {p.name for p in a.entities.people}
        for p in a.entities.people:
            k = slug(p.name)
            e = people.get(k)
            if e is None:
                e = people[k] = Entry(p.name)
            if p.role and p.role not in e.roles:
                e.roles.append(p.role)
            e.add_article(a)
        for q in a.quotes:
            if q.kind == "speech" and q.speaker in named:
                e = people[slug(q.speaker)]
                e.quotes.append((a, q))
                e.add_article(a)
    return _merge_surnames(people, {id(a): i for i, a in enumerate(ordered)})


def _merge_surnames(people: dict[str, Entry], order: dict[int, int]) -> tuple[dict[str, Entry], dict[str, str]]:
    merged: dict[str, str] = {}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for k, e in people.items():
        if len(e.name.split()) > 1:
            by_surname[e.name.split()[-1]].append(k)
    grown: set[str] = set()
    for k, e in list(people.items()):
        full = by_surname.get(e.name) if len(e.name.split()) == 1 else None
        if full and len(full) == 1:
            target = people[full[0]]
            target.quotes.extend(e.quotes)
            target.roles.extend(r for r in e.roles if r not in target.roles)
            # by identity: comparing whole articles field by field is what made this slow
            have = {id(a) for a in target.articles}
            target.articles.extend(a for a in e.articles if id(a) not in have)
            grown.add(full[0])
            del people[k]
            merged[k] = full[0]
    for k in grown:  # newest first, as everywhere: a person's page shows the newest quotes
        people[k].articles.sort(key=lambda a: order[id(a)])
        people[k].quotes.sort(key=lambda aq: (order[id(aq[0])], aq[1].start))
    return people, merged


def entries_by_name(articles: list[Article], names) -> dict[str, Entry]:
    # articles by name first: an archive names the same few thousand organisations and
    # places again and again, and each name's slug is then made once
    by_name: dict[str, list[Article]] = {}
    ordered = newest_first(articles)
    for a in ordered:
        for name in names(a):
            listed = by_name.get(name)
            if listed is None:
                by_name[name] = [a]
            elif listed[-1] is not a:
                listed.append(a)
    entries: dict[str, Entry] = {}
    merged = set()
    for name, listed in by_name.items():
        k = slug(name)
        e = entries.get(k)
        if e is None:
            entries[k] = Entry(name, articles=listed)
        else:  # another spelling of the same name ("U.S. Senate", "US Senate")
            e.articles = e.articles + listed
            merged.add(k)
    if merged:
        order = {id(a): i for i, a in enumerate(ordered)}
        for k in merged:
            e = entries[k]
            e.articles = sorted({id(a): a for a in e.articles}.values(), key=lambda a: order[id(a)])
    return entries


def orgs(a: Article):
    return [o.name for o in a.entities.organizations]


def places(a: Article):
    # An article names a place as it writes it ("UK"); across the archive it is one place.
    known = load().places
    return list(dict.fromkeys(known.get(p.name, p.name) for p in a.entities.places))


def letter(key: str) -> str:
    c = key[:1]
    return c if c.isalpha() else "0-9" if c.isdigit() else "other"


def own_pages(people: dict[str, Entry], n_articles: int) -> set[str]:
    cap = max(OWN_PAGE_FLOOR, int(n_articles * OWN_PAGE_SHARE))
    # a person named like a page by letter ("Letter B": letter-b) stays in the sections by
    # letter: their own page would be that page's file
    notable = [(e.rank, k) for k, e in people.items()
               if (len(e.quotes) >= OWN_PAGE_MIN_QUOTES or len(e.articles) >= OWN_PAGE_MIN_ARTICLES)
               and not k.startswith("letter-")]
    return {k for _, k in sorted(notable)[:cap]}


@functools.lru_cache(maxsize=65536)
def _place_url(name: str) -> str:
    k = slug(load().places.get(name, name))
    return f"places/letter-{letter(k)}/#{k}"


def plan(articles: list[Article], entries=None) -> Links:
    """Where every person, organisation and place of the archive is shown."""
    people, merged = entries or people_entries(articles)
    mine = own_pages(people, len(articles))
    where = {k: f"people/{k}/" if k in mine else f"people/letter-{letter(k)}/#{k}" for k in people}
    where.update({alias: where[k] for alias, k in merged.items()})
    # each name once: the same few thousand names recur across the archive's articles
    names = {p.name for a in articles for p in a.entities.people}
    orgs = {o.name for a in articles for o in a.entities.organizations}
    places = {p.name for a in articles for p in a.entities.places}
    return Links(
        people={name: where[slug(name)] for name in names if slug(name) in where},
        # an organisation's section is found by its slug, whichever spelling named it
        organizations={name: f"organizations/letter-{letter(slug(name))}/#{slug(name)}" for name in orgs},
        places={name: _place_url(name) for name in places},
    )


def split_years(e: Entry) -> dict[str, list[tuple[Article, Quote]]]:
    """A person's quotes by the year of their article, newest year first ("undated" last),
    when they are too many for one page; otherwise nothing."""
    if len(e.quotes) <= QUOTES_SPLIT:
        return {}
    years: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for a, q in e.quotes:
        years[str(a.meta.date.year) if a.meta.date else "undated"].append((a, q))
    return dict(sorted(years.items(), key=lambda kv: (kv[0] != "undated", kv[0]), reverse=True))
