"""Unit tests of the parameter parsing, cursors and highlight spans."""

from __future__ import annotations

import pytest

from eventwire.api.errors import ApiError
from eventwire.api.evidence import highlights, sentence_start
from eventwire.api.params import decode_cursor, encode_cursor, parse_bbox, response_format
from eventwire.records import Event


def test_cursor_round_trip_and_sort_check() -> None:
    cursor = encode_cursor("-goldstein", -2.5, "ev9")
    assert decode_cursor(cursor, "-goldstein") == (-2.5, "ev9")
    with pytest.raises(ApiError) as caught:
        decode_cursor(cursor, "date")
    assert caught.value.parameter == "cursor"


def test_bbox_parsing() -> None:
    assert parse_bbox("-10,-5.5,20,30") == (-10.0, -5.5, 20.0, 30.0)
    for bad in ("1,2,3", "a,b,c,d", "0,0,200,1", "5,0,1,1", "inf,0,1,1"):
        with pytest.raises(ApiError):
            parse_bbox(bad)


def test_format_from_parameter_then_accept_header() -> None:
    assert response_format("csv", "application/json") == "csv"
    assert response_format(None, "text/csv") == "csv"
    assert response_format(None, "application/x-ndjson") == "jsonl"
    assert response_format(None, "*/*") == "json"


def test_sentence_start_picks_the_occurrence_holding_the_offset() -> None:
    text = "A met B. A met B."
    assert sentence_start(text, "A met B.", 11) == 9
    assert sentence_start(text, "A met B.", 2) == 0
    assert sentence_start(text, "Not here.", 2) is None


def test_highlights_without_article_text_search_the_sentence(
    events_by_article: dict[str, list[Event]],
) -> None:
    event = events_by_article["a2"][0]  # "Russian forces shelled ..."
    spans = highlights(event, None)
    assert [(s["kind"], s["text"]) for s in spans] == [
        ("source", "Russian forces"),
        ("trigger", "shelled"),
    ]


def test_fast_event_json_equals_records_to_dict(
    events_by_article: dict[str, list[Event]],
) -> None:
    from eventwire.api.render import event_json
    from eventwire.records import to_dict

    events = [e for evs in events_by_article.values() for e in evs]
    assert any(e.target is None for e in events) and any(e.place is None for e in events)
    for event in events:
        assert event_json(event) == to_dict(event)


def test_a_forged_cursor_key_of_the_wrong_type_is_refused() -> None:
    for sort, key in (
        ("goldstein", "high"),
        ("-date", 3.5),
        ("confidence", True),
        ("goldstein", 10**400),
    ):
        with pytest.raises(ApiError):
            decode_cursor(encode_cursor(sort, key, "ev1"), sort)
    assert decode_cursor(encode_cursor("goldstein", 2, "ev1"), "goldstein") == (2.0, "ev1")
