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


def test_ingest_primes_the_deduper_with_the_most_recent_articles_only(tmp_path: Path) -> None:
    # Priming read every stored text, so an ingest's memory grew with the store.
    stories = [(f"s{n}", f"{BODY} This is report number {n} of {n * 7} words.") for n in range(4)]
    batches = [tmp_path / f"batch{n}.jsonl" for n in range(4)]
    with DuckDBStore(tmp_path / "w.duckdb") as store:
        for path, story in zip(batches, stories, strict=True):  # one transaction each
            write(path, [story])
            ingest([str(path)], store, code_batch, deduper=dedupe.Deduper())
        assert [i for i, _ in store.known_texts(2)] == ["s2", "s3"]
        assert [i for i, _ in store.known_texts()] == ["s0", "s1", "s2", "s3"]
        copies = tmp_path / "copies.jsonl"
        write(copies, [("copy0", stories[0][1] + " "), ("copy3", stories[3][1] + " ")])
        deduper = dedupe.Deduper(window=2)
        report = ingest([str(copies)], store, code_batch, deduper=deduper)
        assert report.duplicates == 1  # the copy of s3; s0 is older than the window
        assert store.duplicate_of("copy3") == "s3" and store.duplicate_of("copy0") is None
        assert len(deduper) == 2
