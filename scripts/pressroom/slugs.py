"""URL slugs: readable in any script (python-slugify transliterates Chinese, Cyrillic...)."""
from __future__ import annotations

import functools
import hashlib

from slugify import slugify


MAX_LENGTH = 80


@functools.lru_cache(maxsize=65536)
def slug(text: str, fallback: str = "untitled") -> str:
    """Whole words, shortened from the end: "... cracking down on Medicaid fraud" becomes
    "...-cracking-down-on", never "...-cracking-on" (save_order: no later, shorter word is
    taken in place of one that did not fit)."""
    return _slug(text, fallback, keep_order=True)


def _slug(text: str, fallback: str, keep_order: bool) -> str:
    s = slugify(text, max_length=MAX_LENGTH, word_boundary=True, save_order=keep_order, lowercase=True)
    s = s or slugify(fallback, max_length=MAX_LENGTH) or "untitled"
    # index.md is each folder's listing page: no article or person may take its name
    return "index-page" if s == "index" else s


def _published_forms(title: str, base: str, key: str) -> set[str]:
    """The slugs a source with this title may already be published under: today's, and the one
    the first versions made of a long title (they skipped words that did not fit), each with
    or without the suffix of a colliding title. A published slug never moves on rebuild."""
    legacy = _slug(title, "untitled", keep_order=False)
    return {base, _suffixed(base, key), legacy, _suffixed(legacy, key)}


def _suffixed(base: str, key: str) -> str:
    return f"{base}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"


def unique_slugs(items: list[tuple[str, str]], previous: dict[str, str] | None = None,
                 made: dict[str, str] | None = None) -> dict[str, str]:
    """Slugs for (key, title) pairs, unique and stable.

    An article keeps the slug it had in the last build (``previous``) while its title is
    unchanged, so adding a second "Press release" never moves the first one's URL. Among new
    articles, one whose slug is free takes it; titles that collide get a suffix hashed from
    their own file name, so the order of files never matters. ``made``: slugs of titles
    already made (with the annotation cache), by key.
    """
    previous, made = previous or {}, made or {}
    base = {key: made.get(key) or slug(title) for key, title in items}
    titles = dict(items)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(base):
        prev = previous.get(key)
        if prev is not None and prev not in taken and prev in _published_forms(titles[key], base[key], key):
            out[key] = prev
            taken.add(prev)
    contenders: dict[str, list[str]] = {}
    for key in sorted(base):
        if key not in out:
            contenders.setdefault(base[key], []).append(key)
    for s, keys in contenders.items():
        for key in keys:
            out[key] = s if len(keys) == 1 and s not in taken else _suffixed(s, key)
            taken.add(out[key])
    return out
