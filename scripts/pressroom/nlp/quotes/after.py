"""The reporting clause after a quotation: ``"...," said Tan`` / ``"...," Tan said`` /
``"...," he added`` / ``"...," according to Tan``.

The clause is read in the narrative from the closing mark to the end of the quote's
sentence (past a second quoted fragment of the same sentence). An inverted verb or
``according to`` right after the mark names the speaker after it; otherwise the first
reporting verb within reach, with the subject before it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .context import Context, Hit
from .phrases import good, is_verb, junk, object_phrase, subject
from .resolve import resolve
from .words import rx, words_of

_CONDITION = rx(r"\s*<condition_words>\s[^,;:]*$")
_INVERTED_OBJECT = rx(r"\s+(?:[A-Z]|<description_openers>\s)")
_IN_CLAUSE = rx(r"\b<clause_openers>\s*$")
_NO_OBJECT = rx(r"(?:\s+<verb_particles>)?\s*[,;]")
_CIRCUMSTANCE = rx(r"\s*(?:[a-z]+ly\s+)?<circumstance_prepositions>\s(?:<articles+possessives>|[A-Z0-9])")
_GOES_ON = rx(r"\b<clause_goes_on>\b")
# a coordinated clause of its own after the quotation: '"glow in the dark," for instance, and Trump vowed'
_COORDINATED = rx(r"(?:[^,.;!?\"“”]{0,40},\s*)?<second_verb_leads>\s+(?=[A-Z]|<speaker_pronouns+articles+possessives>\s)")
_THAT_CLAUSE = rx(r"[^.!?]{0,200}\b<speech_complementizers>\b")

_NONBLANK = re.compile(r"\S")
# a subject (a name of up to four words, he/she) and one verb ending the sentence
_BARE_CLAUSE = rx(r"(?:[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}|<speaker_pronouns:both>)\s+(?:([a-z]+ly)\s+)?([a-z]+)\s*[.;]")
_AUXILIARY_WORDS = words_of("auxiliaries", "be_auxiliaries")
# a name's possessive right before a quotation: 'Roe's "..." promise'
POSSESSOR_BEFORE = re.compile(r"\b([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}?)(?:['’]s|(?<=s)['’])\s*$")
LOWER_WORD = re.compile(r"(?<![\-’'])\b([a-z]+)\b")
_WORD = re.compile(r"\w+")
SHORT_FRAGMENT = 2  # words of a quoted fragment read past like narrative (a scare quote)
# how far into the narrative after the mark a subject-first clause's verb is looked for
VERB_REACH = 160


@dataclass(frozen=True)
class After:
    """The narrative after a closing mark: ``rest`` = masked[base:end]."""

    rest: str
    base: int
    end: int
    inner: str  # the quotation's words, trailing blanks cut
    new_sentence: bool  # the quotation closed its sentence and a capital follows


def clause_after(ctx: Context, span, pe: int) -> Hit | None:
    """The mention of the reporting clause after the quotation, or None."""
    a = _window(ctx, span, pe)
    m = ctx.words.according_to.match(a.rest)
    if m:  # '"...," according to X'
        return object_phrase(ctx, a.base + m.end(), a.end, "according to")
    m = re.match(r"((?:[a-z]+ly\s+)?)([a-z]+)\s+", a.rest)
    if m and m.group(2) in ctx.words.speech_verbs and not a.new_sentence and not m.group(2).endswith("ing") \
            and not _modifies_noun(ctx, span, a):
        return object_phrase(ctx, a.base + m.end(), a.end, m.group(2))  # '"...," said X'
    return _subject_first(ctx, a) or _bare_clause(ctx, a)


def _bare_clause(ctx: Context, a: After) -> Hit | None:
    """'"...," Hannity started.' / '"...?" she sighed.': a quotation set off by its comma,
    then a clause of a name or he/she and one verb, ending there, reports it whatever the
    verb (not in the list of reporting verbs: started, chuckled, sighed)."""
    if a.new_sentence or not a.inner.rstrip(" '’\"”").endswith((",", "?", "!", "—")):
        return None
    m = _BARE_CLAUSE.match(a.rest)
    if m is None or m.group(2) in ctx.words.clause_verbs or m.group(2) in _AUXILIARY_WORDS:
        return None
    hit = subject(ctx, a.base, a.base + m.start(2), m.group(2))
    return hit if hit is not None and hit.kind in ("name", "pronoun") and good(ctx, hit) else None


def _modifies_noun(ctx: Context, span, a: After) -> bool:
    """A bare quotation between a possessive and a noun modifies the noun: 'Roe's "keep
    your plan" promise that ...' (no comma, question mark or dash sets it off from a clause
    after it, as in '"...," said X')."""
    inner = a.inner.rstrip(" '’\"”")  # a nested quotation's closing mark: "... 'above the law,' "
    if inner.endswith((",", "?", "!", "…", "—", "-", ".")) or re.search(r"[,—–\-]", ctx.masked[span.end:a.base]):
        return False
    return bool(POSSESSOR_BEFORE.search(ctx.masked, max(0, span.start - 80), span.start))


def _window(ctx: Context, span, pe: int) -> After:
    """From the closing mark to the end of its sentence (or the next quotation); past a
    second quoted fragment of the same sentence ("A" was to be a "B," said X.)."""
    body = ctx.body
    stop = ctx.next_open(span.end, pe)
    first = _NONBLANK.search(body, span.end, stop)
    nxt = first.start() if first else stop
    end = min(stop, ctx.sentence_end(nxt))
    if end <= span.end:
        end = stop
    # (not when the narrative's sentence ends right before that quotation: '"A," Roe
    # started. "B," Lee said.' - Lee's clause is not Roe's quote's)
    if end == stop < pe and not ctx.ends_sentence(span) and (first is None or ctx.sentence_end(nxt) > stop):
        k = bisect.bisect_left(ctx.inside_starts, stop)
        if k < len(ctx.inside) and ctx.inside[k][0] == stop:
            close = ctx.inside[k][1]
            end2 = min(ctx.next_open(close, pe), ctx.sentence_end(close))
            # past a fragment that ends in a comma or a dash, or a short one (a scare quote:
            # '"A," aside from the two "casually" knowing each other, said X')
            if end2 > close and (re.search(r"[,—–-]\s*[\"”’']?$", ctx.masked[stop:close])
                                 or len(_WORD.findall(body[stop:close])) <= SHORT_FRAGMENT):
                end = end2
    seg = ctx.masked[span.end:end]
    lead = re.match(r"[\s,;:—–\-]*", seg).end()
    rest = seg[lead:]
    inner = body[span.inner_start:span.inner_end].rstrip()
    closed_sentence = inner.endswith((".", "!", "?", "…")) or body[span.end - 2:span.end - 1] == "."
    return After(rest, span.end + lead, end, inner, closed_sentence and rest[:1].isupper())


def _subject_first(ctx: Context, a: After) -> Hit | None:
    """Subject first: "Tan said", "he added", "X, a spokesman for Y, said". The first
    verb whose subject can be a source wins; else the first plausible subject."""
    first = None
    co = _COORDINATED.match(a.rest) if not a.new_sentence else None
    for vm in LOWER_WORD.finditer(a.rest):
        if co is not None and co.end() <= vm.start():
            break  # the verb is past "and": a clause of its own, not the quote's
        if vm.start() > VERB_REACH:
            break
        if not is_verb(ctx, a.rest, vm, after=True) or vm.group(1).endswith("ing"):
            continue  # a participle's subject is not the phrase before it ("without reporters asking")
        hit = _inverted_mid_sentence(ctx, a, vm)
        if hit is not None:
            return hit
        if _clause_ended(ctx, a, vm):
            break
        if not a.new_sentence and _CONDITION.match(a.rest[:vm.start()]):
            continue  # '"...consider it" if Facebook offered': a condition, not who spoke
        hit = subject(ctx, a.base, a.base + vm.start(), vm.group(1))
        if hit is not None and good(ctx, hit):
            return hit
        if not junk(ctx, hit):
            first = first or hit
    return first


def _inverted_mid_sentence(ctx: Context, a: After, vm) -> Hit | None:
    """The quote's sentence goes on, then ``, said X``: the inverted clause, when X is a
    source the article can name."""
    rest, verb = a.rest, vm.group(1)
    if a.new_sentence or vm.start() == 0 or not re.search(r",[\"”’']?\s+$", rest[:vm.start()]) \
            or verb.endswith("ing") or verb in ctx.words.addressee_verbs \
            or not _INVERTED_OBJECT.match(rest[vm.end():]):
        return None
    tail = rest[vm.end():]
    hit = object_phrase(ctx, a.base + vm.end() + len(tail) - len(tail.lstrip()), a.end, verb)
    if hit is not None and good(ctx, hit) and resolve(ctx, hit) is not None:
        return hit
    return None


def _clause_ended(ctx: Context, a: After, vm) -> bool:
    """The verb is past the quote's own clause: a new sentence that is not only a
    reporting clause, or a verb inside a that/which/when clause."""
    rest = a.rest
    if a.new_sentence and not short_clause(rest, vm) and not (
            a.inner.endswith(("?", "!")) and len(rest[:vm.start()].split()) <= 6
            and not _THAT_CLAUSE.match(rest[vm.end():])):
        # a question or an exclamation takes no comma before its clause:
        # "...?" Trump asked reporters during ... is still the clause
        return True
    return bool(_IN_CLAUSE.search(rest[:vm.start()]))


def short_clause(rest: str, vm) -> bool:
    """``"...." Tan said.`` - a new sentence that is only the reporting clause, or one
    that goes on with a circumstance (``Tan wrote in an email to staff.``)."""
    tail = rest[vm.end():]
    if len(rest[:vm.start()].split()) > 8:
        return False
    if _NO_OBJECT.match(tail) and len(rest[:vm.start()].split()) <= 4:
        return True  # "Roe went on, as if ...": the verb takes no object, the clause reports
    if _CIRCUMSTANCE.match(tail) and not _THAT_CLAUSE.match(tail):
        return True
    m = re.match(r"[^.!?]{0,60}[.!?]", tail)
    if not m:
        return False
    return not _GOES_ON.search(m.group(0)) or len(m.group(0).split()) <= 4
