"""A ``Source`` becomes an ``Article``: repair → entities → quotes → dates → notes.

Pure: no disk, no clock. The repairs are one character for one, so every offset found in the
repaired body is also an offset into the source body.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Entities, Quote, Source
from . import curate, dates, entities, marks, notes, quotes
from .curate import Exclusions
from .repair import repair, repair_title


@dataclass(frozen=True)
class Annotation:
    body: str  # repaired body, same length as the original
    apostrophes: tuple[int, ...]
    quotes: tuple[Quote, ...]
    entities: Entities


def annotate_text(body: str, exclusions: Exclusions = Exclusions()) -> Annotation:
    """Quotes and names of a text; an editor's ``exclusions`` (see curate.py) are applied
    between finding the names and attributing the quotes."""
    scan = marks.scan(body)
    repaired = repair(body, scan.apostrophes)
    found = curate.named(curate.apply(entities.extract(repaired), exclusions), exclusions, repaired)
    qs = curate.free_speakers(quotes.find_quotes(repaired, scan, found), found, exclusions)
    # (a speaker named only at its quote joins the people here: the decisions apply to it too)
    return Annotation(repaired, scan.apostrophes, qs, curate.apply(entities.with_speakers(found, qs, repaired), exclusions))


def annotate(source: Source, slug: str = "", exclusions: Exclusions = Exclusions()) -> Article:
    """``exclusions``: the archive's (curation.yml); the notes file's are added to them."""
    a = annotate_text(source.body, exclusions | notes.exclusions(source.notes))
    dateline = dates.dateline(a.body)
    meta = dates.with_date(source.meta, dateline)
    found = entities.with_dateline(a.entities, dateline)
    anchored, corrected, found, problems = notes.apply(source.notes, a.body, a.quotes, found)
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
