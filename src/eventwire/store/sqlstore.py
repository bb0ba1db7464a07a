"""The SQL both backends share: batch writes, paged event reads, rejects, summary, progress.

A backend subclasses SqlStore and supplies four things: how to run a statement, how to open a
transaction, how to insert many rows while skipping conflicts, and its SQL column types.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any

from eventwire.clusters import cluster_id, cluster_key
from eventwire.records import Article, Event, Reject
from eventwire.store import schema
from eventwire.store.base import (
    CodedArticle,
    EventQuery,
    InputProgress,
    StoreError,
    Summary,
    UnknownCursor,
)
from eventwire.store.query import after_condition, event_filters

PAGE = 1000  # rows fetched per round trip when iterating; no cap on the total
Statement = tuple[str, Sequence[Any]]  # SQL with `?` placeholders and its parameters


class SqlStore:
    """Store logic over a DB-API-like backend; subclasses provide the primitives below."""

    # Rows per page when iterating: each page is a keyset query, so a backend that sorts
    # without an index (DuckDB: a top-N scan per page) wants fewer, larger pages.
    page_size = PAGE

    # -- primitives a backend provides ---------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _insert_ignore(
        self, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]
    ) -> None:
        """INSERT rows, skipping any whose key already exists (inside the open transaction)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # -- the Store interface -------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read query written with `?` placeholders, every value a parameter (the API's
        extra reads use this on either backend)."""
        return self._rows(sql, params)

    def has_article(self, article_id: str) -> bool:
        return bool(self._rows("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """Run one write statement (`?` placeholders) on its own: a caller's own tables, such as
        the state `eventwire follow` keeps beside the articles (eventwire.follow.state)."""
        self._exec(sql, params)

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        statements: Sequence[Statement] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        """`statements`: more (sql, params) writes committed in the same transaction (follow's
        seen URLs and feed states), so a crash keeps both or neither."""
        with self._transaction():
            for name in clear_rejects:
                self._exec("DELETE FROM rejects WHERE source_file = ?", [name])
            present = self.stored_ids([c.article.id for c in coded])
            fresh: list[CodedArticle] = []
            for item in coded:
                if item.article.id not in present:
                    present.add(item.article.id)  # the same article twice in one batch
                    fresh.append(item)
            articles = [schema.article_row(c.article, c.duplicate_of) for c in fresh]
            events = [
                (*schema.event_row(e), cluster_id(cluster_key(e)))
                for c in fresh
                if c.duplicate_of is None
                for e in c.events
            ]
            if articles:
                cols = [(n, t) for n, t in schema.ARTICLE_COLUMNS if n in schema.ARTICLE_WRITE]
                self._insert_ignore("articles", cols, articles)
            if events:
                self._insert_ignore("events", schema.STORED_EVENT_COLUMNS, events)
            if rejects:
                cols = [(n, t) for n, t in schema.REJECT_COLUMNS if n in schema.REJECT_WRITE]
                self._insert_ignore("rejects", cols, [schema.reject_row(r) for r in rejects])
            for step in progress:
                self._save_progress(step)
            for sql, params in statements:
                self._exec(sql, params)
            if articles or rejects:
                self._bump_version()
        return len(fresh)

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        conds, params = event_filters(query)
        cursor = self._cursor_of(query.after) if query.after is not None else None
        remaining = query.limit
        columns = ", ".join(schema.EVENT_NAMES)
        while remaining is None or remaining > 0:
            page = self.page_size if remaining is None else min(self.page_size, remaining)
            where, args = list(conds), list(params)
            if cursor is not None:
                cond, cursor_args = after_condition(*cursor)
                where.append(cond)
                args += cursor_args
            sql = f"SELECT {columns} FROM events"
            if where:
                sql += " WHERE " + " AND ".join(where)
            sql += " ORDER BY order_key, id LIMIT ?"
            rows = self._rows(sql, [*args, page])
            for row in rows:
                yield schema.event_from_row(row)
            if len(rows) < page:
                return
            last = rows[-1]
            cursor = (last[schema.EVENT_NAMES.index("order_key")], last[0])
            if remaining is not None:
                remaining -= len(rows)

    def count_events(self, query: EventQuery = EventQuery()) -> int:
        conds, params = event_filters(query)
        sql = "SELECT count(*) FROM events" + (" WHERE " + " AND ".join(conds) if conds else "")
        return int(self._rows(sql, params)[0][0])

    def rejects(self) -> list[Reject]:
        return list(self.iter_rejects())

    def iter_rejects(self) -> Iterator[Reject]:
        # Keyset pages on the order's columns; (source_file, position, reason) is unique.
        order = "seen_at, source_file, position, reason"
        after: list[Any] = []
        while True:
            sql = f"SELECT source_file, position, reason, message, excerpt, {order} FROM rejects"
            if after:
                sql += f" WHERE ({order}) > (?, ?, ?, ?)"
            rows = self._rows(f"{sql} ORDER BY {order} LIMIT ?", [*after, self.page_size])
            yield from (Reject(*row[:5]) for row in rows)
            if len(rows) < self.page_size:
                return
            after = list(rows[-1][5:])

    def count_rejects(self) -> int:
        return int(self._rows("SELECT count(*) FROM rejects")[0][0])

    def article(self, article_id: str) -> Article | None:
        rows = self._rows(
            "SELECT id, source, url, published, title, text, language FROM articles WHERE id = ?",
            [article_id],
        )
        return schema.article_from_row(rows[0]) if rows else None

    def duplicate_of(self, article_id: str) -> str | None:
        rows = self._rows("SELECT duplicate_of FROM articles WHERE id = ?", [article_id])
        return rows[0][0] if rows else None

    def article_urls(self) -> dict[str, str]:
        rows = self._rows("SELECT id, url FROM articles WHERE url IS NOT NULL")
        return {ident: url for ident, url in rows}

    def urls_of(self, ids: Iterable[str]) -> dict[str, str]:
        """article id -> url of the given articles that have one (a query per 1,000 ids)."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, str] = {}
        for start in range(0, len(wanted), PAGE):
            chunk = wanted[start : start + PAGE]
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT id, url FROM articles WHERE url IS NOT NULL AND id IN ({marks})"
            found.update(self._rows(sql, chunk))
        return found

    def known_texts(self, limit: int | None = None) -> Iterator[tuple[str, str]]:
        originals = "SELECT id, text, ingested_at FROM articles WHERE duplicate_of IS NULL"
        after: list[Any] = []  # keyset: (ingested_at, id) of the last row read
        compare = ">"
        if limit is not None:  # start at the limit-th most recent
            if limit < 1:
                return
            cut = self._rows(
                "SELECT ingested_at, id FROM articles WHERE duplicate_of IS NULL"
                " ORDER BY ingested_at DESC, id DESC LIMIT 1 OFFSET ?",
                [limit - 1],
            )
            if cut:
                after, compare = list(cut[0]), ">="
        while True:
            sql = originals + (f" AND (ingested_at, id) {compare} (?, ?)" if after else "")
            rows = self._rows(f"{sql} ORDER BY ingested_at, id LIMIT ?", [*after, PAGE])
            yield from ((ident, text) for ident, text, _ in rows)
            if len(rows) < PAGE:
                return
            after, compare = [rows[-1][2], rows[-1][0]], ">"

    def input_progress(self, path: str) -> InputProgress | None:
        rows = self._rows(
            "SELECT path, size, mtime, records_done, finished FROM inputs WHERE path = ?", [path]
        )
        return InputProgress(*rows[0]) if rows else None

    def summary(self) -> Summary:
        def count(sql: str) -> int:
            return int(self._rows(sql)[0][0])

        dated = self._rows(
            "SELECT min(order_key), max(order_key) FROM events WHERE order_key < ?",
            [schema.UNDATED],
        )[0]
        pairs = self._rows(
            "SELECT source_country, target_country, count(*) AS n FROM events"
            " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
            " GROUP BY source_country, target_country ORDER BY n DESC,"
            " source_country, target_country LIMIT 20"
        )
        return Summary(
            articles=count("SELECT count(*) FROM articles"),
            duplicates=count("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            events=count("SELECT count(*) FROM events"),
            rejects=count("SELECT count(*) FROM rejects"),
            date_min=dated[0],
            date_max=dated[1],
            by_root=self._grouped("cameo_root"),
            by_plover=self._grouped("plover_type"),
            by_country_pair={(s, t): int(n) for s, t, n in pairs},
        )

    def data_version(self) -> str:
        """A value that changes whenever a write commits new articles or rejects: readers cache
        aggregates per version (cheap: one row by key)."""
        found = self._rows("SELECT value FROM eventwire_meta WHERE key = ?", ["data_version"])
        return found[0][0] if found else ""

    # -- helpers -------------------------------------------------------------------------
    def _bump_version(self) -> None:
        self._exec(
            "INSERT INTO eventwire_meta (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ["data_version", uuid.uuid4().hex],
        )

    def _migrate(self) -> None:
        """Bring a store of an older schema up to this one, inside the caller's transaction.
        A newer or unknown version is left alone for _check_schema to refuse."""
        if schema.stored_version(self._rows) != "1":
            return
        self._add_cluster_ids(self._cluster_id_pages())
        self._exec(
            "UPDATE eventwire_meta SET value = ? WHERE key = ?",
            [schema.SCHEMA_VERSION, "schema_version"],
        )

    def _cluster_id_pages(self) -> Iterator[list[tuple[str, str]]]:
        """(event id, cluster id) of every stored event, a page at a time (bounded memory)."""
        columns = ", ".join(schema.EVENT_NAMES)
        last = ""
        while True:
            rows = self._rows(
                f"SELECT {columns} FROM events WHERE id > ? ORDER BY id LIMIT ?", [last, 10_000]
            )
            if not rows:
                return
            events = [schema.event_from_row(row) for row in rows]
            yield [(e.id, cluster_id(cluster_key(e))) for e in events]
            last = rows[-1][0]

    def _add_cluster_ids(self, pages: Iterator[list[tuple[str, str]]]) -> None:
        """Add and fill events.cluster_id (schema 1 -> 2); the backend knows the fast way."""
        raise NotImplementedError

    def _check_schema(self, where: str, *, writable: bool) -> None:
        """Refuse a database that is not an eventwire store of this schema version."""
        if writable:
            self._exec(
                "INSERT INTO eventwire_meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                ["schema_version", schema.SCHEMA_VERSION],
            )
        known = self._rows(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
            ["eventwire_meta"],
        )[0][0]
        found = (
            self._rows("SELECT value FROM eventwire_meta WHERE key = ?", ["schema_version"])
            if known
            else []
        )
        if not found:
            raise StoreError(f"{where} is not an eventwire store", hint="use another --db")
        if found[0][0] != schema.SCHEMA_VERSION:
            older = found[0][0].isdigit() and int(found[0][0]) < int(schema.SCHEMA_VERSION)
            hint = (
                f"upgrade it in place once with `eventwire migrate --db {where}`"
                if older
                else "export it with the eventwire that made it, or use a new --db"
            )
            raise StoreError(
                f"{where} holds eventwire schema {found[0][0]}, this eventwire needs "
                f"{schema.SCHEMA_VERSION}",
                hint=hint,
            )

    def _grouped(self, column: str) -> dict[str, int]:
        # `column` is one of our own column names, never user input
        rows = self._rows(
            f"SELECT {column}, count(*) FROM events GROUP BY {column} ORDER BY {column}"
        )
        return {key: int(n) for key, n in rows}

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids among `ids` already stored (one query)."""
        if not ids:
            return set()
        marks = ", ".join("?" for _ in ids)
        sql = f"SELECT id FROM articles WHERE id IN ({marks})"
        return {r[0] for r in self._rows(sql, list(ids))}

    def _cursor_of(self, event_id: str) -> tuple[str, str]:
        rows = self._rows("SELECT order_key, id FROM events WHERE id = ?", [event_id])
        if not rows:
            raise UnknownCursor(f"no event with id {event_id!r}: the `after` cursor is unknown")
        return rows[0][0], rows[0][1]

    def _save_progress(self, step: InputProgress) -> None:
        self._exec(
            "INSERT INTO inputs (path, size, mtime, records_done, finished) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime = excluded.mtime,"
            " records_done = excluded.records_done, finished = excluded.finished,"
            " updated_at = now()",
            [step.path, step.size, step.mtime, step.records_done, step.finished],
        )

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
