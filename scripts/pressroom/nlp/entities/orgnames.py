"""How news English builds the name of an organisation, and where one name ends: two
names joined by "and" ("Argosy University and Art Institutes International"), a thing of
an organisation ("Agriculture Competition Partnership of the U.S. Department of
Agriculture"), an office of a titled person ("Attorney General Ellison's Office"), a
person named right after an organisation ("French Transport Ministry Jacques
Douffiagues"), the people of an organisation written with capitals ("Students of Argosy
University")."""
from __future__ import annotations

import re

from ..lexicon import entity_words
from .organizations import LEGAL_FORMS, org_like, strip_the
from .persons import add_person, given_name, name_word
from .tokens import text_of, word

W = entity_words()
_AND = frozenset(("and", "And", "&"))
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")


def _head(words, lex) -> bool:
    """The last word of the words is an organisation word or a legal form."""
    return bool(words) and (words[-1].text in lex.org_words or words[-1].text in LEGAL_FORMS)


def two_names(words, ctx) -> int | None:
    """Where "and" joins two whole names of organisations: one side is an organisation
    the article or the list knows ("Monmouth University and CNN"), or the left one ends
    in the head of a name and has no "of" ("Argosy University and Art Institutes
    International"); not "Department of Health and Human Services", "US Securities and
    Exchange Commission", "Texas Oil and Gas Corp."."""
    lex = ctx.lex
    for k, w in enumerate(words):
        if w.text in ("and", "&") and 0 < k < len(words) - 1:
            left, right = words[:k], strip_the(words[k + 1:])
            if not (org_like(left, lex) and org_like(right, lex)):
                continue
            if _known(left, ctx) or _known(right, ctx) or left[-1].text in W.name_heads and len(left) > 1 \
                    and not any(x.text in ("of", "for") for x in left) and right[0].text not in lex.org_words:
                return k
    return None


def _known(words, ctx) -> bool:
    name = text_of(words)
    return name.lower() in ctx.lex.organizations or name in ctx.orgs


def _place_or_org(words, lex) -> bool:
    return text_of(words) in lex.places or org_like(words, lex)


# -- rules of the classifier's cascade: (words, sentence_start, ctx) -> True when they answer


def joined_names(words, sentence_start, ctx) -> bool:
    """Two organisations joined by "and", or a place and an organisation joined by a
    capitalised "And" of wire copy ("U.S. And European Community")."""
    if not ctx.words_of(words) & _AND:
        return False
    k = two_names(words, ctx)
    if k is None:
        k = next((i for i, w in enumerate(words) if w.text == "And" and 0 < i < len(words) - 1), None)
        if k is None or not (_place_or_org(words[:k], ctx.lex) and _place_or_org(strip_the(words[k + 1:]), ctx.lex)):
            return False
    ctx.classify(words[:k], sentence_start)
    ctx.classify(strip_the(words[k + 1:]), False)
    return True


# "Winnebago County (Iowa) " right before "Sheriff's Office": a place, its state in parentheses
_PLACE_IN_PARENS = re.compile(r"([A-Z][^\s()]*(?:[^\S\n]+[A-Z][^\s()]*){0,3})[^\S\n]+\([A-Z][^()\n]{0,20}\)[^\S\n]+$")


def place_then_parens(words, sentence_start, ctx) -> bool:
    """"Winnebago County (Iowa) Sheriff's Office": a place read just before, its state in
    parentheses, then a name with an organisation word are one organisation's name (the
    place is no place mention there)."""
    start = words[0].start
    if ctx.text[start - 2:start] not in (") ", ")\u00a0") or ctx.words_of(words) & _AND or not org_like(words, ctx.lex):
        return False
    m = _PLACE_IN_PARENS.search(ctx.text, max(0, start - 60), start)
    if not m:
        return False
    for name, mentions in ctx.places.items():
        hit = next((x for x in mentions if x.start == m.start(1) and x.end == m.end(1)), None)
        if hit:
            mentions.remove(hit)
            if not mentions:
                del ctx.places[name]
            ctx.add_org(ctx.text[m.start(1):words[-1].end], m.start(1), words[-1].end)
            return True
    return False


def person_and_org(words, sentence_start, ctx) -> bool:
    """"Kate Bush and Joy Division", "Jo Roe and Kelvo Holdings": a person's name (a
    given name, then name words) joined by "and" to a name with an organisation word are
    two names, read apart (not "Johnson and Johnson Services": no given name first)."""
    lex = ctx.lex
    if not ctx.words_of(words) & _AND:
        return False
    k = next((i for i, w in enumerate(words) if w.text in _AND), None)
    left, right = words[:k], strip_the(words[k + 1:])
    if not (1 < len(left) <= 3 and given_name(left[0].text, lex) and right) \
            or not all(name_word(w, lex) and w.text not in lex.org_words for w in left) or not org_like(right, lex):
        return False
    ctx.classify(left, sentence_start)
    ctx.classify(right, False)
    return True


def thing_of_org(words, sentence_start, ctx) -> bool:
    """"Agriculture Competition Partnership of the U.S. Department of Agriculture": a
    name whose head before "of the" is no organisation word names a thing of the
    organisation after it; the organisation is read alone."""
    lex = ctx.lex
    if "of" not in ctx.words_of(words):
        return False
    for k in range(1, len(words) - 2):
        if words[k].text == "of" and words[k + 1].text == "the":
            left, right = words[:k], words[k + 2:]
            if len(left) > 1 and left[-1].capital and not _head(left, lex) and left[-1].text.lower() not in lex.role_words \
                    and (left[-1].text in lex.non_person_words or not org_like(left, lex)) and org_like(right, lex):
                ctx.classify(left, sentence_start)
                _org_or_place(right, ctx)
                return True
            return False
    return False


def _org_or_place(words, ctx) -> None:
    """The name after "of (the)" in "Matt Viser of the Boston Globe": an organisation or
    a place, never a person."""
    if not words:
        return
    if org_like(words, ctx.lex) or text_of(words) in ctx.lex.places:
        ctx.classify(words, False)  # "Fordham University and Margo Anderson of ...": read on
    elif not given_name(words[0].text, ctx.lex) and all(name_word(w, ctx.lex) for w in words):
        ctx.add_org(text_of(words), words[0].start, words[-1].end)


def person_of_org(words, sentence_start, ctx) -> bool:
    """"Robert Gordon of Northwestern University", "Matt Viser of the Boston Globe": a
    name that begins with a given name or has an initial, "of", then an organisation (any
    name after "of the"): the person and the organisation, read apart."""
    lex = ctx.lex
    if "of" not in ctx.words_of(words):
        return False
    for k in range(2, min(len(words) - 1, 5)):
        if words[k].text != "of":
            continue
        left, right = words[:k], strip_the(words[k + 1:])
        if (given_name(left[0].text, lex) or any(_INITIAL.match(w.text) for w in left[:-1])) \
                and all(name_word(w, lex) for w in left) and right and (org_like(right, lex) or words[k + 1].text == "the"):
            ctx.classify(left, sentence_start)
            _org_or_place(right, ctx)
            return True
        return False
    return False


def people_of_org(words, sentence_start, ctx) -> bool:
    """"Students of Argosy University": a plural common noun the article also writes in
    lower case, before "of", is no part of the name after it (not "Museum of Modern Art")."""
    lex = ctx.lex
    first = words[0].text
    if len(words) > 2 and words[1].text == "of" and first.lower() in ctx.lower_words and first not in lex.org_words \
            and first.endswith("s") and not first.endswith("ss") \
            and first.lower() not in lex.role_words and (first.lower(),) not in lex.titles:
        ctx.classify(strip_the(words[2:]), False)
        return True
    return False


def titled_office(words, sentence_start, ctx) -> bool:
    """"Attorney General Ellison's Office": the office of the title ("Attorney General's
    Office"), and a mention of the person."""
    if len(words) < 3 or not any(w.text.endswith(("’s", "'s")) for w in words):
        return False
    from .roles import title_of, title_starts

    lex = ctx.lex
    ts = title_starts(words, lex)
    n = ts.get(0)
    if not n or title_of(words[:n], lex).honorific or len(words) < n + 2 or words[n].text[-2:] not in ("’s", "'s") or words[n + 1].text not in lex.org_words:
        return False
    owner = words[n]
    name = word(owner.start, owner.end - 2, owner.text[:-2])
    if not name_word(name, lex) or name.text in W.possessive_owners or name.text.lower() in ctx.lower_words:
        return False  # "Democratic Women's Club": the possessive of a group, not of a name
    add_person([name], text_of(words[:n]), None, ctx, titled=True)
    ctx.add_org(f"{text_of(words[:n])}{owner.text[-2:]} {text_of(words[n + 1:])}", words[0].start, words[-1].end)
    return True


def org_then_person(words, sentence_start, ctx) -> bool:
    """"French Transport Ministry Jacques Douffiagues said": an organisation ending in an
    organisation word, then a name beginning with a given name."""
    lex = ctx.lex
    if not ctx.words_of(words) & lex.org_words:
        return False
    for k in range(1, len(words) - 1):
        left, right = words[:k], words[k:]
        if _head(left, lex) and org_like(left, lex) and right[0].text in lex.first_names and 1 < len(right) <= 3 \
                and all(name_word(w, lex) for w in right):
            ctx.classify(left, sentence_start)
            ctx.classify(right, False)
            return True
    return False
