"""Who a he or she stands for: the most salient earlier person of a compatible gender.

Salience follows how a news story refers back: the subject of the nearest sentence naming
a person, or the speaker of a quote there, wins over a name in a modifier (``the Obama
administration``), an object of a participle (``forcing Sanders to ...``) or of a
preposition. A person's gender is what the article shows: a title, a given name, or how the
narrative refers back to them (he/his, she/her) right after they are named.
"""
from __future__ import annotations

import bisect
import re

from ...model import Person
from .context import Context, Hit
from .sentence import sentence_subject
from .words import rx, words_of

_NOT_PARTICIPLES = words_of("not_participles")
_COMPLEMENTIZERS = words_of("speech_complementizers")
_VERB_AFTER = rx(r"(?:,[^,]{0,80},)?\s*(?:(?:[a-z]+ly|<between_subject_and_verb>)\s+)*([a-z]+)")
# a relative clause of speech after a name and its apposition: ", who said"
_WHO_SAID = rx(r"(?:\s+<origin_prepositions>\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*)?(?:,[^,;.]{1,100})?,\s+"
               r"<relative_pronouns>\s+(?:(?:[a-z]+ly|<between_subject_and_verb>)\s+)*([a-z]+)")
_OBJECT_OF = rx(r"\b<prepositions+list_conjunctions>\s+(?:[A-Z][\w.\-]*\s+){0,3}$")
_SAID_BEFORE = rx(r"\b([a-z]+)\s+(?:<speech_complementizers>\s+)?$")
_GENDERED = rx(r"\b(<pronoun_genders:both>)\b")
_SUBJECT_PRONOUN = rx(r"\b(<pronoun_genders:both>)\b")  # he, she: always a subject
_OPENING_SUBORDINATE = rx(r"\s*(?:<opening_conjunctions:both>\s+)?<subordinators:both>\b[^,.;]{0,160},")
_POSSESSIVE_END = re.compile(r"(?:['’]s|s['’])$")
_HONORIFIC = re.compile(r"\b([A-Z][a-z]{1,4})\.?\s$")


def antecedent(ctx: Context, pos: int, gender: str | None, owner: bool = False) -> str | None:
    """The most salient person before pos of a compatible gender: in the nearest
    sentence that names one, the speaker of a quote there, else its first person. For a
    possessive (``owner``: "her campaign"), a name modifying a group is one too
    ("Clinton's team was quick ... Her campaign")."""
    k = bisect.bisect_left(ctx.mention_starts, pos) - 1
    limit = ctx.paras[max(0, ctx.paras.index(ctx.para_of(pos)) - 3)][0] if ctx.paras else 0
    # the current sentence, left of the pronoun
    sstart = ctx.sentence_start(pos)
    # (not the object of a preposition or a possessive: "Choosing between Lowe and Vick is
    # '...,' she said" - the she is someone named before)
    cur = [(s, e, p) for s, e, p in ctx.mentions[max(0, k - 30):k + 1]
           if sstart <= s < pos and compatible(ctx, p, gender) and not _modifier(ctx, e) and mention_rank(ctx, s, e) < 2]
    if cur:
        return min(cur, key=lambda x: (mention_rank(ctx, x[0], x[1]) > 0, x[0]))[2].name
    said = said_subject(ctx, sstart, pos)  # "Bolton said he would ...", Bolton not listed
    if said and compatible_name(ctx, said, gender) and (said in ctx.people or _named_as_person(ctx, said)):
        return said
    # earlier sentences, nearest first
    spoken = {}
    for q in ctx.quotes:
        if q.kind == "speech" and q.speaker and q.start < pos:
            spoken[ctx.sentence_start(q.start)] = q.speaker
            if q.speaker_start is not None:
                spoken[ctx.sentence_start(q.speaker_start)] = q.speaker
    j = bisect.bisect_left(ctx.sent_starts, sstart) - 1
    while j >= 0 and ctx.sent_starts[j] >= limit:
        a, b = ctx.sent_starts[j], ctx.sent_starts[j + 1] if j + 1 < len(ctx.sent_starts) else pos
        found = _in_sentence(ctx, a, b, gender, spoken.get(a), owner)
        if found:
            return found
        j -= 1
    return None


def _in_sentence(ctx: Context, a: int, b: int, gender: str | None, spoken: str | None, owner: bool = False) -> str | None:
    """The person a sentence [a, b) makes salient: its quote's speaker, the name before its
    reporting verb, its subject, else its best-ranked mention."""
    if spoken and compatible_name(ctx, spoken, gender):
        return spoken
    said = said_subject(ctx, a, b)
    if said and compatible_name(ctx, said, gender):
        return said
    subj = sentence_subject(ctx, a, b, None) if b - a < 600 else None
    if subj is not None and gender is not None and not ctx.in_quote(subj.start):
        if subj.kind == "name":
            p = ctx.person_at(subj.start, subj.end)
            if p is not None and compatible(ctx, p, gender):
                return p.name
            if p is None and (name := _unlisted_person(ctx, subj)) and compatible_name(ctx, name, gender):
                return name  # "Carson defied the question." with Carson not in the entity list
    if gender is not None and _goes_on_about(ctx, a, b, gender):
        return None  # "He said that Roe ...", "..., he noted, so ... Trump": about our he; read on back
    lo = bisect.bisect_left(ctx.mention_starts, a)
    hi = bisect.bisect_left(ctx.mention_starts, b)
    best = None
    for s, e, p in ctx.mentions[lo:hi]:
        if compatible(ctx, p, gender) and not _not_antecedent(ctx, s, e, owner):
            rank = mention_rank(ctx, s, e)
            if best is None or rank < best[0]:
                best = (rank, p.name)
    return best[1] if best else None


def _goes_on_about(ctx: Context, a: int, b: int, gender: str) -> bool:
    """Does the sentence [a, b) have a he or she of that gender (a subject: "he noted",
    "when she spoke") with no person it can stand for named before it in the sentence?
    It then goes on about the person a later he or she stands for, and the names in it
    are others (objects, possessives): centering's continuation, read on back past it.
    Not so when the sentence names its he first ("When Trump held rallies, he was ...")
    or after an opening subordinate clause ("But while he may not have ..., Trump did")."""
    sub = _OPENING_SUBORDINATE.match(ctx.masked, a, b)
    for m in _SUBJECT_PRONOUN.finditer(ctx.masked, sub.end() if sub else a, b):
        if ctx.words.pronoun_genders[m.group(1).lower()] != gender:
            continue
        lo = bisect.bisect_left(ctx.mention_starts, a)
        hi = bisect.bisect_left(ctx.mention_starts, m.start())
        return not any(compatible(ctx, p, gender) and not _not_antecedent(ctx, s, e)
                       for s, e, p in ctx.mentions[lo:hi])
    return False


def _unlisted_person(ctx: Context, subj: Hit) -> str | None:
    """The name a sentence's subject gives when the entity list has no one there: a
    capitalised name that is no organisation, place or time word."""
    from .resolve import by_name

    if ctx.org_at(subj.start, subj.end) is not None:
        return None
    name = by_name(ctx, subj)
    if not name or not name[:1].isupper() or name.lower() in ctx.lex.organizations:
        return None
    return name if name in ctx.people or _named_as_person(ctx, name) else None


def _named_as_person(ctx: Context, name: str) -> bool:
    """Evidence that a name the entity list missed is a person's: a given name first
    ("Ben Carson") or alone ("Her father, Brad, 39,"), or the article writing it after a
    given name or an honorific."""
    words = name.split()
    if len(words) > 1 or name in ctx.lex.first_names:
        return words[0] in ctx.lex.first_names  # "Ben Carson"; "Brad" alone, a given name
    return bool(ctx.given_names_before(name)[0])


def _not_antecedent(ctx: Context, s: int, e: int, owner: bool = False) -> bool:
    """A mention that does not stand for the person as an agent: a modifier of a group
    (``the Obama administration``, ``Trump campaign``; but the owner of "her campaign"
    may be one) or the object of a participle (``..., forcing Sanders to reverse``)."""
    if not owner and ctx.words.group_after.match(ctx.masked, e):
        return True
    before = ctx.masked[max(0, s - 40):s]
    m = re.search(r"\b([a-z]+ing)\s+(?:[A-Z][\w.\-’']*\s+){0,3}$", before)
    return bool(m) and m.group(1) not in _NOT_PARTICIPLES


def _modifier(ctx: Context, e: int) -> bool:
    """A name that qualifies the role of another person: "Cruz spokesman Rick Tyler"."""
    m = re.match(r"(?:['’]s)?\s+((?:[a-z\-]+\s+){0,2}([a-z\-]+))\s+[A-Z]", ctx.masked[e:e + 60])
    return bool(m) and (m.group(2) in ctx.words.speaker_nouns or m.group(2) in ctx.words.role_words)


def mention_rank(ctx: Context, s: int, e: int) -> int:
    """0 for the subject of a reporting verb, 1 for a subject-like mention, 2 for a
    possessive or the object of a preposition."""
    after = ctx.masked[e:e + 40]
    m = _VERB_AFTER.match(after)
    if m and m.group(1) in ctx.words.speech_verbs:
        return 0
    m = _WHO_SAID.match(ctx.masked, e, e + 200)
    if m and m.group(1) in ctx.words.speech_verbs:
        return 0  # "Sen. Jo Roe of Ohio, the panel's ranking member, who said ...": Roe speaks
    before = ctx.masked[max(0, s - 12, ctx.sentence_start(s)):s]  # ("... and Utah. Bush went": no object)
    if re.match(r"['’]", after) or _OBJECT_OF.search(before):
        return 2
    return 1


def said_subject(ctx: Context, a: int, b: int) -> str | None:
    """``Roe said ...`` in the sentence [a, b): the name before a reporting verb."""
    from .resolve import by_name  # (resolve reads antecedents too)

    seg = ctx.masked[a:b]
    verbs = ctx.words.speech_verbs
    for m in re.finditer(r"\b([A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+)*)\s+(?:[a-z]+ly\s+)?([a-z]+)\b", seg):
        if m.group(2) in verbs and m.group(2)[-3:] != "ing":
            owner = _POSSESSIVE_END.search(m.group(1))
            if owner and seg[:m.start(1)].strip():
                continue  # "Roe denounced Hale’s remarks": an object's words, not a subject who remarks
            # (opening the sentence, "Vick’s comments ... mirror": the words' owner is its subject)
            said = _SAID_BEFORE.search(seg[:m.start(1)])
            if said and (said.group(1) in verbs or said.group(1) in _COMPLEMENTIZERS):
                continue  # "Roe said Lee continued ...": Lee is inside what Roe said
            name = by_name(ctx, Hit("name", m.group(1), a + m.start(1), a + m.end(1)))
            if name and name.lower() not in ctx.lex.non_names and m.group(1).split()[0].lower() not in ctx.lex.non_names:
                return name
    return None


def compatible_name(ctx: Context, name: str, gender: str | None) -> bool:
    p = ctx.people.get(name)
    if p is not None:
        return compatible(ctx, p, gender)
    if _common_noun(ctx, name):
        return False  # "Officials said ...": no he or she
    if gender is None:
        return True
    if name in ctx.org_names:
        return False  # "Prairie Justice Watch first reported. He ...": an organisation is no he or she
    g = ctx.lex.first_names.get(name.split()[0])
    if g is None and name[:1].islower():
        return False  # a description ("senior official") is not a he or she
    return g is None or g == gender


def compatible(ctx: Context, person: Person, gender: str | None) -> bool:
    """Can the person be a he/she of that gender (a capitalised common noun such as
    "Officials" opening a sentence is no person at all)?"""
    if _common_noun(ctx, person.name):
        return False
    if gender is None:
        return True
    g = ctx.genders.get(person.name)
    return g is None or g == gender


def _common_noun(ctx: Context, name: str) -> bool:
    """A one-word "name" that is a common noun capitalised ("Officials", "Another")."""
    low = name.lower()
    w = ctx.words
    return " " not in low and (low in w.speaker_nouns or low in w.not_speakers or low in w.determiners)


def learn_genders(ctx: Context) -> dict[str, str]:
    """Each person's gender as the article shows it: a title (Mr., Ms.), a given name,
    else how the narrative refers back to them (he/his/him, she/her) right after a
    mention with no other person in between, by majority."""
    out: dict[str, str] = {}
    for p in ctx.entities.people:
        g = p.gender or ctx.lex.first_names.get(p.name.split()[0]) or _titled_gender(ctx, p)
        if g:
            out[p.name] = g
    if len(out) == len(ctx.entities.people):
        return out
    votes: dict[str, list[int]] = {}
    genders = ctx.words.pronoun_genders
    for pm in _GENDERED.finditer(ctx.masked):
        k = bisect.bisect_left(ctx.mention_starts, pm.start()) - 1
        if k < 0:
            continue
        s, e, person = ctx.mentions[k]
        a = ctx.sentence_start(s)
        if pm.start() - e > 160 or s - a > 40 or (k > 0 and ctx.mentions[k - 1][0] >= a) \
                or ctx.sentence_start(pm.start()) not in (pm.start(), a):
            continue  # only a sentence's opening person, and a he/she later in it or opening the next
        if _modifier(ctx, e) or ctx.words.group_after.match(ctx.masked, e):
            continue  # "Clinton spokesman Jo Roe said he ...", "the Clinton campaign ... he": another's he
        v = votes.setdefault(person.name, [0, 0])
        v[0 if genders[pm.group(1).lower()] == "m" else 1] += 1
    for name, (m, f) in votes.items():
        if name not in out and max(m, f) >= 2 * min(m, f) + 1:
            out[name] = "m" if m > f else "f"
    return out


def _titled_gender(ctx: Context, p: Person) -> str | None:
    """A gendered honorific before a mention (Mr., Sir: "m"; Ms., Mrs., Miss: "f"; the
    titles of data/titles.yml), the last one read."""
    g = None
    for m in p.mentions:
        t = _HONORIFIC.search(ctx.body[max(0, m.start - 8):m.start])
        g = ctx.words.honorific_genders.get(t.group(1), g) if t else g
    return g
