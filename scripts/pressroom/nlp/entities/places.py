"""Places: the gazetteer, a place by its form ("Hennepin County", "San Miguel",
"Rome-based"), by its context ("in X", "X, Calif."), a legislator's home town."""
from __future__ import annotations

import re

from ..lexicon import entity_words, us_states
from .persons import match_person
from .tokens import text_of, word

W = entity_words()
_LEAD_WORDS = tuple(W.place_lead)
_PLACE_LEAD = re.compile(r"(?:\b(?:" + W.alternation("place_lead") + r")\s+)$")
_PARTY_SEAT = re.compile(r"\((?:" + W.alternation("party_codes") + r")\s*[-–—]\s*((?:St\.|[A-Z][\w'’.]*)(?:[ \-][A-Z][\w'’.]*)*)\)")
_CITY_STATE = re.compile(r",\s+((?:[A-Z][a-z]*\.)+|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_CITY_STATE_NEAR = re.compile(r",\s+([A-Z][\w.]*(?: [A-Z][\w.]*)?)")
OPENER_WORDS = W.opener_words


def place_lead(text: str, start: int) -> bool:
    """"in X", "near X", "the city of X": the words just before a run make it a place."""
    # (most runs: no such word before; the last letters are looked at before the pattern)
    return text[max(0, start - 20):start].rstrip().endswith(_LEAD_WORDS) \
        and bool(_PLACE_LEAD.search(text, max(0, start - 20), start))


def party_seats(text: str, ctx) -> None:
    """"(DFL-Blaine)": a legislator's party and home town."""
    for m in _PARTY_SEAT.finditer(text):
        ctx.add_place(m.group(1), m.start(1), m.end(1))


def suffix_place(words, lex) -> bool:
    """"Hennepin County", "Sichuan Province", "Greater Minnesota": a place by its form."""
    if len(words) < 2 or any(w.text in lex.org_words for w in words):
        return False
    if words[0].text in W.region_prefixes and text_of(words[1:]) in lex.places:
        return True
    if words[0].text.lower() in OPENER_WORDS:
        return False  # "In Silicon Valley", "Since Napa Valley": the opener is no part of it
    # the place word listed first wins when two match ("County" before "Province")
    best = None
    for n in lex.place_word_lengths:
        if len(words) > n:
            rank = lex.place_word_rank.get(text_of(words[-n:]))
            if rank is not None and (best is None or rank < best[0]) and all(w.capital for w in words[:-n]):
                best = (rank, n)
    if best is None:
        return False
    return not any(w.text in lex.non_names or w.text in lex.demonyms for w in words[:-best[1]])


def starts_with_place(words, lex) -> bool:
    """The words begin with a place of the gazetteer of more than one word ("New York",
    "New South Wales"): its first word is not a sentence opener to drop."""
    return any(text_of(words[:n]) in lex.places for n in range(2, min(len(words), 4) + 1))


def states_after_cities(text: str, ctx) -> None:
    """"Orange, Calif.": the state after a city is a place mention too."""
    lex = ctx.lex
    for ms in list(ctx.places.values()):
        for m in list(ms):
            cs = _CITY_STATE.match(text, m.end)
            if cs and lex.places.get(cs.group(1)) in us_states() and not any(
                    x.start == cs.start(1) for x in ctx.places.get(lex.places[cs.group(1)], ())):
                ctx.add_place(cs.group(1), cs.start(1), cs.end(1))


# -- rules of the classifier's cascade: (words, sentence_start, ctx) -> True when they answer


def based_place(words, sentence_start, ctx) -> bool:
    """"Rome-based", "Santa Monica-based": the place before "-based"; before "-owned",
    "-published", "-backed" ("China-published Economic Observer") a place the gazetteer
    knows. The rest is read again."""
    lex = ctx.lex
    if "-" not in ctx.full(words):
        return False  # (most runs: no hyphen at all)
    for k, w in enumerate(words):
        head, dash, tail = w.text.rpartition("-")
        if not (dash and tail in W.place_participles and head[:1].isupper()):
            continue
        place = words[:k] + [word(w.start, w.start + len(head), head)]
        name = text_of(place)
        if not any(x.text in lex.org_words for x in place) and (tail == "based" or name in lex.places):
            ctx.add_place(name, place[0].start, place[-1].end)
        elif tail != "based":
            ctx.classify(place, sentence_start)  # "Kremlin-backed": whatever it is alone
        if words[k + 1:]:
            ctx.classify(words[k + 1:], False)
        return True
    return False


def known_place(words, sentence_start, ctx) -> bool:
    """The whole run is in the gazetteer."""
    full = ctx.full(words)
    if full in ctx.lex.places:
        ctx.add_place(full, words[0].start, words[-1].end)
        return True
    return False


def place_form(words, sentence_start, ctx) -> bool:
    """A place by its last word ("County", "Strait") or "Greater X"."""
    if suffix_place(words, ctx.lex):
        ctx.add_place(ctx.full(words), words[0].start, words[-1].end)
        return True
    return False


def hyphenated_places(words, sentence_start, ctx) -> bool:
    """"China-Russia", "U.S.-China", "Ya'an-Nyingchi" once one part is known."""
    lex = ctx.lex
    if len(words) != 1 or "-" not in words[0].text:
        return False
    pos = words[0].start
    parts = words[0].text.split("-")
    if all(p[:1].isupper() and (p in lex.places or not p.isupper()) for p in parts) and len(parts) <= 3 and (
            all(p in lex.places for p in parts) or any(p in lex.places or p in ctx.places for p in parts)):
        for p in parts:
            ctx.add_place(p, pos, pos + len(p))
            pos += len(p) + 1
        return True
    return False


def place_first_word(words, sentence_start, ctx) -> bool:
    """A run that begins with a place (not a given name) is no person: "Paris Agreement"."""
    lex = ctx.lex
    full = ctx.full(words)
    if full in lex.places or words[0].text in lex.places and words[0].text not in lex.first_names:
        if full in lex.places:
            ctx.add_place(full, words[0].start, words[-1].end)
        return True
    return False


def place_prefix(words, sentence_start, ctx) -> bool:
    """"San Miguel", "Fort Myers": a place by its first word."""
    if words[0].text in ctx.lex.place_prefixes and 1 < len(words) <= 3:
        ctx.add_place(ctx.full(words), words[0].start, words[-1].end)
        return True
    return False


def landmark(words, sentence_start, ctx) -> bool:
    """"Capitol Hill", "Pebble Beach": a name of two or more words ending in a word of the
    landscape, with no given name first ("Anita Hill"), is no person (nothing listed)."""
    return len(words) > 1 and words[-1].text in W.landmark_words and words[0].text not in ctx.lex.first_names


def place_after_in(words, sentence_start, ctx) -> bool:
    """"in Pinewick Heights": a name of several words after "in", "near" is a place, unless
    it is a person the article already named."""
    lex, text = ctx.lex, ctx.text
    start, end = words[0].start, words[-1].end
    if len(words) < 2 or not place_lead(text, start) or words[0].text in lex.first_names or text[end:end + 2] in ("'s", "’s"):
        return False
    if match_person(ctx.full(words), ctx.people, lex, full=True):
        return False
    ctx.add_place(ctx.full(words), start, end)
    return True


def city_and_state(words, sentence_start, ctx) -> bool:
    """"Pinewick, Calif.": a name before a US state is a city."""
    lex, text = ctx.lex, ctx.text
    end = words[-1].end
    city_state = _CITY_STATE_NEAR.match(text[end:end + 30])
    if city_state and city_state.group(1) in lex.places and lex.places[city_state.group(1)] in us_states() \
            and words[0].text not in lex.first_names:
        ctx.add_place(ctx.full(words), words[0].start, end)
        ctx.add_place(city_state.group(1), end + city_state.start(1), end + city_state.end(1))
        return True
    return False
