"""What `follow` remembers between polls, kept where the events are, so a restart fetches
nothing twice: per source its validators (ETag, Last-Modified) and last poll, per item URL what
became of it (stored, duplicate, rejected, or to retry).

In a database (DuckDB or PostgreSQL) two tables of their own, `follow_sources` and `follow_urls`,
written in the same transaction as the batch of articles they account for: a kill leaves both or
neither. With `--parquet-dir DIR`, `DIR/_eventwire/follow.jsonl` (one JSON line per commit,
fsynced after the batch's ledger line: a kill between the two can make the next run fetch that
batch's pages again, which the ledger then skips, so nothing is stored twice).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from eventwire.records import Event, Reject
from eventwire.scale.ledger import PartsLedger
from eventwire.scale.parts import SIDECAR, write_parts
from eventwire.store.base import CodedArticle, Store

STORED, DUPLICATE, REJECTED, RETRY = "stored", "duplicate", "rejected", "retry"
QUERY_CHUNK = 500  # URLs per lookup query
JOURNAL = f"{SIDECAR}/follow.jsonl"


@dataclass(frozen=True, slots=True)
class SourceState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_poll: str | None = None  # ISO time (UTC) of the last poll that read the source
    status: str = ""  # what that poll found: "200: 12 items", "304", "HTTP 500 ..."


@dataclass(frozen=True, slots=True)
class SeenUrl:
    url: str
    outcome: str  # STORED, DUPLICATE, REJECTED or RETRY
    article_id: str | None = None
    attempts: int = 1  # polls that tried it (RETRY items are tried until MAX_ATTEMPTS)


class FollowState(Protocol):
    def sources(self) -> dict[str, SourceState]: ...

    def seen(self, urls: Sequence[str]) -> dict[str, SeenUrl]: ...

    def last_poll(self) -> datetime | None: ...

    def stored_ids(self, ids: Sequence[str]) -> set[str]: ...

    def known_texts(self) -> Iterator[tuple[str, str]]: ...

    def commit(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        seen: Sequence[SeenUrl],
        sources: Sequence[SourceState] = (),
    ) -> int: ...


def _latest(sources: dict[str, SourceState]) -> datetime | None:
    stamps = [s.last_poll for s in sources.values() if s.last_poll]
    return datetime.fromisoformat(max(stamps)) if stamps else None


_TABLES = [
    "CREATE TABLE IF NOT EXISTS follow_sources (url TEXT PRIMARY KEY, etag TEXT,"
    " last_modified TEXT, last_poll TEXT, status TEXT)",
    "CREATE TABLE IF NOT EXISTS follow_urls (url TEXT PRIMARY KEY, outcome TEXT,"
    " article_id TEXT, attempts INTEGER)",
]
_SAVE_SOURCE = (
    "INSERT INTO follow_sources (url, etag, last_modified, last_poll, status)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
    " last_modified = excluded.last_modified, last_poll = excluded.last_poll,"
    " status = excluded.status"
)
_SAVE_URL = (
    "INSERT INTO follow_urls (url, outcome, article_id, attempts) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (url) DO UPDATE SET outcome = excluded.outcome,"
    " article_id = excluded.article_id, attempts = excluded.attempts"
)


class StoreState:
    """The follow state in a DuckDB or PostgreSQL store, beside the articles."""

    def __init__(self, store: Store) -> None:
        self.store = store
        for statement in _TABLES:
            store.execute(statement)

    def sources(self) -> dict[str, SourceState]:
        rows = self.store.rows(
            "SELECT url, etag, last_modified, last_poll, status FROM follow_sources"
        )
        return {row[0]: SourceState(*row) for row in rows}

    def seen(self, urls: Sequence[str]) -> dict[str, SeenUrl]:
        found: dict[str, SeenUrl] = {}
        for start in range(0, len(urls), QUERY_CHUNK):
            chunk = list(urls[start : start + QUERY_CHUNK])
            marks = ", ".join("?" for _ in chunk)
            rows = self.store.rows(
                "SELECT url, outcome, article_id, attempts FROM follow_urls"
                f" WHERE url IN ({marks})",
                chunk,
            )
            found.update((row[0], SeenUrl(*row)) for row in rows)
        return found

    def last_poll(self) -> datetime | None:
        return _latest(self.sources())

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        return self.store.stored_ids(ids)

    def known_texts(self) -> Iterator[tuple[str, str]]:
        return self.store.known_texts()

    def commit(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        seen: Sequence[SeenUrl],
        sources: Sequence[SourceState] = (),
    ) -> int:
        statements: list[tuple[str, Sequence[Any]]] = [
            (_SAVE_URL, [s.url, s.outcome, s.article_id, s.attempts]) for s in seen
        ]
        statements += [
            (_SAVE_SOURCE, [s.url, s.etag, s.last_modified, s.last_poll, s.status]) for s in sources
        ]
        return self.store.write_batch(coded, rejects, (), statements)


class ParquetState:
    """The follow state of a `--parquet-dir` dataset: the parts ledger plus a journal."""

    def __init__(self, ledger: PartsLedger) -> None:
        self.ledger = ledger
        self._sources: dict[str, SourceState] = {}
        self._seen: dict[str, SeenUrl] = {}
        path = ledger.out_dir / JOURNAL
        self._journal = path.open("a+", encoding="utf-8", newline="")
        self._load()

    def _load(self) -> None:
        self._journal.seek(0)
        *lines, torn = self._journal.read().split("\n")
        for line in lines:
            entry = json.loads(line)
            self._apply(entry)
        if torn:  # killed mid-append: the batch is in the ledger or fetched again
            self._journal.truncate(sum(len(line.encode("utf-8")) + 1 for line in lines))
        self._journal.seek(0, os.SEEK_END)

    def _apply(self, entry: dict[str, Any]) -> None:
        for row in entry["seen"]:
            self._seen[row["url"]] = SeenUrl(**row)
        for row in entry["sources"]:
            self._sources[row["url"]] = SourceState(**row)

    def sources(self) -> dict[str, SourceState]:
        return dict(self._sources)

    def seen(self, urls: Sequence[str]) -> dict[str, SeenUrl]:
        return {url: self._seen[url] for url in urls if url in self._seen}

    def last_poll(self) -> datetime | None:
        return _latest(self._sources)

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        return self.ledger.stored_ids(ids)

    def known_texts(self) -> Iterator[tuple[str, str]]:
        return self.ledger.known_texts()

    def commit(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        seen: Sequence[SeenUrl],
        sources: Sequence[SourceState] = (),
    ) -> int:
        fresh = [c for c in coded if not self.ledger.stored_ids([c.article.id])]
        written = [c for c in fresh if c.duplicate_of is None]
        if written:
            events: list[Event] = [e for c in written for e in c.events]
            write_parts(self.ledger.out_dir, [c.article for c in written], events)
        stored = self.ledger.write_batch(
            [CodedArticle(c.article, (), c.duplicate_of) for c in fresh], rejects
        )
        if seen or sources:
            entry = {"seen": [asdict(s) for s in seen], "sources": [asdict(s) for s in sources]}
            self._journal.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self._journal.flush()
            os.fsync(self._journal.fileno())
            self._apply(entry)
        return stored

    def close(self) -> None:
        self._journal.close()
        self.ledger.close()


def open_parquet_state(out_dir: Path) -> ParquetState:
    return ParquetState(PartsLedger.open(out_dir))
