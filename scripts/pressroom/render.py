"""Render stage: an ``Article`` becomes a Markdown ``Page`` with YAML front matter.

Source text never becomes markup. The article's paragraphs are written as HTML blocks
whose text is escaped (``<``, ``>``, ``&``, quotes), which Python-Markdown passes through
without reading Markdown inside them: ``*``, ``#``, ``[x](javascript:...)``, ``{: attr }``,
``<!-- material/tags -->`` or ``{{ jinja }}`` in a source show as typed. Front matter is
written with ``yaml.safe_dump`` only.
"""
from __future__ import annotations

import html
import re
from collections import Counter

import yaml

from .model import Article, Links, Page, Quote
from .slugs import slug
from . import templating
from .templating import esc, render as template


# Marks a page as pressroom's in its front matter: a page with it is taken back as the
# tool's own even when the manifest that listed it was lost.
GENERATOR = "pressroom"


def is_generated(text: str | None) -> bool:
    """Does this file of docs/ carry pressroom's mark (front matter, data JSON, feed)?"""
    if not text:
        return False
    head = text[:400]
    if f'"generator": "{GENERATOR}"' in head or f"<generator>{GENERATOR}</generator>" in head:
        return True
    if not text.startswith("---\n"):
        return False
    try:
        fm, _ = split_front_matter(text)
    except ValueError:
        return False
    return f"\ngenerator: {GENERATOR}\n" in "\n" + fm


def meta_text(text: str) -> str:
    """A value for the front-matter keys Material prints as HTML (title, description,
    author, tags): its templates insert them unescaped, so they are stored escaped. The
    exact text stays in pressroom's own keys (``source_title``...)."""
    return html.escape(text, quote=True)


def person_url(name: str, links: Links | None = None) -> str | None:
    """Where a person or speaker is shown: their page or section, an organisation's section
    for an organisation that speaks, nothing for a description ("a senior aide")."""
    if links is None:
        return f"people/{slug(name)}/"
    return links.people.get(name) or links.organizations.get(name)


def article_url(article: Article) -> str:
    return f"articles/{article.slug}/"


def front_matter(article: Article) -> dict:
    meta = article.meta
    data: dict = {"title": meta_text(article.title), "source_title": article.title, "generator": GENERATOR,
                  # Material's own index stays empty: search is Pagefind's (see search.py)
                  "search": {"exclude": True}, "pr_search": "article"}
    if meta.date:
        data["date"] = meta.date.isoformat()
    data["description"] = meta_text(_clip(article.lede, 300))
    if meta.tags:
        data["tags"] = [meta_text(t) for t in meta.tags]
    for key in ("publisher", "author", "url", "lang"):
        value = getattr(meta, key)
        if value:
            data[key] = meta_text(value) if key == "author" else value
    if article.dateline and article.dateline.place:
        data["dateline"] = article.dateline.place
    data["people"] = [{"name": p.name, "role": p.role} for p in article.entities.people]
    data["organizations"] = [o.name for o in article.entities.organizations]
    data["places"] = [p.name for p in article.entities.places]
    data["quotes"] = [
        {"speaker": q.speaker, "text": q.text, "start": q.start, "end": q.end}
        for q in article.quotes
        if q.kind == "speech"
    ]
    if article.notes:
        data["notes"] = [{"phrase": article.body[n.start:n.end], "note": n.text} for n in article.notes]
    data["source"] = article.source.path
    data["sha256"] = article.source.sha256
    data["words"] = article.words
    repairs = list(article.source.repairs)
    if article.apostrophes:
        repairs.append(f"{len(article.apostrophes)} apostrophes typed as '\"' restored")
    if repairs:
        data["repairs"] = repairs
    return data


def split_front_matter(page_text: str) -> tuple[str, str]:
    """(front matter YAML, body) of a generated page: the YAML runs to the first line that is
    exactly ``---`` (safe_dump quotes any value that would make such a line)."""
    if not page_text.startswith("---\n"):
        raise ValueError("page does not start with front matter")
    end = page_text.index("\n---\n", 3)
    return page_text[4:end + 1], page_text[end + 5:]


# libyaml's implementation of safe_dump/safe_load when PyYAML has it (its wheels do): the
# same safe representer, ten times faster, which matters at thousands of pages.
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_front_matter(data: dict) -> str:
    """yaml.safe_dump, through libyaml when available: only plain data, never a tag."""
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=1_000_000)


def load_front_matter(text: str):
    return yaml.load(text, Loader=SafeLoader)


def page_key(annotation_key: str, site_url: str | None, links: Links, article: Article) -> str:
    """What an article's page depends on, as one hash (see the pipeline's page reuse): the
    annotation (its key covers only the code that annotates), the code and the user's
    templates that render it, the site URL and where the names it shows link to."""
    import hashlib

    from .read import code_fingerprint

    e = article.entities
    names = [p.name for p in e.people] + [q.speaker or "" for q in article.quotes]
    parts = [annotation_key, code_fingerprint(), templating.fingerprint(), article.slug, site_url or ""]
    parts += [f"{n}={person_url(n, links)}" for n in names]
    parts += [f"{o.name}={links.organizations.get(o.name)}" for o in e.organizations]
    parts += [f"{p.name}={links.places.get(p.name)}" for p in e.places]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def render_article(article: Article, site_url: str | None = None, links: Links | None = None) -> Page:
    up = "../../"  # article pages live at articles/<slug>/ (use_directory_urls)
    parts = ["---", dump_front_matter(front_matter(article)).rstrip("\n"), "---", ""]
    parts.append(_meta_block(article))
    parts.append(_summary_block(article, up, links))
    paragraphs = [{"start": start, "segments": _segments(article, start, end, links)}
                  for start, end in _paragraphs(article.body)]
    if paragraphs:
        parts += [template("paragraphs.html", paragraphs=paragraphs, up=up), ""]
    parts.append(_entities_block(article, up, links))
    parts.append(_cite_block(article, site_url))
    parts.append(_original_block(article))
    return Page(page_path(article), "\n".join(p for p in parts if p is not None).rstrip("\n") + "\n")


def page_path(article: Article) -> str:
    return f"articles/{article.slug}.md"


def safe_url(url: str | None) -> str | None:
    """A source's URL becomes a link only when it is plainly http(s)."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None


def _cite_block(article: Article, site_url: str | None) -> str:
    meta = article.meta
    cite = {"author": meta.author, "publisher": meta.publisher, "title": article.title,
            "date": f"{meta.date.day} {meta.date:%B %Y}" if meta.date else None,
            "link": safe_url(meta.url), "url": meta.url,
            "permalink": site_url.rstrip("/") + "/" + article_url(article) if site_url else None}
    return template("cite.html", cite=cite) + "\n"


def _original_block(article: Article) -> str:
    """The source text as it was read, before repair; each repaired character is marked, so
    a reader can check what the tool changed."""
    source = article.source
    body, parts, pos = source.body, [], 0
    for i in article.apostrophes:
        parts += [{"text": body[pos:i], "repaired": False}, {"text": body[i], "repaired": True}]
        pos = i + 1
    parts.append({"text": body[pos:], "repaired": False})
    return template("original.html", original={"path": source.path, "title": source.title, "parts": parts}) + "\n"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def _paragraphs(body: str):
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _segments(article: Article, start: int, end: int, links: Links | None = None) -> list[dict]:
    """One paragraph's stretches for paragraphs.html: text, and quotes with notes and dates
    inside them."""
    out, pos = [], start
    for q in article.quotes:
        if q.end <= start or q.start >= end:
            continue
        qs, qe = max(q.start, start), min(q.end, end)
        out += _inner(article, pos, qs)
        out.append(_quote(q, _inner(article, qs, qe), links))
        pos = qe
    return out + _inner(article, pos, end)


def _inner(article: Article, start: int, end: int) -> list[dict]:
    """Text with the notes and resolved dates that lie wholly inside [start, end)."""
    spans = sorted(
        [(n.start, n.end, "note", n.text) for n in article.notes]
        + [(t.start, t.end, "time", t.label) for t in article.times],
        key=lambda s: (s[0], -s[1]),
    )
    out, pos = [], start
    for s, e, kind, text in spans:
        if s < pos or e > end:
            continue  # outside this stretch, or overlapping one already shown
        out.append({"kind": "text", "text": article.body[pos:s]})
        if kind == "note":
            out.append({"kind": "note", "id": f"note-{s}", "text": article.body[s:e], "note": text})
        else:
            out.append({"kind": "time", "text": article.body[s:e], "label": text})
        pos = e
    out.append({"kind": "text", "text": article.body[pos:end]})
    return out


def _quote(q: Quote, inner: list[dict], links: Links | None = None) -> dict:
    if q.kind == "scare":
        return {"kind": "scare", "inner": inner}
    # an attribution an editor set (a correction in the notes file) says so (quote.html)
    return {"kind": "quote", "inner": inner, "quote": {
        "id": f"q{q.start}", "start": q.start, "speaker": q.speaker, "checked": q.cue == "correction",
        "url": person_url(q.speaker, links) if q.speaker else None}}


def _meta_block(article: Article) -> str:
    meta = article.meta
    return template("meta.html", meta={
        "date": meta.date.isoformat() if meta.date else None, "publisher": meta.publisher, "author": meta.author,
        "link": safe_url(meta.url), "dateline": article.dateline.place if article.dateline else None,
        "words": article.words, "source": article.source.path}) + "\n"


def _summary_block(article: Article, up: str, links: Links | None = None) -> str:
    counts = Counter(q.speaker for q in article.quotes if q.kind == "speech")
    speakers = [{"name": name, "url": person_url(name, links) if name else None, "count": n}
                for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or ""))]
    return template("quoted.html", quoted={"annotated": article.annotated, "speakers": speakers}, up=up) + "\n"


def _entities_block(article: Article, up: str, links: Links | None = None) -> str:
    e = article.entities
    entities = {
        "people": [{"name": p.name, "role": p.role, "url": person_url(p.name, links)} for p in e.people],
        "organizations": [{"name": o.name, "url": links.organizations.get(o.name) if links else None}
                          for o in e.organizations],
        "places": [{"name": p.name, "url": links.places.get(p.name) if links else None} for p in e.places],
    }
    # (entities.html puts a space between the terms and their lists: the search index reads
    # the text without layout, and made "PeopleMaria Ortega" of them)
    html = template("entities.html", entities=entities, up=up)
    return html + "\n" if html else ""
