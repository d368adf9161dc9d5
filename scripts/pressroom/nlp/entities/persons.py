"""People: what makes a run of capitalised words a person's name, and the person a short
form ("Tan", "Mr. Whitfield") refers to."""
from __future__ import annotations

import functools
import re

from ...model import Mention
from ..lexicon import entity_words, given_names, name_vocabulary
from .context import Draft
from .tokens import PARTICLES, Word, text_of, word

W = entity_words()
# verbs as a title-case headline writes them ("Jo Roe Says ..."): no part of a name
HEADLINE_VERBS = frozenset(w.capitalize() for w in W.headline_verbs)
_GENERATIONAL = name_vocabulary()["generational"]  # nameparser's: "Jr.", "III"
# photo credits "(Xinhua/Jan Novak)" name a photographer
_PHOTO = re.compile(r"\((?:" + W.alternation("photo_agencies") + r"|[A-Z][A-Za-z]+)/([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})\)")


def photo_credits(text: str, ctx) -> None:
    """"(Xinhua/Jan Novak)": the photographer of a picture is a person."""
    for m in _PHOTO.finditer(text):
        s = m.start(1)
        ws = [word(s + a.start(), s + a.end(), a.group()) for a in re.finditer(r"\S+", m.group(1))]
        if all(name_word(w, ctx.lex) for w in ws):
            add_person(ws, None, None, ctx, titled=True)  # "(Xinhua/Chogo)": one word is a name too


# "his wife Audrey", "her brother Daniel": a relative named by one given name
_RELATIVE = re.compile(r"\b(?:his|her|their|my|our|your)[^\S\n]+(?:late[^\S\n]+)?(?:" + W.alternation("relatives") + r")[^\S\n]+$")


def relative(words, sentence_start, ctx) -> bool:
    """"his wife Audrey": a given name after a possessive and a family noun is a person
    (the relation is no role: labels leave it out)."""
    if len(words) != 1 or not given_name(words[0].text, ctx.lex):
        return False
    if not _RELATIVE.search(ctx.text, max(0, words[0].start - 40), words[0].start):
        return False
    same = [d for d in ctx.people.values() if d.name.split()[0] == words[0].text and " " in d.name]
    if len(same) == 1:  # "Ivanka Trump" ... "his daughter Ivanka"
        same[0].add(Mention(words[0].start, words[0].end))
    else:
        add_person(list(words), None, None, ctx, titled=True)
    return True


def name_word(w: Word, lex) -> bool:
    """A word that may be part of a person's name: capitalised, not a listed common word,
    organisation word or demonym, no digits, no possessive, not an acronym."""
    t = w.text
    if not w.capital or t.lower() in lex.non_names and t not in W.given_names_also_words or t in lex.org_words or t in lex.demonyms \
            or t in lex.non_person_words and t not in lex.first_names:
        return False
    if "’" in t[-2:] or "'" in t[-2:] or not t.isalpha() and any(c.isdigit() for c in t):  # (a letter is no digit)
        return False
    if t.isupper() and len(t) > 2 and "." not in t:
        return False
    return True


def particle(words, k: int, first: int = 0) -> bool:
    """A particle inside a name: after its first word, before a capitalised one."""
    return words[k].text in PARTICLES and first < k < len(words) - 1 and \
        (words[k + 1].capital or words[k + 1].text in PARTICLES and k + 2 < len(words) and words[k + 2].capital)


def non_person(words, lex) -> bool:
    """A word of data/non_person_words.txt is in the run ("Terrorism Bill", "Farm Bill"), not
    as the given name that begins it ("Bill Clinton")."""
    return any(w.text in lex.non_person_words and not (
        k == 0 and w.text in lex.first_names and len(words) > 1 and (words[1].capital or particle(words, 1))
        and words[1].text not in lex.non_person_words and not words[1].text.isupper())  # "Bill HB 1234"
        for k, w in enumerate(words))


def name_like(words, lex, lower_words) -> bool:
    """At most four words, each a name word (or a particle, or a surname that is also a
    word after a given name), none used as an ordinary word in the article."""
    if len(words) > 4:
        return False
    for k, w in enumerate(words):
        t = w.text
        if particle(words, k):
            continue
        surname = surname_word(words, k, lex)
        if not name_word(w, lex) and not surname:
            return False
        if t.lower() in lower_words and t not in lex.first_names and not surname:
            return False  # the article uses it as an ordinary word
    return True


def surname_word(words, k: int, lex) -> bool:
    """After a given name, the last word of a name may also be a word ("Ian Read", "Cornel
    West", "Mark Cuban"), not an organisation's or a thing's, nor a word of two letters
    ("The GOP Will Do", "Clinton Wades In": headlines)."""
    t = words[k].text
    return k == len(words) - 1 and k > 0 and words[0].text in lex.first_names and t.isalpha() and len(t) > 2 \
        and t[0].isupper() and t not in lex.org_words and t not in lex.non_person_words


# a given name less common than the lexicon's ("Matt", "Gwen": 2-3 on nam_dict's scale) is
# evidence enough for the name it begins
EVIDENCE_FREQUENCY = 2
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")


def given_name(text: str, lex) -> bool:
    """A given name, however rare in the list ("Matt"), that is no verb of saying."""
    return text in lex.first_names or text in given_names(EVIDENCE_FREQUENCY) and text.lower() not in lex.speech_verbs


def evidence(words, ctx) -> str | None:
    """Why a name of several words is a person's, before the rest of the article is read:
    a known given name first ("Carrie Lam"), an initial ("John F. Kennedy", "J.K.
    Rowling"), a speech verb right after it or right before it ("Lam said", "said
    Jan Novak"), the object of a verb only a person undergoes ("sentenced Tou Thao"),
    "he"/"she" opening the next sentence, an age or a family after it ("Jo
    Roe, 45,", "Jo Roe's wife"), a byline ("By Jo Roe"). None:
    wait for the surname alone elsewhere (``resolve_pending``)."""
    lex, text = ctx.lex, ctx.text
    if given_name(words[0].text, lex):
        return "given name"
    if chinese_name(words):
        return "a Chinese name"
    if len(words) > 1 and any(_INITIAL.match(w.text) for w in words[:-1]):
        return "initials"
    after = _NEXT_WORD.match(text, words[-1].end)
    if after and after.group(1) in W.person_verbs and after.group(1) in lex.speech_verbs:
        return "speech verb after"
    before = _PREVIOUS_WORD.search(text, max(0, words[0].start - 30), words[0].start)
    if before and before.group(1).lower() in W.person_verbs and before.group(1).lower() in lex.speech_verbs:
        return "speech verb before"
    if before and before.group(1) in W.person_object_verbs and _OBJECT_END.match(text, words[-1].end):
        return "the object of a verb only a person undergoes"
    if _PRONOUN_NEXT.match(text, words[-1].end):
        return "he or she next"
    if _PERSON_AFTER.match(text, words[-1].end):
        return "an age or a family after"
    if _BYLINE.search(text, max(0, words[0].start - 4), words[0].start):
        return "a byline"
    return None


_PINYIN_SYLLABLE = "(?:" + W.alternation("pinyin_initials") + ")?(?:" + W.alternation("pinyin_finals") + ")"
_PINYIN_GIVEN = re.compile(f"(?:{_PINYIN_SYLLABLE}){{1,2}}")


def chinese_name(words) -> bool:
    """"Xi Jinping", "Zhang Dejiang": a common Chinese surname, then a given name of one
    or two pinyin syllables ("Li River", "He Said" are not)."""
    return len(words) == 2 and words[0].text in W.chinese_surnames and words[1].text[:1].isupper() \
        and _PINYIN_GIVEN.fullmatch(words[1].text.lower()) is not None


_EAST_ASIAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def surname_first(parts) -> bool:
    """A name of two words written surname first: a Chinese surname first, or a given name
    of two syllables joined by a hyphen after it ("Ma Ying-jeou", "Moon Jae-in")."""
    return len(parts) == 2 and (parts[0] in W.chinese_surnames or _EAST_ASIAN_GIVEN.fullmatch(parts[1]) is not None)


# "Lam said", "Lam, 64, said"; "said Lam", "said on Monday Lam" is not looked for
_NEXT_WORD = re.compile(r"(?:,[^,\n]{1,12},)?[^\S\n]+([a-z]+)\b")
# "Kerrin Vasko founded the firm. She ran it": the next sentence goes on with he or she
_PRONOUN_NEXT = re.compile(r"[^.!?\n]{0,200}[.!?][\"”’]?[^\S\n]+(?:" + W.alternation("personal_pronouns") + r")\b")
# "sentenced Tou Thao to prison", "arrested Jo Roe.": the name ends the object (not
# "interviewed Boston Marathon bomber Tamerlan Tsarnaev")
_OBJECT_END = re.compile(r"[^\S\n]*(?:[,.;:)]|$)|[^\S\n]+(?:" + W.alternation("object_followers") + r")\b")
_PREVIOUS_WORD = re.compile(r"\b([A-Za-z]+)[,\"”]?[^\S\n]+$")
# "Jo Roe, 45, said", "Jo Roe's wife": only a person has an age and a family ("who" is
# not enough: "groups such as Planned Parenthood, who are backing")
_PERSON_AFTER = re.compile(r",[^\S\n]+\d{1,3},|['’]s?[^\S\n]+(?:" + W.alternation("relatives") + r"|family|widow)\b")
# "By Jo Roe" opening a line
_BYLINE = re.compile(r"(?:^|\n)By[^\S\n]+$")


def resolve_pending(ctx) -> None:
    """A name found with no evidence is a person when the article also names someone by
    its last word alone ("Kundera"), before or after it; else it is not listed (better
    missing than wrong)."""
    lone = {w.text for w, _ in ctx.singles}
    for d in ctx.people.values():
        if len(d.name.split()) == 1:
            lone.add(d.name)
    for words in ctx.pending:
        parts = name_parts(text_of(words))
        # (or by the first word of a name written surname first: "Zhang" for "Zhang Dejiang")
        if parts and (parts[-1] in lone or parts[0] in lone and surname_first(parts)):
            add_person(words, None, None, ctx)


def add_person(name_words, role, gender, ctx, titled: bool = False):
    """Add a mention of a person: to the person it refers to, or as a new one (a lone
    word with no title or role waits until the full names are known)."""
    lex = ctx.lex
    name = text_of(name_words)
    if not name_parts(name):
        return  # only suffixes ("Jr. III"): no name at all
    if name in lex.places and not (role and role.split()[-1].lower().rstrip(".") not in W.not_plural_titles):
        # "Representative Hamilton" is a person; "Democratic Vermont" a place
        ctx.add_place(name, name_words[0].start, name_words[-1].end)
        return
    mention = Mention(name_words[0].start, name_words[-1].end)
    if len(name_words) == 1:
        existing = match_person(name, ctx.people, lex)
        if existing is None and not role and not titled:
            ctx.singles.append((name_words[0], False))
            return
    else:
        existing = ctx.people.get(name) or match_person(name, ctx.people, lex, full=True)
    gender = gender or (lex.first_names.get(name_words[0].text) if len(name_words) > 1 else None)
    if existing is None:
        existing = ctx.people[name] = Draft(name, role, gender, [])
    elif len(name) > len(existing.name) and len(name_words) > 1:
        del ctx.people[existing.name]
        existing.name = name
        ctx.people[name] = existing
    existing.add(mention)
    existing.role = fuller_role(existing.role, role)
    existing.gender = existing.gender or gender


def fuller_role(known: str | None, new: str | None) -> str | None:
    """The role a person keeps: the fullest the article gives of the same role, as a name
    grows to its fullest form ("minister" then "Belgian sports minister"),
    and one written out over one of abbreviations only ("AG Ellison" in a headline, then
    "Minnesota Attorney General")."""
    if not known or new and (_elaborates(new, known) or all(_ABBREVIATION.match(w) for w in known.split())
                             and not all(_ABBREVIATION.match(w) for w in new.split())):
        return new or known
    return known


def _elaborates(new: str, known: str) -> bool:
    """The new role says more of the same role: longer, holding the known one's head noun
    ("pollster" -> "Republican pollster", "Supreme Court Justice" -> "Justice of the U.S.
    Supreme Court"), and no list or run-on (no "and", at most seven words)."""
    words, head = new.lower().split(), known.lower().split()[-1]
    return len(known.split()) < len(words) <= 7 and "and" not in words


# "AG", "Rep.", "Gov.", "U.S.": a title written short
_ABBREVIATION = re.compile(r"^(?:[A-Z]{1,3}|[A-Z][a-z]{0,3}\.|(?:[A-Z]\.)+)$")


def match_person(name: str, people: dict[str, Draft], lex, full: bool = False):
    """The person a short form refers to: by surname, or by the first word of a name
    written surname-first (Chinese names: "Li" for "Li Shangfu"); "Ben Moreno" is
    "Ben Vidal Moreno", "Juan Vasquez" is "Juan Vasquez Jr."."""
    tokens = name_parts(name)
    if not tokens:
        return None
    if not full and len(tokens) == 1:
        # a bare surname shared by two people ("Trump" with Donald and Ivanka Trump): the one
        # the article names most, the first introduced on a tie
        # (the cached parts first: most people do not share the surname)
        same = [d for d in people.values() if name_parts(d.name)[-1:] == tokens[:1] and len(d.name.split()) > 1]
        if len(same) > 1:
            return _most_named(same)
    for draft in reversed(list(people.values())):
        parts = name_parts(draft.name)
        if not parts:
            continue
        if full:
            if len(tokens) > 1 and len(parts) > 1 and tokens[-1] == parts[-1] and tokens[0] == parts[0]:
                return draft
            if len(tokens) > len(parts) and tokens[-1] == parts[-1] and len(parts) == 1:
                return draft
            continue
        if len(tokens) == 1 and len(parts) > 1:
            if parts[-1] == tokens[0]:
                return draft
            if parts[0] == tokens[0] and parts[0] not in lex.first_names and len(parts) == 2:
                return draft
        if len(tokens) == 1 and parts == tokens:
            return draft
    return None


def _most_named(same: list[Draft]) -> Draft:
    # (the earliest mention is kept with the person: thousands of mentions made this quadratic)
    return max(same, key=lambda d: (len(d.mentions), -(d.first if d.first is not None else 0)))


class PeopleByWord:
    """``match_person`` of one word, for a loop that adds mentions to the people but no
    person (``merge.singles``): the people each word may name, found in one pass over the
    people instead of one per word; the choice among people of the same surname, by how
    often each is named, is made at each call."""

    def __init__(self, people: dict[str, Draft], lex):
        self.people, self.lex = people, lex
        self.same: dict[str, list[Draft]] = {}  # a surname -> the people named in full with it
        self.one: dict[str, Draft] = {}  # a word -> the latest person it names (match_person's order)
        for d in people.values():
            parts = name_parts(d.name)
            if parts and len(d.name.split()) > 1:
                self.same.setdefault(parts[-1], []).append(d)
        for d in reversed(list(people.values())):
            parts = name_parts(d.name)
            if len(parts) > 1:
                self.one.setdefault(parts[-1], d)
                if len(parts) == 2 and parts[0] not in lex.first_names:
                    self.one.setdefault(parts[0], d)
            elif parts:
                self.one.setdefault(parts[0], d)

    def person(self, text: str) -> Draft | None:
        tokens = name_parts(text)
        if len(tokens) != 1:
            return match_person(text, self.people, self.lex)
        same = self.same.get(tokens[0], ())
        return _most_named(same) if len(same) > 1 else self.one.get(tokens[0])


@functools.lru_cache(maxsize=4096)
def name_parts(name: str) -> tuple[str, ...]:
    """A name's words without a generational suffix; the same names are asked about again
    and again while an article is read."""
    return tuple(t for t in name.split() if t not in _GENERATIONAL)


def speaker_like(name: str, lex) -> bool:
    """A speaker the quote rules found looks like a person's name ("Jan Novak", not "the
    ministry" or "FAO")."""
    parts = name.split()
    if not parts or len(parts) > 4 or name.lower() in lex.organizations or name in lex.places:
        return False
    ws = [word(0, len(p), p) for p in parts]
    if any(not name_word(w, lex) for w in ws):
        return False
    return not all(tuple([w.lower()]) in lex.titles for w in parts)
