"""Store backends behind one small interface (base.Store).

`open_store(url)`: a `postgresql://` (or `postgres://`) URL opens PostgreSQL, anything else is the
path of a DuckDB file (default ./eventwire.duckdb). Both share one schema (schema.py) and one set
of parameterised queries (query.py, sqlstore.py); Parquet datasets are written by parquet.py.

Decisions worth knowing:
- A batch is one transaction (articles, events, rejects, input progress); an article already
  stored is skipped, so writing a batch twice stores it once.
- DuckDB has one writer per file, or many readers: eventwire processes hand the file over to
  each other between statements (handoff.py), so `serve`, `ingest` and CLI reads run side by
  side; a holder that does not hand over gives StoreLocked naming it after `lock_timeout` s.
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
    url: str | Path = DEFAULT_DB, *, read_only: bool = False, lock_timeout: float | None = None
) -> Store:
    """The store at `url`: PostgreSQL for postgresql:// URLs, else a DuckDB file.

    `read_only` opens an existing store without writing (PostgreSQL: read-only sessions).
    DuckDB only: `lock_timeout` is how long to wait for a process that holds the file and does
    not hand it over before raising StoreLocked (default handoff.HANDOFF_WAIT)."""
    text = str(url)
    if text.startswith(("postgresql://", "postgres://")):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(text, read_only=read_only)
    from eventwire.store.duckdb import DuckDBStore

    return DuckDBStore(text, read_only=read_only, lock_timeout=lock_timeout)
