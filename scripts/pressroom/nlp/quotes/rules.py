"""Direct quotes: which quoted spans are speech, and who said them.

Pure: ``find_quotes(body, scan, entities)`` returns ``Quote`` records whose offsets span the
quote marks in the body. The rules follow how news English attributes a quotation:

- The reporting clause sits after the quote (``"...," said Tan`` / ``"...," Tan said`` /
  ``"...," he added``) or before it (``Tan said:`` / ``Tan said that "..."`` for a mixed
  quote / ``X, a spokesman for Y, said, "..."``), or the source is given by ``according to X``.
  Reporting verbs are data (``data/speech_verbs.yml``).
- The subject of the reporting verb is read as a noun phrase: a name with its titles
  (``Sen. Jane Roe (D-Ohio)``), a pronoun, or a description (``the spokesman``, ``a senior
  official``, ``the ministry``). Appositions between commas, adverbs and time phrases
  between subject and verb are skipped; a participle (``..., saying "..."``) or a second verb
  (``... and said``) takes the subject of its sentence.
- The mention is resolved to the canonical person or organisation of the article: a name
  by its entity (surname and title forms included), a he/she to the most salient earlier
  person of that gender (the subject of the nearest sentence naming one, or the speaker of the
  quote just before), a role to the person introduced in that role. An unnamed source stays
  as the article describes it ("Nevada Democrat"); an unresolved pronoun stays None.
- A quote with no reporting clause of its own continues the speaker of the quote just before
  it, or takes the subject of a paragraph introducing it with a colon (news convention).
- Short quoted terms (scare quotes, titles of works) are not speech.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from ..entities import CONNECTORS as _CONNECTORS
from ..entities import runs_of
from ..lexicon import Lexicon, load, _yaml
from ..marks import Scan, paragraphs
from ...model import Entities, Person, Quote

_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "i", "we", "you", "it"}
_ABBREVIATIONS = ("Mr", "Ms", "Dr", "Jr", "Sr", "St", "No", "vs", "Gen", "Sen", "Rep", "Gov", "Mrs", "Lt", "Col",
                  "Inc", "Co", "Corp", "Prof", "Rev", "Capt", "Maj", "Sgt", "Adm", "Ft", "Mt", "Sens", "Reps",
                  "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Ariz", "Calif", "Fla", "Ill", "Mass",
                  "Mich", "Minn", "Tenn", "Tex", "Va", "Wis", "Ky", "La", "Md", "Pa", "Conn", "Colo", "Ga",
                  "Ind", "Kan", "Nev", "Okla", "Ore", "Wash", "Ala", "Ark", "Del", "Miss", "Mo", "Mont", "Neb",
                  "Vt", "Wyo", "U.S", "D.C", "U.N", "U.K")
_ABBR_SET = frozenset(_ABBREVIATIONS)
_SENT_END = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Between a subject and its verb: adverbs, auxiliaries, time phrases, "in a statement".
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_GAP_WORD = re.compile(
    r"(?:\s+(?:also|later|then|once|previously|further|again|recently|simply|just|has|had|have|will|would|"
    r"was|is|had|even|still|already|repeatedly|never|often|always|first|finally|quickly|"
    r"[a-z]+ly|" + _DAYS + r"|on\s+" + _DAYS + r"|(?:last|this|next|that)\s+(?:week|month|year|night|weekend|spring|summer|fall|winter)"
    r"|(?:on|in|at|during|via|through|over)\s+(?:a|an|the|his|her|their|its)\s+[\w\-’']+(?:\s+[\w\-’']+)?"
    r"|earlier|afterward|afterwards|too|however|though))+$"
)
_APPOSITION_START = re.compile(r"\s*(?:a|an|the|who|whose|which|one|another|now|then|once|both|also|himself|herself|"
                               r"[a-z][\w\-’']*|\d[\w\-]*|[RDI]-[\w.]+|[A-Z][\w.\-]*['’]s?\b|(?:[A-Z][\w.\-’']*\s+){0,4}"
                               r"(?:[a-z]\w*|[A-Z][\w.]*['’]s))")
_DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "some", "two", "three",
                "several", "many", "other", "this", "that", "these", "those", "no", "each", "every", "both", "all", "most"}
_NOT_SPEAKERS = {"it", "this", "that", "which", "what", "there", "who", "these", "those", "something", "nothing",
                 "anything", "everything", "everyone", "nobody", "anyone", "someone", "everybody", "somebody",
                 "rule", "law", "bill", "time", "year", "way", "thing", "things", "one", "here", "now", "so"}
_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
               "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december", "tonight", "morning", "afternoon", "evening", "night"}
_TIME_NOUNS = {"hours", "hour", "minutes", "minute", "days", "day", "weeks", "week", "months", "month", "years", "year",
               "moments", "moment", "later", "earlier", "last", "next", "ago", "night", "nights", "weekend", "spring",
               "summer", "fall", "autumn", "winter", "noon", "midnight", "dawn"}
_GROUP_AFTER = re.compile(r"(?:['’]s)?\s+(?:administration|campaign|camp|presidency|era|White\s+House|team|aides|allies|"
                          r"supporters|voters|backers|foundation|organization|presidential\s+campaign)\b")
_OBJECT_STOP = re.compile(
    r"[,;:(\[—–\"“”]|\s+-+\s|\s(?:who|which|whose|that|in|on|at|during|after|before|when|while|as|to|from|about|"
    r"referring|adding|noting|saying|told|and\s+(?:added|said|then)|but|because|since|last|this|earlier|later|"
    r"recently|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|$"
)


_PARENTHETICAL = re.compile(r",\s+(?:meanwhile|however|though|too|also|instead|likewise|similarly|separately|in turn|"
                            r"in response|in fact|of course|for example|for instance|in contrast|by contrast|"
                            r"for (?:his|her|their|its) part|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?=,)")
_DATELINE = re.compile(r"\s*[A-Z]{2,}(?:[ \-.]+[A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,3})?(?:\s*\([^()]{1,30}\))?\s*(?:—|–|--|-)\s*")
_NAMED_COMPLEMENT = re.compile(r"\s+((?:for|of|at|with)\s+(?:the\s+)?[A-Z][\w.&’'\-]*"
                               r"(?:\s+(?:(?:of|for|and|on|the|&)\s+)*[A-Z][\w.&’'\-]*)*)")
_NOUN_AFTER_VERB = frozenset({"secretary", "secretaries", "office", "release", "releases", "conference", "corps", "aide",
                              "aides", "officer", "staff", "team", "card", "operation", "shop"})
_CLAUSE_VERBS = ("is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "told", "can", "could")


_LETTER = re.compile(r"[^\W\d_]")
_NONBLANK = re.compile(r"\S")
# How far before a quote its reporting clause is looked for: at most this many characters
# (a clause with a long apposition runs to several hundred), and past at most this many
# earlier quotes of the same sentence ("X said that "a" and "b"").
REACH = 3000
PAST_QUOTES = 8


def _colon_at_end(seg: str) -> int | None:
    """Where the blank before seg's final colon starts ("... Shaw :  " -> at " :"), if seg
    ends with a colon: what a search for blanks, a colon and blanks at the end found, without
    its quadratic time on a long run of blanks."""
    stripped = seg.rstrip()
    if not stripped.endswith(":"):
        return None
    return len(stripped[:-1].rstrip())


@dataclass(frozen=True)
class Hit:
    kind: str  # "pronoun", "name", "role"
    text: str
    start: int
    end: int
    verb: str | None = None


@functools.lru_cache(maxsize=1)
def _extra() -> dict:
    data = dict(_yaml("titles.yml"))
    data.update(load().attribution)
    return {
        "speaker_nouns": frozenset(data.get("speaker_nouns", ())),
        "group_nouns": frozenset(data.get("group_nouns", ())),
        "document_nouns": frozenset(data.get("document_nouns", ())),
        "phrase_cues": tuple(data.get("phrase_cues", ())),
        "addressee_verbs": frozenset(data.get("addressee_verbs", ())),
        "phrasal_verbs": frozenset(data.get("phrasal_verbs", ())),
        "resident_nouns": frozenset(data.get("resident_nouns", ())),
        "name_leads": frozenset(data.get("name_leads", ())),
        "following": tuple(f"{v} the following {n}" for v in data.get("following_verbs", ()) for n in data.get("following_nouns", ())),
    }


def find_quotes(body: str, scan: Scan, entities: Entities, lex: Lexicon | None = None) -> tuple[Quote, ...]:
    lex = lex or load()
    ctx = _Context(body, scan, entities, lex)
    out: list[Quote] = []
    run_speaker: dict[int, tuple] = {}
    for span in scan.spans:
        text = body[span.inner_start:span.inner_end]
        hit, cue = ctx.cue(span)
        kind = _kind(text, hit, cue, body, span)
        if hit is not None and kind == "speech":
            ctx.hits.append((span.start, hit))
        speaker = start = end = None
        if kind == "speech":
            if hit is not None:
                speaker = ctx.resolve(hit, span.start)
                start, end = hit.start, hit.end
            elif span.run in run_speaker:
                speaker, start, end = run_speaker[span.run]
            elif (sub := ctx.sentence_source(span)) is not None:
                # no reporting verb: a quote inside a sentence is its subject's words
                speaker, start, end = sub
            else:
                speaker, start, end = ctx.carry_over(span)
            if speaker is not None or hit is not None:
                run_speaker.setdefault(span.run, (speaker, start, end))
        q = Quote(span.start, span.end, text.strip(), kind, speaker, start, end, cue, span.run)
        out.append(q)
        ctx.done(q)
    # a quotation running over paragraphs is attributed as a whole
    for k, q in enumerate(out):
        if q.kind == "speech" and q.speaker is None and run_speaker.get(q.run, (None,))[0] is not None:
            sp, a, b = run_speaker[q.run]
            out[k] = replace(q, speaker=sp, speaker_start=a, speaker_end=b)
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
    if hit is None and not spoken_end and _title_case(words):
        return "scare"  # a title of a work: "The Art of the Deal"
    return "speech" if hit is not None or len(words) > 5 or spoken_end else "scare"


def _title_case(words: list[str]) -> bool:
    small = {"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from"}
    return len(words) <= 12 and all(w[:1].isupper() or w in small or w.isdigit() for w in words)


class _Context:
    def __init__(self, body: str, scan: Scan, entities: Entities, lex: Lexicon):
        self.body, self.lex, self.entities = body, lex, entities
        self.extra = _extra()
        self.paras = paragraphs(body)
        self.para_starts = [s for s, _ in self.paras]
        self.spans = scan.spans
        self.inside = [(s.start, s.end) for s in scan.spans]
        self.inside_starts = [s for s, _ in self.inside]
        self.quotes: list[Quote] = []
        self.hits: list[tuple[int, Hit]] = []  # (quote start, its reporting clause's mention)
        # The body with quotation interiors masked: sentence ends and cue words are only
        # read in the narrative. A quote's last character (its final stop) is kept.
        chars = list(body)
        for s in scan.spans:
            a, b = s.inner_start, s.inner_end
            for i in range(a + 1, max(a + 1, b - 1)):
                if chars[i] not in "\n":
                    chars[i] = "x"
        self.masked = "".join(chars)
        self.sent_starts = sorted({0} | {m.end() for m in _SENT_END.finditer(self.masked) if not self._abbrev(m.start())}
                                  | set(self.para_starts))
        people = [(m.start, m.end, p) for p in entities.people for m in p.mentions]
        self.mentions = sorted((x for x in people if not self._in_quote(x[0])), key=lambda x: x[0])
        self.mention_starts = [m[0] for m in self.mentions]
        self.all_mentions = sorted(people, key=lambda x: x[0])
        self.org_mentions = sorted(((m.start, m.end, o) for o in entities.organizations for m in o.mentions), key=lambda x: x[0])
        self.people = {p.name: p for p in entities.people}
        self.genders = self._learn_genders()
        self._phrase_cues = _phrase_pattern(self.extra["phrase_cues"])
        self._following = _phrase_pattern(self.extra["following"])

    def _abbrev(self, i: int) -> bool:
        """Is the stop at i the dot of an abbreviation or an initial ("Sen.", "J.")?"""
        if self.masked[i] != ".":
            return False
        j = i
        while j > 0 and (self.masked[j - 1].isalpha() or self.masked[j - 1] == "."):
            j -= 1
        word = self.masked[j:i]
        return word in _ABBR_SET or (len(word) == 1 and word.isupper())

    def done(self, q: Quote) -> None:
        self.quotes.append(q)

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

    def _in_quote(self, pos: int) -> bool:
        k = bisect.bisect_right(self.inside_starts, pos) - 1
        return k >= 0 and self.inside[k][0] < pos < self.inside[k][1]

    # -- finding the reporting clause ---------------------------------------------------
    def cue(self, span) -> tuple[Hit | None, str | None]:
        ps, pe = self.para_of(span.start)
        if span.open is not None and self.hits:
            # '"A," Axelrod tweeted, "B"': the clause that interrupts a quotation reports both halves
            pc = self._prev_close(span.start, ps)
            h = self.hits[-1][1]
            if ps < pc <= h.start and h.end <= span.start and self.hits[-1][0] < pc and \
                    re.fullmatch(r"[^.!?;]*[,:]\s*", self.masked[h.end:span.start]):
                return h, h.verb
        after = self._outside(self._after(span, pe)) if span.close is not None else None
        if after is not None and self._good(after):
            return after, after.verb
        before = self._outside(self._before(span, ps)) if span.open is not None else None
        if before is None and after is None and span.open is not None:
            # a second fragment of one sentence: 'X said A is "b" and "c"' - read back past the first
            before = self._outside(self._before(span, ps, past_quotes=True))
        if before is not None and (after is None or self._good(before)):
            return before, before.verb
        if after is not None:
            return after, after.verb
        if span.close is not None and not _NONBLANK.search(self.body, span.end, pe):
            # a credit line under the quotation: "- Jane Roe." / "—Jane Roe, tweeting"
            k = self.paras.index((ps, pe)) if (ps, pe) in self.paras else -1
            if 0 <= k < len(self.paras) - 1:
                a, b = self.paras[k + 1]
                m = re.match(r"\s*[-—–]+\s*", self.body[a:b])
                if m and self.body[a + m.end():a + m.end() + 1].isupper():
                    hit = self._object(a + m.end(), b, "—")
                    if hit and hit.kind == "name":
                        return hit, "—"
        return None, None

    def _outside(self, hit: Hit | None) -> Hit | None:
        """The mention, unless it reaches into a quotation: words inside quotation marks
        are somebody's words, never the name of who said them."""
        if hit is None:
            return None
        k = bisect.bisect_left(self.inside_starts, hit.end)
        if k > 0 and self.inside[k - 1][1] > hit.start:
            return None
        return hit

    def _good(self, hit: Hit) -> bool:
        """A mention that can be a source: a name, a pronoun, or a description whose head
        is a person, a group or a document ("the spokesman", "the ministry", "a memo")."""
        if hit.kind == "pronoun":
            return True
        if hit.kind == "name":
            words = hit.text.split()
            if words[0].lower().endswith("ing") and words[0].lower() not in self.lex.first_names:
                return False  # "Appearing on Fox, ..." is not a name
            return not any(w[:1].islower() and w not in _CONNECTORS
                           for w in words)
        head = hit.text.split()[-1].lower().rstrip(".,")
        x = self.extra
        return (head in x["speaker_nouns"] or head in x["group_nouns"] or head in x["document_nouns"]
                or head in _role_words(self.lex) or head in _group_words(self.lex))

    def _junk(self, hit: Hit | None) -> bool:
        """A mention that cannot be a source at all, so the next candidate may win: a time
        expression ("Tuesday night", "Hours later"), or a description whose head is neither
        a person, a group nor a document ("the primary schedule", "his assumption")."""
        if hit is None or hit.kind == "pronoun":
            return False
        words = [w.lower().strip(".,") for w in hit.text.split()]
        if words and all(w in _TIME_WORDS or w in _TIME_NOUNS or w in _DETERMINERS for w in words):
            return True
        return False

    def _next_open(self, pos: int, pe: int) -> int:
        k = bisect.bisect_left(self.inside_starts, pos)
        return min(self.inside_starts[k], pe) if k < len(self.inside_starts) else pe

    def _prev_close(self, pos: int, ps: int) -> int:
        k = bisect.bisect_left(self.inside_starts, pos) - 1
        return max(ps, self.inside[k][1]) if k >= 0 else ps

    def _after(self, span, pe: int) -> Hit | None:
        body = self.body
        stop = self._next_open(span.end, pe)
        nxt = span.end + len(body[span.end:stop]) - len(body[span.end:stop].lstrip())
        end = min(stop, self.sentence_end(nxt))
        if end <= span.end:
            end = stop
        if end == stop < pe and not self._ends_sentence(span):
            # a second quoted fragment in the same sentence: read on past it
            # ("A" was to be a "B," said X.) - its interior is masked
            k = bisect.bisect_left(self.inside_starts, stop)
            if k < len(self.inside) and self.inside[k][0] == stop:
                close = self.inside[k][1]
                end2 = min(self._next_open(close, pe), self.sentence_end(close))
                if end2 > close and re.search(r"[,—–-]\s*[\"”’']?$", self.masked[stop:close]):
                    end = end2
        seg = self.masked[span.end:end]
        lead = re.match(r"[\s,;:—–\-]*", seg).end()
        rest = seg[lead:]
        base = span.end + lead
        inner = body[span.inner_start:span.inner_end].rstrip()
        closed_sentence = inner.endswith((".", "!", "?", "…")) or body[span.end - 2:span.end - 1] == "."
        new_sentence = closed_sentence and rest[:1].isupper()
        m = re.match(r"(?:according\s+to|in\s+the\s+words\s+of|as\s+put\s+by)\s+", rest, re.I)
        if m:
            return self._object(base + m.end(), end, "according to")
        m = re.match(r"((?:[a-z]+ly\s+)?)([a-z]+)\s+", rest)
        if m and m.group(2) in self.lex.speech_verbs and not new_sentence and not m.group(2).endswith("ing"):
            return self._object(base + m.end(), end, m.group(2))
        # Subject first: "Tan said", "he added", "X, a spokesman for Y, said".
        first = None
        for vm in re.finditer(r"(?<![\-’'])\b([a-z]+)\b", rest):
            if vm.start() > 160:
                break
            if self._is_verb(rest, vm, after=True):
                if not new_sentence and vm.start() > 0 and re.search(r",[\"”’']?\s+$", rest[:vm.start()]) \
                        and not vm.group(1).endswith("ing") and vm.group(1) not in self.extra["addressee_verbs"] and re.match(r"\s+(?:[A-Z]|(?:the|a|an|one|another)\s)", rest[vm.end():]):
                    # the quote's sentence goes on, then ", said X": the inverted clause
                    hit = self._object(base + vm.end() + len(rest[vm.end():]) - len(rest[vm.end():].lstrip()), end, vm.group(1))
                    if hit is not None and self._good(hit) and self.resolve(hit, hit.start) is not None:
                        return hit
                if new_sentence and not self._short_clause(rest, vm) and not (
                        inner.endswith(("?", "!")) and len(rest[:vm.start()].split()) <= 6
                        and not re.match(r"[^.!?]{0,200}\bthat\b", rest[vm.end():])):
                    # a question or an exclamation takes no comma before its clause:
                    # "...?" Trump asked reporters during ... is still the clause
                    break
                if re.search(r"\b(?:that|which|when|if|because|whether)\s*$", rest[:vm.start()]):
                    break
                if not new_sentence and re.match(r"\s*(?:if|unless|because|whether|although|though|once|until)\s[^,;:]*$",
                                                 rest[:vm.start()]):
                    continue  # '"...consider it" if Facebook offered': a condition, not who spoke
                hit = self._subject(base, base + vm.start(), vm.group(1))
                if hit is not None and self._good(hit):
                    return hit
                if not self._junk(hit):
                    first = first or hit
        return first

    def _is_verb(self, text: str, vm, after: bool = False) -> bool:
        """A reporting verb at vm: one of the list not used as a noun before a role
        ("press secretary"), or a two-word verb ("shot back")."""
        word = vm.group(1)
        nxt = re.match(r"\s+([a-z]+)", text[vm.end():])
        if word in self.lex.speech_verbs:
            return not (nxt and nxt.group(1) in _NOUN_AFTER_VERB)
        if not nxt or f"{word} {nxt.group(1)}" not in self.extra["phrasal_verbs"]:
            return False
        # "shot back," / "fired back:" - never "the Senate goes on recess"
        return after or not re.match(r"\s*[a-z]", text[vm.end() + nxt.end():])


    def _ends_sentence(self, span) -> bool:
        inner = self.body[span.inner_start:span.inner_end].rstrip()
        return inner.endswith((".", "!", "?", "…"))

    @staticmethod
    def _short_clause(rest: str, vm) -> bool:
        """``"...." Tan said.`` - a new sentence that is only the reporting clause, or one
        that goes on with a circumstance (``Tan wrote in an email to staff.``)."""
        tail = rest[vm.end():]
        if len(rest[:vm.start()].split()) > 8:
            return False
        if re.match(r"(?:\s+(?:on|back|in|up|out))?\s*[,;]", tail) and len(rest[:vm.start()].split()) <= 4:
            return True  # "Roe went on, as if ...": the verb takes no object, the clause reports
        if re.match(r"\s*(?:[a-z]+ly\s+)?(?:in|on|at|during|via|to|from|after|before|while|when|with|through|over)\s"
                    r"(?:a|an|the|his|her|their|its|[A-Z0-9])", tail) and not re.match(r"[^.!?]{0,200}\bthat\b", tail):
            return True
        m = re.match(r"[^.!?]{0,60}[.!?]", tail)
        if not m:
            return False
        return not re.search(r"\b(?:that|the|a|an|he|she|they|it|his|her)\b", m.group(0)) or len(m.group(0).split()) <= 4

    def _before(self, span, ps: int, past_quotes: bool = False) -> Hit | None:
        begin = max(ps, self.sentence_start(span.start))
        if not past_quotes:
            begin = max(self._prev_close(span.start, ps), begin)
        elif begin >= self._prev_close(span.start, ps):
            return None  # no quotation before it in the sentence: nothing new to read
        # Reading the whole run-on "sentence" again for every quote in it made hostile input
        # quadratic: the window reaches back past at most PAST_QUOTES earlier quotes and
        # REACH characters. When that cuts the sentence, only a name or a pronoun is taken:
        # a description read from the middle of a long clause could be anything.
        floor = max(span.start - REACH, self._nth_quote_before(span.start, PAST_QUOTES))
        hit = self._clause_before(span, ps, max(begin, floor), floor)
        if hit is not None and floor > begin and hit.kind not in ("name", "pronoun"):
            return None
        return hit

    def _nth_quote_before(self, pos: int, n: int) -> int:
        k = bisect.bisect_left(self.inside_starts, pos) - n
        return self.inside[k][0] if k >= 0 else 0

    def _clause_before(self, span, ps: int, begin: int, floor: int) -> Hit | None:
        """The reporting clause in masked[begin:span.start]; nothing before floor is read."""
        seg = self.masked[begin:span.start]
        if not _LETTER.search(seg):
            # The quote opens the sentence (a colon at the end of the previous one), or
            # nothing but marks and digits stand before it.
            return None
        m = None
        for m in re.finditer(r"\b(?:according\s+to|in\s+the\s+words\s+of)\s+", seg, re.I):
            pass
        if m and not re.search(r"[.;]", seg[m.end():]):
            hit = self._object(begin + m.end(), span.start, "according to")
            if hit:
                return hit
        m = re.search(r"(?:^\s*|[.;:]\s+)(?:Said|Says|Added|Adds|Asked|Wrote|Writes|Explained|Noted|Continued)\s+"
                      r"(?!(?:by|about|if|whether|why|how|what|when|to|for|on|in|at|during|after|later)\b)(?=[A-Za-z])", seg)
        if m:
            # "Said Comey, "..."": the inverted verb opens the sentence
            hit = self._object(begin + m.end(), span.start, m.group(0).strip(" .;:").lower())
            if hit is not None and hit.kind != "pronoun":
                return hit
        if re.search(r"\s[-—–]+\s+[A-Z][^-—–]{0,60}:\s*$", seg):
            # a newsletter's "Headline - Jo Roe:": the person after the dash, whatever the headline says
            hit = self._colon_person(begin, seg)
            if hit is not None:
                return hit
        # "Trump issued a statement: ...", "as Roe put it, ...": a phrase that reports, near
        # the quotation; "Jo Roe issued the following statement regarding the ruling.": the
        # next quotation is the statement, however long the sentence goes on
        for cues, tail in ((self._following, r"[^;!?\"“”]{0,240}[.:]?\s*"), (self._phrase_cues, r"[^.;!?]{0,80}[,:]?\s*")):
            pm = None
            for pm in cues.finditer(seg):
                pass
            if pm and re.fullmatch(tail, seg[pm.end():]):
                cue = pm.group(0)
                hit = self._subject(begin, begin + pm.start(), cue) or self._sentence_subject(begin, begin + pm.start(), cue)
                if hit is not None and self._good(hit):
                    return hit
        verbs = [vm for vm in re.finditer(r"(?<![\-’'])\b([a-z]+)\b", seg)
                 if self._is_verb(seg, vm) or vm.group(1) in self.lex.calling_verbs
                 or vm.group(1) in ("put", "puts") and seg[vm.end():vm.end() + 3] == " it"]
        fallback = None
        for vm in reversed(verbs):
            verb = vm.group(1)
            left = seg[:vm.start()]
            # a participle or a second verb: the subject of the sentence
            participle = verb.endswith("ing") and (not left.strip() or re.search(r"(?:,|\band|\bbut|\bthen|\bbefore|\bafter|\bwhile|\bby|\bwhen|\bwithout|\bin|\bfor)\s*$", left))
            second = re.search(r"(?:\band|\bbut|\bthen)(?:\s+(?:now|also|later|then|again|still|[a-z]+ly))*\s*$", left)
            if participle or second:
                s0 = max(ps, self.sentence_start(span.start), floor)
                if self.hits and s0 <= self.hits[-1][0] < begin + vm.start() and \
                        self.hits[-1][1].start < begin + vm.start() and self.hits[-1][1].start >= s0:
                    # "X," Tan said, adding, "Y": the subject of the clause of the quote before
                    return replace(self.hits[-1][1], verb=verb)
                # "..., Spicer said, adding": the subject of the reporting clause just before
                rm = re.search(r",\s+([^,;:]{1,60}?)\s+(?:[a-z]+ly\s+)?([a-z]+)(?:\s+[^,;:]{0,40})?,\s*$",
                               self.masked[s0:begin + vm.start()])
                if participle and rm and rm.group(2) in self.lex.speech_verbs and not rm.group(2).endswith("ing"):
                    hit = self._subject(s0 + rm.start(1), s0 + rm.start(2), verb)
                    if hit is not None and hit.kind in ("name", "pronoun"):
                        return hit
                hit = self._sentence_subject(s0, begin + vm.start(), verb)
                if hit:
                    return hit
                continue
            if verb.endswith("ing"):
                continue  # "people saying", "a sign reading": not a reporting clause
            nm = re.search(r"\b(?:a|an|the|his|her|its|their|our|my|this|that)\s+(?:([a-z\-]+)\s+)?$", left)
            sv = self.lex.speech_verbs
            base = verb + "s" in sv or verb + "ed" in sv or verb + "d" in sv or verb[:-1] + "ied" in sv
            if nm and base and not (
                    nm.group(1) and (nm.group(1) in self.extra["speaker_nouns"] or nm.group(1) in self.extra["group_nouns"])):
                continue  # "sent a curt reply to Roe:": the verb's form as a noun
            if re.search(r"\w,\s*$", left) and verb in self.lex.speech_verbs and \
                    re.match(r"\s+(?:[A-Z]|(?:the|a|an)\s)", seg[vm.end():]):
                # "The paradox of Nancy, says Carl Anthony, historian at ..., is that": an
                # inverted clause between commas, its name followed by a comma
                hit = self._object(begin + vm.end() + 1, span.start, verb)
                if hit is not None and hit.kind == "name" and re.match(r"\s*,", self.masked[hit.end:]):
                    return hit
            if re.match(r"\s*(?:When|After|Before|While|Since|Because|If|Although|Though|Once|Until|Even\s+as|Even\s+though)\s[^,;:]*$", left) \
                    and re.search(r",\s+\S", seg[vm.end():]):
                continue  # "When Trump suggested ..., Rubio fired back:": the main clause speaks
            if re.search(r"\b(?:that|which)\s*$", left):
                continue
            if re.search(r"\bto\s+$", left) and not re.search(
                    r"\b(?:wants?|wanted|going|tried|tries|try|refused|declined|continued?|continues|decided|used|began|begins|"
                    r"sought|seeks|seems?|seemed|appeared|appears|has|have|had|able|ready|likely|set|plans?|planned|hopes?|hoped|"
                    r"expects?|expected|chose|chooses|rushed|moved|went|(?:went|goes|go|going)\s+on|took\s+to|vowed|promised|declines|better)\s+to\s+$", left) \
                    and not re.search(r"\b(?:lead|leads|leading|led|prompt|prompts|prompting|prompted|forcing|forced|causing|caused|"
                                      r"pushing|pushed|spurring|spurred|inspiring|inspired|allowing|allowed)\b[^;:]{0,160}\bto\s+$", left):
                continue  # "seeking a leader to counter": not the subject's own words
            if re.search(r"\b(?:to|will|would|could|should|can|may|might|must|did|do|does|not|never)\s+$", left):
                # "wants to say", "did not say": still the subject's words when it opens the clause
                left2 = re.sub(r"(?:\s*\b(?:to|will|would|could|should|can|may|might|must|did|do|does|not|never|wants?|wanted|going|tried|tries|refused|declined|continued?|(?:went|goes|go)\s+on)\b)+\s*$", "", left)
                hit = self._subject(begin, begin + len(left2), verb)
                if hit:
                    return hit
                continue
            hit = self._subject(begin, begin + vm.start(), verb)
            if hit and self._good(hit):
                return hit
            if not self._junk(hit):
                fallback = fallback or hit
        if _colon_at_end(seg) is not None and (fallback is None or fallback.kind != "name" or self._person_at(fallback.start, fallback.end) is None):
            # "... doesn't surprise Republican pollster Daron Shaw: "...": a person named
            # right before the colon introduces the quotation
            hit = self._colon_person(begin, seg)
            if hit is not None:
                return hit
        if fallback is not None and not (seg.rstrip().endswith(":") and fallback.kind == "role"):
            return fallback
        # "More from Jones:" / "Trump: "..."": a name right before a colon
        m = re.search(r"(?:^\s*|\b[Ff]rom\s+)([A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\s*:\s*$", seg)
        if m and not verbs:
            hit = self._subject(begin, begin + m.end(1), None)
            if hit and hit.kind == "name":
                return hit
        if seg.rstrip().endswith(":"):
            # "Jane Roe released the following statement:" - the subject of the sentence
            hit = self._sentence_subject(begin, span.start, ":")
            if hit and (hit.kind == "pronoun" or hit.kind == "name" and (fallback is None or self.resolve(hit, hit.start))):
                return hit
        return fallback

    def _colon_person(self, begin: int, seg: str) -> Hit | None:
        """A person named right before the colon that ends seg, not a preposition's object."""
        at = _colon_at_end(seg)
        if at is None:
            return None
        colon = begin + at
        k = bisect.bisect_left(self.mention_starts, colon) - 1
        if k < 0 or self.mentions[k][1] != colon or self.mentions[k][0] < begin:
            return None
        s0, e0, _ = self.mentions[k]
        if re.search(r"\b(?:to|with|for|at|against|about|on|from)\s+(?:[a-z]+\s+){0,3}$", self.masked[max(begin, s0 - 40):s0]):
            return None
        return Hit("name", self.body[s0:e0], s0, e0, ":")

    def _sentence_subject(self, begin: int, verb_at: int, verb: str) -> Hit | None:
        """The subject of the sentence a participle hangs on: the first noun phrase after
        any opening adverbial (``On Twitter, she responded ..., saying``)."""
        seg = self.masked[begin:verb_at]
        # a dateline is not a subject: "WASHINGTON, Dec. 8 (Wire) — In response, ..."
        dl = _DATELINE.match(seg)
        if dl:
            seg = " " * dl.end() + seg[dl.end():]
        # skip an opening adverbial clause ending in a comma
        m = re.match(r"\s*(?:(?:In|On|At|After|Before|During|Later|Earlier|But|And|Yet|Still|However|Meanwhile|"
                     r"Instead|Asked|Speaking|Writing|Of|As\s+for|Like|Unlike|Outside|Inside|Back|Before|Under|Responding|Separately|Also|Then|Now|Last|This|For|With|"
                     r"Without|When|While|As|Since|Although|Though|If|Today|Yesterday|Monday|Tuesday|Wednesday|"
                     r"Thursday|Friday|Saturday|Sunday|Here|There|Once|Until|Because|Even|Amid|Despite|Following|"
                     r"[A-Z][a-z]+ing|(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?(?:later|earlier|ago)(?=\s*,))\b[^,]{0,160},\s*)+", seg)
        off = m.end() if m else 0
        off += len(re.match(r"\s*(?:(?:But|And|So|Yet|Still|Then|Also)\s+)?", seg[off:]).group(0))
        rest = seg[off:]
        pm = re.match(r"(he|she|they|He|She|They|I|We|we)\b", rest)
        if pm:
            return Hit("pronoun", pm.group(1).lower(), begin + off, begin + off + pm.end(), verb)
        runs = runs_of(rest)
        if runs and runs[0].start <= 1 and not (len(runs[0].words) == 1 and runs[0].words[0].text in ("The", "A", "An", "This", "That", "These", "Those", "It", "There", "What")):
            r = runs[0]
            cut = self._name_end(rest, r)
            # a description before the name: "Republican presidential candidate Jo Roe"
            dm = re.match(r"\s+((?:[a-z][\w\-]*\s+){0,3}([a-z][\w\-]*))\s+(?=[A-Z])", rest[cut:])
            if dm and len(runs) > 1 and runs[1].start == cut + dm.end() and (
                    dm.group(2) in self.extra["speaker_nouns"] or dm.group(2) in _role_words(self.lex)):
                r = runs[1]
                cut = self._name_end(rest, r)
                return Hit("name", rest[r.start:cut], begin + off + r.start, begin + off + cut, verb)
            # possessive description: "Trump's spokeswoman Hope Hicks"
            after = rest[cut:]
            mm = re.match(r"[’']s?\s+((?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})", after)
            if mm:
                s = cut + mm.start(2)
                return Hit("name", mm.group(2), begin + off + s, begin + off + s + len(mm.group(2)), verb)
            if re.match(r"[’']s?\s", after):
                np = re.match(r"[’']s?\s+((?:[\w\-]+\s+){0,3}?[a-z][\w\-]*)\b", after)
                if np:
                    text = rest[:cut + np.end()]
                    return Hit("role", text, begin + off, begin + off + len(text), verb)
            lo = bisect.bisect_left(self.mention_starts, begin + off + r.start)
            inner = [(s, e) for s, e, _ in self.mentions[lo:lo + 4] if e <= begin + off + r.end]
            if inner and inner[-1][0] > begin + off + r.start:
                # "Former Secretary of State Jo Roe": the person at the end of the titled run
                s, e = inner[-1]
                return Hit("name", self.body[s:e], s, e, verb)
            return Hit("name", rest[r.start:cut], begin + off + r.start, begin + off + cut, verb)
        np = re.match(r"((?:the|a|an|one|another|his|her|their|its|some|two|three|several)\s+(?:[\w\-’']+\s+){0,4}?[a-z][\w\-]*)\b", rest, re.I)
        if np:
            return Hit("role", np.group(1), begin + off, begin + off + np.end(1), verb)
        return None

    @staticmethod
    def _name_end(text: str, run) -> int:
        """Where the name of a capitalised run ends: before ``of Wisconsin`` when a person's
        name comes first (``Sen. Tammy Baldwin of Wisconsin``)."""
        words = run.words
        for k, w in enumerate(words):
            if w.text in ("of", "for", "and", "the", "&") and k >= 2:
                return words[k - 1].end
        return run.end

    # -- reading the mention next to the verb -------------------------------------------
    def _subject(self, begin: int, verb_at: int, verb: str | None) -> Hit | None:
        seg = self.masked[begin:verb_at].rstrip()
        if not seg:
            return None
        # a parenthetical between commas is blanked (offsets kept): "Roe, meanwhile, said"
        seg = _PARENTHETICAL.sub(lambda m: " " * len(m.group(0)), seg)
        person = self._appositive_person(begin, seg, verb)
        if person is not None:
            return person
        # strip what stands between subject and verb
        for _ in range(3):
            old = seg
            seg = _GAP_WORD.sub("", " " + seg)[1:].rstrip() if _GAP_WORD.search(" " + seg) else seg
            seg = re.sub(r"\s*\([^()]{0,40}\)$", "", seg)  # (R-Texas), (D)
            if seg.endswith(","):
                seg = self._drop_apposition(seg)
            if seg == old:
                break
        seg = seg.rstrip(" ,")
        if not seg:
            return None
        end = begin + len(seg)
        pm = re.search(r"(?:^|[\s,;:(—–-])(he|she|they|He|She|They|I|we|We|it|It|you|You|who)$", seg)
        if pm:
            word = pm.group(1).lower()
            if word in ("it", "you", "who"):
                return None
            return Hit("pronoun", word, begin + pm.start(1), end, verb)
        words = seg.split()
        last = words[-1] if words else ""
        if last[:1].isupper() or re.search(r"[A-Z][\w.\-’']*$", last):
            # a description ending in a name: "the senator from Vermont", "the Republican"
            dm = re.search(r"(?:^|\s)((?:[Tt]he|[Aa]n?)\s+(?:(?:[a-z\-]+\s+){0,2}([a-z\-]+)\s+(?:from|of)\s+"
                           r"[A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,2}|([A-Z][a-z]+)))$", seg)
            if dm and ((dm.group(2) and (dm.group(2) in self.extra["speaker_nouns"] or dm.group(2) in _role_words(self.lex)))
                       or (dm.group(3) and (dm.group(3).lower() in self.extra["speaker_nouns"] or dm.group(3).lower() in self.extra["resident_nouns"]))):
                return Hit("role", dm.group(1), begin + dm.start(1), end, verb)
            runs = runs_of(seg)
            if runs and runs[-1].end >= len(seg) - 1:
                r = runs[-1]
                name = seg[r.start:r.end]
                if name.split()[0] in ("The", "the") and len(name.split()) > 1:
                    return Hit("name", name, begin + r.start, begin + r.end, verb)
                return Hit("name", name, begin + r.start, begin + r.end, verb)
            return None
        # an apposition missing its closing comma: "Jo Roe, who chairs the fund said"
        m = re.search(r"([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}),\s+(?:who|whose|a|an|the)\s[^,;:()]*$", seg)
        if m:
            a, b = begin + m.start(1), begin + m.end(1)
            if self._person_at(a, b) is not None or (len(m.group(1).split()) > 1 and m.group(1).split()[0].lower() not in self.lex.non_names):
                return Hit("name", m.group(1), a, b, verb)
        # a description: "the ministry", "a senior official", "Trump's spokeswoman"
        m = re.search(r"(?:^|[\s,;:(—–-])((?:(?:[\w\-.&]+[’']s?|the|a|an|one|another|his|her|their|its|some|two|three|several|many|other|most|both|all)\s+)?"
                      r"(?:[\w\-.&’']+\s+){0,4}?[a-z][a-z\-]*)$", seg)
        if not m:
            return None
        np = m.group(1)
        # cut the noun phrase at its left edge: the last determiner, possessive or clause word
        toks = np.split()
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k].lower()
            if t in ("and", "that", "which", "who", "when", "but", "as", "while", "because", "if", "so", "than", "to", "of", "for", "in", "on", "at", "by", "with", "from"):
                toks = toks[k + 1:]
                break
            if t in _DETERMINERS or t.endswith(("’s", "'s")):
                toks = toks[k:]
                break
        if not toks:
            return None
        head = toks[-1].lower()
        if head in _NOT_SPEAKERS or head in _SUBJECT_PRONOUNS or len(toks) == 1 and toks[0].lower() in _DETERMINERS:
            return None
        if head in self.lex.speech_verbs or head in self.lex.calling_verbs or head.endswith("ed") and head not in self.extra["speaker_nouns"]:
            return None
        text = " ".join(toks)
        s = begin + seg.rfind(toks[0]) if toks[0] in seg else begin
        return Hit("role", text, s, end, verb)

    def _open_role_apposition(self, body: str) -> bool:
        """An apposition of a role and where it is held, missing its closing comma (wire
        style): ``Jo Roe, analyst with Acme Inc said``."""
        m = re.search(r",\s+(?:(?:a|an|the)\s+)?(?:[a-z\-]+\s+){0,2}([a-z\-]+)\s+(?:of|at|with|for|from)\s[^,;:()]*$", body)
        noun = m.group(1) if m else ""
        # one person's role: "analysts at Acme Bank said" after "Unlike Jo Roe," is a subject of its own
        singular = not noun.endswith("s") or noun.endswith("ss")
        return singular and (noun in self.extra["speaker_nouns"] or noun in _role_words(self.lex))

    def _appositive_person(self, begin: int, seg: str, verb: str | None) -> Hit | None:
        """A person named in the subject with an apposition after them, the apposition
        holding other names: ``Mark Roe, chairman of Acme, the group's arm, said``;
        ``Jo Roe, who chairs Acme Fund said``; ``her adviser, Jo Roe, said``."""
        body = seg.rstrip()
        if not body.endswith(",") and not re.search(r",\s+(?:who|whose)\s[^,;:()]*$", body) \
                and not self._open_role_apposition(body):
            return None
        lo = bisect.bisect_left(self.mention_starts, begin)
        hi = bisect.bisect_left(self.mention_starts, begin + len(body))
        for s0, e0, p in self.mentions[lo:hi]:
            a, b = s0 - begin, e0 - begin
            tail = body[b:]
            if not tail.startswith(","):
                continue
            if re.search(r"\b(?:of|for|with|to|by|at|from|about|against|and|or|than|like)\s+(?:[A-Z][\w.\-’']*\s+){0,3}$", body[:a]):
                continue  # the object of a preposition: "a spokesman for Jo Roe, ..."
            if body[:a].strip() and not re.search(r"(?:^|,)\s*(?:(?:the|a|an|his|her|their|its|[A-Z][\w.\-’']*['’]s?)\s+)?(?:[\w\-’']+\s+){0,5}$", body[:a]):
                continue
            if tail.strip() == ",":
                # "her senior policy adviser, Jo Roe, said": the name after a description
                if re.search(r"(?:^|,)\s*(?:the|a|an|his|her|their|its|[A-Z][\w.\-’']*['’]s?)\s+(?:[\w\-]+\s+){0,4}[a-z][\w\-]*,\s*$", body[:a]):
                    return Hit("name", seg[a:b], s0, e0, verb)
                continue
            relative = re.match(r",\s+(?:who|whose)\s", tail)
            if not relative and re.search(r"\b(?:" + "|".join(_CLAUSE_VERBS) + r")\b", tail):
                continue  # the tail is a clause of its own, not an apposition
            if not relative and not _APPOSITION_START.match(tail, 1):
                continue
            # the apposition must run to the verb: no other subject after it
            return Hit("name", seg[a:b], s0, e0, verb)
        return None

    @staticmethod
    def _drop_apposition(seg: str) -> str:
        """``Jane Roe, a spokeswoman for the Ministry,`` -> ``Jane Roe``; ``X, 54,`` -> ``X``."""
        body = seg[:-1]
        commas = [m.start() for m in re.finditer(",", body)]
        for c in reversed(commas):
            before = body[:c].rstrip()
            if not before:
                continue
            if not _APPOSITION_START.match(body, c + 1):
                continue
            if re.search(r"(?:[A-Z][\w.\-’']*|\)|\b(?:he|she|they|who))$", before) or re.search(r"\b[a-z]+$", before):
                # prefer the leftmost comma after a name: "X, director of A, B and C,"
                for c2 in commas:
                    if c2 >= c:
                        break
                    b2 = body[:c2].rstrip()
                    if re.search(r"[A-Z][\w.\-’']*$", b2) and _APPOSITION_START.match(body, c2 + 1) and \
                            re.match(r"\s*(?:a|an|the|who|whose|which|\d)", body[c2 + 1:]):
                        return b2
                return before
        return seg

    def _object(self, begin: int, end: int, verb: str) -> Hit | None:
        """The noun phrase after an inverted verb (``said Sen. Jane Roe``) or ``according to``."""
        seg = self.masked[begin:end]
        m = re.match(r"(he|she|they|He|She|They|I|we|We)\b", seg)
        if m:
            return Hit("pronoun", m.group(1).lower(), begin, begin + m.end(), verb)
        # cut at the first punctuation or clause word (dots of abbreviations kept)
        cut = len(seg)
        for sm in _OBJECT_STOP.finditer(seg):
            if sm.start() == 0 and sm.group(0).strip() == "":
                continue
            cut = sm.start()
            break
        for dm in re.finditer(r"[.!?](?=\s|$)", seg[:cut]):
            if not self._abbrev(begin + dm.start()):
                cut = dm.start()
                break
        head = seg[:cut].rstrip()
        if not head:
            return None
        last = head.split()[-1]
        if last[:1].islower() and last.lower() not in _NOT_SPEAKERS and len(head.split()) <= 6:
            # "said the bureau's director, Jo Roe," / "exhorted Roe's introducer, actress Jo Lee"
            am = re.match(r",\s+((?:[a-z][\w\-]*\s+){0,3})([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})"
                          r"(?=\s*(?:[,.;:)]|$)|\s+(?:on|in|at|during|who|after|before|when|while)\b)", seg[cut:])
            if am and not (am.group(1) and am.group(1).split()[0] in ("and", "but", "or", "so", "then", "as", "while", "when")):
                a = begin + cut + am.start(2)
                name = re.sub(r"(?<=[a-z]{2})\.$", "", am.group(2))
                if name.split()[0].lower() not in self.lex.non_names and name not in self.lex.places and (
                        self._person_at(a, a + len(name)) is not None or len(name.split()) > 1):
                    return Hit("name", name, a, a + len(name), verb)
        first = head.split()[0]
        if first.lower() in _DETERMINERS and len(head.split()) > 1 and not _plausible_np(head, self.extra["speaker_nouns"]):
            return None
        if first.lower() in _DETERMINERS and not (len(head.split()) > 1 and head.split()[1][:1].isupper() and first.lower() == "the" and all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in head.split()[1:])):
            toks = head.split()
            if len(toks) < 2 or toks[-1].lower() in _NOT_SPEAKERS:
                return None
            return Hit("role", head, begin, begin + len(head), verb)
        if first[:1].islower():
            # "former Vermont governor Howard Dean": the name at the end of the description
            runs = runs_of(head)
            if runs and runs[-1].end >= len(head) - 1 and len(runs[-1].words) >= 1:
                r = runs[-1]
                return Hit("name", head[r.start:r.end], begin + r.start, begin + r.end, verb)
            if len(head.split()) <= 6 and head.split()[-1].lower() not in _NOT_SPEAKERS:
                return Hit("role", head, begin, begin + len(head), verb)
            return None
        runs = runs_of(head)
        if not runs:
            return None
        r = runs[-1] if len(runs) > 1 and runs[-1].end >= len(head) - 1 else runs[0]
        if len(runs) > 1 and runs[0].start == 0:
            # "Ohio State University professor Paul Beck": the last run is the person
            r = runs[-1] if runs[-1].end >= len(head) - 1 else runs[0]
            # but "Herbert Hansen of Respond's Belgian partner Keyobs": a person named first,
            # then where they work, is the speaker
            named = self._name_end(head, runs[0])
            if r is not runs[0] and named < runs[0].end and self._person_at(begin, begin + named) is not None:
                r = runs[0]
        stop = self._name_end(head, r)
        return Hit("name", head[r.start:stop], begin + r.start, begin + stop, verb)

    # -- resolving a mention to a canonical speaker -------------------------------------
    def resolve(self, hit: Hit, pos: int) -> str | None:
        if hit.kind == "pronoun":
            if hit.text in ("he", "she"):
                return self._antecedent(hit.start, _PRONOUNS[hit.text])
            if hit.text == "they":
                return self._org_antecedent(hit.start)
            return None
        if hit.kind == "role":
            return self._by_role(hit)
        return self._by_name(hit)

    def _person_at(self, start: int, end: int) -> Person | None:
        best = None
        for s, e, p in self.all_mentions:
            if s >= end:
                break
            if e > start:
                best = p
        return best

    def _org_at(self, start: int, end: int):
        best = None
        for s, e, o in self.org_mentions:
            if s >= end:
                break
            if e > start:
                best = o
        return best

    def _by_name(self, hit: Hit) -> str | None:
        p = self._person_at(hit.start, hit.end)
        if p is not None:
            return p.name
        o = self._org_at(hit.start, hit.end)
        if o is not None:
            return o.name
        tokens = [t for t in re.split(r"\s+", hit.text) if t]
        i = 0
        while i < len(tokens):
            for n in self.lex.title_lengths:
                if tuple(t.lower() for t in tokens[i:i + n]) in self.lex.titles and i + n < len(tokens):
                    i += n
                    break
            else:
                if tokens[i] in self.lex.demonyms and i + 1 < len(tokens) or tokens[i] in self.extra["name_leads"] and i + 1 < len(tokens):
                    i += 1
                    continue
                break
        tokens = tokens[i:]
        if not tokens:
            return None
        name = " ".join(tokens)
        name = re.sub(r"['’]s?$", "", name)
        if not name:
            return None
        for person in self.entities.people:
            if person.name == name:
                return person.name
        last = name.split()[-1]
        cands = []
        for s, e, person in self.mentions:
            if s > hit.start:
                break
            parts = person.name.split()
            if parts[-1] == last or (len(name.split()) == 1 and parts[0] == name and len(parts) == 2 and parts[0] not in self.lex.first_names):
                cands.append(person)
        if cands:
            return cands[-1].name
        for person in self.entities.people:
            parts = person.name.split()
            if parts[-1] == last:
                return person.name
        for o in self.entities.organizations:
            if o.name == name or name in o.aliases:
                return o.name
        org = self.lex.organizations.get(name.lower())
        if org:
            return org
        low = name.lower()
        if low in self.lex.non_names or low in _TIME_WORDS or name in self.lex.places or name in self.lex.demonyms:
            return None
        if name.isupper() and len(name) > 5 and " " in name:
            return None  # a headline or a dateline in capitals
        return name

    def _role_words(self):
        return _role_words(self.lex)

    def _by_role(self, hit: Hit) -> str | None:
        text = hit.text
        low = text.lower()
        toks = low.split()
        # a name inside the description: "Trump's spokeswoman" stays a description,
        # "the Heritage Foundation website" is the organisation
        head = toks[-1]
        noun = None
        for key, syn in self.lex.role_nouns.items():
            if re.search(r"\b" + re.escape(key) + r"\b", low):
                noun = syn
        definite = toks[0] in ("the", "his", "her", "their", "its") or toks[0].endswith(("’s", "'s"))
        if noun is not None and definite and not re.search(r"\b(?:for|of|at|with)\b", low):
            cands = [(s, p) for s, e, p in self.mentions if s < hit.start and p.role and any(x in p.role.lower() for x in noun)]
            if cands:
                return cands[-1][1].name
            gender = "f" if re.search(r"woman\b|\bshe\b", low) else "m" if re.search(r"\bman\b|man$", head) and head != "human" else None
            if head in self.extra["speaker_nouns"] or noun:
                if toks[0] == "the" and len(toks) == 2:
                    return self._antecedent(hit.start, gender, strict=True)
        if noun is not None and definite:
            tail = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", text)
            cands = [(s, p) for s, e, p in self.mentions if s < hit.start and p.role and any(x in p.role.lower() for x in noun)]
            if tail:
                better = [(s, p) for s, p in cands if tail.group(1) in (p.role or "")]
                if better:
                    return better[-1][1].name
        if head in self.extra["group_nouns"] or head in _group_words(self.lex):
            if definite and len(toks) <= 3:
                best = None
                for s, e, o in self.org_mentions:
                    if s > hit.start:
                        break
                    if head in o.name.lower().split():
                        best = o
                if best is not None:
                    return best.name
        if noun is not None:
            # "a spokesman said" in the lead, named further down: the one person in that role
            tail = re.search(r"\b(?:for|of|at)\s+(?:the\s+)?(.+)$", text)
            holders = {p.name for p in self.entities.people if p.role and any(x in p.role.lower() for x in noun)
                       and (not tail or tail.group(1) in p.role)}
            if len(holders) == 1:
                return holders.pop()
        o = self._org_at(hit.start, hit.end)
        person_head = head in self.extra["speaker_nouns"] or head in _role_words(self.lex)
        if o is not None and not person_head and not re.search(r"\b(?:for|of|at|with|to)\b", low):
            return o.name
        # an unnamed source stays as the article describes it
        words = text.split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if not words or words[-1].lower() in _NOT_SPEAKERS:
            return None
        # ... with the body it speaks for: "a spokesman for the House Armed Services Committee"
        m = _NAMED_COMPLEMENT.match(self.masked, hit.end)
        if m and not re.search(r"\b(?:for|of|at)\b", low):
            words.append(self.body[m.start(1):m.end()].strip())
        return " ".join(words)

    def _salient(self, pos: int, gender: str | None, strict: bool = False) -> str | None:
        """The most salient person before pos of a compatible gender: in the nearest
        sentence that names one, the speaker of a quote there, else its first person."""
        ps, _ = self.para_of(pos)
        k = bisect.bisect_left(self.mention_starts, pos) - 1
        limit = self.paras[max(0, self.paras.index(self.para_of(pos)) - 3)][0] if self.paras else 0
        # the current sentence, left of the pronoun
        sstart = self.sentence_start(pos)
        cur = [(s, e, p) for s, e, p in self.mentions[max(0, k - 30):k + 1]
               if sstart <= s < pos and self._compatible(p, gender) and not self._modifier(e)]
        if cur:
            return min(cur, key=lambda x: (self._mention_rank(x[0], x[1]) > 0, x[0]))[2].name
        # earlier sentences, nearest first
        spoken = {}
        for q in self.quotes:
            if q.kind == "speech" and q.speaker and q.start < pos:
                spoken[self.sentence_start(q.start)] = q.speaker
                if q.speaker_start is not None:
                    spoken[self.sentence_start(q.speaker_start)] = q.speaker
        j = bisect.bisect_left(self.sent_starts, sstart) - 1
        while j >= 0 and self.sent_starts[j] >= limit:
            a, b = self.sent_starts[j], self.sent_starts[j + 1] if j + 1 < len(self.sent_starts) else pos
            sp = spoken.get(a)
            if sp and self._compatible_name(sp, gender):
                return sp
            said = self._said_subject(a, b)
            if said and self._compatible_name(said, gender):
                return said
            subj = self._sentence_subject(a, b, None) if b - a < 600 else None
            if subj is not None and gender is not None and not self._in_quote(subj.start):
                if subj.kind == "pronoun" and subj.text == ("he" if gender == "m" else "she"):
                    # "He said on Thursday that Roe ...": the same he as ours, named further back
                    j -= 1
                    continue
                if subj.kind == "name":
                    p = self._person_at(subj.start, subj.end)
                    if p is not None and self._compatible(p, gender):
                        return p.name
            lo = bisect.bisect_left(self.mention_starts, a)
            hi = bisect.bisect_left(self.mention_starts, b)
            best = None
            for s, e, p in self.mentions[lo:hi]:
                if self._compatible(p, gender) and not self._not_antecedent(s, e):
                    rank = self._mention_rank(s, e)
                    if best is None or rank < best[0]:
                        best = (rank, p.name)
            if best:
                return best[1]
            j -= 1
        return None

    def _not_antecedent(self, s: int, e: int) -> bool:
        """A mention that does not stand for the person as an agent: a modifier of a group
        (``the Obama administration``, ``Trump campaign``) or the object of a participle
        (``..., forcing Sanders to reverse``)."""
        if _GROUP_AFTER.match(self.masked, e):
            return True
        before = self.masked[max(0, s - 40):s]
        m = re.search(r"\b([a-z]+ing)\s+(?:[A-Z][\w.\-’']*\s+){0,3}$", before)
        return bool(m) and m.group(1) not in ("during", "according", "notwithstanding", "something", "nothing",
                                               "anything", "everything", "morning", "evening", "building", "king")

    def _modifier(self, e: int) -> bool:
        """A name that qualifies the role of another person: "Cruz spokesman Rick Tyler"."""
        m = re.match(r"(?:['’]s)?\s+((?:[a-z\-]+\s+){0,2}([a-z\-]+))\s+[A-Z]", self.masked[e:e + 60])
        return bool(m) and (m.group(2) in self.extra["speaker_nouns"] or m.group(2) in _role_words(self.lex))

    def _mention_rank(self, s: int, e: int) -> int:
        """0 for the subject of a reporting verb, 1 for a subject-like mention, 2 for a
        possessive or the object of a preposition."""
        after = self.masked[e:e + 40]
        m = re.match(r"(?:,[^,]{0,80},)?\s*(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)*([a-z]+)", after)
        if m and m.group(1) in self.lex.speech_verbs:
            return 0
        before = self.masked[max(0, s - 12):s]
        if re.match(r"['’]", after) or re.search(r"\b(?:of|to|with|for|by|at|on|in|from|against|about|and|than|like|between|over|under)\s+(?:[A-Z][\w.\-]*\s+){0,3}$", before):
            return 2
        return 1

    def _antecedent(self, pos: int, gender: str | None, strict: bool = False) -> str | None:
        return self._salient(pos, gender, strict)

    def _org_antecedent(self, pos: int) -> str | None:
        return None

    def _said_subject(self, a: int, b: int) -> str | None:
        """``Roe said ...`` in the sentence [a, b): the name before a reporting verb."""
        seg = self.masked[a:b]
        for m in re.finditer(r"\b([A-Z][\w’'\-.]+(?:\s+[A-Z][\w’'\-.]+)*)\s+(?:[a-z]+ly\s+)?([a-z]+)\b", seg):
            if m.group(2) in self.lex.speech_verbs and m.group(2)[-3:] != "ing":
                if re.search(r"\b(?:[a-z]+)\s+(?:that\s+)?$", seg[:m.start(1)]) and \
                        re.search(r"\b([a-z]+)\s+(?:that\s+)?$", seg[:m.start(1)]).group(1) in self.lex.speech_verbs | {"that"}:
                    continue  # "Roe said Lee continued ...": Lee is inside what Roe said
                name = self._by_name(Hit("name", m.group(1), a + m.start(1), a + m.end(1)))
                if name and name.lower() not in self.lex.non_names and m.group(1).split()[0].lower() not in self.lex.non_names:
                    return name
        return None

    def _compatible_name(self, name: str, gender: str | None) -> bool:
        p = self.people.get(name)
        if p is not None:
            return self._compatible(p, gender)
        if gender is None:
            return True
        g = self.lex.first_names.get(name.split()[0])
        if g is None and name[:1].islower():
            return False  # a description ("senior official") is not a he or she
        return g is None or g == gender

    def _learn_genders(self) -> dict[str, str]:
        """Each person's gender as the article shows it: a title (Mr., Ms.), a given name,
        else how the narrative refers back to them (he/his/him, she/her) right after a
        mention with no other person in between, by majority."""
        out: dict[str, str] = {}
        votes: dict[str, list[int]] = {}
        for p in self.entities.people:
            g = p.gender or self.lex.first_names.get(p.name.split()[0])
            if g is None:
                for m in p.mentions:
                    t = self.body[max(0, m.start - 5):m.start]
                    if re.search(r"\b(?:Mr|Sir)\.?\s$", t):
                        g = "m"
                    elif re.search(r"\b(?:Ms|Mrs|Miss)\.?\s$", t):
                        g = "f"
            if g:
                out[p.name] = g
        if len(out) == len(self.entities.people):
            return out
        for pm in re.finditer(r"\b(he|she|He|She)\b", self.masked):
            k = bisect.bisect_left(self.mention_starts, pm.start()) - 1
            if k < 0:
                continue
            s, e, person = self.mentions[k]
            a = self.sentence_start(s)
            if pm.start() - e > 160 or s - a > 40 or (k > 0 and self.mentions[k - 1][0] >= a) \
                    or self.sentence_start(pm.start()) != pm.start():
                continue  # only a sentence's opening person, and the next sentence's He/She
            v = votes.setdefault(person.name, [0, 0])
            v[0 if pm.group(1).lower() == "he" else 1] += 1
        for name, (m, f) in votes.items():
            if name not in out and max(m, f) >= 2 * min(m, f) + 1:
                out[name] = "m" if m > f else "f"
        return out

    def _compatible(self, person: Person, gender: str | None) -> bool:
        if gender is None:
            return True
        g = self.genders.get(person.name)
        return g is None or g == gender

    def sentence_source(self, span) -> tuple[str, int, int] | None:
        """``Trump called the merger "a terrible deal"``: with no reporting verb, a quote
        inside a sentence belongs to the subject of that sentence when it is a person or an
        organisation the article names (or he/she resolved to one)."""
        if span.open is None:
            return None
        ps, _ = self.para_of(span.start)
        s0 = max(ps, self.sentence_start(span.start), self._prev_close(span.start, ps))
        lead = self.masked[s0:span.start]
        if len(lead.split()) < 2 or ":" in lead[-3:]:
            return None
        hit = self._sentence_subject(s0, span.start, None)
        if hit is None or hit.kind == "role":
            return None
        if hit.kind == "pronoun":
            if hit.text not in ("he", "she"):
                return None
        elif self._person_at(hit.start, hit.end) is None and self._org_at(hit.start, hit.end) is None:
            return None
        # the subject must be followed by its verb, not be the object of a preposition
        after = self.masked[hit.end:span.start]
        if not re.match(r"(?:\s*\([^()]{0,30}\))?(?:,[^,]{1,120},)?\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|has\s+|had\s+|have\s+|is\s+|was\s+)*[a-z]+", after):
            return None
        speaker = self.resolve(hit, span.start)
        if speaker is None:
            return None
        return speaker, hit.start, hit.end

    def carry_over(self, span) -> tuple[str | None, int | None, int | None]:
        """A quote with no reporting clause: the speaker of the quote just before it, in this
        paragraph or the one above, or the subject of a paragraph ending with a colon."""
        ps, _ = self.para_of(span.start)
        prev_paras = [p for p in self.paras if p[1] < ps]
        prev = prev_paras[-1] if prev_paras else None
        sstart = self.sentence_start(span.start)
        lead = self.masked[max(sstart, ps):span.start].rstrip()
        # "X said:" at the end of the sentence before the quote, or of the paragraph above
        for a, b in ((self.sentence_start(max(ps, sstart - 1)), sstart), (prev[0], prev[1]) if prev else (0, 0)):
            text = self.masked[a:b].rstrip()
            if b > a and text.endswith(":") and (a == sstart or not lead):
                s0 = self.sentence_start(a + len(text) - 1)
                fake = _FakeSpan(a + len(text))
                hit = self._before(fake, max(a, s0))
                if hit:
                    return self.resolve(hit, a + len(text)), hit.start, hit.end
        last = next((q for q in reversed(self.quotes) if q.kind == "speech"), None)
        if not lead and (last is None or last.start < ps):
            # "X said in a statement." or "X tweeted a warning." just before: the quote that
            # opens the next sentence or paragraph is what X said
            b = sstart if sstart > ps else (prev[1] if prev else 0)
            a = self.sentence_start(max(0, b - 1)) if b > 0 else 0
            text = self.masked[a:b].rstrip()
            if text and b - a < 400 and not any(a <= x < b for x in self.inside_starts[
                    max(0, bisect.bisect_left(self.inside_starts, a)):bisect.bisect_left(self.inside_starts, b)]):
                hit = self._before(_FakeSpan(a + len(text)), a)
                if hit is not None and self._good(hit) and hit.verb not in (None, ":") and not hit.verb.endswith("ing"):
                    return self.resolve(hit, a + len(text)), hit.start, hit.end
        for q in reversed(self.quotes):
            if q.kind != "speech":
                continue
            if q.start >= ps or (prev and q.start >= prev[0]):
                return q.speaker, q.speaker_start, q.speaker_end
            break
        return None, None, None


@dataclass(frozen=True)
class _FakeSpan:
    start: int

    @property
    def open(self):
        return self.start


_CACHE: dict = {}


@functools.lru_cache(maxsize=4)
def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """The phrase cues as one pattern; any run of spaces (a no-break space too) between words."""
    alts = sorted((r"\s+".join(map(re.escape, p.split())) for p in phrases), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b" if alts else r"(?!x)x")


def _plausible_np(head: str, speaker_nouns) -> bool:
    """``a spokesman for the ministry`` yes; ``the city embodied the`` no."""
    main = re.split(r"\s(?:for|of|at|with|from|in|on)\s", head, maxsplit=1)[0]
    toks = main.split()
    if len(toks) > 6:
        return False
    for t in toks[1:]:
        lt = t.lower()
        if lt in _DETERMINERS or lt in _SUBJECT_PRONOUNS or (lt.endswith("ed") and lt not in speaker_nouns and t[:1].islower()):
            return False
    return True


def _role_words(lex: Lexicon) -> frozenset:
    key = ("role", id(lex))
    if key not in _CACHE:
        words = set()
        for k, syn in lex.role_nouns.items():
            words.add(k.split()[-1])
            words.update(s.split()[-1].rstrip(".") for s in syn)
        _CACHE[key] = frozenset(words)
    return _CACHE[key]


def _group_words(lex: Lexicon) -> frozenset:
    key = ("group", id(lex))
    if key not in _CACHE:
        _CACHE[key] = frozenset(w.lower() for w in lex.org_words) | {
            "ministry", "government", "campaign", "committee", "administration", "agency", "department"}
    return _CACHE[key]
