"""Entity rules, table-driven, on sentences we wrote ourselves. Negative rows included."""
from __future__ import annotations

import pytest

from pressroom.annotate import annotate_text

PEOPLE = [
    # (text, expected people as {name: role}, comment)
    ("Senior Colonel Tan Kefei, a spokesman for the Ministry of National Defense, said so. Tan added more.",
     {"Tan Kefei": "Senior Colonel, spokesman for the Ministry of National Defense"}, "title + apposition; surname merged"),
    ("Russian Defense Minister Sergei Shoigu met him. Shoigu smiled.", {"Sergei Shoigu": "Russian Defense Minister"}, "demonym + title is the role"),
    ("State Councilor and Defense Minister Li Shangfu arrived. Li left on Sunday.",
     {"Li Shangfu": "State Councilor and Defense Minister"}, "titles joined by 'and'; surname-first name merged by its first word"),
    ("Mr. Jonas Whitfield spoke. Whitfield was brief.", {"Jonas Whitfield": None}, "an honorific is not a role"),
    ("Attorney General Keith Ellison sued the company.", {"Keith Ellison": "Attorney General"}, "multi-word title"),
    ("The Global Security Initiative was discussed on Monday in March.", {}, "capitalised common words are not people"),
    ("The Chinese military and the Russian side met.", {}, "demonyms and sentence openers are not people"),
    ("China-Russia ties improved.", {}, "hyphenated places are not a person"),
]


@pytest.mark.parametrize("text, expected, why", PEOPLE, ids=[r[2] for r in PEOPLE])
def test_people(text, expected, why):
    found = {p.name: p.role for p in annotate_text(text).entities.people}
    assert found == expected


ORGS_PLACES = [
    # (text, organisations expected among found, places expected among found, places that must NOT be found)
    ("The Ministry of National Defense said China and Russia agreed.", {"Ministry of National Defense"}, {"China", "Russia"}, set()),
    ("The Food and Drug Administration (FDA) warned. The FDA acted.", {"Food and Drug Administration"}, set(), set()),
    ("Officials in the U.S. and the United Kingdom met in Geneva.", set(), {"United States", "United Kingdom", "Geneva"}, set()),
    # a place inside an organisation's name is not a place mention
    ("The Japan Chamber of Commerce complained.", {"Japan Chamber of Commerce"}, set(), {"Japan"}),
    # a demonym is not a place
    ("Russian officials and American diplomats spoke.", set(), set(), {"Russia", "United States"}),
]


@pytest.mark.parametrize("text, orgs, places, not_places", ORGS_PLACES)
def test_organizations_and_places(text, orgs, places, not_places):
    e = annotate_text(text).entities
    found_orgs = {o.name for o in e.organizations}
    found_places = {p.name for p in e.places}
    assert orgs <= found_orgs
    assert places <= found_places
    assert not (not_places & found_places)


def test_acronym_joins_its_organisation():
    e = annotate_text("The Food and Drug Administration (FDA) warned. The FDA acted.").entities
    (fda,) = [o for o in e.organizations if o.name == "Food and Drug Administration"]
    assert "FDA" in fda.aliases
    assert not any(o.name == "FDA" for o in e.organizations)


def test_every_mention_points_at_its_name():
    text = "Senior Colonel Tan Kefei spoke. Tan said more. The Ministry of National Defense agreed in Beijing."
    e = annotate_text(text).entities
    for p in e.people:
        for m in p.mentions:
            assert text[m.start:m.end] in p.name
    for o in e.organizations:
        for m in o.mentions:
            assert text[m.start:m.end] == o.name
