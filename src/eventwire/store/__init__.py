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


def open_store(
    url: str | Path = DEFAULT_DB, *, read_only: bool = False, lock_timeout: float = 0.0
) -> Store:
    """The store at `url`: PostgreSQL for postgresql:// URLs, else a DuckDB file.

    DuckDB only: `read_only` opens an existing file without writing; `lock_timeout` is how long
    to wait for another process that holds the file before raising StoreLocked (default: fail
    at once, with a message naming the file)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(text)
    from eventwire.store.duckdb import DuckDBStore

    return DuckDBStore(text, read_only=read_only, lock_timeout=lock_timeout)
