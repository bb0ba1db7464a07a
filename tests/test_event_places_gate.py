"""The hand-checked events keep their right places and dates (tests/gold/event_places_dates.tsv)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate.event_places import (
    EventGoldError,
    date_is_right,
    evaluate_event_places,
    place_is_right,
    read_event_gold,
)
from eventwire.places.gazetteer import Entry
from eventwire.records import Place

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "event_places_dates.tsv"
CORPUS = HERE.parents[1] / "shared" / "corpus"
FLOORS = json.loads((HERE / "eval_baseline.json").read_text())


def _place(geonameid: int | None, country: str, lat: float, feature: str = "city") -> Place:
    return Place("x", 0, 1, geonameid, "x", country, lat, 10.0, feature, 0.9)


def test_date_is_right_at_the_gold_precision() -> None:
    assert date_is_right("2019-12-23", ["2019-12-23"])
    assert date_is_right("2019-12-23TMO", ["2019-12-23"])
    assert date_is_right("2019-12-23", ["2019-12"])
    assert not date_is_right("2019-12", ["2019-12-23"])
    assert not date_is_right("2019-12-2", ["2019-12-23"])
    assert not date_is_right(None, ["2019-12-23"])


def test_place_is_right_by_id_distance_country_or_none() -> None:
    gold_point = {7: Entry(7, "Here", "city", "AAA", None, 50.0, 10.0, 1000)}
    assert place_is_right(None, ["none"], gold_point)
    assert not place_is_right(_place(7, "AAA", 50.0), ["none"], gold_point)
    assert place_is_right(_place(8, "AAA", 50.5), ["7"], gold_point)  # 56 km away
    assert not place_is_right(_place(8, "AAA", 53.0), ["7"], gold_point)  # 334 km away
    assert place_is_right(_place(9, "BBB", 0.0), ["country:BBB"], gold_point)
    assert place_is_right(None, ["country:BBB", "none"], gold_point)


def test_the_gold_file_is_well_formed() -> None:
    rows = read_event_gold(GOLD)
    assert len(rows) >= 150
    assert len({(r.article_id, r.trigger_start) for r in rows}) == len(rows)


def test_malformed_gold_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text("article_id\tpublished\n", encoding="utf-8")
    with pytest.raises(EventGoldError):
        read_event_gold(bad)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not present")
def test_event_places_and_dates_stay_above_floors(coder) -> None:
    scores = evaluate_event_places(GOLD, CORPUS, coder.code_article, coder.gazetteer)
    floor = FLOORS["event_places_dates"]
    assert scores.matched >= floor["matched"]
    assert scores.place_accuracy >= floor["place"], f"place {scores.place_accuracy:.3f}"
    assert scores.date_accuracy >= floor["date"], f"date {scores.date_accuracy:.3f}"
