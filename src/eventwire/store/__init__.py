"""Store backends behind one small interface (base.Store).

`open_store(url)`: a `postgresql://` (or `postgres://`) URL opens PostgreSQL, anything else is the
path of a DuckDB file (default ./eventwire.duckdb).
"""

from __future__ import annotations

from pathlib import Path

from eventwire.store.base import (
    CodedArticle,
    EventQuery,
    InputProgress,
    Store,
    StoreError,
    StoreLocked,
    Summary,
    UnknownCursor,
)

DEFAULT_DB = "eventwire.duckdb"

__all__ = [
    "DEFAULT_DB",
    "CodedArticle",
    "EventQuery",
    "InputProgress",
    "Store",
    "StoreError",
    "StoreLocked",
    "Summary",
    "UnknownCursor",
    "open_store",
]


def open_store(url: str | Path = DEFAULT_DB, *, read_only: bool = False) -> Store:
    """The store at `url`: PostgreSQL for postgresql:// URLs, else a DuckDB file."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(text)
    from eventwire.store.duckdb import DuckDBStore

    return DuckDBStore(text, read_only=read_only)
