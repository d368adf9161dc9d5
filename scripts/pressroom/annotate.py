"""The annotate stage of the build: every ``Source`` becomes an ``Article`` (``nlp.annotate``),
on all cores when there are many.

A source whose notes cannot be read is an error of that source. A bug of the annotator met
in one article never costs the article: it is published with its text unannotated, and a
warning says so; every other article is annotated as usual.
"""
from __future__ import annotations

from dataclasses import replace

from . import parallel, slugs
from .errors import PressroomError, Problem
from .model import Article, Source
from .nlp.annotate import annotate as annotate_source
from .nlp.annotate import unannotated


def annotate(source: Source, slug: str = "") -> Article:
    """The annotated article, its title's slug made once (and cached with it)."""
    return replace(annotate_source(source, slug), title_slug=slugs.slug(source.title))


def _annotate_one(i: int, sources) -> Article | Problem:
    source = sources[i]
    try:
        return annotate(source, "")
    except PressroomError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001 - a bug met in one article must not cost it, nor the archive
        failed = Problem(source.path, f"internal error while annotating ({type(err).__name__}: {err}); "
                                      "the text is published unannotated; please report it", None, "warning")
        article = unannotated(source)
        return replace(article, problems=(failed,), title_slug=slugs.slug(source.title))


def annotate_many(sources: list[Source], workers: int | None = None, progress=None) -> list[Article | Problem]:
    """Annotate in order; with many sources, on several cores (annotation is pure and CPU-bound).
    A source that cannot be annotated gives a Problem in its place."""
    return parallel.pmap(_annotate_one, range(len(sources)), shared=sources, workers=workers, progress=progress)
