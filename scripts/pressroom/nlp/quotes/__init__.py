"""Direct quotes: which quoted spans are speech, and who said them.

Pure: ``find_quotes(body, scan, entities)`` returns ``Quote`` records whose offsets span the
quote marks in the body. The rules follow how news English attributes a quotation:

    context     the article as the rules read it (masked quotations, sentences, mentions)
    kind        speech, or a scare quote / title of a work
    cues        the reporting clause: a cascade over after (``"...," said Tan``), before
                (``Tan said: "..."``, ``according to``), the interrupted quotation, a credit line
    phrases     the noun phrase next to the reporting verb: name, pronoun, description
    sentence    the subject of a sentence (for participles, colon intros, salience)
    resolve     the mention as the article's person or organisation (names, roles)
    antecedent  he/she as the most salient earlier person of that gender
    carry       a quote with no clause of its own: the sentence's subject, a colon or
                statement introducing it, the quote before it
    words       the vocabulary (data/quotes/, speech_verbs.yml, attribution.yml), compiled

A speech quote's speaker, in order: its own clause; the speaker of its running quotation;
a possessive before it (``Obama's "..." promise``); the subject of its sentence; carried
over from before. An unnamed source
stays as the article describes it ("Nevada Democrat"); an unresolved pronoun stays None.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import Lexicon, load
from ..marks import Scan
from ...model import Entities, Quote
from .carry import carry_over, possessed_words, sentence_source
from .context import Context, Hit
from .cues import credit_of, cue
from .kind import kind, title_case
from .resolve import resolve

__all__ = ["find_quotes"]
_WORD = re.compile(r"\w+")


def find_quotes(body: str, scan: Scan, entities: Entities, lex: Lexicon | None = None) -> tuple[Quote, ...]:
    ctx = Context(body, scan, entities, lex or load())
    runs: dict[int, tuple] = {}  # run number -> the speaker of its first attributed paragraph
    for span in scan.spans:
        if credit_of(ctx, span) is not None:
            continue  # a credit line inside a quotation's closing mark: not a quotation itself
        text = body[span.inner_start:span.inner_end]
        hit = cue(ctx, span)
        verb = hit.verb if hit is not None else None
        k = kind(text, hit, verb, span, ctx.words.title_small_words, ctx.masked)
        if k == "scare" and hit is None and _phrase_of_subject(ctx, span, text):
            k = "speech"
        speaker = start = end = None
        if k == "speech":
            if hit is not None:
                ctx.hits.append((span.start, hit))
            speaker, start, end = _speaker(ctx, span, hit, runs)
            if speaker is not None or hit is not None:
                runs.setdefault(span.run, (speaker, start, end))
        ctx.add(Quote(span.start, span.end, text.strip(), k, speaker, start, end, verb, span.run))
    return tuple(_whole_runs(ctx.quotes, runs))


def _phrase_of_subject(ctx: Context, span, text: str) -> bool:
    """A quoted phrase of four or five words (not a title) in a sentence whose subject is a
    person or organisation of the article, with no reporting verb: the subject's words,
    quoted in part ('Roe ripped the board for acting as "the judge and the jury"')."""
    words = _WORD.findall(text)
    if not 4 <= len(words) <= 5 or title_case(words, ctx.words.title_small_words):
        return False
    found = sentence_source(ctx, span)
    return found is not None and found[0] is not None


def _speaker(ctx: Context, span, hit: Hit | None, runs: dict) -> tuple:
    """(speaker, mention start, mention end) of a speech quote."""
    if hit is not None:
        return resolve(ctx, hit), hit.start, hit.end
    if span.run in runs:
        return runs[span.run]
    return possessed_words(ctx, span) or sentence_source(ctx, span) or carry_over(ctx, span)


def _whole_runs(quotes: list[Quote], runs: dict) -> list[Quote]:
    """A quotation running over paragraphs is attributed as a whole."""
    out = []
    for q in quotes:
        if q.kind == "speech" and q.speaker is None and runs.get(q.run, (None,))[0] is not None:
            sp, a, b = runs[q.run]
            q = replace(q, speaker=sp, speaker_start=a, speaker_end=b)
        out.append(q)
    return out
