"""``persons.PeopleByWord`` answers for one word what ``match_person`` answers, with the
people indexed once (merge.singles asks it for every lone capitalised word)."""
from __future__ import annotations

from pressroom.model import Mention
from pressroom.nlp.entities.context import Draft
from pressroom.nlp.entities.persons import PeopleByWord, match_person
from pressroom.nlp.lexicon import load

NAMES = ["Jo Roe", "Ann Roe", "Li Wei", "Li", "Juan Vasquez Jr.", "Tan Kefei Chen", "Roe", "Kefei Tan", "Bob", "Ann Lee Smith"]
WORDS = ["Roe", "Li", "Wei", "Vasquez", "Juan", "Jr.", "Tan", "Kefei", "Chen", "Bob", "Smith", "Ann", "Lee", "Nobody"]


def _people(names, mentions):
    return {n: Draft(n, None, None, [Mention(i, i + 1) for i in range(k)], first=k) for n, k in zip(names, mentions)}


def test_the_same_person_as_match_person():
    lex = load()
    for names in (NAMES, NAMES[::-1], NAMES[:3], NAMES[4:], []):
        for mentions in ([1] * len(names), list(range(len(names), 0, -1)), [(i * 7) % 3 for i in range(len(names))]):
            people = _people(names, mentions)
            by_word = PeopleByWord(people, lex)
            for w in WORDS:
                assert by_word.person(w) is match_person(w, people, lex), (names, mentions, w)


def test_the_most_named_of_a_shared_surname_is_chosen_at_each_call():
    lex = load()
    people = _people(["Jo Roe", "Ann Roe"], [1, 1])
    by_word = PeopleByWord(people, lex)
    assert by_word.person("Roe") is people["Jo Roe"]  # a tie: the first introduced
    people["Ann Roe"].add(Mention(50, 53))
    assert by_word.person("Roe") is people["Ann Roe"] is match_person("Roe", people, lex)
