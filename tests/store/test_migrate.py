"""A store of schema 1 (no cluster_id) is brought up to schema 2 when opened for writing, on
DuckDB and PostgreSQL; read-only it is refused with the command that upgrades it."""

from __future__ import annotations

import pytest
from store_samples import SYR, TUR, article, event

from eventwire.clusters import cluster_id, cluster_key
from eventwire.store import schema
from eventwire.store.base import CodedArticle, StoreError
from eventwire.store.duckdb import DuckDBStore
from eventwire.store.postgres import PostgresStore


def _events() -> list:
    return [
        event("e1", "a1"),
        event("e2", "a1", date_value="2020-01-05", cameo="190", target=SYR),
        event("e3", "a2", date_value=None, source=TUR, target=None),
    ]


def _downgrade_to_v1(store) -> None:  # noqa: ANN001 - either backend
    """What a store written by the previous eventwire looks like."""
    names = ", ".join(schema.EVENT_NAMES)
    store._exec(f"CREATE TABLE events_v1 AS SELECT {names} FROM events")
    store._exec("DROP TABLE events")
    store._exec("ALTER TABLE events_v1 RENAME TO events")
    store._exec("CREATE INDEX events_order ON events (order_key, id)")
    store._exec("UPDATE eventwire_meta SET value = ? WHERE key = ?", ["1", "schema_version"])


def _reopen(store, *, read_only: bool = False):  # noqa: ANN001, ANN202
    if isinstance(store, DuckDBStore):
        return DuckDBStore(store.path, read_only=read_only)
    return PostgresStore(store.url, read_only=read_only)


def test_a_schema_1_store_is_migrated_and_keeps_every_event(store) -> None:
    events = _events()
    store.write_batch(
        [
            CodedArticle(article("a1"), events[:2]),
            CodedArticle(article("a2"), events[2:]),
        ],
        [],
    )
    _downgrade_to_v1(store)
    before = list(store.events())
    store.close()

    with pytest.raises(StoreError, match="holds eventwire schema 1") as info:
        _reopen(store, read_only=True)
    assert "eventwire migrate" in str(info.value)

    migrated = _reopen(store)
    try:
        assert list(migrated.events()) == before
        stored = dict(migrated.rows("SELECT id, cluster_id FROM events"))
        assert stored == {e.id: cluster_id(cluster_key(e)) for e in events}
        assert migrated.rows(
            "SELECT value FROM eventwire_meta WHERE key = ?", ["schema_version"]
        ) == [(schema.SCHEMA_VERSION,)]
        # and it takes new events as any store does
        migrated.write_batch([CodedArticle(article("a3"), [event("e4", "a3")])], [])
        assert migrated.count_events() == 4
    finally:
        migrated.close()


def test_eventwire_migrate_upgrades_a_store_for_read_only_commands(duck: DuckDBStore) -> None:
    from cli_runner import eventwire

    duck.write_batch([CodedArticle(article("a1"), _events()[:2])], [])
    _downgrade_to_v1(duck)
    duck.close()
    refused = eventwire("events", "--db", str(duck.path), "--format", "jsonl")
    assert refused.returncode != 0 and "eventwire migrate" in refused.stderr
    done = eventwire("migrate", "--db", str(duck.path))
    assert done.returncode == 0, done.stderr
    assert "up to date (2 events)" in done.stderr
    listed = eventwire("events", "--db", str(duck.path), "--format", "jsonl")
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 2
