"""The rules' word lists, loaded once from ``data/``: rules are data, not code."""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

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
    first_names: dict[str, str]  # given name -> "m" / "f"
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
    names = {}
    for gender, given in _yaml("first_names.yml").items():
        for name in given:
            names.setdefault(name, gender)
    non_names = frozenset(w for line in _lines("non_names.txt") for w in line.split())
    return Lexicon(
        speech_verbs=frozenset(verbs["speech"]),
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
    import pycountry

    data = _yaml("places.yml")
    places: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                places[value] = value
    for code in ("US", "CN", "CA", "AU", "IN", "GB", "DE", "MX", "BR", "JP"):
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            plain = "".join(c for c in unicodedata.normalize("NFKD", sub.name) if not unicodedata.combining(c))
            if plain != sub.name and "," not in plain:
                places.setdefault(plain, plain)
            if sub.type in ("Two-tier county", "Metropolitan district", "Council area", "State", "Province", "Autonomous region", "Municipality", "Territory", "Country", "Nation", "Prefecture", "District") and "," not in sub.name:
                places.setdefault(sub.name, sub.name)
    for row in data["countries"]:
        places[row["name"]] = row["name"]
        for alias in row.get("aliases", []):
            places[alias] = row["name"]
    for name in data["regions"] + data["cities"]:
        places.setdefault(name, name)
    for abbr, state in (data.get("state_abbreviations") or {}).items():
        places.setdefault(abbr, state)
    demonyms = frozenset(_lines("demonyms.txt"))
    return places, demonyms


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
