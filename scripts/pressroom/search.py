"""Search index: Pagefind over the built site's article pages.

Pagefind (PyPI ``pagefind[bin]``, its binary in the wheel) writes a static, chunked index
to ``site/pagefind/``; the header search box (overrides/partials/search.html and
docs/assets/pressroom-search.js) queries it, downloading only the chunks a query needs.
Only article pages are indexed, so a search returns articles; the verbatim original, the
citation block and the speaker tag after each quote are left out (they repeat the text: an
excerpt read "Jo Roe said Jo Roe"; full names stay indexed in the list of people).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .errors import ConfigError

ARGS = ["--glob", "articles/**/*.html", "--root-selector", "article",
        "--exclude-selectors", ".pr-original, .pr-cite, .pr-meta, .pr-quoted, .pr-speaker, .headerlink"]


def index_site(site: Path, quiet: bool = True) -> int:
    if not (site / "index.html").exists():
        raise ConfigError(str(site), "no built site here; run `mkdocs build` (or `make site`) first")
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), *ARGS]
    result = subprocess.run(cmd, capture_output=quiet, text=True)
    if result.returncode != 0:
        tail = (result.stderr or result.stdout or "").strip().splitlines()[-3:] if quiet else []
        raise ConfigError(str(site), "Pagefind failed to index the site: " + " / ".join(tail))
    return 0
