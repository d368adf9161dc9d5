"""People, organisations and places named in an article, one canonical entry each.

Rules over capitalised runs of words, with the word lists of ``data/``: a run is split
into titles (kept as the person's role) and a name; a run holding an organisation word
("Ministry", "Inc.") or listed as an organisation is one; a run in the gazetteer is a
place. A lone surname ("Tan", "Shoigu") is merged into the person introduced in full.
Every mention keeps its offsets into the body.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, load
from .model import Entities, Mention, Organization, Person, Place

# A word that may be part of a name: capitalised, with inner apostrophes, hyphens, dots.
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF][\w’'.\-&]*")
_CONNECTORS = {"of", "for", "and", "the", "de", "van", "von", "der", "da", "al", "bin", "la", "le", "du", "&"}
_KEEP_DOT = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,}|Mr\.|Mrs\.|Ms\.|Dr\.|Jr\.|Sr\.|St\.|Sen\.|Rep\.|Gov\.|Gen\.|Lt\.|Col\.|Maj\.|Capt\.|Adm\.|Sgt\.|Prof\.|Rev\.|Inc\.|Corp\.|Co\.|Ltd\.|Dept\.|No\.)$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


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


def words_of(text: str) -> list[Word]:
    out = []
    for m in _WORD.finditer(text):
        s, e = m.start(), m.end()
        token = m.group()
        # a trailing dot belongs to the word only in abbreviations and initials
        while token.endswith((".", "-")) and not _KEEP_DOT.match(token):
            token, e = token[:-1], e - 1
        poss = _POSSESSIVE.search(token)
        if poss and len(token) > poss.end() - poss.start():
            token, e = token[: poss.start()], e - (poss.end() - poss.start())
        if token:
            out.append(Word(s, e, token))
    return out


def runs_of(text: str) -> list[Run]:
    """Split the text into runs of capitalised words (connectors allowed inside)."""
    runs: list[Run] = []
    words = words_of(text)
    current: list[Word] = []
    starts_sentence = True

    def close():
        nonlocal current
        while current and not current[-1].capital:
            current.pop()
        if current:
            runs.append(Run(tuple(current), current_sentence_start))
        current = []

    current_sentence_start = True
    prev_end = 0
    for w in words:
        gap = text[prev_end:w.start]
        breaks = any(c in gap for c in ",;:()[]\"“”!?\n—–") or ("." in gap) or (gap.strip(" ") and not gap.isspace())
        if breaks or (current and not gap.isspace()):
            close()
        if "\n" in gap or re.search(r"[.!?][\"”’]?\s*$", text[max(0, prev_end - 3):w.start]) or prev_end == 0:
            starts_sentence = True
        if w.capital:
            if not current:
                current_sentence_start = starts_sentence
            current.append(w)
        elif current and w.text in _CONNECTORS:
            current.append(w)
        else:
            close()
        starts_sentence = False
        prev_end = w.end
        if text[w.end:w.end + 1] in (".", "!", "?") and not _KEEP_DOT.match(w.text):
            starts_sentence = True
    close()
    return runs


@dataclass
class _Draft:
    name: str
    role: str | None
    gender: str | None
    mentions: list[Mention]


def extract(text: str, lex: Lexicon | None = None) -> Entities:
    lex = lex or load()
    lower_words = set(re.findall(r"\b[a-z][a-z’'\-]+\b", text))
    people: dict[str, _Draft] = {}
    singles: list[tuple[Run, int]] = []  # one-word runs to resolve once all full names are known
    orgs: dict[str, list[Mention]] = {}
    org_aliases: dict[str, set[str]] = {}
    places: dict[str, list[Mention]] = {}

    def add_place(name: str, s: int, e: int):
        places.setdefault(name, []).append(Mention(s, e))

    def add_org(name: str, s: int, e: int):
        canonical = lex.organizations.get(name.lower(), name)
        orgs.setdefault(canonical, []).append(Mention(s, e))
        if canonical != name:
            org_aliases.setdefault(canonical, set()).add(name)

    for run in runs_of(text):
        _classify(run, text, lex, lower_words, people, singles, add_org, add_place)

    _acronyms(text, orgs, org_aliases)
    for run, i in singles:
        w = run.words[i]
        person = _match_person(w.text, people, lex)
        if person:
            person.mentions.append(Mention(w.start, w.end))
    return Entities(
        people=tuple(
            Person(d.name, d.role, tuple(sorted(d.mentions, key=lambda m: m.start)), d.gender)
            for d in sorted(people.values(), key=lambda d: d.mentions[0].start)
        ),
        organizations=tuple(
            Organization(name, tuple(sorted(org_aliases.get(name, ()))), tuple(ms))
            for name, ms in sorted(orgs.items(), key=lambda kv: kv[1][0].start)
        ),
        places=tuple(Place(name, tuple(ms)) for name, ms in sorted(places.items(), key=lambda kv: kv[1][0].start)),
    )


def _classify(run, text, lex, lower_words, people, singles, add_org, add_place):
    words = list(run.words)
    full = run.text()
    # Whole-run matches first: a listed organisation or a place.
    bare = re.sub(r"^(?:The|the)\s+", "", full)
    if bare.lower() in lex.organizations:
        add_org(bare, run.start if bare == full else words[1].start, run.end)
        return
    if full in lex.places:
        add_place(lex.places[full], run.start, run.end)
        return
    if any(w.text in lex.org_words for w in words) and not _title_at(words, 0, lex):
        i = 1 if words[0].text.lower() in ("the",) else 0
        if i < len(words):
            add_org(" ".join(w.text for w in words[i:]), words[i].start, run.end)
        return
    # Without an organisation word, "of"/"for"/"the" join separate names ("Russia of State
    # Councilor X"): classify the pieces. "and" may join titles ("State Councilor and
    # Defense Minister Li"), so it is kept when a title stands on both sides.
    cut = [k for k, w in enumerate(words) if not w.capital and (w.text != "and" or not (_title_at(words[:k], max(0, k - 2), lex) or _title_before(words, k, lex)) or not _title_at(words, k + 1, lex))]
    if cut:
        bounds = [-1, *cut, len(words)]
        for a, b in zip(bounds, bounds[1:]):
            piece = tuple(words[a + 1:b])
            if piece:
                _classify(Run(piece, run.sentence_start and a < 0), text, lex, lower_words, people, singles, add_org, add_place)
        return
    # Hyphenated places: "China-Russia", "U.S.-China".
    if len(words) == 1 and "-" in words[0].text:
        pos = words[0].start
        parts = words[0].text.split("-")
        if all(p in lex.places for p in parts if p):
            for p in parts:
                add_place(lex.places[p], pos, pos + len(p))
                pos += len(p) + 1
            return
    # Skip leading words that cannot begin a name (sentence openers, "The", months).
    i = 0
    while i < len(words) and words[i].text.lower() in lex.non_names and not _title_at(words, i, lex) and words[i].text not in lex.demonyms:
        i += 1
    if i == len(words):
        return
    if i:
        _classify(Run(tuple(words[i:]), False), text, lex, lower_words, people, singles, add_org, add_place)
        return
    # Titles and a nationality before the name make the role: "Russian Defense Minister".
    role_words, gender, honorific_only = [], None, True
    j = 0
    while j < len(words):
        if words[j].text in lex.demonyms and _title_at(words, j + 1, lex):
            role_words.append(words[j].text)
            j += 1
            continue
        t = _title_at(words, j, lex)
        if not t:
            if role_words and words[j].text == "and" and _title_at(words, j + 1, lex):
                role_words.append("and")
                j += 1
                continue
            break
        title, n = t
        gender = gender or title.gender
        honorific_only = honorific_only and title.honorific
        role_words.extend(title.words)
        j += n
    name_words = words[j:]
    while name_words and not name_words[-1].capital:
        name_words.pop()
    if not name_words:
        return
    name = " ".join(w.text for w in name_words)
    if name in lex.places:
        add_place(lex.places[name], name_words[0].start, name_words[-1].end)
        return
    if not _name_like(name_words, lex, lower_words):
        return
    role = None if honorific_only else " ".join(role_words) or None
    if len(name_words) == 1 and not role_words:
        singles.append((Run(tuple(name_words), run.sentence_start), 0))
        return
    if len(name_words) == 1:
        existing = _match_person(name, people, lex)
        if existing:
            existing.mentions.append(Mention(name_words[0].start, name_words[0].end))
            existing.role = existing.role or role
            existing.gender = existing.gender or gender
            return
    appos = _apposition(text, name_words[-1].end)
    role = ", ".join(r for r in (role, appos) if r) or None
    gender = gender or lex.first_names.get(name_words[0].text) if len(name_words) > 1 else gender
    draft = people.get(name) or _match_person(name, people, lex, full=True)
    if draft is None:
        draft = people[name] = _Draft(name, role, gender, [])
    draft.mentions.append(Mention(name_words[0].start, name_words[-1].end))
    draft.role = draft.role or role
    draft.gender = draft.gender or gender


def _title_before(words, k, lex) -> bool:
    """Does a title end just before word k?"""
    return any(_title_at(words[: k + 1], k - n, lex) for n in lex.title_lengths if k - n >= 0)


def _title_at(words, i, lex):
    for n in lex.title_lengths:
        key = tuple(w.text.lower() for w in words[i:i + n])
        if len(key) == n and key in lex.titles and i + n < len(words):
            return lex.titles[key], n
    return None


def _name_like(words, lex, lower_words) -> bool:
    if len(words) > 4:
        return False
    for w in words:
        t = w.text
        if not w.capital or t.lower() in lex.non_names or t in lex.org_words or t in lex.demonyms:
            return False
        if t.isupper() and len(t) > 3:  # headline capitals, acronyms
            return False
        if t.lower() in lower_words and t not in lex.first_names:
            return False  # the article uses it as an ordinary word
        if any(c.isdigit() for c in t):
            return False
    return True


_APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+)?((?:[\w’'.\-]+\s+){0,8}?(?:spokes(?:man|woman|person)|minister|secretary|director|official|president|chairman|chairwoman|chair|ambassador|executive|officer|analyst|economist|professor|lawyer|attorney|spokesperson|leader|head|chief|manager|founder|adviser|advisor|governor|senator|mayor|commissioner|member|researcher|expert|editor|correspondent)(?:\s+(?:of|for|at|to|with)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of|for|and|the|[A-Z][\w’'.\-]*))*)?),")


def _apposition(text: str, end: int) -> str | None:
    """``Name, a spokesman for the Ministry of X, said``: the role between the commas."""
    m = _APPOSITION.match(text, end)
    return m.group(1).strip() if m else None


def _match_person(name: str, people: dict[str, _Draft], lex, full: bool = False):
    """The person a short form refers to: by surname, or by the first word of a name
    written surname-first (Chinese names: "Li" for "Li Shangfu")."""
    tokens = name.split()
    for draft in reversed(list(people.values())):
        parts = draft.name.split()
        if full:
            if len(tokens) < len(parts) and tokens[-1] == parts[-1] and tokens[0] == parts[0]:
                return draft
            if len(tokens) > len(parts) and tokens[-1] == parts[-1] and len(parts) == 1:
                return draft
            continue
        if len(tokens) == 1 and len(parts) > 1:
            if parts[-1] == tokens[0]:
                return draft
            if parts[0] == tokens[0] and parts[0] not in lex.first_names and len(parts) == 2:
                return draft
    return None


def _acronyms(text, orgs, aliases):
    """``Food and Drug Administration (FDA)``: the acronym is the same organisation."""
    for name in list(orgs):
        for m in re.finditer(re.escape(name) + r"\s*\(([A-Z][A-Z.&]{1,9})\)", text):
            acronym = m.group(1)
            aliases.setdefault(name, set()).add(acronym)
            if acronym in orgs and acronym != name:
                orgs[name].extend(orgs.pop(acronym))


def with_speakers(found: Entities, quotes) -> Entities:
    """A speaker named only at the quote (not found as a person before) joins the people."""
    known = {p.name for p in found.people} | {o.name for o in found.organizations}
    extra: dict[str, list[Mention]] = {}
    for q in quotes:
        if q.speaker and q.speaker not in known and q.speaker_start is not None:
            extra.setdefault(q.speaker, []).append(Mention(q.speaker_start, q.speaker_end))
    if not extra:
        return found
    added = tuple(Person(name, None, tuple(ms)) for name, ms in extra.items())
    return Entities(found.people + added, found.organizations, found.places)


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
