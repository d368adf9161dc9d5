"""An editor's decisions, applied while an article is annotated.

What an editor says a name is *not* (``curation.yml``'s ``not:`` and ``kind:``, a notes
file's ``entities:`` with ``remove: true``) must change who said a quote, not only which
names are listed: a quote the rules gave to "Scissor Sisters" goes to whoever the rules find
next, or to no one. So the decisions that concern an article are handed to the annotator as
``Exclusions``, applied between finding the names and attributing the quotes:

- a name excluded from a kind is dropped from that kind;
- a name moved to another kind (``kind:``) takes its mentions there; one the rules did not
  list at all (no evidence of any kind) is listed as that kind where the text names it;
- a quote still attributed to a dropped name (the rules read it straight from the text) is
  left without a speaker.

Names are compared as ``key`` makes them: case, apostrophe style and spacing aside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Entities, Mention, Organization, Person, Place, Quote

KINDS = ("people", "organizations", "places")


def key(name: str) -> str:
    """A name as curation compares it: "Rep. Robert C." and "rep. robert c" are one."""
    return re.sub(r"\s+", " ", name.replace("’", "'").strip().rstrip(".")).lower()


@dataclass(frozen=True)
class Exclusions:
    """What an editor decided about the names of one article (only the decisions whose
    names the article contains: they are part of its annotation's cache key)."""

    drop: frozenset = frozenset()  # (kind, key): never an entity of that kind
    move: tuple = ()  # (key, kind): an entity of that name is of this kind

    def __bool__(self) -> bool:
        return bool(self.drop or self.move)

    def digest(self) -> str:
        return repr((sorted(self.drop), sorted(self.move)))

    def __or__(self, other: "Exclusions") -> "Exclusions":
        if not other:
            return self
        return Exclusions(self.drop | other.drop, tuple(dict.fromkeys(self.move + other.move)))

    def keys(self) -> set[str]:
        """The names these decisions are about."""
        return {k for _, k in self.drop} | {k for k, _ in self.move}

    def kind_of(self, name: str) -> str | None:
        k = key(name)
        return next((kind for n, kind in self.move if n == k), None)


def apply(found: Entities, excl: Exclusions) -> Entities:
    """The entities with the editor's drops and moves applied (before quotes are attributed)."""
    if not excl:
        return found
    kept = {kind: [] for kind in KINDS}
    for kind in KINDS:
        for entity in getattr(found, kind):
            target = excl.kind_of(entity.name) or kind
            if (target, key(entity.name)) in excl.drop:
                continue
            kept[target].append(entity if target == kind else _as(entity, target))
    return Entities(*(tuple(_merged(kept[kind])) for kind in KINDS))


def named(found: Entities, excl: Exclusions, text: str) -> Entities:
    """A name the editor gave a kind (``kind: {Guantanamo Bay: place}``) that the rules listed
    as nothing is listed as that kind, with every place the text names it (the editor's
    word is the evidence the rules lacked)."""
    listed = {key(e.name) for kind in KINDS for e in getattr(found, kind)}
    added = {kind: [] for kind in KINDS}
    for k, kind in excl.move:
        if k in listed or (kind, k) in excl.drop:
            continue
        spans = [m.span() for m in _mention_pattern(k).finditer(text)]
        if spans:
            added[kind].append(_as(Place(text[spans[0][0]:spans[0][1]], tuple(Mention(a, b) for a, b in spans)), kind))
    if not any(added.values()):
        return found
    return Entities(*(getattr(found, kind) + tuple(added[kind]) for kind in KINDS))


def _mention_pattern(k: str) -> re.Pattern:
    """Where the text names ``k`` (a key): its words, whole, in any case, with anything but
    a word or a line break between them. Words as curation.exclusions compares them, so a
    name that decides about an article is also found in it: "David Nelson Jr." names "David
    Nelson, Jr.", "James Martin" the "James Martin’s" of a possessive."""
    return re.compile(r"(?<!\w)" + r"[^\w\n]+".join(re.findall(r"\w+", k)) + r"(?!\w)", re.I)


def free_speakers(quotes: tuple[Quote, ...], found: Entities, excl: Exclusions) -> tuple[Quote, ...]:
    """A quote attributed to a name the editor excluded is left without a speaker, unless the
    name is still a person or an organisation of the article (``found``, curated): "not a
    person" keeps a company that speaks; a name moved to the places never speaks."""
    if not excl:
        return quotes
    excluded = {k for _, k in excl.drop} | {k for k, kind in excl.move if kind == "places"}
    speaking = {key(e.name) for e in found.people + found.organizations}
    silent = excluded - speaking
    return tuple(replace(q, speaker=None, speaker_start=None, speaker_end=None)
                 if q.speaker and key(q.speaker) in silent else q for q in quotes)


def _as(entity, kind: str):
    """An entity found as one kind, as another (its name and mentions kept)."""
    if kind == "people":
        return Person(entity.name, None, entity.mentions)
    if kind == "organizations":
        return Organization(entity.name, getattr(entity, "aliases", ()), entity.mentions)
    return Place(entity.name, entity.mentions)


def _merged(entities: list) -> list:
    """One entry per name: a moved entity meets one of that kind already there."""
    by_key: dict[str, object] = {}
    for e in entities:
        k = key(e.name)
        if k in by_key:
            old = by_key[k]
            by_key[k] = replace(old, mentions=tuple(sorted(set(old.mentions) | set(e.mentions), key=lambda m: m.start)))
        else:
            by_key[k] = e
    return list(by_key.values())
