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


def unique_slugs(items: list[tuple[str, str]]) -> dict[str, str]:
    """Slugs for (key, title) pairs, unique and stable.

    Articles sharing a title get a suffix from a hash of their own file name, so adding,
    removing or renaming another file never moves an article to a different URL.
    """
    by_slug: dict[str, list[str]] = {}
    base = {}
    for key, title in items:
        base[key] = slug(title)
        by_slug.setdefault(base[key], []).append(key)
    out = {}
    for key, s in base.items():
        if len(by_slug[s]) > 1:
            s = f"{s}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:6]}"
        out[key] = s
    return out
