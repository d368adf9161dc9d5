"""The ``pressroom`` MkDocs plugin: what MkDocs itself must do for a pressroom site, on every
route (``mkdocs build``, ``mkdocs serve``, ``mkdocs gh-deploy``, and the make targets that
run them).

- ``on_config``: pressroom's theme folder (``theme/`` in the package: the page frame, the
  search box, the stylesheet and script, the parts of generated pages) goes between the
  user's ``custom_dir`` (``overrides/``) and Material's templates, so one copy of each
  serves every site and a user overrides any of them the Material way. And a docs/ that
  ``pressroom build`` never wrote (a fresh clone) stops the build with one line saying
  what to run, instead of a strict-mode warning per missing page.
- ``on_files``: under ``mkdocs serve`` only, the editor's review queue as a page of the
  preview, which a built site leaves out (preview.py).
- ``on_post_build``: the search index (search.py, Pagefind) of the site just built. Under
  ``mkdocs serve`` it is made in the background, so a rebuild reloads the browser at once
  and search follows when the index is written; the next build waits for it first.

Registered as an entry point (pyproject.toml, ``mkdocs.plugins``) and named in mkdocs.yml:

    plugins:
      - pressroom            # search: false leaves the index out

Only public MkDocs plugin events are used (https://www.mkdocs.org/dev-guide/plugins/).
"""
from __future__ import annotations

import contextlib
import logging
import threading
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin

from . import render_cache, search
from .templating import THEME
from .errors import PressroomError
from .lock import project_lock
from .read import MANIFEST

log = logging.getLogger("mkdocs.plugins.pressroom")

NOT_BUILT = ("{docs}/ has no pages from pressroom yet: run `make site` "
             "(or `pressroom build` before `mkdocs build`)")


class PressroomConfig(base.Config):
    search = c.Type(bool, default=True)  # build the Pagefind index after each build
    render_cache = c.Type(bool, default=True)  # reuse unchanged pages' HTML (render_cache.py)


class PressroomPlugin(BasePlugin[PressroomConfig]):
    def __init__(self):
        self.command = "build"
        self.background: _Indexer | None = None
        self.held = contextlib.ExitStack()  # the project lock (lock.py) while MkDocs builds
        self.renders = render_cache.RenderCache()

    def on_startup(self, *, command, dirty) -> None:
        self.command = command  # (its presence keeps this object across mkdocs serve's rebuilds)

    def on_config(self, config):
        docs = Path(config.docs_dir)
        if not (docs / MANIFEST).is_file():
            raise Abort(NOT_BUILT.format(docs=_shown(docs, config)))
        dirs = config.theme.dirs
        if str(THEME) not in dirs:  # (mkdocs serve configures again on each rebuild)
            dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        # site/pagefind/ is the search step's (this plugin's, or `pressroom index` after a
        # build with search: false): the render cache's merge leaves it alone
        self.renders.configure(config, self.command if self.config.render_cache else "off",
                               frozenset({search.ARTICLES.output}))
        return config

    # the render cache (render_cache.py): pages whose inputs did not change are not built
    # again; the live preview (no cache there) also shows the editor's review queue
    def on_files(self, files, *, config):
        self.renders.files(files)
        if self.command != "serve":
            return files
        from .preview import ReviewPage

        self.review = getattr(self, "review", None) or ReviewPage()  # (kept across the preview's rebuilds)
        return self.review.add(files, config)

    def on_template_context(self, context, *, template_name, config):
        return self.renders.template_context(context, template_name, config)

    def on_pre_page(self, page, *, config, files):
        self.renders.pre_page()

    def on_page_content(self, html, *, page, config, files):
        self.renders.page_content(page)

    def on_post_page(self, output, *, page, config):
        self.renders.post_page(page)
        return output

    def on_pre_build(self, *, config) -> None:
        if self.background:  # MkDocs is about to clean the site folder the index is written to
            self.background.wait()
        if self.command != "serve":  # (serve builds into a folder of its own, from docs/ as it is)
            self.held.enter_context(project_lock(Path(config.docs_dir), say=log.info))

    def on_post_build(self, *, config) -> None:
        with self.held:  # the project lock, released after the index is written
            if done := self.renders.post_build(config):  # the new pages into site/
                log.info("pressroom: %(rendered)d pages rendered, %(kept)d kept; site/: %(written)d files "
                         "written, %(unchanged)d unchanged, %(deleted)d deleted", done)
            self._index(Path(config.site_dir))

    def on_build_error(self, *, error) -> None:
        self.renders.build_error()
        self.held.close()

    def _index(self, site: Path) -> None:
        if not self.config.search:
            return
        if self.command == "serve":
            self.background = _Indexer(site)
            return
        try:
            done = search.index_site(site)
        except PressroomError as err:
            raise PluginError(str(err)) from None
        if done:
            log.info("pressroom: search index written to %s", site / search.ARTICLES.output)
        else:
            log.info("pressroom: no article pages, so no search index")

    def on_shutdown(self) -> None:
        if self.background:
            self.background.wait()


class _Indexer:
    """One Pagefind run on a thread of its own; a failure is logged, not raised (the preview
    goes on, and the next rebuild tries again)."""

    def __init__(self, site: Path):
        self.thread = threading.Thread(target=self._run, args=(site,), name="pressroom-search", daemon=True)
        self.thread.start()

    def _run(self, site: Path) -> None:
        try:
            if search.index_site(site):
                log.info("pressroom: search index updated")
        except PressroomError as err:
            log.warning("pressroom: %s", err)

    def wait(self) -> None:
        self.thread.join()


def _shown(docs: Path, config) -> str:
    """docs/ as the user names it: relative to the folder of mkdocs.yml when inside it."""
    root = Path(config.config_file_path or ".").resolve().parent
    try:
        return str(docs.resolve().relative_to(root))
    except ValueError:
        return str(docs)
