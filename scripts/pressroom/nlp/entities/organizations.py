"""Organisations: a listed name, an organisation word ("Ministry", "Council") or a legal
form ("Inc.", "AG"), a business by its last word ("Bar"), an acronym the article defines
("Food and Drug Administration (FDA)") or uses alone ("UBS")."""
from __future__ import annotations

import re

from ..lexicon import entity_words
from .persons import non_person
from .places import OPENER_WORDS, suffix_place
from .tokens import text_of

W = entity_words()
# a company's legal form ends its name: "Pennzoil Co and AT&T" are two companies
LEGAL_FORMS = W.legal_forms
_ACRONYM_STOP = W.acronym_stop
ROLE_LEAD = W.role_lead
_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z]?(?:[A-Z&/.]| (?=[A-Z])){1,9})\)")
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z.&]{1,9})\)")
# (the capital first, the test of the character before it after: the same matches, found faster)
_BARE_ACRONYM = re.compile(r"([A-Z](?<![\w\-/.&<][A-Z])[A-Z&]{1,5})(?![\w\-/&>])")


def org_like(words, lex) -> bool:
    """An organisation word, a business word or a legal form in the run, not a place form."""
    if not words:
        return False
    t = text_of(words)
    if t.lower() in lex.organizations:
        return True
    if head_word(words) in W.not_org_heads:
        return False  # "Debt Services Settlement Act", "CDC Guidelines": a law, a document, an event
    if any(w.text in W.headline_words for w in words[1:]):
        return False  # "Sanders To Release Records After Pressure From Ally": a headline in title case
    # a name beyond the organisation words, or two of them ("News Corp", "Securities and
    # Exchange Commission"); one alone ("the Commission") is a reference, not a name
    capitals = [w for w in words if w.capital and w.text != "The"]
    core = [w for w in capitals if w.text not in lex.org_words]
    return bool(core or len(capitals) > 1) and (any(w.text in lex.org_words for w in words) or business(words, lex)
                                                 or legal_company(words, lex)) and not suffix_place(words, lex)


def head_word(words) -> str:
    """The head of a name: its last word before "of", "for" or "&" ("Institute" of
    "Washington Institute for Near East Policy", "Act" of "Clean Air Act")."""
    k = next((i for i, w in enumerate(words) if i and w.text in ("of", "for", "&")), len(words))
    return words[k - 1].text


def legal_company(words, lex) -> bool:
    """A legal form ends a company's name ("Volkswagen AG", "Telefonica SA"), not a place's
    abbreviation of a state or an office ("Las Vegas, NV", "Adelaide SA", "the Texas AG")."""
    if len(words) < 2 or words[-1].text not in LEGAL_FORMS:
        return False
    head = text_of(words[:-1])
    # (and not a phrase: "Attorneys for Nevada and the Washington AG")
    return head not in lex.places and head.title() not in lex.places and not head.isupper() \
        and not any(w.text == "the" for w in words[:-1])


def business(words, lex) -> bool:
    """"Sports Bar", "Interchange Wine Bar": a business by its last word; "Omer Bar" is a person."""
    return len(words) > 1 and words[-1].text in lex.business_words and not (len(words) == 2 and words[0].text in lex.first_names)


def plain_word(text: str, ctx) -> bool:
    """A word that opens a sentence, not an acronym the list writes in capitals: "Who knows"
    is not the WHO when the article also writes "who" in lower case ("Nasa" is NASA)."""
    low = text.lower()
    return low in ctx.lex.org_forms_in_capitals and not text.isupper() and low in ctx.lower_words


def initials_match(acronym: str, full: str) -> bool:
    letters = [c for c in acronym if c.isupper()]
    caps = [c for w in full.split() for c in (w if w[:1].isupper() else w[:1].upper())]
    caps = [c for c in caps if c.isupper()]
    if len(letters) < 2 or not caps:
        return False
    it = iter(caps)
    return all(c in it for c in letters)


def initials_of(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def place_or_org(words, ctx) -> bool:
    """Classify words that cannot be a person (inside a role): an organisation or a place."""
    lex = ctx.lex
    words = strip_the(list(words))
    while words and words[0].text.lower() in ROLE_LEAD:
        words = strip_the(words[1:])
    if not words:
        return False
    t = text_of(words)
    if t.lower() in lex.organizations:
        ctx.add_org(t, words[0].start, words[-1].end)
        return True
    if t in lex.places or suffix_place(words, lex):
        ctx.add_place(t, words[0].start, words[-1].end)
        return True
    if org_like(words, lex):
        ctx.add_org(t, words[0].start, words[-1].end)
        return True
    return False


def strip_the(words):
    """The run without a leading article or connector and without trailing lower-case words."""
    while words and words[0].text in W.leading_connectors:
        words = words[1:]
    while words and not words[-1].capital:
        words = words[:-1]
    return words


# -- rules of the classifier's cascade: (words, sentence_start, ctx) -> True when they answer


# " 2" after "BBC Radio": a station's number, not a count ("Radio 2 listeners"; not
# "Channel 4.5", "TV 20%", "Radio 3 per cent", "TV 3 hours": a count)
_STATION_NUMBER = re.compile(r"[^\S\n]+(\d{1,2})(?![\d.,:/%\-]?\d|[^\S\n]*(?:%|per\b|pct\b)|[^\S\n]+(?:"
                             + W.alternation("count_nouns") + r")\b)")
# "ITV1", "BBC2": a listed broadcaster's name with its channel's number glued on
_GLUED_NUMBER = re.compile(r"([A-Z][A-Za-z]{1,5})(\d{1,2})")


def numbered_station(words, sentence_start, ctx) -> bool:
    """"BBC Radio 2", "Radio 1", "Channel 4", "ITV1": a broadcaster's station or channel
    named by a number after a broadcasting word, or glued to a listed broadcaster's name;
    a later "Radio 2" is the "BBC Radio 2" met before."""
    last = words[-1].text
    if last[-1:].isdigit():
        m = _GLUED_NUMBER.fullmatch(last) if len(words) == 1 else None
        if m and m.group(1).lower() in ctx.lex.organizations:
            ctx.add_org(last, words[0].start, words[0].end)
            return True
        return False
    number = _STATION_NUMBER.match(ctx.text, words[-1].end) if last in W.channel_words else None
    if not number:
        return False
    k = max((i for i, w in enumerate(words) if w.text in ("and", "&")), default=None)
    if k is not None:  # "ITV1 and Channel 4": the names before "and" read apart
        ctx.classify(words[:k], sentence_start)
        words = strip_the(words[k + 1:]) or words[-1:]
    if sentence_start and len(words) > 1 and words[0].text.lower() in ctx.lower_words:
        words = words[1:]  # "Have Radio 2 listeners heard": a word opening the sentence
    name = f"{text_of(words)} {number.group(1)}"
    longer = next((o for o in ctx.orgs if o.endswith(" " + name)), name)  # "BBC Radio 2", then "Radio 2"
    ctx.add_org(longer, words[0].start, number.end(1))
    return True


def known_org(words, sentence_start, ctx) -> bool:
    """The whole run is a listed organisation (any of its forms), or a legislature by its
    common name ("Parliament")."""
    full = ctx.full(words)
    if full.lower() in ctx.lex.organizations or full in W.institutions:
        ctx.add_org(full, words[0].start, words[-1].end)
        return True
    return False


def defined_acronym(words, sentence_start, ctx) -> bool:
    """"Greenfield Sugar Union (GSU)": a name the article gives an acronym is an
    organisation, unless it is a law or a plan ("Clean Air Act (CAA)")."""
    full = ctx.full(words)
    defined = _DEFINED.match(ctx.text, words[-1].end)
    if not (defined and len(words) > 1 and defined.group(1)[0] == full[0] and initials_match(defined.group(1), full)):
        return False
    k = _named_after_and(words, defined.group(1))
    if k:  # "the Department of Commerce and the Pollution Control Agency (PCA)": the agency only
        ctx.classify(words[:k], sentence_start)
        words = strip_the(words[k + 1:])
        full = text_of(words)
    if non_person(words, ctx.lex) and not any(w.text in ctx.lex.org_words for w in words):
        ctx.not_orgs.add(defined.group(1))
        return True
    ctx.add_org(full, words[0].start, words[-1].end)
    return True


def _named_after_and(words, acronym: str) -> int | None:
    """Where the "and" is after which the words alone give the acronym its letters ("...
    Commerce and the Pollution Control Agency (PCA)"); None when only the whole name does
    ("Food and Drug Administration (FDA)", "Securities and Exchange Commission (SEC)")."""
    for k in range(len(words) - 2, 0, -1):
        if words[k].text in ("and", "&"):
            tail = strip_the(words[k + 1:])
            if tail and tail[0].text[0] == acronym[0] and initials_match(acronym, text_of(tail)):
                return k
    return None


def state_of(words, sentence_start, ctx) -> bool:
    """"State of Minnesota" as a party to a case is an organisation, and so is "City of
    Duluth" (a city's government, capitalised) for any city: a name of one or two words,
    known or not ("State of Emergency" is no state)."""
    lex = ctx.lex
    if words[0].text not in W.state_of or len(words) < 3 or words[1].text != "of":
        return False
    place = words[2:]
    if text_of(place) in lex.places or words[0].text != "State" and len(place) <= 2 \
            and all(w.capital and w.text not in lex.org_words and w.text.lower() not in lex.non_names
                    and w.text.lower() not in ctx.lower_words for w in place) \
            and not non_person(place, lex):
        ctx.add_org(ctx.full(words), words[0].start, words[-1].end)
        return True
    return False


def org_run(words, sentence_start, ctx) -> bool:
    """A run with an organisation word, a business word or a legal form: one organisation,
    or two joined by "and" ("African Development Bank and the World Bank"), without an
    opener before it ("Though the Council")."""
    lex = ctx.lex
    if not org_like(words, lex) or words[0].text in ("of", "and"):
        return False
    if _split_at_and(words, sentence_start, ctx):
        return True
    if words[0].text.lower() in OPENER_WORDS or (sentence_start and words[0].text.endswith("ing") and len(words) > 2):
        ctx.classify(strip_the(words[1:]), False)
        return True
    ctx.add_org(ctx.full(words), words[0].start, words[-1].end)
    return True


def _split_at_and(words, sentence_start, ctx) -> bool:
    """"African Development Bank and the World Bank", "FBI and Department of ...": two."""
    lex = ctx.lex
    for k, w in enumerate(words):
        if w.text in ("and", "&") and 0 < k < len(words) - 1:
            left, right = words[:k], strip_the(words[k + 1:])
            if (words[k + 1].text in ("the", "The") or text_of(left).lower() in lex.organizations
                    or text_of(right) in lex.places or left[-1].text in LEGAL_FORMS and right[0].text not in ("Co.", "Co")) \
                    and (org_like(left, lex) or text_of(left) in lex.places):
                ctx.classify(left, sentence_start)
                ctx.classify(right, False)
                return True
    return False
