"""The shared-server store: PostgreSQL through psycopg 3, same schema and queries as DuckDB.

Several processes may write at once (PostgreSQL locks rows, not the database); a batch is one
transaction, and articles already present are skipped inside it (ON CONFLICT DO NOTHING), so two
ingests of the same input never store an article twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from eventwire.store import schema
from eventwire.store.base import StoreError
from eventwire.store.sqlstore import SqlStore

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
        self._staging: set[str] = set()
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to PostgreSQL at {_safe(url)}: {error}") from error
        # two processes creating the schema at once: serialise on an advisory lock
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('eventwire.schema'))")
            for statement in schema.create_statements(SQL_TYPES):
                self._conn.execute(statement)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._conn.execute(_pg(sql), list(params)).fetchall()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        self._conn.execute(_pg(sql), list(params))

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
        if staging not in self._staging:
            self._conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {staging} (LIKE {table}) ON COMMIT DELETE ROWS"
            )
            self._staging.add(staging)
        with self._conn.cursor() as cursor:
            with cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging}"
                " ON CONFLICT DO NOTHING"
            )
            cursor.execute(f"DELETE FROM {staging}")

    def close(self) -> None:
        self._conn.close()


def _safe(url: str) -> str:
    """The URL without its password, for error messages."""
    scheme, sep, rest = url.partition("://")
    if "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}{sep}{user}@{host}"
