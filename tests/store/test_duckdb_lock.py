"""A process that holds a DuckDB file and does not hand it over (another program) makes an
eventwire opener fail with a StoreLocked that names it, never a corrupt file. (eventwire's own
processes hand the file over: test_duckdb_handoff.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.records import Reject
from eventwire.store import open_store
from eventwire.store.base import StoreError, StoreLocked
from eventwire.store.duckdb import DuckDBStore

HOLD = """
import sys, time
import duckdb
conn = duckdb.connect(sys.argv[1])  # a plain DuckDB writer: it never hands the file over
print("open", flush=True)
time.sleep(60)
"""


def test_second_writer_gets_store_locked(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked) as info:
            DuckDBStore(db, lock_timeout=0.5)
        message = str(info.value)
        assert str(db) in message and f"locked by process {holder.pid}" in message
        assert "did not hand it over" in message
        assert "DuckDB allows one writer per file" in info.value.hint
        assert "--db" in info.value.hint
    finally:
        holder.kill()
        holder.wait()
    # once the writer is gone the file opens and is intact
    with DuckDBStore(db) as store:
        assert store.summary().events == 0


def test_read_only_open_of_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_a_reader_while_a_writer_holds_the_file_gets_store_locked(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    DuckDBStore(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreLocked, match=f"locked by process {holder.pid}"):
            open_store(db, read_only=True, lock_timeout=0.5)
    finally:
        holder.kill()
        holder.wait()


def test_read_only_store_reads(tmp_path: Path) -> None:
    db = tmp_path / "ro.duckdb"
    DuckDBStore(db).close()
    with DuckDBStore(db, read_only=True) as store:
        assert store.summary().articles == 0 and list(store.events()) == []


def test_writing_to_a_read_only_store_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "ro.duckdb"
    DuckDBStore(db).close()
    with DuckDBStore(db, read_only=True) as store, pytest.raises(StoreError) as info:
        store.write_batch([], [Reject("f", "line 1", "EMPTY_TEXT", "empty")])
    assert "nothing of this batch was stored" in str(info.value)
