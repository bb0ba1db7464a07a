"""eventwire processes share one DuckDB file: a reader (the dashboard) and a writer (ingest)
take turns, each sees the other's work without a restart, and nobody gets STORE_LOCKED."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from store_samples import article, event

from eventwire.store import open_store
from eventwire.store.base import CodedArticle
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.handoff import Markers

# A dashboard: one read-only store, read from a thread runner as the API does, without pause;
# it prints each new count it sees and stops when told to on stdin ("stop").
READER = """
import sys, threading
from eventwire.store.duckdb import DuckDBStore
store = DuckDBStore(sys.argv[1], read_only=True)
rows = store.thread_rows()
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
seen = None
print("ready", flush=True)
while not stop.is_set():
    n = rows("SELECT count(*) FROM events", [])[0][0]
    if n != seen:
        print("count", n, flush=True)
        seen = n
store.close()
print("done", flush=True)
"""

# An ingest: writes one batch every 50 ms until it has written `n` batches.
WRITER = """
import sys, time
sys.path.insert(0, sys.argv[3])
from store_samples import article, event
from eventwire.store.base import CodedArticle
from eventwire.store.duckdb import DuckDBStore
store = DuckDBStore(sys.argv[1])
print("open", flush=True)
for i in range(int(sys.argv[2])):
    store.write_batch([CodedArticle(article(f"w{i}"), [event(f"w{i}-e", f"w{i}")])], [])
    time.sleep(0.05)
store.close()
print("done", flush=True)
"""


def _batch(i: int) -> list[CodedArticle]:
    return [CodedArticle(article(f"a{i}"), [event(f"e{i}", f"a{i}")])]


def test_ingest_beside_a_busy_read_only_reader(tmp_path: Path) -> None:
    db = tmp_path / "live.duckdb"
    with DuckDBStore(db) as store:
        store.write_batch(_batch(0), [])
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "ready"
        assert reader.stdout.readline().split() == ["count", "1"]
        # the reader holds the file and reads without pause: the writer still gets in, batch
        # after batch, and the reader sees every commit without being restarted
        writer = open_store(db)
        for i in range(1, 4):
            assert writer.write_batch(_batch(i), []) == 1
        writer.close()
        counts = []
        while counts[-1:] != ["4"]:
            line = reader.stdout.readline().split()
            assert line and line[0] == "count", line
            counts.append(line[1])
        reader.stdin.write("stop\n")
        reader.stdin.flush()
        assert reader.stdout.readline().strip() == "done"
        assert reader.wait(10) == 0, reader.stderr.read()
    finally:
        reader.kill()
        reader.wait()
    assert not list(tmp_path.glob("*.wait"))  # no marker left behind


def test_cli_reads_while_an_ingest_writes(tmp_path: Path) -> None:
    db = tmp_path / "ingesting.duckdb"
    DuckDBStore(db).close()
    here = str(Path(__file__).parent)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "40", here],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "open"
        seen = []
        for _ in range(5):  # each read opens, reads and closes, as `eventwire events` does
            with open_store(db, read_only=True) as store:
                seen.append(store.count_events())
        assert seen == sorted(seen) and seen[-1] >= 1
        assert writer.stdout.readline().strip() == "done"
        assert writer.wait(30) == 0, writer.stderr.read()
    finally:
        writer.kill()
        writer.wait()
    with open_store(db, read_only=True) as store:
        assert store.count_events() == 40


def test_two_writers_take_turns(tmp_path: Path) -> None:
    db = tmp_path / "two.duckdb"
    DuckDBStore(db).close()
    here = str(Path(__file__).parent)
    other = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), "20", here],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        with DuckDBStore(db) as store:
            for i in range(5):
                store.write_batch(_batch(i), [])
        assert other.wait(30) == 0, other.stderr.read()
    finally:
        other.kill()
        other.wait()
    with open_store(db, read_only=True) as store:
        assert store.count_events() == 25


def test_a_marker_of_a_dead_process_is_ignored_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "stale.duckdb"
    DuckDBStore(db).close()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    stale = tmp_path / f"stale.duckdb.writer-{gone.stdout.strip()}.wait"
    stale.write_text("eventwire ingest\n")
    mine = tmp_path / f"stale.duckdb.writer-{os.getpid()}.wait"
    mine.write_text("this process\n")
    assert Markers(db).waiting_sides() == set()  # dead, or ourselves: nobody waits
    assert not stale.exists() and mine.exists()
