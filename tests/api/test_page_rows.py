"""A page's whole rows are fetched by DuckDB's rowid, and by id when the rowids no longer
point at the picked events (a writer rewrote the table between the two steps)."""

from __future__ import annotations

from eventwire.api.queries import _whole_rows, events_page
from eventwire.store.base import EventQuery
from eventwire.store.duckdb import DuckDBStore


def test_rows_come_back_by_rowid_in_the_page_order(store: DuckDBStore) -> None:
    rows = store.thread_rows()
    picked = rows("SELECT id, order_key, rowid FROM events ORDER BY id DESC", [])
    assert [r[0] for r in _whole_rows(rows, picked, "rowid")] == [p[0] for p in picked]


def test_stale_rowids_fall_back_to_the_ids(store: DuckDBStore) -> None:
    rows = store.thread_rows()
    picked = rows("SELECT id, order_key, rowid FROM events ORDER BY id", [])
    shifted = [(i, k, (r + 1) % len(picked)) for i, k, r in picked]  # every rowid off by one
    assert [r[0] for r in _whole_rows(rows, shifted, "rowid")] == [p[0] for p in picked]


def test_a_page_is_the_same_with_and_without_the_locator(store: DuckDBStore) -> None:
    rows = store.thread_rows()

    def plain(sql, params=()):  # noqa: ANN001, ANN202 - the same runner, no row locator
        return rows(sql, params)

    for sort in ("-date", "date", "-goldstein", "confidence"):
        page = events_page(rows, EventQuery(), sort, 4, None)
        assert page == events_page(plain, EventQuery(), sort, 4, None)
        assert len(page.events) == 4 and page.last_id == page.events[-1].id
