"""The store interface: what every backend (DuckDB, PostgreSQL) offers the rest of eventwire."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

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
    limit: int | None = None
    after: str | None = None  # cursor: the last event id of the previous page


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """An article with the events coded from it, ready to be stored together."""

    article: Article
    events: Sequence[Event]
    duplicate_of: str | None = None


class Store(Protocol):
    def has_article(self, article_id: str) -> bool: ...

    def write_batch(self, coded: Sequence[CodedArticle], rejects: Sequence[Reject]) -> int:
        """Store a batch in one transaction; articles already present are skipped.
        Returns the number of articles newly stored."""
        ...

    def events(self, query: EventQuery = EventQuery()) -> Iterator[Event]: ...

    def rejects(self) -> list[Reject]: ...

    def close(self) -> None: ...
