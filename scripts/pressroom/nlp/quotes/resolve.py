"""A mention next to a reporting verb, resolved to the canonical speaker of the article.

- a name: its person or organisation (surname and title forms included);
- he/she: the most salient earlier person of that gender (``antecedent``); other pronouns
  stay unresolved;
- a role (``the senator``, ``a spokesman for the ministry``): the person introduced in that
  role, the organisation it stands for, else the source as the article describes it
  (``senior party aide``).

Each step is a cascade of named rules tried in order: the first that answers wins. A rule
answers with a name, or with ``NOBODY`` when it knows the speaker cannot be told.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .antecedent import antecedent
from ..entities import CONNECTORS
from .context import Context, Hit
from ..lexicon import quote_words
from .words import rx, words_of

NOBODY = ""  # a rule's answer "no one can be named": stops the cascade, resolves to None
_DEFINITE = words_of("definite_determiners")
_COMPLEMENT = rx(r"\b<complement_prepositions>\b")
_BODY_SPOKEN_FOR = rx(r"\b<complement_prepositions>\s+(?:<definite_articles>\s+)?(.+)$")
_THE = words_of("definite_articles")
_PARTITIVE = words_of("partitive_prepositions")
_PREPOSITION = rx(r"\b<prepositions>\b")
_INTERJECTIONS = words_of("interjections")
# the gender a role's head shows by its ending, longest ending first ("spokeswoman": "f")
_GENDER_ENDINGS = sorted(quote_words()["role_gender_endings"].items(), key=lambda kv: -len(kv[0]))
_NOT_GENDERED = words_of("not_gendered_heads")
_POSSESSIVE_GENDERS = dict(quote_words()["possessive_genders"])
# the agent of a document: "an email sent out by Sanders"
_BY_AGENT = rx(r"\s+(?:[a-z]+\s+){1,2}by\s+([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3})")
# the issuer named right after a document: "a report (released) by Amnesty International"
# (within the line, its words no sentence's end: "... in The Gazette.\n\nJo Roe, ...")
_ISSUER = rx(r"[^\S\n]+(?:<issuer_participles>[^\S\n]+)?<issuer_prepositions>[^\S\n]+(?:<definite_articles:both>[^\S\n]+)?"
             r"([A-Z](?:\.|[\w&\-’']*)(?:[^\S\n]+(?:<name_joiners>[^\S\n]+)*[A-Z](?:\.|[\w&\-’']*)){0,5})")
_OWNER = re.compile(r"([A-Z][\w.\-’']*(?:\s+[A-Z][\w.\-’']*){0,3}?)(?:['’]s?|(?<=s)['’])\s")


def resolve(ctx: Context, hit: Hit) -> str | None:
    """The canonical speaker a mention stands for, or None."""
    if hit.kind == "pronoun":
        gender = ctx.words.pronoun_genders.get(hit.text)
        return antecedent(ctx, hit.start, gender) if gender else None
    if hit.kind == "role":
        return by_role(ctx, hit)
    return by_name(ctx, hit)


# -- names -------------------------------------------------------------------------------------
def by_name(ctx: Context, hit: Hit) -> str | None:
    """A name: the person or organisation mentioned there, else the bare name matched to
    the article's people by full name or surname, to its organisations, or kept as written."""
    p = ctx.person_at(hit.start, hit.end)
    if p is not None:
        return p.name
    o = ctx.org_at(hit.start, hit.end)
    if o is not None:
        return o.name
    name = _bare_name(ctx, hit.text)
    if not name:
        return None
    for rule in NAME_RULES:
        found = rule(ctx, name, hit)
        if found is not None:
            return found or None
    return None


def _bare_name(ctx: Context, text: str) -> str:
    """The name without its titles, demonyms, opening words (``The``, ``But``) and ``'s``."""
    lex = ctx.lex
    tokens = [t for t in re.split(r"\s+", text) if t]
    i = 0
    while i < len(tokens):
        for n in lex.title_lengths:
            if tuple(t.lower() for t in tokens[i:i + n]) in lex.titles and i + n < len(tokens):
                i += n
                break
        else:
            if tokens[i] in lex.demonyms and i + 1 < len(tokens) or tokens[i] in ctx.words.name_leads and i + 1 < len(tokens):
                i += 1
                continue
            break
    return re.sub(r"['’]s?$", "", " ".join(tokens[i:]))


def _same_name(ctx: Context, name: str, hit: Hit) -> str | None:
    """A person of the article with exactly that name."""
    for person in ctx.entities.people:
        if person.name == name:
            return person.name
    return None


def _surname_before(ctx: Context, name: str, hit: Hit) -> str | None:
    """The person last named before with that surname (or that one given name, when the
    person's given name is not a known one: "Mark Cuban" ... "Cuban")."""
    last = name.split()[-1]
    cands = []
    for s, e, person in ctx.mentions:
        if s > hit.start:
            break
        parts = person.name.split()
        if parts[-1] == last or (len(name.split()) == 1 and parts[0] == name and len(parts) == 2
                                 and parts[0] not in ctx.lex.first_names):
            cands.append(person)
    return cands[-1].name if cands else None


def _surname_anywhere(ctx: Context, name: str, hit: Hit) -> str | None:
    """A person of the article with that surname, named anywhere."""
    last = name.split()[-1]
    for person in ctx.entities.people:
        if person.name.split()[-1] == last:
            return person.name
    return None


def _full_name_before(ctx: Context, name: str, hit: Hit) -> str | None:
    """"West said" after "Marty West, an education professor, ..." that the entity list
    missed: the full name as written before, when its first word is a given name."""
    if " " in name or not name[:1].isupper():
        return None
    starts, given = ctx.given_names_before(name)
    k = bisect.bisect_left(starts, hit.start) - 1
    while k >= 0 and not given[k]:
        k -= 1  # "Mr. West": an honorific, not a given name
    return f"{given[k]} {name}" if k >= 0 else None


def _speaker_named_before(ctx: Context, name: str, hit: Hit) -> str | None:
    """"West said" after a quote attributed to "Marty West", a name the entity list missed:
    the speaker of an earlier quote whose name ends in that surname."""
    if " " in name or not name[:1].isupper():
        return None
    for q in reversed(ctx.speech):
        words = (q.speaker or "").split()
        if len(words) > 1 and words[-1] == name and q.start < hit.start and all(w[:1].isupper() for w in words):
            return q.speaker
    return None


def _organisation(ctx: Context, name: str, hit: Hit) -> str | None:
    """An organisation of the article by name or alias, else a known one."""
    for o in ctx.entities.organizations:
        if o.name == name or name in o.aliases:
            return o.name
    return ctx.lex.organizations.get(name.lower())


def _not_a_source(ctx: Context, name: str, hit: Hit) -> str | None:
    """A word that names no source (a time word, a place, a demonym), or a headline or a
    dateline in capitals."""
    low = name.lower()
    if low in ctx.lex.non_names or low in ctx.words.time_words or name in ctx.lex.places or name in ctx.lex.demonyms \
            or low in ctx.words.not_speaker_pronouns or low in _INTERJECTIONS:
        return NOBODY
    if name.isupper() and len(name) > 5 and " " in name:
        return NOBODY
    return None


def _as_written(ctx: Context, name: str, hit: Hit) -> str | None:
    """The name as the article writes it, up to its first lower-case word that is no
    connector ("Allen did" -> "Allen", "Cruz himself" -> "Cruz")."""
    words = name.split()
    for k, t in enumerate(words):
        if t[:1].islower() and t not in CONNECTORS:
            words = words[:k]
            break
    while words and words[-1] in CONNECTORS:
        words.pop()
    return " ".join(words) or NOBODY


NAME_RULES = (_same_name, _surname_before, _surname_anywhere, _full_name_before, _speaker_named_before, _organisation,
              _not_a_source, _as_written)


# -- roles and descriptions --------------------------------------------------------------------
@dataclass(frozen=True)
class Role:
    """A description read as a source: ``the senator``, ``a spokesman for the ministry``."""

    hit: Hit
    low: str
    toks: tuple[str, ...]
    head: str  # its last word
    noun: tuple[str, ...] | None  # the role noun's synonyms, when it names one
    definite: bool  # "the", a possessive: one known person or body
    prepositional: bool  # "for", "of", "at", "with": it says whom it speaks for


def by_role(ctx: Context, hit: Hit) -> str | None:
    low = hit.text.lower()
    toks = tuple(low.split())
    noun = None
    for key, syn in ctx.lex.role_nouns.items():
        if re.search(r"\b" + re.escape(key) + r"\b", low):
            noun = syn
    definite = toks[0] in _DEFINITE or toks[0].endswith(("’s", "'s"))
    role = Role(hit, low, toks, toks[-1], noun, definite, bool(_COMPLEMENT.search(low)))
    for rule in ROLE_RULES:
        found = rule(ctx, role)
        if found is not None:
            return found or None
    return None


def _holders(ctx: Context, role: Role, anywhere: bool = False) -> list:
    """The people named (before the description, or ``anywhere``) whose role is the
    description's, in the order of their mentions; for a description with a capitalised
    modifier (``the Florida senator``, ``the Republican nominee``), only those named in a
    sentence that holds the modifier too: the modifier is how the article told them apart."""
    mods = [t for t in role.hit.text.split()[1:-1] if t[:1].isupper()]
    out = []
    for s, e, p in ctx.mentions:
        if not anywhere and s >= role.hit.start:
            break
        if p.role and any(x in p.role.lower() for x in role.noun) and (
                not mods or all(m in ctx.masked[ctx.sentence_start(s):ctx.sentence_end(s)] for m in mods)):
            out.append(p)
    return out


def owner_of_words(ctx: Context, hit: Hit) -> str | None:
    """``Hoff's letter``, ``his response``, ``an email sent out by Sanders``: what a person
    says or writes is that person's words; the owner named before the possessive or after
    "by" (a person or an organisation of the article), or his/her resolved like he/she."""
    words = hit.text.split()
    w = ctx.words
    head = words[-1].lower() if words else ""
    if not 1 <= len(words) <= 5 or (head not in w.utterance_nouns and head not in w.document_nouns):
        return None
    by = _BY_AGENT.match(ctx.masked, hit.end)
    if by is not None:
        return _named(ctx, by.group(1), by.start(1), by.end(1))
    return possessor(ctx, hit) if len(words) > 1 else None


def possessor(ctx: Context, hit: Hit) -> str | None:
    """Whose the description is: ``his campaign`` (his resolved like he), ``Clinton's
    response``; a person or an organisation of the article, else None."""
    words = hit.text.split()
    gender = _POSSESSIVE_GENDERS.get(words[0].lower())
    if gender is not None:
        return antecedent(ctx, hit.start, gender, owner=True) if len(words) <= 3 else None
    m = _OWNER.match(hit.text)
    return _named(ctx, m.group(1), hit.start + m.start(1), hit.start + m.end(1)) if m else None


def _named(ctx: Context, text: str, a: int, b: int) -> str | None:
    """The person or organisation of the article a name at [a, b) stands for, or None."""
    found = ctx.person_at(a, b) or ctx.org_at(a, b)
    if found is not None:
        return found.name
    name = by_name(ctx, Hit("name", text, a, b))
    return name if name in ctx.people else None


def _owner(ctx: Context, role: Role) -> str | None:
    return owner_of_words(ctx, role.hit)


def _role_named_before(ctx: Context, role: Role) -> str | None:
    """``the senator``: the person last named in that role; with nobody named in it, a
    two-word description refers back like a pronoun of its gender (``the spokeswoman``).
    A longer one stays as written (``the Florida senator``): the gold sets of the field
    keep the description, not the person it stands for."""
    if role.noun is None or not role.definite or role.prepositional:
        return None
    cands = _holders(ctx, role)
    if cands:
        return cands[-1].name
    gender = _role_gender(role)
    if (role.head in ctx.words.speaker_nouns or role.noun) and role.toks[0] in _THE and len(role.toks) == 2:
        return antecedent(ctx, role.hit.start, gender) or NOBODY
    return None


def _role_gender(role: Role) -> str | None:
    """The gender a description shows by the ending of its head ("the spokeswoman")."""
    if role.head in _NOT_GENDERED:
        return None
    return next((g for ending, g in _GENDER_ENDINGS if role.head.endswith(ending)), None)


def _role_of_body_named_before(ctx: Context, role: Role) -> str | None:
    """``the spokesman for the ministry``: the person named before in that role there."""
    if role.noun is None or not role.definite:
        return None
    tail = _BODY_SPOKEN_FOR.search(role.hit.text)
    if tail:
        better = [p for p in _holders(ctx, role) if tail.group(1) in (p.role or "")]
        if better:
            return better[-1].name
    return None


def _group_of_person(ctx: Context, role: Role) -> str | None:
    """``his campaign``, ``Clinton's office``: a person's campaign or office speaks for the
    person and is named by them ("Bernie Sanders campaign")."""
    if role.head not in ctx.words.group_nouns or len(role.toks) > 3:
        return None
    owner = possessor(ctx, role.hit)
    return f"{owner} {role.head}" if owner in ctx.people else None


def _group_named_before(ctx: Context, role: Role) -> str | None:
    """``the ministry``: the organisation named before whose name holds that word."""
    w = ctx.words
    if role.head not in w.group_nouns or not role.definite or len(role.toks) > 3:
        return None
    best = None
    for s, e, o in ctx.org_mentions:
        if s > role.hit.start:
            break
        if role.head in o.name.lower().split():
            best = o
    return best.name if best is not None else None


def _one_holder(ctx: Context, role: Role) -> str | None:
    """``a spokesman said`` in the lead, named further down: the one person in that role."""
    if role.noun is None:
        return None
    tail = _BODY_SPOKEN_FOR.search(role.hit.text)
    holders = {p.name for p in _holders(ctx, role, anywhere=True) if not tail or tail.group(1) in p.role}
    return holders.pop() if len(holders) == 1 else None


def _organisation_there(ctx: Context, role: Role) -> str | None:
    """A description over an organisation's mention that is not a person's role: the
    organisation (``the Heritage Foundation website``)."""
    o = ctx.org_at(role.hit.start, role.hit.end)
    w = ctx.words
    person_head = role.head in w.speaker_nouns or role.head in w.role_words
    if o is not None and not person_head and not _PREPOSITION.search(role.low):
        return o.name
    return None


def _issuer_of_document(ctx: Context, role: Role) -> str | None:
    """``an editorial in The Gazette``, ``a report released by Amnesty International``: a
    document speaks for the organisation (or person) of the article that issued it."""
    if role.head not in ctx.words.document_nouns or len(role.toks) > 4:
        return None
    m = _ISSUER.match(ctx.masked, role.hit.end)
    if m is None:
        return None
    a, b = m.start(1), m.end(1)
    found = ctx.org_at(a, b) or ctx.person_at(a, b)
    return found.name if found is not None else None


def _as_described(ctx: Context, role: Role) -> str | None:
    """An unnamed source stays as the article describes it, with the body it speaks for
    (``a spokesman for the House Armed Services Committee``)."""
    w = ctx.words
    words = role.hit.text.split()
    while words and (words[0].lower() in w.determiners or words[0].lower() in _PARTITIVE):
        words = words[1:]  # "the", "hundreds of"
    if not words or words[-1].lower() in w.not_speakers:
        return NOBODY
    m = w.named_complement.match(ctx.masked, role.hit.end)
    if m and not role.prepositional:
        words.append(ctx.body[m.start(1):m.end()].strip())
    return " ".join(words)


ROLE_RULES = (_owner, _role_named_before, _role_of_body_named_before, _group_of_person, _group_named_before, _one_holder,
              _organisation_there, _issuer_of_document, _as_described)
