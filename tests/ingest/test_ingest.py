"""ingest(): every article stored once with its events, rejects kept, stored articles never
coded again, a failing article rejected without losing its batch."""

from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

import pytest
from ingest_helpers import code_batch, write_jsonl
from pg_server import fresh_database

from eventwire.ingest import IngestReport, ingest
from eventwire.records import Article, Event
from eventwire.store import open_store
from eventwire.store.duckdb import DuckDBStore


@pytest.fixture(params=["duckdb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty store of each backend: the ingest contract holds on both."""
    if request.param == "duckdb":
        opened = open_store(tmp_path / "ingest.duckdb")
    else:
        opened = open_store(fresh_database(request.getfixturevalue("postgres_url"), "ingest"))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, 40, bad_every=10)
    return path


class CountingCoder:
    """The deterministic coder, remembering which articles it was asked to code."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, articles: list[Article]) -> list[list[Event]]:
        self.seen += [a.id for a in articles]
        return code_batch(articles)


def test_ingest_stores_articles_events_and_rejects(store, feed) -> None:
    calls: list[int] = []
    report = ingest([str(feed)], store, code_batch, batch_size=16, progress=calls.append)
    assert report == IngestReport(
        articles_read=40, stored=40, skipped_existing=0, duplicates=0, rejects=4, events=80
    )
    assert sum(calls) == 40 and len(calls) == 3  # 16 + 16 + 8, one call per committed batch
    assert store.summary().articles == 40 and store.summary().events == 80
    positions = sorted(r.position for r in store.rejects())
    assert positions == ["line 11", "line 22", "line 33", "line 44"]
    assert {r.reason for r in store.rejects()} == {"MALFORMED"}


def test_rerun_of_an_unchanged_finished_file_reads_nothing(store, feed) -> None:
    ingest([str(feed)], store, code_batch)
    coder = CountingCoder()
    again = ingest([str(feed)], store, coder)
    assert (again.inputs_skipped, again.articles_read, again.stored) == (1, 0, 0)
    assert coder.seen == []
    assert store.input_progress(str(feed)).finished


def test_stored_articles_are_skipped_before_coding(store, feed) -> None:
    ingest([str(feed)], store, code_batch)
    coder = CountingCoder()
    # a fallback date forces a full re-read; nothing stored may be coded again
    again = ingest([str(feed)], store, coder, published=date(2021, 1, 1))
    assert coder.seen == []
    assert (again.articles_read, again.skipped_existing, again.stored) == (40, 40, 0)
    assert store.summary().events == 80 and store.summary().rejects == 4


def test_a_grown_file_is_read_again_and_only_new_articles_coded(store, tmp_path) -> None:
    path = tmp_path / "grow.jsonl"
    write_jsonl(path, 10)
    ingest([str(path)], store, code_batch)
    with path.open("a", encoding="utf-8") as out:
        write_jsonl(tmp_path / "tail.jsonl", 5, start=10)
        out.write((tmp_path / "tail.jsonl").read_text())
    os.utime(path, (1, 1))  # a different mtime even on a coarse clock
    coder = CountingCoder()
    report = ingest([str(path)], store, coder)
    assert coder.seen == [f"art-{i:05d}" for i in range(10, 15)]
    assert (report.skipped_existing, report.stored) == (10, 5)


def test_the_same_article_twice_in_one_input_is_stored_once(store, tmp_path) -> None:
    path = tmp_path / "twice.jsonl"
    write_jsonl(path, 3)
    path.write_text(path.read_text() * 2)
    report = ingest([str(path)], store, code_batch, batch_size=100)
    assert (report.stored, report.skipped_existing) == (3, 3)
    assert store.summary().events == 6


def test_a_failing_article_becomes_a_reject_and_the_rest_is_stored(store, feed) -> None:
    def fragile(articles: list[Article]) -> list[list[Event]]:
        if any(a.id == "art-00007" for a in articles):
            raise RuntimeError("parser exploded")
        return code_batch(articles)

    report = ingest([str(feed)], store, fragile, batch_size=16)
    assert report.stored == 39 and store.summary().articles == 39
    internal = [r for r in store.rejects() if r.reason == "INTERNAL"]
    assert len(internal) == 1 and internal[0].position == "article art-00007"
    assert internal[0].source_file == str(feed)  # the input file, not the outlet
    assert "parser exploded" in internal[0].message


def test_missing_input_is_a_reject_not_a_crash(store, tmp_path) -> None:
    report = ingest([str(tmp_path / "nope.jsonl")], store, code_batch)
    assert report.rejects == 1 and store.rejects()[0].reason == "NOT_FOUND"


def test_batch_size_must_be_positive(store, feed) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        ingest([str(feed)], store, code_batch, batch_size=0)


def test_interrupted_ingest_resumes_to_the_clean_result(store, feed, tmp_path) -> None:
    class Interrupt(BaseException):
        pass

    batches = 0

    def dies_in_third_batch(articles: list[Article]) -> list[list[Event]]:
        nonlocal batches
        batches += 1
        if batches == 3:
            raise Interrupt
        return code_batch(articles)

    with pytest.raises(Interrupt):
        ingest([str(feed)], store, dies_in_third_batch, batch_size=8)
    assert store.summary().articles == 16  # two committed batches, the third rolled back
    assert not store.input_progress(str(feed)).finished
    report = ingest([str(feed)], store, code_batch, batch_size=8)
    assert (report.skipped_existing, report.stored) == (16, 24)
    with DuckDBStore(tmp_path / "clean.duckdb") as clean:
        ingest([str(feed)], clean, code_batch, batch_size=8)
        assert list(clean.events()) == list(store.events())
        assert dataclasses.astuple(clean.summary()) == dataclasses.astuple(store.summary())


def test_a_rerun_from_another_folder_still_knows_the_file(store, feed, monkeypatch) -> None:
    ingest([str(feed)], store, code_batch)
    monkeypatch.chdir(feed.parent)
    again = ingest([feed.name], store, code_batch)
    assert (again.inputs_skipped, again.articles_read) == (1, 0)


def test_text_with_a_lone_surrogate_is_rejected_not_a_crash(store, tmp_path) -> None:
    path = tmp_path / "surrogate.jsonl"
    write_jsonl(path, 2)
    bad = '{"id": "bad", "published": "2021-03-04", "title": "T", "text": "Envoys met \\ud800."}'
    path.write_text(path.read_text() + bad + "\n")
    report = ingest([str(path)], store, code_batch)
    assert (report.stored, report.rejects) == (2, 1)
    (reject,) = store.rejects()
    assert reject.reason == "UNDECODABLE" and reject.position == "article bad"


def test_a_file_rejected_then_fixed_loses_its_old_rejects(store, tmp_path) -> None:
    path = tmp_path / "fixable.jsonl"
    undated = {"id": "u1", "text": "Ministers met in Geneva."}
    broken = "{not json"
    path.write_text(json.dumps(undated) + "\n" + broken + "\n")
    other = tmp_path / "other.jsonl"
    other.write_text(broken + "\n")
    ingest([str(path), str(other)], store, code_batch)
    assert {(r.position, r.reason) for r in store.rejects()} == {
        ("line 1", "NO_DATE"),
        ("line 2", "MALFORMED"),
        ("line 1", "MALFORMED"),
    }
    # Fixed: the date is given, the bad line is still bad (its reject is read again and kept).
    path.write_text(json.dumps({**undated, "published": "2020-01-02"}) + "\n" + broken + "\n")
    os.utime(path, (1, 1))  # a changed file, whatever the clock's resolution
    report = ingest([str(path), str(other)], store, code_batch)
    assert report.stored == 1 and report.inputs_skipped == 1
    left = sorted((r.source_file, r.position, r.reason) for r in store.rejects())
    assert left == sorted([(str(path), "line 2", "MALFORMED"), (str(other), "line 1", "MALFORMED")])
    assert store.summary().rejects == 2
