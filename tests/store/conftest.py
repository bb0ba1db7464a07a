"""Store fixtures: a fresh DuckDB file per test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

# pytest runs with --import-mode=importlib: make the shared record builders importable
sys.path.insert(0, str(Path(__file__).parent))

import pytest

from eventwire.store.duckdb import DuckDBStore


@pytest.fixture
def duck(tmp_path: Path) -> Iterator[DuckDBStore]:
    store = DuckDBStore(tmp_path / "events.duckdb")
    yield store
    store.close()


@pytest.fixture(params=["duckdb"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[DuckDBStore]:
    opened = DuckDBStore(tmp_path / "param.duckdb")
    yield opened
    opened.close()
