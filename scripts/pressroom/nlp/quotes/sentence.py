"""The subject of a sentence: what a participle or a second verb hangs on (``On Twitter,
she responded ..., saying``), a colon sentence's speaker (``Jane Roe released the following
statement:``), and the person a sentence makes salient for a later he or she.

The sentence is read past a dateline, its opening adverbials (``In a statement,``, ``On
Thursday, after months of silence,``) and an opening conjunction; then a pronoun, a name
(with its description, possessive or apposition: ``SUBJECT_NAME_RULES``) or a description
whose head names a person, a group or a document.
"""
from __future__ import annotations

import bisect
import re

from .context import Context, Hit
from .phrases import PHRASE_BREAKERS, PRONOUN_FIRST, name_end, source_noun
from .words import rx, words_of

_MODIFIER_BEFORE_NAME = rx(r"\s*(?:<definite_articles:both>|\d+-year-old|\d[\w\-]*)\s+")
# a lower-case description before a name: "conservative columnist Mary Tolan"
_ROLE_BEFORE_NAME = re.compile(r"\s*((?:[a-z][\w\-]*\s+){0,3}([a-z][\w\-]*))\s+(?=[A-Z])")
_DESCRIBED_SUBJECT = rx(r"(<articles+possessives+quantifiers>\s+(?:[\w\-’']+\s+){0,4}?[a-z][\w\-]*)\b", re.I)
_DATELINE = re.compile(r"\s*[A-Z]{2,}(?:[ \-.]+[A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?(?:\s*\([^()]{1,30}\))?\s*(?:—|–|--|-)\s*")
_OPENING_ADVERBIALS = rx(r"\s*(?:<opening_conjunctions:cap>\s+(?=[a-z]))?"
                         r"(?:(?:<phrase_openers:both>|<days:cap>|[A-Z][a-z]+ing|(?:[A-Za-z0-9]+\s+){0,3}<time_adverbs>(?=\s*,))"
                         r"\b[^,]{0,160},\s*|<sentence_adverbs:cap>\s*,\s*)"
                         r"(?:(?:<inner_phrase_openers>|<days:both>)\b[^,]{0,160},\s*|<sentence_adverbs>\s*,\s*)*")
_OPENING_CONJUNCTION = rx(r"\s*(?:<opening_conjunctions:cap>\s+(?:<opening_conjunctions>\s+)?)?")
_NOT_NAME_OPENERS = frozenset(w.capitalize() for w in words_of("not_name_openers", "quantifiers"))
_NEXT_WORD = re.compile(r"\s*([\w\-’']+)")
_PARTITIVE = words_of("partitive_prepositions")
_POSSESSIVE_WORDS = words_of("possessives")
_DESCRIPTION_THEN_NAME = re.compile(r"((?:[\w\-’'.]+\s+){0,7}?([a-z][\w\-]*)),\s+([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})\s*,")


# -- the subject of a sentence ---------------------------------------------------------------
def sentence_subject(ctx: Context, begin: int, verb_at: int, verb: str) -> Hit | None:
    """The subject of the sentence a participle hangs on: the first noun phrase after
    any opening adverbial (``On Twitter, she responded ..., saying``)."""
    rest, off = _after_opening(ctx, ctx.masked[begin:verb_at])
    base = begin + off
    apposed = _apposed_to_description(ctx, rest, base, verb)
    if apposed is not None:
        return apposed
    pm = PRONOUN_FIRST.match(rest)
    if pm:
        return Hit("pronoun", pm.group(1).lower(), base, base + pm.end(), verb)
    runs = ctx.runs(rest)
    if runs and runs[0].start <= 1 and not (len(runs[0].words) == 1 and runs[0].words[0].text in _NOT_NAME_OPENERS):
        cut = name_end(rest, runs[0])
        for rule in SUBJECT_NAME_RULES:
            hit = rule(ctx, rest, runs, cut, base, verb)
            if hit is not None:
                return hit
        r = runs[0]
        return Hit("name", rest[r.start:cut], base + r.start, base + cut, verb)
    named = _named_after_modifier(ctx, rest, runs, base, verb) or _named_after_role(ctx, rest, runs, base, verb)
    if named is not None:
        return named
    end = _description_end(ctx, rest)
    return Hit("role", rest[:end], base, base + end, verb) if end else None


def _named_after_modifier(ctx: Context, rest: str, runs, base: int, verb: str) -> Hit | None:
    """A person or organisation named after "the" or an age: ``the Illinois Board of
    Elections was conclusive:``, ``76-year-old Morton Blackwell, founder of ...,``."""
    m = _MODIFIER_BEFORE_NAME.match(rest)
    if not m or not runs or runs[0].start != m.end():
        return None
    r = runs[0]
    cut = name_end(rest, r)
    a, b = base + r.start, base + cut
    if ctx.person_at(a, b) is None and ctx.org_at(a, b) is None:
        return None
    return Hit("name", rest[r.start:cut], a, b, verb)


def _named_after_role(ctx: Context, rest: str, runs, base: int, verb: str) -> Hit | None:
    """A person named after a lower-case description of their role (a "false title"):
    ``conservative columnist Mary Tolan of the Ledger imagined ...:``, ``state senator Jo
    Roe wrote:`` - the person, when the description's last word is a person's noun."""
    m = _ROLE_BEFORE_NAME.match(rest)
    if not m or not runs or runs[0].start != m.end():
        return None
    w = ctx.words
    if m.group(2) not in w.speaker_nouns and m.group(2) not in w.role_words:
        return None
    r = runs[0]
    cut = name_end(rest, r)
    a, b = base + r.start, base + cut
    if ctx.person_at(a, b) is None:
        return None
    return Hit("name", rest[r.start:cut], a, b, verb)


def _description_end(ctx: Context, rest: str) -> int:
    """Where a description opening the sentence ends: at its last word that names a
    person, group or document before a function word ("The GOP presidential candidate"
    sent ..., "Hundreds of protesters" marched ...); 0 when it names none ("The first
    incident came ...")."""
    np = _DESCRIBED_SUBJECT.match(rest)
    if not np:
        return 0
    first = _NEXT_WORD.match(rest, np.start(1))
    of = _NEXT_WORD.match(rest, first.end())
    end = head_end(ctx, rest, of.end() if of and of.group(1).lower() in _PARTITIVE else first.end())
    if not end and first.group(1).lower() in _POSSESSIVE_WORDS:
        # "his response focused on ...": a person's words, owned (resolve.owner_of_words)
        words = list(_NEXT_WORD.finditer(rest, first.end(), first.end() + 40))[:2]
        end = next((m.end(1) for m in words if m.group(1).lower() in ctx.words.utterance_nouns), 0)
    return end


def head_end(ctx: Context, text: str, pos: int, most: int = 6) -> int:
    """The end of the last noun for a person, group or document in the words of text from
    pos on, before a function word or a verb of speech; 0 when there is none."""
    w, end = ctx.words, 0
    for k, m in enumerate(_NEXT_WORD.finditer(text, pos, pos + 100)):
        low = m.group(1).lower()
        if low in PHRASE_BREAKERS or low in w.determiners or low in w.speech_verbs or k >= most:
            break
        if source_noun(ctx, low):
            end = m.end(1)
    return end


def _after_opening(ctx: Context, seg: str) -> tuple[str, int]:
    """The sentence from its subject on (and where that is): past a dateline, opening
    adverbials ending in a comma, and an opening conjunction."""
    # a dateline is not a subject: "WASHINGTON, Dec. 8 (Wire) — In response, ..."
    dl = _DATELINE.match(seg)
    if dl:
        seg = " " * dl.end() + seg[dl.end():]
    m = _OPENING_ADVERBIALS.match(seg)
    off = m.end() if m else 0
    off += len(_OPENING_CONJUNCTION.match(seg[off:]).group(0))
    return seg[off:], off


def _apposed_to_description(ctx: Context, rest: str, base: int, verb: str) -> Hit | None:
    """A description, then the person's name between commas: ``Trump's Virginia state
    director, Mike Rubino, writing``."""
    m = _DESCRIPTION_THEN_NAME.match(rest)
    if m and source_noun(ctx, m.group(2)):
        a, b = base + m.start(3), base + m.end(3)
        if ctx.person_at(a, b) is not None or m.group(3) in ctx.lex.first_names:
            return Hit("name", m.group(3), a, b, verb)  # "Her father, Brad, 39, worried"
    return None


def _described_name(ctx: Context, rest: str, runs, cut: int, base: int, verb: str) -> Hit | None:
    """A description before the name: ``Republican presidential candidate Jo Roe`` (its
    last word a person's noun: not "Fiorina threw her support behind Ted Cruz")."""
    w = ctx.words
    dm = re.match(r"\s+((?:[a-z][\w\-]*\s+){0,3}([a-z][\w\-]*))\s+(?=[A-Z])", rest[cut:])
    if dm and len(runs) > 1 and runs[1].start == cut + dm.end() and (
            dm.group(2) in w.speaker_nouns or dm.group(2) in w.role_words):
        r = runs[1]
        stop = name_end(rest, r)
        return Hit("name", rest[r.start:stop], base + r.start, base + stop, verb)
    return None


def _possessive_name(ctx: Context, rest: str, runs, cut: int, base: int, verb: str) -> Hit | None:
    """A possessive description: ``Trump's spokeswoman Hope Hicks``, ``The Blaze's Matt
    Walsh`` (a person named right after the possessive)."""
    mm = re.match(r"[’']s?\s+((?:[a-z][\w\-]*\s+){0,4})([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})", rest[cut:])
    if not mm:
        return None
    s = cut + mm.start(2)
    a, b = base + s, base + s + len(mm.group(2))
    if mm.group(1):  # the words between name a person ("spokeswoman"), not a verb's ("campaign shrugged off")
        last = mm.group(1).split()[-1]
        return Hit("name", mm.group(2), a, b, verb) if last in ctx.words.speaker_nouns or last in ctx.words.role_words \
            else None
    return Hit("name", mm.group(2), a, b, verb) if ctx.person_at(a, b) is not None else None


def _possessive_role(ctx: Context, rest: str, runs, cut: int, base: int, verb: str) -> Hit | None:
    """``Trump's spokeswoman`` with no name after it: the description."""
    after = rest[cut:]
    if re.match(r"[’']s?\s", after):
        np = re.match(r"[’']s?\s+((?:[\w\-]+\s+){0,3}?[a-z][\w\-]*)\b", after)
        if np:
            # to its head: "Hillary Clinton's right-hand woman"
            end = max(cut + np.end(), head_end(ctx, rest, cut + len(re.match(r"[’']s?", after).group(0))))
            return Hit("role", rest[:end], base, base + end, verb)
    return None


def _titled_person(ctx: Context, rest: str, runs, cut: int, base: int, verb: str) -> Hit | None:
    """``Former Secretary of State Jo Roe``: the person at the end of the titled run."""
    r = runs[0]
    lo = bisect.bisect_left(ctx.mention_starts, base + r.start)
    inner = [(s, e) for s, e, _ in ctx.mentions[lo:lo + 4] if e <= base + r.end]
    if inner and inner[-1][0] > base + r.start:
        s, e = inner[-1]
        return Hit("name", ctx.body[s:e], s, e, verb)
    return None


SUBJECT_NAME_RULES = (_described_name, _possessive_name, _possessive_role, _titled_person)
