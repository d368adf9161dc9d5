"""The build, top to bottom: read → annotate → render → check → write.

Everything is gathered before anything is written; a bad source is reported and skipped,
every other article is still built.
"""
from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import annotate, check, export, indexes, read, render, write
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


@contextmanager
def _collector_paused():
    """A build makes millions of small objects that form no cycles (annotations, pages);
    Python's cyclic collector walked them again and again: 2 of 7 s of a 10,000-article
    rebuild went to unpickling the cache alone. Paused for the build, resumed after it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build(sources_dir: Path, docs_dir: Path, config_file: Path | None = None, progress=None,
          cache_dir: Path | None = None, workers: int | None = None) -> BuildReport:
    with _collector_paused():
        return _build(sources_dir, docs_dir, config_file, progress, cache_dir, workers)


def _build(sources_dir, docs_dir, config_file, progress, cache_dir, workers) -> BuildReport:
    t0 = time.perf_counter()
    site = read.read_site_config(config_file) if config_file else {}
    cached = read.read_cache(cache_dir) if cache_dir else {}
    sources, problems = read.read_sources(sources_dir, known={k: a.source for k, a in cached.items()})
    problems += [Problem(s.path, f"{r}; check the text", None, "warning") for s in sources for r in s.repairs]
    manifest = read.read_manifest(docs_dir)
    slugs = unique_slugs([(s.path, s.title) for s in sources], manifest.slugs)

    articles, annotated, keys = _annotate(sources, slugs, cached, cache_dir, workers, progress)
    problems += [p for a in articles for p in a.problems]

    people = indexes.people_entries(articles)
    links = indexes.plan(articles, people)
    rendered, rows = _render(articles, keys, site.get("site_url"), links, cache_dir)
    pages = [page for _, page in rendered] + indexes.all_pages(articles, links, people) + export.data_pages(articles, rows)
    if site.get("site_url"):
        pages.append(export.feed(articles, site["site_url"], site.get("site_name") or "Press archive"))
    else:
        problems.append(Problem(str(config_file or "mkdocs.yml"), "no site_url: the feed (feed.xml) and archive permalinks are left out; set site_url in mkdocs.yml or the SITE_URL environment variable", None, "warning"))

    present = read.existing(docs_dir, [p.path for p in pages])
    manifest = _adopt(manifest, pages, read.read_texts(docs_dir, sorted(present - set(manifest.pages))))
    hashes = {p.path: write.page_hash(p) for p in pages}
    failed = _check(rendered, pages, manifest, present, hashes)
    problems += [p for found in failed.values() for p in found]
    result = write.write_pages(docs_dir, [p for p in pages if p.path not in failed], manifest, present,
                               held=set(failed), slugs=slugs, hashes=hashes)
    problems += result.problems
    return BuildReport(
        annotated=annotated,
        articles=len(articles),
        quotes=sum(q.kind == "speech" for a in articles for q in a.quotes),
        people=len({p.name for a in articles for p in a.entities.people}),
        written=result.written,
        removed=result.removed,
        unchanged=result.unchanged,
        seconds=time.perf_counter() - t0,
        problems=tuple(problems),
    )


def _annotate(sources, slugs, cached, cache_dir, workers, progress):
    """Annotations of unchanged sources come from the cache; the rest are made (on all cores)."""
    keys = {s.path: read.cache_key(s) for s in sources}
    todo = [s for s in sources if keys[s.path] not in cached]
    fresh = dict(zip((s.path for s in todo), annotate.annotate_many(todo, workers, progress)))
    if cache_dir:
        write.write_cache(cache_dir, {keys[s.path]: fresh[s.path] for s in todo}, set(keys.values()))
    # the cache holds annotations by content; the URL and file of this build are set here
    articles = [replace(cached.get(keys[s.path]) or fresh[s.path], source=s, slug=slugs[s.path]) for s in sources]
    return articles, len(todo), keys


def _render(articles, annotation_keys, site_url, links, cache_dir):
    """Article pages, and each article's rows of the research data. A page depends on its
    annotation, the site URL and where the names it shows link to: when none of that
    changed, the last build's page (and rows) are reused."""
    keys = {a.source.path: render.page_key(annotation_keys[a.source.path], site_url, links, a) for a in articles}
    last = read.read_page_cache(cache_dir) if cache_dir else {}
    made = {}
    for a in articles:
        key = keys[a.source.path]
        hit = last.get(key)
        made[key] = hit if hit is not None else (render.render_article(a, site_url, links), export.article_rows(a))
    if cache_dir:
        write.write_page_cache(cache_dir, made, last)
    rendered = [(a, made[keys[a.source.path]][0]) for a in articles]
    return rendered, {a.source.path: made[keys[a.source.path]][1] for a in articles}


def _adopt(manifest: Manifest, pages, orphans: dict) -> Manifest:
    """Pages on disk that the manifest does not list but that are pressroom's (the same text,
    or marked as generated): the manifest was lost or a build was interrupted."""
    new = {p.path: p.text for p in pages}
    ours = {path: None for path, text in orphans.items() if text == new.get(path) or render.is_generated(text)}
    return replace(manifest, pages={**manifest.pages, **ours}) if ours else manifest


def _check(rendered, pages, manifest: Manifest, present, hashes: dict) -> dict:
    """Pages that differ from what pressroom last wrote are checked before they are written
    (a page already there passed when it was written); a page that fails is held back."""
    changed = {p.path for p in pages if p.path not in present or manifest.pages.get(p.path) != hashes[p.path]}
    failed = {}
    articles = {page.path: a for a, page in rendered}
    for page in pages:
        if page.path in changed:
            found = check.check_article(articles[page.path], page) if page.path in articles else check.check_page(page)
            if found:
                failed[page.path] = found
    return failed
