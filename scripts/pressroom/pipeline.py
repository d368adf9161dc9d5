"""The build, top to bottom: read → annotate → render → check → write.

Everything is gathered before anything is written; a bad source is reported and skipped,
every other article is still built.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import annotate, check, export, indexes, read, render, write
from .errors import Problem
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


def build(sources_dir: Path, docs_dir: Path, config_file: Path | None = None, progress=None,
          cache_dir: Path | None = None, workers: int | None = None) -> BuildReport:
    t0 = time.perf_counter()
    site = read.read_site_config(config_file) if config_file else {}
    sources, problems = read.read_sources(sources_dir)
    problems += [
        Problem(s.path, f"{r}; check the text", None, "warning") for s in sources for r in s.repairs
    ]
    slugs = unique_slugs([(s.path, s.title) for s in sources])
    cached = read.read_cache(cache_dir, sources) if cache_dir else {}
    todo = [s for s in sources if s.path not in cached]
    fresh = dict(zip((s.path for s in todo), annotate.annotate_many(todo, workers, progress)))
    if cache_dir:
        write.write_cache(cache_dir, {read.cache_key(s): fresh[s.path] for s in todo}, {read.cache_key(s) for s in sources})
    # the cache holds annotations by content; the URL and file of this build are set here
    articles = [replace(cached.get(s.path) or fresh[s.path], source=s, slug=slugs[s.path]) for s in sources]
    problems += [p for a in articles for p in a.problems]

    people = indexes.people_entries(articles)
    links = indexes.plan(articles, people)
    # An article page depends on its annotation, the site URL and where the people,
    # organisations and places it names are shown: unchanged, the page of the last build
    # is reused instead of rendered again.
    keys = {a.source.path: render.page_key(read.cache_key(a.source), site.get("site_url"), links, a) for a in articles}
    last = read.read_page_cache(cache_dir) if cache_dir else {}
    rendered = [(a, last[keys[a.source.path]] if keys[a.source.path] in last
                 else render.render_article(a, site.get("site_url"), links)) for a in articles]
    if cache_dir:
        write.write_page_cache(cache_dir, {keys[a.source.path]: page for a, page in rendered}, last)
    pages = [page for _, page in rendered]
    pages += indexes.all_pages(articles, links, people)
    pages += export.data_pages(articles)
    if site.get("site_url"):
        pages.append(export.feed(articles, site["site_url"], site.get("site_name") or "Press archive"))
    else:
        problems.append(Problem(str(config_file or "mkdocs.yml"), "no site_url: the feed (feed.xml) and archive permalinks are left out; set site_url in mkdocs.yml or the SITE_URL environment variable", None, "warning"))

    # Only pages that differ from what pressroom last wrote are checked (and written): a
    # page already there passed this check when it was written.
    known = read.read_manifest(docs_dir)
    present = read.existing(docs_dir, [p.path for p in pages])
    for a, page in rendered:
        if page.path not in present or known.get(page.path) != write.page_hash(page):
            problems += check.check_article(a, page)
    result = write.write_pages(docs_dir, pages, known, present)
    problems += result.problems
    return BuildReport(
        annotated=len(todo),
        articles=len(articles),
        quotes=sum(q.kind == "speech" for a in articles for q in a.quotes),
        people=len({p.name for a in articles for p in a.entities.people}),
        written=result.written,
        removed=result.removed,
        unchanged=result.unchanged,
        seconds=time.perf_counter() - t0,
        problems=tuple(problems),
    )
