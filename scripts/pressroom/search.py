"""Search index: Pagefind over the built site's article pages.

Pagefind (PyPI ``pagefind[bin]``, its binary in the wheel) writes a static, chunked index
to ``site/pagefind/``; the header search box (theme/partials/search.html and
theme/assets/pressroom-search.js) queries it, downloading only the chunks a query needs.
Only article pages are indexed, so a search returns articles; the verbatim original, the
citation block and the speaker tag after each quote are left out (they repeat the text: an
excerpt read "Jo Roe said Jo Roe"; full names stay indexed in the list of people).

MkDocs runs this itself, through the ``pressroom`` plugin (plugin.py), at the end of every
build: ``mkdocs build``, ``mkdocs serve`` and ``mkdocs gh-deploy`` all give a site whose
search works. ``pressroom index`` runs it on a site built by something else (Zensical,
which ignores MkDocs plugins).
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError


@dataclass(frozen=True)
class IndexSpec:
    """What Pagefind indexes, and where it writes: one spec, one index (``output`` is the
    folder inside the site, as the search box loads it from ``pagefind/``)."""
    glob: str = "{articles,people,organizations,places}/**/*.html"
    exclude_selectors: tuple[str, ...] = (".pr-original", ".pr-cite", ".pr-meta", ".pr-quoted", ".pr-speaker",
                                          ".headerlink", ".pr-list", ".pr-quotes", ".pr-letters", ".pr-years",
                                          ".pr-skip")
    output: str = "pagefind"
    probe: str = "articles/**/*.html"  # (a site without an article has nothing to search)

    def args(self) -> list[str]:
        return ["--glob", self.glob, "--exclude-selectors", ", ".join(self.exclude_selectors),
                "--output-subdir", self.output]


ARTICLES = IndexSpec()


def pagefind_command(site: Path, spec: IndexSpec = ARTICLES) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), *spec.args()]


def index_site(site: Path, quiet: bool = True, spec: IndexSpec = ARTICLES) -> bool:
    """Index a built site in place: True when done, False when it has no page to index (an
    archive without articles; Pagefind would fail); a ConfigError says why it cannot be done."""
    if not (site / "index.html").exists():
        raise ConfigError(str(site), "no built site here; run `make site` (or `mkdocs build`) first")
    if next(site.glob(spec.probe), None) is None:
        return False
    result = subprocess.run(pagefind_command(site, spec), capture_output=quiet, text=True)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout or "").strip().splitlines()[-3:] if quiet else []
        raise ConfigError(str(site), "Pagefind failed to index the site: " + " / ".join(tail))
    return True
