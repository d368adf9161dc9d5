"""A ``Source`` becomes an ``Article``: repair → entities → quotes → dates → notes.

Pure: no disk, no clock. The repairs are one character for one, so every offset found in the
repaired body is also an offset into the source body.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Entities, Quote, Source
from . import dates, entities, marks, notes, quotes
from .repair import repair, repair_title


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
    return Annotation(repaired, scan.apostrophes, qs, entities.with_speakers(found, qs, repaired))


def annotate(source: Source, slug: str = "") -> Article:
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


def unannotated(source: Source, slug: str = "") -> Article:
    """The article as written, with no annotation at all: what is published when the
    annotator fails on it (the text is never lost for a bug of ours)."""
    return Article(source=source, title=source.title, body=source.body, slug=slug, meta=source.meta,
                   quotes=(), entities=Entities(), word_count=len(source.body.split()), annotated=False)
