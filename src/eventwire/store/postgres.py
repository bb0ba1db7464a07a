"""The shared-server store: PostgreSQL through psycopg 3, same schema and queries as DuckDB.

Several processes may write at once (PostgreSQL locks rows, not the database); a batch is one
transaction, and articles already present are skipped inside it (ON CONFLICT DO NOTHING), so two
ingests of the same input never store an article twice.

Reads from many threads (the HTTP API) go through `thread_rows()`: a pool of up to
`read_connections` autocommit connections, opened on first use and closed with the store, so
concurrent requests run on separate backends in parallel. Writes stay on the store's own
connection, one transaction per batch; a pooled read sees what was committed before it began.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from eventwire.records import Reject
from eventwire.store import schema
from eventwire.store.base import CodedArticle, InputProgress, StoreError
from eventwire.store.sqlstore import SqlStore, Statement

DEADLOCK_RETRIES = 5
# Read connections per store: the API's request threads beyond this wait for a free one.
# PostgreSQL allows 100 backends by default and a query rarely gains from more parallel
# backends than the server has cores, so a handful per serving process is enough.
READ_CONNECTIONS = 8
POOL_WAIT = 30.0  # seconds a read waits for a free connection before it fails
# The API's other sorts (-goldstein, -confidence) read an index backwards and stop after a page,
# as the date sort does on events_order. (DuckDB does not sort with indexes: it prunes by the
# zone maps of rows laid out in date order, so it gets none of these.)
SORT_INDEXES = [
    "CREATE INDEX IF NOT EXISTS events_goldstein ON events (goldstein, id)",
    # the dashboard's quad class menu with a Goldstein sort: the sort alone would walk every
    # cooperative event (the highest scores) before the first conflict
    "CREATE INDEX IF NOT EXISTS events_quad_goldstein ON events (quad_class, goldstein, id)",
    "CREATE INDEX IF NOT EXISTS events_confidence ON events (confidence, id)",
]
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

    def __init__(
        self, url: str, *, read_connections: int = READ_CONNECTIONS, read_only: bool = False
    ) -> None:
        if read_connections < 1:
            raise ValueError(f"read_connections must be at least 1, not {read_connections}")
        self.url = url
        self.read_connections = read_connections
        self.read_only = read_only
        self._pool: ConnectionPool | None = None
        self._pool_lock = threading.Lock()
        # read-only: every session refuses writes (PostgreSQL itself enforces it), and nothing
        # is created or migrated; readers and writers never block each other (MVCC)
        self._session = {"options": "-c default_transaction_read_only=on"} if read_only else {}
        try:
            self._conn = psycopg.connect(url, autocommit=True, **self._session)
        except psycopg.OperationalError as error:
            raise StoreError(f"cannot connect to PostgreSQL at {_safe(url)}: {error}") from error
        try:
            if read_only:
                self._check_schema(_safe(url), writable=False)
            else:
                self._create_schema()
        except BaseException:
            self._conn.close()
            raise

    def _create_schema(self) -> None:
        # two processes creating the schema at once: serialise on an advisory lock
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(hashtext('eventwire.schema'))")
            self._migrate()
            for statement in [
                *schema.create_statements(SQL_TYPES),
                *schema.LOOKUP_INDEXES,
                *SORT_INDEXES,
            ]:
                self._conn.execute(statement)
            self._check_schema(_safe(self.url), writable=True)
        # staging tables for COPY, made once per session outside any batch transaction
        for table in ("articles", "events", "rejects"):
            self._conn.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS _eventwire_{table} (LIKE {table})"
                " ON COMMIT DELETE ROWS"
            )

    def _add_cluster_ids(self, pages: Iterator[list[tuple[str, str]]]) -> None:
        self._conn.execute("ALTER TABLE events ADD COLUMN cluster_id text")
        self._conn.execute(
            "CREATE TEMP TABLE _eventwire_cluster_ids (id text PRIMARY KEY, cluster_id text)"
            " ON COMMIT DROP"
        )
        with self._conn.cursor() as cursor:
            for page in pages:
                with cursor.copy("COPY _eventwire_cluster_ids (id, cluster_id) FROM STDIN") as copy:
                    for row in page:
                        copy.write_row(row)
        self._conn.execute(
            "UPDATE events SET cluster_id = c.cluster_id FROM _eventwire_cluster_ids c"
            " WHERE events.id = c.id"
        )

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        statements: Sequence[Statement] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        if self.read_only:
            raise StoreError(
                f"the store at {_safe(self.url)} was opened read-only: nothing was written",
                hint="open it for writing (`eventwire serve` with --token, or `eventwire ingest`)",
            )
        # Two ingests of overlapping inputs can deadlock on the same keys; PostgreSQL aborts
        # one transaction, which is then simply run again (it is idempotent).
        for attempt in range(DEADLOCK_RETRIES):
            try:
                return super().write_batch(
                    coded, rejects, progress, statements=statements, clear_rejects=clear_rejects
                )
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

    def thread_rows(self) -> Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]:
        """A read runner safe to call from many threads at once: each call borrows a connection
        of the store's read pool, so concurrent reads run on separate backends in parallel."""
        pool = self._read_pool()

        def run(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
            try:
                return _pooled_read(pool, _pg(sql), [_no_nul(p) for p in params])
            except PoolTimeout as error:
                raise StoreError(
                    f"all {self.read_connections} read connections to {_safe(self.url)}"
                    f" stayed busy for {POOL_WAIT:.0f} s",
                    hint="retry, or serve with more read connections",
                ) from error

        return run

    def _read_pool(self) -> ConnectionPool:
        """The pool of read connections, opened on the first call (one per store)."""
        with self._pool_lock:
            if self._pool is None:
                pool = ConnectionPool(
                    self.url,
                    min_size=1,
                    max_size=self.read_connections,
                    kwargs={"autocommit": True, **self._session},
                    timeout=POOL_WAIT,
                    name="eventwire-reads",
                    open=False,
                )
                try:
                    pool.open(wait=True, timeout=POOL_WAIT)
                except PoolTimeout as error:
                    pool.close()
                    raise StoreError(
                        f"cannot open read connections to PostgreSQL at {_safe(self.url)}"
                    ) from error
                self._pool = pool
            return self._pool

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
        with self._pool_lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()
        self._conn.close()


def _pooled_read(pool: ConnectionPool, sql: str, args: list[Any]) -> list[tuple[Any, ...]]:
    """Run a read on a pooled connection. A connection the server dropped (restart, idle
    timeout, terminated backend) fails its first query: the pool discards it and the read runs
    once more on another (cheaper than checking every connection before use, a round trip)."""
    for attempt in range(2):
        with pool.connection() as conn:
            try:
                return conn.execute(sql, args).fetchall()
            except psycopg.OperationalError:
                if attempt or not conn.broken:
                    raise
    raise AssertionError("unreachable")


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
