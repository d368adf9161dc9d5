"""The quote rules' vocabulary, compiled once: word sets and the patterns built from them.

Every word comes from a data file: ``data/quotes/*.yml`` (``lexicon.quote_words``), the
reporting verbs of ``speech_verbs.yml`` and the attribution lists of ``attribution.yml``
(``lexicon.load``). A pattern is written with ``<name>`` where a list goes: ``rx`` fills it
with the list's words (``<name:cap>`` capitalised, ``<name:both>`` both; ``<a+b>`` two lists).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, _yaml, load, quote_words

_SLOT = re.compile(r"<([a-z_+]+)(?::(cap|both))?>")
# names for unions of lists
ALIASES = {"determiners": ("articles", "possessives", "first_person_possessives", "demonstratives", "quantifiers")}


def listed(*names: str) -> list[str]:
    """The words of these data lists, in order, each once."""
    data = quote_words()
    out: list[str] = []
    for name in names:
        if name in ALIASES:
            out += [w for w in listed(*ALIASES[name]) if w not in out]
            continue
        for item in data[name]:
            if not isinstance(item, str):
                raise ValueError(f"data/quotes: {name}: {item!r} is not a word (quote it in the YAML)")
            if item not in out:
                out.append(item)
    return out


def words_of(*names: str) -> frozenset[str]:
    return frozenset(listed(*names))


def alternation(items, case: str | None = None) -> str:
    """``(?:a|b c)`` of these words, blanks between words matching any blanks; a group that
    matches nothing when there are none (an empty list never matches everything)."""
    forms: list[str] = []
    for item in items:
        variants = {None: [item], "cap": [item[:1].upper() + item[1:]],
                    "both": [item, item[:1].upper() + item[1:]]}[case]
        forms += [v for v in variants if v not in forms]
    if not forms:
        return "(?!x)x"
    return "(?:" + "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms) + ")"


def rx(template: str, flags: int = 0) -> re.Pattern:
    """The pattern of a template whose ``<list>`` slots are filled from the data."""
    return re.compile(_SLOT.sub(lambda m: alternation(listed(*m.group(1).split("+")), m.group(2)), template), flags)


@dataclass(frozen=True)
class Words:
    """The word sets and shared patterns the quote rules read."""

    speech_verbs: frozenset
    calling_verbs: frozenset
    according_to: re.Pattern
    speaker_nouns: frozenset
    group_nouns: frozenset  # group nouns of attribution.yml and the organisation words
    document_nouns: frozenset
    utterance_nouns: frozenset  # a person's words or writing: "his response", "Hoff's letter"
    addressee_verbs: frozenset
    phrasal_verbs: frozenset
    object_phrasal_verbs: frozenset
    phrasal_heads: frozenset  # the first words of the two-word verbs
    resident_nouns: frozenset
    name_leads: frozenset
    role_words: frozenset
    phrase_cues: re.Pattern
    following: re.Pattern
    abbreviations: frozenset
    determiners: frozenset
    not_speakers: frozenset
    not_speaker_pronouns: frozenset
    subject_pronouns: frozenset
    speaker_pronouns: frozenset
    pronoun_genders: dict
    honorific_genders: dict  # "Mr" -> "m": the one-word honorifics of titles.yml with a gender
    time_words: frozenset
    time_nouns: frozenset
    noun_after_verb: frozenset
    clause_verbs: frozenset
    title_small_words: frozenset
    sentence_end: re.Pattern
    gap_word: re.Pattern
    parenthetical: re.Pattern
    object_stop: re.Pattern
    group_after: re.Pattern
    named_complement: re.Pattern


def phrase_pattern(phrases) -> re.Pattern:
    """Phrases as one pattern; any run of spaces (a no-break space too) between words."""
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b" if alts else r"(?!x)x")


def _role_words(lex: Lexicon) -> frozenset:
    found = set()
    for k, syn in lex.role_nouns.items():
        found.add(k.split()[-1])
        found.update(s.split()[-1].rstrip(".") for s in syn)
    return frozenset(found)


_BUILT: dict[int, tuple[Lexicon, Words]] = {}


def words(lex: Lexicon | None = None) -> Words:
    """The vocabulary of a lexicon (the loaded one by default), built once per lexicon."""
    lex = lex or load()
    kept = _BUILT.get(id(lex))
    if kept is None or kept[0] is not lex:
        kept = _BUILT[id(lex)] = (lex, _build(lex))
    return kept[1]


def _build(lex: Lexicon) -> Words:
    data = dict(_yaml("titles.yml"))
    data.update(lex.attribution)
    following = tuple(f"{v} the following {n}" for v in data.get("following_verbs", ()) for n in data.get("following_nouns", ()))
    return Words(
        speech_verbs=lex.speech_verbs,
        calling_verbs=lex.calling_verbs,
        according_to=re.compile(r"\b" + alternation(lex.according_to) + r"\s+", re.I),
        speaker_nouns=frozenset(data.get("speaker_nouns", ())) | words_of("more_speaker_nouns"),
        group_nouns=frozenset(data.get("group_nouns", ())) | {w.lower() for w in lex.org_words},
        document_nouns=frozenset(data.get("document_nouns", ())) | words_of("more_document_nouns"),
        addressee_verbs=frozenset(data.get("addressee_verbs", ())),
        phrasal_verbs=frozenset(data.get("phrasal_verbs", ())) | words_of("object_phrasal_verbs"),
        object_phrasal_verbs=words_of("object_phrasal_verbs"),
        phrasal_heads=frozenset(p.split()[0] for p in data.get("phrasal_verbs", ())) | {p.split()[0] for p in words_of("object_phrasal_verbs")},
        resident_nouns=frozenset(data.get("resident_nouns", ())),
        name_leads=frozenset(data.get("name_leads", ())),
        role_words=_role_words(lex),
        honorific_genders={t.words[0].rstrip("."): t.gender for t in lex.titles.values()
                           if t.honorific and t.gender and len(t.words) == 1},
        phrase_cues=phrase_pattern(tuple(data.get("phrase_cues", ()))),
        following=phrase_pattern(following),
        **_from_quote_data(),
    )


def _from_quote_data() -> dict:
    """The fields of ``Words`` read from data/quotes/."""
    return dict(
        abbreviations=words_of("abbreviations"),
        determiners=words_of("determiners"),
        not_speakers=words_of("not_speaker_pronouns", "not_speaker_nouns"),
        not_speaker_pronouns=words_of("not_speaker_pronouns"),
        subject_pronouns=words_of("speaker_pronouns", "other_subject_pronouns"),
        speaker_pronouns=words_of("speaker_pronouns"),
        pronoun_genders=dict(quote_words()["pronoun_genders"]),
        time_words=frozenset(w.lower() for w in listed("days", "months", "day_parts")),
        time_nouns=words_of("time_nouns"),
        noun_after_verb=words_of("nouns_after_verb"),
        utterance_nouns=words_of("utterance_nouns"),
        clause_verbs=words_of("clause_verbs"),
        title_small_words=words_of("title_small_words"),
        sentence_end=re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"),
        # between a subject and its verb: adverbs, auxiliaries, time phrases, "in a statement"
        gap_word=rx(r"(?:\s+(?:<between_subject_and_verb>|[a-z]+ly|<days>|on\s+<days>|<time_deictics>\s+<periods>"
                    r"|<prepositions_between_subject_and_verb>\s+<articles+possessives>\s+[\w\-’']+(?:\s+[\w\-’']+)?))+$"),
        parenthetical=rx(r",\s+(?:<parentheticals>|on\s+<days>)(?=,)"),
        object_stop=rx(r"[,;:(\[—–\"“”]|\s+-+\s|\s(?:<object_stops>|<days>|<issuer_participles>)\b|$"),
        group_after=rx(r"(?:['’]s)?\s+<groups_named_after_a_person>\b"),
        named_complement=rx(r"\s+(<complement_prepositions>\s+(?:<definite_articles>\s+)?[A-Z][\w.&’'\-]*"
                            r"(?:\s+(?:<name_joiners>\s+)*[A-Z][\w.&’'\-]*)*)"),
    )
