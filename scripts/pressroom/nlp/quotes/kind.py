"""Speech or scare: is a quoted span somebody's words, or a quoted term or title?

Short quoted terms (scare quotes, titles of works) are not speech; a quotation with a
reporting clause, a spoken ending (``,`` ``.`` ``?`` before the closing mark) or more than a
few words is.
"""
from __future__ import annotations

import re

from .context import Hit

_SPOKEN_END = re.compile(r"[,.!?…—-]\s*$")
_WORD = re.compile(r"\w+")


def kind(text: str, hit: Hit | None, cue: str | None, span, small_words, masked: str = "") -> str:
    """"speech" or "scare" for the quoted text (its reporting clause's mention and cue)."""
    words = _WORD.findall(text)
    if span.open is None or span.close is None:
        return "speech"  # a quotation running over paragraphs is never a scare quote
    spoken_end = bool(_SPOKEN_END.search(text))
    if not spoken_end and title_case(words, small_words) and not text.isupper():
        return "scare"  # a title of a work, even next to a reporting verb: on CNN's "State of the Union"
    if len(words) <= 2 and not (hit is not None and next_to(hit, span, masked)):
        return "scare"  # "No," he said. - but not the co-author of "Going Viral," about ..., said
    if hit is not None and cue is not None and (spoken_end or len(words) > 3):
        return "speech"
    if len(words) <= 4 and not spoken_end:
        return "scare"
    if len(words) <= 2:
        return "scare"
    if hit is None and not spoken_end and title_case(words, small_words):
        return "scare"  # a title of a work: "The Art of the Deal"
    return "speech" if hit is not None or len(words) > 5 or spoken_end else "scare"


def next_to(hit: Hit, span, masked: str) -> bool:
    """Is the reporting clause right next to the quotation: its mention or its verb first
    after it ('"No," he said', '"Meh," wrote a voter'), or its mention just before it
    ('Roe said, "No."')?"""
    if hit.start >= span.end:
        first = _WORD.search(masked, span.end, hit.start + 1)
        return hit.start - span.end <= 4 or bool(first) and first.group(0) == (hit.verb or "").split(" ")[0]
    return 0 <= span.start - hit.end <= 25


def title_case(words: list[str], small_words) -> bool:
    """Every word capitalised but the small words of a title ("The Art of the Deal")."""
    return len(words) <= 12 and all(w[:1].isupper() or w in small_words or w.isdigit() for w in words)
