"""Annotate stage: a ``Source`` becomes an ``Article`` (repair → entities → quotes → dates).

Pure: no disk, no clock. The repairs are one character for one, so every offset found in the
repaired body is also an offset into the source body.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import dates, entities, marks, notes, parallel, quotes, slugs
from .errors import PressroomError, Problem
from .model import Article, Entities, Quote, Source


@dataclass(frozen=True)
class Annotation:
    body: str  # repaired body, same length as the original
    apostrophes: tuple[int, ...]
    quotes: tuple[Quote, ...]
    entities: Entities


def annotate_text(body: str) -> Annotation:
    scan = marks.scan(body)
    repaired = repair(body, scan.apostrophes)
    found = entities.extract(repaired)
    qs = quotes.find_quotes(repaired, scan, found)
    return Annotation(repaired, scan.apostrophes, qs, entities.with_speakers(found, qs))


def repair(text: str, apostrophes: tuple[int, ...]) -> str:
    """Straight double marks typed for apostrophes become apostrophes; nothing else changes."""
    if not apostrophes:
        return text
    chars = list(text)
    for i in apostrophes:
        chars[i] = "'"
    return "".join(chars)


def repair_title(title: str) -> str:
    scan = marks.scan(title)
    return repair(title, scan.apostrophes)


def annotate(source: Source, slug: str) -> Article:
    a = annotate_text(source.body)
    dateline = dates.dateline(a.body)
    meta = dates.with_date(source.meta, dateline)
    found = entities.with_dateline(a.entities, dateline)
    anchored, corrected, problems = notes.apply(source.notes, a.body, a.quotes)
    return Article(
        source=source,
        title=repair_title(source.title),
        body=a.body,
        slug=slug,
        meta=meta,
        quotes=corrected,
        entities=found,
        dateline=dateline,
        apostrophes=a.apostrophes,
        notes=anchored,
        times=dates.relative_dates(a.body, meta.date),
        problems=tuple(problems),
        word_count=len(a.body.split()),
        title_slug=slugs.slug(source.title),
    )


def _annotate_one(i: int, sources) -> Article | Problem:
    try:
        return annotate(sources[i], "")
    except PressroomError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001 - a bug met in one article must not stop the archive
        return Problem(sources[i].path, f"internal error while annotating ({type(err).__name__}: {err}); "
                                        "the article is left out; please report it")


def annotate_many(sources: list[Source], workers: int | None = None, progress=None) -> list[Article | Problem]:
    """Annotate in order; with many sources, on several cores (annotation is pure and CPU-bound).
    A source that cannot be annotated gives a Problem in its place."""
    return parallel.pmap(_annotate_one, range(len(sources)), shared=sources, workers=workers, progress=progress)
