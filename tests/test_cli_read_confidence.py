"""`--min-confidence` on the commands that read a store (`events`, `export`, `clusters`): a real
DuckDB file made by ingesting two bundled example articles, read by real subprocesses; a bad
value is refused in the words the HTTP API uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cli_runner import eventwire
from eventwire.api.app import create_app
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.parquet import read_event_dataset

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [
    ROOT / "examples" / "articles" / n for n in ("01-geneva-talks.txt", "02-saudi-iran.txt")
]
THRESHOLD = 0.7


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("readconf") / "examples.duckdb")
    # every event kept at ingest, so the read threshold has something to leave out
    run = eventwire("ingest", *map(str, EXAMPLES), "--db", path, "--min-confidence", "0")
    assert run.returncode == 0, run.stderr
    return path


def listed(db: str, *args: str) -> tuple[list[dict], str]:
    run = eventwire("events", "--db", db, "--format", "jsonl", *args)
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()], run.stderr


def test_events_keeps_only_the_confident_and_says_how_many_it_left_out(db: str) -> None:
    every, quiet = listed(db)
    under = [e for e in every if e["confidence"] < THRESHOLD]
    assert under and len(under) < len(every)  # the examples have events on both sides of it
    kept, said = listed(db, "--min-confidence", str(THRESHOLD))
    assert [e["id"] for e in kept] == [e["id"] for e in every if e["confidence"] >= THRESHOLD]
    assert f"{len(under)} matching events under confidence {THRESHOLD} left out" in said
    assert "left out" not in quiet


def test_zero_is_the_default_and_filters_nothing(db: str) -> None:
    every, _ = listed(db)
    zero, said = listed(db, "--min-confidence", "0")
    assert zero == every and "left out" not in said
    help_text = eventwire("events", "--help").stdout
    assert "--min-confidence" in help_text and "default 0" in help_text


def test_export_and_clusters_take_the_threshold(db: str, tmp_path: Path) -> None:
    every, _ = listed(db)
    confident = {e["id"] for e in every if e["confidence"] >= THRESHOLD}
    out = tmp_path / "parquet"
    run = eventwire(
        "export", "--db", db, "--format", "parquet", "-o", str(out), "--min-confidence", "0.7"
    )
    assert run.returncode == 0, run.stderr
    assert {e.id for e in read_event_dataset(out)} == confident
    assert "left out" in run.stderr
    stories = eventwire(
        "clusters", "--db", db, "--format", "jsonl", "--min-confidence", str(THRESHOLD)
    )
    assert stories.returncode == 0, stories.stderr
    members = {i for line in stories.stdout.splitlines() for i in json.loads(line)["event_ids"]}
    assert members == confident


@pytest.mark.parametrize("value", ["abc", "1.5", "-0.1", "nan", ""])
def test_a_bad_threshold_is_refused_as_the_api_refuses_it(db: str, value: str) -> None:
    run = eventwire("events", "--db", db, "--min-confidence", value)
    assert run.returncode == 2 and run.stdout == "", run.stdout
    store = DuckDBStore(db, read_only=True)
    try:
        api = TestClient(create_app(store), raise_server_exceptions=False)
        error = api.get("/events", params={"min_confidence": value}).json()["error"]
    finally:
        store.close()
    assert error["parameter"] == "min_confidence"
    expected = error["message"].replace("min_confidence", "--min-confidence", 1)
    assert "from 0 to 1" in expected
    assert expected in " ".join(run.stderr.split()), run.stderr


def test_reading_at_a_threshold_gives_what_ingest_at_it_stores(db: str, tmp_path: Path) -> None:
    """One rule on both sides: a store ingested at 0 and read at 0.5 lists the very events an
    ingest at the default 0.5 stores, and both say the same number was left out."""
    kept_db = str(tmp_path / "default.duckdb")
    stored = eventwire("ingest", *map(str, EXAMPLES), "--db", kept_db)
    assert stored.returncode == 0, stored.stderr
    at_ingest, _ = listed(kept_db)
    at_read, said = listed(db, "--min-confidence", "0.5")
    assert at_read == at_ingest and at_read
    ingest_line = " ".join(stored.stderr.split())
    left_out = ingest_line.split(" events under confidence 0.5 left out")[0].rsplit(" ", 1)[-1]
    assert f"{left_out} matching events under confidence 0.5 left out" in said
