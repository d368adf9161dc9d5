"""Render cache: a page whose inputs did not change since the last build is neither rendered
nor written again; its HTML stays in site/ as the last build left it. One new release
renders the pages that release changed (its article, and the listing, person, month and
feed pages ``pressroom build`` wrote again), not the whole archive, and the resulting
site/ is byte for byte the one a build from scratch gives (tests/test_render_cache.py).

How, with public MkDocs plugin events only (plugin.py calls these from its events):

- ``on_config``: MkDocs builds into a new folder beside site/ (``site.pressroom-new``), so
  that its clean-up at the start of a build does not empty site/. The *site fingerprint* is
  taken: mkdocs.yml as written and as resolved (``!ENV`` values such as ``SITE_URL``),
  curation.yml, every theme file (``overrides/`` by content, an installed theme by its
  version), the versions of MkDocs, Material, Markdown and its extensions, and this module
  and plugin.py. Any change there changes every page's key: a change of theme, config or
  template renders everything again.
- ``on_files``: each page's key: the fingerprint, its path, its source bytes (front matter
  included) and, for every ``*.md`` name in it, whether that file exists (MkDocs turns a
  link to an existing page into its URL and leaves others as written). A page whose key is
  the one recorded when its HTML was written, and whose HTML is still in site/ as written
  (size, and time to the second), is removed from the build. Never removed: pages in the nav (MkDocs
  needs them; their HTML holds prev/next links), pages another page links to by ``.md``
  name (MkDocs must resolve the link), and pages that are not ``cacheable`` when built.
- ``on_template_context``: ``sitemap.xml`` still lists every page, removed ones included.
- ``on_post_page``: which built pages may be kept next time (``cacheable``).
- ``on_post_build``: the new folder is merged into site/: a file identical to the one in
  site/ is not written, a changed one replaces it, and a file of the old site that this
  build neither made nor kept is deleted. ``config.site_dir`` is site/ again (for the
  search index and ``gh-deploy``). A build that stops on an error leaves site/ as it
  was (one that ``--strict`` fails for its warnings has merged its pages first, as MkDocs
  alone writes them).

Under ``mkdocs serve`` (its own temporary site) and with a nav MkDocs makes itself (every
page is in it), every page is built as without the cache. MkDocs still copies the static
files and theme assets (into the new folder; only changed ones reach site/).
"""
from __future__ import annotations

import hashlib
import json
import logging
import posixpath
import re
import shutil
from importlib import metadata
from pathlib import Path

from mkdocs.structure.pages import Page

from .write import atomic_write, merge_tree

MANIFEST = Path(".pressroom-cache") / "render.json"  # beside mkdocs.yml
FORMAT = "1"  # raised when the manifest's layout or the key changes
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jinja2", "pyyaml")
MD_NAME = re.compile(r"[^\s()<>\"'\[\]]+\.md\b")
TAG_LISTING = "<!-- material/tags"
NEW = ".pressroom-new"  # the folder MkDocs builds into: site/ + this


class RenderCache:
    """The state of one build."""

    def __init__(self) -> None:
        self.on = False
        self.site = self.new = self.manifest_path = Path()
        self.fingerprint = ""
        self.recorded: dict[str, dict] = {}  # src_uri -> {key, dest, size, mtime}, from the last build
        self.keys: dict[str, str] = {}  # src_uri -> key, this build
        self.kept: dict[str, dict] = {}  # pages left out of this build: their HTML stays
        self.built: dict[str, str] = {}  # src_uri -> dest_uri of the built, cacheable pages
        self.all_docs: list = []
        self.search = False
        self.keep: frozenset[str] = frozenset()
        self.config = None
        self.nav = None
        self.summary: dict = {}  # what the last build did (rendered, kept, written, unchanged, deleted)
        self.warnings = _Counter()
        self.warned: set[str] = set()  # pages read with a warning: made again next time (--strict)
        self.at = 0

    def configure(self, config, command: str, keep: frozenset[str] = frozenset()) -> None:
        """``keep``: folders of site/ that a later step writes (the search index). The same
        object may serve several builds (MkDocs keeps a plugin with ``on_startup``)."""
        self.summary = {}
        self.on = command in ("build", "gh-deploy") and _nav_titled(config.get("nav"))
        if not self.on:
            return
        root = Path(config.config_file_path or "mkdocs.yml").resolve().parent
        self.site = Path(config.site_dir)
        self.new = self.site.with_name(self.site.name + NEW)
        shutil.rmtree(self.new, ignore_errors=True)  # left by a build that was stopped
        config["site_dir"] = str(self.new)
        self.keep = keep
        self.config = config
        self.nav = config.get("nav")
        self.manifest_path = root / MANIFEST
        self.fingerprint = site_fingerprint(config, root)
        self.recorded = _load_manifest(self.manifest_path, self.fingerprint)
        self.search = "search" in config.plugins or "material/search" in config.plugins
        self.keys, self.kept, self.built, self.warned = {}, {}, {}, set()
        logging.getLogger("mkdocs").addHandler(self.warnings)

    def files(self, files) -> None:
        """Key every page; leave out of the build those whose HTML in site/ is current."""
        if not self.on:
            return
        docs = list(files.documentation_pages())
        self.all_docs = docs
        names = {f.src_uri for f in docs}
        linked: set[str] = _nav_sources(self.nav)  # MkDocs needs the pages of the nav
        for file in docs:
            raw = file.content_bytes
            links = _links(file.src_uri, raw, names) if b".md" in raw else []
            linked.update(name for name, there in links if there)
            self.keys[file.src_uri] = self._key(file, raw, links)
        for file in docs:
            last = self.recorded.get(file.src_uri)
            if (file.src_uri in linked or last is None or last["key"] != self.keys[file.src_uri]
                    or last["dest"] != file.dest_uri or not _as_written(self.site / file.dest_uri, last)):
                continue
            files.remove(file)
            self.kept[file.src_uri] = last

    def template_context(self, context, name: str, config):
        """The sitemap lists every page, those left out of the build included."""
        if self.on and name == "sitemap.xml" and self.kept:
            for file in self.all_docs:
                if file.page is None:
                    Page(None, file, config)
            context["pages"] = self.all_docs
        return context

    def pre_page(self) -> None:
        self.at = self.warnings.count

    def page_content(self, page) -> None:
        if self.warnings.count != self.at:
            self.warned.add(page.file.src_uri)

    def post_page(self, page) -> None:
        if self.on and page.file.src_uri not in self.warned and cacheable(page, self.search):
            self.built[page.file.src_uri] = page.file.dest_uri

    def post_build(self, config) -> dict:
        """Merge the new folder into site/; record what may be kept next time."""
        if not self.on:
            return {}
        config["site_dir"] = str(self.site)
        logging.getLogger("mkdocs").removeHandler(self.warnings)
        expected = {rec["dest"] for rec in self.kept.values()}
        counts = merge_tree(self.new, self.site, expected, self.keep)
        record = dict(self.kept)
        for src, dest in self.built.items():
            st = (self.site / dest).stat()
            record[src] = {"key": self.keys[src], "dest": dest, "size": st.st_size, "mtime": st.st_mtime_ns}
        if record != self.recorded:
            self.manifest_path.parent.mkdir(parents=True, exist_ok=True)
            data = {"format": FORMAT, "fingerprint": self.fingerprint, "pages": dict(sorted(record.items()))}
            atomic_write(self.manifest_path, json.dumps(data, indent=0).encode("utf-8"))
        self.summary = {**counts, "kept": len(self.kept), "rendered": len(self.all_docs) - len(self.kept)}
        return self.summary

    def build_error(self) -> None:
        if self.on:
            self.config["site_dir"] = str(self.site)
            logging.getLogger("mkdocs").removeHandler(self.warnings)
            shutil.rmtree(self.new, ignore_errors=True)

    def _key(self, file, raw: bytes, links: list[tuple[str, bool]]) -> str:
        digest = hashlib.sha256()
        for part in (self.fingerprint, file.src_uri, str(file.inclusion)):
            digest.update(part.encode("utf-8") + b"\0")
        digest.update(raw)
        digest.update(b"\0" + repr(links).encode("utf-8"))
        return digest.hexdigest()


class _Counter(logging.Handler):
    """Counts the warnings MkDocs and its plugins log (a page that gave one is not kept)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record) -> None:
        self.count += 1


def cacheable(page, search: bool) -> bool:
    """Whether the page's HTML depends on nothing but its key: not a page with tags or a
    tags listing (made from every page), not a page in Material's search index (its text
    is read by the search plugin), not a draft."""
    meta = page.meta or {}
    if meta.get("tags") or TAG_LISTING in (page.markdown or ""):
        return False
    if search and not (meta.get("search") or {}).get("exclude"):
        return False
    return page.file.inclusion.is_included()


def site_fingerprint(config, root: Path) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0".encode())
    for name in PACKAGES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none\0".encode())
    here = Path(__file__).resolve().parent
    for path in (here / "render_cache.py", here / "plugin.py", Path(config.config_file_path or ""),
                 root / "curation.yml"):
        digest.update(path.read_bytes() if path.is_file() else b"(none)")
        digest.update(b"\0")
    # the resolved configuration, its paths inside the project relative to it (a project
    # moved, or checked out again elsewhere, keeps its cache)
    resolved = {k: v for k, v in dict(config).items() if k != "site_dir"}
    text = json.dumps(_plain(resolved), sort_keys=True, default=str)
    digest.update(text.replace(str(root), "<project>").encode("utf-8"))
    for folder in config.theme.dirs:
        _theme_files(digest, Path(folder), root)
    return digest.hexdigest()


def _theme_files(digest, folder: Path, root: Path) -> None:
    """A theme folder: an installed one (in site-packages) by its path, as its package's
    version is in the fingerprint; any other (overrides/) by the content of every file."""
    digest.update(str(folder).replace(str(root), "<project>").encode("utf-8") + b"\0")
    if {"site-packages", "dist-packages"} & set(folder.resolve().parts):
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode("utf-8") + b"\0" + path.read_bytes())


def _plain(value, depth: int = 0):
    """The resolved configuration as plain data (objects by their options, or their type)."""
    if depth > 8:
        return type(value).__qualname__
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if hasattr(value, "items"):
        try:
            return {str(k): _plain(v, depth + 1) for k, v in value.items()}
        except Exception:  # an object whose items() is of another kind
            return type(value).__qualname__
    if isinstance(value, (list, tuple)):
        return [_plain(v, depth + 1) for v in value]
    if hasattr(value, "config"):  # a plugin: its options
        return _plain(value.config, depth + 1)
    return type(value).__qualname__


def _links(src_uri: str, raw: bytes, names: set[str]) -> list[tuple[str, bool]]:
    """Every ``*.md`` name in a source, each as read from the page's folder and from docs/,
    with whether that page exists."""
    here = posixpath.dirname(src_uri)
    out = []
    for name in sorted(set(MD_NAME.findall(raw.decode("utf-8", errors="replace")))):
        for target in (posixpath.normpath(posixpath.join(here, name)), posixpath.normpath(name.lstrip("/"))):
            out.append((target, target in names))
    return out


def _nav_titled(nav) -> bool:
    """A nav written in mkdocs.yml whose every page has its title there: the nav (in every
    page's HTML) then depends only on mkdocs.yml (in the fingerprint)."""
    if not nav:
        return False
    for item in nav:
        if isinstance(item, str):
            return False
        for value in item.values() if isinstance(item, dict) else ():
            if isinstance(value, list) and not _nav_titled(value):
                return False
    return True


def _nav_sources(nav) -> set[str]:
    """The pages named in the nav of mkdocs.yml (external links left out)."""
    out: set[str] = set()
    for item in nav if isinstance(nav, list) else [nav]:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, str) and "://" not in value:
                out.add(posixpath.normpath(value.lstrip("/")))
            elif isinstance(value, (list, dict)):
                out |= _nav_sources(value)
    return out


def _as_written(path: Path, last: dict) -> bool:
    """The page's HTML is in site/ as this plugin wrote it: same size, same time to the
    second (an archive such as the Pages workflow's cache may keep no finer time)."""
    try:
        st = path.stat()
    except OSError:
        return False
    return st.st_size == last["size"] and st.st_mtime_ns // 10**9 == last["mtime"] // 10**9


def _load_manifest(path: Path, fingerprint: str) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    ok = isinstance(data, dict) and data.get("format") == FORMAT and data.get("fingerprint") == fingerprint
    return data.get("pages", {}) if ok and isinstance(data.get("pages"), dict) else {}
