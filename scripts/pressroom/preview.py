"""The editor's review queue (``pressroom review``) as a page of the live preview, never of
the published site.

``mkdocs serve`` (and ``make serve`` / ``pressroom serve``, which run it) shows the queue at
``/review/``. It is kept out of what is published, the MkDocs way: the page is one MkDocs
makes in memory (``File.generated``) with the inclusion level of a draft
(``InclusionLevel.DRAFT``: "excluded from the final site, but still populated during
``mkdocs serve``", as ``draft_docs`` pages are), so ``mkdocs build`` and ``gh-deploy`` never
write it; and the plugin adds it under ``serve`` only, so a build does not even gather it.
It is out of search both ways: ``search: exclude`` for MkDocs' own index, and Pagefind
indexes article pages only (search.py).

The queue is gathered like ``pressroom review``: from the sources (``PRESSROOM_SOURCES``,
set by ``pressroom serve``; else sources/ beside mkdocs.yml), curation.yml and the build's
annotation cache, under the project lock (a running ``pressroom build`` goes first). It is
made again only when a file the build reads changed. A failure is logged, and the preview
goes on without the page.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from . import curation, pipeline, render, review
from .lock import project_lock
from .read import MANIFEST
from .serve import SOURCES_ENV, snapshot

log = logging.getLogger("mkdocs.plugins.pressroom")

SRC_URI = "review/index.md"
CACHE = ".pressroom-cache"  # the build's (cli.py, serve.py)


class ReviewPage:
    """Adds the queue's page to the files of each preview build; the queue is kept between
    builds while nothing it is made from changed."""

    def __init__(self):
        self._made: tuple[dict, list, list] | None = None  # (what it was made from, items, articles)

    def add(self, files, config):
        from mkdocs.structure.files import File, InclusionLevel

        if files.get_file_from_path(SRC_URI) is not None:
            log.warning("pressroom: docs/%s is a page of yours, so the review queue is not shown there", SRC_URI)
            return files
        try:
            items, articles = self._queue(config)
        except Exception as err:  # noqa: BLE001 - the preview goes on without the queue
            log.warning("pressroom: the review queue could not be made (%s: %s)", type(err).__name__, err)
            return files
        page = File.generated(config, SRC_URI, content="", inclusion=InclusionLevel.DRAFT)
        page.content_string = review.page(items, _links(articles, files, page.url))
        files.append(page)
        log.info("pressroom: the review queue (%d items), in the preview only: %s", len(items),
                 (config.site_url or "/").rstrip("/") + "/review/")
        return files

    def _queue(self, config) -> tuple[list, list]:
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        sources = Path(os.environ.get(SOURCES_ENV) or root / "sources")
        docs, cache = Path(config.docs_dir), root / CACHE
        inputs = snapshot(sources, curation.path_beside(root / "mkdocs.yml"), docs / MANIFEST)
        if self._made is None or self._made[0] != inputs:
            with project_lock(docs, say=log.info):
                # (one process: the server forked into workers could deadlock on its threads' locks)
                g = pipeline.gather(sources, docs, root / "mkdocs.yml", cache_dir=cache, workers=1)
                articles = pipeline.whole(g, g.articles, cache, workers=1)
            self._made = (inputs, review.queue(articles), articles)
        return self._made[1], self._made[2]


def _links(articles, files, here: str) -> dict[str, tuple[str, str]]:
    """Source path -> (its article page's URL relative to the queue's page URL, its title)."""
    from mkdocs.utils import get_relative_url

    out = {}
    for a in articles:
        f = files.get_file_from_path(render.page_path(a))
        if f is not None:
            out[a.source.path] = (get_relative_url(f.url, here), a.title)
    return out
