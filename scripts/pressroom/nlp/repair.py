"""Apostrophes typed as straight double marks, put back: one character for one, so every
offset into the repaired text is an offset into the original."""
from __future__ import annotations

from . import marks


def repair(text: str, apostrophes: tuple[int, ...]) -> str:
    """Straight double marks typed for apostrophes become apostrophes; nothing else changes."""
    if not apostrophes:
        return text
    chars = list(text)
    for i in apostrophes:
        chars[i] = "'"
    return "".join(chars)


def repair_title(title: str) -> str:
    return repair(title, marks.scan(title).apostrophes)
