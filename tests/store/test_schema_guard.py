"""A database that is not an eventwire store of this schema is refused with a clear error."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from eventwire.store import open_store
from eventwire.store.base import StoreError
from eventwire.store.duckdb import DuckDBStore


def test_store_of_another_schema_version_is_refused(store) -> None:
    store._exec("UPDATE eventwire_meta SET value = ? WHERE key = ?", ["0", "schema_version"])
    with pytest.raises(StoreError, match="holds eventwire schema 0"):
        store._check_schema("the store", writable=True)


def test_reopening_a_store_of_another_version_fails(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    with DuckDBStore(db) as store:
        store._exec("UPDATE eventwire_meta SET value = '0'")
    with pytest.raises(StoreError, match="schema 0") as info:
        DuckDBStore(db)
    assert "--db" in str(info.value)


def test_a_foreign_duckdb_file_is_not_an_eventwire_store(tmp_path: Path) -> None:
    db = tmp_path / "foreign.duckdb"
    with duckdb.connect(str(db)) as conn:
        conn.execute("CREATE TABLE sales (n INTEGER)")
    with pytest.raises(StoreError, match="is not an eventwire store"):
        open_store(db, read_only=True)


def test_a_file_that_is_not_duckdb_is_a_store_error(tmp_path: Path) -> None:
    db = tmp_path / "notes.duckdb"
    db.write_text("shopping list\n" * 200)
    with pytest.raises(StoreError, match="cannot open DuckDB store"):
        open_store(db)
