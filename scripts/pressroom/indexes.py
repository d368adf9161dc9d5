"""Generated listing pages: home, archive by year and month, people, organisations, places,
quotes by speaker and tags.

Built from the articles' data, never from the disk. Listing pages are left out of the
search index (``search: exclude``) so a search returns articles; they group articles (one
page per year, one per entity) instead of one nav entry per article on every page, so
nothing grows faster than the number of articles.
"""
from __future__ import annotations

import calendar
import functools
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from .nlp.lexicon import load
from .model import Article, Links, Page, Quote
from .render import GENERATOR, article_url, dump_front_matter, esc, meta_text
from .slugs import slug

# the folders of docs/ the listing pages are written to ("" is docs/ itself)
FOLDERS = ("", "archive", "people", "quotes", "organizations", "places")
LATEST = 20
FEED_ITEMS = 50  # the feed's length (export.feed)
SITE_NAME = "Press archive"  # when mkdocs.yml names none
QUOTES_PER_SPEAKER_ON_INDEX = 3


def _page(path: str, title: str | None, body: list[str], **extra) -> Page:
    meta = {"title": meta_text(title)} if title else {}
    meta.update({"generator": GENERATOR, "search": {"exclude": True}, **extra})
    text = "---\n" + dump_front_matter(meta) + "---\n\n" + "\n".join(body).rstrip("\n") + "\n"
    return Page(path, text)


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


def _count(n: int, noun: str) -> str:
    """"1 article", "2,140 articles"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _date(a: Article) -> str:
    return a.meta.date.isoformat() if a.meta.date else "undated"


# An article is listed on several pages (home, archive, each person, organisation and
# place it names): its line is made once per build. Keyed by id, cleared by all_pages; the
# entry holds the article itself, so that no other object can take its id meanwhile.
_ITEMS: dict[tuple[int, str, bool | None], tuple[Article, object]] = {}


def _item(a: Article, up: str, lede: bool = False) -> str:
    key = (id(a), up, lede)
    hit = _ITEMS.get(key)
    if hit is None:
        hit = _ITEMS[key] = (a, _make_item(a, up, lede))
    return hit[1]


def _head(a: Article) -> tuple[str, str, str]:
    """An article's URL, escaped title and date as every listing line shows them (made once
    per build: an article with many quotes is listed once per quote)."""
    key = (id(a), "", None)
    hit = _ITEMS.get(key)
    if hit is None:
        hit = _ITEMS[key] = (a, (article_url(a), esc(a.title), _date(a)))
    return hit[1]


def _make_item(a: Article, up: str, lede: bool) -> str:
    n = sum(q.kind == "speech" for q in a.quotes)
    url, title, date = _head(a)
    line = f'<li><a href="{up}{url}">{title}</a> <small class="pr-when">{date} · {_count(n, "quote")}</small>'
    if lede:
        text = a.lede if len(a.lede) <= 280 else a.lede[:279].rsplit(" ", 1)[0] + "…"
        line += f'<br><span class="pr-lede">{esc(text)}</span>'
    return line + "</li>"


def _list(items: list[Article], up: str) -> str:
    return '<ul class="pr-list">' + "".join(_item(a, up) for a in items) + "</ul>"


def _quote_item(a: Article, q: Quote, up: str, speaker: bool = False) -> str:
    who = f"{esc(q.speaker)}, " if speaker and q.speaker else ""
    url, title, date = _head(a)
    return f'<li><q>{esc(q.text)}</q> <small>— {who}<a href="{up}{url}#q{q.start}">{title}</a>, {date}</small></li>'


# -- home and archive ---------------------------------------------------------------------
def home(articles: list[Article], site: dict | None = None) -> Page:
    """The front page, titled with the site's name (Material's <title> is then the name
    alone); with a site URL, the feed is linked."""
    site = site or {}
    latest = newest_first(articles)[:LATEST]
    speakers = {q.speaker for a in articles for q in a.quotes if q.kind == "speech" and q.speaker}
    nquotes = sum(q.kind == "speech" for a in articles for q in a.quotes)
    feed = ' · <a href="feed.xml" type="application/rss+xml">RSS feed</a>' if site.get("site_url") else ""
    body = [
        f"<h1>{esc(site.get('site_name') or SITE_NAME)}</h1>",
        f'<p class="pr-stats">{_count(len(articles), "article")} · {_count(nquotes, "direct quote")} · {_count(len(speakers), "speaker")}</p>',
        "",
        "<h2>Latest articles</h2>",
        '<ul class="pr-list">' + "".join(_item(a, "", lede=True) for a in latest) + "</ul>",
        "",
        '<p><a href="archive/">Archive by year and month</a> · <a href="people/">People</a> · '
        '<a href="quotes/">Quotes by speaker</a> · <a href="organizations/">Organisations</a> · '
        '<a href="places/">Places</a> · <a href="tags/">Tags</a> · <a href="data/">Data</a>' + feed + "</p>",
    ]
    # no title in the front matter: Material would print "Press archive - Press archive"
    return _page("index.md", None, body)


def data_page(articles: list[Article], site: dict | None = None) -> Page:
    """What the site publishes as data, with links: data/*.json, and the feed."""
    nquotes = sum(q.kind == "speech" for a in articles for q in a.quotes)
    feed = ('<h2 id="feed">feed.xml</h2>\n<p><a href="../feed.xml" type="application/rss+xml">feed.xml</a>: RSS 2.0 of the '
            f"{FEED_ITEMS} latest dated articles, with their tags as categories.</p>") if (site or {}).get("site_url") else ""
    body = [
        "<p>Everything this site shows is also published as JSON, one record per line, newest first. "
        "<code>format</code> changes on any incompatible change; <code>url</code> values are relative to the site.</p>",
        '<h2 id="articles">data/articles.json</h2>',
        f'<p><a href="../data/articles.json">data/articles.json</a> ({_count(len(articles), "article")}): '
        "<code>slug</code>, <code>url</code>, <code>title</code>, <code>date</code> (ISO, or null), <code>publisher</code>, "
        "<code>author</code>, <code>source_url</code>, <code>tags</code>, <code>lang</code>, <code>dateline</code>, "
        "<code>source</code> (the file) and its <code>sha256</code>, <code>words</code>, <code>lede</code>, "
        "<code>people</code> (name and role), <code>organizations</code>, <code>places</code> and <code>quotes</code> "
        "(how many speech quotes).</p>",
        '<h2 id="quotes">data/quotes.json</h2>',
        f'<p><a href="../data/quotes.json">data/quotes.json</a> ({_count(nquotes, "quote")}): every speech quote: '
        "<code>speaker</code> (as the article names them), <code>speaker_url</code> (where the site lists their quotes), "
        "<code>text</code>, <code>article</code> (its slug), <code>url</code> (the quote on its page), <code>date</code>, "
        "<code>start</code> and <code>end</code> (offsets into the article's text), <code>cue</code> (the reporting verb, or "
        "<code>correction</code> when an editor set the speaker) and <code>run</code> (shared by the parts of one quote).</p>",
        '<h2 id="names">data/names.json</h2>',
        '<p><a href="../data/names.json">data/names.json</a>: every person, organisation and place: <code>name</code>, '
        "<code>kind</code> (<code>person</code>, <code>organization</code> or <code>place</code>) and <code>url</code>.</p>",
        feed,
    ]
    return _page("data.md", "Data", body)


def archive(articles: list[Article], made: _Made | None = None) -> list[Page]:
    """archive/index.md lists the years; archive/YEAR.md the months of a year (kept out of
    articles/ so that no article title can collide with a listing page)."""
    made = made or _Made()
    by_year: dict[str, list[Article]] = defaultdict(list)
    for a in newest_first(articles):
        by_year[str(a.meta.date.year) if a.meta.date else "undated"].append(a)
    pages, rows = [], []
    for year, items in by_year.items():
        rows.append(f'<li><a href="{year}/">{year.capitalize()}</a> <small>{_count(len(items), "article")}</small></li>')
        pages += made.page(f"archive/{year}.md", lambda items=items: tuple(map(made.ref, items)),
                           lambda year=year, items=items: _year_page(year, items))
    pages.append(_page("archive/index.md", "Archive", ['<ul class="pr-years">' + "".join(rows) + "</ul>" if rows else "<p>No articles yet.</p>"]))
    return pages


def _year_page(year: str, items: list[Article]) -> Page:
    body = []
    if year == "undated":
        body += ['<p class="pr-stats">Articles whose date neither a header nor a dateline gives.</p>', _list(items, "../../")]
    else:
        by_month: dict[int, list[Article]] = defaultdict(list)
        for a in items:
            by_month[a.meta.date.month].append(a)
        for month, group in by_month.items():
            body += [f'<h2 id="{year}-{month:02d}">{calendar.month_name[month]} {year} <small>({len(group)})</small></h2>',
                     _list(group, "../../"), ""]
    return _page(f"archive/{year}.md", f"Articles: {year}", body)


class _Made:
    """Makes the listing pages that list many articles, or leaves one out when the last
    build's is still right. Such a page's key hashes what it shows, each article standing
    for its listing line by ``refs`` (annotation key and URL slug, which fix its title,
    date, lede and quotes): ``keep(path, key)`` says the page on disk is that one. Without
    ``refs`` every page is made (no keys)."""

    def __init__(self, refs: dict | None = None, keep=None):
        self.refs, self.keep = refs, keep
        self.keys: dict[str, str] = {}

    def ref(self, a: Article) -> str:
        return self.refs[id(a)]

    def page(self, path: str, parts, make) -> list[Page]:
        """[the page made], or [] when the one on disk is kept."""
        if self.refs is not None:
            key = hashlib.sha256(repr((path, parts())).encode("utf-8")).hexdigest()
            self.keys[path] = key
            if self.keep and self.keep(path, key):
                return []
        return [make()]

    def quotes(self, items) -> tuple:
        """Quotes as a page key sees them: each article's ref and the quote's place in it."""
        return tuple(f"{self.ref(a)}#{q.start}" for a, q in items)


# -- people, organisations, places ----------------------------------------------------------
@dataclass
class _Entry:
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


def people_entries(articles: list[Article]) -> tuple[dict[str, _Entry], dict[str, str]]:
    """Every person of the archive with their roles, articles and quotes.

    A speaker counts as a person when the article names them as one; an organisation that
    speaks is shown with the organisations, a description ("a senior aide") on no page.
    A surname alone ("Ellison", in an article that never gives the full name) joins the one
    person of the archive with that surname, when there is exactly one. Returns the entries
    by key and the merged keys (surname key -> full name's key).
    """
    people: dict[str, _Entry] = {}
    ordered = newest_first(articles)
    for a in ordered:
        named = {p.name for p in a.entities.people}
        for p in a.entities.people:
            k = slug(p.name)
            e = people.get(k)
            if e is None:
                e = people[k] = _Entry(p.name)
            if p.role and p.role not in e.roles:
                e.roles.append(p.role)
            e.add_article(a)
        for q in a.quotes:
            if q.kind == "speech" and q.speaker in named:
                e = people[slug(q.speaker)]
                e.quotes.append((a, q))
                e.add_article(a)
    return _merge_surnames(people, {id(a): i for i, a in enumerate(ordered)})


def _merge_surnames(people: dict[str, _Entry], order: dict[int, int]) -> tuple[dict[str, _Entry], dict[str, str]]:
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


def _entries(articles: list[Article], names) -> dict[str, _Entry]:
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
    entries: dict[str, _Entry] = {}
    merged = set()
    for name, listed in by_name.items():
        k = slug(name)
        e = entries.get(k)
        if e is None:
            entries[k] = _Entry(name, articles=listed)
        else:  # another spelling of the same name ("U.S. Senate", "US Senate")
            e.articles = e.articles + listed
            merged.add(k)
    if merged:
        order = {id(a): i for i, a in enumerate(ordered)}
        for k in merged:
            e = entries[k]
            e.articles = sorted({id(a): a for a in e.articles}.values(), key=lambda a: order[id(a)])
    return entries


def _orgs(a: Article):
    return [o.name for o in a.entities.organizations]


def _places(a: Article):
    # An article names a place as it writes it ("UK"); across the archive it is one place.
    places = load().places
    return list(dict.fromkeys(places.get(p.name, p.name) for p in a.entities.places))


def letter(key: str) -> str:
    c = key[:1]
    return c if c.isalpha() else "0-9" if c.isdigit() else "other"


def own_pages(people: dict[str, _Entry], n_articles: int) -> set[str]:
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


def _person_body(e: _Entry, up: str, level: int = 2, years: dict | None = None) -> list[str]:
    """``years``: the person's quotes by year (_split_years) when they have pages by year."""
    h = f"h{level}"
    body = []
    if e.roles:
        body.append('<p class="pr-roles">' + "; ".join(esc(r) for r in e.roles) + "</p>")
    articles = [_list(e.articles[:ENTITY_ARTICLES_SHOWN], up)]
    if len(e.articles) > ENTITY_ARTICLES_SHOWN:
        articles.append(f"<p class=\"pr-skip\"><small>and {len(e.articles) - ENTITY_ARTICLES_SHOWN} older articles (search for the name)</small></p>")
    if level > 2 and not e.quotes:
        # a section of a letter page for someone only named: the articles, without two
        # headings and "No direct quotes" for each of hundreds of names
        return body + articles
    body.append(f'<{h} id="quotes" class="pr-skip">Quotes ({len(e.quotes)})</{h}>' if level == 2
                else f'<{h} class="pr-skip">Quotes ({len(e.quotes)})</{h}>')
    if years:
        body.append(f'<p class="pr-years">The newest {QUOTES_SHOWN}; every quote, by year: {_years_nav(years, "")}</p>')
    shown = e.quotes[:QUOTES_SHOWN] if years else e.quotes
    body.append('<ul class="pr-quotes">' + "".join(_quote_item(a, q, up) for a, q in shown) + "</ul>"
                if e.quotes else '<p class="pr-skip">No direct quotes.</p>')
    body.append(f'<{h} id="articles" class="pr-skip">Articles ({len(e.articles)})</{h}>' if level == 2
                else f'<{h} class="pr-skip">Articles ({len(e.articles)})</{h}>')
    return body + articles


def _split_years(e: _Entry) -> dict[str, list[tuple[Article, Quote]]]:
    """A person's quotes by the year of their article, newest year first ("undated" last),
    when they are too many for one page; otherwise nothing."""
    if len(e.quotes) <= QUOTES_SPLIT:
        return {}
    years: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for a, q in e.quotes:
        years[str(a.meta.date.year) if a.meta.date else "undated"].append((a, q))
    return dict(sorted(years.items(), key=lambda kv: (kv[0] != "undated", kv[0]), reverse=True))


def _years_nav(years: dict, up: str, current: str | None = None) -> str:
    return " · ".join((f"<strong>{y.capitalize()}</strong>" if y == current else f'<a href="{up}{y}/">{y.capitalize()}</a>')
                      + f" <small>({len(items)})</small>" for y, items in years.items())


def _year_quotes_page(k: str, e: _Entry, year: str, years: dict) -> Page:
    items = years[year]
    body = [f'<p class="pr-years"><a href="../">{esc(e.name)}</a> · by year: {_years_nav(years, "../", year)}</p>',
            f'<h2 id="quotes">Quotes ({len(items)})</h2>',
            '<ul class="pr-quotes">' + "".join(_quote_item(a, q, "../../../") for a, q in items) + "</ul>"]
    return _page(f"people/{k}/{year}.md", f"{e.name}: quotes, {year.capitalize()}", body)


def _person_parts(e: _Entry, made: _Made, years: dict | None = None) -> tuple:
    """What _person_body shows of a person (see _Made)."""
    shown = e.quotes[:QUOTES_SHOWN] if years else e.quotes
    return (e.name, tuple(e.roles), len(e.quotes), _years_parts(years or {}), made.quotes(shown),
            tuple(map(made.ref, e.articles[:ENTITY_ARTICLES_SHOWN])), len(e.articles))


def _years_parts(years: dict) -> tuple:
    return tuple((y, len(v)) for y, v in years.items())


def _letters_nav(keys, up: str = "") -> str:
    return '<p class="pr-letters">' + " ".join(f'<a href="{up}letter-{x}/">{x.upper()}</a>' for x in keys) + "</p>"


def _grouped(folder: str, title: str, entries: dict[str, _Entry], skip: set[str], person: bool,
             made: _Made) -> tuple[list[Page], list[str]]:
    groups: dict[str, list[tuple[str, _Entry]]] = defaultdict(list)
    for k, e in sorted(entries.items()):
        if k not in skip:
            groups[letter(k)].append((k, e))
    letters = sorted(groups)

    def parts(items):
        return (title, tuple(letters), tuple(
            (k, _person_parts(e, made) if person else (e.name, tuple(map(made.ref, e.articles[:ENTITY_ARTICLES_SHOWN])), len(e.articles)))
            for k, e in items))

    def make(x, items):
        body = [_letters_nav(letters, "../")]
        for k, e in items:
            body.append(f'<h2 id="{k}">{esc(e.name)}</h2>')
            body += _person_body(e, "../../", level=3) if person else [_list(e.articles[:ENTITY_ARTICLES_SHOWN], "../../")]
        return _page(f"{folder}/letter-{x}.md", f"{title}: {x.upper()}", body, pr_search="names")

    pages = [page for x, items in sorted(groups.items())
             for page in made.page(f"{folder}/letter-{x}.md", lambda items=items: parts(items), lambda x=x, items=items: make(x, items))]
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
        years = _split_years(e)
        pages += made.page(f"people/{k}.md", lambda e=e, years=years: _person_parts(e, made, years),
                           lambda k=k, e=e, years=years: _page(f"people/{k}.md", e.name, _person_body(e, "../../", years=years),
                                                                    pr_search="person", person={"name": e.name, "roles": e.roles}))
        for year, items in years.items():
            pages += made.page(f"people/{k}/{year}.md",
                               lambda e=e, items=items, years=years: (e.name, _years_parts(years), made.quotes(items)),
                               lambda k=k, e=e, year=year, years=years: _year_quotes_page(k, e, year, years))
    grouped, letters = _grouped("people", "People", people, mine, person=True, made=made)
    pages += grouped
    ranked = sorted(((k, e) for k, e in people.items() if k in mine), key=lambda kv: kv[1].rank)
    listing = [_letters_nav(letters), '<ul class="pr-people">' + "".join(
        f'<li><a href="{k}/">{esc(e.name)}</a> <small>{"; ".join(esc(r) for r in e.roles[:1])}'
        f'{" · " if e.roles else ""}{_count(len(e.quotes), "quote")} · {_count(len(e.articles), "article")}</small></li>'
        for k, e in ranked) + "</ul>",
        f"<p><small>{len(people) - len(mine)} more people are listed by letter.</small></p>"]
    pages.append(_page("people/index.md", "People", listing))
    return pages


def quotes_page(articles: list[Article], links: Links, entries=None) -> Page:
    """Quotes grouped by speaker: the latest few of each, and a link to all of them."""
    people, _ = entries or people_entries(articles)
    speakers = sorted(((k, e) for k, e in people.items() if e.quotes), key=lambda kv: kv[1].rank)
    body = []
    for key, e in speakers:
        url = "../" + links.people.get(e.name, f"people/letter-{letter(key)}/#{key}")
        body.append(f'<h2 id="{esc(key)}"><a href="{url}">{esc(e.name)}</a> <small>({len(e.quotes)})</small></h2>')
        body.append('<ul class="pr-quotes">' + "".join(_quote_item(a, q, "../") for a, q in e.quotes[:QUOTES_PER_SPEAKER_ON_INDEX]) + "</ul>")
        if len(e.quotes) > QUOTES_PER_SPEAKER_ON_INDEX:
            body.append(f'<p><a href="{url}">All {len(e.quotes)} quotes of {esc(e.name)}</a></p>')
    # Speakers that are not people of the archive: organisations, or descriptions such as
    # "a senior aide" (every quote is listed somewhere, so the counts add up).
    others: dict[str, list[tuple[Article, Quote]]] = defaultdict(list)
    for a in newest_first(articles):
        named = {p.name for p in a.entities.people}
        for q in a.quotes:
            if q.kind == "speech" and q.speaker and q.speaker not in named:
                others[q.speaker].append((a, q))
    if others:
        body.append(f'<h2 id="other-speakers">Other speakers <small>({sum(map(len, others.values()))})</small></h2>')
        body.append("<p><small>Organisations, and sources the articles describe without a name.</small></p>")
        for name, items in sorted(others.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            url = links.organizations.get(name)
            title = f'<a href="../{url}">{esc(name)}</a>' if url else esc(name)
            body.append(f"<h3>{title} <small>({len(items)})</small></h3>")
            body.append('<ul class="pr-quotes">' + "".join(_quote_item(a, q, "../") for a, q in items[:QUOTES_PER_SPEAKER_ON_INDEX]) + "</ul>")
    unknown = [(a, q) for a in newest_first(articles) for q in a.quotes if q.kind == "speech" and not q.speaker]
    if unknown:
        body.append(f'<h2 id="unknown">Speaker unknown <small>({len(unknown)})</small></h2>')
        body.append(f'<p><small>{len(unknown)} quotes whose speaker the rules could not tell; correct them in a notes file.</small></p>')
    return _page("quotes/index.md", "Quotes by speaker", body or ["<p>No quotes yet.</p>"])


def _named_pages(articles: list[Article], folder: str, title: str, names, made: _Made) -> list[Page]:
    entries = _entries(articles, names)
    pages, letters = _grouped(folder, title, entries, set(), person=False, made=made)
    ranked = sorted(entries.items(), key=lambda kv: kv[1].rank)
    pages.append(_page(f"{folder}/index.md", title, [_letters_nav(letters), '<ul class="pr-people">' + "".join(
        f'<li><a href="letter-{letter(k)}/#{k}">{esc(e.name)}</a> <small>{_count(len(e.articles), "article")}</small></li>'
        for k, e in ranked) + "</ul>"]))
    return pages


def tags_page(articles) -> Page:
    # Material's tags plugin replaces this marker with the tag index; with no tag at all it
    # is an empty page, so the reader is told where tags come from
    empty = "" if any(a.meta.tags for a in articles) else (
        "<p>No article has tags yet. A source gets them from a <code>tags:</code> line in its header.</p>\n\n")
    return Page("tags.md", "---\n" + dump_front_matter({"title": "Tags", "generator": GENERATOR, "search": {"exclude": True}})
                + "---\n\n" + empty + "<!-- material/tags -->\n")


def all_pages(articles: list[Article], links: Links, entries=None, refs: dict | None = None,
              keep=None, site: dict | None = None) -> tuple[list[Page], dict[str, str]]:
    """Every listing page, and the keys of those that list many articles (see _Made): a page
    ``keep`` says is still right on disk is left out."""
    entries = entries or people_entries(articles)
    made = _Made(refs, keep)
    _ITEMS.clear()
    try:
        pages = [
            home(articles, site),
            data_page(articles, site),
            *archive(articles, made),
            *people_pages(articles, entries, made),
            quotes_page(articles, links, entries),
            *_named_pages(articles, "organizations", "Organisations", _orgs, made),
            *_named_pages(articles, "places", "Places", _places, made),
            tags_page(articles),
        ]
        return pages, made.keys
    finally:
        _ITEMS.clear()  # ids are only unique while the articles live
