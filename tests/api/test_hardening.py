"""The server against a hostile client: the token before the body, no empty token, a Host
allow-list on loopback, strict query strings, http(s)-only links, spreadsheet-safe CSV, dates
read by the one parser, a timeline that says what it cannot draw."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from store_samples import article, event

from eventwire.api.app import create_app
from eventwire.api.hosts import allowed_hosts, host_name
from eventwire.store.base import CodedArticle
from eventwire.store.duckdb import DuckDBStore

from .conftest import TOKEN
from .test_errors import assert_error

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _broken_coder() -> Any:
    raise ImportError("no model in this test")  # a 503 proves the request got past validation


@pytest.fixture()
def writable(tmp_path: Path) -> Iterator[DuckDBStore]:
    opened = DuckDBStore(tmp_path / "writes.duckdb")
    yield opened
    opened.close()


# -- item 6: the token --------------------------------------------------------------------
@pytest.mark.parametrize("token", ["", "   ", "\t\n"])
def test_an_empty_token_is_refused_at_start(writable: DuckDBStore, token: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        create_app(writable, token=token)


@pytest.mark.parametrize(
    "body",
    [
        b'{"articles": "not a list"}',
        b'{"articles": [{"no_text": 1}]}',
        b"{not json at all",
        b"[]",
    ],
)
def test_the_token_is_checked_before_the_body(writable: DuckDBStore, body: bytes) -> None:
    api = TestClient(create_app(writable, token=TOKEN), raise_server_exceptions=False)
    headers = {"Content-Type": "application/json"}
    for path in ("/articles", "/code"):
        error = assert_error(api.post(path, content=body, headers=headers), 401, "Authorization")
        assert "articles" not in error["message"] and "text" not in error["message"]
    # with the token the same body is the client's schema mistake
    assert_error(api.post("/articles", content=body, headers={**headers, **AUTH}), 422)


def test_writes_off_is_403_before_the_body(writable: DuckDBStore) -> None:
    api = TestClient(create_app(writable), raise_server_exceptions=False)
    error = assert_error(api.post("/articles", content=b"{bad", headers=AUTH), 403)
    assert error["code"] == "writes_disabled"


# -- item 7: Host allow-list, strict query parameters ----------------------------------------
def test_allowed_hosts_on_loopback_and_elsewhere() -> None:
    assert allowed_hosts("127.0.0.1") >= {"localhost", "127.0.0.1", "::1"}
    assert "news.example" in allowed_hosts("localhost", ["News.Example"])
    assert allowed_hosts("::1") is not None
    assert allowed_hosts("0.0.0.0") is None  # reached under names we cannot know
    assert allowed_hosts("0.0.0.0", ["events.example"]) == {"events.example"}
    assert host_name("[::1]:8000") == "::1" and host_name("LOCALHOST:80") == "localhost"


def test_a_loopback_server_answers_only_its_own_names(store: DuckDBStore) -> None:
    api = TestClient(
        create_app(store, hosts=allowed_hosts("127.0.0.1")), raise_server_exceptions=False
    )
    for host in ("127.0.0.1:8000", "localhost:8000", "localhost", "[::1]:8000"):
        assert api.get("/events/count", headers={"Host": host}).status_code == 200, host
    for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example"):
        error = assert_error(api.get("/events", headers={"Host": host}), 400, "Host")
        assert error["code"] == "bad_host"
        assert api.get("/", headers={"Host": host}).status_code == 400  # the dashboard too


@pytest.mark.parametrize(
    ("path", "unknown", "known"),
    [
        ("/events?text=Paris", "text", "q"),
        ("/events/count?quad=4", "quad", "quad_class"),
        ("/stats/timeline?from=2021", "from", "date_from"),
        ("/stats/network?levels=actor", "levels", "level"),
        ("/actors?limt=5", "limt", "limit"),
        ("/places?q=x&box=1,2,3,4", "box", "bbox"),
        ("/clusters?min=2", "min", "min_articles"),
        ("/vocabulary?x=1", "x", "no query parameters"),
        ("/events/e1?evidence=1", "evidence", "no query parameters"),
    ],
)
def test_an_unknown_query_parameter_is_refused_naming_the_known_ones(
    client: TestClient, path: str, unknown: str, known: str
) -> None:
    error = assert_error(client.get(path), 400, unknown)
    assert known in error["message"]


def test_known_parameters_and_the_dashboard_still_work(client: TestClient) -> None:
    assert client.get("/events?q=Paris&sort=date&limit=5&format=json").status_code == 200
    assert client.get("/?date_from=2021&interval=week&event=e1").status_code == 200


def test_write_routes_refuse_unknown_parameters_too(writable: DuckDBStore) -> None:
    api = TestClient(
        create_app(writable, token=TOKEN, coder_factory=_broken_coder),
        raise_server_exceptions=False,
    )
    body = {"text": "Troops moved.", "published": "2021-03-02"}
    assert_error(api.post("/code?dry=1", json=body, headers=AUTH), 400, "dry")


# -- item 8: links and CSV ---------------------------------------------------------------
@pytest.fixture()
def hostile_store(tmp_path: Path) -> Iterator[DuckDBStore]:
    """A store written before the link rule (or by another tool): a javascript: URL, and text
    cells a spreadsheet would run."""
    opened = DuckDBStore(tmp_path / "hostile.duckdb")
    bad = dataclasses.replace(article("a1"), url="javascript:alert(document.cookie)")
    formula = event(
        "e1", sentence='=HYPERLINK("http://evil.example","click")', date_value="2021-05-11TNI"
    )
    formula = dataclasses.replace(
        formula,
        goldstein=-10.0,
        source=dataclasses.replace(formula.source, text="@SUM(1+1)", name="+cmd|' /C calc'!A0"),
    )
    plain = event("e2", sentence="Russia met Turkey in Ankara.", date_value="2016")
    opened.write_batch([CodedArticle(bad, [formula, plain])], [])
    yield opened
    opened.close()


def test_a_stored_javascript_url_is_never_a_link(hostile_store: DuckDBStore) -> None:
    api = TestClient(create_app(hostile_store), raise_server_exceptions=False)
    assert api.get("/events/e1").json()["article"]["url"] is None


@pytest.mark.slow
def test_a_posted_javascript_url_is_not_stored(writable: DuckDBStore) -> None:
    from eventwire.pipeline import Coder

    api = TestClient(
        create_app(writable, token=TOKEN, coder_factory=Coder.load), raise_server_exceptions=False
    )
    body = {
        "articles": [
            {
                "id": "js",
                "text": "Russian Foreign Minister Sergey Lavrov met Wang Yi in Beijing.",
                "published": "2021-03-02",
                "url": "javascript:alert(1)",
            }
        ]
    }
    assert api.post("/articles", json=body, headers=AUTH).status_code == 200
    stored = writable.article("js")
    assert stored is not None and stored.url is None


def test_csv_downloads_are_spreadsheet_safe(hostile_store: DuckDBStore) -> None:
    api = TestClient(create_app(hostile_store), raise_server_exceptions=False)
    response = api.get("/events?format=csv&sort=date")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(response.text))}
    cells = [value for row in rows.values() for value in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")], cells
    first = rows["e1"]
    assert first["sentence"] == '\'=HYPERLINK("http://evil.example","click")'
    assert first["source_text"] == "'@SUM(1+1)"
    assert first["source_name"].startswith("'+cmd")
    assert first["goldstein"] == "-10.0"  # numbers are numbers, not escaped text


def test_csv_dates_have_one_kind_of_value_per_column(hostile_store: DuckDBStore) -> None:
    api = TestClient(create_app(hostile_store), raise_server_exceptions=False)
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(api.get("/events?format=csv").text))}
    night, year = rows["e1"], rows["e2"]
    assert (night["date"], night["date_precision"], night["time_of_day"]) == (
        "2021-05-11",
        "day",
        "night",
    )
    assert (year["date"], year["date_precision"], year["time_of_day"]) == ("2016-01-01", "year", "")
    assert (night["date_value"], year["date_value"]) == ("2021-05-11TNI", "2016")


# -- item 12: the timeline says what it leaves off ------------------------------------------
def test_timeline_counts_the_events_it_cannot_draw(client: TestClient) -> None:
    total = client.get("/events/count").json()["count"]
    for interval, left_out in (("day", 2), ("week", 2), ("month", 1)):
        body = client.get(f"/stats/timeline?interval={interval}").json()
        drawn = sum(c["count"] for c in body["counts"])
        assert body["left_out"] == left_out, interval  # a month-only date; an undated event
        assert drawn + body["left_out"] == total
    filtered = client.get("/stats/timeline?actor=VEN").json()
    assert (filtered["counts"], filtered["left_out"]) == ([], 1)


# -- item 13 and 10: POST /code needs a date, read by the one parser --------------------------
def test_code_without_a_date_is_refused_and_never_dated_today(writable: DuckDBStore) -> None:
    api = TestClient(
        create_app(writable, token=TOKEN, coder_factory=_broken_coder),
        raise_server_exceptions=False,
    )
    error = assert_error(api.post("/code", json={"text": "Troops."}, headers=AUTH), 422)
    assert error["parameter"] == "published" and "never guesses" in error["message"]


@pytest.mark.parametrize(
    ("published", "status"),
    [
        ("Dec 17, 2016", 503),  # read: the request reaches the (broken) coder
        ("Sat, 17 Dec 2016 10:00 GMT", 503),
        ("2016-12-17", 503),
        ("05/06/2016", 422),
        ("Dec 17", 422),
    ],
)
def test_posted_dates_are_read_by_the_one_parser(
    writable: DuckDBStore, published: str, status: int
) -> None:
    api = TestClient(
        create_app(writable, token=TOKEN, coder_factory=_broken_coder),
        raise_server_exceptions=False,
    )
    body = {"text": "Troops.", "published": published}
    error = assert_error(api.post("/code", json=body, headers=AUTH), status)
    if status == 422:
        assert "published" in error["message"]
        assert "ambiguous" in error["message"] or "missing" in error["message"]
