"""Relative dates resolved against the article's date, table-driven. Negative rows included."""
from __future__ import annotations

import datetime as dt

import pytest

from pressroom.nlp.dates import dateline, relative_dates

WEDNESDAY = dt.date(2021, 1, 27)

CASES = [
    # (text, [(words marked, date shown)], why)
    ("The office sued on Monday.", [("on Monday", "2021-01-25")], "a past event by weekday: this week's Monday"),
    ("The board met on Wednesday.", [("on Wednesday", "2021-01-27")], "the article's own weekday is that day"),
    ("He said last Wednesday it was over.", [("last Wednesday", "2021-01-20")], "'last' and the same weekday: a week back"),
    ("The vote is next Monday.", [("next Monday", "2021-02-01")], "'next': the coming one"),
    # an announcement looks forward: the weekday is the coming one, not last week's
    ("The hearing will be held on Friday.", [("on Friday", "2021-01-29")], "future tense before the weekday"),
    ("The court is scheduled to rule on Friday.", [("on Friday", "2021-01-29")], "'is scheduled to'"),
    ("It will reopen soon. Staff returned on Friday.", [("on Friday", "2021-01-22")],
     "negative: the future is in another sentence"),
    # a weekday followed by its date is that date, whatever the weekday arithmetic says
    ("It will hold an event on Friday, January 29 that breaks the order.", [("on Friday", "2021-01-29")],
     "the date written after the weekday"),
    ("On Tuesday, December 22, the office moved.", [("On Tuesday", "2020-12-22")],
     "no year given: the one nearest the article (last December, not next)"),
    ("On Friday 29 January 2021 it opened.", [("On Friday", "2021-01-29")], "day before month, with a year"),
    ("It happened Friday, February 30.", [("Friday", "2021-01-22")], "negative: no such date, the weekday rule stands"),
    ("Prices will rise, analysts said on Tuesday.", [("on Tuesday", "2021-01-26")],
     "negative: the future is in the quoted clause, the weekday in the reporting one"),
    ("Jo Roe, who will retire in June, said on Monday that she was proud.", [("on Monday", "2021-01-25")],
     "negative: the future is in an aside"),
    ("On Sunday 15 Marines were wounded.", [("On Sunday", "2021-01-24")], "negative: a number and a word, not a date"),
    ("The fair opened on Friday, February 29.", [("on Friday", "2021-01-22")],
     "negative: a date that is no Friday near the article (29 February 2020 was a Saturday)"),
    ("Prices rose yesterday and fall today.", [("yesterday", "2021-01-26"), ("today", "2021-01-27")], "days"),
]


@pytest.mark.parametrize("text, expected, why", CASES, ids=[c[2] for c in CASES])
def test_relative_dates(text, expected, why):
    found = [(text[t.start:t.end], t.date.isoformat()) for t in relative_dates(text, WEDNESDAY)]
    assert found == expected


def test_nothing_is_resolved_without_the_articles_date():
    assert relative_dates("The office sued on Monday and will rule on Friday, January 29.", None) == ()


DATELINES = [
    # (first paragraph, (place, date, agency) or None, why)
    ("BEIJING, April 19 (Xinhua) -- The ministry said", ("Beijing", None, "Xinhua"), "wire dateline: no year, no date"),
    ("July 28, 2022 (SAINT PAUL) -- The office said", ("Saint Paul", "2022-07-28", None), "press office: date, then place"),
    ("December 17, 2020, 12:34 PM (SAINT PAUL) \u2014 The office said", ("Saint Paul", "2020-12-17", None),
     "with the time of day"),
    ("March 15, 2021 (ST. PAUL) Today the office said", ("St. Paul", "2021-03-15", None),
     "no dash: the place in capitals and parentheses, then the text"),
    ("May 3, 2021 (AP) - Officials said", (None, "2021-05-03", "AP"), "an agency in the parentheses is not a place"),
    ("March 15, 2021 (ST. PAUL) today the office said", None, "negative: no dash and no capital after it"),
    ("May 3, 2021 (Updated) The company said", None, "negative: no dash, and no place in capitals"),
    ("March 2, 2024 (GLOBE NEWSWIRE) -- The company said", (None, "2024-03-02", "GLOBE NEWSWIRE"), "a wire service"),
    ("In March 15, 2021 (the day) officials met", None, "negative: not at the start"),
]


@pytest.mark.parametrize("text, expected, why", DATELINES, ids=[d[2] for d in DATELINES])
def test_datelines(text, expected, why):
    found = dateline(text)
    got = None if found is None else (found.place, found.date.isoformat() if found.date else None, found.agency)
    assert got == expected
