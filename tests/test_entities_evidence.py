"""A capitalised run is a person only with evidence (issue 15, point 3): table rows for each
kind of evidence, and for the issue's named examples, on sentences we wrote ourselves in the
style of news (none is taken from a labelled article; no name is listed in a data file)."""
from __future__ import annotations

import pytest

from pressroom.nlp.annotate import annotate_text

PEOPLE = [
    # (text, people expected exactly, why)
    # -- the "people who are not people": no evidence, so not listed
    ("Lawmakers on Capitol Hill said the bill would pass.", set(), "a place named like a name: no given name, no title"),
    ("The detainees at Guantanamo Bay were moved on Friday.", set(), "a bay"),
    ("Pebble Beach said it would reopen the course.", set(), "a landmark as the subject of 'said'"),
    ("Anita Hill said she would testify.", {"Anita Hill"}, "negative: a given name before a landscape word"),
    ("The film Motorcycle Diaries opened in Lima on Friday.", set(), "a title of a work"),
    ("The Liaoning Flying Leopards won the title on Sunday.", set(), "a team"),
    ("Police were called to 1400 Bemidji Ave N Bemidji on Monday.", set(), "an address"),
    ("She was named Executive Vice-President of the bank last year.", set(), "a title with no name after it"),
    ("Widely seen as a reformer, he took office in May.", set(), "an adverb opening a sentence"),
    ("Passengers on the Diamond Princess were kept on board.", set(), "a ship: 'Diamond' is too rare a given name"),
    ("Scissor Sisters played at the festival, and Scissor Sisters won.", set(), "a band, even named twice"),
    ('"We will appeal," said Yukos. Yukos chief executive Jon Rees left.', {"Jon Rees"},
     "a company as the subject of 'said': the article gives it roles ('Yukos chief executive')"),
    ('"We will appeal," said Ellison.', {"Ellison"}, "negative: one word as the subject of 'said' is a speaker's name"),
    ("He was born in the Federal Republic of Germany.", set(), "a state's formal name"),
    # -- the missed people: found by general evidence
    ("Carrie Lam, the city's leader, said the law would stay. Lam spoke for an hour.", {"Carrie Lam"},
     "a given name (and a role in apposition, and the surname alone later)"),
    ("Henry Tang lost the race to succeed him.", {"Henry Tang"}, "a given name"),
    ("The novelist Milan Kundera died in Paris on Tuesday.", {"Milan Kundera"},
     "a given name that is also a city begins a person's name"),
    ("The film was directed by Sofia Coppola.", {"Sofia Coppola"}, "a given name that is also a capital"),
    ("Robert Kilroy-Silk quit the party on Friday.", {"Robert Kilroy-Silk"}, "a hyphenated surname"),
    # -- each kind of evidence, with a negative row
    ("Quorin Vasko said the plant would close.", {"Quorin Vasko"}, "the subject of a verb of saying"),
    ("The plant will close, said Quorin Vasko.", {"Quorin Vasko"}, "a verb of saying before the name"),
    ("Quorin Vasko announced a new plant.", set(), "negative: 'announced' is what companies do too"),
    ("Quorin Vasko founded the firm in 1990. She ran it for ten years.", {"Quorin Vasko"}, "'she' opens the next sentence"),
    ("Quorin Vasko opened in 1990. Tickets sold fast.", set(), "negative: nothing says person"),
    ("Zed Quorin Vasko spoke. Earlier, Vasko had left.", {"Zed Quorin Vasko"}, "the surname alone later"),
    ("Earlier, Vasko had left. Then Zed Quorin Vasko spoke.", {"Zed Quorin Vasko"}, "the surname alone earlier"),
    ("Orvin T. Halvey won the seat.", {"Orvin T. Halvey"}, "a middle initial"),
    ("Matt Lucas hosted the show.", {"Matt Lucas"}, "a given name less common in the list ('Matt') is evidence enough"),
    ('Said Ivo Kress, "We have nothing more to add tonight."', {"Ivo Kress"}, "an inverted verb of saying is no given name"),
    # -- round 2: a relative by a given name, a photographer by one word, names that are words
    ("He died days after his wife Audrey died. She sang with her brother Daniel.", {"Audrey", "Daniel"},
     "a given name after a possessive and a family noun"),
    ("Ivanka Trump spoke. Later his daughter Ivanka left.", {"Ivanka Trump"}, "the relative is a person named in full"),
    ("His wife Kelvorn left.", set(), "negative: no given name after the family noun"),
    ("The site is shown. (Xinhua/Chogo)", {"Chogo"}, "a photographer named by one word"),
    ("Songs by Will Young and Kate Bush won.", {"Will Young", "Kate Bush"}, "'Will' inside a sentence is a given name"),
    ("Will Voters Care? Nobody knows.", set(), "negative: 'Will' opening a sentence is the verb"),
    ("Vice Premier Liu He spoke.", {"Liu He"}, "'He' inside a name after a title"),
    ("They dedicated it to late DJ John Peel.", {"John Peel"}, "a DJ's title"),
    ("MDH sent an order to Patrick McGovern’s Pub and Joe’s Diner.", set(), "a possessive in a shop's name"),
    ("Eishiro Saito, chairman of the Federation of Economic Organisations (Keidanren), said so.", {"Eishiro Saito"},
     "an apposition that ends before a parenthesis"),
    ("Quorin Vasko, 45, was charged on Monday.", {"Quorin Vasko"}, "an age in apposition"),
    ("Quorin Vasko’s wife left the court.", {"Quorin Vasko"}, "a person's family"),
    ("By Quorin Vasko\nThe plant closed on Monday.", {"Quorin Vasko"}, "a byline"),
    ("Groups such as Planned Kelvorhood, who back him, spoke.", set(), "negative: 'who' after a group"),
]


@pytest.mark.parametrize("text, expected, why", PEOPLE, ids=[r[2] for r in PEOPLE])
def test_people_need_evidence(text, expected, why):
    assert {p.name for p in annotate_text(text).entities.people} == expected


def test_given_names_come_with_a_gender_only_when_the_list_is_sure():
    from pressroom.nlp.lexicon import load

    names = load().first_names
    assert names.get("Carrie") == "f" and names.get("Henry") == "m"
    assert "Lindsey" in names and names["Lindsey"] is None  # mostly female in the list, a man in news too
    assert "Said" not in names  # a verb of saying opening a sentence


def test_places_from_the_libraries():
    e = annotate_text("Officials in Nairobi and Bombay met. The plant in Mankato, Minn., closed.").entities
    assert {"Nairobi", "Bombay", "Mankato", "Minn."} <= {p.name for p in e.places}  # "Minn." is Minnesota
