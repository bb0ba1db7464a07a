"""Issue 12 item 7, the read side: `min_confidence` on every route that takes the event filters,
on DuckDB and on PostgreSQL (the `client` fixture), refused when it is not a number from 0 to 1.

The conftest events' confidences: e1 0.9, e2 0.6, e3 0.8, e4 0.4, e5 0.85, e6 0.7.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

FILTER_ROUTES = ("/events", "/events/count", "/stats/timeline", "/stats/network", "/actors")
FILTER_ROUTES += ("/places", "/clusters")


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["events"]}


def test_events_at_or_above_the_threshold_are_kept(client: TestClient) -> None:
    assert ids(client.get("/events?min_confidence=0.7")) == {"e1", "e3", "e5", "e6"}  # e6 is 0.7
    assert ids(client.get("/events?min_confidence=0.85&sort=-confidence")) == {"e1", "e5"}
    assert ids(client.get("/events?min_confidence=1")) == set()
    assert client.get("/events/count?min_confidence=0.7").json() == {"count": 4}


def test_zero_and_no_parameter_keep_every_stored_event(client: TestClient) -> None:
    every = {"e1", "e2", "e3", "e4", "e5", "e6"}
    assert ids(client.get("/events")) == every
    assert ids(client.get("/events?min_confidence=0")) == every
    assert ids(client.get("/events?min_confidence=0.0")) == every


def test_threshold_combines_with_the_other_filters(client: TestClient) -> None:
    assert ids(client.get("/events?actor=FRA&min_confidence=0.7")) == {"e1"}
    assert ids(client.get("/events?quad_class=3&min_confidence=0.5")) == {"e6"}


def test_aggregates_count_only_the_confident_events(client: TestClient) -> None:
    edges = client.get("/stats/network?min_confidence=0.7").json()["edges"]
    assert {(e["source"], e["target"]) for e in edges} == {("FRA", "DEU"), ("VEN", "VEN")}
    places = client.get("/places?min_confidence=0.85").json()["places"]
    assert {p["name"] for p in places} == {"Paris", "Khartoum"}
    actors = client.get("/actors?min_confidence=0.85").json()["actors"]
    assert {a["code"] for a in actors} == {"FRAGOV", "DEUGOV", "IGOUNO", "SDN"}
    stories = client.get("/clusters?min_confidence=0.7").json()
    assert stories["events_scanned"] == 4
    members = {i for c in stories["clusters"] for i in c["event_ids"]}
    assert members == {"e1", "e3", "e5", "e6"}


def test_timeline_says_how_many_events_the_threshold_left_out(client: TestClient) -> None:
    body = client.get("/stats/timeline?min_confidence=0.7").json()
    assert body["under_min_confidence"] == 2  # e2 (0.6) and e4 (0.4)
    assert sum(c["count"] for c in body["counts"]) + body["left_out"] == 4
    assert body["left_out"] == 1  # e6 has no date
    narrowed = client.get("/stats/timeline?actor=FRA&min_confidence=0.7").json()
    assert narrowed["under_min_confidence"] == 1  # only e2 of FRA's two events
    assert client.get("/stats/timeline").json()["under_min_confidence"] == 0


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.1", "nan", "inf", "", "0,5"])
@pytest.mark.parametrize("route", FILTER_ROUTES)
def test_a_bad_threshold_is_refused_with_the_fix(client: TestClient, route: str, value: str):
    response = client.get(route, params={"min_confidence": value})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["parameter"] == "min_confidence"
    assert error["message"] == (
        "min_confidence must be a number from 0 to 1, such as 0.5 (0 keeps every stored "
        f"event), not {value!r}"
    )


def test_openapi_documents_the_parameter_and_its_default(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in FILTER_ROUTES:
        [param] = [p for p in paths[route]["get"]["parameters"] if p["name"] == "min_confidence"]
        assert param["schema"]["type"] == "number", route
        assert (param["schema"]["minimum"], param["schema"]["maximum"]) == (0, 1)
        assert "default 0" in param["description"] and "0.5" in param["description"]
