"""The build, top to bottom: read → annotate → render → check → write.

Everything is gathered before anything is written; a bad source is reported and skipped,
every other article is still built.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from . import annotate, check, indexes, read, render, write
from .errors import Problem
from .slugs import unique_slugs


@dataclass(frozen=True)
class BuildReport:
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


def build(sources_dir: Path, docs_dir: Path, progress=None) -> BuildReport:
    t0 = time.perf_counter()
    sources, problems = read.read_sources(sources_dir)
    problems += [
        Problem(s.path, f"{r}; check the text", None, "warning") for s in sources for r in s.repairs
    ]
    slugs = unique_slugs([(s.path, s.title) for s in sources])
    articles = []
    for s in progress(sources) if progress else sources:
        articles.append(annotate.annotate(s, slugs[s.path]))

    pages = []
    for a in articles:
        page = render.render_article(a)
        problems += check.check_article(a, page)
        pages.append(page)
    pages += indexes.all_pages(articles)

    result = write.write_pages(docs_dir, pages)
    problems += result.problems
    return BuildReport(
        articles=len(articles),
        quotes=sum(q.kind == "speech" for a in articles for q in a.quotes),
        people=len({p.name for a in articles for p in a.entities.people}),
        written=result.written,
        removed=result.removed,
        unchanged=result.unchanged,
        seconds=time.perf_counter() - t0,
        problems=tuple(problems),
    )
