"""The reporting clause before a quotation: ``Tan said: "..."``, ``Tan said that "..."`` (a
mixed quote), ``X, a spokesman for Y, said, "..."``, ``according to X, "..."``, ``Said X,
"..."``, ``as X put it, "..."``, ``X issued the following statement: "..."``, ``Trump: "..."``.

The clause is read in the narrative from the sentence start (or the quotation before, in
the same sentence) to the opening mark, as a cascade of rules (``BEFORE_RULES``) tried in
order; the rule on reporting verbs tries each verb from the nearest back, with its own
cascade (``VERB_RULES``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from .after import LOWER_WORD
from ..entities import CONNECTORS
from .context import Context, Hit
from .phrases import good, is_verb, junk, object_phrase, subject
from .sentence import sentence_subject
from .resolve import owner_of_words, resolve
from .words import rx, words_of

# a newsletter's credit after its headline: "Headline - Jo Roe:", "Headline - Acme Research:"
_BYLINE = re.compile(r"\s[-—–]+\s+([A-Z][^-—–:]{0,60}?)\s*:\s*$")
_OPENING_VERB = rx(r"(?:^\s*|[.;:]\s+)<opening_inverted_verbs:cap>\s+(?!<not_after_opening_verb>\b)(?=[A-Za-z])")
_PUT_IT = rx(r"<reporting_phrases_with_it>\b")
_OBJECT_BEFORE = rx(r"\b<prepositions>\s+(?:[a-z]+\s+){0,3}$")
_PARTICIPLE_LEAD = rx(r"(?:,[\"”’']?|\b<participle_leads>)\s*$")
_SECOND_VERB = rx(r"\b<second_verb_leads>(?:\s+(?:<between_subject_and_verb>|[a-z]+ly))*\s*$")
_NOUN_FORM = rx(r"\b<articles+possessives+first_person_possessives+demonstratives>\s+(?:([a-z\-]+)\s+)?$")
_INVERTED_OBJECT = rx(r"\s+(?:[A-Z]|<description_openers>\s)")
_SUBORDINATE = rx(r"\s*<subordinators:cap>\s[^,;:]*$")
_RELATIVE = rx(r"\b<speech_complementizers+relative_pronouns>\s*$")
_INFINITIVE = rx(r"\b<infinitive_markers>\s+$")
_OWN_INFINITIVE = rx(r"\b<verbs_before_to>\s+<infinitive_markers>\s+$")
_CAUSED_INFINITIVE = rx(r"\b<causative_verbs>\b[^;:]{0,160}\b<infinitive_markers>\s+$")
_AUXILIARY = rx(r"\b<auxiliaries>\s+$")
_POSSESSIVES = words_of("possessives")
_BEFORE_PARTICIPLE = re.compile(r"[\w’']\s+((?:[a-z]+ly\s+)?)$")
# a document and whom it went to, right before a participle: "an email to supporters saying"
_SENT_TO = rx(r"\b([a-z\-]+)\s+<addressee_prepositions>\s+(?:<articles+possessives>\s+)?(?:[\w\-’']+\s+){0,2}$")
# a name, then a participle ("Jo Roe tweeting", "Roe later adding")
_NAMED_PARTICIPLE = re.compile(r"([A-Z][\w.\-’']*)\s+(?:[a-z]+ly\s+)?([a-z]+ing)\b")
# a name, its comma and "who" right before a verb: "Jo Roe, who said"
_NAME_COMMA_WHO = rx(r"([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}),\s+<relative_pronouns>\s+(?:(?:[a-z]+ly|<between_subject_and_verb>)\s+)*$")
_PROGRESSIVE = rx(r"\b<be_auxiliaries>\s+(?:[a-z]+ly\s+)?$")
_AUXILIARIES = rx(r"(?:\s*\b<auxiliaries+verbs_before_to>\b)+\s*$")

# How far before a quote its reporting clause is looked for: at most this many characters
# (a clause with a long apposition runs to several hundred), and past at most this many
# earlier quotes of the same sentence ("X said that "a" and "b"").
REACH = 3000
PAST_QUOTES = 8
_LETTER = re.compile(r"[^\W\d_]")
SKIP = object()  # a verb rule's answer "not this verb": the next verb back is tried


@dataclass
class Before:
    """The narrative before an opening mark: ``seg`` = masked[begin:span.start]."""

    span: object
    ps: int  # the paragraph's start
    begin: int
    floor: int  # nothing before it is read
    seg: str
    verbs: list = field(default_factory=list)  # the reporting verbs found in seg
    fallback: Hit | None = None  # the first plausible subject of a verb, when none was good
    first_verb: bool = False  # verbs tried from the sentence's first on (else nearest the quote first)


def clause_before(ctx: Context, span, ps: int, past_quotes: bool = False, first_verb: bool = False) -> Hit | None:
    """The mention of the reporting clause before the quotation, or None. With
    ``past_quotes``, the clause is read back past the quotations before it in the sentence
    ('X said A is "b" and "c"'); with ``first_verb``, the sentence's main reporting verb
    is its first ("CNN reported that Petraeus testifies ...": CNN)."""
    begin = max(ps, ctx.sentence_start(span.start))
    if not past_quotes:
        begin = max(ctx.prev_speech_close(span.start, ps), begin)
    elif begin >= ctx.prev_close(span.start, ps):
        return None  # no quotation before it in the sentence: nothing new to read
    # Reading the whole run-on "sentence" again for every quote in it made hostile input
    # quadratic: the window reaches back past at most PAST_QUOTES earlier quotes and
    # REACH characters. When that cuts the sentence, only a name or a pronoun is taken:
    # a description read from the middle of a long clause could be anything.
    floor = max(span.start - REACH, ctx.nth_quote_before(span.start, PAST_QUOTES))
    start = max(begin, floor)
    seg = ctx.masked[start:span.start]
    if not _LETTER.search(seg):
        # The quote opens the sentence (a colon at the end of the previous one), or
        # nothing but marks and digits stand before it.
        return None
    b = Before(span, ps, start, floor, seg, first_verb=first_verb)
    hit = _first(ctx, b)
    if hit is not None and floor > begin and hit.kind not in ("name", "pronoun"):
        return None
    return hit


def _first(ctx: Context, b: Before) -> Hit | None:
    for rule in BEFORE_RULES:
        hit = rule(ctx, b)
        if hit is not None:
            return hit
    return b.fallback


def colon_at_end(seg: str) -> int | None:
    """Where the blank before seg's final colon starts ("... Shaw :  " -> at " :"), if seg
    ends with a colon: what a search for blanks, a colon and blanks at the end found, without
    its quadratic time on a long run of blanks."""
    stripped = seg.rstrip()
    if not stripped.endswith(":"):
        return None
    return len(stripped[:-1].rstrip())


# -- the rules, in the order they are tried ------------------------------------------------------
def _according_to(ctx: Context, b: Before) -> Hit | None:
    """``according to X, "..."``: the last such phrase, with no sentence break after it."""
    m = None
    for m in ctx.words.according_to.finditer(b.seg):
        pass
    if m and not re.search(r"[.;]", b.seg[m.end():]):
        hit = object_phrase(ctx, b.begin + m.end(), b.span.start, "according to")
        # "said that according to its analysis, ...": whose analysis the phrase does not
        # say; the reporting verb's subject does
        return hit if hit is not None and not _owned_by_pronoun(ctx, hit) else None
    return None


def _owned_by_pronoun(ctx: Context, hit: Hit) -> bool:
    """A description owned by a pronoun, with no name in it, that is no person: "its
    analysis" (but "his personal physician" is a source)."""
    words = hit.text.split()
    return hit.kind == "role" and words[0].lower() in _POSSESSIVES and not any(w[:1].isupper() for w in words[1:]) \
        and not _person_noun(ctx, words[-1])


def _opening_inverted_verb(ctx: Context, b: Before) -> Hit | None:
    """``Said Comey, "..."``: the inverted verb opens the sentence; the name after it."""
    m = _OPENING_VERB.search(b.seg)
    if m:
        hit = object_phrase(ctx, b.begin + m.end(), b.span.start, m.group(0).strip(" .;:").lower())
        if hit is not None and hit.kind != "pronoun" and good(ctx, hit):
            return hit  # not "Asked a direct question about it, Roe said"
    return None


def _newsletter_byline(ctx: Context, b: Before) -> Hit | None:
    """A newsletter's ``Headline - Jo Roe:``: the person after the dash, whatever the
    headline says; else the source named there in capitals (``- Harbor Survey Lab:``, an
    outlet or a body the entity list may not know)."""
    m = _BYLINE.search(b.seg)
    if m is None:
        return None
    person = colon_person(ctx, b.begin, b.seg)
    if person is not None:
        return person
    words = m.group(1).split()
    if all(w[:1].isupper() or w in CONNECTORS for w in words) and words[-1][:1].isupper():
        return Hit("name", m.group(1), b.begin + m.start(1), b.begin + m.end(1), ":")
    return None


def _phrase_cue(ctx: Context, b: Before) -> Hit | None:
    """A phrase that reports, near the quotation: ``Trump issued a statement: ...``, ``as
    Roe put it, ...``; ``Jo Roe issued the following statement regarding the ruling.``: the
    next quotation is the statement, however long the sentence goes on."""
    w = ctx.words
    for cues, tail in ((w.following, r"[^;!?\"“”]{0,240}[.:]?\s*"), (w.phrase_cues, r"[^.;!?]{0,80}[,:]?\s*")):
        pm = None
        for pm in cues.finditer(b.seg):
            pass
        if pm and re.fullmatch(tail, b.seg[pm.end():]):
            cue = pm.group(0)
            at = b.begin + pm.start()
            hit = subject(ctx, b.begin, at, cue) or sentence_subject(ctx, b.begin, at, cue)
            if hit is not None and good(ctx, hit):
                return hit
    return None


def _reporting_verb(ctx: Context, b: Before) -> Hit | None:
    """The reporting verbs of the segment, nearest the quotation first, each tried with the
    verb rules; a verb whose subject is plausible but not a source is kept as the fallback."""
    w = ctx.words
    seg = b.seg
    b.verbs = [vm for vm in LOWER_WORD.finditer(seg)
               if is_verb(ctx, seg, vm) or vm.group(1) in w.calling_verbs
               or _PUT_IT.match(seg, vm.start())]
    for vm in (b.verbs if b.first_verb else reversed(b.verbs)):
        for rule in VERB_RULES:
            out = rule(ctx, b, vm)
            if out is SKIP:
                break
            if out is not None:
                return out
    return None


def _person_before_colon(ctx: Context, b: Before) -> Hit | None:
    """``... doesn't surprise Republican pollster Daron Shaw: "..."``: a person named right
    before the colon introduces the quotation (unless a verb's subject is a named person)."""
    f = b.fallback
    if colon_at_end(b.seg) is not None and (f is None or f.kind != "name" or ctx.person_at(f.start, f.end) is None):
        return colon_person(ctx, b.begin, b.seg)
    return None


def _verb_subject(ctx: Context, b: Before) -> Hit | None:
    """The subject of a reporting verb that is plausible, if not surely a source (but
    not a description before a colon: ``sent a curt reply to Roe:``)."""
    f = b.fallback
    if f is not None and not (b.seg.rstrip().endswith(":") and f.kind == "role"):
        return f
    return None


def _name_alone_before_colon(ctx: Context, b: Before) -> Hit | None:
    """``More from Jones:`` / ``Trump: "..."``: a name right before a colon, no verb."""
    m = re.search(r"(?:^\s*|\b[Ff]rom\s+)([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\s*:\s*$", b.seg)
    if m and not b.verbs:
        hit = subject(ctx, b.begin, b.begin + m.end(1), None)
        if hit and hit.kind == "name":
            return hit
    return None


def _subject_of_colon_sentence(ctx: Context, b: Before) -> Hit | None:
    """``Jane Roe released the following statement:`` - the subject of the sentence (a
    person's words too: ``Hoff's letter makes a case:``)."""
    if b.seg.rstrip().endswith(":"):
        hit = sentence_subject(ctx, b.begin, b.span.start, ":")
        if hit and (hit.kind == "pronoun" or hit.kind == "name" and (b.fallback is None or resolve(ctx, hit))
                    or hit.kind == "role" and owner_of_words(ctx, hit)):  # "Hoff's letter makes a case:"
            return hit
    return None


BEFORE_RULES = (_according_to, _opening_inverted_verb, _newsletter_byline, _phrase_cue, _reporting_verb,
                _person_before_colon, _verb_subject, _name_alone_before_colon, _subject_of_colon_sentence)


def colon_person(ctx: Context, begin: int, seg: str) -> Hit | None:
    """A person named right before the colon that ends seg, not a preposition's object."""
    at = colon_at_end(seg)
    if at is None:
        return None
    colon = begin + at
    k = bisect.bisect_left(ctx.mention_starts, colon) - 1
    if k < 0 or ctx.mentions[k][1] != colon or ctx.mentions[k][0] < begin:
        return None
    s0, e0, _ = ctx.mentions[k]
    if _OBJECT_BEFORE.search(ctx.masked[max(begin, s0 - 40):s0]):
        return None
    return Hit("name", ctx.body[s0:e0], s0, e0, ":")


# -- one reporting verb: is its subject the source? ------------------------------------------------
def _participle_clause(ctx: Context, b: Before, vm):
    """A participle (``..., saying "..."``) or a second verb (``... and said``): the
    subject of the clause just before, else of the sentence."""
    verb, left = vm.group(1), b.seg[:vm.start()]
    participle = verb.endswith("ing") and (not left.strip() or _PARTICIPLE_LEAD.search(left))
    second = _SECOND_VERB.search(left)
    if not (participle or second):
        return None
    at = b.begin + vm.start()
    s0 = max(b.ps, ctx.sentence_start(b.span.start), b.floor)
    if ctx.hits and s0 <= ctx.hits[-1][0] < at and s0 <= ctx.hits[-1][1].start < at:
        # "X," Tan said, adding, "Y": the subject of the clause of the quote before
        return replace(ctx.hits[-1][1], verb=verb)
    # "..., Spicer said, adding": the subject of the reporting clause just before
    rm = re.search(r",\s+([^,;:]{1,60}?)\s+(?:[a-z]+ly\s+)?([a-z]+)(?:\s+[^,;:]{0,40})?,\s*$", ctx.masked[s0:at])
    if participle and rm and rm.group(2) in ctx.words.speech_verbs and not rm.group(2).endswith("ing"):
        hit = subject(ctx, s0 + rm.start(1), s0 + rm.start(2), verb)
        if hit is not None and hit.kind in ("name", "pronoun"):
            return hit
    if second and verb.endswith("ing"):
        hit = _earlier_participle_subject(ctx, s0, at, verb)
        if hit is not None:
            return hit
    hit = sentence_subject(ctx, s0, at, verb)
    return hit if hit is not None and (hit.kind != "role" or good(ctx, hit)) else SKIP


def _earlier_participle_subject(ctx: Context, s0: int, at: int, verb: str) -> Hit | None:
    """``with Jo Roe tweeting that ... and asking, "..."``: a participle joined to an
    earlier one of speech shares its subject, the name right before that one."""
    found = None
    for m in _NAMED_PARTICIPLE.finditer(ctx.masked, s0, at):
        if m.group(2) in ctx.words.speech_verbs:
            found = m
    if found is None:
        return None
    hit = subject(ctx, s0, found.start(2), verb)
    return hit if hit is not None and hit.kind == "name" and good(ctx, hit) else None


def _participle_after_subject(ctx: Context, b: Before, vm):
    """A participle right after a name or a person's noun takes it as its subject: ``with
    Trump reportedly yelling:``, ``the share of Republicans saying`` (not "people saying";
    not "a statement saying" or "an email to supporters saying": a document's issuer is the
    sentence's subject)."""
    verb, left = vm.group(1), b.seg[:vm.start()]
    m = _BEFORE_PARTICIPLE.search(left)
    if not verb.endswith("ing") or not m or _PROGRESSIVE.search(left):
        return None
    sent = _SENT_TO.search(left)
    if sent and (sent.group(1) in ctx.words.document_nouns or sent.group(1) in ctx.words.utterance_nouns):
        # "sent a text message to supporters saying:": the message says it, its sender speaks
        hit = sentence_subject(ctx, max(b.ps, ctx.sentence_start(b.span.start), b.floor), b.begin + sent.start(), verb)
        return hit if hit is not None and good(ctx, hit) else SKIP
    hit = subject(ctx, b.begin, b.begin + m.start(1), verb)
    if hit is None or not good(ctx, hit) or hit.kind == "role" and not _person_noun(ctx, hit.text.split()[-1]):
        return None
    return hit if hit.kind in ("name", "role") else None


def _person_noun(ctx: Context, word: str) -> bool:
    low = word.lower()
    w = ctx.words
    return any(f in w.speaker_nouns or f in w.role_words for f in (low, low[:-1] if low.endswith("s") else low))


def _not_reporting(ctx: Context, b: Before, vm):
    """A verb form that reports nothing here: "people saying", "a sign reading"; the
    verb's form as a noun ("sent a curt reply to Roe:")."""
    verb, left = vm.group(1), b.seg[:vm.start()]
    if verb.endswith("ing") and not _PROGRESSIVE.search(left):
        return SKIP  # but "Trump is questioning whether ..." is the sentence's verb
    w = ctx.words
    nm = _NOUN_FORM.search(left)
    sv = w.speech_verbs
    base = verb + "s" in sv or verb + "ed" in sv or verb + "d" in sv or verb[:-1] + "ied" in sv
    if nm and base and not (nm.group(1) and (nm.group(1) in w.speaker_nouns or nm.group(1) in w.group_nouns)):
        return SKIP
    return None


def _inverted_between_commas(ctx: Context, b: Before, vm):
    """``The paradox of Nancy, says Carl Anthony, historian at ..., is that``: an inverted
    clause between commas, its name followed by a comma."""
    verb, left, seg = vm.group(1), b.seg[:vm.start()], b.seg
    if re.search(r"\w,\s*$", left) and verb in ctx.words.speech_verbs and verb not in ctx.words.addressee_verbs and \
            _INVERTED_OBJECT.match(seg[vm.end():]):
        hit = object_phrase(ctx, b.begin + vm.end() + 1, b.span.start, verb)
        if hit is not None and hit.kind == "name" and re.match(r"\s*,", ctx.masked[hit.end:]):
            return hit
    return None


def _subordinate(ctx: Context, b: Before, vm):
    """A verb in an opening subordinate clause (``When Trump suggested ..., Rubio fired
    back:``: the main clause speaks), in a that/which clause, or an infinitive that is not
    the subject's own words (``seeking a leader to counter``)."""
    left, seg = b.seg[:vm.start()], b.seg
    if _SUBORDINATE.match(left) and re.search(r",\s+\S", seg[vm.end():]):
        return SKIP
    if _RELATIVE.search(left):
        return _person_before_who(ctx, b, left, vm.group(1)) or SKIP
    if _INFINITIVE.search(left) and not _OWN_INFINITIVE.search(left) and not _CAUSED_INFINITIVE.search(left):
        return SKIP
    return None


def _person_before_who(ctx: Context, b: Before, left: str, verb: str) -> Hit | None:
    """``The mayor met Jo Roe, who said the levy was "..."``: a relative clause of speech
    right after a person's name between commas reports that person's words."""
    m = _NAME_COMMA_WHO.search(left)
    if m is None:
        return None
    a, e = b.begin + m.start(1), b.begin + m.end(1)
    return Hit("name", m.group(1), a, e, verb) if ctx.person_at(a, e) is not None else None


def _after_auxiliary(ctx: Context, b: Before, vm):
    """``wants to say``, ``did not say``: still the subject's words when it opens the clause."""
    left = b.seg[:vm.start()]
    if not _AUXILIARY.search(left):
        return None
    left2 = _AUXILIARIES.sub("", left)
    return subject(ctx, b.begin, b.begin + len(left2), vm.group(1)) or SKIP


def _plain_subject(ctx: Context, b: Before, vm):
    """``Tan said``: the subject before the verb, when it can be a source; a plausible
    one is kept as the fallback."""
    hit = subject(ctx, b.begin, b.begin + vm.start(), vm.group(1))
    if hit and good(ctx, hit):
        return hit
    if not junk(ctx, hit):
        b.fallback = b.fallback or hit
    return SKIP


VERB_RULES = (_participle_clause, _participle_after_subject, _not_reporting, _inverted_between_commas, _subordinate, _after_auxiliary,
              _plain_subject)
