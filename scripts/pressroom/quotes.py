"""Direct quotes: which quoted spans are speech, and who said them.

Pure: ``find_quotes(body, scan, entities)`` returns ``Quote`` records whose offsets span the
quote marks in the body. A speaker is read from the reporting clause next to the quote
("...," said Tan / Tan said / X, a spokesman for Y, said: "..."), from "according to X",
and resolved to the canonical person or organisation of the article: a pronoun to the
person it refers back to, a surname to the full name, a role ("the spokesman") to the
person the article names in that role. A quote with no reporting clause of its own
continues the speaker of the quote just before it (news convention). Unknown stays None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .entities import runs_of
from .lexicon import Lexicon, load
from .marks import Scan, paragraphs
from .model import Entities, Person, Quote

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_ADVERBS = r"(?:(?:also|later|then|once|previously|further|again|recently|simply|just|has|had|have|will|would|was|is|had|once|even|then|repeatedly|publicly|flatly|told|[a-z]+ly)\s+)*"
_ABBREVIATIONS = ("Mr", "Ms", "Dr", "Jr", "Sr", "St", "No", "vs", "Gen", "Sen", "Rep", "Gov", "Mrs", "Lt", "Col", "Inc", "Co", "Corp", "Gov", "Prof", "Rev", "Capt", "Maj", "Sgt", "Adm")
_SENTENCE_END = re.compile(
    r"(?<![A-Z])" + "".join(rf"(?<!\b{a})" for a in _ABBREVIATIONS) + r"[.!?](?=\s+[\"“‘A-Z]|\s*$)"
)


@dataclass(frozen=True)
class Hit:
    kind: str  # "pronoun", "name", "role", "group"
    text: str
    start: int
    end: int
    verb: str | None = None


def find_quotes(body: str, scan: Scan, entities: Entities, lex: Lexicon | None = None) -> tuple[Quote, ...]:
    lex = lex or load()
    ctx = _Context(body, scan, entities, lex)
    out: list[Quote] = []
    run_speaker: dict[int, tuple] = {}
    for span in scan.spans:
        inner_start = span.inner_start
        inner_end = span.inner_end
        text = body[inner_start:inner_end]
        hit, cue = ctx.cue(span)
        kind = _kind(text, hit, cue, body, span)
        speaker = start = end = None
        if kind == "speech":
            if hit is not None:
                speaker = ctx.resolve(hit, span.start)
                start, end = hit.start, hit.end
            elif span.run in run_speaker:
                speaker, start, end = run_speaker[span.run]
            else:
                speaker, start, end = ctx.carry_over(span)
            if speaker is not None or hit is not None:
                run_speaker.setdefault(span.run, (speaker, start, end))
        q = Quote(span.start, span.end, text.strip(), kind, speaker, start, end, cue, span.run)
        out.append(q)
        ctx.done(q)
    return tuple(out)


def _kind(text: str, hit: Hit | None, cue: str | None, body: str, span) -> str:
    words = re.findall(r"\w+", text)
    if span.open is None or span.close is None:
        return "speech"  # a quotation running over paragraphs is never a scare quote
    spoken_end = bool(re.search(r"[,.!?…—-]\s*$", text))
    if hit is not None and cue is not None and (spoken_end or len(words) > 3):
        return "speech"
    if len(words) <= 4 and not spoken_end:
        return "scare"
    if len(words) <= 2:
        return "scare"
    return "speech" if hit is not None or len(words) > 5 or spoken_end else "scare"


class _Context:
    def __init__(self, body: str, scan: Scan, entities: Entities, lex: Lexicon):
        self.body, self.lex, self.entities = body, lex, entities
        self.paras = paragraphs(body)
        self.inside = [(s.start, s.end) for s in scan.spans]
        self.quotes: list[Quote] = []
        self.mentions = sorted(
            ((m.start, m.end, p) for p in entities.people for m in p.mentions), key=lambda x: x[0]
        )

    def done(self, q: Quote) -> None:
        self.quotes.append(q)

    def para_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.paras:
            if s <= pos <= e:
                return s, e
        return 0, len(self.body)

    # -- finding the reporting clause ---------------------------------------------------
    def cue(self, span) -> tuple[Hit | None, str | None]:
        ps, pe = self.para_of(span.start)
        body = self.body
        # After the quote, up to the end of the sentence or the next quote.
        if span.close is not None:
            stop = self._next_open(span.end, pe)
            m = _SENTENCE_END.search(body, span.end, stop)
            tail_end = m.end() if m and m.start() > span.end else stop
            hit = self._after(span.end, tail_end)
            if hit:
                return hit, hit.verb
        # Before the quote, back to the start of the sentence or the last quote.
        if span.open is not None:
            begin = max(ps, self._prev_close(span.start, ps))
            lead = body[begin:span.start]
            ends = [m.end() for m in _SENTENCE_END.finditer(lead) if m.end() < len(lead.rstrip())]
            if ends:
                begin += ends[-1]
            hit = self._before(begin, span.start)
            if hit:
                return hit, hit.verb
        return None, None

    def _next_open(self, pos: int, pe: int) -> int:
        for s, e in self.inside:
            if s >= pos:
                return min(s, pe)
        return pe

    def _prev_close(self, pos: int, ps: int) -> int:
        best = ps
        for s, e in self.inside:
            if e <= pos:
                best = max(best, e)
        return best

    def _after(self, start: int, end: int) -> Hit | None:
        seg = self.body[start:end]
        lead = re.match(r"[\s,;:—–\-]*", seg).end()
        rest = seg[lead:]
        base = start + lead
        m = re.match(r"(?:according\s+to|in\s+the\s+words\s+of)\s+", rest, re.I)
        if m:
            return self._mention_right(base + m.end(), end, "according to")
        m = re.match(r"([a-z]+)\s+", rest)
        if m and m.group(1) in self.lex.speech_verbs:
            return self._mention_right(base + m.end(), end, m.group(1))
        # Subject first: "Tan said", "he added", "X, a spokesman for Y, said".
        for vm in re.finditer(r"\b([a-z]+)\b", rest):
            if vm.group(1) in self.lex.speech_verbs:
                hit = self._mention_left(base, base + vm.start(), vm.group(1), anchored=True)
                if hit:
                    return hit
                break
        return None

    def _before(self, start: int, end: int) -> Hit | None:
        seg = self.body[start:end]
        m = re.search(r"(?:according\s+to|in\s+the\s+words\s+of)\s+", seg, re.I)
        if m:
            hit = self._mention_right(start + m.end(), end, "according to")
            if hit:
                return hit
        verbs = [vm for vm in re.finditer(r"\b([a-z]+)\b", seg) if vm.group(1) in self.lex.speech_verbs or vm.group(1) in self.lex.calling_verbs]
        for vm in reversed(verbs):
            hit = self._mention_left(start, start + vm.start(), vm.group(1), anchored=False)
            if hit:
                return hit
        return None

    # -- reading the mention next to the verb -------------------------------------------
    def _mention_left(self, begin: int, verb_at: int, verb: str, anchored: bool) -> Hit | None:
        seg = self.body[begin:verb_at]
        seg = re.sub(_ADVERBS + r"$", "", seg.rstrip() + " ").rstrip()
        # Drop an apposition or aside between commas: "Tan Kefei, a spokesman for X,".
        m = re.search(r",[^,]{1,150},?$", seg)
        if m and m.start() > 0:
            seg = seg[: m.start()]
        seg = seg.rstrip()
        end = begin + len(seg)
        if not seg:
            return None
        pm = re.search(r"\b(he|she|they|He|She|They|I|we|We)$", seg)
        if pm:
            return Hit("pronoun", pm.group(1).lower(), begin + pm.start(), end, verb)
        hit = self._role_at_end(seg, begin, verb)
        if hit:
            return hit
        runs = runs_of(seg)
        if runs and runs[-1].end == len(seg):
            r = runs[-1]
            name = seg[r.start:r.end]
            return Hit("name", name, begin + r.start, begin + r.end, verb)
        if anchored:
            return None
        return None

    def _mention_right(self, begin: int, end: int, verb: str) -> Hit | None:
        seg = self.body[begin:end]
        m = re.match(r"(he|she|they|He|She|They|I|we)\b", seg)
        if m:
            return Hit("pronoun", m.group(1).lower(), begin, begin + m.end(), verb)
        cut = re.search(r"[,;:.!?]\s|[,;:]|$", seg)
        head = seg[: cut.start()] if cut else seg
        if head.endswith("."):
            head = head[:-1]
        hit = self._role_at_start(head, begin, verb)
        if hit:
            return hit
        runs = runs_of(head)
        if runs and runs[0].start == 0:
            r = runs[0]
            return Hit("name", head[r.start:r.end], begin + r.start, begin + r.end, verb)
        return None

    _ROLE = re.compile(
        r"\b(?:the|a|an|his|her|their|its|one|another)\s+((?:[\w’'\-]+\s+){0,4}?)"
        r"((?:[a-z]+\s+)?[a-z]+)((?:\s+(?:for|of|at|to|with|in)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.\-]*))*)?)$"
    )

    def _role_at_end(self, seg: str, begin: int, verb: str) -> Hit | None:
        for m in self._ROLE.finditer(seg):
            noun = m.group(2).split()[-1]
            if noun in self._role_words() or noun in self._group_words():
                kind = "group" if noun in self._group_words() else "role"
                return Hit(kind, m.group(0), begin + m.start(), begin + m.end(), verb)
        return None

    def _role_at_start(self, head: str, begin: int, verb: str) -> Hit | None:
        m = re.match(r"(?:the|a|an|his|her|their|its|one|another)\s+(?:[\w’'\-]+\s+){0,4}?([a-z]+)\b", head)
        while m:
            noun = m.group(1)
            if noun in self._role_words() or noun in self._group_words():
                kind = "group" if noun in self._group_words() else "role"
                return Hit(kind, head.strip(), begin, begin + len(head.rstrip()), verb)
            return None
        return None

    def _role_words(self):
        words = set()
        for key, syn in self.lex.role_nouns.items():
            words.add(key.split()[-1])
            words.update(s.split()[-1].rstrip(".") for s in syn)
        return words

    def _group_words(self):
        return {w.lower() for w in self.lex.org_words} | {"ministry", "government", "campaign", "statement", "spokesmen", "officials"}

    # -- resolving a mention to a canonical speaker -------------------------------------
    def resolve(self, hit: Hit, pos: int) -> str | None:
        if hit.kind == "pronoun":
            if hit.text in ("he", "she"):
                return self._antecedent(hit.start, _PRONOUNS[hit.text])
            return None
        if hit.kind == "role":
            return self._by_role(hit.text)
        if hit.kind == "group":
            return self._by_group(hit.text)
        return self._by_name(hit.text)

    def _by_name(self, text: str) -> str | None:
        tokens = [t for t in re.split(r"\s+", text) if t]
        # drop titles from the front
        i = 0
        while i < len(tokens):
            for n in self.lex.title_lengths:
                if tuple(t.lower() for t in tokens[i:i + n]) in self.lex.titles and i + n < len(tokens):
                    i += n
                    break
            else:
                break
        tokens = tokens[i:]
        if not tokens:
            return None
        name = " ".join(tokens)
        name = re.sub(r"['’]s$", "", name)
        for p in self.entities.people:
            if p.name == name:
                return p.name
        last = name.split()[-1]
        for p in self.entities.people:
            parts = p.name.split()
            if parts[-1] == last or (len(name.split()) == 1 and parts[0] == name and len(parts) == 2 and parts[0] not in self.lex.first_names):
                return p.name
        for o in self.entities.organizations:
            if o.name == name or name in o.aliases:
                return o.name
        org = self.lex.organizations.get(name.lower())
        if org:
            return org
        if name.lower() in self.lex.non_names or name in self.lex.places or name in self.lex.demonyms:
            return None
        return name

    def _by_role(self, text: str) -> str | None:
        words = text.lower().split()
        noun = None
        for key, syn in self.lex.role_nouns.items():
            if key in text.lower():
                noun = syn
        if noun is None:
            return None
        tail = text[text.lower().find(" for ") + 5:] if " for " in text.lower() else ""
        candidates = [p for p in self.entities.people if p.role and any(s in p.role.lower() for s in noun)]
        if tail:
            better = [p for p in candidates if tail.replace("the ", "").strip() in (p.role or "")]
            candidates = better or candidates
        if len(candidates) >= 1:
            return candidates[0].name
        return None

    def _by_group(self, text: str) -> str | None:
        words = [w for w in re.findall(r"[A-Za-z]+", text.lower()) if w not in ("the", "a", "an", "its", "their", "his", "her")]
        if not words:
            return None
        noun = words[-1]
        for o in self.entities.organizations:
            if noun in o.name.lower().split():
                return o.name
        return None

    def _antecedent(self, pos: int, gender: str) -> str | None:
        """The person a he/she refers back to: the last speaker nearby, else the last person named."""
        ps, _ = self.para_of(pos)
        window = [p for p in self.paras if p[1] < ps][-2:]
        since = window[0][0] if window else ps
        people = {p.name: p for p in self.entities.people}
        for q in reversed(self.quotes):
            if q.start < since:
                break
            if q.kind == "speech" and q.speaker in people and _compatible(people[q.speaker], gender, self.lex):
                return q.speaker
        for s, e, person in reversed(self.mentions):
            if e > pos or self._in_quote(s):
                continue
            if _compatible(person, gender, self.lex):
                return person.name
        return None

    def _in_quote(self, pos: int) -> bool:
        return any(s < pos < e for s, e in self.inside)

    def carry_over(self, span) -> tuple[str | None, int | None, int | None]:
        """A quote with no reporting clause: the speaker of the quote just before it, in this
        paragraph or the one above, or the subject of a paragraph ending with ``said:``."""
        ps, _ = self.para_of(span.start)
        prev_paras = [p for p in self.paras if p[1] < ps]
        prev = prev_paras[-1] if prev_paras else None
        text_before = self.body[prev[0]:prev[1]].rstrip() if prev else ""
        if prev and text_before.endswith(":"):
            hit = self._before(prev[0], prev[1])
            if hit:
                return self.resolve(hit, prev[1]), hit.start, hit.end
        for q in reversed(self.quotes):
            if q.kind != "speech":
                continue
            if q.start >= ps or (prev and q.start >= prev[0]):
                return q.speaker, q.speaker_start, q.speaker_end
            break
        return None, None, None


def _compatible(person: Person, gender: str, lex: Lexicon) -> bool:
    g = person.gender or lex.first_names.get(person.name.split()[0])
    return g is None or g == gender
