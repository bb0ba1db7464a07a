"""The embedded default store: one DuckDB file.

Locking: DuckDB lets one process write a file, or many processes read it. eventwire's processes
take turns (handoff.py): one that finds the file locked announces that it waits and retries;
the holder closes its connection when its current statement or transaction ends and reopens
on its next use. So `serve` (read-only) shows what a running `ingest` writes, batch by batch,
and CLI reads run beside both. A holder that does not hand over (another program, an older
eventwire) makes the opener give up after `lock_timeout` seconds (default HANDOFF_WAIT) with
StoreLocked naming the process that holds the file. The file is never opened twice for
writing, so it cannot be corrupted by two writers; a killed writer leaves a WAL that DuckDB
replays on the next open.
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
from eventwire.store.handoff import HANDOFF_WAIT, SharedConnection, command_of, lock_holder
from eventwire.store.sqlstore import SqlStore, Statement

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
_RETRY_EVERY = 0.02


def _is_lock_error(error: Exception) -> bool:
    # DuckDB: 'Could not set lock on file "...": Conflicting lock is held in ... (PID n)'
    return "could not set lock" in str(error).lower()


def locked_message(path: Path, error: Exception) -> tuple[str, str]:
    """What holds the file and what to do about it: (message, hint)."""
    pid = lock_holder(error)
    command = command_of(pid) if pid is not None else ""
    who = f"process {pid}" + (f" ({command})" if command else "") if pid else "another process"
    if command.startswith("eventwire serve"):
        hint = (
            "that server opened the store for writing (it was started with --token): restart it"
            " without --token to serve read-only beside other commands, or stop it"
        )
    elif command.startswith("eventwire"):
        hint = "wait for it to finish, or use another --db"
    else:
        hint = (
            "close that program's connection (DuckDB allows one writer per file),"
            " or use another --db"
        )
    return f"{path} is locked by {who}, which did not hand it over", hint


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
                message, hint = locked_message(path, error)
                raise StoreLocked(message, hint=hint) from error
            time.sleep(_RETRY_EVERY)
        except duckdb.Error as error:
            raise StoreError(f"cannot open DuckDB store {path}: {error}") from error


class DuckDBStore(SqlStore):
    """Events, articles, rejects and ingest progress in one DuckDB file."""

    page_size = 10_000

    def __init__(
        self, path: str | Path, *, read_only: bool = False, lock_timeout: float | None = None
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}: run `eventwire ingest` first")
        wait = HANDOFF_WAIT if lock_timeout is None else lock_timeout
        self._shared = SharedConnection(
            self.path,
            read_only=read_only,
            open_=lambda: connect(self.path, read_only=read_only, lock_timeout=wait),
        )
        self._tx = threading.local()  # the connection of this thread's open transaction
        try:
            if not read_only:
                with self._shared.use() as conn:
                    self._prepare(conn)
            self._check_schema(str(self.path), writable=not read_only)
        except BaseException:
            self._shared.close()
            raise

    def _prepare(self, conn: duckdb.DuckDBPyConnection) -> None:
        """Create the tables of a new file; bring an older eventwire file up to this schema."""
        with self._in_transaction(conn):
            self._migrate()
            for statement in schema.create_statements(SQL_TYPES):
                conn.execute(statement)

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        statements: Sequence[Statement] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        try:
            return super().write_batch(
                coded, rejects, progress, statements=statements, clear_rejects=clear_rejects
            )
        except duckdb.Error as error:  # disk full, file removed, read-only store ...
            raise StoreError(
                f"writing to {self.path} failed: {error}",
                hint="nothing of this batch was stored; run the same ingest again to resume",
            ) from error

    def _add_cluster_ids(self, pages: Iterator[list[tuple[str, str]]]) -> None:
        # The events table is rewritten rather than updated: DuckDB then also lays the rows
        # out in (order_key, id) order, so zone maps prune the newest-first pages.
        conn = self._tx.conn
        conn.execute("CREATE TEMP TABLE _eventwire_cluster_ids (id VARCHAR, cluster_id VARCHAR)")
        for page in pages:
            table = pa.table(
                {"id": [p[0] for p in page], "cluster_id": [p[1] for p in page]},
            )
            conn.register("_eventwire_page", table)
            conn.execute("INSERT INTO _eventwire_cluster_ids SELECT * FROM _eventwire_page")
            conn.unregister("_eventwire_page")
        columns = ", ".join(f"{n} {SQL_TYPES[k]}" for n, k in schema.STORED_EVENT_COLUMNS)
        names = ", ".join(f"e.{n}" for n in schema.EVENT_NAMES)
        conn.execute(f"CREATE TABLE events_v2 ({columns}, PRIMARY KEY (id))")
        conn.execute(
            f"INSERT INTO events_v2 SELECT {names}, c.cluster_id FROM events e"
            " LEFT JOIN _eventwire_cluster_ids c ON c.id = e.id ORDER BY e.order_key, e.id"
        )
        conn.execute("DROP TABLE events")
        conn.execute("ALTER TABLE events_v2 RENAME TO events")
        conn.execute("DROP TABLE _eventwire_cluster_ids")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        conn = getattr(self._tx, "conn", None)
        if conn is not None:
            return conn.execute(sql, list(params)).fetchall()
        with self._shared.use() as conn:
            return conn.execute(sql, list(params)).fetchall()

    def thread_rows(self) -> Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]:
        """A read runner safe to call from many threads at once: each thread reads through a
        cursor of its own (DuckDB runs them in parallel and sees committed writes); a cursor of
        a connection handed over to another process is replaced after the reopen."""
        local = threading.local()

        def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            with self._shared.use() as conn:
                if getattr(local, "generation", None) != self._shared.generation:
                    local.cursor = conn.cursor()
                    local.generation = self._shared.generation
                return local.cursor.execute(sql, list(params)).fetchall()

        # rows can be fetched back by DuckDB's rowid (the API's pages use it; see queries.py)
        run.row_locator = "rowid"  # type: ignore[attr-defined]
        return run

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._rows(sql, params)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._shared.use() as conn, self._in_transaction(conn):
            yield

    @contextmanager
    def _in_transaction(self, conn: duckdb.DuckDBPyConnection) -> Iterator[None]:
        conn.execute("BEGIN TRANSACTION")
        self._tx.conn = conn
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._tx.conn = None
        conn.execute("COMMIT")

    def _insert_ignore(
        self, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]
    ) -> None:
        # One Arrow table per batch: far faster than a row-by-row executemany in DuckDB.
        conn = self._tx.conn  # always inside write_batch's transaction
        arrays = {
            name: pa.array([row[i] for row in rows], type=ARROW_TYPES[kind])
            for i, (name, kind) in enumerate(columns)
        }
        batch = pa.table(arrays)
        names = ", ".join(arrays)
        conn.register("_eventwire_batch", batch)
        try:
            conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM _eventwire_batch"
                " ON CONFLICT DO NOTHING"
            )
        finally:
            conn.unregister("_eventwire_batch")

    def close(self) -> None:
        self._shared.close()
