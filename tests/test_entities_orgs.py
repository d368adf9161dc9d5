"""Organisations by how news English names them (issue 15, round 2): table rows on
sentences we wrote ourselves, each rule with positive and negative rows."""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text

ORGS = [
    # (text, organisations expected among those found, organisations that must NOT be found, why)
    # -- a name of organisation words only, when it has two of them
    ("News Corp said so. The Securities and Exchange Commission agreed.", {"News Corp", "Securities and Exchange Commission"},
     set(), "two organisation words make a name"),
    ("The Commission said so.", set(), {"Commission"}, "negative: one organisation word alone is a reference"),
    # -- the name of an organisation inside a role keeps its connectors
    ("Organization for Economic Cooperation and Development Secretary-General Ana Ruiz spoke.",
     {"Organization for Economic Cooperation and Development"}, set(), "'for' and 'and' inside an organisation in a role"),
    ("Trump and Ohio Gov. Jo Roe spoke.", set(), {"Trump and Ohio"}, "negative: two names before a title are read apart"),
    # -- a kind of organisation right before the name
    ("Record company Zentra Music said so. He sued used-car dealer Ostley Auto Search.",
     {"Zentra Music", "Ostley Auto Search"}, set(), "a kind of organisation before the name"),
    ("German magazine Der Blick said so. It bought futures exchange Kelvo.", {"Der Blick", "Kelvo"}, set(),
     "a one-word name and a name with an article of another language"),
    ("The company \u2014 Quorvex Doc Support, based in Texas \u2014 settled.", {"Quorvex Doc Support"}, set(), "after a dash"),
    ("Another financial firm, Quill Life, is facing lawsuits.", {"Quill Life"}, set(), "a comma before and after"),
    ("In an interview with Time magazine, Orvek said he would go.", set(), {"Orvek"},
     "negative: a comma after the kind and none after the name"),
    ("It won votes among young voters, a group Barack Obama won by 2 points.", set(), {"Barack Obama"},
     "negative: a given name begins the name"),
    ("It was a different chapter of the group Fiorvek addressed a month earlier.", set(), {"Fiorvek"},
     "negative: after 'the', a name begins a relative clause"),
    ("Pop group Keltane won the award.", set(), {"Keltane"}, "negative: a band is no organisation"),
    ("Property developer Donald Tramp spoke.", set(), {"Donald Tramp"}, "negative: a trade of people before a given name"),
    ("It aired on the Fox network Tuesday night.", set(), {"Tuesday"}, "negative: a weekday after the kind"),
    # -- an apposition whose head is a kind of organisation
    ("Zentra Corp, the media company controlled by Ivo Kress, grew.", {"Zentra Corp"}, set(), "apposition"),
    ("France's Ubivo, one of Europe's biggest video game publishers, has grown.", {"Ubivo"}, set(),
     "'one of' and a plural kind"),
    ("Jo Roe, a partner at the law firm, said so.", set(), {"Jo Roe"}, "negative: the kind is inside a prepositional phrase"),
    ("According to Sperrow, while Mateen's role within the company was small, it mattered.", set(), {"Sperrow"},
     "negative: a clause, not an apposition"),
    ("Thousands of Oromos, a minority group that makes up a third of the population, were jailed.", set(),
     {"Thousands of Oromos"}, "negative: a group of people"),
]


@pytest.mark.parametrize("text, orgs, not_orgs, why", ORGS, ids=[r[3] for r in ORGS])
def test_organizations(text, orgs, not_orgs, why):
    found = {o.name for o in annotate_text(text).entities.organizations}
    assert orgs <= found
    assert not (not_orgs & found)
