"""Search index: Pagefind over the built site's article pages and entity pages.

Pagefind (PyPI ``pagefind[bin]``, its binary in the wheel) writes a static, chunked index
to ``site/pagefind/``; the header search box (theme/partials/search.html and
theme/assets/pressroom-search.js) queries it, downloading only the chunks a query needs.
Article pages and the pages of people, organisations and places are indexed (a name finds
its person's page first); other listings stay out. The verbatim original, the
citation block and the speaker tag after each quote are left out (they repeat the text: an
excerpt read "Jo Roe said Jo Roe"; full names stay indexed in the list of people).

MkDocs runs this itself, through the ``pressroom`` plugin (plugin.py), at the end of every
build: ``mkdocs build``, ``mkdocs serve`` and ``mkdocs gh-deploy`` all give a site whose
search works. ``pressroom index`` runs it on a site built by something else (Zensical,
which ignores MkDocs plugins).

A large archive is indexed in *parts*: the articles by year (site/data/articles.json), the
years taken in order from the oldest into parts of at most ``IndexSpec.part_pages`` pages,
the newest year in a part of its own (a year larger than that is split by a hash of its
URLs into 2, 4, 8... parts of about that size). The first part is written to
``pagefind/`` itself, every other to ``pagefind/part-*/``, listed in
``pagefind/pressroom-parts.json``; the search box merges them in the browser (Pagefind's
``mergeIndex``). A part whose pages are all as they were when it was indexed (path and
content) is not indexed again: one new release re-indexes its year's part, and Pagefind's
memory is bounded by a part, not the archive. An archive of one year has one part: one
index, as before. A part's new index replaces its old one file by file, writing only the
files that changed.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .errors import ConfigError
from .write import atomic_write, merge_tree


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
    # Pagefind needs ~230 KB a page (2.3 GB for 10,000): ~700 MB for a full part. Each part
    # adds its own index chunks to a query's download (~14 KB a word): fewer, larger parts
    # for the first query, smaller ones for memory and a new release's re-index
    part_pages: int = 3000

    def args(self, output_path: Path | None = None) -> list[str]:
        """Pagefind's options: the index written to ``output`` in the site, or to ``output_path``."""
        where = ["--output-path", str(output_path)] if output_path else ["--output-subdir", self.output]
        return ["--glob", self.glob, "--exclude-selectors", ", ".join(self.exclude_selectors), *where]

    def pages(self, site: Path) -> list[str]:
        """The site's pages this spec indexes (``glob`` as Pagefind reads it: one ``{a,b}``
        group of alternatives, which Python's glob does not know)."""
        head, _, rest = self.glob.partition("{")
        alternatives, _, tail = rest.partition("}")
        globs = [head + a + tail for a in alternatives.split(",")] if rest else [self.glob]
        return sorted({p.relative_to(site).as_posix() for g in globs for p in site.glob(g)})


ARTICLES = IndexSpec()


def pagefind_command(site: Path, spec: IndexSpec = ARTICLES, output_path: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), *spec.args(output_path)]


PARTS = "pressroom-parts.json"  # in pagefind/: the parts after the first, for the search box
ARTICLE_LIST = Path("data") / "articles.json"  # in the site: every article's URL and date


def index_site(site: Path, quiet: bool = True, spec: IndexSpec = ARTICLES) -> bool:
    """Index a built site in place: True when done, False when it has no page to index (an
    archive without articles; Pagefind would fail); a ConfigError says why it cannot be done."""
    if not (site / "index.html").exists():
        raise ConfigError(str(site), "no built site here; run `make site` (or `mkdocs build`) first")
    if next(site.glob(spec.probe), None) is None:
        return False
    pages = spec.pages(site)
    out = site / spec.output
    parts = split_parts(pages, _years(site), spec.part_pages)
    names = [f"part-{first}" for first, _ in parts]
    last = _read_parts(out)
    done = {}
    for n, (name, (_, members)) in enumerate(zip(names, parts)):
        done[name] = _digest(site, members, spec)
        where = out if n == 0 else out / name
        if (last.get("digests", {}).get(name) == done[name] and (where / "pagefind-entry.json").is_file()
                and (n > 0 or last.get("first") == name)):
            continue  # this part's pages are as they were when it was indexed
        _index_part(site, members, spec, out, None if n == 0 else name, quiet)
    for old in out.glob("part-*"):
        if old.name not in names[1:]:
            shutil.rmtree(old)
    state = {"first": names[0], "parts": names[1:], "digests": done}
    if state != last:
        atomic_write(out / PARTS, json.dumps(state, indent=0, sort_keys=True).encode("utf-8"))
    return True


def split_parts(pages: list[str], years: dict[str, str], limit: int) -> list[tuple[str, list[str]]]:
    """The pages in parts of at most ``limit``: whole years, oldest first, taken together
    while they fit, but the newest year in a part of its own (new releases land there, so
    a new one re-indexes one year, and with it the pages of people, organisations and
    places, which go with the newest year as a new release changes them); a year larger
    than ``limit`` in 2, 4, 8... parts by a
    hash of the page's path. Each part is named by its first year (and its share of a
    split year)."""
    dated = [y for y in years.values() if y != "undated"]
    current = max(dated) if dated else "undated"  # a page of no article: a person's page
    by_year: dict[str, list[str]] = {}
    for page in pages:
        by_year.setdefault(years.get(page, current), []).append(page)
    order = sorted(by_year, key=lambda y: (y != "undated", y))
    parts: list[tuple[str, list[str]]] = []
    for year in order:
        members = by_year[year]
        if len(members) > limit:
            k = 2 ** math.ceil(math.log2(len(members) / limit))
            for j in range(k):
                parts.append((f"{year}-{j + 1}of{k}", [p for p in members if zlib.crc32(p.encode()) % k == j]))
        elif (parts and year != order[-1] and "of" not in parts[-1][0]
              and len(parts[-1][1]) + len(members) <= limit):
            parts[-1] = (parts[-1][0], parts[-1][1] + members)
        else:
            parts.append((year, members))
    return parts


def _years(site: Path) -> dict[str, str]:
    """Each article page (as the glob finds it) -> the year of its date, from the site's
    list of articles; empty when there is none (one part, by size alone)."""
    try:
        data = json.loads((site / ARTICLE_LIST).read_text(encoding="utf-8"))
        rows = data["articles"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    out = {}
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("url"), str):
            path = row["url"].strip("/") + "/index.html"
            out[path] = str(row.get("date") or "undated")[:4]
    return out


def _digest(site: Path, members: list[str], spec: IndexSpec) -> str:
    """A part's pages by content (times do not survive every cache), and how they are indexed."""
    h = hashlib.sha256(" ".join([*spec.args(), metadata.version("pagefind")]).encode())
    for page in members:
        h.update(f"\0{page}\0".encode() + hashlib.sha256((site / page).read_bytes()).digest())
    return h.hexdigest()


def _index_part(site: Path, members: list[str], spec: IndexSpec, out: Path, name: str | None, quiet: bool) -> None:
    """Pagefind over one part's pages (hard links in a folder of their own, so that the
    URLs are the site's), written to ``out`` (the first part) or ``out/name``."""
    work = Path(tempfile.mkdtemp(prefix=".pressroom-index-", dir=site.parent))
    try:
        for page in members:
            (work / "site" / page).parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(site / page, work / "site" / page)
            except OSError:  # a file system without hard links
                shutil.copy2(site / page, work / "site" / page)
        result = subprocess.run(pagefind_command(work / "site", spec, work / "out"), capture_output=quiet, text=True)
        if result.returncode != 0:
            tail = (result.stderr or result.stdout or "").strip().splitlines()[-3:] if quiet else []
            raise ConfigError(str(site), "Pagefind failed to index the site: " + " / ".join(tail))
        _install(work / "out", out, name)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _install(new: Path, out: Path, name: str | None) -> None:
    """Put a part's new index in place of its old one, leaving the other parts, and every
    file Pagefind wrote as it was before, as they are."""
    if name is not None:
        merge_tree(new, out / name, set(), frozenset())
        return
    others = frozenset(p.name for p in out.glob("part-*")) | {PARTS}
    merge_tree(new, out, set(), others)


def _read_parts(out: Path) -> dict:
    try:
        data = json.loads((out / PARTS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
