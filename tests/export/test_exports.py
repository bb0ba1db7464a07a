"""Each export format: shape, values, and that other tools read it back."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import duckdb
import pytest
from store_samples import ANKARA, SYR, SYRIA, TUR, event

from eventwire.errors import EventwireError
from eventwire.export import FORMATS, export_events
from eventwire.export.flat import FLAT_COLUMNS
from eventwire.export.gdelt import COLUMNS, calendar_day, gdelt_row, global_event_id
from eventwire.records import event_from_dict
from eventwire.store.parquet import read_event_dataset, write_event_dataset, year_month

GDELT_REFERENCE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "gdelt2_event_columns.txt"
)

US_CITY = dataclasses.replace(
    ANKARA, name="Chicago", country="USA", geonameid=4887398, lat=41.85, lon=-87.65
)
EVENTS = [
    event("e1", date_value="2019-12-23", sentence="Russia met\tTurkey\nin Ankara."),
    event("e2", date_value="2020-01", source=SYR, target=TUR, cameo="190", quad=4, place=SYRIA),
    event("e3", date_value=None, target=None, place=None),
    event("e4", date_value="2020-02-03", place=US_CITY),
    event(
        "e5",
        date_value="PAST_REF",
        cameo="0311",
        place=dataclasses.replace(ANKARA, feature="admin1", name="Ankara Province"),
    ),
]


def exported(fmt: str, **kwargs) -> str:
    out = io.StringIO()
    assert export_events(EVENTS, fmt, out, **kwargs) == (3 if fmt == "geojson" else 5)
    return out.getvalue()


def test_registry_names_every_format() -> None:
    assert set(FORMATS) == {"csv", "jsonl", "parquet", "geojson", "gdelt"}
    with pytest.raises(EventwireError, match="unknown export format"):
        export_events(EVENTS, "xml", io.StringIO())


def test_csv_has_flat_columns_and_blank_nulls() -> None:
    rows = list(csv.DictReader(io.StringIO(exported("csv"))))
    assert list(rows[0]) == FLAT_COLUMNS
    assert "source_code" in FLAT_COLUMNS and "place_lat" in FLAT_COLUMNS
    assert rows[0]["sentence"] == "Russia met\tTurkey\nin Ankara."  # quoted, not broken
    assert rows[2]["target_code"] == "" and rows[2]["date"] == ""
    assert rows[1]["place_geonameid"] == "163843"


def test_jsonl_round_trips_to_events() -> None:
    lines = exported("jsonl").splitlines()
    assert [event_from_dict(json.loads(line)) for line in lines] == EVENTS


def test_geojson_has_points_for_located_events_only() -> None:
    collection = json.loads(exported("geojson"))
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["e1", "e4", "e5"]  # e2 is country-level, e3 unplaced
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [-87.65, 41.85]}
    assert features[0]["properties"]["cameo"] == "040"


def test_every_gdelt_row_has_61_columns() -> None:
    lines = exported("gdelt").splitlines()
    assert len(lines) == 5
    assert all(len(line.split("\t")) == 61 for line in lines)


@pytest.mark.skipif(not GDELT_REFERENCE.exists(), reason="shared reference not present")
def test_gdelt_columns_follow_the_codebook_order() -> None:
    assert list(COLUMNS) == GDELT_REFERENCE.read_text().split()


def test_gdelt_values() -> None:
    rows = [
        dict(zip(COLUMNS, line.split("\t"), strict=True))
        for line in exported("gdelt", urls={"a1": "https://x.example/1"}).splitlines()
    ]
    first, country, undated, us_city, admin1 = rows
    assert first["GLOBALEVENTID"] == str(global_event_id("e1"))
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20191223", "201912", "2019")
    assert first["Actor1Code"] == "RUSGOV" and first["Actor1Name"] == "SERGEY LAVROV"
    assert first["Actor1CountryCode"] == "RUS" and first["Actor1Type1Code"] == "GOV"
    assert first["Actor2Code"] == "TUR" and first["Actor2Name"] == "TURKEY"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert first["NumMentions"] == "1" and first["SOURCEURL"] == "https://x.example/1"
    assert first["ActionGeo_Type"] == "4" and first["ActionGeo_FeatureID"] == "323786"
    assert country["SQLDATE"] == "20200101"  # month precision -> first of the month
    assert country["ActionGeo_Type"] == "1" and country["QuadClass"] == "4"
    assert undated["SQLDATE"] == undated["Actor2Code"] == undated["ActionGeo_Type"] == ""
    assert us_city["ActionGeo_Type"] == "3"
    assert admin1["ActionGeo_Type"] == "5" and admin1["EventBaseCode"] == "031"
    assert admin1["SQLDATE"] == ""  # PAST_REF is no calendar date


def test_gdelt_ids_are_stable_and_distinct() -> None:
    assert global_event_id("e1") == global_event_id("e1") != global_event_id("e2")
    assert 0 < global_event_id("e1") < 2**63


@pytest.mark.parametrize(
    ("timex", "day"),
    [
        ("2019-12-23", "2019-12-23"),
        ("2019-12", "2019-12-01"),
        ("2019", "2019-01-01"),
        ("2019-12-23T10:00", "2019-12-23"),
        ("2013-W11", "2013-01-01"),
        ("PAST_REF", None),
        (None, None),
        ("2019-13", None),
    ],
)
def test_calendar_day(timex, day) -> None:
    got = calendar_day(timex)
    assert (got.isoformat() if got else None) == day


def test_gdelt_row_never_shifts_columns() -> None:
    tricky = dataclasses.replace(
        EVENTS[0], source=dataclasses.replace(EVENTS[0].source, name="A\tB\nC")
    )
    assert len(gdelt_row(tricky, "u\tv")) == 61
    assert "\t" not in "".join(gdelt_row(tricky, "u\tv"))


def test_parquet_partitions_read_back_with_duckdb(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    assert export_events(EVENTS, "parquet", out) == 5
    assert (out / "year=2019" / "month=12").is_dir()
    pattern = str(out / "**" / "*.parquet")
    rows = duckdb.sql(
        f"SELECT id, year, month, source_code, place_lat FROM read_parquet('{pattern}',"
        " hive_partitioning=true) ORDER BY id"
    ).fetchall()
    assert rows == [
        ("e1", 2019, 12, "RUSGOV", 39.92),
        ("e2", 2020, 1, "SYRREB", 35.0),
        ("e3", None, None, "RUSGOV", None),
        ("e4", 2020, 2, "RUSGOV", 41.85),
        ("e5", None, None, "RUSGOV", 39.92),
    ]
    assert sorted(read_event_dataset(out), key=lambda e: e.id) == EVENTS


def test_parquet_rewrite_replaces_the_old_partitions(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    export_events(EVENTS, "parquet", out)
    export_events(EVENTS[:1], "parquet", out)
    assert [e.id for e in read_event_dataset(out)] == ["e1"]


def test_parquet_needs_a_directory_path() -> None:
    with pytest.raises(EventwireError, match="dataset directory"):
        export_events(EVENTS, "parquet", io.StringIO())


def test_year_month() -> None:
    assert year_month("2019-12-23") == (2019, 12)
    assert year_month("2019") == (2019, None)
    assert year_month("FUTURE_REF") == (None, None)


def test_text_export_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    assert export_events(iter(EVENTS), "jsonl", target) == 5
    assert len(target.read_text(encoding="utf-8").splitlines()) == 5


def test_parquet_parts_from_several_writers_make_one_dataset(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    write_event_dataset(EVENTS[:2], out, part="worker-a")
    write_event_dataset(EVENTS[2:], out, part="worker-b")
    assert sorted(read_event_dataset(out), key=lambda e: e.id) == EVENTS


@pytest.mark.parametrize(
    ("day", "fraction"),
    [
        ("2019-01-01", "2019.0000"),
        ("2019-12-23", "2019.9753"),
        ("2020-12-31", "2020.9973"),
    ],
)
def test_gdelt_fraction_date_stays_inside_its_year(day, fraction) -> None:
    row = dict(zip(COLUMNS, gdelt_row(dataclasses.replace(EVENTS[0], date=day)), strict=True))
    assert row["FractionDate"] == fraction


def test_gdelt_export_looks_urls_up_a_page_of_events_at_a_time(tmp_path, monkeypatch) -> None:
    # The export read every article's url into memory first; now only a page's at a time.
    from store_samples import article

    import eventwire.export as export
    from eventwire.store import open_store
    from eventwire.store.base import CodedArticle

    monkeypatch.setattr(export, "URL_PAGE", 10)
    store = open_store(tmp_path / "urls.duckdb")
    try:
        store.write_batch(
            [CodedArticle(article(f"a{n:02}"), [event(f"e{n:02}", f"a{n:02}")]) for n in range(25)],
            [],
        )
        asked: list[int] = []

        def lookup(ids):
            asked.append(len(ids))
            return store.urls_of(ids)

        out = io.StringIO()
        assert export_events(store.events(), "gdelt", out, urls=lookup) == 25
    finally:
        store.close()
    assert asked == [10, 10, 5]
    source_url = COLUMNS.index("SOURCEURL")
    rows = [line.split("\t") for line in out.getvalue().splitlines()]
    assert sorted(row[source_url] for row in rows) == [
        f"https://news.example/a{n:02}" for n in range(25)
    ]
