"""The reporting clause of a quotation, as a cascade of named rules (``CUE_RULES``) tried
in order; the first that finds a mention wins:

1. ``interrupted``: the clause that interrupts a quotation reports both halves
   (``"A," Axelrod tweeted, "B"``);
2. ``credited_report``: a clause after it, itself credited (``Roe said, according to X``);
3. ``after_good``: a clause after the quotation whose mention can be a source;
3. ``before``: a clause before it, unless the one after was plausible and this one is not;
4. ``before_past_fragment``: with no clause either side, back past an earlier quoted
   fragment of the sentence (``X said A is "b" and "c"``);
5. ``after_any``: the clause after it, even when its mention is only plausible;
6. ``credit_line``: a credit line under the quotation (``- Jane Roe.``);
7. ``closing_credit``: a credit line inside its closing mark (``"... cuts. / Jane Roe, Acme."``).
"""
from __future__ import annotations

import bisect
import re
from functools import cached_property

from .after import clause_after
from .before import clause_before
from .context import Context, Hit
from .phrases import good, name_object, object_phrase
from .words import rx, words_of

_NONBLANK = re.compile(r"\S")
# a credit after a reporting clause: ", according to X" / ", reports X"
_CREDIT = rx(r",\s+(?:<credit_phrases>)\s+")
_RECORDS = words_of("speech_records")
# a credit line: a name (after a few words of title), then perhaps its affiliation, a full stop
_CREDIT_LINE = re.compile(r"(?:[A-Za-z\-]+\s+){0,3}?[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){1,3}(?:,\s+[^,.;:!?\"“”]{2,80})?\.?")
_HEAD_END = rx(r"\s<prepositions>\s")  # "a transcript of the meeting": the head before "of"


class Clauses:
    """The clauses either side of one quotation, each read once and only when asked for."""

    def __init__(self, ctx: Context, span):
        self.ctx, self.span = ctx, span
        self.ps, self.pe = ctx.para_of(span.start)

    @cached_property
    def after(self) -> Hit | None:
        if self.span.close is None:
            return None
        return self.ctx.outside(clause_after(self.ctx, self.span, self.pe))

    @cached_property
    def before(self) -> Hit | None:
        if self.span.open is None:
            return None
        return self.ctx.outside(clause_before(self.ctx, self.span, self.ps))


def cue(ctx: Context, span) -> Hit | None:
    """The mention of the quotation's reporting clause (its verb in ``.verb``), or None."""
    c = Clauses(ctx, span)
    for rule in CUE_RULES:
        hit = rule(ctx, c)
        if hit is not None:
            return hit
    return None


def interrupted(ctx: Context, c: Clauses) -> Hit | None:
    """``"A," Axelrod tweeted, "B"``: the clause between the halves reports both."""
    span = c.span
    if span.open is None or not ctx.hits:
        return None
    pc = ctx.prev_close(span.start, c.ps)
    at, h = ctx.hits[-1]
    if c.ps < pc <= h.start and h.end <= span.start and at < pc and \
            re.fullmatch(r"[^.!?;]*[,:]\s*", ctx.masked[h.end:span.start]):
        return h
    return None


def after_good(ctx: Context, c: Clauses) -> Hit | None:
    return c.after if c.after is not None and good(ctx, c.after) else None


def credited_report(ctx: Context, c: Clauses) -> Hit | None:
    """``"...," Roe said, according to The Gazette.`` / ``said Roe, reports The Gazette``:
    the clause after the quotation is itself credited to a source, in the same sentence
    after a comma; that source is the one the report rests on, and the speaker of record."""
    h = c.after
    if h is None or h.kind == "pronoun" and h.text not in ctx.words.pronoun_genders:
        return None
    end = min(ctx.sentence_end(h.end), c.pe)
    m = _CREDIT.search(ctx.masked, h.end, end)
    if m is None or re.search(r"[.;:!?]", ctx.masked[h.end:m.start()]):
        return None
    hit = ctx.outside(object_phrase(ctx, m.end(), end, "according to"))
    if hit is None or hit.kind == "pronoun" or not good(ctx, hit) or \
            _HEAD_END.split(hit.text, maxsplit=1)[0].split()[-1].lower() in _RECORDS:
        return None  # "according to a transcript": a record of the words, not a source of them
    return hit


def before(ctx: Context, c: Clauses) -> Hit | None:
    b = c.before
    return b if b is not None and (c.after is None or good(ctx, b)) else None


def before_past_fragment(ctx: Context, c: Clauses) -> Hit | None:
    if c.before is None and c.after is None and c.span.open is not None:
        return ctx.outside(clause_before(ctx, c.span, c.ps, past_quotes=True))
    return None


def after_any(ctx: Context, c: Clauses) -> Hit | None:
    return c.after


def credit_line(ctx: Context, c: Clauses) -> Hit | None:
    """A credit line under the quotation: ``- Jane Roe.`` / ``—Jane Roe, tweeting``."""
    span, ps, pe = c.span, c.ps, c.pe
    if span.close is None or _NONBLANK.search(ctx.body, span.end, pe):
        return None
    k = ctx.paras.index((ps, pe)) if (ps, pe) in ctx.paras else -1
    if 0 <= k < len(ctx.paras) - 1:
        a, b = ctx.paras[k + 1]
        m = re.match(r"\s*[-—–]+\s*", ctx.body[a:b])
        if m and ctx.body[a + m.end():a + m.end() + 1].isupper():
            hit = object_phrase(ctx, a + m.end(), b, "—")
            if hit and hit.kind == "name":
                return hit
    return None


def closing_credit(ctx: Context, c: Clauses) -> Hit | None:
    """A quotation left open at its paragraph's end, closed after a credit line of its own
    (``"... cuts.`` / ``Jo Roe, Harbor Policy Institute."``): the name on that line."""
    span = c.span
    if span.close is not None or not ctx.spans:
        return None
    k = _index(ctx, span)
    return credit_of(ctx, ctx.spans[k + 1], after=span) if 0 <= k < len(ctx.spans) - 1 else None


def _index(ctx: Context, span) -> int:
    k = bisect.bisect_left(ctx.inside_starts, span.start)
    return k if k < len(ctx.spans) and ctx.spans[k] == span else -1


def credit_of(ctx: Context, span, after=None) -> Hit | None:
    """The name of a credit line that is all of an unopened quotation (``Jo Roe, Harbor
    Policy Institute."`` closing the quotation of the paragraph above), else None."""
    if span.open is not None or span.close is None:
        return None
    a, b = ctx.para_of(span.start)
    line = ctx.body[a:span.close].strip()
    if _NONBLANK.search(ctx.body, span.end, b) or not _CREDIT_LINE.fullmatch(line):
        return None
    k = _index(ctx, span)
    prev = after if after is not None else (ctx.spans[k - 1] if k > 0 else None)
    if prev is None or prev.close is not None or ctx.para_of(prev.start)[1] >= a:
        return None  # the quotation above must run open to its paragraph's end
    # the line lies inside the quotation, which the masked text blanks: read the text itself
    head = line.split(",", 1)[0].rstrip(".")
    hit = name_object(ctx, head, a + ctx.body[a:b].index(line[0]), "—")
    return hit if hit is not None and good(ctx, hit) else None


CUE_RULES = (interrupted, credited_report, after_good, before, before_past_fragment, after_any, credit_line,
             closing_credit)
