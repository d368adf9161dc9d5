"""The per-article state the quote rules read: built once, never changed by a rule but for
the quotes already attributed (``quotes``) and the reporting clauses found (``hits``).

- ``masked``: the body with every quotation's interior blanked to ``x`` (its last character,
  the final stop, kept): sentence ends and cue words are only read in the narrative.
- ``paras``, ``sent_starts``: paragraph spans and sentence starts of the narrative.
- ``mentions`` (people named outside quotations), ``all_mentions``, ``org_mentions``: sorted
  by start, for the resolution of a mention to the article's people and organisations.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..entities import runs_of
from ..lexicon import Lexicon
from ..marks import Scan, paragraphs
from ...model import Entities, Person, Quote
from .words import Words, words


# "in Washington D.C. He said": a capitalised pronoun after an abbreviation's dot opens a
# sentence (a title's dot is followed by a name, never by a pronoun)
_PRONOUN_NEXT = re.compile(r"(?:He|She|They|We|It|I)\b")
SCARE_SKIP = 2  # scare quotes a reporting clause is read back past
# a capitalised word (a given name, an honorific with its dot) and the one after it
# (as r"\b([A-Z][a-z]+)...": the capital first, the test of the character before it after)
_NAME_PAIR = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+)(\.?)(?=\s+([A-Z][\w’'\-]*)\b)")
_WORD_BEFORE = re.compile(r"(?:[^\W\d_]|\.)+\Z")


@dataclass(frozen=True)
class Hit:
    """A mention read next to a reporting verb: the speaker as the text names them."""

    kind: str  # "pronoun", "name", "role"
    text: str
    start: int
    end: int
    verb: str | None = None


@dataclass(frozen=True)
class Point:
    """A place in the text read like a quotation opening there (a colon paragraph's end)."""

    start: int

    @property
    def open(self):
        return self.start


def mask(body: str, spans) -> str:
    """The body with each quotation's interior (but its first and last character and its
    line breaks) as ``x``."""
    out, pos = [], 0
    for s in sorted(spans, key=lambda s: s.inner_start):
        a = max(pos, s.inner_start + 1)
        b = max(a, s.inner_end - 1)
        if b > a:
            out.append(body[pos:a])
            out.append("\n".join("x" * len(part) for part in body[a:b].split("\n")))
            pos = b
    out.append(body[pos:])
    return "".join(out)


class Context:
    """One article as the quote rules see it."""

    def __init__(self, body: str, scan: Scan, entities: Entities, lex: Lexicon):
        self.body, self.lex, self.entities = body, lex, entities
        self.words: Words = words(lex)
        self.paras = paragraphs(body)
        self.para_starts = [s for s, _ in self.paras]
        self.spans = scan.spans
        self.inside = [(s.start, s.end) for s in scan.spans]
        self.inside_starts = [s for s, _ in self.inside]
        self.quotes: list[Quote] = []
        self.quote_ends: list[int] = []
        self.speech: list[Quote] = []  # the speech quotes among them, and their starts and ends
        self.speech_starts: list[int] = []
        self.speech_ends: list[int] = []
        self.hits: list[tuple[int, Hit]] = []  # (quote start, its reporting clause's mention)
        self.masked = mask(body, scan.spans)
        self.sent_starts = sorted({0} | {m.end() for m in self.words.sentence_end.finditer(self.masked)
                                         if not self.abbrev(m.start()) or _PRONOUN_NEXT.match(self.masked, m.end())}
                                | set(self.para_starts))
        people = [(m.start, m.end, p) for p in entities.people for m in p.mentions]
        self.mentions = sorted((x for x in people if not self.in_quote(x[0])), key=lambda x: x[0])
        self.mention_starts = [m[0] for m in self.mentions]
        self.all_mentions = sorted(people, key=lambda x: x[0])
        self.org_mentions = sorted(((m.start, m.end, o) for o in entities.organizations for m in o.mentions),
                                   key=lambda x: x[0])
        self.people = {p.name: p for p in entities.people}
        self.org_names = {o.name for o in entities.organizations}
        self._genders: dict[str, str] | None = None
        self._runs: dict[str, list] = {}
        self._given: dict[str, tuple[list[int], list[str]]] | None = None

    @property
    def genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it (learnt on first use)."""
        if self._genders is None:
            from .antecedent import learn_genders

            self._genders = learn_genders(self)
        return self._genders

    def runs(self, text: str) -> list:
        """The capitalised runs of a piece of text (``entities.runs_of``), read once: the
        rules read the same clause again for every quote and pronoun near it."""
        found = self._runs.get(text)
        if found is None:
            found = self._runs[text] = runs_of(text)
        return found

    def given_names_before(self, surname: str) -> tuple[list[int], list[str]]:
        """Where the text writes a given name (or an honorific) before a capitalised word,
        and that given name, for one capitalised word; read once over the whole text."""
        if self._given is None:
            self._given = {}
            lex, honorifics = self.lex, self.words.honorific_genders
            for m in _NAME_PAIR.finditer(self.body):
                if m.group(1) in lex.first_names or m.group(1) in honorifics:
                    starts, given = self._given.setdefault(m.group(3), ([], []))
                    starts.append(m.start())
                    given.append(m.group(1) if m.group(1) in lex.first_names and not m.group(2) else "")
        return self._given.get(surname, ([], []))

    def abbrev(self, i: int) -> bool:
        """Is the stop at i the dot of an abbreviation or an initial ("Sen.", "J.")?"""
        if self.masked[i] != ".":
            return False
        m = _WORD_BEFORE.search(self.masked, max(0, i - 12), i)  # no abbreviation is longer
        word = m.group(0) if m and (m.start() > i - 12 or i <= 12) else ""
        return word in self.words.abbreviations or (len(word) == 1 and word.isupper())

    def para_of(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.para_starts, pos) - 1
        if k >= 0 and self.paras[k][0] <= pos <= self.paras[k][1]:
            return self.paras[k]
        return (pos, pos) if k < 0 else self.paras[k]

    def sentence_start(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        return self.sent_starts[k] if k >= 0 else 0

    def sentence_end(self, pos: int) -> int:
        k = bisect.bisect_right(self.sent_starts, pos)
        return self.sent_starts[k] if k < len(self.sent_starts) else len(self.body)

    def in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.inside_starts, pos) - 1
        return k >= 0 and self.inside[k][0] < pos < self.inside[k][1]

    def next_open(self, pos: int, pe: int) -> int:
        """Where the next quotation at or after pos opens, or pe."""
        k = bisect.bisect_left(self.inside_starts, pos)
        return min(self.inside_starts[k], pe) if k < len(self.inside_starts) else pe

    def prev_close(self, pos: int, ps: int) -> int:
        """Where the quotation before pos closes, or ps."""
        k = bisect.bisect_left(self.inside_starts, pos) - 1
        return max(ps, self.inside[k][1]) if k >= 0 else ps

    def add(self, q: Quote) -> None:
        """A quote attributed, in the order of the text."""
        self.quotes.append(q)
        self.quote_ends.append(q.end)
        if q.kind == "speech":
            self.speech.append(q)
            self.speech_starts.append(q.start)
            self.speech_ends.append(q.end)

    def prev_speech_close(self, pos: int, ps: int) -> int:
        """Where the last speech quotation before pos closes, or ps: a scare quote or a
        title on the way ("Hemsley, the co-author of "Going Viral," said") is narrative -
        up to SCARE_SKIP of them, so that a run of scare quotes is not read again and again."""
        k = bisect.bisect_right(self.quote_ends, pos) - 1
        for skipped in range(SCARE_SKIP + 1):
            if k < 0:
                return ps
            if self.quotes[k].kind == "speech" or skipped == SCARE_SKIP:
                return max(ps, self.quotes[k].end)
            k -= 1
        return ps

    def speech_between(self, a: int, b: int) -> bool:
        """Does a speech quotation open in [a, b)?"""
        k = bisect.bisect_left(self.speech_starts, a)
        return k < len(self.speech_starts) and self.speech_starts[k] < b

    def nth_quote_before(self, pos: int, n: int) -> int:
        k = bisect.bisect_left(self.inside_starts, pos) - n
        return self.inside[k][0] if k >= 0 else 0

    def outside(self, hit: Hit | None) -> Hit | None:
        """The mention, unless it reaches into a quotation: words inside quotation marks
        are somebody's words, never the name of who said them."""
        if hit is None:
            return None
        k = bisect.bisect_left(self.inside_starts, hit.end)
        if k > 0 and self.inside[k - 1][1] > hit.start:
            return None
        return hit

    def ends_sentence(self, span) -> bool:
        inner = self.body[span.inner_start:span.inner_end].rstrip()
        return inner.endswith((".", "!", "?", "…"))

    def person_at(self, start: int, end: int) -> Person | None:
        best = None
        for s, e, p in self.all_mentions:
            if s >= end:
                break
            if e > start:
                best = p
        return best

    def org_at(self, start: int, end: int):
        best = None
        for s, e, o in self.org_mentions:
            if s >= end:
                break
            if e > start:
                best = o
        return best

    def last_speech(self) -> Quote | None:
        return self.speech[-1] if self.speech else None
