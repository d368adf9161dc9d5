"""``curation.yml``: an editor's decisions, made once, applied to every article on every build.

    same:        # names of one entity; the first is the canonical name shown everywhere
      - [Robert C. Scott, Bobby Scott, Rep. Robert C.]
    not:         # never an entity of this kind, in any article
      people: [Scissor Sisters, Capitol Hill]
      organizations: []
      places: []
    kind:        # a name found as one kind is another: person | organization | place
      Yukos: organization
    roles:       # the role shown for a person on their page and in every article
      Keith Ellison: Minnesota Attorney General

``not`` and ``kind`` change who said a quote, so they are handed to the annotator
(``exclusions``: only the decisions whose names an article contains, which makes them part
of that article's cache key: an edit re-annotates the articles it concerns, no others).
``same`` and ``roles`` rename and describe what was found (``apply``). Problems name the file
and the line: an unknown key or kind, a malformed entry, a name nothing in the archive has.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field, replace

import yaml

from .errors import Problem
from .model import Article, Entities
from .nlp.curate import KINDS, Exclusions, key

FILE = "curation.yml"


def path_beside(config_file) -> "Path":
    """curation.yml sits beside mkdocs.yml (the project root)."""
    from pathlib import Path

    return Path(config_file).with_name(FILE) if config_file else Path(FILE)
SECTIONS = ("same", "not", "kind", "roles")
KIND_NAMES = {"person": "people", "organization": "organizations", "place": "places"}


@dataclass(frozen=True)
class Entry:
    """A name as written in curation.yml, and where."""

    section: str
    name: str
    line: int
    canonical: bool = False  # the first name of a same: group: the editor's choice, need not occur


@dataclass(frozen=True)
class Curation:
    path: str = FILE
    same: tuple = ()  # groups of names, the canonical one first
    drop: frozenset = frozenset()  # (kind, key)
    move: tuple = ()  # (key, kind)
    roles: tuple = ()  # (key, role)
    entries: tuple = ()  # every name written, with its line
    canonical: dict = field(default_factory=dict, compare=False)  # key -> the group's first name

    def __bool__(self) -> bool:
        return bool(self.same or self.drop or self.move or self.roles)

    def exclusions(self, text: str) -> Exclusions:
        """The decisions of ``not`` and ``kind`` whose names the text contains."""
        if not (self.drop or self.move):
            return Exclusions()
        low = _folded(text)
        return Exclusions(frozenset(d for d in self.drop if _name(d[1]) in low), tuple(m for m in self.move if _name(m[0]) in low))

    def digest(self) -> str:
        return hashlib.sha256(repr((self.same, sorted(self.drop), self.move, self.roles)).encode()).hexdigest()[:16]


def _folded(text: str) -> str:
    """Text as names are looked for in it: words only, lower case, between spaces. The rules
    write a name their own way ("David Nelson Jr." from "David Nelson, Jr."), so punctuation
    is not compared; a match that is no name of the article costs only its annotation again."""
    return " " + " ".join(_PUNCTUATION.sub(" ", text.lower()).split()) + " "


_PUNCTUATION = re.compile(r"\W+")  # (apostrophes too: "James Martin's dog" names James Martin)
_name = functools.lru_cache(maxsize=1 << 12)(_folded)  # a decision's name, folded once per build


# -- reading ---------------------------------------------------------------------------------
def parse(text: str, path: str = FILE) -> tuple[Curation, list[Problem]]:
    """The curation file's decisions, and every problem with it (each naming its line)."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return Curation(path), [Problem(path, f"not valid YAML ({getattr(err, 'problem', err)})", mark.line + 1 if mark else None)]
    if root is None:
        return Curation(path), []
    if not isinstance(root, yaml.MappingNode):
        return Curation(path), [Problem(path, "must be a mapping of same:, not:, kind:, roles:", _line(root))]
    found: dict = {"same": [], "drop": set(), "move": [], "roles": [], "entries": []}
    for k, v in root.value:
        section = k.value if isinstance(k, yaml.ScalarNode) else None
        reader = _READERS.get(section)
        if reader is None:
            problems.append(Problem(path, f"unknown key {section!r}: the keys are {', '.join(SECTIONS)}", _line(k), "warning"))
            continue
        reader(v, path, found, problems)
    canonical = {key(n): group[0] for group in found["same"] for n in group}
    problems += _conflicts(found, path)
    cur = Curation(path, tuple(found["same"]), frozenset(found["drop"]), tuple(found["move"]), tuple(found["roles"]),
                   tuple(found["entries"]), canonical)
    return cur, problems


def _conflicts(found: dict, path: str) -> list[Problem]:
    """A name both merged (same:) and excluded (not:, or moved by kind:): the exclusion
    is applied first, so the name is not merged; said, with the line of the exclusion."""
    merged = {key(n) for group in found["same"] for n in group}
    out = []
    for e in found["entries"]:
        if e.section != "same" and e.section != "roles" and key(e.name) in merged:
            out.append(Problem(path, f"{e.section}: {e.name!r} is also in same:; it is {'excluded' if e.section.startswith('not') else 'moved'} "
                                     "before names are merged, so same: does not apply to it", e.line, "warning"))
    return out


def _line(node) -> int:
    return node.start_mark.line + 1


def _names(node, path, where, problems) -> list[tuple[str, int]]:
    """A list of names (a YAML sequence of text), each with its line."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(path, f"{where}: a list of names, as [A, B] or '- A' lines", _line(node)))
        return []
    out = []
    for item in node.value:
        if isinstance(item, yaml.ScalarNode) and item.value.strip():
            out.append((item.value.strip(), _line(item)))
        else:
            problems.append(Problem(path, f"{where}: each entry must be a name", _line(item)))
    return out


def _read_same(node, path, found, problems):
    if not isinstance(node, yaml.SequenceNode):
        problems.append(Problem(path, "same: a list of groups, each a list of names: - [Robert C. Scott, Bobby Scott]", _line(node)))
        return
    for group in node.value:
        names = _names(group, path, "same", problems)
        if len(names) < 2:
            problems.append(Problem(path, "same: a group needs two names or more, the canonical one first", _line(group)))
            continue
        found["same"].append(tuple(n for n, _ in names))
        found["entries"] += [Entry("same", n, line, k == 0) for k, (n, line) in enumerate(names)]


def _read_not(node, path, found, problems):
    for kind_node, names_node in _pairs(node, path, "not", problems):
        kind = kind_node.value
        if kind not in KINDS:
            problems.append(Problem(path, f"not: unknown kind {kind!r}: one of {', '.join(KINDS)}", _line(kind_node), "warning"))
            continue
        for name, line in _names(names_node, path, f"not: {kind}", problems):
            found["drop"].add((kind, key(name)))
            found["entries"].append(Entry(f"not.{kind}", name, line))


def _read_kind(node, path, found, problems):
    for name_node, kind_node in _pairs(node, path, "kind", problems):
        kind = KIND_NAMES.get(kind_node.value.strip()) if isinstance(kind_node, yaml.ScalarNode) else None
        if kind is None:
            problems.append(Problem(path, f"kind: {name_node.value}: unknown kind {getattr(kind_node, 'value', '')!r}: "
                                          f"one of {', '.join(KIND_NAMES)}", _line(kind_node), "warning"))
            continue
        found["move"].append((key(name_node.value), kind))
        found["entries"].append(Entry("kind", name_node.value.strip(), _line(name_node)))


def _read_roles(node, path, found, problems):
    for name_node, role_node in _pairs(node, path, "roles", problems):
        if not isinstance(role_node, yaml.ScalarNode) or not role_node.value.strip():
            problems.append(Problem(path, f"roles: {name_node.value}: the role must be text", _line(role_node)))
            continue
        found["roles"].append((key(name_node.value), role_node.value.strip()))
        found["entries"].append(Entry("roles", name_node.value.strip(), _line(name_node)))


def _pairs(node, path, where, problems):
    """The (key, value) nodes of a mapping whose keys are names."""
    if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
        return []
    if not isinstance(node, yaml.MappingNode):
        problems.append(Problem(path, f"{where}: a mapping (name: value, one a line)", _line(node)))
        return []
    out = []
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value.strip():
            out.append((k, v))
        else:
            problems.append(Problem(path, f"{where}: each key must be a name", _line(k)))
    return out


_READERS = {"same": _read_same, "not": _read_not, "kind": _read_kind, "roles": _read_roles}


# -- applying ------------------------------------------------------------------------------
def apply(article: Article, cur: Curation) -> Article:
    """``same`` and ``roles`` on an annotated article: one canonical name per entity (its
    mentions joined, its quotes following), and the editor's role for a person."""
    if not (cur.same or cur.roles):
        return article
    e = article.entities
    people = tuple(_rename_merge(e.people, cur))
    roles = dict(cur.roles)
    people = tuple(replace(p, role=roles[key(p.name)]) if key(p.name) in roles else p for p in people)
    entities = Entities(people, tuple(_rename_merge(e.organizations, cur)), tuple(_rename_merge(e.places, cur)))
    quotes = tuple(replace(q, speaker=cur.canonical.get(key(q.speaker), q.speaker)) if q.speaker else q for q in article.quotes)
    if entities == e and quotes == article.quotes:
        return article
    return replace(article, entities=entities, quotes=quotes)


def _rename_merge(entities, cur: Curation) -> list:
    out: dict[str, object] = {}
    for ent in entities:
        name = cur.canonical.get(key(ent.name), ent.name)
        ent = replace(ent, name=name) if name != ent.name else ent
        k = key(name)
        if k in out:
            old = out[k]
            mentions = tuple(sorted(set(old.mentions) | set(ent.mentions), key=lambda m: m.start))
            extra = {"role": old.role or ent.role} if hasattr(old, "role") else {}
            out[k] = replace(old, mentions=mentions, **extra)
        else:
            out[k] = ent
    return list(out.values())


def touches(article: Article, cur: Curation) -> str:
    """What of ``same`` and ``roles`` concerns this article (for its pages' keys): an edit
    of curation.yml makes again only the pages it changes."""
    if not (cur.same or cur.roles):
        return ""
    names = {key(x.name) for kind in KINDS for x in getattr(article.entities, kind)}
    names |= {key(q.speaker) for q in article.quotes if q.speaker}
    mine = sorted(g for g in cur.same if names & {key(n) for n in g})
    mine_roles = sorted(r for r in cur.roles if r[0] in names or r[0] in {key(cur.canonical.get(n, n)) for n in names})
    return repr((mine, mine_roles)) if mine or mine_roles else ""


def unmatched(cur: Curation, articles: list[Article], excluded: set[str]) -> list[Problem]:
    """A warning for each name of curation.yml that nothing in the archive is called:
    ``same:``/``roles:`` names no entity or speaker has; ``not:``/``kind:`` names no
    article's text contains (``excluded``: the keys of the exclusions handed out)."""
    seen = set(excluded)
    for a in articles:
        for kind in KINDS:
            seen.update(key(x.name) for x in getattr(a.entities, kind))
        seen.update(key(q.speaker) for q in a.quotes if q.speaker)
    return [Problem(cur.path, f"{e.section}: {e.name!r} matches nothing in the archive; check its spelling", e.line, "warning")
            for e in cur.entries if key(e.name) not in seen and not e.canonical]
