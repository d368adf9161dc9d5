"""People in political news: headlines in title case, organisations named with ordinary
words, names the quote rules resolve he and she to. Table rows on sentences we wrote
ourselves in the style of news (no text from a labelled article)."""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text

PEOPLE = [
    # (text, people expected exactly, why)
    # -- a title-case headline capitalises its verb: the name ends before it
    ("Dana Whitlow Says Rival’s Plan Will Fail\n\nDana Whitlow spoke in Ohio on Monday.", {"Dana Whitlow"},
     "'Says' after the subject of a headline"),
    ("Gary Ostrander Calls for an Inquiry\n\nGary Ostrander wrote to the committee.", {"Gary Ostrander"},
     "'Calls for': the verb ends the run"),
    ("Martin Kowalsky Refuses to Back the Nominee\n\nThe vote is on Monday.", {"Martin Kowalsky"},
     "a verb not of saying ('Refuses')"),
    ("Laura Pennick Is a Proven Failure, Critic Says\n\nThe ad ran on Monday.", {"Laura Pennick"}, "a copula"),
    ("Former Aide Endorses Nora Kessling\n\nThe aide spoke on Friday.", {"Nora Kessling"},
     "the name after the verb is read too"),
    ("Tom Brandvold Just Dropped a Bombshell\n\nIt was about taxes.", {"Tom Brandvold"},
     "an adverb before the verb is no part of the name"),
    ("Pastor Wants Scout Leaders Fired Over Cookies\n\nThe church met.", set(),
     "a headline's verb after a title is no name"),
    ("Pastor Dana Whitlow Says Scouts Must Change\n\nThe church met.", {"Dana Whitlow"},
     "a title, a name, then the headline's verb"),
    ("The Democratic Primary Is a Fight Over Taxes\n\nVoters met on Monday.", set(),
     "negative: no given name begins the piece before the verb"),
    ("On Monday, Will Harrow met Theresa Caldwell May.", {"Will Harrow", "Theresa Caldwell May"},
     "negative: 'Will' and 'May' are given names, no verbs"),
    ("Michelle Fields said the ballot was late. Adam Burns agreed.", {"Michelle Fields", "Adam Burns"},
     "negative: surnames that are verbs elsewhere ('fields', 'burns') are not headline verbs"),
    ("The critic Omar Said wrote the review. Professor Omar Said taught in Cairo.", {"Omar Said"},
     "negative: 'Said' is a surname; headlines write 'Says'"),
    # -- organisations and shows named with ordinary words are no people
    ("Prairie Justice Watch first reported the remarks.\n\nHe then said the vote was rigged.", set(),
     "a watchdog: 'Watch' is an organisation's word"),
    ("Kessler Voter Research first published the poll.\n\nHe said the race was tied.", set(), "a polling firm"),
    ("The Dana Whitlow Show aired on Monday. Dana Whitlow said it would return.", {"Dana Whitlow"},
     "a show named after its host is not the host"),
    ("Lakeshore Action first aired the ad.\n\nShe said it cost $2 million.", set(), "a political arm"),
    ("Nora Watchorn said the radio ad ran twice.", {"Nora Watchorn"},
     "negative: a surname that begins with an organisation's word"),
    # -- after a title and a given name, a surname that is also a word
    ("The question came from Dr. Alma West, a historian who lives on the west side.", {"Alma West"},
     "a surname that is also a common word, after a title"),
    ("Gov. Alma West said the west side would vote.", {"Alma West"}, "after a title written short"),
    ("The 1 Thing The GOP Will Do, And Why\n\nThe party met.", set(),
     "negative: a word of two letters after a given name is no surname"),
    # -- a party's name before a capitalised noun the article writes in lower case
    ("Dana Whitlow Wins Ohio Democratic Primary\n\nDana Whitlow won the primary by ten points.", {"Dana Whitlow"},
     "'Democratic Primary' is no Democrat named Primary"),
    ("He is the Republican Presidential hopeful and the presidential race is close.", set(),
     "an adjective after a party word"),
    ("Sen. Todd Yardley spoke first. Yardley took the yardley oath. Republican Yardley said so.", {"Todd Yardley"},
     "negative: a surname the article gave a person stays theirs after a party word"),
    ("Democrat Ellen Kaszuba won the primary.", {"Ellen Kaszuba"}, "negative: a full name after a party word"),
    # -- a name before a listed organisation qualifies it
    ("Aides in the Whitlow White House said so. Dana Whitlow left in 2009.", {"Dana Whitlow"},
     "'the Whitlow White House': an administration, no person named 'Whitlow White House'"),
    ("A veteran of the Dana Whitlow White House spoke.", {"Dana Whitlow"}, "a full name before it"),
    ("He worked at the Kansas City Federal Reserve for years.", set(),
     "negative: a place before a listed organisation is no person"),
]


@pytest.mark.parametrize("text, expected, why", PEOPLE, ids=[r[2] for r in PEOPLE])
def test_people_in_political_news(text, expected, why):
    assert {p.name for p in annotate_text(text).entities.people} == expected
