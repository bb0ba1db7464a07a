"""The embedded default store: one DuckDB file.

Locking: DuckDB lets one process open a file for writing. A second writer (or a reader while a
writer holds the file) waits up to `lock_timeout` seconds (default 0: do not wait) and then gets
StoreLocked with a message that names the file and says what to do. The file is never opened
twice for writing, so it cannot be corrupted by two writers; a killed writer leaves a WAL that
DuckDB replays on the next open.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from eventwire.records import Reject
from eventwire.store import schema
from eventwire.store.base import CodedArticle, InputProgress, StoreError, StoreLocked
from eventwire.store.sqlstore import SqlStore

SQL_TYPES = {
    schema.TEXT: "VARCHAR",
    schema.INT: "INTEGER",
    schema.BIGINT: "BIGINT",
    schema.FLOAT: "DOUBLE",
    schema.DATE: "DATE",
    schema.BOOL: "BOOLEAN",
    schema.STAMP: "TIMESTAMP",
}
ARROW_TYPES = {
    schema.TEXT: pa.string(),
    schema.INT: pa.int32(),
    schema.BIGINT: pa.int64(),
    schema.FLOAT: pa.float64(),
    schema.DATE: pa.date32(),
    schema.BOOL: pa.bool_(),
}
_RETRY_EVERY = 0.2


def _is_lock_error(error: Exception) -> bool:
    # DuckDB: 'Could not set lock on file "...": Conflicting lock is held in ... (PID n)'
    return "could not set lock" in str(error).lower()


def connect(path: Path, *, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting up to `lock_timeout` s for another process's lock to go."""
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as error:
            if not _is_lock_error(error):
                raise StoreError(f"cannot open DuckDB store {path}: {error}") from error
            if time.monotonic() >= deadline:
                raise StoreLocked(
                    f"another eventwire process is writing {path}; wait or use another --db"
                ) from error
            time.sleep(_RETRY_EVERY)
        except duckdb.Error as error:
            raise StoreError(f"cannot open DuckDB store {path}: {error}") from error


class DuckDBStore(SqlStore):
    """Events, articles, rejects and ingest progress in one DuckDB file."""

    page_size = 10_000

    def __init__(
        self, path: str | Path, *, read_only: bool = False, lock_timeout: float = 0.0
    ) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `eventwire ingest` first")
        self._conn = connect(self.path, read_only=read_only, lock_timeout=lock_timeout)
        self._in_transaction = False
        if not read_only:
            for statement in schema.create_statements(SQL_TYPES):
                self._conn.execute(statement)
        try:
            self._check_schema(str(self.path), writable=not read_only)
        except StoreError:
            self._conn.close()
            raise

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        try:
            return super().write_batch(coded, rejects, progress, clear_rejects)
        except duckdb.Error as error:  # disk full, file removed, read-only store ...
            raise StoreError(
                f"writing to {self.path} failed: {error}",
                hint="nothing of this batch was stored; run the same ingest again to resume",
            ) from error

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(sql, list(params)).fetchall()

    def thread_rows(self) -> Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]:
        """A read runner safe to call from many threads at once: each thread reads through a
        cursor of its own (DuckDB runs them in parallel and sees committed writes)."""
        local = threading.local()

        def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            cursor = getattr(local, "cursor", None)
            if cursor is None:
                cursor = local.cursor = self._conn.cursor()
            return cursor.execute(sql, list(params)).fetchall()

        return run

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(sql, list(params))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _insert_ignore(
        self, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]
    ) -> None:
        # One Arrow table per batch: far faster than a row-by-row executemany in DuckDB.
        arrays = {
            name: pa.array([row[i] for row in rows], type=ARROW_TYPES[kind])
            for i, (name, kind) in enumerate(columns)
        }
        batch = pa.table(arrays)
        names = ", ".join(arrays)
        self._conn.register("_eventwire_batch", batch)
        try:
            self._conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _eventwire_batch"
                " ON CONFLICT DO NOTHING"
            )
        finally:
            self._conn.unregister("_eventwire_batch")

    def close(self) -> None:
        self._conn.close()
