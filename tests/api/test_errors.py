"""Every error has one JSON shape; bad parameters name themselves; never a stack trace."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.api.app import create_app
from eventwire.store.duckdb import DuckDBStore


def assert_error(response, status: int, parameter: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert error["status"] == status
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert set(error) <= {"status", "code", "message", "parameter"}
    if parameter is not None:
        assert error["parameter"] == parameter
    assert "Traceback" not in response.text
    return error


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("date_from=yesterday", "date_from"),
        ("date_from=2021-02-30", "date_from"),
        ("date_from=2021-05&date_to=2021-04", "date_to"),
        ("bbox=1,2,3", "bbox"),
        ("bbox=10,0,5,1", "bbox"),
        ("bbox=nan,0,1,1", "bbox"),
        ("quad_class=5", "quad_class"),
        ("quad_class=x", "quad_class"),
        ("cameo=4x", "cameo"),
        ("actor=R;DROP", "actor"),
        ("plover=FIGHT", "plover"),
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("sort=random", "sort"),
        ("format=xml", "format"),
        ("cursor=not-a-cursor", "cursor"),
    ],
)
def test_bad_parameter_is_400_naming_it(client: TestClient, query: str, parameter: str) -> None:
    assert_error(client.get(f"/events?{query}"), 400, parameter)


def test_cursor_of_another_sort_is_refused(client: TestClient) -> None:
    cursor = client.get("/events?limit=1&sort=date").json()["next"]
    error = assert_error(client.get(f"/events?limit=1&sort=-date&cursor={cursor}"), 400, "cursor")
    assert "sort" in error["message"]


def test_stats_parameters_are_checked(client: TestClient) -> None:
    assert_error(client.get("/stats/timeline?interval=year"), 400, "interval")
    assert_error(client.get("/stats/network?level=planet"), 400, "level")


def test_unknown_event_and_route_are_404(client: TestClient) -> None:
    assert_error(client.get("/events/nope"), 404, "event_id")
    assert_error(client.get("/no/such/route"), 404)


def test_wrong_method_has_the_shape(client: TestClient) -> None:
    assert_error(client.delete("/events"), 405)


def test_bad_json_body_is_422(client: TestClient) -> None:
    app_client = client
    error = assert_error(app_client.post("/code", json={"text": ""}), 422)
    assert "text" in error["message"]
    assert_error(
        app_client.post(
            "/code", content=b"{not json", headers={"Content-Type": "application/json"}
        ),
        422,
    )


def test_body_over_the_limit_is_413(store: DuckDBStore) -> None:
    small = TestClient(create_app(store, max_body_bytes=100), raise_server_exceptions=False)
    assert_error(small.post("/code", json={"text": "x" * 500}), 413)
    chunks = (b"x" * 64 for _ in range(10))  # no Content-Length: counted as it streams
    assert_error(
        small.post("/code", content=chunks, headers={"Content-Type": "application/json"}), 413
    )


def test_sql_in_a_parameter_is_only_a_value(client: TestClient) -> None:
    response = client.get("/events", params={"q": "x' OR '1'='1"})
    assert response.status_code == 200 and response.json()["events"] == []


def test_nul_characters_are_a_400_on_every_backend(client: TestClient) -> None:
    assert_error(client.get("/events", params={"q": "a\x00b"}), 400, "q")
    assert_error(client.get("/events", params={"article_id": "\x00"}), 400, "article_id")
    assert_error(client.get("/events/a%00b"), 400, "event_id")
