"""The noun phrase next to a reporting verb: who the clause names as the source.

- ``subject``: the phrase before the verb (``Tan said``, ``X, a spokesman for Y, said``):
  appositions between commas, adverbs and time phrases between subject and verb are skipped.
- ``object_phrase``: the phrase after an inverted verb (``said Sen. Jane Roe``) or after
  ``according to``.
- ``good``/``junk``: whether a mention can be a source at all; ``is_verb``: a reporting verb.

The subject of a whole sentence is read by ``sentence``.

Every phrase is a ``Hit``: a name (``Sen. Jane Roe``), a pronoun, or a description
(``the spokesman``, ``a senior official``, ``the ministry``), with offsets into the body.
"""
from __future__ import annotations

import bisect
import re

from ..entities import CONNECTORS
from .context import Context, Hit
from .words import rx, words_of

_PRONOUN_AT_END = rx(r"(?:^|[\s,;:(—–-])(<speaker_pronouns+other_subject_pronouns:both>|<relative_pronouns>)$")
PRONOUN_FIRST = rx(r"(<speaker_pronouns:both>)\b")
_DESCRIBED_PLACE = rx(r"(?:^|\s)(<articles:both>\s+(?:(?:[a-z\-]+\s+){0,2}([a-z\-]+)\s+<origin_prepositions>\s+"
                      r"[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,2}|([A-Z][a-z]+)))$")
_OPEN_APPOSITION = rx(r"([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}),\s+<relative_pronouns+articles>\s[^,;:()]*$")
_DESCRIPTION = rx(r"(?:^|[\s,;:(—–-])((?:(?:[\w\-.&]+[’']s?|<determiners>)\s+)?(?:[\w\-.&’']+\s+){0,4}?[a-z][a-z\-]*)$")
PHRASE_BREAKERS = words_of("coordinators", "speech_complementizers", "relative_pronouns", "subordinators", "prepositions",
                            "comparatives")
_OPEN_ROLE = rx(r",\s+(?:<articles>\s+)?(?:[a-z\-]+\s+){0,2}([a-z\-]+|[A-Z]{2,5})\s+<role_prepositions>\s[^,;:()]*$")
_RELATIVE_TO_VERB = rx(r",\s+<relative_pronouns>\s[^,;:()]*$")
_RELATIVE = rx(r",\s+<relative_pronouns>\s")
_OBJECT_OF = rx(r"\b<prepositions+list_conjunctions>\s+(?:[A-Z][\w.\-’']*\s+){0,3}$")
_BEFORE_SUBJECT = rx(r"(?:^|,)\s*(?:(?:<articles+possessives:both>|[A-Z][\w.\-’']*['’]s?)\s+)?(?:[\w\-’']+\s+){0,5}$")
# "the bureau's director, James Comey,", "An Israeli blogger, Tal Schneider,"
_DESCRIPTION_COMMA = rx(r"(?:^|,)\s*(?:<articles+possessives:both>|[A-Z][\w.\-’']*['’]s?)\s+(?:[\w\-’']+\s+){0,4}[a-z][\w\-]*,\s*$")
# a document and "to" before its addressee: "Roe's campaign email to "
_DOCUMENT_TO = rx(r"(?:^|[\s,;:(—–-])((?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*[’']s?\s+|<articles+possessives:both>\s+)"
                  r"(?:[\w\-]+\s+){0,2}?([a-z\-]+))\s+<addressee_prepositions>\s+$")
# a noun phrase, then a restrictive relative clause (no comma) running to the verb, holding a
# name or him/her/them
_RESTRICTIVE_RELATIVE = rx(r"(?:^|[\s,;:(—–-])((?:<determiners:both>\s+)?(?:[\w\-]+\s+){0,3}?[\w\-]+)\s+"
                           r"<relative_pronouns>\s+[a-z][^,;:()\"“”]*\b(?:[A-Z]|<object_pronouns>\b)[^,;:()\"“”]*$")
_CLAUSE_VERB = rx(r"\b<clause_verbs>\b")
# what an apposition may open with: a lower-case word, a number, a party-state ("R-Texas"),
# a possessive, or capitalised words before a lower-case word
_APPOSITION_START = re.compile(r"\s*(?:[a-z][\w\-’']*|\d[\w\-]*|[RDI]-[\w.]+|[A-Z][\w.\-]*['’]s?\b|(?:[A-Z][\w.\-’']*\s+){0,4}"
                               r"(?:[a-z]\w*|[A-Z][\w.]*['’]s))")
_NAME_OR_PRONOUN_END = rx(r"(?:[A-Z][\w.\-’']*|\)|\b<speaker_pronouns+relative_pronouns>)$")
_APPOSITION_OPENER = rx(r"\s*(?:<articles+relative_pronouns>|\d)")
_NAME_BREAKERS = words_of("name_breakers")
_APPOSED_NAME = rx(r",\s+((?:[a-z][\w\-]*\s+){0,3})([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})"
                   r"(?=\s*(?:[,.;:)]|$)|\s+<circumstance_prepositions+relative_pronouns>\b)")
_NOT_APPOSED = words_of("coordinators", "subordinators", "comparatives")
_THE = words_of("definite_articles")
_PREPOSITION = rx(r"\s<prepositions>\s")
_FIRST_PERSON = words_of("first_person_pronouns")
_NEXT_LOWER = re.compile(r"\s+([a-z]+)")
_PREV_LOWER = re.compile(r"\b([a-z]+)\s+$")
_LIGHT_VERBS = words_of("light_verbs")
_BLANK_LOWER = re.compile(r"\s*[a-z]")


# -- the subject before a verb -------------------------------------------------------------
def subject(ctx: Context, begin: int, verb_at: int, verb: str | None) -> Hit | None:
    """The subject of the verb at verb_at, read back from it in masked[begin:verb_at]."""
    w = ctx.words
    seg = ctx.masked[begin:verb_at].rstrip()
    if not seg:
        return None
    # a parenthetical between commas is blanked (offsets kept): "Roe, meanwhile, said"
    seg = w.parenthetical.sub(lambda m: " " * len(m.group(0)), seg)
    person = appositive_person(ctx, begin, seg, verb)
    if person is not None:
        return person
    seg = _strip_to_subject(ctx, seg)
    if not seg:
        return None
    end = begin + len(seg)
    relative = _head_of_relative(ctx, seg, begin, verb)
    if relative is not None:
        return relative
    pm = _PRONOUN_AT_END.search(seg)
    if pm:
        word = pm.group(1).lower()
        if word not in w.speaker_pronouns:
            return None
        return Hit("pronoun", word, begin + pm.start(1), end, verb)
    words = seg.split()
    last = words[-1] if words else ""
    if last[:1].isupper() or re.search(r"[A-Z][\w.\-’']*$", last):
        return _name_at_end(ctx, seg, begin, end, verb)
    return _open_apposition_name(ctx, seg, begin, verb) or _description(ctx, seg, begin, end, verb)


def _head_of_relative(ctx: Context, seg: str, begin: int, verb: str | None) -> Hit | None:
    """``Voters who spoke with Jo Roe on Monday said``: a name inside a restrictive relative
    clause is not the subject; the noun phrase the clause hangs on is (a person's noun, or
    a name: "Jo Roe who chairs the fund said")."""
    m = _RESTRICTIVE_RELATIVE.search(seg)
    if m is None:
        return None
    head = m.group(1)
    words = head.split()
    a = begin + m.start(1)
    if words[-1][:1].isupper():
        runs = ctx.runs(head)
        if runs and runs[-1].end >= len(head) - 1:
            r = runs[-1]
            return Hit("name", head[r.start:r.end], a + r.start, a + r.end, verb)
        return None
    hit = Hit("role", head, a, a + len(head), verb)
    return hit if good(ctx, hit) else None


def _strip_to_subject(ctx: Context, seg: str) -> str:
    """What stands between subject and verb taken away: adverbs, auxiliaries, time phrases,
    a parenthesis (``(R-Texas)``), an apposition (``, a spokeswoman for the Ministry,``)."""
    gap = ctx.words.gap_word
    for _ in range(3):
        old = seg
        seg = gap.sub("", " " + seg)[1:].rstrip() if gap.search(" " + seg) else seg
        seg = re.sub(r"\s*\([^()]{0,40}\)$", "", seg)  # (R-Texas), (D)
        if seg.endswith(","):
            seg = drop_apposition(ctx, seg)
        if seg == old:
            break
    return seg.rstrip(" ,")


def _name_at_end(ctx: Context, seg: str, begin: int, end: int, verb: str | None) -> Hit | None:
    """A subject ending in a capitalised word: a description ending in a name (``the senator
    from Vermont``, ``the Republican``), else the capitalised run right before the verb."""
    w = ctx.words
    dm = _DESCRIBED_PLACE.search(seg)
    if dm and ((dm.group(2) and (dm.group(2) in w.speaker_nouns or dm.group(2) in w.role_words))
               or (dm.group(3) and (dm.group(3).lower() in w.speaker_nouns or dm.group(3).lower() in w.resident_nouns))):
        return Hit("role", dm.group(1), begin + dm.start(1), end, verb)
    runs = ctx.runs(seg)
    if runs and runs[-1].end >= len(seg) - 1:
        r = runs[-1]
        return Hit("name", seg[r.start:r.end], begin + r.start, begin + r.end, verb)
    return None


def _open_apposition_name(ctx: Context, seg: str, begin: int, verb: str | None) -> Hit | None:
    """An apposition missing its closing comma: ``Jo Roe, who chairs the fund said``."""
    m = _OPEN_APPOSITION.search(seg)
    if not m:
        return None
    a, b = begin + m.start(1), begin + m.end(1)
    if ctx.person_at(a, b) is not None or (len(m.group(1).split()) > 1
                                           and m.group(1).split()[0].lower() not in ctx.lex.non_names):
        return Hit("name", m.group(1), a, b, verb)
    return None


def _description(ctx: Context, seg: str, begin: int, end: int, verb: str | None) -> Hit | None:
    """A description: ``the ministry``, ``a senior official``, ``Trump's spokeswoman``."""
    w = ctx.words
    m = _DESCRIPTION.search(seg)
    if not m:
        return None
    # cut the noun phrase at its left edge: the last determiner, possessive or clause word
    toks = m.group(1).split()
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k].lower()
        if t in PHRASE_BREAKERS:
            toks = toks[k + 1:]
            break
        if t in w.determiners or t.endswith(("’s", "'s")):
            toks = toks[k:]
            break
    if not toks:
        return None
    head = toks[-1].lower()
    if head in w.not_speakers or head in w.subject_pronouns or len(toks) == 1 and toks[0].lower() in w.determiners:
        return None
    if head in w.speech_verbs or head in w.calling_verbs or head.endswith("ed") and head not in w.speaker_nouns:
        return None
    s = begin + seg.rfind(toks[0]) if toks[0] in seg else begin
    sent = _document_sent_to(ctx, seg[:s - begin], begin, verb)
    return sent or Hit("role", " ".join(toks), s, end, verb)


def _document_sent_to(ctx: Context, left: str, begin: int, verb: str | None) -> Hit | None:
    """``Roe's campaign email to her supporters notes``: the addressee is not the subject;
    the document before "to" is (and its owner the speaker)."""
    m = _DOCUMENT_TO.search(left)
    if m is None or (m.group(2) not in ctx.words.document_nouns and m.group(2) not in ctx.words.utterance_nouns):
        return None
    return Hit("role", m.group(1), begin + m.start(1), begin + m.end(1), verb)


# -- appositions -----------------------------------------------------------------------------
def _open_role_apposition(ctx: Context, body: str) -> bool:
    """An apposition of a role and where it is held, missing its closing comma (wire
    style): ``Jo Roe, analyst with Acme Inc said``."""
    m = _OPEN_ROLE.search(body)
    noun = m.group(1).lower() if m else ""  # "president and CEO of X"
    # one person's role: "analysts at Acme Bank said" after "Unlike Jo Roe," is a subject of its own
    singular = not noun.endswith("s") or noun.endswith("ss")
    return singular and (noun in ctx.words.speaker_nouns or noun in ctx.words.role_words)


def appositive_person(ctx: Context, begin: int, seg: str, verb: str | None) -> Hit | None:
    """A person named in the subject with an apposition after them, the apposition
    holding other names: ``Mark Roe, chairman of Acme, the group's arm, said``;
    ``Jo Roe, who chairs Acme Fund said``; ``her adviser, Jo Roe, said``."""
    body = seg.rstrip()
    if not body.endswith(",") and not _RELATIVE_TO_VERB.search(body) \
            and not _open_role_apposition(ctx, body):
        return None
    lo = bisect.bisect_left(ctx.mention_starts, begin)
    hi = bisect.bisect_left(ctx.mention_starts, begin + len(body))
    for s0, e0, _ in ctx.mentions[lo:hi]:
        a, b = s0 - begin, e0 - begin
        if _apposed(ctx, body, a, b):
            return Hit("name", seg[a:b], s0, e0, verb)
    return None


def _apposed(ctx: Context, body: str, a: int, b: int) -> bool:
    """Is the name at body[a:b] the subject, with an apposition running from it to the verb?"""
    tail = body[b:]
    if not tail.startswith(","):
        return False
    if _OBJECT_OF.search(body[:a]):
        return False  # the object of a preposition: "a spokesman for Jo Roe, ..."
    if body[:a].strip() and not _BEFORE_SUBJECT.search(body[:a]):
        return False
    if tail.strip() == ",":
        # "her senior policy adviser, Jo Roe, said": the name after a description
        return bool(_DESCRIPTION_COMMA.search(body[:a]))
    relative = _RELATIVE.match(tail)
    if not relative and _CLAUSE_VERB.search(tail):
        return False  # the tail is a clause of its own, not an apposition
    # the apposition must run to the verb: no other subject after it
    return bool(relative) or bool(_APPOSITION_START.match(tail, 1))


def drop_apposition(ctx: Context, seg: str) -> str:
    """``Jane Roe, a spokeswoman for the Ministry,`` -> ``Jane Roe``; ``X, 54,`` -> ``X``."""
    start = _APPOSITION_START
    body = seg[:-1]
    commas = [m.start() for m in re.finditer(",", body)]
    for c in reversed(commas):
        before = body[:c].rstrip()
        if not before:
            continue
        if not start.match(body, c + 1):
            continue
        if _NAME_OR_PRONOUN_END.search(before) or re.search(r"\b[a-z]+$", before):
            # prefer the leftmost comma after a name: "X, director of A, B and C,"
            for c2 in commas:
                if c2 >= c:
                    break
                b2 = body[:c2].rstrip()
                if re.search(r"[A-Z][\w.\-’']*$", b2) and start.match(body, c2 + 1) and \
                        _APPOSITION_OPENER.match(body[c2 + 1:]):
                    return b2
            return before
    return seg


# -- the object after an inverted verb ---------------------------------------------------
def object_phrase(ctx: Context, begin: int, end: int, verb: str) -> Hit | None:
    """The noun phrase after an inverted verb (``said Sen. Jane Roe``) or ``according to``."""
    w = ctx.words
    seg = ctx.masked[begin:end]
    m = PRONOUN_FIRST.match(seg)
    if m:
        return Hit("pronoun", m.group(1).lower(), begin, begin + m.end(), verb)
    cut = _object_cut(ctx, seg, begin)
    head = seg[:cut].rstrip()
    if not head:
        return None
    toks = head.split()
    if toks[-1][:1].islower() and toks[-1].lower() not in w.not_speakers and len(toks) <= 6:
        hit = _apposed_name_after(ctx, seg, cut, begin, verb)
        if hit is not None:
            return hit
    first = toks[0]
    if first.lower() in w.determiners:
        if len(toks) > 1 and not plausible_np(head, w):
            return None
        if not (len(toks) > 1 and toks[1][:1].isupper() and first.lower() in _THE
                and all(t[:1].isupper() or t in _NAME_BREAKERS for t in toks[1:])):
            if len(toks) < 2 or toks[-1].lower() in w.not_speakers:
                return None
            return Hit("role", head, begin, begin + len(head), verb)
    if first[:1].islower():
        return _lowercase_object(ctx, head, begin, verb)
    return name_object(ctx, head, begin, verb)


def _object_cut(ctx: Context, seg: str, begin: int) -> int:
    """Where the object phrase ends: the first punctuation or clause word, or a full stop
    that is not an abbreviation's."""
    cut = len(seg)
    for sm in ctx.words.object_stop.finditer(seg):
        if sm.start() == 0 and sm.group(0).strip() == "":
            continue
        if sm.group(0).strip().lower() in ctx.words.time_words and seg[:sm.start()].strip().lower() in ctx.words.determiners:
            continue  # "a Wednesday editorial": the day modifies the noun after it
        cut = sm.start()
        break
    for dm in re.finditer(r"[.!?](?=\s|$)", seg[:cut]):
        if not ctx.abbrev(begin + dm.start()):
            return dm.start()
    return cut


def _apposed_name_after(ctx: Context, seg: str, cut: int, begin: int, verb: str) -> Hit | None:
    """``said the bureau's director, Jo Roe,`` / ``exhorted Roe's introducer, actress Jo Lee``:
    a name in apposition after the described object."""
    am = _APPOSED_NAME.match(seg[cut:])
    if not am or (am.group(1) and am.group(1).split()[0] in _NOT_APPOSED):
        return None
    a = begin + cut + am.start(2)
    name = re.sub(r"(?<=[a-z]{2})\.$", "", am.group(2))
    if name.split()[0].lower() not in ctx.lex.non_names and name not in ctx.lex.places and (
            ctx.person_at(a, a + len(name)) is not None or len(name.split()) > 1):
        return Hit("name", name, a, a + len(name), verb)
    return None


def _lowercase_object(ctx: Context, head: str, begin: int, verb: str) -> Hit | None:
    """``former Vermont governor Howard Dean``: the name at the end of the description,
    else the description itself."""
    runs = ctx.runs(head)
    if runs and runs[-1].end >= len(head) - 1 and len(runs[-1].words) >= 1:
        r = runs[-1]
        return Hit("name", head[r.start:r.end], begin + r.start, begin + r.end, verb)
    if len(head.split()) <= 6 and head.split()[-1].lower() not in ctx.words.not_speakers:
        return Hit("role", head, begin, begin + len(head), verb)
    return None


def name_object(ctx: Context, head: str, begin: int, verb: str) -> Hit | None:
    """A capitalised object: the person of ``Ohio State University professor Paul Beck``
    (``head`` as written: the text, not the masked text, where it lies in a quotation)."""
    runs = ctx.runs(head)
    if not runs:
        return None
    r = runs[-1] if len(runs) > 1 and runs[-1].end >= len(head) - 1 else runs[0]
    if len(runs) > 1 and runs[0].start == 0:
        # "Ohio State University professor Paul Beck": the last run is the person
        r = runs[-1] if runs[-1].end >= len(head) - 1 else runs[0]
        # but "Herbert Hansen of Respond's Belgian partner Keyobs": a person named first,
        # then where they work, is the speaker
        named = name_end(head, runs[0])
        if r is not runs[0] and named < runs[0].end and ctx.person_at(begin, begin + named) is not None:
            r = runs[0]
    stop = name_end(head, r)
    return Hit("name", head[r.start:stop], begin + r.start, begin + stop, verb)


def name_end(text: str, run) -> int:
    """Where the name of a capitalised run ends: before ``of Wisconsin`` when a person's
    name comes first (``Sen. Tammy Baldwin of Wisconsin``)."""
    words = run.words
    for k, w in enumerate(words):
        if w.text in _NAME_BREAKERS and k >= 2:
            return words[k - 1].end
    return run.end


def plausible_np(head: str, w) -> bool:
    """``a spokesman for the ministry`` yes; ``the city embodied the`` no."""
    main = _PREPOSITION.split(head, maxsplit=1)[0]
    toks = main.split()
    if len(toks) > 6:
        return False
    for k, t in enumerate(toks[1:], 1):
        lt = t.lower()
        if lt in w.determiners or lt in w.subject_pronouns:
            return False
        # an -ed word last or before a determiner is a verb; before a noun an adjective ("well-connected")
        if lt.endswith("ed") and lt not in w.speaker_nouns and t[:1].islower() and (
                k == len(toks) - 1 or toks[k + 1].lower() in w.determiners):
            return False
    return True


# -- can the mention be a source at all --------------------------------------------------------
def good(ctx: Context, hit: Hit) -> bool:
    """A mention that can be a source: a name, a pronoun, or a description whose head
    is a person, a group or a document ("the spokesman", "the ministry", "a memo")."""
    if hit.kind == "pronoun":
        return hit.text not in _FIRST_PERSON  # "and I quote": the writer, not a source
    w = ctx.words
    if hit.kind == "name":
        words = hit.text.split()
        if len(words) == 1 and (words[0].lower() in w.not_speaker_pronouns or words[0].lower() in w.determiners):
            return False  # "That said, ...", "Another advised": not a name
        if words[0].endswith("ing") and words[0] not in ctx.lex.first_names and ctx.person_at(hit.start, hit.end) is None:
            return False  # "Appearing on Fox, ..." is not a name (but "Ebeling" is)
        return not any(t[:1].islower() and t not in CONNECTORS for t in words)
    # the head before a complement ("a spokesman for the ministry"), or the last word
    main = _PREPOSITION.split(hit.text, maxsplit=1)[0].split() or hit.text.split()
    return source_noun(ctx, main[-1]) or source_noun(ctx, hit.text.split()[-1])


def source_noun(ctx: Context, word: str) -> bool:
    """A noun for a person, a group or a document ("spokesman", "ministry", "polls")."""
    w = ctx.words
    low = word.lower().rstrip(".,")
    for form in (low, low[:-1] if low.endswith("s") and not low.endswith("ss") else low):
        if form in w.speaker_nouns or form in w.group_nouns or form in w.document_nouns or form in w.role_words:
            return True
    return False


def junk(ctx: Context, hit: Hit | None) -> bool:
    """A mention that cannot be a source at all, so the next candidate may win: a time
    expression ("Tuesday night", "Hours later"), or a description whose head is neither
    a person, a group nor a document ("the primary schedule", "his assumption")."""
    if hit is None or hit.kind == "pronoun":
        return hit is not None and hit.text in _FIRST_PERSON  # the writer: "when I asked"
    w = ctx.words
    words = [t.lower().strip(".,") for t in hit.text.split()]
    return bool(words) and all(t in w.time_words or t in w.time_nouns or t in w.determiners for t in words)


# -- the reporting verb ------------------------------------------------------------------------
def is_verb(ctx: Context, text: str, vm, after: bool = False) -> bool:
    """A reporting verb at vm: one of the list not used as a noun before a role
    ("press secretary"), or a two-word verb ("shot back")."""
    w = ctx.words
    word = vm.group(1)
    if word not in w.speech_verbs and word not in w.phrasal_heads:
        return False  # the common case, without reading on
    nxt = _NEXT_LOWER.match(text, vm.end())
    if word in w.speech_verbs:
        prev = _PREV_LOWER.search(text, 0, vm.start())
        if prev and prev.group(1) in _LIGHT_VERBS and not word.endswith(("ed", "ing")):
            return False  # "Roe has even made comments": a noun after a light verb
        return not (nxt and nxt.group(1) in w.noun_after_verb)
    if not nxt or f"{word} {nxt.group(1)}" not in w.phrasal_verbs:
        return False
    if f"{word} {nxt.group(1)}" in w.object_phrasal_verbs:
        return True
    # "shot back," / "fired back:" - never "the Senate goes on recess"
    return after or not _BLANK_LOWER.match(text, nxt.end())
