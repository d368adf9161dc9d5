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
from .nlp.curate import Exclusions


def annotate(source: Source, slug: str = "", exclusions: Exclusions = Exclusions()) -> Article:
    """The annotated article, its title's slug made once (and cached with it)."""
    return replace(annotate_source(source, slug, exclusions), title_slug=slugs.slug(source.title))


def _annotate_one(i: int, shared) -> Article | Problem:
    sources, exclusions = shared
    source = sources[i]
    try:
        return annotate(source, "", exclusions[i] if exclusions else Exclusions())
    except PressroomError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001 - a bug met in one article must not cost it, nor the archive
        failed = Problem(source.path, f"internal error while annotating ({type(err).__name__}: {err}); "
                                      "the text is published unannotated; please report it", None, "warning")
        article = unannotated(source)
        return replace(article, problems=(failed,), title_slug=slugs.slug(source.title))


def annotate_many(sources: list[Source], workers: int | None = None, progress=None,
                  exclusions: list[Exclusions] | None = None) -> list[Article | Problem]:
    """Annotate in order; with many sources, on several cores (annotation is pure and CPU-bound).
    ``exclusions``: the editor's, one per source (curation.yml). A source that cannot be
    annotated gives a Problem in its place."""
    return parallel.pmap(_annotate_one, range(len(sources)), shared=(sources, exclusions), workers=workers, progress=progress)
