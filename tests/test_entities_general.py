"""Entity rules written from how news English names people and organisations (issue 15,
session 3): each rule's own table rows, positive and negative, on sentences we wrote
ourselves (no name taken from a labelled article)."""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text
from pressroom.nlp.entities import runs_of


def _names(text):
    e = annotate_text(text).entities
    return {p.name for p in e.people}, {o.name for o in e.organizations}, {p.name for p in e.places}


# -- tokens._glued: a full stop with no space after it still ends the sentence
GLUED = [
    # (text, the runs' texts, why)
    ("He loved Kestrel Arms.Those nights were long.", ["He", "Kestrel Arms", "Those"], "a stop glued to the next sentence"),
    ("Wren Hollis spoke.Then Ivo Pask left.", ["Wren Hollis", "Then Ivo Pask"], "between two names"),
    # negative rows: dots that are no sentence's end
    # (an abbreviation in capitals glued to the next word stays one word: which dot ends
    # the sentence is not told)
    ("He moved to the U.S.Then he left.", ["He", "U.S.Then"], "negative: capitals before the dot"),
    ("They met in St.Louis on Monday.", ["They", "St.Louis", "Monday"], "negative: one lower-case letter before the dot"),
    ("Visit example.com or Mr.Smith today.", ["Visit", "Mr.Smith"], "negative: a domain in lower case, a title"),
]


@pytest.mark.parametrize("text, runs, why", GLUED, ids=[r[2] for r in GLUED])
def test_glued_stop_ends_a_sentence(text, runs, why):
    assert [r.text() for r in runs_of(text)] == runs


def test_glued_stop_keeps_no_person():
    people, _, _ = _names("Fans loved Kestrel Division.Those songs still sell.")
    assert people == set()


# -- rules.opener_before_name: a sentence-opening word before a given name
OPENERS = [
    # (text, people expected exactly, why)
    ("Novelist Ivo Pask died in Lyon on Tuesday.", {"Ivo Pask"}, "a trade opening the sentence is the role"),
    ("It was a hit. Photographers Ivo Pask and Wren Hollis said so.", {"Ivo Pask", "Wren Hollis"}, "a plural trade"),
    ("Robbie Vance sang on Monday. Sure Robbie is talented.", {"Robbie Vance"},
     "an opener glued to the given name of a person named in full"),
    # negative rows
    ("Chen Wei said the plant would close.", {"Chen Wei"}, "negative: a given name opening the sentence stays"),
    ("Sure Robbie is talented.", set(), "negative: no person of that given name: nothing is cut, and no evidence"),
    ("General Motors said sales rose.", set(), "negative: a title word before no given name"),
]


# -- kinds._named_for: after "for"/"with", a role is held for a person as often as in an organisation
ROLE_FOR = [
    # (text, people, organisations, why)
    ("Dunmore, who worked as a campaign staffer for Tavio Brask in 2008, said so. Brask won.", {"Tavio Brask"}, set(),
     "a name of two name words after 'staffer for' is the person worked for (a person by the surname alone later)"),
    ("Ivo Pask, a spokesman for Arvo Holdings Group in Lyon, said so.", {"Ivo Pask"}, {"Arvo Holdings Group"},
     "negative: organisation words make it the organisation"),
    ("Ivo Pask, chief executive of Kestrel Wharton, said so.", {"Ivo Pask"}, {"Kestrel Wharton"},
     "negative: after 'of' the name is the organisation the role is held in"),
]


# -- persons.chinese_name, persons.surname_first: names written surname first
SURNAME_FIRST = [
    # (text, people expected exactly, why)
    ("Investigators questioned Gao Minghui about the loans on Monday.", {"Gao Minghui"},
     "a common Chinese surname and a given name of two pinyin syllables"),
    ("According to Zhou Lin, the talks went well.", {"Zhou Lin"}, "a given name of one syllable"),
    ("Ren Zhiqiang visited the plant. Premier Ren said growth was strong.", {"Ren Zhiqiang"},
     "the surname alone, after a title, is the same person"),
    ("Vice Premier Liu He met the envoy. Zhou He, a member of the board, said so.", {"Liu He", "Zhou He"},
     "a given name that reads as an English word ('He'), with a title or without"),
    ("Tong Ying-jeou won the vote. Tong thanked voters.", {"Tong Ying-jeou"},
     "a hyphenated given name after the surname, the surname alone later"),
    # negative rows
    ("They sailed down the Li River on Sunday.", set(), "negative: a river, not a pinyin given name"),
    ("Long Island voted. Ping An rose.", set(), "negative: an English word after a surname-like word; no surname"),
    ("The Stone Roses played. Stone said nothing.", set(),
     "negative: the first word alone later makes no surname-first name of an English one"),
]


def test_a_photo_credit_is_one_mention():
    # the credit is read as a photographer's and again as a run of the text: one mention
    people = annotate_text("The bridge opened on Monday. (Xinhua/Gao Minghui)").entities.people
    assert [(p.name, len(p.mentions)) for p in people] == [("Gao Minghui", 1)]


# -- roles.role_owner: a name before a role noun and another name owns the role
ROLE_OWNERS = [
    # (text, people, organisations, why)
    ("Kestrel Mirrors frontwoman Ana Vell collected the prize. Kestrel Mirrors played.", {"Ana Vell"}, set(),
     "a band before 'frontwoman': not a person (a band's bare name is not listed)"),
    ("Vell Sentinels president Tom Arn said the suit would go on.", {"Tom Arn"}, set(), "a group with no organisation word"),
    ("Vell Watch president Tom Arn said the suit would go on.", {"Tom Arn"}, {"Vell Watch"},
     "a watchdog: 'Watch' is an organisation's word"),
    ("Arvo Holdings Group chief executive Jo Roe said so.", {"Jo Roe"}, {"Arvo Holdings Group"},
     "with an organisation word it is listed as one"),
    # negative rows
    ("Hillary Clinton adviser John Podesta said so.", {"Hillary Clinton", "John Podesta"}, set(),
     "negative: a given name begins the owner: a person's adviser"),
    ("Kestrel Mirrors played on Friday.", set(), set(), "negative: no role after it, no evidence either"),
]


# -- merge.prefix_orgs: a company's one-word name joins its name with a legal form
SHORT_COMPANIES = [
    # (text, organisations expected exactly, why)
    ("Kestrel Widgets Inc. said sales rose. Kestrel Widgets said more.", {"Kestrel Widgets Inc."}, "two words (as before)"),
    ("Arvoco Inc. said sales rose. Arvoco said it would hire.", {"Arvoco Inc."}, "one word before a legal form"),
    ("Arvoco Holdings Corp. said sales rose. Arvoco said it would hire.", {"Arvoco Holdings Corp."},
     "before company forms only ('Holdings', 'Corp.')"),
    # negative row: a longer name with more than company forms after the word is another organisation
    ("Arvoco Bank said so. Arvoco Energy Inc. said more. Arvoco said nothing.", {"Arvoco Bank", "Arvoco Energy Inc."},
     "negative: 'Energy' is no company form: the lone word joins neither"),
]


# -- merge.acronyms_alone: a defined acronym written as a word, standing alone
def _org_mentions(text):
    return {o.name: len(o.mentions) for o in annotate_text(text).entities.organizations}


def test_defined_acronym_written_as_a_word_stands_alone():
    text = "The Union of Kestrel Exporting Towns (Ukret) met on Monday. Ukret cut output."
    # the name, the acronym in its parentheses (as "(FDA)" is), the acronym alone
    assert _org_mentions(text) == {"Union of Kestrel Exporting Towns": 3}


def test_undefined_word_is_no_acronym():
    # negative: "Ukret" is defined nowhere: a lone word with no evidence is listed as nothing
    assert _org_mentions("The Union of Kestrel Exporting Towns met on Monday. Ukret cut output.") == {
        "Union of Kestrel Exporting Towns": 1}


# -- kinds.described_org: more kinds of organisation in apposition
KINDS = [
    # (text, organisations expected exactly, why)
    ("Kestrel Watch, a Minneapolis-based nonprofit, said the rule was unfair.", {"Kestrel Watch"}, "a nonprofit"),
    ("Quellon Forum, a Washington think tank, said so.", {"Quellon Forum"}, "a think tank"),
    ("Quendra, a foundation that funds schools, gave $5 million.", {"Quendra"}, "a foundation"),
    # negative rows: a kind noun in a relative clause, or a person's trade
    ("Wins would build the national coalition Brask enjoyed.", set(), "negative: 'coalition' is not a kind listed"),
    ("Ivo Pask, a lecturer at the university, said so.", set(), "negative: a person's role ends in the kind"),
]


# -- organizations._named_after_and: a defined acronym names the words after "and" when they alone give it
ACRONYM_AFTER_AND = [
    # (text, organisations expected exactly, why)
    ("The Vell Department of Commerce and the Vell Pollution Control Agency (VPCA) agreed.",
     {"Vell Department of Commerce", "Vell Pollution Control Agency"}, "'and the' before the agency the acronym names"),
    # negative rows: the acronym takes its letters from the whole name
    ("The Food and Drug Administration (FDA) agreed.", {"Food and Drug Administration"}, "negative: F is before 'and'"),
    ("The Department of Health and Human Services (HHS) said so.", {"Department of Health and Human Services"},
     "negative: the first H is before 'and'"),
]


# -- merge._capitals_not_acronym (and the lower-case test of _acronym_is_word): capitals naming no organisation
CAPITALS = [
    # (text, organisations expected exactly, why)
    ("Talks went on.\n\nVELLMAN: Do you think the deal will hold?", set(), "a speaker's label in a transcript"),
    ("Rain fell.\n\nQUELLBURG — The mayor spoke on Monday.", set(), "a dateline at the start of a line"),
    ("The vote was close.\n\nWHAT’S NEXT.\n\nThe count goes on.", set(), "a line in capitals"),
    ("Born in Newark, NJ, he moved west. She won SC easily.", set(), "a state's postal code"),
    ("The gap was the BIGGEST yet, the biggest in years.", set(), "a word of four letters or more the article writes in lower case"),
    ("Fans cheered BERNIE at the rally.", set(), "a given name in capitals"),
    # negative rows: acronyms of organisations
    ("Veterans were let down by a disastrous VA last year.", {"VA"}, "negative: a state's code after a determiner"),
    ("The NRA said on Monday that it would fight.", {"NRA"}, "negative: an acronym in a sentence"),
]


# -- roles.role_after_comma: a sentence-opening determiner; persons.evidence: the object of a verb only a person undergoes
ROLE_COMMA_OBJECT = [
    # (text, {person: role}, why)
    ("The singer, Nneka Vell, told reporters she would tour.", {"Nneka Vell": "singer"},
     "'The' opening the sentence before the role and the comma"),
    ("The firm and Vellmark’s secretary of state, Pascale Brun, confirmed it.", {"Pascale Brun": "secretary of state"},
     "the role after 'and', not 'firm and ...'"),
    ("The court sentenced Tou Vang to prison on Friday.", {"Tou Vang": None}, "the object of 'sentenced'"),
    ("Police arrested Quorin Vasko.", {"Quorin Vasko": None}, "the object of 'arrested', then a full stop"),
    # negative rows
    ("Agents interviewed Kestrel Marathon organisers on Friday.", {}, "negative: a noun after the name: no object name"),
    ("The court fined Quorin Vasko on Friday.", {}, "negative: companies are fined too"),
]


@pytest.mark.parametrize("text, people, why", ROLE_COMMA_OBJECT, ids=[r[2] for r in ROLE_COMMA_OBJECT])
def test_role_after_comma_and_objects(text, people, why):
    assert {p.name: p.role for p in annotate_text(text).entities.people} == people


# -- tokens._ARTICLE_NAME: the Arabic article joined to a capitalised name is part of the name
ARTICLE_NAMES = [
    # (text, people expected exactly, why)
    ("President Bashir al-Hamadi met the envoy.", {"Bashir al-Hamadi"}, "'al-' after a title and a given name"),
    ("Col. Munir el-Sayyad spoke on Monday.", {"Munir el-Sayyad"}, "'el-'"),
    # negative rows
    ("It was an as-yet unknown group, a well-known one.", set(), "negative: 'as-yet' is no article before a name"),
    ("The al-based firm said so.", set(), "negative: a lower-case word after the hyphen"),
]


# -- org_words.txt (trading names) and organizations.org_like's headline test
TRADING_AND_HEADLINES = [
    # (text, organisations expected exactly, why)
    ("The lawsuit names Midvale Roofing Solutions and Arvo Logistics.", {"Midvale Roofing Solutions", "Arvo Logistics"},
     "a company by the last word of its trading name"),
    ("Police found Quellon Realty closed on Monday.", {"Quellon Realty"}, "'Realty' ends a company's name"),
    # negative rows
    ("Vell Watchdog To Release Records After Pressure From Council\n\nThe text goes on.", set(),
     "negative: a headline in title case is no organisation, whatever words it holds"),
    ("Dunmore Makes Case For Arvo Networks", set(), "negative: a headline's verb"),
]


# -- persons.fuller_role: the fullest role the article gives
ROLES = [
    # (text, {person: role}, why)
    ("Pollster Wren Hollis said so. Later, Florida pollster Wren Hollis agreed.", {"Wren Hollis": "Florida pollster"},
     "a later role saying more"),
    ("AG Lena Holt sued. Minnesota Attorney General Lena Holt said so.", {"Lena Holt": "Minnesota Attorney General"},
     "written out over abbreviations (as before), and longer"),
    # negative rows
    ("Chief executive Ivo Pask spoke. Ivo Pask, a father, left.", {"Ivo Pask": "Chief executive"},
     "negative: a later role no longer than the first"),
    # roles.copular_roles: a copula and a determiner after the name
    ("Ms. Vela spoke. Ms. Vela is a partner with Orrin Kade LLP, one of the firms.",
     {"Vela": "partner with Orrin Kade LLP"}, "a copula gives a role the article gives nowhere else"),
    ("Ivo Pask, a nurse, spoke. Pask was the chief executive of Kelvo Holdings.", {"Ivo Pask": "nurse"},
     "negative: a role in apposition comes first"),
    ("Ivo Pask said so. Pask was a man of few words. Pask is chief of staff.", {"Ivo Pask": None},
     "negative: no role noun, or no determiner after the copula"),
    # roles.role_before: a role noun that is a verb after an auxiliary
    ("I urge every senator to judge Ms. Vela fairly. Ms. Vela said so.", {"Vela": None},
     "negative: 'to judge' is a verb"),
    ("The panel heard from judge Ana Ruiz.", {"Ana Ruiz": "judge"}, "a role noun after a preposition"),
]


@pytest.mark.parametrize("text, people, why", ROLES, ids=[r[2] for r in ROLES])
def test_fullest_role(text, people, why):
    found = {p.name: p.role for p in annotate_text(text).entities.people}
    assert {k: found.get(k) for k in people} == people


@pytest.mark.parametrize("known, new, kept", [
    ("pollster", "Republican pollster", "Republican pollster"),
    ("AG", "Attorney General", "Attorney General"),
    ("Senator", "aide to Jo Roe and the committee chairman", "Senator"),  # negative: a list or a run-on
    ("Senator", "the first senator from the state to win a third term", "Senator"),  # negative: over seven words
    ("Chief executive", "father", "Chief executive"),  # negative: no longer
])
def test_fuller_role_table(known, new, kept):
    from pressroom.nlp.entities.persons import fuller_role

    assert fuller_role(known, new) == kept


# -- the tables above, by what they check
def _ids(rows, k):
    return [r[k] for r in rows]


PEOPLE_EXACTLY = OPENERS + SURNAME_FIRST + ARTICLE_NAMES
ORGS_EXACTLY = SHORT_COMPANIES + KINDS + ACRONYM_AFTER_AND + CAPITALS + TRADING_AND_HEADLINES
PEOPLE_AND_ORGS = ROLE_FOR + ROLE_OWNERS


@pytest.mark.parametrize("text, people, why", PEOPLE_EXACTLY, ids=_ids(PEOPLE_EXACTLY, 2))
def test_people_exactly(text, people, why):
    assert _names(text)[0] == people


@pytest.mark.parametrize("text, orgs, why", ORGS_EXACTLY, ids=_ids(ORGS_EXACTLY, 2))
def test_organisations_exactly(text, orgs, why):
    assert _names(text)[1] == orgs


@pytest.mark.parametrize("text, people, orgs, why", PEOPLE_AND_ORGS, ids=_ids(PEOPLE_AND_ORGS, 3))
def test_people_and_organisations(text, people, orgs, why):
    found = _names(text)
    assert found[0] == people and found[1] == orgs
