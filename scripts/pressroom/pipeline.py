"""The build, top to bottom: read → annotate → render → check → write.

Everything is gathered before anything is written; a bad source is reported and skipped,
every other article is still built.
"""
from __future__ import annotations

import gc
import hashlib
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import annotate, check, curation, export, indexes, mentions, parallel, read, render, templating, write
from .errors import Problem
from .model import Manifest
from .slugs import unique_slugs


@dataclass(frozen=True)
class BuildReport:
    annotated: int  # articles annotated in this run (the others came from the cache)
    articles: int
    quotes: int
    people: int
    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int
    seconds: float
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def summary(self) -> str:
        """The one line a build ends with."""
        def n(count: int, one: str, many: str = "") -> str:
            return f"{count} {one if count == 1 else many or one + 's'}"

        return (f"pressroom: {n(self.articles, 'article')} ({self.annotated} annotated), {n(self.quotes, 'quote')}, "
                f"{n(self.people, 'person', 'people')}, {n(len(self.warnings), 'warning')}, {n(len(self.errors), 'error')}, "
                f"{n(len(self.written), 'file')} written, {len(self.removed)} removed, {self.seconds:.1f} s")


@contextmanager
def _collector_paused():
    """A build makes millions of small objects that form no cycles (annotations, pages);
    Python's cyclic collector walked them again and again: 2 of 7 s of a 10,000-article
    rebuild went to unpickling the cache alone. Paused for the build, resumed after it.

    What the build made and kept is then moved to the oldest generation, where it would have
    ended had the collector run: left in the youngest, the first collection after the build
    walked all of it (0.2 s after a 10,000-article rebuild). freeze() and unfreeze() move
    every tracked object there without walking it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def build(sources_dir: Path, docs_dir: Path, config_file: Path | None = None, progress=None,
          cache_dir: Path | None = None, workers: int | None = None) -> BuildReport:
    with _collector_paused():
        return _build(sources_dir, docs_dir, config_file, progress, cache_dir, workers)


@dataclass(frozen=True)
class Gathered:
    """Everything read and annotated, before any page is made: what a build renders, and
    what ``pressroom review`` reads."""

    articles: list  # curated, newest first, without their entities' mentions (see ``whole``)
    raw: dict  # source path -> the article as annotated (with the exclusions), before same:/roles:
    keys: dict  # source path -> annotation cache key
    refs: dict  # source path -> what the article's pages depend on (key and curation)
    slugs: dict
    manifest: Manifest
    curation: curation.Curation
    exclusions: dict
    cached: dict
    annotated: int
    problems: list


def gather(sources_dir: Path, docs_dir: Path, config_file: Path | None, progress=None,
           cache_dir: Path | None = None, workers: int | None = None) -> Gathered:
    """Read the sources, the editor's curation and notes; annotate (from the cache where it can)."""
    where = curation.path_beside(config_file)
    text, problems = read.read_curation(where)
    cur, found_problems = curation.parse(text, str(where))
    problems += found_problems
    cached = read.read_cache(cache_dir) if cache_dir else {}
    sources, found_problems = read.read_sources(sources_dir, known={read.cache_key(a.source): a.source for a in cached.values()})
    problems += found_problems
    problems += [Problem(s.path, f"{r}; check the text", None, "warning") for s in sources for r in s.repairs]
    manifest = read.read_manifest(docs_dir)

    exclusions = {s.path: cur.exclusions(s.body) for s in sources}
    found, annotated, keys = _annotate(sources, cached, cache_dir, workers, progress, exclusions)
    problems += [f for f in found.values() if isinstance(f, Problem)]
    sources = [s for s in sources if not isinstance(found[s.path], Problem)]
    slugs = unique_slugs([(s.path, s.title) for s in sources], manifest.slugs,
                         made={s.path: found[s.path].title_slug for s in sources})
    # the cache holds annotations by content; the URL and file of this build are set here
    raw = {s.path: replace(found[s.path], source=s, slug=slugs[s.path]) for s in sources}
    problems += [p for a in raw.values() for p in a.problems]
    # the editor's same: and roles: (not: and kind: were applied while annotating); a page's
    # key holds what of them concerns it, so an edit of curation.yml makes only those again
    refs = {path: _with(keys[path], curation.touches(a, cur)) for path, a in raw.items()}
    # every listing shows articles newest first: sorted once here, the listings take that order
    articles = indexes.newest_first([curation.apply(a, cur) for a in raw.values()])
    if cur:
        excluded = {k for e in exclusions.values() for k in e.keys()}
        problems += curation.unmatched(cur, list(raw.values()), excluded)
    return Gathered(articles, raw, keys, refs, slugs, manifest, cur, exclusions, cached, annotated, problems)


def whole(g: Gathered, todo: list, cache_dir: Path | None, workers: int | None = None) -> list:
    """These articles with their entities' mentions: joined to the annotation as cached, then
    curated again."""
    joined = _whole([g.raw[a.source.path] for a in todo], g.keys, g.cached, cache_dir, workers, g.exclusions)
    return [curation.apply(a, g.curation) for a in joined]


def _build(sources_dir, docs_dir, config_file, progress, cache_dir, workers) -> BuildReport:
    t0 = time.perf_counter()
    site = read.read_site_config(config_file) if config_file else {}
    # page parts from the user's overrides/pressroom/ first (before any worker is forked)
    templating.use_overrides(Path(site["custom_dir"]) if site.get("custom_dir") else None)
    g = gather(sources_dir, docs_dir, config_file, progress, cache_dir, workers)
    articles, manifest, refs, problems = g.articles, g.manifest, g.refs, g.problems

    people = indexes.people_entries(articles)
    links = indexes.plan(articles, people)
    on_disk = read.existing(docs_dir, [render.page_path(a) for a in articles]) | read.files_in(docs_dir, indexes.FOLDERS)

    def settled(path, digest):  # a page on disk as the last build wrote it
        return path in on_disk and manifest.pages.get(path) == digest

    made = _render(articles, refs, site.get("site_url"), links, cache_dir, workers, settled,
                   whole=lambda todo: whole(g, todo, cache_dir, workers))
    listed = _listings(articles, links, people, cache_dir, settled, site)
    pages = [page for _, page in made.pages] + listed.pages + export.data_pages(articles, made.rows, links) \
        + [export.names_page(links)]
    if site.get("site_url"):
        pages.append(export.feed(articles, site["site_url"], site.get("site_name") or "Press archive"))
    else:
        problems.append(Problem(str(config_file or "mkdocs.yml"), "no site_url: the feed (feed.xml) and archive permalinks are left out; set site_url in mkdocs.yml or the SITE_URL environment variable", None, "warning"))

    kept = {**made.kept, **listed.kept}
    present = read.existing(docs_dir, [p.path for p in pages]) | set(kept)
    manifest = _adopt(manifest, pages, read.read_texts(docs_dir, sorted(present - set(manifest.pages))))
    hashes = {**kept, **{p.path: made.hashes.get(p.path) or listed.hashes.get(p.path) or write.page_hash(p) for p in pages}}
    failed = _check(made, pages, manifest, present, hashes)
    problems += [p for path in sorted(failed) for p in failed[path]]
    result = write.write_pages(docs_dir, [p for p in pages if p.path not in failed], manifest, present,
                               held=set(failed), slugs=g.slugs, hashes=hashes, kept=kept)
    problems += result.problems
    return BuildReport(
        annotated=g.annotated,
        articles=len(articles),
        quotes=sum(q.kind == "speech" for a in articles for q in a.quotes),
        people=len({p.name for a in articles for p in a.entities.people}),
        written=result.written,
        removed=result.removed,
        unchanged=result.unchanged,
        seconds=time.perf_counter() - t0,
        problems=tuple(problems),
    )


def _annotate(sources, cached, cache_dir, workers, progress, exclusions):
    """Annotations of unchanged sources come from the cache; the rest are made (on all cores).
    An article's key holds the editor's exclusions that concern it (curation.yml)."""
    keys = {s.path: read.cache_key(s, exclusions[s.path].digest() if exclusions[s.path] else "") for s in sources}
    todo = [s for s in sources if keys[s.path] not in cached]
    fresh = dict(zip((s.path for s in todo), annotate.annotate_many(todo, workers, progress, [exclusions[s.path] for s in todo])))
    if cache_dir:  # (a source that could not be annotated is tried again next time)
        write.write_cache(cache_dir, {keys[s.path]: fresh[s.path] for s in todo if _keep(fresh[s.path])},
                          set(keys.values()))
    return {s.path: cached.get(keys[s.path]) or fresh[s.path] for s in sources}, len(todo), keys


def _with(key: str, extra: str) -> str:
    return hashlib.sha256(f"{key}|{extra}".encode("utf-8")).hexdigest() if extra else key


def _keep(found) -> bool:
    """What the cache keeps: annotated articles (one the annotator failed on is tried again)."""
    return not isinstance(found, Problem) and found.annotated


def _whole(todo, annotation_keys, cached, cache_dir, workers=None, exclusions=None):
    """Articles from the cache come without their entities' mentions (see mentions.py): the
    pages to be made get them back. One whose mentions are lost (a broken file) is annotated
    again, the same source and code giving the same annotation, and cached again whole."""
    need = {annotation_keys[a.source.path] for a in todo} & cached.keys()
    if not need:
        return todo
    packed = read.read_mentions(cache_dir, need)
    out, lost = [], {}
    for i, a in enumerate(todo):
        k = annotation_keys[a.source.path]
        try:
            out.append(mentions.join(a, packed[k]) if k in need else a)
        except Exception:  # noqa: BLE001 - missing, or not this article's: whatever the file holds
            out.append(a)
            lost[i] = a
    again = {}
    again_with = [exclusions[a.source.path] for a in lost.values()] if exclusions else None
    for (i, a), art in zip(lost.items(), annotate.annotate_many([a.source for a in lost.values()], workers=workers, exclusions=again_with)):
        if not isinstance(art, Problem):
            out[i] = replace(art, source=a.source, slug=a.slug)
            again[annotation_keys[a.source.path]] = art
    if again:
        write.write_cache(cache_dir, again, set(annotation_keys.values()))
    return out


@dataclass(frozen=True)
class _Rendered:
    pages: list  # (article, its page) for the pages made in this build, in the articles' order
    kept: dict  # page path -> sha256, for the pages left as the last build wrote them
    rows: dict  # source path -> the article's rows of the research data
    hashes: dict  # page path -> sha256 of the page's text
    checked: dict  # page path -> problems, for the pages made (and so checked) in this build


def _render(articles, annotation_keys, site_url, links, cache_dir, workers, settled, whole) -> _Rendered:
    """Article pages, and each article's rows of the research data. A page depends on its
    annotation, the site URL and where the names it shows link to: when none of that
    changed and the page is on disk as the last build wrote it (``settled``), it is kept
    and only its rows and hash come from the cache; its text is not needed. The others are
    made on all cores, and checked where they are made (the check stage takes those results)."""
    keys = _page_keys(articles, annotation_keys, site_url, links, cache_dir)
    last = read.read_page_cache(cache_dir) if cache_dir else {}
    kept = {key for key in keys.values() if key in last and settled(last[key][0], last[key][2])}
    todo = whole(list({keys[a.source.path]: a for a in articles if keys[a.source.path] not in kept}.values()))
    fresh = parallel.pmap(_render_one, range(len(todo)), shared=(todo, site_url, links), workers=workers)
    pages = {keys[a.source.path]: result[0] for a, result in zip(todo, fresh)}
    made = {key: last[key] for key in keys.values() if key in last}
    made.update({keys[a.source.path]: (result[0].path, *result[1:3]) for a, result in zip(todo, fresh)})
    if cache_dir:
        write.write_page_cache(cache_dir, made, last)
    mine = [made[keys[a.source.path]] for a in articles]
    return _Rendered(
        pages=[(a, pages[keys[a.source.path]]) for a in articles if keys[a.source.path] in pages],
        kept={made[key][0]: made[key][2] for key in kept},
        rows={a.source.path: rows for a, (_, rows, _) in zip(articles, mine)},
        hashes={path: digest for path, _, digest in mine},
        checked={result[0].path: result[3] for result in fresh},
    )


def _page_keys(articles, annotation_keys, site_url, links, cache_dir) -> dict[str, str]:
    """Each article page's key (render.page_key), by source. When the site URL, the user's
    templates and where every name of the archive links to are as in the last build, an article with the same
    annotation and slug has the key it had then; only the others are hashed again."""
    links_now = hashlib.sha256(repr((site_url, templating.fingerprint(), sorted(links.people.items()),
                                     sorted(links.organizations.items()), sorted(links.places.items()))
                                    ).encode("utf-8")).hexdigest()
    last = read.read_keyed(cache_dir, read.PAGE_KEYS) if cache_dir else {}
    known = last.get("keys") if last.get("links") == links_now else None
    known = known if isinstance(known, dict) else {}
    keys, by_ref = {}, {}
    for a in articles:
        ref = f"{annotation_keys[a.source.path]}/{a.slug}"
        key = known.get(ref)
        if not isinstance(key, str):
            key = render.page_key(annotation_keys[a.source.path], site_url, links, a)
        keys[a.source.path] = by_ref[ref] = key
    if cache_dir:
        write.write_keyed(cache_dir, read.PAGE_KEYS, {"links": links_now, "keys": by_ref}, last)
    return keys


@dataclass(frozen=True)
class _Listed:
    pages: list  # the listing pages made in this build
    kept: dict  # page path -> sha256, for those left as the last build wrote them
    hashes: dict  # page path -> sha256, for the pages made


def _listings(articles, links, people, cache_dir, settled, site=None) -> _Listed:
    """Listing pages. Each has a key (what its template is given): when that is the last
    build's and the page is on disk as written then, it is kept, not made again."""
    last = read.read_keyed(cache_dir, read.LISTING_CACHE) if cache_dir else {}
    pages, keys = indexes.all_pages(articles, links, people, keyed=True,
                                    keep=lambda path, key: key in last and settled(path, last[key]), site=site)
    hashes = {p.path: write.page_hash(p) for p in pages}
    kept = {path: last[key] for path, key in keys.items() if path not in hashes}
    if cache_dir:
        write.write_keyed(cache_dir, read.LISTING_CACHE, {key: hashes.get(path) or kept[path] for path, key in keys.items()}, last)
    return _Listed(pages, kept, hashes)


def _render_one(i, shared):
    todo, site_url, links = shared
    page = render.render_article(todo[i], site_url, links)
    return page, export.article_rows(todo[i], links), write.page_hash(page), check.check_article(todo[i], page)


def _adopt(manifest: Manifest, pages, orphans: dict) -> Manifest:
    """Pages on disk that the manifest does not list but that are pressroom's (the same text,
    or marked as generated): the manifest was lost or a build was interrupted."""
    new = {p.path: p.text for p in pages}
    ours = {path: None for path, text in orphans.items() if text == new.get(path) or render.is_generated(text)}
    return replace(manifest, pages={**manifest.pages, **ours}) if ours else manifest


def _check(made: _Rendered, pages, manifest: Manifest, present, hashes: dict) -> dict:
    """Pages that differ from what pressroom last wrote are checked before they are written
    (a page already there passed when it was written); a page that fails is held back.
    The article pages made in this build were checked by the render stage."""
    articles = {page.path: a for a, page in made.pages}
    checked = made.checked
    failed = {}
    for page in pages:
        if page.path in present and manifest.pages.get(page.path) == hashes[page.path]:
            continue
        if page.path in checked:
            found = checked[page.path]
        elif page.path in articles:
            found = check.check_article(articles[page.path], page)
        else:
            found = check.check_page(page)
        if found:
            failed[page.path] = found
    return failed
