"""Quote marks: which ones open, which close, which are apostrophes typed as ``"``.

Pure and offset-preserving. Each mark is judged by its shape (what stands left and right
of it), then paired per paragraph with a stack so single quotes and straight marks nested
inside a quotation stay inside it. A quotation left open at the end of a paragraph runs on
when the next paragraph opens with a mark (the news convention for long quotations).

Straight double marks are also typed for apostrophes (``Xi Jinping"s``, ``voters" concerns``):
one between two letters is an apostrophe; one after a plural ``s`` before a lower-case word
is an apostrophe when reading it as a closing mark would leave the next mark without a partner.
"""
from __future__ import annotations

from dataclasses import dataclass

DOUBLE = '"“”„‟«»'
SINGLE = "‘’‚‛'"
OPENING_GLYPHS = "“„‟«‘‚‛"
CLOSING_GLYPHS = "”»’"
_LEFT_OPEN = set("([{—–-/:") | set(DOUBLE) | set(SINGLE)
_RIGHT_CLOSE = set(".,;:!?)]}—–-…") | set(DOUBLE) | set(SINGLE)


@dataclass(frozen=True)
class Span:
    """A quotation: ``open``/``close`` are mark offsets, None when the mark is missing."""

    start: int  # opening mark, or paragraph start when unopened
    end: int  # just after the closing mark, or paragraph end when unclosed
    open: int | None
    close: int | None
    run: int  # paragraphs of one running quotation share it


@dataclass(frozen=True)
class Scan:
    apostrophes: tuple[int, ...]
    spans: tuple[Span, ...]


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def shape(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close', 'either' (space on both sides) or 'inner' (letters on both sides)."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    left = prev.isspace() or prev in _LEFT_OPEN
    right = nxt.isspace() or nxt in _RIGHT_CLOSE
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either" if left else "inner"


def _role(text: str, i: int, start: int, end: int) -> str:
    """'open', 'close', 'apostrophe' or 'maybe' (a straight mark after a plural s)."""
    ch = text[i]
    s = shape(text, i, start, end)
    if ch == '"' and s == "inner":
        return "apostrophe"
    if ch == '"' and s == "close" and text[i - 1] in "sS" and i + 2 < end and text[i + 1] == " " and text[i + 2].islower():
        return "maybe"
    if s in ("open", "close"):
        return s
    if ch in OPENING_GLYPHS:
        return "open"
    if ch in CLOSING_GLYPHS:
        return "close"
    return "either"


def scan(text: str) -> Scan:
    apostrophes: list[int] = []
    spans: list[Span] = []
    run = 0
    carrying = False  # the previous paragraph ended inside a quotation
    for start, end in paragraphs(text):
        marks = [(i, _role(text, i, start, end)) for i in range(start, end) if text[i] in DOUBLE]
        marks = _settle_apostrophes(marks, apostrophes)
        pairs, open_at_end = _pair(marks, start, end)
        first_open = marks[0][0] if marks else None
        continues = carrying and first_open is not None and text[start:first_open].strip() == "" and marks[0][1] == "open"
        for k, (o, c) in enumerate(pairs):
            if not (k == 0 and continues):
                run += 1
            spans.append(Span(o if o is not None else start, c + 1 if c is not None else end, o, c, run))
        carrying = open_at_end
    return Scan(tuple(sorted(apostrophes)), tuple(spans))


def _settle_apostrophes(marks, apostrophes):
    """Drop apostrophes from the marks, deciding each 'maybe' by what follows it."""
    kept = []
    for k, (i, role) in enumerate(marks):
        if role == "apostrophe":
            apostrophes.append(i)
            continue
        if role == "maybe":
            later = [r for _, r in marks[k + 1:] if r != "apostrophe"]
            inside = _depth(kept) > 0
            # Outside a quotation a closing mark has no partner; inside one, a closing mark
            # next means this one did not close it.
            if not inside or (later and later[0] in ("close", "maybe")):
                apostrophes.append(i)
                continue
            role = "close"
        kept.append((i, role))
    return kept


def _depth(marks) -> int:
    depth = 0
    for _, role in marks:
        if role == "open" or (role == "either" and depth == 0):
            depth += 1
        elif depth:
            depth -= 1
    return depth


def _pair(marks, start, end):
    """Outermost pairs of a paragraph; returns them and whether one is left open."""
    pairs: list[tuple[int | None, int | None]] = []
    stack: list[int] = []
    for i, role in marks:
        if role == "open" or (role == "either" and not stack):
            stack.append(i)
        elif stack:
            o = stack.pop()
            if not stack:
                pairs.append((o, i))
        elif not pairs:
            pairs.append((None, i))  # unopened: the quotation began before the paragraph
    if len(stack) > 1:
        return _pair_flat(marks)
    if stack:
        pairs.append((stack[0], None))
    return pairs, bool(stack)


def _pair_flat(marks):
    """Fallback when nesting does not balance: marks alternate open/close in order."""
    pairs, o = [], None
    for i, _ in marks:
        if o is None:
            o = i
        else:
            pairs.append((o, i))
            o = None
    if o is not None:
        pairs.append((o, None))
    return pairs, o is not None
