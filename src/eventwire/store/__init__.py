"""Store backends behind one small interface (base.Store).

`open_store(url)`: a `postgresql://` (or `postgres://`) URL opens PostgreSQL, anything else is the
path of a DuckDB file (default ./eventwire.duckdb). Both share one schema (schema.py) and one set
of parameterised queries (query.py, sqlstore.py); Parquet datasets are written by parquet.py.

Decisions worth knowing:
- A batch is one transaction (articles, events, rejects, input progress); an article already
  stored is skipped, so writing a batch twice stores it once.
- DuckDB has one writer per file: a second process gets StoreLocked at once ("another eventwire
  process is writing X; wait or use another --db"), or after `lock_timeout` seconds of retrying.
- Events sort by (date, id), undated last; `EventQuery.after` is the last event id of a page.
- `bbox` matches places finer than a country: a country centroid is not a location.
- PostgreSQL cannot store NUL characters: they are written as U+FFFD (same offsets).
- A database of another schema version, or not made by eventwire, is refused (StoreError).
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
