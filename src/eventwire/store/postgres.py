"""The shared-server store: PostgreSQL through psycopg 3, same schema and queries as DuckDB.

Several processes may write at once (PostgreSQL locks rows, not the database); a batch is one
transaction, and articles already present are skipped inside it (ON CONFLICT DO NOTHING), so two
ingests of the same input never store an article twice.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from eventwire.records import Reject
from eventwire.store import schema
from eventwire.store.base import CodedArticle, InputProgress, StoreError
from eventwire.store.sqlstore import SqlStore

DEADLOCK_RETRIES = 5
SQL_TYPES = {
    schema.TEXT: "text",
    schema.INT: "integer",
    schema.BIGINT: "bigint",
    schema.FLOAT: "double precision",
    schema.DATE: "date",
    schema.BOOL: "boolean",
    schema.STAMP: "timestamptz",
}


def _pg(sql: str) -> str:
    """The shared SQL's `?` placeholders as psycopg's `%s`; a literal `%` is escaped as `%%`.
    (A literal `?` inside a string constant is not supported: pass such values as parameters.)"""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SqlStore):
    """Events, articles, rejects and ingest progress in a PostgreSQL database."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to PostgreSQL at {_safe(url)}: {error}") from error
        try:
            self._create_schema()
        except BaseException:
            self._conn.close()
            raise

    def _create_schema(self) -> None:
        # two processes creating the schema at once: serialise on an advisory lock
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('eventwire.schema'))")
            for statement in schema.create_statements(SQL_TYPES):
                self._conn.execute(statement)
            self._check_schema(_safe(self.url), writable=True)
        # staging tables for COPY, made once per session outside any batch transaction
        for table in ("articles", "events", "rejects"):
            self._conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS _eventwire_{table} (LIKE {table})"
                " ON COMMIT DELETE ROWS"
            )

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
    ) -> int:
        # Two ingests of overlapping inputs can deadlock on the same keys; PostgreSQL aborts
        # one transaction, which is then simply run again (it is idempotent).
        for attempt in range(DEADLOCK_RETRIES):
            try:
                return super().write_batch(coded, rejects, progress)
            except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure):
                if attempt == DEADLOCK_RETRIES - 1:
                    raise
                time.sleep(0.05 * (attempt + 1))
            except psycopg.Error as error:
                raise StoreError(
                    f"writing to PostgreSQL at {_safe(self.url)} failed: {error}",
                    hint="nothing of this batch was stored; run the same ingest again to resume",
                ) from error
        raise AssertionError("unreachable")

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(_pg(sql), [_no_nul(p) for p in params]).fetchall()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(_pg(sql), [_no_nul(p) for p in params])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._conn.transaction():
            yield

    def _insert_ignore(
        self, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]
    ) -> None:
        # COPY into a per-session staging table, then one INSERT .. ON CONFLICT: several times
        # faster than row-by-row inserts. Table and column names are ours, never user input.
        names = ", ".join(name for name, _ in columns)
        staging = f"_eventwire_{table}"
        with self._conn.cursor() as cursor:
            with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(tuple(map(_no_nul, row)))
            # a fixed key order keeps concurrent writers from locking rows crosswise
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging}"
                f" ORDER BY {columns[0][0]}, {columns[1][0]} ON CONFLICT DO NOTHING"
            )
            cursor.execute(f"DELETE FROM {staging}")

    def close(self) -> None:
        self._conn.close()


def _no_nul(value: Any) -> Any:
    """PostgreSQL text cannot hold NUL: it becomes U+FFFD, one character for one, so every
    offset into the text stays right (DuckDB stores NUL as it is)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "\ufffd")
    return value


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}@{host}"
