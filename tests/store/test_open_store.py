"""open_store picks the backend from the URL; connection failures are clear StoreErrors."""

from __future__ import annotations

from pathlib import Path

import pg_server
import psycopg
import pytest

from eventwire.records import Reject
from eventwire.store import open_store
from eventwire.store.base import StoreError
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.postgres import PostgresStore


def test_a_path_opens_duckdb(tmp_path: Path) -> None:
    store = open_store(tmp_path / "x.duckdb")
    try:
        assert isinstance(store, DuckDBStore)
    finally:
        store.close()
    assert (tmp_path / "x.duckdb").exists()


def test_a_postgresql_url_opens_postgres(postgres_url: str) -> None:
    store = open_store(postgres_url)
    try:
        assert isinstance(store, PostgresStore)
        assert store.summary().events >= 0
    finally:
        store.close()


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    url = f"postgresql://me:s3cret@127.0.0.1:{pg_server.free_port()}/db?connect_timeout=3"
    with pytest.raises(StoreError) as info:
        open_store(url)
    assert "cannot connect to PostgreSQL" in str(info.value)
    assert "s3cret" not in str(info.value)


def test_a_lost_postgres_connection_is_a_store_error(postgres_url: str) -> None:
    store = PostgresStore(postgres_url)
    try:
        backend = store.rows("SELECT pg_backend_pid()")[0][0]
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [backend])
        with pytest.raises(StoreError) as info:
            store.write_batch([], [Reject("f", "line 1", "EMPTY_TEXT", "empty")])
        assert "run the same ingest again" in str(info.value)
    finally:
        store.close()
