"""Editorial notes and corrections from a sidecar ``sources/NAME.notes.yml``.

    notes:
      - phrase: deepened mutual trust      # exact text of the article
        prefix: the                        # optional: text just before, to tell repeats apart
        suffix: and                        # optional: text just after
        note: The ministry's own wording since 2019.
    corrections:
      - quote: Taiwan independence         # part of a quote's text
        speaker: Tan Kefei                 # who said it (null: unknown)
        kind: scare                        # or speech
    entities:
      - name: Scissor Sisters              # a name the article lists
        remove: true                       # not an entity at all, in this article
      - name: Bobby Scott
        rename: Robert C. Scott            # shown (and linked) under this name
      - name: Keith Ellison
        role: Minnesota Attorney General   # the role shown for this person here

Corrections override the automatic annotation on every rebuild. A note whose phrase is not
in the text, or is there twice with nothing to tell which, is an error naming the file and
the note; the other notes and the article are still built.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..errors import Problem
from ..model import Entities, Note, NotesFile, Quote
from .curate import KINDS as ENTITY_KINDS
from .curate import Exclusions, key

KINDS = ("speech", "scare")


SECTIONS = ("notes", "corrections", "entities")


def exclusions(notes_file: NotesFile | None) -> Exclusions:
    """The names a notes file removes (``entities:`` with ``remove: true``): handed to the
    annotator with the archive's, so that a quote given to that name is attributed anew."""
    data = notes_file.data if notes_file else None
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return Exclusions()
    names = [i["name"] for i in items if isinstance(i, dict) and isinstance(i.get("name"), str) and i.get("remove") is True]
    return Exclusions(frozenset((kind, key(n)) for n in names for kind in ENTITY_KINDS))


def apply(notes_file: NotesFile | None, body: str, quotes: tuple[Quote, ...], found: Entities = Entities()):
    """Returns (notes, corrected quotes, corrected entities, problems)."""
    if notes_file is None:
        return (), quotes, found, []
    path, data = notes_file.path, notes_file.data
    if data is None:
        return (), quotes, found, []
    if not isinstance(data, dict) or set(data) - set(SECTIONS):
        return (), quotes, found, [Problem(path, "a notes file holds 'notes:', 'corrections:' and 'entities:' lists and nothing else")]
    problems: list[Problem] = []
    notes = []
    for n, item in enumerate(_list(data, "notes", path, problems), 1):
        note = _anchor(item, n, body, path, problems)
        if note:
            notes.append(note)
    for n, item in enumerate(_list(data, "corrections", path, problems), 1):
        quotes = _correct(item, n, quotes, path, problems)
    for n, item in enumerate(_list(data, "entities", path, problems), 1):
        found, quotes = _entity(item, n, body, found, quotes, path, problems)
    return tuple(sorted(notes, key=lambda x: x.start)), quotes, found, problems


def _entity(item, n, body, found: Entities, quotes, path, problems):
    """One entry of ``entities:``: remove (done while annotating: checked here), rename, role."""
    where = f"entity {n}"
    actions = set(item) & {"remove", "rename", "role"} if isinstance(item, dict) else set()
    if not isinstance(item, dict) or not isinstance(item.get("name"), str) or len(actions) != 1 or set(item) - {"name", *actions}:
        problems.append(Problem(path, f"{where}: needs 'name:' and one of 'remove: true', 'rename: NAME', 'role: ROLE'"))
        return found, quotes
    name, (action,) = item["name"], actions
    value = item[action]
    if action == "remove":
        if value is not True:
            problems.append(Problem(path, f"{where}: 'remove:' takes true"))
        elif key(name) not in " ".join(body.replace("’", "'").lower().split()):
            problems.append(Problem(path, f"{where}: {name!r} is not in the article; copy the name from its list of names"))
        return found, quotes
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(path, f"{where}: '{action}:' must be text"))
        return found, quotes
    hits = {kind for kind in ENTITY_KINDS for x in getattr(found, kind) if key(x.name) == key(name)}
    if not hits or (action == "role" and "people" not in hits):
        what = "person" if action == "role" else "name"
        problems.append(Problem(path, f"{where}: {name!r} is no {what} the article lists; copy the name from its list of names"))
        return found, quotes
    if action == "role":
        people = tuple(replace(p, role=value.strip()) if key(p.name) == key(name) else p for p in found.people)
        return replace(found, people=people), quotes
    new = value.strip()
    renamed = {kind: tuple(replace(x, name=new) if key(x.name) == key(name) else x for x in getattr(found, kind)) for kind in ENTITY_KINDS}
    quotes = tuple(replace(q, speaker=new) if q.speaker and key(q.speaker) == key(name) else q for q in quotes)
    return Entities(**renamed), quotes


def _list(data, key, path, problems):
    items = data.get(key) or []
    if not isinstance(items, list):
        problems.append(Problem(path, f"'{key}:' must be a list of entries starting with '-'"))
        return []
    return items


def _anchor(item, n, body, path, problems) -> Note | None:
    where = f"note {n}"
    if not isinstance(item, dict) or not isinstance(item.get("phrase"), str) or not isinstance(item.get("note"), str):
        problems.append(Problem(path, f"{where}: needs 'phrase:' and 'note:' as text"))
        return None
    phrase, prefix, suffix = item["phrase"], item.get("prefix") or "", item.get("suffix") or ""
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        problems.append(Problem(path, f"{where}: 'prefix:' and 'suffix:' must be text (quote them)"))
        return None
    if not phrase:
        problems.append(Problem(path, f"{where}: 'phrase:' is empty"))
        return None
    hits = [m.start() for m in re.finditer(re.escape(phrase), body)]
    if prefix or suffix:
        hits = [i for i in hits if body[:i].endswith(prefix) and body[i + len(phrase):].startswith(suffix)]
    if not hits:
        problems.append(Problem(path, f"{where}: phrase {phrase!r} is not in the article{' with that prefix/suffix' if prefix or suffix else ''}; copy it exactly from the text"))
        return None
    if len(hits) > 1:
        problems.append(Problem(path, f"{where}: phrase {phrase!r} is in the article {len(hits)} times; add 'prefix:' or 'suffix:' to tell which"))
        return None
    return Note(hits[0], hits[0] + len(phrase), item["note"].strip())


def _correct(item, n, quotes, path, problems):
    where = f"correction {n}"
    if not isinstance(item, dict) or not isinstance(item.get("quote"), str) or not (set(item) & {"speaker", "kind"}):
        problems.append(Problem(path, f"{where}: needs 'quote:' (part of the quote's text) and 'speaker:' or 'kind:'"))
        return quotes
    kind = item.get("kind")
    if kind is not None and kind not in KINDS:
        problems.append(Problem(path, f"{where}: kind must be one of {', '.join(KINDS)}"))
        return quotes
    speaker = item.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        problems.append(Problem(path, f"{where}: speaker must be a name or null"))
        return quotes
    matches = [i for i, q in enumerate(quotes) if item["quote"] in q.text]
    if len(matches) != 1:
        what = "matches no quote" if not matches else f"matches {len(matches)} quotes; quote more of its text"
        problems.append(Problem(path, f"{where}: {item['quote']!r} {what}"))
        return quotes
    i = matches[0]
    changes = {}
    if "speaker" in item:
        changes.update(speaker=speaker, speaker_start=None, speaker_end=None, cue="correction")
    if kind:
        changes["kind"] = kind
        if kind == "scare" and "speaker" not in item:
            changes.update(speaker=None, speaker_start=None, speaker_end=None)
    return quotes[:i] + (replace(quotes[i], **changes),) + quotes[i + 1:]
