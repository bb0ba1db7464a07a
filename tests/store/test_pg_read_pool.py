"""PostgresStore.thread_rows: concurrent reads on a pool of real backends, bounded by
`read_connections`, seeing committed writes, and closed (no backend left) with the store.

Overlap is observed, not timed: a test connection holds an exclusive lock on `articles`, the
reads queue behind it on the server, and pg_stat_activity counts the backends waiting there.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date

import psycopg
import pytest
from pg_server import fresh_database, wait_until

from eventwire.records import Article
from eventwire.store.base import CodedArticle
from eventwire.store.postgres import PostgresStore


def backends(url: str, *, waiting: bool = False) -> int:
    """Client backends connected to the database of `url` (from a connection to `postgres`)."""
    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND backend_type = %s"
    if waiting:
        sql += " AND wait_event_type = 'Lock'"
    with psycopg.connect(admin, autocommit=True) as conn:
        return int(conn.execute(sql, [name, "client backend"]).fetchone()[0])


@contextmanager
def locked(url: str, table: str) -> Iterator[None]:
    """Hold an ACCESS EXCLUSIVE lock on `table` from a connection of our own until exit."""
    with psycopg.connect(url) as conn:
        conn.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            conn.rollback()


def _article(n: int) -> CodedArticle:
    return CodedArticle(Article(f"pool-{n}", "Wire", None, date(2021, 5, 1), "", f"text {n}"), [])


@pytest.fixture
def pool_url(postgres_url: str) -> str:
    return fresh_database(postgres_url, "eventwire_pool")


@pytest.fixture
def filled(pool_url: str) -> Iterator[PostgresStore]:
    store = PostgresStore(pool_url, read_connections=3)
    store.write_batch([_article(n) for n in range(5)], [])
    yield store
    store.close()


def test_concurrent_reads_run_on_separate_backends(filled: PostgresStore) -> None:
    run = filled.thread_rows()
    with ThreadPoolExecutor(3) as workers, locked(filled.url, "articles"):
        futures = [workers.submit(run, "SELECT count(*) FROM articles", []) for _ in range(3)]
        # all three reads are inside the server at once, queued behind the lock
        wait_until(lambda: backends(filled.url, waiting=True) == 3, "3 reads waiting at once")
    assert [f.result()[0][0] for f in futures] == [5, 5, 5]


def test_pool_never_opens_more_than_read_connections(filled: PostgresStore) -> None:
    run = filled.thread_rows()
    futures: list[Future] = []
    with ThreadPoolExecutor(6) as workers, locked(filled.url, "articles"):
        futures = [workers.submit(run, "SELECT count(*) FROM articles", []) for _ in range(6)]
        wait_until(lambda: backends(filled.url, waiting=True) == 3, "3 reads waiting")
        # the store's own connection + 3 pooled ones + the lock holder; 3 reads wait in Python
        assert backends(filled.url) == 1 + 3 + 1
        assert sum(f.done() for f in futures) == 0
    assert [f.result()[0][0] for f in futures] == [5] * 6


def test_pooled_reads_see_committed_writes_and_keep_parameters(filled: PostgresStore) -> None:
    run = filled.thread_rows()
    assert run("SELECT count(*) FROM articles WHERE id LIKE ?", ["pool-%"]) == [(5,)]
    filled.write_batch([_article(9)], [])
    assert run("SELECT id FROM articles WHERE id = ?", ["pool-9"]) == [("pool-9",)]
    # a NUL in a parameter is read the way it is written (as U+FFFD), never an error
    assert run("SELECT count(*) FROM articles WHERE id = ?", ["pool\x00"]) == [(0,)]


def test_pooled_reads_see_no_uncommitted_write_and_are_not_blocked_by_it(
    filled: PostgresStore,
) -> None:
    run = filled.thread_rows()
    with filled._transaction():  # the transaction write_batch runs in, held open here
        filled._exec("INSERT INTO articles (id, text) VALUES (?, ?)", ["pool-open", "x"])
        assert run("SELECT count(*) FROM articles", []) == [(5,)]
    assert run("SELECT count(*) FROM articles", []) == [(6,)]


def test_a_read_survives_pooled_backends_the_server_dropped(filled: PostgresStore) -> None:
    run = filled.thread_rows()
    assert run("SELECT count(*) FROM articles", []) == [(5,)]
    own = filled.rows("SELECT pg_backend_pid()")[0][0]  # the store's (writing) connection
    name = filled.url.rsplit("/", 1)[1]
    with psycopg.connect(filled.url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        killed = admin.execute(
            "SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity"
            " WHERE datname = %s AND pid <> %s AND backend_type = 'client backend'",
            [name, own],
        ).fetchone()[0]
    assert killed >= 1
    assert run("SELECT count(*) FROM articles", []) == [(5,)]
    # an error that is not a lost connection is not retried
    with pytest.raises(psycopg.errors.UndefinedTable):
        run("SELECT count(*) FROM no_such_table", [])


def test_closing_the_store_closes_every_pooled_backend(pool_url: str) -> None:
    store = PostgresStore(pool_url, read_connections=4)
    run = store.thread_rows()
    with ThreadPoolExecutor(4) as workers, locked(pool_url, "articles"):
        futures = [workers.submit(run, "SELECT count(*) FROM articles", []) for _ in range(4)]
        wait_until(lambda: backends(pool_url, waiting=True) == 4, "4 pooled reads")
    assert all(f.result() == [(0,)] for f in futures)
    # the store's connection and 4 pooled ones (the lock holder's backend may take a moment
    # to exit after it disconnects)
    wait_until(lambda: backends(pool_url) == 1 + 4, "5 backends of the store")
    store.close()
    wait_until(lambda: backends(pool_url) == 0, "no backend left after close")


def test_a_store_without_api_reads_opens_no_pool(pool_url: str) -> None:
    store = PostgresStore(pool_url)
    try:
        store.write_batch([_article(1)], [])
        assert store.summary().articles == 1
        wait_until(lambda: backends(pool_url) == 1, "only the store's own backend")
    finally:
        store.close()
    wait_until(lambda: backends(pool_url) == 0, "no backend left after close")


def test_read_connections_must_be_positive(pool_url: str) -> None:
    with pytest.raises(ValueError, match="read_connections"):
        PostgresStore(pool_url, read_connections=0)
