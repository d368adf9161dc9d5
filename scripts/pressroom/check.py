"""Check stage: the generated pages are read back before anything is written.

MkDocs' front-matter parser silently drops YAML it cannot read, so we parse our own output
and compare; and we make sure no markup a source could have smuggled in survives escaping.
"""
from __future__ import annotations

from html.parser import HTMLParser

import yaml

from .errors import Problem
from .model import Article, Page
from .render import front_matter, split_front_matter

# The only tags and attributes pressroom itself writes into a page.
ALLOWED_TAGS = {"p", "span", "mark", "a", "small", "strong", "code", "dl", "dt", "dd", "ul", "li", "q", "br", "h2", "div", "details", "summary", "pre", "abbr", "sup"}
ALLOWED_ATTRS = {"class", "id", "href", "title", "data-speaker", "data-note", "open"}


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


def audit_markup(markdown_body: str) -> list[str]:
    """Tags or attributes in a generated page that pressroom does not write itself."""
    audit = _TagAudit()
    audit.feed(markdown_body)
    audit.close()
    return audit.bad


def check_article(article: Article, page: Page) -> list[Problem]:
    problems = []
    where = article.source.path
    text = page.text
    try:
        fm, body = split_front_matter(text)
        data = yaml.safe_load(fm)
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
