"""What coding one article gives: its events, or the reason it could not be coded."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventwire.records import Article, Event

CodeBatch = Callable[[list[Article]], list[list[Event]]]


@dataclass(frozen=True, slots=True)
class CodingFailure:
    """Coding raised on this article (the ingest stores it as an INTERNAL reject)."""

    article_id: str
    message: str


Outcome = list[Event] | CodingFailure


def code_safely(code_batch: CodeBatch, articles: Sequence[Article]) -> list[Outcome]:
    """Events per article; if the batch fails, each article alone, so one bad article costs
    itself and not the batch. Runs where the coding runs (in a worker too): only the outcomes
    travel back, never a live exception."""
    if not articles:
        return []
    try:
        results: list[Outcome] | None = list(code_batch(list(articles)))
    except Exception:  # noqa: BLE001 - find the article at fault instead of losing the batch
        results = None
    if results is not None and len(results) == len(articles):
        return results
    outcomes: list[Outcome] = []
    for article in articles:
        try:
            outcomes.append(code_batch([article])[0])
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the rest
            message = f"coding failed: {type(error).__name__}: {error}"
            outcomes.append(CodingFailure(article.id, message))
    return outcomes
