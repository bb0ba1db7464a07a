"""Killed with SIGKILL part-way and started again, an ingest ends with the same store as a clean
run: every valid article stored exactly once, every event once, every reject once."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_helpers import write_jsonl
from pg_server import fresh_database

from eventwire.store import open_store

CHILD = Path(__file__).parent / "ingest_child.py"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"


def run_child(db: str, marker: Path, coder: str, inputs: list[str], batch: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), str(db), str(marker), coder, *inputs],
        env={"BATCH": str(batch), "PATH": "/usr/bin:/bin"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def batches_done(marker: Path) -> int:
    return len(marker.read_text().splitlines()) if marker.exists() else 0


def kill_after(child: subprocess.Popen, marker: Path, batches: int, limit: float = 300) -> None:
    """SIGKILL the child once `batches` batches are committed (it is then inside the next)."""
    deadline = time.monotonic() + limit
    while batches_done(marker) < batches:
        if child.poll() is not None:
            raise AssertionError(f"child ended before the kill: {child.stderr.read()}")
        if time.monotonic() > deadline:
            child.kill()
            raise AssertionError("child made no progress")
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL


def finish(child: subprocess.Popen) -> None:
    out, err = child.communicate(timeout=600)
    assert child.returncode == 0, err


def snapshot(db: str) -> tuple:
    store = open_store(db, read_only=True)
    try:
        summary = store.summary()
        events = list(store.events())
        rejects = sorted(store.rejects(), key=lambda r: (r.source_file, r.position))
        ids = sorted(store.stored_ids([f"art-{i:05d}" for i in range(3000)]))
        return summary.articles, summary.events, events, rejects, ids
    finally:
        store.close()


@pytest.fixture(params=["duckdb", "postgres"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, str]:
    """Where the clean run and the killed-and-resumed run store: two empty stores."""
    if request.param == "duckdb":
        return str(tmp_path / "clean.duckdb"), str(tmp_path / "resumed.duckdb")
    url = request.getfixturevalue("postgres_url")
    return fresh_database(url, "clean_run"), fresh_database(url, "resumed_run")


def kill_and_resume(
    tmp_path: Path,
    stores: tuple[str, str],
    coder: str,
    inputs: list[str],
    batch: int,
    kills: list[int],
) -> None:
    clean_db, resumed_db = stores
    finish(run_child(clean_db, tmp_path / "clean.log", coder, inputs, batch))
    for n, after in enumerate(kills):
        marker = tmp_path / f"kill{n}.log"
        kill_after(run_child(resumed_db, marker, coder, inputs, batch), marker, after)
    finish(run_child(resumed_db, tmp_path / "last.log", coder, inputs, batch))
    clean, resumed = snapshot(clean_db), snapshot(resumed_db)
    assert clean[0] > 0 and clean[1] > 0, f"the clean run stored nothing: {clean[3][:3]}"
    assert resumed == clean


@pytest.mark.slow
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path: Path, two_stores) -> None:
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, 700, bad_every=50)
    second = tmp_path / "more.jsonl"
    write_jsonl(second, 200, start=700)
    # killed three times at different depths, then run to the end
    inputs = [str(feed), str(second)]
    kill_and_resume(tmp_path, two_stores, "fake", inputs, batch=16, kills=[3, 20, 45])


@pytest.mark.slow
def test_sigkill_with_the_real_coder(tmp_path: Path) -> None:
    stores = (str(tmp_path / "clean.duckdb"), str(tmp_path / "resumed.duckdb"))
    probe = subprocess.run(
        [sys.executable, "-c", "from eventwire.pipeline import Coder"],
        capture_output=True,
        text=True,
    )
    if probe.returncode != 0:
        pytest.skip(f"the pipeline does not load yet: {probe.stderr.strip()[-200:]}")
    kill_and_resume(tmp_path, stores, "real", [str(EXAMPLES)], batch=2, kills=[2])


@pytest.mark.slow
def test_two_concurrent_ingests_into_postgres_store_each_article_once(
    tmp_path: Path, postgres_url: str
) -> None:
    feed = tmp_path / "feed.jsonl"
    write_jsonl(feed, 400, bad_every=40)
    clean, shared = fresh_database(postgres_url, "clean_one"), fresh_database(postgres_url, "two")
    finish(run_child(clean, tmp_path / "clean.log", "fake", [str(feed)], 16))
    first = run_child(shared, tmp_path / "a.log", "fake", [str(feed)], 16)
    second = run_child(shared, tmp_path / "b.log", "fake", [str(feed)], 16)
    finish(first)
    finish(second)
    assert snapshot(shared) == snapshot(clean)
