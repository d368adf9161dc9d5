"""The editor's queue (``pressroom review``): where the annotations are least certain, each
with the exact YAML that settles it, sorted by how many pages the fix would change.

What it lists (each a small function over the gathered archive, tried in this order):

- quotes with no speaker: a correction for the notes file, naming the person the article
  names last before the quote (or null: an editor then writes the name);
- speakers reached only through a pronoun far from the quote (no mention of the person in
  the quote's paragraph or the one before): a correction that confirms or changes it;
- people seen once with weak evidence (one mention in one article, no role, never quoted):
  ``not: {people: [...]}`` for curation.yml;
- names that probably denote one person across the archive (the same surname, and given names
  that are one and the same by a nickname, an initial or a shorter form: "Bobby Scott" and
  "Robert C. Scott"; or a surname shared by two full names): ``same: [[...]]``;
- roles that disagree between articles: ``roles: {...}`` with the role the archive uses most.

Pure: it reads the gathered articles (see ``pipeline.gather``) and returns ``Item``s; the CLI
prints them as Markdown or CSV, and the live preview shows them as a page (``page``; see
preview.py).
"""
from __future__ import annotations

import csv
import functools
import io
from collections import Counter, defaultdict
from dataclasses import dataclass

import yaml

from .curation import FILE
from .model import Article, Quote
from .nlp.curate import key

PRONOUNS = {"he", "she", "him", "her", "his", "hers", "they", "them"}


@dataclass(frozen=True)
class Item:
    kind: str  # what is uncertain
    articles: tuple[str, ...]  # the sources concerned
    what: str  # one line for the editor: what is found, and what the YAML does
    target: str  # the file to paste the YAML into
    yaml: str
    pages: int  # pages the fix would change (articles and listing pages)


def queue(articles: list[Article]) -> list[Item]:
    """Every item, those whose fix changes the most pages first."""
    people = _people(articles)
    items = [*_no_speaker(articles), *_far_pronouns(articles), *_weak_people(people), *_one_person(people),
             *_roles_differ(people)]
    return sorted(items, key=lambda i: (-i.pages, i.kind, i.articles, i.what))


@dataclass
class _Person:
    name: str
    articles: list  # the articles naming them
    mentions: int = 0
    quotes: int = 0
    roles: Counter = None


def _people(articles: list[Article]) -> dict[str, _Person]:
    out: dict[str, _Person] = {}
    for a in articles:
        spoken = Counter(key(q.speaker) for q in a.quotes if q.kind == "speech" and q.speaker)
        for p in a.entities.people:
            e = out.setdefault(key(p.name), _Person(p.name, [], 0, 0, Counter()))
            e.articles.append(a)
            e.mentions += len(p.mentions)
            e.quotes += spoken[key(p.name)]
            if p.role:
                e.roles[p.role] += 1
    return out


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000).rstrip("\n")


def _notes_file(a: Article) -> str:
    path = a.source.path
    return path[: -len(path.rsplit(".", 1)[-1]) - 1] + ".notes.yml" if "." in path.rsplit("/", 1)[-1] else path + ".notes.yml"


def _snippet(q: Quote, a: Article) -> str:
    """The fewest first words of the quote that no other quote of the article contains."""
    words = q.text.split()
    for n in range(min(6, len(words)), len(words) + 1):
        part = " ".join(words[:n])
        if sum(part in other.text for other in a.quotes) == 1:
            return part
    return q.text


def _last_person_before(a: Article, pos: int) -> str | None:
    best = None
    for p in a.entities.people:
        for m in p.mentions:
            if m.end <= pos and (best is None or m.end > best[0]):
                best = (m.end, p.name)
    return best[1] if best else None


def _no_speaker(articles: list[Article]) -> list[Item]:
    out = []
    for a in articles:
        for q in a.quotes:
            if q.kind != "speech" or q.speaker or q.cue == "correction":
                continue
            guess = _last_person_before(a, q.start)
            fix = _dump({"corrections": [{"quote": _snippet(q, a), "speaker": guess}]})
            what = (f"quote \u201c{_clip(q.text)}\u201d has no speaker; the YAML gives it to {guess} (the person named last "
                    f"before it): change the name if it is someone else") if guess else \
                   f"quote \u201c{_clip(q.text)}\u201d has no speaker; the YAML marks that as checked: write the name if the article gives it"
            # the article's page, and the speaker's page or section
            out.append(Item("no speaker", (a.source.path,), what, _notes_file(a), fix, 2 if guess else 1))
    return out


def _far_pronouns(articles: list[Article]) -> list[Item]:
    out = []
    for a in articles:
        paragraphs = _paragraph_starts(a.body)
        people = {p.name: p for p in a.entities.people}
        for q in a.quotes:
            if q.kind != "speech" or q.speaker not in people or q.speaker_start is None or q.cue == "correction":
                continue
            if a.body[q.speaker_start:q.speaker_end].lower() not in PRONOUNS:
                continue
            here = _paragraph_of(paragraphs, q.start)
            named = [m for m in people[q.speaker].mentions if m.end <= q.speaker_start]
            if named and _paragraph_of(paragraphs, named[-1].start) >= here - 1:
                continue  # named in this paragraph or the one before: near enough
            fix = _dump({"corrections": [{"quote": _snippet(q, a), "speaker": q.speaker}]})
            what = (f"quote \u201c{_clip(q.text)}\u201d is given to {q.speaker} only through "
                    f"\u201c{a.body[q.speaker_start:q.speaker_end]}\u201d, far from their name; the YAML confirms it "
                    f"(marked as checked): change the name if it is someone else")
            out.append(Item("far pronoun", (a.source.path,), what, _notes_file(a), fix, 1))
    return out


def _weak_people(people: dict[str, _Person]) -> list[Item]:
    """Named once, with no role and no quote: the rules had the least to go on (a given name,
    or the shape of a name), and a page of the archive lists them all the same."""
    out = []
    for p in people.values():
        if len(p.articles) == 1 and p.mentions <= 1 and not p.quotes and not p.roles:
            a = p.articles[0]
            fix = _dump({"not": {"people": [p.name]}})
            what = f"{p.name!r} is named once, with no role and no quote: if it is not a person, the YAML removes it everywhere"
            out.append(Item("weak person", (a.source.path,), what, FILE, fix, 2))  # the article, the letter page
    return out


@functools.lru_cache(maxsize=1)
def _nicknames():
    from nicknames import NickNamer

    return NickNamer()


def _given_match(a: str, b: str) -> str | None:
    """Why two given names may be one person's: the same, a nickname, an initial; or None."""
    x, y = a.lower().rstrip("."), b.lower().rstrip(".")
    if x == y:
        return "the same given name"
    if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
        return "an initial"
    nn = _nicknames()
    if y in nn.nicknames_of(x) or x in nn.nicknames_of(y) or nn.canonicals_of(x) & nn.canonicals_of(y):
        return "a nickname"
    return None


def _one_person(people: dict[str, _Person]) -> list[Item]:
    """Pairs of full names with one surname: likely one person when the given names agree."""
    by_surname = defaultdict(list)
    for p in people.values():
        parts = p.name.split()
        if len(parts) > 1:
            by_surname[parts[-1]].append(p)
    out = []
    for group in by_surname.values():
        for i, p in enumerate(group):
            for o in group[i + 1:]:
                if {id(a) for a in p.articles} & {id(a) for a in o.articles}:
                    continue  # an article that names both tells them apart
                why = _given_match(p.name.split()[0], o.name.split()[0])
                first, second = sorted((p, o), key=lambda x: (-len(x.articles), -len(x.name), x.name))
                arts = tuple(sorted({a.source.path for a in first.articles + second.articles}))
                what = (f"{first.name!r} and {second.name!r} share a surname"
                        + (f" and {why}, and no article names both: probably one person" if why else
                           " (no article names both): if they are one person")
                        + f", the YAML shows both as {first.name!r}")
                out.append(Item("one person?" if why else "shared surname", arts, what, FILE,
                                _dump({"same": [[first.name, second.name]]}), len(arts) + 2))
    return out


def _roles_differ(people: dict[str, _Person]) -> list[Item]:
    out = []
    for p in people.values():
        distinct = _distinct(p.roles)
        if len(distinct) < 2:
            continue
        role = max(distinct, key=lambda r: (p.roles[r], len(r)))
        arts = tuple(sorted({a.source.path for a in p.articles}))
        others = ", ".join(repr(r) for r in distinct if r != role)
        what = f"{p.name!r} has {len(distinct)} roles ({role!r}, {others}); the YAML shows {role!r} everywhere"
        out.append(Item("roles differ", arts, what, FILE, _dump({"roles": {p.name: role}}), len(arts) + 1))
    return out


def _distinct(roles: Counter) -> list[str]:
    """Roles that are not a part of another ("spokesman" is part of "ministry spokesman")."""
    names = sorted(roles, key=len, reverse=True)
    kept: list[str] = []
    for r in names:
        if not any(r.lower() in k.lower() for k in kept):
            kept.append(r)
    return kept


def _paragraph_starts(body: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]


def _paragraph_of(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos) - 1


def _clip(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "\u2026"


# -- output ----------------------------------------------------------------------------------
def markdown(items: list[Item]) -> str:
    lines = ["# Review queue", "",
             f"{len(items)} items, those whose fix changes the most pages first. Paste an item's YAML into the file it "
             "names (add to a section that is already there), then rebuild.", ""]
    for n, i in enumerate(items, 1):
        lines += [f"## {n}. {i.kind}: {', '.join(i.articles[:3])}{' ...' if len(i.articles) > 3 else ''}", "",
                  f"{i.what}. Pages changed: {i.pages}. Paste into `{i.target}`:", "", "```yaml", i.yaml, "```", ""]
    return "\n".join(lines)


def page(items: list[Item], links: dict[str, tuple[str, str]]) -> str:
    """The queue as a page of the preview (front matter and HTML blocks): every text from a
    source (names, quotes, file names) escaped, so none of it is read as Markdown or HTML.
    ``links``: source path -> (URL relative to this page, article title)."""
    from .render import esc

    def text(s: str) -> str:  # (an item is one line: a blank line would end Markdown's HTML block)
        return esc(s).replace("\n", "&#10;")

    front = yaml.safe_dump({"title": "Review queue", "search": {"exclude": True}}, sort_keys=False)
    intro = (f"{len(items)} items, those whose fix changes the most pages first. Paste an item\u2019s YAML into the "
             "file it names (add to a section that is already there): <code>make serve</code> rebuilds by itself."
             if items else "Nothing to review: no quote lacks a speaker, and no person, name or role is in doubt.")
    lines = ["---", front.rstrip("\n"), "---", "", "# Review queue", "",
             f'<p class="pr-review-intro">{intro} Only the preview shows this page; a built site leaves it out.</p>', ""]
    if not items:
        return "\n".join(lines)
    lines.append('<ol class="pr-review">')
    for n, i in enumerate(items, 1):
        shown = [f'<a href="{text(links[p][0])}">{text(links[p][1])}</a>' if p in links else f"<code>{text(p)}</code>"
                 for p in i.articles]
        lines.append(f'<li id="item-{n}"><p><strong>{text(i.kind)}</strong> \u00b7 pages changed: {i.pages} \u00b7 '
                     f'{", ".join(shown)}</p><p>{text(i.what)}. Paste into <code>{text(i.target)}</code>:</p>'
                     f'<pre><code class="language-yaml">{text(i.yaml)}</code></pre></li>')
    lines += ["</ol>", ""]
    return "\n".join(lines)


def csv_text(items: list[Item]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["kind", "pages", "articles", "what", "file", "yaml"])
    for i in items:
        w.writerow([i.kind, i.pages, " ".join(i.articles), i.what, i.target, i.yaml])
    return out.getvalue()
