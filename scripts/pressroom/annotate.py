"""Annotate stage: a ``Source`` becomes an ``Article`` (repair → entities → quotes → dates).

Pure: no disk, no clock. The repairs are one character for one, so every offset found in the
repaired body is also an offset into the source body.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import dates, entities, marks, notes, quotes
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
    )


def _annotate_pair(pair):
    source, slug = pair
    return annotate(source, slug)


def annotate_many(sources: list[Source], workers: int | None = None, progress=None) -> list[Article]:
    """Annotate in order; with many sources, on several cores (annotation is pure and CPU-bound)."""
    import os

    workers = workers if workers is not None else (os.cpu_count() or 1)
    pairs = [(s, "") for s in sources]
    if workers > 1 and len(sources) >= 200:
        from concurrent.futures import ProcessPoolExecutor

        import gc

        with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:
            results = pool.map(_annotate_pair, pairs, chunksize=32)
            return list(progress(results) if progress else results)
    return [_annotate_pair(p) for p in (progress(pairs) if progress else pairs)]
