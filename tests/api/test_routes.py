"""Each read route against the real DuckDB store of conftest.py."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

ALL_IDS = {"e1", "e2", "e3", "e4", "e5", "e6"}


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_events_default_is_newest_first_with_undated_last(client: TestClient) -> None:
    assert ids(client.get("/events")) == ["e5", "e3", "e2", "e1", "e4", "e6"]


def test_events_sorted_by_date_ascending(client: TestClient) -> None:
    assert ids(client.get("/events?sort=date")) == ["e4", "e1", "e2", "e3", "e5", "e6"]


def test_events_sorted_by_goldstein(client: TestClient) -> None:
    assert ids(client.get("/events?sort=-goldstein"))[:2] == ["e5", "e2"]


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    for sort in ("-date", "date", "goldstein", "-confidence"):
        seen: list[str] = []
        url = f"/events?limit=4&sort={sort}"
        for _ in range(5):
            body = client.get(url).json()
            seen += [e["id"] for e in body["events"]]
            if body["next"] is None:
                break
            url = f"/events?limit=4&sort={sort}&cursor={body['next']}"
        assert sorted(seen) == sorted(ALL_IDS), sort
        assert len(seen) == len(ALL_IDS)


def test_filters(client: TestClient) -> None:
    assert set(ids(client.get("/events?actor=FRA"))) == {"e1", "e2"}
    assert set(ids(client.get("/events?actor=RUSMIL"))) == {"e3", "e4"}
    assert set(ids(client.get("/events?cameo=04"))) == {"e1"}
    assert set(ids(client.get("/events?cameo=190"))) == {"e3"}
    assert set(ids(client.get("/events?plover=assault"))) == {"e3"}
    assert set(ids(client.get("/events?quad_class=3"))) == {"e4", "e6"}
    assert set(ids(client.get("/events?date_from=2021-03-02&date_to=2021-03-31"))) == {"e2", "e3"}
    assert set(ids(client.get("/events?date_from=2021-04"))) == {"e5"}
    assert set(ids(client.get("/events?bbox=30,40,40,55"))) == {"e3"}
    assert set(ids(client.get("/events?q=FOOD%20aid"))) == {"e5"}
    assert set(ids(client.get("/events?article_id=a2"))) == {"e3", "e4"}
    assert ids(client.get("/events?actor=FRA&quad_class=4")) == []


def test_csv_by_format_and_by_accept(client: TestClient) -> None:
    for response in (
        client.get("/events?format=csv&actor=FRA"),
        client.get("/events?actor=FRA", headers={"Accept": "text/csv"}),
    ):
        assert response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert {r["id"] for r in rows} == {"e1", "e2"}
        assert {r["source_code"] for r in rows} == {"FRAGOV", "DEUGOV"}


def test_jsonl_pages_carry_the_next_cursor_in_headers(client: TestClient) -> None:
    response = client.get("/events?format=jsonl&limit=2")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert [e["id"] for e in lines] == ["e5", "e3"]
    assert response.headers["content-type"].startswith("application/x-ndjson")
    cursor = response.headers["X-Next-Cursor"]
    assert 'rel="next"' in response.headers["Link"]
    rest = client.get(f"/events?format=jsonl&limit=2&cursor={cursor}").text.splitlines()
    assert [json.loads(line)["id"] for line in rest] == ["e2", "e1"]


def test_count(client: TestClient) -> None:
    assert client.get("/events/count?quad_class=1").json() == {"count": 2}


def test_one_event_with_its_evidence(client: TestClient) -> None:
    body = client.get("/events/e1").json()
    assert body["event"]["cameo"] == "040"
    evidence = body["evidence"]
    assert evidence["trigger"] == "met" and evidence["rule"] == "rule.040"
    spans = {h["kind"]: h for h in evidence["highlights"]}
    sentence = evidence["sentence"]
    assert sentence[spans["trigger"]["start"] : spans["trigger"]["end"]] == "met"
    assert spans["target"]["text"] == "German Chancellor Anna Weber"
    assert sentence[spans["source"]["start"] : spans["source"]["end"]].startswith("French")
    assert body["article"]["url"] == "https://news.example/a1"
    assert body["article"]["published"] == "2021-03-02"


def test_timeline_by_quad_class_and_plover(client: TestClient) -> None:
    day = client.get("/stats/timeline").json()["counts"]
    assert {"period": "2021-03-09", "group": "4", "count": 1} in day
    assert all(len(c["period"]) == 10 for c in day)  # the month-only date is not a day
    month = client.get("/stats/timeline?interval=month&by=plover").json()["counts"]
    assert {"period": "2021-03", "group": "ACCUSE", "count": 1} in month
    week = client.get("/stats/timeline?interval=week&by=none").json()["counts"]
    assert week[0] == {"period": "2021-03-01", "group": "all", "count": 2}  # Monday-based


def test_network_counts_and_mean_goldstein(client: TestClient) -> None:
    edges = client.get("/stats/network").json()["edges"]
    assert {"source": "UKR", "target": "RUS", "count": 1, "goldstein_mean": -2.0} in edges
    actor_edges = client.get("/stats/network?level=actor&actor=IGO").json()["edges"]
    assert actor_edges == [{"source": "IGOUNO", "target": "SDN", "count": 1, "goldstein_mean": 7.4}]


def test_actors_and_places(client: TestClient) -> None:
    actors = {a["code"]: a for a in client.get("/actors").json()["actors"]}
    assert actors["RUSMIL"]["events"] == 2 and actors["RUSMIL"]["as_source"] == 1
    assert actors["IGOUNO"]["name"] == "United Nations"
    places = client.get("/places?quad_class=4").json()["places"]
    assert [(p["name"], p["events"]) for p in places] == [("Kharkiv", 1)]


def test_dashboard_and_its_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and '<svg id="map"' in page.text
    for name in (
        "main.js",
        "timeline.js",
        "map.js",
        "network.js",
        "table.js",
        "evidence.js",
        "common.js",
        "style.css",
        "countries.geojson",
    ):
        assert client.get(f"/static/{name}").status_code == 200
    assert "javascript" in client.get("/static/main.js").headers["content-type"]  # for modules


def test_openapi_lists_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/events",
        "/events/{event_id}",
        "/stats/timeline",
        "/stats/network",
        "/actors",
        "/places",
        "/code",
        "/articles",
    ):
        assert path in paths


def test_vocabulary_comes_from_the_codebook(client: TestClient) -> None:
    vocab = client.get("/vocabulary").json()
    assert len(vocab["plover"]) == 16 and "ASSAULT" in vocab["plover"]
    assert vocab["cameo_roots"]["19"].lower().startswith("fight")
    assert len(vocab["cameo_roots"]) == 20


def test_clusters_count_each_happening_once_with_its_evidence(client: TestClient) -> None:
    body = client.get("/clusters").json()
    assert body["events_scanned"] == 6 and len(body["clusters"]) == 6
    clusters = body["clusters"]
    assert all(c["num_articles"] == 1 and c["event"]["evidence"]["trigger"] for c in clusters)
    assault = client.get("/clusters?plover=ASSAULT").json()["clusters"]
    assert [(c["source"], c["cameo"]) for c in assault] == [("RUS", "190")]
    assert client.get("/clusters?min_articles=2").json()["clusters"] == []
    assert client.get("/clusters?limit=0").status_code == 400  # the API's bad-parameter shape


def test_concurrent_reads_all_answer_the_same(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    paths = ["/events?limit=3", "/events/count", "/stats/network", "/places"] * 10
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda p: (p, client.get(p)), paths))
    assert all(r.status_code == 200 for _, r in answers)
    for path in set(paths):
        bodies = {r.text for p, r in answers if p == path}
        assert len(bodies) == 1, path
