"""Datelines and dates: ``BEIJING, April 19 (Xinhua) --``, ``NEW YORK, Feb 26 -``,
``July 28, 2022 (SAINT PAUL) --``. A date is only taken when the text gives its year:
an article with no known date stays undated, never gets a made-up one."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .model import Dateline, Metadata

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s+[A-Z][A-Za-z.]{1,20})?)"
_DASH = r"\s*(?:--|-|—|–)\s*"
_FORMS = [
    # BEIJING, April 19 (Xinhua) --   /   NEW YORK, Feb 26 -
    re.compile(_PLACE + r",\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*(?:\((?P<agency>[A-Za-z .]+)\))?" + _DASH),
    # July 28, 2022 (SAINT PAUL) --
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})\s*\((?P<place>[A-Z][A-Za-z .'’\-]+)\)" + _DASH),
    # LONDON (Reuters) -
    re.compile(r"(?P<place>[A-Z][A-Z .'’\-]{1,30})\s*\((?P<agency>[A-Za-z .]+)\)" + _DASH),
]


def dateline(body: str) -> Dateline | None:
    """A dateline at the start of the first paragraph (or of the second, after a caption)."""
    for para in body.split("\n")[:3]:
        offset = body.find(para)
        for form in _FORMS:
            m = form.match(para)
            if m:
                g = m.groupdict()
                return Dateline(offset + m.start(), offset + m.end(), _place(g.get("place")), _date(g), g.get("agency"))
        m = re.search(r"(?:^|\.\s)" + _FORMS[0].pattern[: -len(_DASH)] + r"\s*\((?:Xinhua|Reuters|AP|AFP)\)" + _DASH, para)
        if m:
            g = m.groupdict()
            return Dateline(offset + m.start("place"), offset + m.end(), _place(g.get("place")), _date(g), g.get("agency"))
    return None


def _place(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(w if not w.isupper() or len(w) <= 2 else w.capitalize() for w in text.strip().split())


def _date(g: dict) -> dt.date | None:
    if not g.get("year") or not g.get("month"):
        return None
    try:
        return dt.date(int(g["year"]), _MONTHS[g["month"][:3].lower()], int(g["day"]))
    except ValueError:
        return None


def with_date(meta: Metadata, line: Dateline | None) -> Metadata:
    if meta.date is None and line is not None and line.date is not None:
        return replace(meta, date=line.date)
    return meta
