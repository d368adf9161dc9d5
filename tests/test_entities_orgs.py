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
    # -- where one name ends and the next begins
    ("Kelvo University and Art Institutes International closed.", {"Kelvo University", "Art Institutes International"},
     {"Kelvo University and Art Institutes International"}, "'and' after the head of a whole name"),
    ("The Department of Health and Human Services agreed. The US Securities and Exchange Commission sued.",
     {"Department of Health and Human Services", "US Securities and Exchange Commission"}, set(),
     "negative: 'and' inside one name"),
    ("Votes went to Mara Bell and Kelvo Holdings.", {"Kelvo Holdings"}, {"Mara Bell and Kelvo Holdings"},
     "a person's name and an organisation's"),
    ("Marek Lynd and Partners sued. Dorsey and Whitney Group agreed.", {"Marek Lynd and Partners", "Dorsey and Whitney Group"},
     set(), "negative: a firm named after its founders"),
    ("Pollsters at Quorin University and CNN agreed.", {"Quorin University", "CNN"}, set(), "a listed organisation on one side"),
    ("Talks between senior U.S. And European Community officials ended.", {"European Community"},
     {"U.S. And European Community"}, "a capitalised 'And' of wire copy"),
    ("It joined the Farm Competition Partnership of the U.S. Department of Agriculture.", {"U.S. Department of Agriculture"},
     {"Farm Competition Partnership of the U.S. Department of Agriculture"}, "a thing of an organisation"),
    ("Carol Lee of the Wall Street Journal asked.", {"Wall Street Journal"}, {"Carol Lee of the Wall Street Journal"},
     "a person of an organisation"),
    ("Robert Gordon of Northwestern University said so. Gordon left.", {"Northwestern University"},
     {"Robert Gordon of Northwestern University"}, "a person of an organisation, without 'the'"),
    ("Pask GmbH and Vell AG merged. Tarn Limited and Kelvo Pty agreed. Dara Berhad grew.",
     {"Pask GmbH", "Vell AG", "Tarn Limited", "Kelvo Pty", "Dara Berhad"}, {"Pask GmbH and Vell AG"},
     "legal forms of other countries end a company's name"),
    ("Jo Roe moved to Adelaide SA. The Texas AG sued.", set(), {"Adelaide SA", "Texas AG"},
     "negative: a state's abbreviation, an office"),
    ("Bank of America agreed.", {"Bank of America"}, set(), "negative: no person before 'of'"),
    ("Deputies of the Mower County (Minn.) Sheriff\u2019s Office and the Dane County (Wis.) Police Department helped.",
     {"Mower County (Minn.) Sheriff\u2019s Office", "Dane County (Wis.) Police Department"}, {"Sheriff\u2019s Office"},
     "a place and its state in parentheses begin the name"),
    ("He lives in Dane County (Wis.). Police Department staff said. The Kelvo Group (KG) Holdings Board met.", set(),
     {"Dane County (Wis.) Police Department", "Kelvo Group (KG) Holdings Board"},
     "negative: a sentence ends at the parentheses; no place before them"),
    ("He met the Standing Committee of the Political Bureau.", {"Standing Committee of the Political Bureau"}, set(),
     "negative: an organisation of an organisation"),
    ("The students sued. Students of Kelvo University were hurt.", {"Kelvo University"}, {"Students of Kelvo University"},
     "a common noun before 'of'"),
    ("The unit is within Attorney General Ellison’s Office.", {"Attorney General’s Office"},
     {"Attorney General Ellison’s Office"}, "the office of a titled person"),
    ("She spoke to the Democratic Women’s Club of Florida.", {"Democratic Women’s Club of Florida"}, set(),
     "negative: the possessive of a group"),
    ("French Transport Ministry Jacques Douffiagues said so.", {"French Transport Ministry"},
     {"French Transport Ministry Jacques Douffiagues"}, "a person right after an organisation"),
    # -- institutions, governments, places before a participle
    ("The Legislature granted it. He entered Parliament in 1945.", {"Legislature", "Parliament"}, set(), "legislatures"),
    ("In 2003, the City of Duluth apologized.", {"City of Duluth"}, set(), "a city's government, known or not"),
    ("The State of Emergency ended. The City of Light shone on the light.", set(), {"State of Emergency", "City of Light"},
     "negative: no state, and a common word"),
    ("A report in the China-published Economic Observer said so.", {"Economic Observer"},
     {"China-published Economic Observer"}, "a place before '-published'"),
    ("The Kremlin-backed Gazprom grew.", {"Kremlin", "Gazprom"}, set(), "not a place before '-backed': read alone"),
    ("It was extended by EO 20-103 and HB 1234.", set(), {"EO", "HB"}, "negative: an acronym before a number is a document's"),
    # -- the organisation a role is held in
    ("Jean Vernes, president of French sugar producer Kelvo-Say, spoke.", {"Kelvo-Say"}, set(), "role of, and a kind"),
    ("Liu Gong, general manager of Chongqing Highway Logistics Base, said so.", {"Chongqing Highway Logistics Base"}, set(),
     "role of: a name with no organisation word"),
    ("Jo Roe, mayor of Pinewick, spoke. A lawyer for Orvek spoke. He is the author of Unlikeable, a book.", set(),
     {"Pinewick", "Orvek", "Unlikeable"}, "negative: a place's role, one word after 'for', a work's author"),
    ("He is the head of the Kashgar station.", set(), {"Kashgar"}, "negative: a name before a common noun"),
    ("Lena Moor, an economist at Harrow Lynd, said so.", {"Harrow Lynd"}, set(), "after 'at' a role is held in a firm"),
    ("A lawyer for Marek Vance, Tom Hale, spoke.", set(), {"Marek Vance"}, "negative: after 'for' a given name is a person's"),
    # -- a station or channel by its number
    ("It aired on Radio 6 and Kelvo Radio 3 on Sunday. Radio 3 listeners wrote in.", {"Radio 6", "Kelvo Radio 3"},
     {"Radio 3", "Kelvo Radio"}, "a number after a broadcasting word; the short form is the long one"),
    ("The show moved from BBC2 and ITV2 to Channel 9.", {"BBC2", "ITV2", "Channel 9"}, set(),
     "a number glued to a listed broadcaster"),
    ("Have Radio 4 listeners heard it? I have.", {"Radio 4"}, {"Have Radio 4"}, "negative: a word opening the sentence"),
    ("Radio 3 per cent of the time. TV 20% of the ads. Kelvo7 was sold.", set(), {"Radio 3", "TV 20", "Kelvo7"},
     "negative: a share, not a station; a glued number after no listed broadcaster"),
    ("Kids watched TV 3 hours a day. He bought a Radio 2 years ago.", set(), {"TV 3", "Radio 2"},
     "negative: a number that counts the noun after it"),
    ("Former secretary of State Hillary Clinton spoke.", set(), {"State Hillary Clinton"}, "negative: a person in the name"),
    # -- one word: a company by what it has, by the organisation it is joined to, or named in full earlier
    ('Yukos chief executive Jo Roe said so. "We will appeal," said Yukos.', {"Yukos"}, set(), "a company's chief executive"),
    ("Shares in Kelvo rose. The stake in Orvek fell.", {"Kelvo", "Orvek"}, set(), "shares in, a stake in"),
    ("Trump spokeswoman Hope Hicks said so.", set(), {"Trump"}, "negative: a politician has a spokeswoman too"),
    ("Kelvo has a stock market capitalisation of $2bn. Orvek's share price fell. Pask's pre-tax profits rose.",
     {"Kelvo", "Orvek", "Pask"}, set(), "a market value, a share price, profits"),
    ("Jo Roe has a stock of wine. Roe said. Vell has a market stall.", set(), {"Jo Roe", "Vell"},
     "negative: 'has a' before no market phrase"),
    ("Kelvo Boerse - whose market capitalisation is $3bn - said no. Later Kelvo Boerse and its board agreed.",
     {"Kelvo Boerse"}, set(), "a name of several words with no evidence of a person, and a company's thing"),
    ("Lena Moor shares her view. Moor said so.", set(), {"Lena Moor"}, "negative: a person by her given name"),
    # a known miss: merge.coordinated_orgs (a lone word joined by "and" to an organisation is
    # one) was written from one tune article and made only wrong organisations on dev
    # (removed in session 3: dev orgs 0.769 -> 0.772); "and" is too weak a sign alone
    pytest.param("It spent years overbilling DHS and UCorva for care.", {"DHS", "UCorva"}, set(),
                 "joined by 'and' to an organisation", marks=pytest.mark.xfail(strict=True, reason="rule removed")),
    ("Sony's Playstation and Microsoft's Xbox sold well.", {"Sony", "Microsoft"}, {"Playstation", "Xbox"},
     "negative: a company's product"),
    ("Cairn Energy said so. Cairn grew.", {"Cairn Energy"}, {"Cairn"}, "the first word of a name met in full"),
    ("Kelvo Wellness Center sued. Officials in Kelvo agreed.", {"Kelvo Wellness Center"}, set(),
     "negative: a town after 'in' is no short form"),
    ("MDH sent an order to Patrick McGovern\u2019s Pub, in St. Paul. Spaulding\u2019s Sports Bar paid.",
     {"Patrick McGovern\u2019s Pub", "Spaulding\u2019s Sports Bar"}, {"Sports Bar"}, "a possessive in a shop's name"),
    ("Japan's Toshiba Corp fell. Ohio's Sports Bar closed.", {"Toshiba Corp"}, {"Ohio's Sports Bar"},
     "negative: a place owns no shop's name"),
    ("Dream Kelvo sued. Dream Kelvo Education Holdings, LLC paid.", {"Dream Kelvo Education Holdings LLC"}, {"Dream Kelvo"},
     "the first words of a company's full name"),
    ("The Wall Street Journal reported it. Wall Street fell.", {"Wall Street Journal", "Wall Street"}, set(),
     "negative: a longer name that is no company's full name"),
    ("Treasury Secretary James Baker spoke.", {"Treasury"}, set(), "a listed organisation in a title"),
    ("Cornerstone Café sued. Cornerstone Cafe paid.", {"Cornerstone Café"}, {"Cornerstone Cafe"},
     "the same name without its accent"),
]


@pytest.mark.parametrize("text, orgs, not_orgs, why", ORGS, ids=[getattr(r, "values", r)[3] for r in ORGS])
def test_organizations(text, orgs, not_orgs, why):
    found = {o.name for o in annotate_text(text).entities.organizations}
    assert orgs <= found
    assert not (not_orgs & found)
