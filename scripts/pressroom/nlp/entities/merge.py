"""After every run is read: lone names joined to the people introduced in full, acronyms
to their organisations, organisations named twice made one; then the article's entities,
and the people the quote rules and the dateline add."""
from __future__ import annotations

import re
import unicodedata

from ...model import Entities, Mention, Organization, Person, Place
from ..lexicon import Lexicon, entity_words, load, us_postal_codes
from .kinds import company_things
from .organizations import _ACRONYM_PAREN, _ACRONYM_STOP, _BARE_ACRONYM, LEGAL_FORMS, initials_of
from .persons import PeopleByWord, given_name, name_word, speaker_like
from .roles import apposition, role_before
from .tokens import word

W = entity_words()
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_CORPORATE = LEGAL_FORMS | W.corporate_forms


def singles(ctx) -> None:
    """A lone capitalised word is a mention of the person whose surname (or surname-first
    given name) it is; else of an organisation the article names so or calls a company
    (``single_org``); else a place after "in"/"near"; else nothing."""
    lex = ctx.lex
    companies = _companies(ctx)
    whole, first = _short_forms(ctx)
    by_word = PeopleByWord(ctx.people, lex)  # (no person is added below, only mentions)
    for w, place_lead in ctx.singles:
        person = by_word.person(w.text)
        if person:
            person.add(Mention(w.start, w.end))
            if not person.role:  # "Mason, a traveling circus worker, was"
                person.role = apposition(ctx.text, w.end, lex) or role_before(ctx.text, w.start, lex)
        elif w.text in whole or w.text in first and not place_lead or w.text in companies:
            org = whole.get(w.text) or first.get(w.text) or w.text
            ctx.orgs.setdefault(org, []).append(Mention(w.start, w.end))
            if org == w.text:
                ctx.org_forms.setdefault(org, set()).add(w.text)
        elif place_lead and w.text not in lex.first_names and w.text.lower() not in ctx.lower_words:
            ctx.add_place(w.text, w.start, w.end)


def _companies(ctx) -> set[str]:
    """The lone words the article gives what only a company has, next to one of their
    mentions: "Yukos shares", "a stake in Clearnet" (``kinds.company_things``)."""
    return {w.text for w, _ in ctx.singles if company_things(ctx.text, w.start, w.end)
            and w.text not in ctx.lex.first_names and w.text not in _ACRONYM_STOP}


def _short_forms(ctx) -> tuple[dict[str, str], dict[str, str]]:
    """The one word an organisation of the article goes by: its whole name ("Euronext"
    after "group Euronext") or the word before its legal form ("Heinz" for "H.J. Heinz
    Co"); and, unless a place is meant ("in Plainview"), its first word when that is a
    name of its own ("Cairn" for "Cairn Energy"; not "China" for "China Construction Bank")."""
    lex, whole, first = ctx.lex, {}, {}
    for name in sorted(ctx.orgs, key=lambda n: min((m.start for m in ctx.orgs[n]), default=0)):
        ws = name.split()
        while len(ws) > 1 and ws[-1] in LEGAL_FORMS:
            ws.pop()
        if len(ws) == 1 or ws and all(_INITIALS.match(x) for x in ws[:-1]):
            whole.setdefault(ws[-1], name)
        elif ws and name_word(word(0, len(ws[0]), ws[0]), lex) and ws[0] not in lex.places \
                and ws[0] not in lex.first_names and ws[0] not in _ACRONYM_STOP:
            first.setdefault(ws[0], name)
    return whole, first


def _taken(ctx) -> bytearray:
    """1 where a name already found covers the character."""
    taken = bytearray(len(ctx.text))
    for m in [m for ms in list(ctx.orgs.values()) + list(ctx.places.values()) for m in ms] + \
            [m for d in ctx.people.values() for m in d.mentions]:
        if m.end > m.start:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return taken


def _acronym_is_word(m, ctx) -> bool:
    """Capitals that are not an organisation's acronym: listed abbreviations, places,
    titles, a headline or dateline in capitals, part of a longer name, emphasis."""
    lex, text, a = ctx.lex, ctx.text, m.group(1)
    if a in _ACRONYM_STOP or a in ctx.not_orgs or a in lex.places or a in lex.demonyms or (a.lower(),) in lex.titles:
        return True
    before = text[max(0, m.start() - 12):m.start()].split()
    after = text[m.end():m.end() + 12].split()
    if re.match(r"\. [A-Z]{2,}\b", text[m.end():m.end() + 12]):
        return True  # an abbreviation in a name in capitals: "(ST. PAUL)"
    if re.match(r"[^\S\n]\d", text[m.end():m.end() + 2]):
        return True  # a document's number: "EO 20-103", "HB 1234"
    b = re.sub(r"[^\w]", "", before[-1]) if before else ""
    c = re.sub(r"[^\w&]", "", after[0]) if after else ""
    if (len(b) > 1 and b.isupper()) or (len(c) > 1 and c.isupper()):
        return True  # a headline or a dateline in capitals, or one of two acronyms
    if after and after[0][:1].isupper() and not text[m.end():m.end() + 1] in ",.;:)":
        return True  # "ABN Amro": part of a longer name
    if a.title() in lex.places or a.capitalize() in lex.places:
        return True  # a dateline in capitals: "ROME, Oct. 5"
    if a.lower() in ctx.lower_words and a.lower() not in lex.organizations and (len(a) > 3 or
            len(re.findall(rf"\b{re.escape(a.lower())}\b", text)) >= len(re.findall(rf"\b{re.escape(a)}\b", text))):
        return True  # capitals for emphasis ("NOT", "TOTAL"): the article writes the word in lower case; not "ARM" and "arm"
    return _capitals_not_acronym(m, ctx)


_LINE_LEAD = re.compile(r"(?:^|\n)[^\S\n]*$")
_LABEL_OR_DATELINE = re.compile(r"[^\S\n]*(?::|—|–|--?\s)")


def _capitals_not_acronym(m, ctx) -> bool:
    """Capitals that name no organisation by their place or their letters: a speaker's
    label in a transcript or a dateline at the start of a line ("TAPPER: Do you", "MIAMI
    — The"), a line in capitals ("WHAT’S BREWING."), a given name ("BERNIE"), a US
    state's postal code ("won SC", "Newark, NJ"; "the VA" is Veterans Affairs)."""
    text, a, lex = ctx.text, m.group(1), ctx.lex
    if _LINE_LEAD.search(text, max(0, m.start() - 3), m.start()) and _LABEL_OR_DATELINE.match(text, m.end()):
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if not any(c.islower() for c in line):
        return True
    return given_name(a.capitalize(), lex) or a in us_postal_codes() and not _DETERMINED.search(text, max(0, m.start() - 25), m.start())


# "the VA", "a disastrous VA": a state's code after a determiner is an organisation's acronym
_DETERMINED = re.compile(r"\b(?:the|a|an)[^\S\n]+(?:[a-z]+[^\S\n]+)?$")


def _initials(name: str, lex) -> tuple[str, ...]:
    """The acronyms a name goes by: its initials ("FBI"), and without a place before it
    ("DHS" for "Minnesota Department of Human Services", "BCA" for "Minnesota Bureau of
    Criminal Apprehension")."""
    ws = name.split()
    out = [initials_of(name)]
    for k in (1, 2):
        if len(ws) > k + 1 and (" ".join(ws[:k]) in lex.places or ws[0] in W.national_heads):
            out.append(initials_of(" ".join(ws[k:])))
    return tuple(out)


def bare_acronyms(ctx) -> None:
    """An acronym standing alone ("UBS", "NHS", "DFL") names an organisation: the one
    whose initials it is when the article named it ("the EC" after "European Community")."""
    taken = _taken(ctx)
    for m in _BARE_ACRONYM.finditer(ctx.text):
        if taken[m.start()] or _acronym_is_word(m, ctx):
            continue
        a = m.group(1)
        owner = next((o for o in ctx.orgs if a in _initials(o, ctx.lex)), None)
        if owner:
            ctx.orgs[owner].append(Mention(m.start(), m.end()))
            ctx.org_forms.setdefault(owner, set()).add(a)
            continue
        ctx.add_org(a, m.start(), m.end())


def defined_acronyms(ctx) -> None:
    """``Food and Drug Administration (FDA)``: the acronym is the same organisation."""
    # where each "(ABC)" is, and where the words before it end: one pass over the text,
    # not one pattern compiled per organisation
    text, parens = ctx.text, []
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


def acronyms_alone(ctx) -> None:
    """"the Organisation of Petroleum Exporting Countries (Opec) ... Opec cut output": an
    acronym the article defines, written as a word (BBC style: "Opec", "Nato", "Fifa"),
    is the organisation wherever it stands alone (acronyms in capitals: ``bare_acronyms``)."""
    forms = {f: name for name, fs in ctx.org_forms.items() for f in fs
             if " " not in f and not f.isupper() and f != name and name in ctx.orgs}
    if not forms:
        return
    taken = _taken(ctx)
    for w, _ in ctx.singles:
        name = forms.get(w.text)
        if name and not taken[w.start] and w.text not in ctx.lex.first_names:
            ctx.orgs[name].append(Mention(w.start, w.end))


def _join_org(ctx, into: str, name: str) -> None:
    ctx.orgs[into].extend(ctx.orgs.pop(name))
    ctx.org_forms[into] = ctx.org_forms.get(into, set()) | ctx.org_forms.pop(name, set())


def _plain(name: str) -> str:
    """A name without accents, dots, commas and case: "Cornerstone Café" is "Cornerstone
    Cafe", "Acme Holdings, LLC" is "Acme Holdings LLC"."""
    s = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return " ".join(s.replace(",", " ").replace(".", "").replace("’", "'").lower().split())


def same_orgs(ctx) -> None:
    """"US Attorney’s Office" and "United States Attorney’s Office": one (a place's
    forms); "Cornerstone Café" and "Cornerstone Cafe": one (accents, dots, commas)."""
    lex = ctx.lex
    keys: dict[str, str] = {}
    for name in sorted(ctx.orgs, key=len, reverse=True):
        ws = name.split()
        key = name
        for k in (3, 2, 1):
            if len(ws) > k and " ".join(ws[:k]) in lex.places:
                key = " ".join([lex.places[" ".join(ws[:k])], *ws[k:]])
                break
        key = _plain(key)
        if key in keys and keys[key] in ctx.orgs:
            _join_org(ctx, keys[key], name)
        else:
            keys[key] = name


def prefix_orgs(ctx) -> None:
    """"Dream Center" and "Dream Center Education Holdings LLC": a name of two words or more
    (or of one word, before company forms only: "Texaco" and "Texaco Inc") that begins a longer one of the article ending in a company's form is the same
    organisation (not "Wall Street Journal", "Planned Parenthood Action Fund", nor before
    "and": "Department of Health and Human Services")."""
    names = sorted(ctx.orgs, key=len)
    for short in names:
        if short not in ctx.orgs:
            continue
        if " " not in short:  # "Texaco" and "Texaco Inc": only the company's forms after it
            longer = [n for n in ctx.orgs if n.startswith(short + " ") and all(w in _CORPORATE for w in n.split()[1:])]
            if len(longer) == 1:
                _join_org(ctx, longer[0], short)
            continue
        longer = [n for n in ctx.orgs if n.startswith(short + " ") and n.split()[len(short.split())] not in ("and", "&", "And")
                  and n.split()[-1] in _CORPORATE]
        if len(longer) == 1:
            _join_org(ctx, longer[0], short)


def placed_orgs(ctx) -> None:
    """"Senate" and "U.S. Senate", "Board of Pardons" and "Minnesota Board of Pardons": one."""
    lex = ctx.lex
    names = sorted(ctx.orgs, key=len, reverse=True)
    for short in names:
        for long in names:
            if long == short or long not in ctx.orgs or short not in ctx.orgs:
                continue
            if long.endswith(" " + short):
                head = long[: -len(short) - 1].split()
                if head and all(h in lex.places or h in W.national_heads or h in lex.demonyms for h in head):
                    _join_org(ctx, long, short)
                    break


def _fullest(canonical: str, forms: set[str]) -> str:
    """The name an entry goes by in this article: the canonical form when the article uses
    it, else the fullest form it uses ("UK" in an article that never says "United Kingdom")."""
    if canonical in forms or not forms:
        return canonical
    return max(sorted(forms), key=len)


def entities(ctx) -> Entities:
    """What the article names, each in order of its first mention."""
    people = sorted(ctx.people.values(), key=lambda d: min(m.start for m in d.mentions))
    orgs = []
    for name, ms in sorted(ctx.orgs.items(), key=lambda kv: min(m.start for m in kv[1])):
        forms = ctx.org_forms.get(name, set())
        shown = _fullest(name, forms)
        orgs.append(Organization(shown, tuple(sorted(f for f in forms if f != shown)), tuple(sorted(ms, key=lambda m: m.start))))
    return Entities(
        people=tuple(
            Person(d.name, d.role, tuple(sorted(d.mentions, key=lambda m: m.start)), d.gender) for d in people
        ),
        organizations=tuple(orgs),
        places=tuple(
            Place(_fullest(name, ctx.place_forms.get(name, set())), tuple(sorted(ms, key=lambda m: m.start)))
            for name, ms in sorted(ctx.places.items(), key=lambda kv: min(m.start for m in kv[1]))
        ),
    )


def _owns_roles(name: str, text: str, lex) -> bool:
    """"Yukos chief executive", "Yukos advisers": a name before a role noun is an
    organisation's, not a person's."""
    for m in re.finditer(rf"\b{re.escape(name)}\s+(?:[a-z]+\s+)?([a-z]+?)s?\b", text):
        if m.group(1) in lex.role_words:
            return True
    return False


def with_speakers(found: Entities, quotes, text: str = "") -> Entities:
    """A speaker named only at the quote (not found as a person before) joins the people,
    when the name looks like a person's ("Jan Novak", not "the ministry" or "FAO"): the
    subject of a speech verb is evidence, unless the article gives one word roles
    ("Yukos chief executive": see ``_owns_roles``)."""
    lex = load()
    known = {p.name for p in found.people} | {o.name for o in found.organizations}
    extra: dict[str, list[Mention]] = {}
    for q in quotes:
        if q.speaker and q.speaker not in known and q.speaker_start is not None and speaker_like(q.speaker, lex) \
                and not (" " not in q.speaker.strip() and _owns_roles(q.speaker, text, lex)):
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
