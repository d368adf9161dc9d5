"""An article's entity mentions, kept apart from the rest of it in the annotation cache.

Every rebuild reads the whole archive's annotations: listings, links and research data need
each article's names, roles and quotes. Most of an annotation's objects are its mentions
(each place a name occurs), which only a page being made again needs: at 10,000 articles
they were 311,000 of the cache's objects and half of the time spent reading it. So the cache
keeps each article in two parts, ``split`` and made whole again by ``join``, and the build
reads the mentions only of the articles whose page it makes.
"""
from __future__ import annotations

from dataclasses import replace

from .model import Article, Mention

Packed = tuple  # per entity (people, organisations, places in order): start, end, start, end...


def _entities(article: Article) -> tuple:
    e = article.entities
    return e.people + e.organizations + e.places


def split(article: Article) -> tuple[Article, Packed]:
    """The article without its mentions (every entity's ``mentions`` empty), and the mentions."""
    packed = tuple(tuple(x for m in entity.mentions for x in (m.start, m.end)) for entity in _entities(article))
    e = article.entities
    lean = replace(article, entities=replace(
        e,
        people=tuple(replace(p, mentions=()) for p in e.people),
        organizations=tuple(replace(o, mentions=()) for o in e.organizations),
        places=tuple(replace(p, mentions=()) for p in e.places),
    ))
    return lean, packed


def join(lean: Article, packed: Packed) -> Article:
    """The whole article again: ``join(*split(a)) == a``."""
    e = lean.entities
    if len(packed) != len(_entities(lean)):
        raise ValueError("mentions do not match the article's entities")
    it = iter(packed)

    def whole(entity):
        flat = next(it)
        return replace(entity, mentions=tuple(Mention(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)))

    return replace(lean, entities=replace(
        e,
        people=tuple(whole(p) for p in e.people),
        organizations=tuple(whole(o) for o in e.organizations),
        places=tuple(whole(p) for p in e.places),
    ))
