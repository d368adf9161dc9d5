"""Quote marks: which ones open, which close, which are apostrophes typed as ``"``.

Pure and offset-preserving. Each mark is judged by its shape (what stands left and right
of it), then paired per paragraph with a stack so single quotes and straight marks nested
inside a quotation stay inside it. A quotation left open at the end of a paragraph runs on
when the next paragraph opens with a mark (the news convention for long quotations).

Conventions handled:

- Two apostrophes typed for a double mark (``''like this''`` in some wire copy) are not
  read as quotation marks (nor their dirty form ``""``); ``,""`` closing a nested single
  and a double quotation together is read as the two marks it stands for.
- Straight double marks are also typed for apostrophes (``Xi Jinping"s``, ``voters" concerns``,
  ``the "90s``, ``rock "n" roll``): one between two letters is an apostrophe; one after a
  plural ``s`` is an apostrophe when reading it as a closing mark would leave the next mark
  without a partner; one before a two-digit year is an elision.
- A nested single quotation opened with a curly ``‘`` may be closed by a straight ``"`` (the
  closing single typed as ``"``): that mark closes the single quotation, not the double one.
- Marks inside markup tags (``<tweet author="x">``) are not quotation marks.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = '"“”„‟«»'
SINGLE = "‘’‚‛'"
OPENING_GLYPHS = "“„‟«‘‚‛"
CLOSING_GLYPHS = "”»’"
_LEFT_OPEN = set("([{—–-/:") | set(DOUBLE) | set(SINGLE)
_RIGHT_CLOSE = set(".,;:!?)]}—–-…") | set(DOUBLE) | set(SINGLE)
# format characters that take no room (directional marks, zero-width spaces, the BOM)
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
_HEIGHT = re.compile(r"(?<!\d)\d['’\"]\d{1,2}$")  # 6’2, 5'11 (the dirty copy types '"' for ’)
_MARK = re.compile("[" + re.escape(DOUBLE + "‘’") + "]")
_TAG = re.compile(r"<[A-Za-z/][^<>\n]{0,400}>")
_YEAR = re.compile(r"\d\d(?:s\b|(?![\w%]))")


@dataclass(frozen=True)
class Span:
    """A quotation: ``open``/``close`` are mark offsets, None when the mark is missing."""

    start: int  # opening mark, or paragraph start when unopened
    end: int  # just after the closing mark, or paragraph end when unclosed
    open: int | None
    close: int | None
    run: int  # paragraphs of one running quotation share it
    open_width: int = 1  # 2 for a doubled mark (''...'')
    close_width: int = 1

    @property
    def inner_start(self) -> int:
        return self.open + self.open_width if self.open is not None else self.start

    @property
    def inner_end(self) -> int:
        return self.close if self.close is not None else self.end


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


def shape(text: str, i: int, start: int, end: int, width: int = 1) -> str:
    """'open', 'close', 'either' (space on both sides) or 'inner' (letters on both sides)."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + width] if i + width < end else " "
    if prev in _INVISIBLE:  # a directional mark typed before an opening one: '\u202a”Sorry'
        prev = text[i - 2] if i - 1 > start else " "
    left = prev.isspace() or prev in _LEFT_OPEN or prev in _INVISIBLE
    right = nxt.isspace() or nxt in _RIGHT_CLOSE
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "either" if left else "inner"


def _role(text: str, i: int, start: int, end: int, width: int) -> str:
    """'open', 'close', 'apostrophe', 'either', or one the pairing decides: 'maybe' (a
    straight mark after a plural s) and 'maybe_open' (a straight mark before two digits)."""
    ch = text[i]
    s = shape(text, i, start, end, width)
    if width == 1 and ch == '"':
        special = _straight_role(text, i, start, end, s)
        if special:
            return special
    if s in ("open", "close"):
        return s
    if ch in OPENING_GLYPHS:
        return "open"
    if ch in CLOSING_GLYPHS:
        return "close"
    return "either"


def _straight_role(text: str, i: int, start: int, end: int, s: str) -> str | None:
    """What a straight double mark's neighbours say beyond its shape, or None."""
    prev = text[i - 1] if i > start else " "
    nxt = text[i + 1] if i + 1 < end else " "
    after = text[i + 2] if i + 2 < end else ""
    if s == "inner":
        if prev.isalnum() and nxt.isalnum():
            return "apostrophe"
        if prev == "." and nxt == "s" and not after.isalpha():
            return "apostrophe"  # an abbreviation's possessive: Jr."s, U.S."s
        return "either"  # onclick="x": a mark, not an apostrophe
    if s == "close" and prev in "sSzZ" and nxt.isspace() and (after.isalnum() or after in DOUBLE):
        return "maybe"  # voters" concerns, Sanders" 844, the States" "allies"
    if s == "open" and not prev.isalnum() and _YEAR.match(text, i + 1, end):
        return "maybe_open"  # the "90s, in "08 - or a quotation opening with a number
    if nxt == "n" and text[i + 2:i + 3] == '"' and prev == " ":
        return "apostrophe"  # rock "n" roll (the second mark is inner-shaped... or not)
    if prev == "n" and text[i - 2:i - 1] == '"' and nxt == " ":
        return "apostrophe"
    return None


def _marks(text: str, start: int, end: int, tags: list[tuple[int, int]]):
    """(offset, width, role, kind) of the marks of a paragraph; kind 'd' double, 's' single."""
    out = []
    i = start
    seg = text[start:end]
    if not any(c in seg for c in DOUBLE) and "‘" not in seg:
        return out
    while i < end:
        found = _MARK.search(text, i, end)  # (the next mark: the characters between are passed over)
        if not found:
            break
        i = found.start()
        ch = text[i]
        if ch in DOUBLE or ch in "‘’":
            if tags and any(s <= i < e for s, e in tags):
                i += 1
                continue
            nxt = text[i + 1] if i + 1 < end else ""
            if ch == '"' and nxt == ch:  # two marks side by side: decided in _doubles
                out.append((i, 2, _role(text, i, start, end, 2), "dd"))
                i += 2
                continue
            if ch in DOUBLE and _inches(text, i, start):
                pass  # 6’2”: the inch sign of a height, no quotation mark
            elif ch in DOUBLE:
                out.append((i, 1, _role(text, i, start, end, 1), "d"))
            elif ch == "‘" and shape(text, i, start, end) in ("open", "either"):
                out.append((i, 1, "open", "s"))
            elif ch == "’" and shape(text, i, start, end) in ("close", "either"):
                out.append((i, 1, "close", "s"))
        i += 1
    return out


def _inches(text: str, i: int, start: int) -> bool:
    """A double mark closing a height in feet and inches (``6’2”``, ``5'11"``)."""
    return text[i - 1:i].isdigit() and bool(_HEIGHT.search(text, max(start, i - 6), i))


def scan(text: str) -> Scan:
    apostrophes: list[int] = []
    spans: list[Span] = []
    run = 0
    carrying = False  # the previous paragraph ended inside a quotation
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)] if "<" in text else []
    for start, end in paragraphs(text):
        marks = _marks(text, start, end, tags)
        marks = _singles(text, marks, apostrophes)
        marks = _doubles(text, marks, apostrophes)
        marks = _settle_apostrophes(marks, apostrophes)
        pairs, open_at_end = _pair(marks, start, end)
        first_open = marks[0][0] if marks else None
        continues = carrying and first_open is not None and text[start:first_open].strip() == "" and marks[0][2] == "open"
        for k, (o, ow, c, cw) in enumerate(pairs):
            if not (k == 0 and continues):
                run += 1
            spans.append(Span(o if o is not None else start, c + cw if c is not None else end, o, c, run, ow, cw))
        carrying = open_at_end
    return Scan(tuple(sorted(apostrophes)), tuple(spans))


def _singles(text, marks, apostrophes):
    """Resolve nested single quotations and drop them: a curly ``‘`` is closed by ``’`` or,
    when the closing single was typed as ``"``, by the next straight close-shaped mark."""
    if not any(k == "s" for *_, k in marks):
        return marks
    kept, pending = [], None
    for m in marks:
        i, w, role, kind = m
        if kind == "s":
            pending = i if role == "open" else None
            continue
        if pending is not None and w == 1 and role in ("close", "maybe", "either") and text[i] == '"':
            apostrophes.append(i)
            pending = None
            continue
        if pending is not None and role == "open":
            pending = None  # a new double quotation: the single was an apostrophe
        kept.append(m)
    return kept


def _doubles(text, marks, apostrophes):
    """Two straight marks side by side. Closing inside a quotation, they end two quotations
    together: a nested one and its outer one (``,’”`` typed as ``,""``; when the nested one
    was opened with a curly mark, already dropped, the first is only its apostrophe).
    Elsewhere they are a doubled mark (wire copy types ``''`` for a double mark, the dirty
    copy ``""``), left as apostrophes like ``''`` itself - and so is every single straight
    mark inside such a quotation: its nested quotations, typed with one mark (any other mark
    there, a curly one or a guillemet, is no mark of ours either, and stays as it is)."""
    if not any(k == "dd" for *_, k in marks):
        return marks
    kept, depth, doubled, closed_at = [], 0, False, -1
    for i, w, role, kind in marks:
        if kind == "dd":
            closing = role in ("close", "either")
            if depth >= 2 and closing:
                kept += [(i, 1, "close", "d"), (i + 1, 1, "close", "d")]
                depth -= 2
            elif depth == 1 and closing:
                apostrophes.append(i)
                kept.append((i + 1, 1, "close", "d"))
                depth = 0
            else:
                apostrophes.extend((i, i + 1))
                doubled = role == "open" or (role == "either" and not doubled)
                closed_at = -1 if doubled else i + 2
            continue
        if doubled or i == closed_at:  # inside a doubled-mark quotation, or the third of three marks
            if text[i] == '"':
                apostrophes.append(i)
            continue
        depth = _deeper(depth, role) if role in ("open", "close", "either") else depth
        kept.append((i, w, role, kind))
    return kept


def _settle_apostrophes(marks, apostrophes):
    """Drop apostrophes from the marks, deciding each 'maybe' and 'maybe_open' by the
    quotation depth and the mark after it.

    The depth of the marks kept so far and the next mark that is not an apostrophe are
    followed as the loop goes: recounting them for every 'maybe' made a paragraph of
    thousands of marks quadratic."""
    kept = []
    depth = 0
    nxt = _next_roles(marks)
    for k, (i, w, role, kind) in enumerate(marks):
        if role == "apostrophe":
            apostrophes.append(i)
            continue
        following = nxt[k]
        if role == "maybe":
            # Outside a quotation a closing mark has no partner; inside one (and not a
            # nested one), a closing mark next means this one did not close it.
            if depth == 0 or (depth == 1 and following in ("close", "maybe")):
                apostrophes.append(i)
                continue
            role = "close"
        elif role == "maybe_open":
            # "08 is an elision, unless a closing mark comes next with no other partner:
            # "50-state strategy," opens a quotation
            if depth > 0 or following not in ("close", "maybe"):
                apostrophes.append(i)
                continue
            role = "open"
        kept.append((i, w, role, kind))
        depth = _deeper(depth, role)
    return kept


def _next_roles(marks) -> list:
    """For each mark, the role of the next mark that is not an apostrophe (or None)."""
    out, following = [None] * len(marks), None
    for k in range(len(marks) - 1, -1, -1):
        out[k] = following
        if marks[k][2] != "apostrophe":
            following = marks[k][2]
    return out


def _deeper(depth: int, role: str) -> int:
    """The quotation depth after one more mark."""
    if role == "open" or (role == "either" and depth == 0):
        return depth + 1
    return depth - 1 if depth else 0


def _pair(marks, start, end):
    """Outermost pairs of a paragraph (open, open width, close, close width); and whether
    one is left open."""
    pairs: list[tuple] = []
    stack: list[tuple[int, int]] = []
    for i, w, role, _ in marks:
        if role == "open" or (role == "either" and not stack):
            stack.append((i, w))
        elif stack:
            o, ow = stack.pop()
            if not stack:
                pairs.append((o, ow, i, w))
        elif not pairs:
            pairs.append((None, 0, i, w))  # unopened: the quotation began before the paragraph
    if len(stack) > 1:
        return _pair_flat(marks)
    if stack:
        pairs.append((stack[0][0], stack[0][1], None, 0))
    return pairs, bool(stack)


def _pair_flat(marks):
    """Fallback when nesting does not balance: marks alternate open/close in order."""
    pairs, o = [], None
    for i, w, _, _ in marks:
        if o is None:
            o = (i, w)
        else:
            pairs.append((o[0], o[1], i, w))
            o = None
    if o is not None:
        pairs.append((o[0], o[1], None, 0))
    return pairs, o is not None
