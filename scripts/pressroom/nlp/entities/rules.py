"""People, organisations and places named in an article, one canonical entry each.

Rules over capitalised runs of words, with the word lists of ``data/``: a run is split
into titles (kept as the person's role) and a name; a run holding an organisation word
("Ministry", "Inc.") or listed as an organisation is one; a run in the gazetteer is a
place. A lone surname ("Tan", "Shoigu") is merged into the person introduced in full.
Every mention keeps its offsets into the body.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..dates import WEEKDAYS
from ..lexicon import Lexicon, load
from ...model import Entities, Mention, Organization, Person, Place

# A word that may be part of a name: capitalised, with inner apostrophes, hyphens, dots.
# "&" joins "AT&T" but not an HTML entity left in a pasted text ("Ellison&rsquo;s",
# "Ellison&#8217;s", "Ellison&#x2019;s").
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF](?:[\w’'.\-]|&(?![A-Za-z]+;|#\d+;|#[xX][0-9A-Fa-f]+;))*|(?<= )&(?= )")
# "Bill de Blasio", "Ursula von der Leyen", "Luigi di Maio": lower-case particles inside a name
_PARTICLES = {"de", "del", "della", "di", "da", "dos", "das", "van", "von", "der", "den", "ter", "le", "la", "du", "al", "bin", "ibn"}
_CONNECTORS = {"of", "for", "and", "the", "&"} | _PARTICLES
_KEEP_DOT = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Jr\.|Sr\.|St\.|Sen\.|Rep\.|Gov\.|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Adm\.|Sgt\.|Prof\.|Rev\.|Inc\.|Corp\.|Co\.|Ltd\.|Dept\.|No\.)$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_BREAK = re.compile(r"[,;:()\[\]\"“”!?\n—–/.]")
_SENT_END = re.compile(r"[.!?][\"”’]?\s*$")
_CITY_STATE = re.compile(r",\s+((?:[A-Z][a-z]*\.)+|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_POSS_GAP = re.compile(r"(['’]s?)\s+")
_SUFFIXES = {"Inc.", "Inc", "Ltd.", "Ltd", "LLC", "Co.", "Corp.", "Corp", "PLC", "Plc", "L.P.", "LLP", "Jr.", "Sr.", "AG", "SA", "NV"}
# a company's legal form ends its name: "Pennzoil Co and AT&T" are two companies
_LEGAL_FORMS = (_SUFFIXES - {"Jr.", "Sr."}) | {"Co", "NA", "SE"}
_POSS_NOUNS = {"Office", "Department", "Bureau", "Service", "Services", "Council", "Commission", "Committee", "Association", "Division", "Unit"}
_POSS_OWNERS = {"Women", "Men", "Children", "People", "Workers", "Veterans", "Farmers", "Teachers", "Nurses", "Citizens", "Employees", "Lloyd", "Moody", "McDonald", "Sainsbury", "Macy", "Wendy", "Domino", "Kellogg"}
_OPENERS = {"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "This", "That", "These", "Those", "His", "Her", "Its", "Their", "As", "If", "When"}
_MODIFIERS = {"former", "acting", "deputy", "vice", "senior", "junior", "chief", "general", "assistant", "interim", "then", "ex", "executive", "managing", "special", "associate", "state", "national", "international", "shadow", "co"}
_ROLE_LEAD = {"former", "acting", "deputy", "vice", "assistant", "interim", "then", "ex", "shadow", "senior", "junior"}
_OPENER_WORDS = {"the", "a", "an", "this", "that", "these", "those", "but", "and", "or", "so", "yet", "if", "when", "while",
                 "after", "before", "in", "on", "at", "by", "for", "from", "with", "meanwhile", "however", "also", "yesterday",
                 "today", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "members", "officials",
                 "under", "as", "since", "until", "according", "his", "her", "its", "their", "our", "both", "all", "every", "each"}
_ACRONYM_STOP = {"FY", "GDP", "CEO", "CFO", "COO", "TV", "AM", "PM", "OK", "ID", "IPO", "VAT", "HIV", "AIDS", "DNA", "RNA", "COVID", "SARS", "IT", "AI", "PR", "HQ", "UK", "US", "USA", "EU", "UN", "FTSE", "NYSE", "LNG", "GMT", "EST", "EDT", "PST", "BST", "CET", "ET", "PT", "MP", "MPs", "MEP", "MEPs", "PhD", "MBA", "BA", "MA", "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "SUV", "CCTV", "ATM", "PDF", "FAQ", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "NO", "THE", "AND", "OF", "A", "I", "R", "D", "S", "N", "E", "W", "SE", "NE", "SW", "NW", "KM", "MW", "GW", "CO2", "EV", "EVs", "HF", "SF", "HR", "DC", "NYC", "LA", "GOP", "TBD", "ASAP", "DIY", "RSVP", "FYI", "NB", "NOTE", "PS", "UTC", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "F-5E", "OTC"}
_PLACE_LEAD = re.compile(r"(?:\b(?:in|near|outside|port of|city of|town of|village of|province of|county of|suburb of|capital of|district of|region of)\s+)$")
_PHOTO = re.compile(r"\((?:Xinhua|AP|AFP|Reuters|EPA|Getty(?: Images)?|[A-Z][A-Za-z]+)/([A-Z][\w'’\-]*(?: [A-Z][\w'’\-]*){0,3})\)")
_PARTY_SEAT = re.compile(r"\((?:DFL|R|D|I|GOP|Rep|Dem|Ind|Lab|Con)\s*[-–—]\s*((?:St\.|[A-Z][\w'’.]*)(?:[ \-][A-Z][\w'’.]*)*)\)")
_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z]?(?:[A-Z&/.]| (?=[A-Z])){1,9})\)")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    capital: bool  # the first letter is upper case: computed once, read ~500 times per article


def word(start: int, end: int, text: str) -> Word:
    return Word(start, end, text, text[:1].isupper())


@dataclass(frozen=True)
class Run:
    """Capitalised words with no break between them: a candidate name."""

    words: tuple[Word, ...]
    sentence_start: bool

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def text(self, i: int = 0, j: int | None = None) -> str:
        words = self.words[i:j]
        return " ".join(w.text for w in words)


def _tokens(text: str):
    """(start, end, token) of each word, trailing dots (outside abbreviations) and
    possessives cut off."""
    for m in _WORD.finditer(text):
        token = m.group()
        last = token[-1]
        # most words end in a letter: only the others need the two rules below
        if last not in ".-'’" and not (last == "s" and token[-2:-1] in ("'", "’")):
            yield m.start(), m.end(), token
            continue
        s, e = m.start(), m.end()
        # a trailing dot belongs to the word only in abbreviations and initials
        while token.endswith((".", "-")) and not _KEEP_DOT.match(token):
            token, e = token[:-1], e - 1
        poss = _POSSESSIVE.search(token)
        if poss and len(token) > poss.end() - poss.start():
            token, e = token[: poss.start()], e - (poss.end() - poss.start())
        if token:
            yield s, e, token


def _close(current: list[Word], sentence_start: bool, runs: list[Run]) -> list[Word]:
    """End the run being read (without trailing connectors); the next one starts empty."""
    while current and not current[-1].capital:
        current.pop()
    if current:
        runs.append(Run(tuple(current), sentence_start))
    return []


def runs_of(text: str) -> list[Run]:
    """Split the text into runs of capitalised words (connectors allowed inside).

    "Attorney General’s Office" keeps its possessive; "Acme Group Co., Ltd." its suffix.
    The loop runs once per word of every article: the common case (one space before the
    word) skips the gap rules, and only words that join a run become ``Word``s."""
    runs: list[Run] = []
    current: list[Word] = []
    starts_sentence = True
    current_sentence_start = True
    prev_end = 0
    prev_text = ""
    for s, e, t in _tokens(text):
        capital = t[0].isupper()
        if not capital and not current:
            # outside a run a lower-case word only moves the sentence state on
            prev_end, prev_text = e, t
            starts_sentence = text[e:e + 1] in (".", "!", "?") and not _KEEP_DOT.match(t)
            continue
        if s == prev_end + 1 and text[prev_end] == " ":  # gap == " "
            if current and prev_text.endswith(".") and prev_text in _SUFFIXES and t in _OPENERS:
                starts_sentence = True
                current = _close(current, current_sentence_start, runs)
            if prev_text.endswith(".") and _SENT_END.search(text, max(0, prev_end - 3), s) or prev_end == 0:
                starts_sentence = True
        else:
            gap = text[prev_end:s]
            poss = _POSS_GAP.fullmatch(gap)
            if current and poss and current[-1].capital and (t in _POSS_NOUNS or current[-1].text in _POSS_OWNERS and capital):
                last = current[-1]
                current[-1] = word(last.start, prev_end + len(poss.group(1)), text[last.start:prev_end + len(poss.group(1))])
                current.append(Word(s, e, t, capital))
                prev_end, prev_text = e, t
                continue
            if current and gap in (", ", ",") and t in _SUFFIXES and current[-1].capital:
                current.append(Word(s, e, t, capital))
                prev_end, prev_text = e, t
                if text[e:e + 1] in (".", "!", "?") and not _KEEP_DOT.match(t):
                    starts_sentence = True
                continue
            breaks = bool(_BREAK.search(gap) or (gap.strip(" ") and not gap.isspace()))
            if current and prev_text.endswith(".") and prev_text in _SUFFIXES and t in _OPENERS:
                breaks, starts_sentence = True, True
            if breaks or (current and not gap.isspace()):
                current = _close(current, current_sentence_start, runs)
            if ("\n" in gap or _SENT_END.search(text, max(0, prev_end - 3), s)) or prev_end == 0:
                starts_sentence = True
        if capital:
            if not current:
                current_sentence_start = starts_sentence
            current.append(Word(s, e, t, True))
        elif current and t in _CONNECTORS:
            current.append(Word(s, e, t, False))
        elif current:
            current = _close(current, current_sentence_start, runs)
        starts_sentence = False
        prev_end, prev_text = e, t
        if text[e:e + 1] in (".", "!", "?") and not _KEEP_DOT.match(t):
            starts_sentence = True
    _close(current, current_sentence_start, runs)
    return runs


MAX_RUN = 60


@dataclass
class _Draft:
    name: str
    role: str | None
    gender: str | None
    mentions: list[Mention]
    first: int | None = None  # where the earliest mention starts: asked for every bare surname

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
        self.first = mention.start if self.first is None else min(self.first, mention.start)


class _Ctx:
    """What one article has found so far."""

    def __init__(self, text: str, lex: Lexicon):
        self.text = text
        self.lex = lex
        self.lower_words = set(re.findall(r"\b[a-z][a-z’'\-]+\b", text))
        self.people: dict[str, _Draft] = {}
        self.singles: list[tuple[Word, bool]] = []  # one-word names, resolved once full names are known
        self.orgs: dict[str, list[Mention]] = {}
        self.org_forms: dict[str, set[str]] = {}
        self.places: dict[str, list[Mention]] = {}
        self.place_forms: dict[str, set[str]] = {}
        self.not_orgs: set[str] = set()  # acronyms the article defines as a law or a plan

    def add_place(self, name: str, s: int, e: int):
        canonical = self.lex.places.get(name, name)
        self.places.setdefault(canonical, []).append(Mention(s, e))
        self.place_forms.setdefault(canonical, set()).add(name)

    def add_org(self, name: str, s: int, e: int):
        canonical = self.lex.organizations.get(name.lower(), name)
        self.orgs.setdefault(canonical, []).append(Mention(s, e))
        self.org_forms.setdefault(canonical, set()).add(name)


def _fullest(canonical: str, forms: set[str]) -> str:
    """The name an entry goes by in this article: the canonical form when the article uses
    it, else the fullest form it uses ("UK" in an article that never says "United Kingdom")."""
    if canonical in forms or not forms:
        return canonical
    return max(sorted(forms), key=len)


def extract(text: str, lex: Lexicon | None = None) -> Entities:
    lex = lex or load()
    ctx = _Ctx(text, lex)
    for m in _PHOTO.finditer(text):  # photo credits "(Xinhua/Jan Novak)" name a photographer
        s = m.start(1)
        ws = [word(s + a.start(), s + a.end(), a.group()) for a in re.finditer(r"\S+", m.group(1))]
        if all(_name_word(w, lex) for w in ws):
            _add_person(ws, None, None, ctx)
    for m in _PARTY_SEAT.finditer(text):  # "(DFL-Blaine)": a legislator's party and home town
        ctx.add_place(m.group(1), m.start(1), m.end(1))
    for run in runs_of(text):
        # no name or title runs to 60 capitalised words (25 is the longest in the shared
        # corpus and PolNeAR); the rules re-read a run once per word they peel off it, so a
        # hostile run of thousands is classified in pieces
        for k in range(0, len(run.words), MAX_RUN):
            _classify(list(run.words[k:k + MAX_RUN]), run.sentence_start and k == 0, ctx)
    for w, place_lead in ctx.singles:
        person = _match_person(w.text, ctx.people, lex)
        if person:
            person.add(Mention(w.start, w.end))
        elif place_lead and w.text not in lex.first_names and w.text.lower() not in ctx.lower_words:
            ctx.add_place(w.text, w.start, w.end)
    for ms in list(ctx.places.values()):  # "Orange, Calif.": the state after a city
        for m in list(ms):
            cs = _CITY_STATE.match(text, m.end)
            if cs and lex.places.get(cs.group(1)) in _us_states() and not any(
                    x.start == cs.start(1) for x in ctx.places.get(lex.places[cs.group(1)], ())):
                ctx.add_place(cs.group(1), cs.start(1), cs.end(1))
    _bare_acronyms(ctx)
    _acronyms(text, ctx)
    _merge_orgs(ctx)
    people = sorted(ctx.people.values(), key=lambda d: min(m.start for m in d.mentions))
    return Entities(
        people=tuple(
            Person(d.name, d.role, tuple(sorted(d.mentions, key=lambda m: m.start)), d.gender) for d in people
        ),
        organizations=tuple(
            Organization(_fullest(name, ctx.org_forms.get(name, set())),
                         tuple(sorted(f for f in ctx.org_forms.get(name, ()) if f != _fullest(name, ctx.org_forms.get(name, set())))),
                         tuple(sorted(ms, key=lambda m: m.start)))
            for name, ms in sorted(ctx.orgs.items(), key=lambda kv: min(m.start for m in kv[1]))
        ),
        places=tuple(
            Place(_fullest(name, ctx.place_forms.get(name, set())), tuple(sorted(ms, key=lambda m: m.start)))
            for name, ms in sorted(ctx.places.items(), key=lambda kv: min(m.start for m in kv[1]))
        ),
    )


def _text(words) -> str:
    return " ".join(w.text for w in words)


def _strip_the(words):
    while words and words[0].text in ("The", "the", "and", "of", "&", "for"):
        words = words[1:]
    while words and not words[-1].capital:
        words = words[:-1]
    return words


def _suffix_place(words, lex) -> bool:
    """"Hennepin County", "Sichuan Province", "Greater Minnesota": a place by its form."""
    if len(words) < 2 or any(w.text in lex.org_words for w in words):
        return False
    if words[0].text == "Greater" and _text(words[1:]) in lex.places:
        return True
    if words[0].text.lower() in _OPENER_WORDS:
        return False  # "In Silicon Valley", "Since Napa Valley": the opener is no part of it
    # the place word listed first wins when two match ("County" before "Province")
    best = None
    for n in lex.place_word_lengths:
        if len(words) > n:
            rank = lex.place_word_rank.get(_text(words[-n:]))
            if rank is not None and (best is None or rank < best[0]) and all(w.capital for w in words[:-n]):
                best = (rank, n)
    if best is None:
        return False
    return not any(w.text in lex.non_names or w.text in lex.demonyms for w in words[:-best[1]])


def _starts_with_place(words, lex) -> bool:
    """The words begin with a place of the gazetteer of more than one word ("New York",
    "New South Wales"): its first word is not a sentence opener to drop."""
    return any(_text(words[:n]) in lex.places for n in range(2, min(len(words), 4) + 1))


def _org_like(words, lex) -> bool:
    if not words:
        return False
    t = _text(words)
    if t.lower() in lex.organizations:
        return True
    core = [w for w in words if w.capital and w.text not in lex.org_words and w.text.lower() not in ("the",)]
    return bool(core) and (any(w.text in lex.org_words for w in words) or _business(words, lex)
                           or _legal_company(words, lex)) and not _suffix_place(words, lex)


def _legal_company(words, lex) -> bool:
    """A legal form ends a company's name ("Volkswagen AG", "Telefonica SA"), not a place's
    abbreviation of a state or an office ("Las Vegas, NV", "Adelaide SA", "the Texas AG")."""
    if len(words) < 2 or words[-1].text not in _LEGAL_FORMS:
        return False
    head = _text(words[:-1])
    # (and not a phrase: "Attorneys for Nevada and the Washington AG")
    return head not in lex.places and head.title() not in lex.places and not head.isupper() \
        and not any(w.text == "the" for w in words[:-1])


def _business(words, lex) -> bool:
    """"Sports Bar", "Interchange Wine Bar": a business by its last word; "Omer Bar" is a person."""
    return len(words) > 1 and words[-1].text in lex.business_words and not (len(words) == 2 and words[0].text in lex.first_names)


def _place_or_org(words, ctx) -> bool:
    """Classify words that cannot be a person (inside a role): an organisation or a place."""
    lex = ctx.lex
    words = _strip_the(list(words))
    while words and words[0].text.lower() in _ROLE_LEAD:
        words = _strip_the(words[1:])
    if not words:
        return False
    t = _text(words)
    if t.lower() in lex.organizations:
        ctx.add_org(t, words[0].start, words[-1].end)
        return True
    if t in lex.places:
        ctx.add_place(t, words[0].start, words[-1].end)
        return True
    if _suffix_place(words, lex):
        ctx.add_place(t, words[0].start, words[-1].end)
        return True
    if _org_like(words, lex):
        ctx.add_org(t, words[0].start, words[-1].end)
        return True
    return False


def _title_starts(words, lex) -> dict[int, int]:
    """Where a title starts in the words, and how many words it takes (longest first)."""
    out = {}
    heads = lex.title_heads
    for i in range(len(words)):
        if not words[i].capital and words[i].text != "Sen." or words[i].text.lower() not in heads:
            continue
        for n in lex.title_lengths:
            if i + n <= len(words) and tuple(w.text.lower() for w in words[i:i + n]) in lex.titles:
                out[i] = n
                break
    return out


def _non_person(words, lex) -> bool:
    """A word of data/non_person_words.txt is in the run ("Terrorism Bill", "Farm Bill"), not
    as the given name that begins it ("Bill Clinton")."""
    return any(w.text in lex.non_person_words and not (
        k == 0 and w.text in lex.first_names and len(words) > 1 and (words[1].capital or _particle(words, 1))
        and words[1].text not in lex.non_person_words and not words[1].text.isupper())  # "Bill HB 1234"
        for k, w in enumerate(words))


def _name_word(w: Word, lex) -> bool:
    t = w.text
    if not w.capital or t.lower() in lex.non_names or t in lex.org_words or t in lex.demonyms \
            or t in lex.non_person_words and t not in lex.first_names:
        return False
    if "’" in t[-2:] or "'" in t[-2:] or any(c.isdigit() for c in t):
        return False
    if t.isupper() and len(t) > 2 and "." not in t:
        return False
    return True


def _titled(words, sentence_start, ctx) -> bool:
    """People named after a title in the run: "Senate Majority Leader Jan Novak and ..."."""
    lex = ctx.lex
    starts = _title_starts(words, lex)
    if not starts:
        return False
    n = len(words)
    anchors = []
    k, role_start = 0, 0
    while k < n:
        if k not in starts:
            k += 1
            continue
        e = k + starts[k]
        f = e
        while f < n and f - e < 4 and f not in starts and (_name_word(words[f], lex) or _particle(words, f, e)):
            f += 1
        if f > e and not (f < n and words[f].text in lex.org_words) and not (f < n and words[f].capital and f not in starts):
            anchors.append((role_start, e, f))
            k = role_start = f
            if k < n and words[k].text in ("and", "&"):
                role_start = k + 1
            continue
        k = e
    if not anchors:
        return False
    consumed = 0
    for a, (rs, e, f) in enumerate(anchors):
        role_words = list(words[rs:e])
        while role_words and role_words[0].text.lower() in lex.non_names and role_words[0].text.lower() not in _MODIFIERS \
                and role_words[0].text not in lex.demonyms and not (0 in _title_starts(role_words, lex)) \
                and not _starts_with_place(role_words, lex):  # "New York Attorney General"
            role_words = role_words[1:]
        ts = _title_starts(role_words, lex)
        first = min(ts) if ts else 0
        cut = [c for c in range(first) if role_words[c].text in ("of", "for", "in", "to")]
        if cut and not _org_like(role_words[:first], lex):  # "Russia of State Councilor Li"
            c = cut[-1]
            if role_words[:c]:
                _classify(role_words[:c], False, ctx)
            role_words = _strip_the(role_words[c + 1:]) if first > c + 1 else role_words[c + 1:]
            while role_words and role_words[0].text in ("the", "The"):
                role_words = role_words[1:]
            ts = _title_starts(role_words, lex)
        # organisations and places named inside the role ("World Bank Group President")
        chunk, i = [], 0
        honorific_only, gender = True, None
        while i <= len(role_words):
            if i == len(role_words) or i in ts or not role_words[i].capital:
                if chunk:
                    _place_or_org(chunk, ctx)
                chunk = []
                if i < len(role_words) and i in ts:
                    title = lex.titles[tuple(w.text.lower() for w in role_words[i:i + ts[i]])]
                    honorific_only = honorific_only and title.honorific
                    gender = gender or title.gender
                    i += ts[i]
                    continue
                i += 1
                continue
            chunk.append(role_words[i])
            i += 1
        role = None if honorific_only else _text(role_words) or None
        name_words = list(words[e:f])
        end = f
        nxt = anchors[a + 1][0] if a + 1 < len(anchors) else n
        if f < nxt and words[f].text in ("of", "at", "for") and role:
            rest = _strip_the(list(words[f + 1:nxt]))
            if rest and _org_like(rest, lex):
                role = f"{role} {ctx.text[words[f].start:rest[-1].end]}"
        if f == n:
            role = ", ".join(r for r in (role, _apposition(ctx.text, name_words[-1].end, lex)) if r) or None
        _add_person(name_words, role, gender, ctx, titled=True)
        consumed = end
    rest = words[consumed:]
    rest = _strip_the(rest)
    if rest:
        _classify(rest, False, ctx)
    return True


_WEEKDAY_NAMES = frozenset(d.capitalize() for d in WEEKDAYS)


def _plain_word(text: str, ctx) -> bool:
    """A word that opens a sentence, not an acronym the list writes in capitals: "Who knows"
    is not the WHO when the article also writes "who" in lower case ("Nasa" is NASA)."""
    low = text.lower()
    return low in ctx.lex.org_forms_in_capitals and not text.isupper() and low in ctx.lower_words


def _classify(words, sentence_start, ctx):
    lex, text = ctx.lex, ctx.text
    words = list(words)
    if words and words[0].text in ("The", "the") and len(words) > 1:
        words, sentence_start = words[1:], False
    if len(words) > 1 and words[-1].text in _WEEKDAY_NAMES and _org_like(words[:-1], lex):
        words = words[:-1]  # wire style: "at the Chicago Mercantile Exchange Monday"
    if len(words) == 1 and _plain_word(words[0].text, ctx):
        return
    if len(words) > 2 and words[1].text == "the":
        # "Though the Legislature", "Contact the Department of Labor": a word before "the"
        # opens a clause; it is not the first word of a name
        _classify(words[2:], False, ctx)
        return
    if not words:
        return
    for k, w in enumerate(words):  # "Rome-based", "Santa Monica-based"
        if w.text.endswith("-based") and len(w.text) > 6 and w.text[0].isupper():
            place = words[:k] + [word(w.start, w.end - 6, w.text[:-6])]
            if not any(x.text in lex.org_words for x in place):
                ctx.add_place(_text(place), place[0].start, place[-1].end)
            if words[k + 1:]:
                _classify(words[k + 1:], False, ctx)
            return
    full = _text(words)
    start, end = words[0].start, words[-1].end
    if full.lower() in lex.organizations:
        ctx.add_org(full, start, end)
        return
    if full in lex.places:
        ctx.add_place(full, start, end)
        return
    defined = _DEFINED.match(text, end)
    if defined and len(words) > 1 and defined.group(1)[0] == full[0] and _initials_match(defined.group(1), full):
        if _non_person(words, lex) and not any(w.text in lex.org_words for w in words):
            ctx.not_orgs.add(defined.group(1))
            return
        ctx.add_org(full, start, end)
        return
    if _suffix_place(words, lex):
        ctx.add_place(full, start, end)
        return
    if words[0].text in ("State", "City", "County", "Town", "Village", "Commonwealth") and len(words) > 2 \
            and words[1].text == "of" and _text(words[2:]) in lex.places:
        ctx.add_org(full, start, end)  # "State of Minnesota" as a party to a case
        return
    if _titled(words, sentence_start, ctx):
        return
    if _org_like(words, lex) and words[0].text not in ("of", "and"):
        # "African Development Bank and the World Bank", "FBI and Department of ...": two
        for k, w in enumerate(words):
            if w.text in ("and", "&") and 0 < k < len(words) - 1:
                left, right = words[:k], _strip_the(words[k + 1:])
                if (words[k + 1].text in ("the", "The") or _text(left).lower() in lex.organizations
                        or _text(right) in lex.places or left[-1].text in _LEGAL_FORMS and right[0].text not in ("Co.", "Co")) \
                        and (_org_like(left, lex) or _text(left) in lex.places):
                    _classify(left, sentence_start, ctx)
                    _classify(right, False, ctx)
                    return
        if words[0].text.lower() in _OPENER_WORDS or (sentence_start and words[0].text.endswith("ing") and len(words) > 2):
            _classify(_strip_the(words[1:]), False, ctx)
            return

        ctx.add_org(full, start, end)
        return
    # a lower-case word splits the run, unless it is a particle of a person's name
    # ("Bill de Blasio"), told by the given name before it
    lower = [k for k, w in enumerate(words) if not w.capital]
    if lower and not (words[0].text in lex.first_names and len(words) <= 5 and all(_particle(words, k) for k in lower)):
        piece = []
        for w in words + [word(end, end, "and")]:
            if w.capital:
                piece.append(w)
            else:
                if piece:
                    _classify(piece, sentence_start and piece[0] is words[0], ctx)
                piece = []
        return
    # Hyphenated places: "China-Russia", "U.S.-China", "Ya'an-Nyingchi" once one part is known.
    if len(words) == 1 and "-" in words[0].text:
        pos = words[0].start
        parts = words[0].text.split("-")
        if all(p[:1].isupper() and (p in lex.places or not p.isupper()) for p in parts) and len(parts) <= 3 and (
                all(p in lex.places for p in parts) or any(p in lex.places or p in ctx.places for p in parts)):
            for p in parts:
                ctx.add_place(p, pos, pos + len(p))
                pos += len(p) + 1
            return
    # Skip leading words that cannot begin a name (sentence openers, "The", months, "-ing").
    i = 0
    while i < len(words) and (words[i].text.lower() in lex.non_names or (
            sentence_start and i == 0 and words[i].text.endswith("ing") and words[i].text not in lex.first_names)) \
            and words[i].text not in lex.demonyms:
        i += 1
    if not i and sentence_start and len(words) > 2 and words[0].text.lower() in lex.role_words \
            and words[1].text in lex.first_names and words[0].text not in lex.first_names:
        i = 1  # "Singer Sam Endicott said": a role noun opening the sentence
    if i:
        if i < len(words):
            if words[i - 1].text.endswith("ing") and words[i - 1].text.lower() not in lex.non_names:
                _place_or_org(words[i:], ctx)  # "Fighting Medicaid Fraud": the gerund's object
            else:
                _classify(words[i:], False, ctx)
        return
    if words[0].text in lex.demonyms and len(words) > 1:  # "Belgian Jan Novak"
        _classify(words[1:], False, ctx)
        return
    if _non_person(words, lex) or any(w.text in lex.org_words for w in words) or _business(words, lex):
        return
    if full in lex.places or words[0].text in lex.places and words[0].text not in lex.first_names:
        if full in lex.places:
            ctx.add_place(full, start, end)
        return
    if full in lex.demonyms:  # "Puerto Ricans"
        return
    if words[0].text in lex.place_prefixes and 1 < len(words) <= 3:
        ctx.add_place(full, start, end)  # "San Miguel", "Fort Myers": a place by its form
        return
    if not _name_like(words, lex, ctx.lower_words):
        return
    place_lead = bool(_PLACE_LEAD.search(text, max(0, start - 20), start)) and words[0].text not in lex.first_names \
        and text[end:end + 2] not in ("'s", "’s")
    if len(words) == 1:
        ctx.singles.append((words[0], place_lead))
        return
    if place_lead and not _match_person(full, ctx.people, lex, full=True):
        ctx.add_place(full, start, end)
        return
    city_state = re.match(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)", text[end:end + 30])
    if city_state and city_state.group(1) in lex.places and lex.places[city_state.group(1)] in _US_STATES(lex) \
            and words[0].text not in lex.first_names:
        ctx.add_place(full, start, end)
        ctx.add_place(city_state.group(1), end + city_state.start(1), end + city_state.end(1))
        return
    role = _role_before(text, start, lex)
    if role:
        after = _ROLE_AFTER.match(text, end)
        if after:
            role = f"{role} {after.group(1)} {after.group(2)}".rstrip(".") if not after.group(2).endswith(("Inc.", "Co.", "Corp.")) \
                else f"{role} {after.group(1)} {after.group(2)}"
    else:
        role = _apposition(text, end, lex)
    gender = lex.first_names.get(words[0].text)
    _add_person(words, role, gender, ctx)


# within the paragraph: "analyst Jason Kenney at ING.\nThe disappointments..." ends at ING.
_ROLE_AFTER = re.compile(r"[^\S\n]+(at|of|with|for)[^\S\n]+((?:the[^\S\n]+)?[A-Z][\w’'&.\-]*(?:[^\S\n]+(?:[A-Z][\w’'&.\-]*|of|and|&))*)")


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import pycountry
    return frozenset(s.name for s in pycountry.subdivisions.get(country_code="US") or ())


def _US_STATES(lex):
    return _us_states()


def _initials_match(acronym: str, full: str) -> bool:
    letters = [c for c in acronym if c.isupper()]
    caps = [c for w in full.split() for c in (w if w[:1].isupper() else w[:1].upper())]
    caps = [c for c in caps if c.isupper()]
    if len(letters) < 2 or not caps:
        return False
    it = iter(caps)
    return all(c in it for c in letters)


def _add_person(name_words, role, gender, ctx, titled: bool = False):
    lex = ctx.lex
    name = _text(name_words)
    if not _name_parts(name):
        return  # only suffixes ("Jr. III"): no name at all
    if name in lex.places:
        ctx.add_place(name, name_words[0].start, name_words[-1].end)
        return
    mention = Mention(name_words[0].start, name_words[-1].end)
    if len(name_words) == 1:
        existing = _match_person(name, ctx.people, lex)
        if existing is None and not role and not titled:
            ctx.singles.append((name_words[0], False))
            return
    else:
        existing = ctx.people.get(name) or _match_person(name, ctx.people, lex, full=True)
    gender = gender or (lex.first_names.get(name_words[0].text) if len(name_words) > 1 else None)
    if existing is None:
        existing = ctx.people[name] = _Draft(name, role, gender, [])
    elif len(name) > len(existing.name) and len(name_words) > 1:
        del ctx.people[existing.name]
        existing.name = name
        ctx.people[name] = existing
    existing.add(mention)
    existing.role = existing.role or role
    existing.gender = existing.gender or gender


def _particle(words, k: int, first: int = 0) -> bool:
    """A particle inside a name: after its first word, before a capitalised one."""
    return words[k].text in _PARTICLES and first < k < len(words) - 1 and \
        (words[k + 1].capital or words[k + 1].text in _PARTICLES and k + 2 < len(words) and words[k + 2].capital)


def _name_like(words, lex, lower_words) -> bool:
    if len(words) > 4:
        return False
    for k, w in enumerate(words):
        t = w.text
        if _particle(words, k):
            continue
        # after a given name, a surname may also be a word ("Ian Read", "Cornel West", "Mark Cuban")
        surname = k == len(words) - 1 and k > 0 and words[0].text in lex.first_names and t.isalpha() \
            and t[0].isupper() and t not in lex.org_words and t not in lex.non_person_words
        if not _name_word(w, lex) and not surname:
            return False
        if t.lower() in lower_words and t not in lex.first_names and not surname:
            return False  # the article uses it as an ordinary word
    return True


def _role_before(text: str, start: int, lex) -> str | None:
    """"Yukos chief executive Jan Novak", "said analyst Jan Novak": the role just before."""
    seg = text[max(0, start - 90):start]
    if not seg.endswith(" "):
        return None
    toks = list(re.finditer(r"\S+", seg))
    if not toks:
        return None
    head = toks[-1].group()
    # a role noun, or one capitalised because it opens the sentence ("Singer Sam Endicott")
    opens = len(toks) == 1 and start - 90 <= 0 or len(toks) > 1 and toks[-2].group()[-1] in ".!?\"”"
    if head not in lex.role_words:
        # capitalised only because it opens the sentence: nothing before it is the role's
        return head.lower() if opens and head[:1].isupper() and head.lower() in lex.role_words else None
    j = len(toks) - 1
    while j > 0 and len(toks) - j < 6:
        t = toks[j - 1].group()
        low = t.lower()
        if t[-1] in ",.;:!?\"“”()’'" or t.endswith(("’s", "'s")) or low in lex.speech_verbs:
            break
        if t in ("-", "--", "—", "–"):
            break  # a dateline's dash: "NEW YORK, March 26 - USX Corp chairman Jo Roe"
        if t in lex.demonyms or low in _MODIFIERS:
            j -= 1
            continue
        if low in lex.non_names or (t[0].islower() and (low.endswith("ed") or low.endswith("ly") or low.endswith("ing"))):
            break
        if j >= 2 and toks[j - 2].group().lower() in _AUXILIARIES:
            break  # "does not surprise analyst Jo Roe": a word after "not"/"to"/"will" is a verb
        j -= 1
    return seg[toks[j].start():toks[-1].end()]


_AUXILIARIES = {"not", "to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "does",
                "do", "did", "never", "cannot"}


_APPOS_CACHE: dict = {}


def _appos_re(lex):
    hit = _APPOS_CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _APPOS_CACHE[id(lex)] = (lex, _appos_build(lex))
    return hit[1]


def _appos_build(lex):
    heads = "|".join(sorted((re.escape(w) for w in lex.role_words), key=len, reverse=True))
    return re.compile(
        r",\s+((?:(?:a|an|the|its|his|her|their)\s+)?((?:[\w’'.\-&]+\s+){0,6}?)(?:" + heads + r")s?"
        r"(?:\s+(?:of|for|at|to|with|in)\s+(?:the\s+)?[A-Z][\w’'.\-&]*(?:\s+(?:of|for|and|the|&|[A-Z][\w’'.\-&]*))*)?)"
        r"(?=\s*[,.;:)]|\s+(?:said|says|told|who|and)\b|\s*$)")


_APPOS_STOP = {"is", "was", "were", "are", "has", "had", "have", "said", "says", "who", "which", "that", "and", "but",
               "to", "on", "in", "by", "as", "when", "where", "after", "before", "will", "would", "not"}


def _apposition(text: str, end: int, lex=None) -> str | None:
    """``Name, a spokesman for the Ministry of X, said``: the role between the commas."""
    lex = lex or load()
    m = _appos_re(lex).match(text, end)
    if not m:
        return None
    mods = m.group(2).split()
    if any(t.lower() in _APPOS_STOP or (t.islower() and t.endswith("ed") and t != "red") for t in mods):
        return None
    role = m.group(1).strip()
    while role.endswith((".", "-")) and not _KEEP_DOT.match(role.split()[-1]):
        role = role[:-1]
    return re.sub(r"^(?:a|an|the|its|his|her|their)\s+", "", role)


def _match_person(name: str, people: dict[str, _Draft], lex, full: bool = False):
    """The person a short form refers to: by surname, or by the first word of a name
    written surname-first (Chinese names: "Li" for "Li Shangfu"); "Ben Moreno" is
    "Ben Vidal Moreno", "Juan Vasquez" is "Juan Vasquez Jr."."""
    tokens = _name_parts(name)
    if not tokens:
        return None
    if not full and len(tokens) == 1:
        # a bare surname shared by two people ("Trump" with Donald and Ivanka Trump): the one
        # the article names most, the first introduced on a tie
        same = [d for d in people.values() if len(d.name.split()) > 1 and _name_parts(d.name)[-1:] == tokens[:1]]
        if len(same) > 1:
            # (the earliest mention is kept with the person: thousands of mentions made this quadratic)
            return max(same, key=lambda d: (len(d.mentions), -(d.first if d.first is not None else 0)))
    for draft in reversed(list(people.values())):
        parts = _name_parts(draft.name)
        if not parts:
            continue
        if full:
            if len(tokens) > 1 and len(parts) > 1 and tokens[-1] == parts[-1] and tokens[0] == parts[0]:
                return draft
            if len(tokens) > len(parts) and tokens[-1] == parts[-1] and len(parts) == 1:
                return draft
            continue
        if len(tokens) == 1 and len(parts) > 1:
            if parts[-1] == tokens[0]:
                return draft
            if parts[0] == tokens[0] and parts[0] not in lex.first_names and len(parts) == 2:
                return draft
        if len(tokens) == 1 and parts == tokens:
            return draft
    return None


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> tuple[str, ...]:
    """A name's words without a generational suffix; the same names are asked about again
    and again while an article is read."""
    return tuple(t for t in name.split() if t not in ("Jr.", "Sr.", "Jr", "Sr", "II", "III"))


def _bare_acronyms(ctx):
    """An acronym standing alone ("UBS", "NHS", "DFL") names an organisation."""
    lex, text = ctx.lex, ctx.text
    taken = bytearray(len(text))  # 1 where a name already found covers the character
    for m in [m for ms in list(ctx.orgs.values()) + list(ctx.places.values()) for m in ms] + \
            [m for d in ctx.people.values() for m in d.mentions]:
        if m.end > m.start:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    for m in re.finditer(r"(?<![\w\-/.&<])([A-Z][A-Z&]{1,5})(?![\w\-/&>])", text):
        a = m.group(1)
        if a in _ACRONYM_STOP or a in ctx.not_orgs or a in lex.places or a in lex.demonyms or (a.lower(),) in lex.titles:
            continue
        if taken[m.start()]:
            continue
        before = text[max(0, m.start() - 12):m.start()].split()
        after = text[m.end():m.end() + 12].split()
        if re.match(r"\. [A-Z]{2,}\b", text[m.end():m.end() + 12]):
            continue  # an abbreviation in a name in capitals: "(ST. PAUL)"
        b = re.sub(r"[^\w]", "", before[-1]) if before else ""
        c = re.sub(r"[^\w&]", "", after[0]) if after else ""
        if (len(b) > 1 and b.isupper()) or (len(c) > 1 and c.isupper()):
            continue  # a headline or a dateline in capitals, or one of two acronyms
        if after and after[0][:1].isupper() and not text[m.end():m.end() + 1] in ",.;:)":
            continue  # "ABN Amro": part of a longer name
        if a.title() in lex.places or a.capitalize() in lex.places:
            continue  # a dateline in capitals: "ROME, Oct. 5"
        if a.lower() in ctx.lower_words and a.lower() not in lex.organizations and \
                len(re.findall(rf"\b{re.escape(a.lower())}\b", text)) >= len(re.findall(rf"\b{re.escape(a)}\b", text)):
            continue  # capitals for emphasis ("NOT"), the word written in lower case as often; not "ARM" and "arm"
        owner = next((o for o in ctx.orgs if _initials_of(o) == a), None)
        if owner:  # "the EC" after "European Community": the same organisation
            ctx.orgs[owner].append(Mention(m.start(), m.end()))
            ctx.org_forms.setdefault(owner, set()).add(a)
            continue
        ctx.add_org(a, m.start(), m.end())


def _initials_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")


def _acronyms(text, ctx):
    """``Food and Drug Administration (FDA)``: the acronym is the same organisation."""
    # where each "(ABC)" is, and where the words before it end: one pass over the text,
    # not one pattern compiled per organisation
    parens = []
    for m in _ACRONYM_PAREN.finditer(text):
        j = m.start()
        while j > 0 and text[j - 1].isspace():
            j -= 1
        parens.append((j, m.group(1)))
    if not parens:
        return
    for name in list(ctx.orgs):
        if name not in ctx.orgs:
            continue
        for form in list(ctx.org_forms.get(name, {name})):
            for end, acronym in parens:
                if not text.endswith(form, 0, end):
                    continue
                ctx.org_forms.setdefault(name, set()).add(acronym)
                target = ctx.lex.organizations.get(acronym.lower(), acronym)
                if target in ctx.orgs and target != name:
                    ctx.orgs[name].extend(ctx.orgs.pop(target))
                    ctx.org_forms[name] |= ctx.org_forms.pop(target, set())


def _merge_orgs(ctx):
    """"Senate" and "U.S. Senate", "Board of Pardons" and "Minnesota Board of Pardons": one."""
    lex = ctx.lex
    keys: dict[str, str] = {}
    for name in sorted(ctx.orgs, key=len, reverse=True):  # "US Attorney’s Office", "United States Attorney’s Office"
        ws = name.split()
        key = name
        for k in (3, 2, 1):
            if len(ws) > k and " ".join(ws[:k]) in lex.places:
                key = " ".join([lex.places[" ".join(ws[:k])], *ws[k:]])
                break
        if key in keys and keys[key] in ctx.orgs:
            ctx.orgs[keys[key]].extend(ctx.orgs.pop(name))
            ctx.org_forms[keys[key]] = ctx.org_forms.get(keys[key], set()) | ctx.org_forms.pop(name, set())
        else:
            keys[key] = name
    names = sorted(ctx.orgs, key=len, reverse=True)
    for short in names:
        for long in names:
            if long == short or long not in ctx.orgs or short not in ctx.orgs:
                continue
            if long.endswith(" " + short):
                head = long[: -len(short) - 1].split()
                if head and all(h in lex.places or h in ("State", "U.S.", "US", "United", "States") or h in lex.demonyms for h in head):
                    ctx.orgs[long].extend(ctx.orgs.pop(short))
                    ctx.org_forms[long] = ctx.org_forms.get(long, set()) | ctx.org_forms.pop(short, set())
                    break


def with_speakers(found: Entities, quotes) -> Entities:
    """A speaker named only at the quote (not found as a person before) joins the people,
    when the name looks like a person's ("Jan Novak", not "the ministry" or "FAO")."""
    lex = load()
    known = {p.name for p in found.people} | {o.name for o in found.organizations}
    extra: dict[str, list[Mention]] = {}
    for q in quotes:
        if q.speaker and q.speaker not in known and q.speaker_start is not None and _speaker_like(q.speaker, lex):
            extra.setdefault(q.speaker, []).append(Mention(q.speaker_start, q.speaker_end))
    if not extra:
        return found
    added = tuple(Person(name, None, tuple(ms)) for name, ms in extra.items())
    return Entities(found.people + added, found.organizations, found.places)


def _speaker_like(name: str, lex) -> bool:
    parts = name.split()
    if not parts or len(parts) > 4 or name.lower() in lex.organizations or name in lex.places:
        return False
    ws = [word(0, len(p), p) for p in parts]
    if any(not _name_word(w, lex) for w in ws):
        return False
    return not all(tuple([w.lower()]) in lex.titles for w in parts)


def with_dateline(found: Entities, line, lex: Lexicon | None = None) -> Entities:
    """A dateline names a place and often an agency, never a person ("(Coastal Wire) --")."""
    if line is None:
        return found
    lex = lex or load()
    inside = lambda m: line.start <= m.start and m.end <= line.end  # noqa: E731
    people = tuple(p for p in found.people if not all(inside(m) for m in p.mentions))
    orgs = list(found.organizations)
    places = list(found.places)
    if line.agency:
        name = lex.organizations.get(line.agency.strip().lower(), line.agency.strip())
        if not any(o.name == name for o in orgs):
            orgs.insert(0, Organization(name, (), ()))
    if line.place:
        name = lex.places.get(line.place, line.place)
        if not any(p.name == name for p in places):
            places.insert(0, Place(name, ()))
    return Entities(people, tuple(orgs), tuple(places))
