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


def esc(text: str) -> str:
    """Escape source text for HTML; also neutralise what Markdown or Jinja might still read."""
    out = html.escape(text, quote=True)
    # Braces and backticks are harmless in raw HTML but escaping them keeps a later plugin
    # (macros, snippets) from ever seeing template syntax from a source.
    return out.replace("{", "&#123;").replace("}", "&#125;").replace("`", "&#96;")


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


def _name_link(name: str, up: str, links: Links | None, cls: str = "", title: str = "") -> str:
    url = person_url(name, links)
    attrs = (f' class="{cls}"' if cls else "") + (f' title="{esc(title)}"' if title else "")
    if url:
        return f'<a{attrs} href="{up}{url}">{esc(name)}</a>'
    return f'<span{attrs}>{esc(name)}</span>'


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
    annotation (its key covers only the code that annotates), the code that renders it, the
    site URL and where the names it shows link to."""
    import hashlib

    from .read import code_fingerprint

    e = article.entities
    names = [p.name for p in e.people] + [q.speaker or "" for q in article.quotes]
    parts = [annotation_key, code_fingerprint(), article.slug, site_url or ""]
    parts += [f"{n}={person_url(n, links)}" for n in names]
    parts += [f"{o.name}={links.organizations.get(o.name)}" for o in e.organizations]
    parts += [f"{p.name}={links.places.get(p.name)}" for p in e.places]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def render_article(article: Article, site_url: str | None = None, links: Links | None = None) -> Page:
    up = "../../"  # article pages live at articles/<slug>/ (use_directory_urls)
    parts = ["---", dump_front_matter(front_matter(article)).rstrip("\n"), "---", ""]
    parts.append(_meta_block(article))
    parts.append(_summary_block(article, up, links))
    for start, end in _paragraphs(article.body):
        parts.append(f'<p class="pr-para" id="p{start}">{_marked(article, start, end, up, links)}</p>')
        parts.append("")
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
    bits = []
    if meta.author:
        bits.append(esc(meta.author) + ".")
    if meta.publisher:
        bits.append(f"{esc(meta.publisher)}.")
    bits.append(f"“{esc(article.title)}.”")
    bits.append((f"{meta.date.day} {meta.date:%B %Y}" if meta.date else "Undated") + ".")
    link = safe_url(meta.url)
    if link:
        bits.append(f'<a href="{esc(link)}">{esc(link)}</a>.')
    elif meta.url:
        bits.append(esc(meta.url) + ".")
    if site_url:
        permalink = site_url.rstrip("/") + "/" + article_url(article)
        bits.append(f'Archived at <a href="{esc(permalink)}">{esc(permalink)}</a>.')
    return ('<details class="pr-cite"><summary>Cite this</summary><p class="pr-citation">'
            + " ".join(bits) + "</p></details>\n")


def _original_block(article: Article) -> str:
    """The source text as it was read, before repair; each repaired character is marked, so
    a reader can check what the tool changed."""
    source = article.source
    body, out, pos = source.body, [], 0
    for i in article.apostrophes:
        out.append(esc(body[pos:i]))
        out.append(f'<span class="pr-repair" title="typed as a double quote, read as an apostrophe">{esc(body[i])}</span>')
        pos = i + 1
    out.append(esc(body[pos:]))
    return (f'<details class="pr-original"><summary>Original text ({esc(source.path)})</summary>'
            f'<pre class="pr-original-text">{esc(source.title)}\n{"".join(out)}</pre></details>\n')


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def _paragraphs(body: str):
    pos = 0
    for line in body.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


def _marked(article: Article, start: int, end: int, up: str, links: Links | None = None) -> str:
    """One paragraph's text, escaped, quotes wrapped in marks, notes and dates inside them."""
    body = article.body
    out, pos = [], start
    for q in article.quotes:
        if q.end <= start or q.start >= end:
            continue
        qs, qe = max(q.start, start), min(q.end, end)
        out.append(_inner(article, pos, qs))
        out.append(_quote_html(q, _inner(article, qs, qe), up, links))
        pos = qe
    out.append(_inner(article, pos, end))
    return "".join(out)


def _inner(article: Article, start: int, end: int) -> str:
    """Escaped text with notes and resolved dates that lie wholly inside [start, end)."""
    spans = sorted(
        [(n.start, n.end, "note", n.text) for n in article.notes]
        + [(t.start, t.end, "time", t.label) for t in article.times],
        key=lambda s: (s[0], -s[1]),
    )
    out, pos = [], start
    for s, e, kind, text in spans:
        if s < pos or e > end:
            continue  # outside this stretch, or overlapping one already shown
        out.append(esc(article.body[pos:s]))
        inner = esc(article.body[s:e])
        if kind == "note":
            out.append(f'<span class="pr-note">{inner}</span>' + popover(f"note-{s}", "note", "Editor's note", text))
        else:
            out.append(f'<abbr class="pr-time" title="{esc(text)}">{inner}</abbr>')
        pos = e
    out.append(esc(article.body[pos:end]))
    return "".join(out)


def _quote_html(q: Quote, inner: str, up: str, links: Links | None = None) -> str:
    if q.kind == "scare":
        return f'<span class="pr-scare" title="quoted term (not speech)">{inner}</span>'
    anchor = f'id="q{q.start}"'
    # an attribution an editor set (a correction in the notes file) says so, openable by
    # keyboard and touch as well as by mouse: a button with a native popover
    checked = popover(f"checked-{q.start}", "edited", "Attribution checked by the editor",
                      "Attribution checked by the editor (a correction in this article's notes file).") \
        if q.cue == "correction" else ""
    cue = ' data-cue="correction"' if q.cue == "correction" else ""
    if q.speaker:
        who = esc(q.speaker)
        label = _name_link(q.speaker, up, links, "pr-speaker", f"All quotes of {q.speaker}")
        return f'<mark class="quote" {anchor} data-speaker="{who}"{cue}>{inner}</mark> {label}{checked}'
    return f'<mark class="quote pr-unattributed" {anchor} data-speaker=""{cue} title="speaker unknown">{inner}</mark>{checked}'


def popover(ident: str, kind: str, label: str, text: str) -> str:
    """A small button that opens a note (click, tap, Enter or Space; Escape closes it):
    HTML's own popover, so no script is needed and every input works."""
    mark = {"note": "note", "edited": "✓ checked"}[kind]
    return (f'<button type="button" class="pr-pop-mark pr-{kind}" popovertarget="{ident}" aria-label="{esc(label)}">{mark}</button>'
            f'<span class="pr-popover" id="{ident}" popover>{esc(text)}</span>')


def _meta_block(article: Article) -> str:
    meta = article.meta
    bits = []
    bits.append(f'<span class="pr-date">{meta.date.isoformat()}</span>' if meta.date else '<span class="pr-date pr-undated">undated</span>')
    if meta.publisher:
        bits.append(f'<span class="pr-publisher">{esc(meta.publisher)}</span>')
    if meta.author:
        bits.append(f'<span class="pr-author">by {esc(meta.author)}</span>')
    link = safe_url(meta.url)
    if link:
        bits.append(f'<a class="pr-url" href="{esc(link)}">original</a>')
    if article.dateline and article.dateline.place:
        bits.append(f'<span class="pr-dateline">{esc(article.dateline.place)}</span>')
    bits.append(f"<span>{article.words:,} words</span>")
    bits.append(f'<span class="pr-source">source: <code>{esc(article.source.path)}</code></span>')
    return '<p class="pr-meta">' + " · ".join(bits) + "</p>\n"


def _summary_block(article: Article, up: str, links: Links | None = None) -> str:
    if not article.annotated:
        return ('<p class="pr-quoted pr-unannotated">This article could not be annotated: its text is shown as '
                'written, without quotes or names marked.</p>\n')
    counts = Counter(q.speaker for q in article.quotes if q.kind == "speech")
    if not counts:
        return '<p class="pr-quoted">No direct quotes.</p>\n'
    items = []
    for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] or "")):
        label = f"{n} quote{'s' if n != 1 else ''}"
        if name:
            items.append(f"{_name_link(name, up, links)} ({label})")
        else:
            items.append(f"speaker unknown ({label})")
    return '<p class="pr-quoted"><strong>Quoted:</strong> ' + "; ".join(items) + "</p>\n"


def _entities_block(article: Article, up: str, links: Links | None = None) -> str:
    e = article.entities

    def named(name: str, table: dict | None) -> str:
        url = (table or {}).get(name)
        return f'<a href="{up}{url}">{esc(name)}</a>' if url else esc(name)

    rows = []
    if e.people:
        people = "; ".join(
            _name_link(p.name, up, links) + (f" <small>({esc(p.role)})</small>" if p.role else "")
            for p in e.people
        )
        rows.append(f"<dt>People</dt> <dd>{people}</dd>")
    if e.organizations:
        rows.append("<dt>Organisations</dt> <dd>" + "; ".join(named(o.name, links and links.organizations) for o in e.organizations) + "</dd>")
    if e.places:
        rows.append("<dt>Places</dt> <dd>" + "; ".join(named(p.name, links and links.places) for p in e.places) + "</dd>")
    if not rows:
        return ""
    # (a space between the terms and their lists: the search index reads the text without
    # layout, and made "PeopleMaria Ortega" of them)
    return '<dl class="pr-entities">' + " ".join(rows) + "</dl>\n"


