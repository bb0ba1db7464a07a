"""Read, code and store articles, in batches, safe to kill and to run again.

Each batch is one store transaction holding its new articles, their events, the rejects read with
them and the progress of the input files they came from. A process killed at any moment loses at
most the batch in flight; the next run skips every article already stored *before* coding it (one
indexed lookup per batch), so a resumed ingest ends with the same store as a clean run.

A finished input file whose size and mtime are unchanged is not even read again (only when no
`published` fallback is given: a fallback date can turn an earlier NO_DATE reject into an article).

Coding may run elsewhere (a process per core, a Dask cluster: `eventwire.scale`): this loop stays
the one reader and writer, keeps up to `pool.window` batches in flight and commits them in the
order they were read, so the store ends the same whatever ran the coding.

With `eventwire.scale.writers` pools and a `PartsLedger` in place of the store (`ingest
--parquet-dir`), workers write each batch's events as Parquet parts themselves and give back only
event counts; the ledger then records the batch. Reading, dedupe, resume and rejects are this
same loop.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from eventwire.errors import RejectReason
from eventwire.readers import DEFAULT_MAX_BYTES, iter_input_files, read_file
from eventwire.records import Article, Reject
from eventwire.scale import CodeBatch, CodingFailure, CodingPool
from eventwire.scale.pools import ResultFuture, as_pool
from eventwire.store.base import CodedArticle, InputProgress

__all__ = ["CodeBatch", "IngestReport", "coding_reject", "ingest"]
MAX_PENDING_REJECTS = 1000  # flush a batch of rejects even when no article comes


class IngestStore(Protocol):
    """What the loop needs of a store: a `Store`, or a `PartsLedger` (`--parquet-dir`)."""

    def stored_ids(self, ids: Sequence[str]) -> set[str]: ...

    def known_texts(self, limit: int | None = None) -> Iterator[tuple[str, str]]: ...

    def input_progress(self, path: str) -> InputProgress | None: ...

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int: ...


class Deduper(Protocol):
    window: int  # articles remembered: the store's most recent are primed

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
    files: dict[str, str] = field(default_factory=dict)  # article id -> input file it came from
    rejects: list[Reject] = field(default_factory=list)
    progress: dict[str, InputProgress] = field(default_factory=dict)
    cleared: list[str] = field(default_factory=list)  # input files read again from the start

    def full(self, size: int) -> bool:
        return len(self.articles) >= size or len(self.rejects) >= MAX_PENDING_REJECTS


@dataclass
class _InFlight:
    """A batch sorted and sent for coding, waiting to be committed."""

    batch: _Batch
    ready: list[CodedArticle]  # duplicates: stored without coding
    to_code: list[Article]
    coding: ResultFuture | None  # None: nothing to code


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
    store: IngestStore,
    coding: CodeBatch | CodingPool,
    *,
    published: date | None = None,
    batch_size: int = 64,
    progress: Callable[[int], None] | None = None,
    deduper: Deduper | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> IngestReport:
    """Store every article of `inputs` once with its events; rejects kept with file and position.

    `coding` is a `code_batch(articles) -> events per article` function or a pool from
    `eventwire.scale`. `progress(n)` is called after each committed batch with the number of
    articles it read. A near-duplicate (per `deduper`) is stored with `duplicate_of`, not coded.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if deduper is not None:
        deduper.seed(store.known_texts(deduper.window))  # bounded: not the whole store
    pool = as_pool(coding)
    counts = _Counts()
    batch = _Batch()
    in_flight: deque[_InFlight] = deque()
    sent: set[str] = set()  # ids in flight: the store does not know them yet

    def send(batch: _Batch) -> None:
        if not (batch.articles or batch.rejects or batch.progress or batch.cleared):
            return
        in_flight.append(_send(batch, store, pool, deduper, counts, sent))
        while len(in_flight) >= pool.window:
            _commit(in_flight.popleft(), store, counts, progress, sent)

    for name in iter_input_files(inputs):
        fingerprint = file_fingerprint(name)
        if fingerprint is not None and published is None and _finished(store, name, fingerprint):
            counts.inputs_skipped += 1
            continue
        key, done = progress_key(name), 0
        if fingerprint is not None:  # its rejects of earlier runs are replaced by this read's
            batch.cleared.extend(dict.fromkeys((name, key)))
        for item in read_file(name, published, max_bytes):
            done += 1
            if isinstance(item, Article):
                item = unstorable(item, name) or item
            if isinstance(item, Article):
                batch.articles.append(item)
                batch.files.setdefault(item.id, name)
            else:
                batch.rejects.append(item)
            if fingerprint is not None:
                batch.progress[key] = InputProgress(key, *fingerprint, done, False)
            if batch.full(batch_size):
                send(batch)
                batch = _Batch()
        if fingerprint is not None:
            batch.progress[key] = InputProgress(key, *fingerprint, done, True)
    send(batch)
    while in_flight:
        _commit(in_flight.popleft(), store, counts, progress, sent)
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


def _finished(store: IngestStore, name: str, fingerprint: tuple[int, float]) -> bool:
    seen = store.input_progress(progress_key(name))
    return seen is not None and seen.finished and (seen.size, seen.mtime) == fingerprint


def _send(
    batch: _Batch,
    store: IngestStore,
    pool: CodingPool,
    deduper: Deduper | None,
    counts: _Counts,
    sent: set[str],
) -> _InFlight:
    """Sort a batch in read order (already stored, duplicate, to code) and send it to coding."""
    present = store.stored_ids([a.id for a in batch.articles]) | sent
    ready: list[CodedArticle] = []
    to_code: list[Article] = []
    for article in batch.articles:
        if article.id in present:
            counts.skipped_existing += 1
            continue
        present.add(article.id)  # the same article twice in one batch
        sent.add(article.id)
        original = deduper.check(article) if deduper is not None else None
        if original is not None and original != article.id:
            ready.append(CodedArticle(article, (), duplicate_of=original))
            counts.duplicates += 1
        else:
            to_code.append(article)
    return _InFlight(batch, ready, to_code, pool.submit(to_code) if to_code else None)


def _commit(
    flight: _InFlight,
    store: IngestStore,
    counts: _Counts,
    progress: Callable[[int], None] | None,
    sent: set[str],
) -> None:
    """Wait for a batch's coding and write it, its rejects and its input progress at once."""
    outcomes = flight.coding.result() if flight.coding is not None else []
    coded, rejects = list(flight.ready), list(flight.batch.rejects)
    for article, outcome in zip(flight.to_code, outcomes, strict=True):
        if isinstance(outcome, CodingFailure):
            rejects.append(coding_reject(article, outcome, flight.batch.files.get(article.id)))
        elif isinstance(outcome, int):  # its worker wrote the events (parts): only the count
            coded.append(CodedArticle(article, ()))
            counts.events += outcome
        else:
            coded.append(CodedArticle(article, outcome))
            counts.events += len(outcome)
    counts.stored += store.write_batch(
        coded, rejects, list(flight.batch.progress.values()), clear_rejects=flight.batch.cleared
    )
    counts.articles_read += len(flight.batch.articles)
    counts.rejects += len(rejects)
    sent.difference_update(c.article.id for c in flight.ready)
    sent.difference_update(a.id for a in flight.to_code)
    if progress is not None:
        progress(len(flight.batch.articles))


def coding_reject(
    article: Article, failure: CodingFailure, source_file: str | None = None
) -> Reject:
    """The INTERNAL reject of an article whose coding raised: the input file it was read from
    (else its outlet), the article, the reason."""
    return Reject(
        source_file=source_file or article.source or "",
        position=f"article {article.id}",
        reason=RejectReason.INTERNAL.value,
        message=failure.message,
        excerpt=article.text[:200],
    )
