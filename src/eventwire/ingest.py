"""Read, code and store articles, in batches, safe to kill and to run again.

Each batch is one store transaction holding its new articles, their events, the rejects read with
them and the progress of the input files they came from. A process killed at any moment loses at
most the batch in flight; the next run skips every article already stored *before* coding it (one
indexed lookup per batch), so a resumed ingest ends with the same store as a clean run.

A finished input file whose size and mtime are unchanged is not even read again (only when no
`published` fallback is given: a fallback date can turn an earlier NO_DATE reject into an article).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from eventwire.errors import RejectReason
from eventwire.readers import DEFAULT_MAX_BYTES, iter_input_files, read_file
from eventwire.records import Article, Event, Reject
from eventwire.store.base import CodedArticle, InputProgress, Store

CodeBatch = Callable[[list[Article]], list[list[Event]]]
MAX_PENDING_REJECTS = 1000  # flush a batch of rejects even when no article comes


class Deduper(Protocol):
    def check(self, article: Article) -> str | None: ...

    def seed(self, pairs: Iterator[tuple[str, str]]) -> None: ...


@dataclass(frozen=True, slots=True)
class IngestReport:
    articles_read: int
    stored: int
    skipped_existing: int
    duplicates: int
    rejects: int
    events: int
    inputs_skipped: int = 0  # finished, unchanged input files not read again


@dataclass
class _Batch:
    """What has been read but not yet committed."""

    articles: list[Article] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    progress: dict[str, InputProgress] = field(default_factory=dict)

    def full(self, size: int) -> bool:
        return len(self.articles) >= size or len(self.rejects) >= MAX_PENDING_REJECTS


@dataclass
class _Counts:
    articles_read: int = 0
    stored: int = 0
    skipped_existing: int = 0
    duplicates: int = 0
    rejects: int = 0
    events: int = 0
    inputs_skipped: int = 0


def progress_key(name: str) -> str:
    """Inputs are tracked by absolute path, so a rerun from another folder still resumes."""
    return os.path.abspath(name)


def file_fingerprint(name: str) -> tuple[int, float] | None:
    """(size, mtime) of a regular file; None for standard input, URLs and missing files."""
    try:
        stat = os.stat(name)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime) if os.path.isfile(name) else None


def ingest(
    inputs: Sequence[str],
    store: Store,
    code_batch: CodeBatch,
    *,
    published: date | None = None,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    deduper: Deduper | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Store every article of `inputs` once with its events; rejects kept with file and position.

    `progress(n)` is called after each committed batch with the number of articles it read.
    A near-duplicate (per `deduper`) is stored with `duplicate_of` and is not coded.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if deduper is not None:
        deduper.seed(store.known_texts())
    counts = _Counts()
    batch = _Batch()
    for name in iter_input_files(inputs):
        fingerprint = file_fingerprint(name)
        if fingerprint is not None and published is None and _finished(store, name, fingerprint):
            counts.inputs_skipped += 1
            continue
        key, done = progress_key(name), 0
        for item in read_file(name, published, max_bytes):
            done += 1
            if isinstance(item, Article):
                item = unstorable(item, name) or item
            if isinstance(item, Article):
                batch.articles.append(item)
            else:
                batch.rejects.append(item)
            if fingerprint is not None:
                batch.progress[key] = InputProgress(key, *fingerprint, done, False)
            if batch.full(batch_size):
                _commit(batch, store, code_batch, deduper, counts, progress)
                batch = _Batch()
        if fingerprint is not None:
            batch.progress[key] = InputProgress(key, *fingerprint, done, True)
    _commit(batch, store, code_batch, deduper, counts, progress)
    return IngestReport(**vars(counts))


def unstorable(article: Article, source_file: str) -> Reject | None:
    """A reject for an article no database can store: text with lone surrogates (a JSON
    "\\ud800" escape decodes to one) is not Unicode that UTF-8 can encode."""
    for name in ("id", "title", "text", "source", "url"):
        value = getattr(article, name)
        try:
            if value is not None:
                value.encode("utf-8")
        except UnicodeEncodeError as error:
            return Reject(
                source_file=source_file,
                position=f"article {article.id.encode('utf-8', 'replace').decode()}",
                reason=RejectReason.UNDECODABLE.value,
                message=f"the {name} holds characters that are not valid Unicode: {error.reason}",
                excerpt=value[:200].encode("utf-8", "replace").decode("utf-8"),
            )
    return None


def _finished(store: Store, name: str, fingerprint: tuple[int, float]) -> bool:
    seen = store.input_progress(progress_key(name))
    return seen is not None and seen.finished and (seen.size, seen.mtime) == fingerprint


def _commit(
    batch: _Batch,
    store: Store,
    code_batch: CodeBatch,
    deduper: Deduper | None,
    counts: _Counts,
    progress: Callable[[int], None] | None,
) -> None:
    if not (batch.articles or batch.rejects or batch.progress):
        return
    present = store.stored_ids([a.id for a in batch.articles])
    coded: list[CodedArticle] = []
    to_code: list[Article] = []
    for article in batch.articles:
        if article.id in present:
            counts.skipped_existing += 1
            continue
        present.add(article.id)  # the same article twice in one batch
        original = deduper.check(article) if deduper is not None else None
        if original is not None and original != article.id:
            coded.append(CodedArticle(article, (), duplicate_of=original))
            counts.duplicates += 1
        else:
            to_code.append(article)
    rejects = list(batch.rejects)
    for article, events in _code(to_code, code_batch, rejects):
        coded.append(CodedArticle(article, events))
        counts.events += len(events)
    counts.stored += store.write_batch(coded, rejects, list(batch.progress.values()))
    counts.articles_read += len(batch.articles)
    counts.rejects += len(rejects)
    if progress is not None:
        progress(len(batch.articles))


def _code(
    articles: list[Article], code_batch: CodeBatch, rejects: list[Reject]
) -> Iterator[tuple[Article, list[Event]]]:
    """Events per article; if the batch fails, each article alone, a failing one rejected."""
    if not articles:
        return
    try:
        results = code_batch(articles)
    except Exception:  # noqa: BLE001 - find the article at fault instead of losing the batch
        results = None
    if results is not None and len(results) == len(articles):
        yield from zip(articles, results, strict=True)
        return
    for article in articles:
        try:
            yield article, code_batch([article])[0]
        except Exception as error:  # noqa: BLE001 - one bad article must not stop the ingest
            rejects.append(
                Reject(
                    source_file=article.source or "",
                    position=f"article {article.id}",
                    reason=RejectReason.INTERNAL.value,
                    message=f"coding failed: {type(error).__name__}: {error}",
                    excerpt=article.text[:200],
                )
            )
