"""Shape of the places data files: columns, ranges, references that resolve."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from eventwire.places.build import read_tsv

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "places" / "data"


def _rows(name: str) -> list[dict[str, str]]:
    return list(read_tsv(DATA / name))


def _check_point(row: dict[str, str]) -> None:
    assert -90.0 <= float(row["lat"]) <= 90.0, row
    assert -180.0 <= float(row["lon"]) <= 180.0, row


def test_admin1_centres_shape() -> None:
    rows = _rows("admin1_centres.tsv")
    assert len(rows) > 100
    keys = [(r["country"], r["code"]) for r in rows]
    assert len(keys) == len(set(keys)), "a division is listed twice"
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["country"]) is not None, row
        assert row["name"] and row["code"].isupper(), row
        assert not row["geonameid"] or row["geonameid"].isdigit(), row
        _check_point(row)
    assert sum(r["country"] == "US" for r in rows) >= 51  # 50 states and DC


def test_regions_shape() -> None:
    rows = _rows("regions.tsv")
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    for required in ("Middle East", "Sahel", "Gaza Strip", "West Bank", "Kurdistan", "Balkans"):
        assert required in names
    for row in rows:
        assert not row["country"] or pycountry.countries.get(alpha_3=row["country"]), row
        assert all(v.strip() == v and v for v in row["variants"].split("|") if row["variants"])
        _check_point(row)


def test_variants_point_to_known_targets() -> None:
    divisions = {f"{r['country']}-{r['code']}" for r in _rows("admin1_centres.tsv")}
    rows = _rows("variants.tsv")
    assert rows
    for row in rows:
        target = row["target"]
        if "-" in target:
            assert target in divisions, row
        else:
            assert pycountry.countries.get(alpha_2=target) is not None, row


def test_country_centres_shape() -> None:
    rows = _rows("country_centres.tsv")
    assert rows
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["iso2"]) is not None, row
        assert row["note"], "each override says why"
        _check_point(row)


def test_stopnames_are_capitalised_names() -> None:
    rows = _rows("stopnames.tsv")
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names))
    for name in names:
        assert name[:1].isupper() and name == name.strip() and "  " not in name, name


@pytest.mark.parametrize("name", ["admin1_centres.tsv", "regions.tsv", "variants.tsv"])
def test_no_stray_whitespace(name: str) -> None:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        assert line == line.rstrip(" "), f"{name}: trailing space in {line!r}"
