"""A near-duplicate article is stored with duplicate_of, not coded, its events not stored; the
deduper is primed from the store, so a rerun finds the same duplicates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_helpers import code_batch

from eventwire.ingest import ingest
from eventwire.store.duckdb import DuckDBStore

dedupe = pytest.importorskip("eventwire.readers.dedupe")

BODY = (
    "Envoys met in Geneva on Monday to discuss the ceasefire along the border. "
    "The ministers met again on Tuesday and agreed to meet in March. "
    "Officials said the talks were constructive and would continue next month."
)


def write(path: Path, records: list[tuple[str, str]]) -> None:
    lines = [
        json.dumps({"id": i, "published": "2021-05-01", "title": "T", "text": t, "source": "wire"})
        for i, t in records
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_near_duplicate_is_stored_as_such_without_events(tmp_path: Path) -> None:
    first, second = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    write(first, [("orig", BODY)])
    write(second, [("copy", BODY.replace("Monday", "Monday,") + " ")])
    with DuckDBStore(tmp_path / "d.duckdb") as store:
        report = ingest([str(first)], store, code_batch, deduper=dedupe.Deduper())
        assert report.duplicates == 0
        # a new process: the deduper knows the stored article only through the store
        report = ingest([str(second)], store, code_batch, deduper=dedupe.Deduper())
        assert (report.duplicates, report.stored, report.events) == (1, 1, 0)
        assert store.duplicate_of("copy") == "orig"
        assert {e.article_id for e in store.events()} == {"orig"}
