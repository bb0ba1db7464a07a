"""Exports a table tool can trust: one kind of value per date column, formulas escaped on
request, GDELT links only http(s), GeoJSON counting what it leaves out."""

from __future__ import annotations

import csv
import dataclasses
import io
import re

import pytest
from store_samples import ANKARA, SYRIA, event

from eventwire.export import ExportStats, export_events
from eventwire.export.date_columns import date_columns
from eventwire.export.gdelt import COLUMNS

EVENTS = [
    event("e1", date_value="2016"),
    event("e2", date_value="2020-12", place=SYRIA),  # a country: no point on a map
    event("e3", date_value="2021-05-11TNI"),
    event("e4", date_value="2021-05-11T10:30"),
    event("e5", date_value="2019-W52", place=None),  # nowhere
    event("e6", date_value="PAST_REF"),
    event("e7", date_value=None),
    event("e8", date_value="2019-12-23", sentence="-- and =1+1 said the minister"),
]


def _csv(**kwargs) -> list[dict[str, str]]:
    out = io.StringIO()
    export_events(EVENTS, "csv", out, **kwargs)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_csv_date_column_holds_only_days() -> None:
    rows = {r["id"]: r for r in _csv()}
    assert all(re.fullmatch(r"(\d{4}-\d{2}-\d{2})?", r["date"]) for r in rows.values())
    got = {i: (r["date"], r["date_precision"], r["time_of_day"]) for i, r in rows.items()}
    assert got == {
        "e1": ("2016-01-01", "year", ""),
        "e2": ("2020-12-01", "month", ""),
        "e3": ("2021-05-11", "day", "night"),
        "e4": ("2021-05-11", "day", "10:30"),
        "e5": ("2019-12-23", "week", ""),
        "e6": ("", "", ""),
        "e7": ("", "", ""),
        "e8": ("2019-12-23", "day", ""),
    }
    # nothing is lost: the TIMEX3 value as coded has its own column
    assert rows["e3"]["date_value"] == "2021-05-11TNI" and rows["e6"]["date_value"] == "PAST_REF"


@pytest.mark.parametrize(
    ("value", "columns"),
    [
        ("2019-Q4", ("2019-10-01", "quarter", "", "2019-Q4")),
        ("2019-H2", ("2019-07-01", "half", "", "2019-H2")),
        ("2019-SU", ("2019-06-01", "season", "", "2019-SU")),
        ("2021-02-30", ("", "", "", "2021-02-30")),
        ("196X", ("", "", "", "196X")),
    ],
)
def test_date_columns_of_other_values(value: str, columns: tuple[str, ...]) -> None:
    assert date_columns(value) == columns


def test_csv_export_is_exact_by_default_and_escaped_on_request() -> None:
    exact = {r["id"]: r for r in _csv()}
    assert exact["e8"]["sentence"] == "-- and =1+1 said the minister"
    safe = {r["id"]: r for r in _csv(spreadsheet_safe=True)}
    assert safe["e8"]["sentence"] == "'-- and =1+1 said the minister"
    assert safe["e1"]["sentence"] == exact["e1"]["sentence"]  # harmless text is untouched
    assert safe["e1"]["goldstein"] == exact["e1"]["goldstein"]


def test_geojson_counts_the_events_it_leaves_out() -> None:
    stats = ExportStats()
    written = export_events(EVENTS, "geojson", io.StringIO(), stats=stats)
    assert (written, stats.left_out) == (6, 2)  # e2 at country level, e5 nowhere


def test_gdelt_sourceurl_is_only_ever_http() -> None:
    urls = {"a1": "javascript:alert(1)"}
    out = io.StringIO()
    export_events(EVENTS[:1], "gdelt", out, urls=urls)
    row = dict(zip(COLUMNS, out.getvalue().rstrip("\n").split("\t"), strict=True))
    assert row["SOURCEURL"] == ""
    out = io.StringIO()
    export_events(EVENTS[:1], "gdelt", out, urls={"a1": "https://news.example/a1"})
    assert out.getvalue().rstrip("\n").endswith("\thttps://news.example/a1")


def test_a_place_at_a_city_is_drawn() -> None:
    city = dataclasses.replace(EVENTS[0], place=ANKARA)
    stats = ExportStats()
    assert export_events([city], "geojson", io.StringIO(), stats=stats) == 1
    assert stats.left_out == 0
