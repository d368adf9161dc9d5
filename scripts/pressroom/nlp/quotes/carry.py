"""A speech quote with no reporting clause of its own: whose words are they?

News convention, tried in order (``CARRY_RULES``, after ``sentence_source``):
- a quote inside a sentence with no reporting verb is its subject's words (``Trump called
  the merger "a terrible deal"``);
- ``X said:`` at the end of the sentence or paragraph before introduces it;
- ``X said in a statement.`` just before: the quote opening the next sentence or paragraph
  is what X said;
- ``X has argued that ...`` just before, in the paragraph: a quote in a sentence with no
  source of its own goes on with X's report;
- otherwise it continues the speaker of the quote just before it, in its paragraph or the
  one above.
Each answer is (speaker, mention start, mention end).
"""
from __future__ import annotations


import bisect
import re

from .after import POSSESSOR_BEFORE
from .before import clause_before
from .context import Context, Hit, Point
from .phrases import good
from .sentence import sentence_subject
from .resolve import owner_of_words, resolve
from .words import rx

# a subject followed by its verb (a parenthesis, an apposition, adverbs between)
_VERB_FOLLOWS = rx(r"(?:\s*\([^()]{0,30}\))?(?:,[^,]{1,120},)?\s+(?:(?:[a-z]+ly|<between_subject_and_verb>)\s+)*[a-z]+")

# a noun right after a quotation: 'Roe's "..." promise'
_WORDS_NOUN_AFTER = re.compile(r"\s*([a-z][a-z\-]*)\b")
Answer = tuple  # (speaker | None, start | None, end | None)


def sentence_source(ctx: Context, span) -> Answer | None:
    """``Trump called the merger "a terrible deal"``: with no reporting verb, a quote
    inside a sentence belongs to the subject of that sentence when it is a person or an
    organisation the article names (or he/she resolved to one)."""
    if span.open is None:
        return None
    ps, _ = ctx.para_of(span.start)
    # back past the scare quotes of the sentence ("... a lament for the "countless Americans"
    # who are "victims" of ... "dangerous criminals.""): they are the narrative's words
    s0 = max(ps, ctx.sentence_start(span.start), ctx.prev_speech_close(span.start, ps))
    lead = ctx.masked[s0:span.start]
    if len(lead.split()) < 2 or ":" in lead[-3:]:
        return None
    hit = sentence_subject(ctx, s0, span.start, None)
    if hit is None or hit.kind == "role" and not owner_of_words(ctx, hit):
        return None  # but "his response focused on ...": a person's words
    if hit.kind == "pronoun":
        if hit.text not in ctx.words.pronoun_genders:
            return None
    elif hit.kind == "name" and ctx.person_at(hit.start, hit.end) is None and ctx.org_at(hit.start, hit.end) is None:
        return None  # (a description passed above as a person's words: "his response")
    # the subject must be followed by its verb, not be the object of a preposition
    after = ctx.masked[hit.end:span.start]
    if not _VERB_FOLLOWS.match(after):
        return None
    speaker = resolve(ctx, hit)
    if speaker is None:
        return None
    return speaker, hit.start, hit.end


def possessed_words(ctx: Context, span) -> Answer | None:
    """``Obama's "if you like your plan, you can keep it" promise``: a quotation between a
    name's possessive and a noun for words (promise, slogan, statement) is that person's or
    organisation's."""
    if span.open is None or span.close is None:
        return None
    pm = POSSESSOR_BEFORE.search(ctx.masked, max(0, span.start - 80), span.start)
    nm = _WORDS_NOUN_AFTER.match(ctx.masked, span.end)
    if pm is None or nm is None:
        return None
    w = ctx.words
    if nm.group(1) not in w.utterance_nouns and nm.group(1) not in w.document_nouns:
        return None
    hit = Hit("name", pm.group(1), pm.start(1), pm.end(1))
    found = ctx.person_at(hit.start, hit.end) or ctx.org_at(hit.start, hit.end)
    if found is None:
        return None
    return found.name, hit.start, hit.end


def carry_over(ctx: Context, span) -> Answer:
    """The speaker of a quote with no reporting clause, by the first rule that answers."""
    ps, _ = ctx.para_of(span.start)
    prev_paras = [p for p in ctx.paras if p[1] < ps]
    prev = prev_paras[-1] if prev_paras else None
    for rule in CARRY_RULES:
        found = rule(ctx, span, ps, prev)
        if found is not None:
            return found
    return None, None, None


def _lead(ctx: Context, span, ps: int) -> str:
    """The narrative of the quote's sentence before its opening mark."""
    return ctx.masked[max(ctx.sentence_start(span.start), ps):span.start].rstrip()


def _colon_intro(ctx: Context, span, ps: int, prev) -> Answer | None:
    """``X said:`` at the end of the sentence before the quote, or of the paragraph above."""
    sstart = ctx.sentence_start(span.start)
    lead = _lead(ctx, span, ps)
    # the paragraph above only when the quote's sentence opens its paragraph
    above = (prev[0], prev[1]) if prev and sstart <= ps else (0, 0)
    for a, b in ((ctx.sentence_start(max(ps, sstart - 1)), sstart), above):
        text = ctx.masked[a:b].rstrip()
        if b > a and text.endswith(":") and (a == sstart or not lead):
            s0 = ctx.sentence_start(a + len(text) - 1)
            hit = clause_before(ctx, Point(a + len(text)), max(a, s0))
            if hit:
                return resolve(ctx, hit), hit.start, hit.end
    return None


def _statement_before(ctx: Context, span, ps: int, prev) -> Answer | None:
    """``X said in a statement.`` or ``X tweeted a warning.`` just before: the quote that
    opens the next sentence or paragraph is what X said."""
    last = ctx.last_speech()
    sstart = ctx.sentence_start(span.start)
    if _lead(ctx, span, ps) or (last is not None and last.start >= ps):
        return None
    b = sstart if sstart > ps else (prev[1] if prev else 0)
    a = ctx.sentence_start(max(0, b - 1)) if b > 0 else 0
    text = ctx.masked[a:b].rstrip()
    if text and b - a < 400 and not ctx.speech_between(a, b):
        hit = clause_before(ctx, Point(a + len(text)), a, first_verb=True)
        if hit is not None and good(ctx, hit) and hit.verb not in (None, ":") and (
                not hit.verb.endswith("ing") or hit.kind in ("name", "pronoun")):
            return resolve(ctx, hit), hit.start, hit.end
    return None


def _reported_just_before(ctx: Context, span, ps: int, prev) -> Answer | None:
    """``Brill has argued that the law was crippled. As a result, there's still "a very
    powerful industry ..."``: a quote inside a sentence with no source of its own, right
    after a sentence of the same paragraph that reports a named person's (or he/she's)
    words, goes on with that report."""
    sstart = ctx.sentence_start(span.start)
    if not _lead(ctx, span, ps) or sstart <= ps:
        return None
    a = max(ps, ctx.sentence_start(sstart - 1))
    text = ctx.masked[a:sstart].rstrip()
    if not text or sstart - a > 400 or ctx.speech_between(a, span.start):
        return None
    hit = clause_before(ctx, Point(a + len(text)), a, first_verb=True)
    if hit is None or hit.kind not in ("name", "pronoun") or hit.verb in (None, ":") or hit.verb.endswith("ing"):
        return None
    speaker = resolve(ctx, hit)
    return (speaker, hit.start, hit.end) if speaker else None


def _previous_quote(ctx: Context, span, ps: int, prev) -> Answer | None:
    """The speaker of the speech quote just before, in this paragraph or the one above."""
    last = ctx.last_speech()
    if last is not None and (last.start >= ps or (prev and last.start >= prev[0])):
        return last.speaker, last.speaker_start, last.speaker_end
    return None


def _speaker_discussed_above(ctx: Context, span, ps: int, prev) -> Answer | None:
    """A quote opening its paragraph after a paragraph about the last speaker, with no
    quote of its own ("..., Viguerie notes. / Viguerie is upbeat about ... / "Not only
    can ..."): the last speaker goes on."""
    last = ctx.last_speech()
    if last is None or last.speaker is None or prev is None or ctx.sentence_start(span.start) > ps:
        return None
    k = bisect.bisect_left(ctx.para_starts, prev[0])
    if k == 0 or not ctx.paras[k - 1][0] <= last.start <= ctx.paras[k - 1][1]:
        return None  # the last speech quote is not in the paragraph before the one above
    if ctx.speech_between(prev[0], prev[1] + 1):
        return None
    hit = sentence_subject(ctx, prev[0], ctx.sentence_end(prev[0]), None)
    if hit is None or hit.kind == "role" or resolve(ctx, hit) != last.speaker:
        return None
    return last.speaker, last.speaker_start, last.speaker_end


CARRY_RULES = (_colon_intro, _statement_before, _reported_just_before, _previous_quote, _speaker_discussed_above)
