"""The store interface: what every backend (DuckDB, PostgreSQL) offers the rest of eventwire."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from eventwire.errors import EventwireError
from eventwire.records import Article, Event, Reject


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for reading events back; every field is optional and they combine with AND."""

    date_from: str | None = None  # inclusive, ISO date or TIMEX3 prefix
    date_to: str | None = None
    actor: str | None = None  # CAMEO actor code prefix or ISO alpha-3 country, either side
    cameo: str | None = None  # a code or a root: "04", "041"
    plover: str | None = None
    quad_class: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    text: str | None = None  # substring of the evidence sentence
    article_id: str | None = None
    min_confidence: float | None = None  # events at or above it (None: every event)
    limit: int | None = None
    after: str | None = None  # cursor: the last event id of the previous page


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with the events coded from it, ready to be stored together."""

    article: Article
    events: Sequence[Event]
    duplicate_of: str | None = None


class StoreError(EventwireError):
    """A store cannot be opened or used; the message says what to do (the CLI prints it)."""

    code_name = "STORE_ERROR"

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, code=self.code_name, hint=hint)


class StoreLocked(StoreError):
    """Another process holds the write lock of a DuckDB file."""

    code_name = "STORE_LOCKED"


class UnknownCursor(StoreError):
    """`EventQuery.after` names an event id that is not in the store."""

    code_name = "UNKNOWN_CURSOR"


@dataclass(frozen=True, slots=True)
class InputProgress:
    """How far an ingest got through one input (a file, directory or glob as given)."""

    path: str
    size: int
    mtime: float
    records_done: int  # articles + rejects read from it and committed
    finished: bool


@dataclass(frozen=True, slots=True)
class Summary:
    """What a store holds, for `eventwire summary` and `make run`."""

    articles: int
    duplicates: int
    events: int
    rejects: int
    date_min: str | None
    date_max: str | None
    by_root: dict[str, int] = field(default_factory=dict)
    by_plover: dict[str, int] = field(default_factory=dict)
    by_country_pair: dict[tuple[str, str], int] = field(default_factory=dict)  # top 20


class Store(Protocol):
    def has_article(self, article_id: str) -> bool: ...

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """The ids among `ids` already stored (one query): resume skips them before coding."""
        ...

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        statements: Sequence[tuple[str, Sequence[Any]]] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        """Store a batch in one transaction; articles already present are skipped. The rejects
        of the input files in `clear_rejects` (read again from their start) are removed first;
        `statements` are further (sql, params) writes made in the same transaction.
        Returns the number of articles newly stored."""
        ...

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        """One write statement with `?` placeholders, on its own (a caller's own tables)."""
        ...

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]:
        """Events in (date, id) order, undated last; pages via `query.after`."""
        ...

    def rejects(self) -> list[Reject]:
        """Every reject at once (small stores, tests): `iter_rejects` for any size."""
        ...

    def iter_rejects(self) -> Iterator[Reject]:
        """Every reject, oldest first, read a page at a time (memory bounded by the page)."""
        ...

    def count_rejects(self) -> int: ...

    def count_events(self, query: EventQuery = EventQuery()) -> int: ...

    def summary(self) -> Summary: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A read query with `?` placeholders, every value a parameter (same SQL on both)."""
        ...

    def duplicate_of(self, article_id: str) -> str | None: ...

    def known_texts(self, limit: int | None = None) -> Iterator[tuple[str, str]]:
        """(article id, text) of the stored articles that are not duplicates, in the order they
        were stored, page by page; with `limit`, the last `limit` only (dedupe priming)."""
        ...

    def article(self, article_id: str) -> Article | None: ...

    def article_urls(self) -> dict[str, str]:
        """article id -> url of every article (small stores): `urls_of` for any size."""
        ...

    def urls_of(self, ids: Iterable[str]) -> dict[str, str]:
        """article id -> url of these articles, for exports that cite the source (SOURCEURL)."""
        ...

    def input_progress(self, path: str) -> InputProgress | None: ...

    def close(self) -> None: ...
