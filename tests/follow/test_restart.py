"""Killed with SIGKILL in the middle of a poll and started again, follow stores nothing twice and
fetches again no page whose article it had stored."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from follow_helpers import publish, put_feed
from news_site import NewsSite
from pg_server import fresh_database

from eventwire.store import open_store

CHILD = Path(__file__).parent / "follow_child.py"
STORIES = range(1, 21)


def run_child(db: str, marker: Path, feed: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), db, str(marker), feed],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def commits(marker: Path) -> int:
    return len(marker.read_text().splitlines()) if marker.exists() else 0


@pytest.fixture(params=["duckdb", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "follow.duckdb")
    return fresh_database(request.getfixturevalue("postgres_url"), "follow_restart")


def test_sigkill_mid_poll_then_restart_stores_each_article_once(
    site: NewsSite, db: str, tmp_path: Path
) -> None:
    items = publish(site, STORIES)
    for item in items:  # slow enough pages that the kill lands inside the poll
        site.routes[item.url.split(str(site.port), 1)[1]].delay = 0.1
    feed = put_feed(site, items)
    marker = tmp_path / "marker"
    child = run_child(db, marker, feed)
    deadline = time.monotonic() + 120
    while commits(marker) < 3:
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "the child made no progress"
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    with open_store(db, read_only=True) as store:
        first_run = {url for (url,) in store.rows("SELECT url FROM articles")}
    assert 6 <= len(first_run) < len(items)  # three batches of two, at least, not all
    fetched_before = len(site.log)

    out, err = run_child(db, marker, feed).communicate(timeout=300)
    assert out.split() and not err.strip(), err
    fetched_after = [r.path for r in site.log[fetched_before:]]
    with open_store(db, read_only=True) as store:
        urls = [url for (url,) in store.rows("SELECT url FROM articles")]
        summary = store.summary()
    assert sorted(urls) == sorted(i.url for i in items)  # each once
    assert summary.events == len(items)  # one 'met' event per story, none twice
    assert not {site.url(p) for p in fetched_after} & first_run  # stored pages not fetched again
