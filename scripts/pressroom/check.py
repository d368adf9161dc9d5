"""Check stage: the generated pages are read back before anything is written.

MkDocs' front-matter parser silently drops YAML it cannot read, so we parse our own output
and compare; and we make sure no markup a source could have smuggled in survives escaping.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import yaml

from .errors import Problem
from .model import Article, Page
from .render import front_matter, load_front_matter, split_front_matter

# The only tags and attributes pressroom itself writes into a page.
ALLOWED_TAGS = {"p", "span", "mark", "a", "small", "strong", "code", "dl", "dt", "dd", "ul", "li", "q", "br", "h1", "h2", "h3", "div",
                "details", "summary", "pre", "abbr", "sup", "button"}
ALLOWED_ATTRS = {"class", "id", "href", "title", "data-speaker", "data-note", "data-cue", "open", "type", "popover",
                 "popovertarget", "aria-label"}


class _TagAudit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name not in ALLOWED_ATTRS:
                self.bad.append(f"{name}= on <{tag}>")
            elif name == "href" and (value or "").strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.bad.append(f"href={value!r}")


_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")


def audit_markup(markdown_body: str) -> list[str]:
    """Tags or attributes in a generated page that pressroom does not write itself.

    A page is checked twice: this fast scan, and, when it finds nothing, Python's HTML
    parser only if the page holds a '<' the scan did not account for (it never should:
    source text is escaped)."""
    bad = []
    for m in _TAG.finditer(markdown_body):
        closing, tag, attrs = m.group(1), m.group(2).lower(), m.group(3)
        if closing:
            continue  # an opening tag is reported once, not again for its closing one
        if tag not in ALLOWED_TAGS:
            bad.append(f"<{tag}>")
            continue
        for a in _ATTR.finditer(attrs):
            name = a.group(1).lower()
            value = a.group(2) or a.group(3) or a.group(4) or ""
            if name not in ALLOWED_ATTRS:
                bad.append(f"{name}= on <{tag}>")
            elif name == "href" and value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                bad.append(f"href={value!r}")
    # Material's tags marker (<!-- material/tags -->, on the tags page) is ours too
    if not bad and markdown_body.count("<") - markdown_body.count("<!-- material/tags -->") != len(_TAG.findall(markdown_body)):
        audit = _TagAudit()
        audit.feed(markdown_body)
        audit.close()
        bad = audit.bad or ["a '<' that is not one of pressroom's tags"]
    return bad


def check_article(article: Article, page: Page) -> list[Problem]:
    problems = []
    where = article.source.path
    text = page.text
    try:
        fm, body = split_front_matter(text)
        data = load_front_matter(fm)
    except (ValueError, yaml.YAMLError) as err:
        return [Problem(where, f"internal error: front matter of docs/{page.path} does not parse ({err}); please report it")]
    if data != front_matter(article):
        problems.append(Problem(where, f"internal error: front matter of docs/{page.path} does not round-trip; please report it"))
    for bad in audit_markup(body)[:3]:
        problems.append(Problem(where, f"internal error: unexpected markup {bad} in docs/{page.path}; please report it"))
    for q in article.quotes:
        if not (0 <= q.start < q.end <= len(article.body)):
            problems.append(Problem(where, f"internal error: quote offsets {q.start}-{q.end} outside the text"))
    return problems


def check_page(page: Page) -> list[Problem]:
    """A generated listing page: only pressroom's own tags and attributes."""
    if not page.path.endswith(".md"):
        return []
    try:
        _, body = split_front_matter(page.text)
    except ValueError:
        return [Problem(f"docs/{page.path}", "internal error: no front matter; please report it")]
    return [Problem(f"docs/{page.path}", f"internal error: unexpected markup {bad}; please report it")
            for bad in audit_markup(body)[:3]]
