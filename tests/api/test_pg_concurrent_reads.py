"""The API on PostgreSQL serves reads in parallel (the store's read pool), answers exactly as on
DuckDB for the same data, and leaves no backend behind when its store is closed.

Overlap is observed, not timed: a test connection holds an exclusive lock on `events`, the
requests' queries queue behind it on the server, and pg_stat_activity counts them there.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient
from pg_server import wait_until

from eventwire.api.app import create_app
from eventwire.records import Event
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.postgres import PostgresStore

from .conftest import coded_articles, fresh_database

READS = 4
ROUTES = [
    "/events",
    "/events?sort=date&limit=2",
    "/events?sort=-goldstein",
    "/events?actor=FRA",
    "/events?cameo=19",
    "/events?quad_class=3&sort=confidence",
    "/events?bbox=0,40,40,55",
    "/events?q=Kharkiv",
    "/events?format=csv",
    "/events?format=jsonl&sort=date",
    "/events/count",
    "/events/count?plover=CONSULT",
    "/events/e1",
    "/events/e6",
    "/events/nope",
    "/stats/timeline",
    "/stats/timeline?interval=month&by=plover",
    "/stats/timeline?interval=week&by=none",
    "/stats/network",
    "/stats/network?level=actor",
    "/actors",
    "/places",
    "/clusters",
]


def waiting_backends(url: str) -> int:
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            [name],
        ).fetchone()
    return int(row[0])


def all_backends(url: str) -> int:
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
            " AND backend_type = 'client backend'",
            [name],
        ).fetchone()
    return int(row[0])


@contextmanager
def events_locked(url: str) -> Iterator[None]:
    with psycopg.connect(url) as conn:
        conn.execute("LOCK TABLE events IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            conn.rollback()


@pytest.fixture
def pg_url(postgres_url: str, events_by_article: dict[str, list[Event]]) -> str:
    url = fresh_database(postgres_url, "eventwire_api_reads")
    store = PostgresStore(url)
    store.write_batch(coded_articles(events_by_article), [])
    store.close()
    return url


def _body(response: Any) -> tuple[int, str]:
    return response.status_code, response.text


def test_concurrent_requests_run_on_separate_backends(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    try:
        with TestClient(create_app(store)) as client, ThreadPoolExecutor(READS) as workers:
            with events_locked(pg_url):
                futures = [workers.submit(client.get, "/events/count") for _ in range(READS)]
                # every request's query is inside the server at the same time
                wait_until(lambda: waiting_backends(pg_url) == READS, f"{READS} reads at once")
            assert [f.result().json() for f in futures] == [{"count": 6}] * READS
    finally:
        store.close()


def test_answers_equal_duckdb_under_concurrent_load(store: DuckDBStore, pg_url: str) -> None:
    with TestClient(create_app(store)) as duck:
        expected = [_body(duck.get(route)) for route in ROUTES]
    pg = PostgresStore(pg_url)
    try:
        with TestClient(create_app(pg)) as client, ThreadPoolExecutor(8) as workers:
            got = list(workers.map(lambda route: _body(client.get(route)), ROUTES * 3))
    finally:
        pg.close()
    assert [status for status, _ in expected] == [
        404 if route == "/events/nope" else 200 for route in ROUTES
    ]
    for index, route in enumerate(ROUTES * 3):
        assert got[index] == expected[index % len(ROUTES)], route


def test_closing_the_store_leaves_no_backend(pg_url: str) -> None:
    store = PostgresStore(pg_url)
    with TestClient(create_app(store)) as client, ThreadPoolExecutor(READS) as workers:
        with events_locked(pg_url):
            futures = [workers.submit(client.get, "/events") for _ in range(READS)]
            wait_until(lambda: waiting_backends(pg_url) == READS, f"{READS} reads at once")
        assert all(f.result().status_code == 200 for f in futures)
    # the store's connection and its pooled ones (the lock holder's may take a moment to exit)
    wait_until(lambda: all_backends(pg_url) == 1 + READS, "the store's backends")
    store.close()
    wait_until(lambda: all_backends(pg_url) == 0, "no backend left after close")
