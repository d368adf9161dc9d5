"""URL slugs: readable in any script (python-slugify transliterates Chinese, Cyrillic...)."""
from __future__ import annotations

import functools
import hashlib

from slugify import slugify


@functools.lru_cache(maxsize=65536)
def slug(text: str, fallback: str = "untitled") -> str:
    s = slugify(text, max_length=80, word_boundary=True, lowercase=True)
    s = s or slugify(fallback, max_length=80) or "untitled"
    # index.md is each folder's listing page: no article or person may take its name
    return "index-page" if s == "index" else s


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
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in sorted(base):
        prev = previous.get(key)
        if prev in (base[key], _suffixed(base[key], key)) and prev not in taken:
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
