"""The quote rules' vocabulary, compiled once: word sets and the regexes built from them."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon import Lexicon, _yaml, load

_ABBREVIATIONS = ("Mr", "Ms", "Dr", "Jr", "Sr", "St", "No", "vs", "Gen", "Sen", "Rep", "Gov", "Mrs", "Lt", "Col",
                  "Inc", "Co", "Corp", "Prof", "Rev", "Capt", "Maj", "Sgt", "Adm", "Ft", "Mt", "Sens", "Reps",
                  "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ariz", "Calif", "Fla", "Ill", "Mass",
                  "Mich", "Minn", "Tenn", "Tex", "Va", "Wis", "Ky", "La", "Md", "Pa", "Conn", "Colo", "Ga",
                  "Ind", "Kan", "Nev", "Okla", "Ore", "Wash", "Ala", "Ark", "Del", "Miss", "Mo", "Mont", "Neb",
                  "Vt", "Wyo", "U.S", "D.C", "U.N", "U.K")
_SENT_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Between a subject and its verb: adverbs, auxiliaries, time phrases, "in a statement".
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_GAP_WORD = re.compile(
    r"(?:\s+(?:also|later|then|once|previously|further|again|recently|simply|just|has|had|have|will|would|"
    r"was|is|had|even|still|already|repeatedly|never|often|always|first|finally|quickly|"
    r"[a-z]+ly|" + _DAYS + r"|on\s+" + _DAYS + r"|(?:last|this|next|that)\s+(?:week|month|year|night|weekend|spring|summer|fall|winter)"
    r"|(?:on|in|at|during|via|through|over)\s+(?:a|an|the|his|her|their|its)\s+[\w\-’']+(?:\s+[\w\-’']+)?"
    r"|earlier|afterward|afterwards|too|however|though))+$"
)
_APPOSITION_START = re.compile(r"\s*(?:a|an|the|who|whose|which|one|another|now|then|once|both|also|himself|herself|"
                               r"[a-z][\w\-’']*|\d[\w\-]*|[RDI]-[\w.]+|[A-Z][\w.\-]*['’]s?\b|(?:[A-Z][\w.\-’']*\s+){0,4}"
                               r"(?:[a-z]\w*|[A-Z][\w.]*['’]s))")
_DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "some", "two", "three",
                "several", "many", "other", "this", "that", "these", "those", "no", "each", "every", "both", "all", "most"}
_NOT_SPEAKERS = {"it", "this", "that", "which", "what", "there", "who", "these", "those", "something", "nothing",
                 "anything", "everything", "everyone", "nobody", "anyone", "someone", "everybody", "somebody",
                 "rule", "law", "bill", "time", "year", "way", "thing", "things", "one", "here", "now", "so"}
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
               "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "tonight", "morning", "afternoon", "evening", "night"}
_TIME_NOUNS = {"hours", "hour", "minutes", "minute", "days", "day", "weeks", "week", "months", "month", "years", "year",
               "moments", "moment", "later", "earlier", "last", "next", "ago", "night", "nights", "weekend", "spring",
               "summer", "fall", "autumn", "winter", "noon", "midnight", "dawn"}
_GROUP_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|campaign|camp|presidency|era|White\s+House|team|aides|allies|"
                          r"supporters|voters|backers|foundation|organization|presidential\s+campaign)\b")
_OBJECT_STOP = re.compile(
    r"[,;:(\[—–\"“”]|\s+-+\s|\s(?:who|which|whose|that|in|on|at|during|after|before|when|while|as|to|from|about|"
    r"referring|adding|noting|saying|told|and\s+(?:added|said|then)|but|because|since|last|this|earlier|later|"
    r"recently|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|$"
)
_PARENTHETICAL = re.compile(r",\s+(?:meanwhile|however|though|too|also|instead|likewise|similarly|separately|in turn|"
                            r"in response|in fact|of course|for example|for instance|in contrast|by contrast|"
                            r"for (?:his|her|their|its) part|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?=,)")
_DATELINE = re.compile(r"\s*[A-Z]{2,}(?:[ \-.]+[A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?(?:\s*\([^()]{1,30}\))?\s*(?:—|–|--|-)\s*")
_NAMED_COMPLEMENT = re.compile(r"\s+((?:for|of|at|with)\s+(?:the\s+)?[A-Z][\w.&’'\-]*"
                               r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w.&’'\-]*)*)")
_NOUN_AFTER_VERB = frozenset({"secretary", "secretaries", "office", "release", "releases", "conference", "corps", "aide",
                              "aides", "officer", "staff", "team", "card", "operation", "shop"})
_CLAUSE_VERBS = ("is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "told", "can", "could")


@dataclass(frozen=True)
class Words:
    """Every word list the quote rules read, and the patterns built from them."""

    speech_verbs: frozenset
    calling_verbs: frozenset
    speaker_nouns: frozenset
    group_nouns: frozenset
    document_nouns: frozenset
    addressee_verbs: frozenset
    phrasal_verbs: frozenset
    resident_nouns: frozenset
    name_leads: frozenset
    role_words: frozenset
    group_words: frozenset
    phrase_cues: re.Pattern
    following: re.Pattern
    abbreviations: frozenset
    sentence_end: re.Pattern
    gap_word: re.Pattern
    apposition_start: re.Pattern
    determiners: frozenset
    not_speakers: frozenset
    subject_pronouns: frozenset
    time_words: frozenset
    time_nouns: frozenset
    group_after: re.Pattern
    object_stop: re.Pattern
    parenthetical: re.Pattern
    dateline: re.Pattern
    named_complement: re.Pattern
    noun_after_verb: frozenset
    clause_verbs: tuple
    title_small_words: frozenset


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
    data.update(load().attribution)
    following = tuple(f"{v} the following {n}" for v in data.get("following_verbs", ())
                      for n in data.get("following_nouns", ()))
    return Words(
        speech_verbs=lex.speech_verbs,
        calling_verbs=lex.calling_verbs,
        speaker_nouns=frozenset(data.get("speaker_nouns", ())),
        group_nouns=frozenset(data.get("group_nouns", ())),
        document_nouns=frozenset(data.get("document_nouns", ())),
        addressee_verbs=frozenset(data.get("addressee_verbs", ())),
        phrasal_verbs=frozenset(data.get("phrasal_verbs", ())),
        resident_nouns=frozenset(data.get("resident_nouns", ())),
        name_leads=frozenset(data.get("name_leads", ())),
        role_words=_role_words(lex),
        group_words=frozenset(w.lower() for w in lex.org_words) | {
            "ministry", "government", "campaign", "committee", "administration", "agency", "department"},
        phrase_cues=phrase_pattern(tuple(data.get("phrase_cues", ()))),
        following=phrase_pattern(following),
        abbreviations=frozenset(_ABBREVIATIONS),
        sentence_end=_SENT_END,
        gap_word=_GAP_WORD,
        apposition_start=_APPOSITION_START,
        determiners=frozenset(_DETERMINERS),
        not_speakers=frozenset(_NOT_SPEAKERS),
        subject_pronouns=frozenset({"he", "she", "they", "i", "we", "you", "it"}),
        time_words=frozenset(_TIME_WORDS),
        time_nouns=frozenset(_TIME_NOUNS),
        group_after=_GROUP_AFTER,
        object_stop=_OBJECT_STOP,
        parenthetical=_PARENTHETICAL,
        dateline=_DATELINE,
        named_complement=_NAMED_COMPLEMENT,
        noun_after_verb=_NOUN_AFTER_VERB,
        clause_verbs=_CLAUSE_VERBS,
        title_small_words=frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}),
    )
