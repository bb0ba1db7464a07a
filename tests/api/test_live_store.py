"""The dashboard on a store that keeps growing: `serve` without a token opens it read-only,
other commands run beside it, and what they write shows without a restart (DuckDB by handing
the file over between statements, PostgreSQL natively)."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from cli_runner import ROOT, eventwire
from eventwire.api.app import create_app
from eventwire.store.base import CodedArticle, StoreError
from eventwire.store.duckdb import DuckDBStore

from .conftest import coded_articles
from .serve import free_port

# One more article with one event, written as an ingest would (copied from an existing one).
WRITE = """
import dataclasses, sys
sys.path.insert(0, sys.argv[2])
from conftest import build_events, coded_articles, ARTICLES
from eventwire.store import open_store
from eventwire.store.base import CodedArticle
first = coded_articles(build_events({a: t for a, _, _, _, t in ARTICLES}))[0]
article = dataclasses.replace(first.article, id="live-1", text=first.article.text + " ")
event = dataclasses.replace(first.events[0], id="live-e1", article_id="live-1")
with open_store(sys.argv[1]) as store:
    store.write_batch([CodedArticle(article, [event])], [])
"""


def _write_one(db: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WRITE, db, str(Path(__file__).parent)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def _soon(read, done, timeout: float = 10.0):  # noqa: ANN001, ANN202
    """`read()` once `done` holds for it (an aggregate recomputed after a write is served from
    the previous version for a moment), else the last answer after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        answer = read()
        if done(answer) or time.monotonic() > deadline:
            return answer
        time.sleep(0.1)


@pytest.fixture
def live_db(tmp_path: Path, events_by_article) -> Path:  # noqa: ANN001
    path = tmp_path / "live.duckdb"
    with DuckDBStore(path) as store:
        store.write_batch(coded_articles(events_by_article), [])
    return path


@pytest.fixture
def served(live_db: Path) -> Iterator[str]:
    """`eventwire serve` without a token, as a user starts it."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "serve", "--db", str(live_db), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(base + "/events/count", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"eventwire serve did not start: {proc.communicate()[1]}")
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(10)


def test_serve_without_token_lets_ingest_and_cli_reads_run_beside_it(
    served: str, live_db: Path
) -> None:
    assert httpx.get(served + "/events/count").json() == {"count": 6}
    assert len(httpx.get(served + "/clusters").json()["clusters"]) == 6
    # a CLI read while the dashboard serves
    listed = eventwire("events", "--db", str(live_db), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 6
    # an ingest into the store the dashboard shows
    _write_one(str(live_db))
    # the dashboard shows it without a restart: pages at once, aggregates as soon as they are
    # recomputed (served from the previous version meanwhile: a moment on a small store)
    ids = [e["id"] for e in httpx.get(served + "/events?limit=100").json()["events"]]
    assert "live-e1" in ids
    count = _soon(lambda: httpx.get(served + "/events/count").json(), {"count": 7}.__eq__)
    assert count == {"count": 7}

    def largest(clusters: list) -> int:
        return max(c["num_articles"] for c in clusters)

    clusters = _soon(
        lambda: httpx.get(served + "/clusters").json()["clusters"], lambda c: largest(c) == 2
    )
    assert largest(clusters) == 2  # the copy joined the first cluster


def test_postgres_read_only_api_shows_what_a_writer_adds(pg_store) -> None:  # noqa: ANN001
    from eventwire.store.postgres import PostgresStore

    reader = PostgresStore(pg_store.url, read_only=True)
    try:
        with TestClient(create_app(reader)) as client:
            before = client.get("/events/count").json()["count"]
            clusters_before = client.get("/clusters").json()["clusters"]
            first = coded_articles({a: [] for a in ("a1", "a2", "a3", "a4")})[0]
            article = dataclasses.replace(first.article, id="pg-live-1")
            event = dataclasses.replace(
                pg_store.events().__next__(), id="pg-live-e1", article_id="pg-live-1"
            )
            pg_store.write_batch([CodedArticle(article, [event])], [])
            try:
                count = _soon(
                    lambda: client.get("/events/count").json()["count"], (before + 1).__eq__
                )
                assert count == before + 1
                articles = sum(c["num_articles"] for c in clusters_before) + 1
                after = _soon(
                    lambda: client.get("/clusters").json()["clusters"],
                    lambda found: sum(c["num_articles"] for c in found) == articles,
                )
                assert sum(c["num_articles"] for c in after) == articles
            finally:
                pg_store._exec("DELETE FROM events WHERE id = ?", ["pg-live-e1"])
                pg_store._exec("DELETE FROM articles WHERE id = ?", ["pg-live-1"])
                pg_store._bump_version()
        # the read-only store refuses writes itself (PostgreSQL enforces it)
        with pytest.raises(StoreError, match="read-only"):
            reader.write_batch([CodedArticle(dataclasses.replace(article, id="pg-ro-1"), [])], [])
    finally:
        reader.close()
