"""The HTML of generated pages, from Jinja templates a user can override the Material way.

pressroom ships a theme folder (``theme/``, in the package) that sits between the user's
``custom_dir`` (``overrides/``) and Material's own templates: the pressroom MkDocs plugin
puts it there for MkDocs, and ``pressroom build`` reads the parts of its pages from it. So
``overrides/pressroom/quote.html`` replaces ``theme/pressroom/quote.html`` (how a quote is
marked), as ``overrides/partials/search.html`` would replace pressroom's search box.

Every template is rendered with autoescape: a value is escaped unless a template marks it
safe. Values are escaped with ``esc`` (``<``, ``>``, ``&``, quotes, and the braces and
backticks that a later Markdown or Jinja plugin might read), so source text never becomes
markup whatever a template does with it.
"""
from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import jinja2
from markupsafe import Markup

THEME = Path(__file__).parent / "theme"  # the package's theme folder (MkDocs custom dir)
PARTS = "pressroom"  # the folder of the page parts in a theme (and in overrides/)


# what source text must not bring into a page as itself: HTML's specials (as html.escape
# writes them), and the braces and backticks a later Markdown or Jinja plugin (macros,
# snippets) might read as its own syntax
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
            "{": "&#123;", "}": "&#125;", "`": "&#96;"}
_SPECIAL = re.compile("[&<>\"'{}`]")


def esc(text: str) -> str:
    """Escape source text for HTML; also neutralise what Markdown or Jinja might still read.
    (Every value of every page goes through here: most have nothing to escape.)"""
    return _SPECIAL.sub(lambda m: _ESCAPES[m.group()], text) if _SPECIAL.search(text) else text


def _finalize(value):
    """Every ``{{ value }}`` goes through ``esc`` (autoescape then leaves it as it is)."""
    if hasattr(value, "__html__"):
        return value
    return Markup(esc(value if isinstance(value, str) else str(value)))


def count(n: int, noun: str) -> str:
    """"1 article", "2,140 articles"."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


@functools.lru_cache(maxsize=8)
def environment(overrides: str | None = None) -> jinja2.Environment:
    """The templates: the user's overrides folder first, then the package's theme."""
    folders = [overrides] if overrides else []
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([*folders, str(THEME)]), autoescape=True,
                             finalize=_finalize, auto_reload=False, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=False)
    env.filters["count"] = count
    env.globals.update(_GLOBALS)
    return env


_GLOBALS: dict = {}


def provide(**functions) -> None:
    """Functions every template can call (imported macros too): the listing pages' line()."""
    _GLOBALS.update(functions)
    environment.cache_clear()


_overrides: str | None = None


def use_overrides(folder: Path | None) -> None:
    """Read templates from this overrides folder (mkdocs.yml's ``theme.custom_dir``) first,
    for the rest of this process (a build's worker processes are forked after it); each
    build calls it."""
    global _overrides
    _overrides = str(folder) if folder and folder.is_dir() else None
    # read the templates anew: a build in a process that built before (a live preview, a
    # test) sees the user's templates as they are now
    environment.cache_clear()
    _overrides_digest.cache_clear()


def render(name: str, /, **context) -> str:
    """The template ``pressroom/<name>`` rendered with this context (which may hold a
    ``name`` of its own)."""
    return environment(_overrides).get_template(f"{PARTS}/{name}").render(context)


def fingerprint() -> str:
    """A hash of the user's page templates (``overrides/pressroom/``): a page made from them
    depends on them. The package's own templates are in the code's fingerprint."""
    if not _overrides:
        return ""
    return _overrides_digest(_overrides)


@functools.lru_cache(maxsize=8)
def _overrides_digest(folder: str) -> str:
    h = hashlib.sha256()
    root = Path(folder) / PARTS
    for path in sorted(root.rglob("*")) if root.is_dir() else ():
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]
