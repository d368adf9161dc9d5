"""Datelines and dates: ``BEIJING, April 19 (Xinhua) --``, ``NEW YORK, Feb 26 -``,
``July 28, 2022 (SAINT PAUL) --``. A date is only taken when the text gives its year:
an article with no known date stays undated, never gets a made-up one."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .lexicon import _yaml, word_list
from ..model import Dateline, Metadata, TimeRef

_WORDS = _yaml("dates.yml")
# every form of a month, longest first ("September" before "Sept" before "Sep"), and its number
_MONTHS = {form.lower(): n for n, (name, short) in enumerate(_WORDS["months"].items(), 1) for form in [name, *short]}
_MONTH = r"(?P<month>" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_PLACE = r"(?P<place>[A-Z][A-Za-z.'’\- ]{1,40}?(?:,\s+[A-Z][A-Za-z.]{1,20})?)"
_DASH = r"\s*(?:--|-|—|–)\s*"
_DATE_TIME = _MONTH + r"\s+(?P<day>\d{1,2}),\s*(?P<year>\d{4})(?:,?\s*\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)?"
_FORMS = [
    # BEIJING, April 19 (Xinhua) --   /   NEW YORK, Feb 26 -
    re.compile(_PLACE + r",\s+" + _MONTH + r"\s+(?P<day>\d{1,2})(?:,\s*(?P<year>\d{4}))?\s*(?:\((?P<agency>[A-Za-z .]+)\))?" + _DASH),
    # July 28, 2022 (SAINT PAUL) --   /   December 17, 2020, 12:34 PM (SAINT PAUL) —
    re.compile(_DATE_TIME + r"\s*\((?P<place>[A-Z][A-Za-z .'’\-]+)\)" + _DASH),
    # March 15, 2021 (ST. PAUL) Today ...  (no dash: the place in capitals, then the text)
    re.compile(_DATE_TIME + r"\s*\((?P<place>[A-Z][A-Z .'’\-]+)\)\s+(?=[A-Z])"),
    # LONDON (Reuters) -
    re.compile(r"(?P<place>[A-Z][A-Z .'’\-]{1,30})\s*\((?P<agency>[A-Za-z .]+)\)" + _DASH),
]


# after a photo caption: ". BEIJING, Nov. 19 (Xinhua) --"
_MID_PARAGRAPH = re.compile(r"(?:^|\.\s)" + _FORMS[0].pattern[: -len(_DASH)] + r"\s*\((?:"
                            + "|".join(map(re.escape, _WORDS["mid_paragraph_agencies"])) + r")\)" + _DASH)


def dateline(body: str) -> Dateline | None:
    """A dateline at the start of the first paragraph (or of the second, after a caption)."""
    for para in body.split("\n")[:3]:
        offset = body.find(para)
        for form in _FORMS:
            m = form.match(para)
            if m:
                g = m.groupdict()
                if g.get("place") in word_list("agencies.txt") and not g.get("agency"):  # "May 3, 2021 (AP) -"
                    g = {**g, "agency": g["place"], "place": None}
                return Dateline(offset + m.start(), offset + m.end(), _place(g.get("place")), _date(g), g.get("agency"))
        m = _MID_PARAGRAPH.search(para)
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
        return dt.date(int(g["year"]), _MONTHS[g["month"].lower()], int(g["day"]))
    except ValueError:
        return None


def with_date(meta: Metadata, line: Dateline | None) -> Metadata:
    if meta.date is None and line is not None and line.date is not None:
        return replace(meta, date=line.date)
    return meta


WEEKDAYS = [d.lower() for d in _WORDS["weekdays"]]
_DAYS = {d.lower(): n for d, n in _WORDS["days"].items()}
_RELATIVE = re.compile(
    # the lookahead of first letters lets the engine skip most positions without trying
    # every alternative (twice as fast over a whole article)
    r"(?=[" + "".join(sorted({w[0] for w in ["last", "this", "next", "on", *WEEKDAYS, *_DAYS]})) + r"])"
    r"\b(?:(?P<on>(?:on|last|this|next)\s+)?(?P<weekday>" + "|".join(_WORDS["weekdays"]) + r")"
    r"|(?P<day>" + "|".join(_DAYS) + r")"
    r"|(?P<rel>last|this|next)\s+(?P<unit>" + "|".join(_WORDS["units"]) + r"))\b",
    re.I,
)


# the date written after a weekday: "Friday, January 29", "Tuesday, Dec. 22, 2020",
# "Friday 29 January"
_SPELLED_OUT = re.compile(r",?\s+(?:" + _MONTH + r"\s+(?P<day>\d{1,2})(?!\d)(?:,?\s+(?P<year>\d{4}))?"
                          r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.replace("?P<month>", "?P<month2>")
                          + r"(?:,?\s+(?P<year2>\d{4}))?)\b")
# a clause that announces, up to the weekday: "will hold an event on Friday"; not past a
# comma or a quotation mark ("Prices will rise, analysts said on Tuesday")
_FUTURE = re.compile(r"\b(?:will|shall|won[’']t|plans?\s+to|(?:is|are)\s+(?:scheduled|set|expected|due)\s+(?:to|for)"
                     r"|upcoming)\b[^.!?\n,;:\"“”]*$", re.I)


def relative_dates(body: str, anchor: dt.date | None) -> tuple[TimeRef, ...]:
    """Resolve "on Wednesday", "yesterday", "last month"... against the article's date.

    News writes past events by weekday: "on Wednesday" in a story dated Friday is the
    Wednesday of that week; on the day itself it is that day. A sentence that announces
    ("will hold a hearing on Friday") means the coming one, and a weekday followed by its
    date ("Friday, January 29") is that date. Nothing is resolved without a known date: a
    guess shown as fact would mislead a reader.
    """
    if anchor is None:
        return ()
    out = []
    for m in _RELATIVE.finditer(body):
        g = m.groupdict()
        if g["weekday"]:
            target = WEEKDAYS.index(g["weekday"].lower())
            which = (g["on"] or "").strip().lower()
            back = (anchor.weekday() - target) % 7
            if which == "last" and back == 0:
                back = 7
            said = _spelled_out(body, m.end(), anchor, target)
            if said is not None:
                day = said
            elif which == "next":
                day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
            elif which != "last" and _FUTURE.search(body, max(0, m.start() - 300), m.start()):
                day = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
            else:
                day = anchor - dt.timedelta(days=back)
            out.append(TimeRef(m.start(), m.end(), day, f"{day:%A} {day.day} {day:%B %Y}"))
        elif g["day"]:
            delta = _DAYS[g["day"].lower()]
            day = anchor + dt.timedelta(days=delta)
            out.append(TimeRef(m.start(), m.end(), day, f"{day:%A} {day.day} {day:%B %Y}"))
        else:
            step = {"last": -1, "this": 0, "next": 1}[g["rel"].lower()]
            unit = g["unit"].lower()
            if unit == "week":
                monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
                out.append(TimeRef(m.start(), m.end(), monday, f"week of {monday.day} {monday:%B %Y}"))
            elif unit == "month":
                month = anchor.month - 1 + step
                first = dt.date(anchor.year + month // 12, month % 12 + 1, 1)
                out.append(TimeRef(m.start(), m.end(), first, f"{first:%B %Y}"))
            else:
                first = dt.date(anchor.year + step, 1, 1)
                out.append(TimeRef(m.start(), m.end(), first, str(first.year)))
    return tuple(out)


def _spelled_out(body: str, at: int, anchor: dt.date, weekday: int) -> dt.date | None:
    """The date written right after a weekday, when it falls on that weekday; its year (when
    not given) the one that puts it nearest the article's date: "Tuesday, December 22" in a
    January story is last year's. "On Sunday 15 Marines were hurt" is no date."""
    m = _SPELLED_OUT.match(body, at)
    if not m:
        return None
    g = m.groupdict()
    g = {"month": g["month"] or g["month2"], "day": g["day"] or g["day2"], "year": g["year"] or g["year2"]}
    years = [g["year"]] if g["year"] else [str(anchor.year + k) for k in (-1, 0, 1)]
    found = [d for d in (_date({**g, "year": y}) for y in years) if d is not None and d.weekday() == weekday]
    return min(found, key=lambda d: abs(d - anchor)) if found else None
