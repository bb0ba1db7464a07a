"""Store fixtures: a fresh DuckDB file per test, and one real PostgreSQL server per session."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

# pytest runs with --import-mode=importlib: make the shared helpers importable
sys.path.insert(0, str(Path(__file__).parent))

from pg_server import postgres_url  # noqa: E402, F401 - a session fixture

from eventwire.store.duckdb import DuckDBStore  # noqa: E402
from eventwire.store.postgres import PostgresStore  # noqa: E402
from eventwire.store.sqlstore import SqlStore  # noqa: E402


def _drop_tables(url: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS articles, events, rejects, inputs, eventwire_meta")


@pytest.fixture
def duck(tmp_path: Path) -> Iterator[DuckDBStore]:
    store = DuckDBStore(tmp_path / "events.duckdb")
    yield store
    store.close()


@pytest.fixture(params=["duckdb", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    """The same contract tests run on each backend, each test on an empty store."""
    opened: SqlStore
    if request.param == "duckdb":
        opened = DuckDBStore(tmp_path / "param.duckdb")
    else:
        url = request.getfixturevalue("postgres_url")
        _drop_tables(url)
        opened = PostgresStore(url)
    yield opened
    opened.close()
