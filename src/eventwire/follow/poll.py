"""One poll: every source read, its new items fetched and extracted, coded, and stored.

    sources --(lanes, one per host)--> listings --> new items (not seen before, newest first)
            --(lanes, one per host)--> pages --> articles | rejects
            --> dedupe --> coding pool --> commit: articles, events, rejects, seen URLs

Fetching runs on a few threads, one host per thread at a time, while this thread dedupes, codes
and commits what has arrived, batch by batch. Each commit holds the fate of every item URL in it
(state.py), so a poll killed at any point is redone by the next run without fetching or storing
anything twice. A source's validators (ETag, Last-Modified) are saved in the last commit, and only
when every new item it listed has been dealt with: otherwise its next poll reads it whole again.

`stop` (set by SIGINT/SIGTERM) stops fetching; the batch in hand is still coded and committed.
"""

from __future__ import annotations

import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TypeVar
from urllib.parse import urljoin

from eventwire.errors import RejectReason
from eventwire.follow.fetch import Fetcher
from eventwire.follow.listing import Item
from eventwire.follow.pages import PageOutcome, read_item
from eventwire.follow.sourcing import SourceRead, read_source
from eventwire.follow.state import (
    DUPLICATE,
    REJECTED,
    RETRY,
    STORED,
    FollowState,
    SeenUrl,
    SourceState,
)
from eventwire.follow.urls import host_of, is_web_url, normalise_url
from eventwire.ingest import Deduper, coding_reject, unstorable
from eventwire.readers.base import reject
from eventwire.records import Article, Event, Reject
from eventwire.scale import CodingFailure, CodingPool
from eventwire.store.base import CodedArticle

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PollSettings:
    max_items: int = 100  # new items read per source per poll; the rest wait for the next
    batch_size: int = 16  # articles per coding batch and commit
    lanes: int = 8  # hosts fetched at once
    max_attempts: int = 3  # polls that try a page whose failure may pass (timeouts, 5xx)


@dataclass(frozen=True, slots=True)
class PollReport:
    started: datetime
    sources: int  # read this poll, child sitemaps included
    changed: int  # gave a new listing
    unchanged: int  # answered 304
    failed: int
    items: int  # new items fetched
    articles: int  # new articles stored (coded or duplicates)
    duplicates: int
    events: int
    rejects: int  # page and source rejects
    retries: int  # of those, pages tried again at the next poll
    stopped: bool = False  # a stop request cut the poll short


@dataclass(frozen=True, slots=True)
class PollResult:
    report: PollReport
    events: list[Event]  # the events stored by this poll (for the update files)
    urls: dict[str, str]  # article id -> url of those events' articles


@dataclass
class _Counts:
    items: int = 0
    articles: int = 0
    duplicates: int = 0
    events: int = 0
    rejects: int = 0
    retries: int = 0


@dataclass
class _Run:
    """What one poll accumulates while its pages arrive."""

    attempts: dict[str, int]  # item url -> the number of this try (1 unless tried before)
    counts: _Counts = field(default_factory=_Counts)
    events: list[Event] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)
    retry: set[str] = field(default_factory=set)  # item urls to try again next poll


@dataclass
class _Batch:
    to_code: list[tuple[str, Article]] = field(default_factory=list)  # (item url, article)
    ready: list[CodedArticle] = field(default_factory=list)  # duplicates: stored, not coded
    rejects: list[Reject] = field(default_factory=list)
    seen: list[SeenUrl] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # article ids in the batch

    def __bool__(self) -> bool:
        return bool(self.to_code or self.ready or self.rejects or self.seen)


class Poller:
    """Polls a fixed set of sources into a store; one per `follow` run (holds the threads)."""

    def __init__(
        self,
        sources: Sequence[str],
        state: FollowState,
        pool: CodingPool,
        fetcher: Fetcher,
        deduper: Deduper,
        settings: PollSettings = PollSettings(),
        stop: threading.Event | None = None,
        committed: Callable[[int], None] | None = None,
    ) -> None:
        self.sources = list(sources)
        self.state = state
        self.pool = pool
        self.fetcher = fetcher
        self.deduper = deduper
        self.settings = settings
        self.stop = stop or threading.Event()
        self._committed = committed  # called with the articles of each commit (tests, progress)
        self._threads = ThreadPoolExecutor(settings.lanes, thread_name_prefix="follow-fetch")
        deduper.seed(state.known_texts())

    def close(self) -> None:
        self._threads.shutdown(wait=True, cancel_futures=True)

    def poll(self) -> PollResult:
        started = datetime.now(UTC).replace(microsecond=0)
        reads = self._read_sources(started)
        items, leftovers, attempts = self._new_items(reads)
        run = _Run(attempts)
        run.counts.items = len(items)
        unfinished = self._fetch_and_store(items, run)
        self._finish_sources(reads, leftovers | unfinished)
        run.counts.rejects += sum(1 for r in reads if r.reject is not None)
        report = PollReport(
            started=started,
            sources=len(reads),
            changed=sum(r.changed for r in reads),
            unchanged=sum(r.state.status == "304" for r in reads),
            failed=sum(r.reject is not None for r in reads),
            stopped=self.stop.is_set(),
            **vars(run.counts),
        )
        return PollResult(report, run.events, run.urls)

    # -- sources -------------------------------------------------------------------------
    def _read_sources(self, started: datetime) -> list[SourceRead]:
        known = self.state.sources()
        stamp, today = started.isoformat(), started.date()

        def lane(urls: list[str]) -> list[SourceRead]:
            found: list[SourceRead] = []
            for url in urls:
                if self.stop.is_set():
                    break
                try:
                    found += read_source(self.fetcher, url, known, stamp, today)
                except Exception as error:  # noqa: BLE001 - a bug on one source: a reject
                    state = replace(known.get(url) or SourceState(url), last_poll=stamp)
                    found.append(SourceRead(url, state, reject=_internal(url, "feed", error)))
            return found

        lanes = self._threads.map(lane, _by_host(self.sources, lambda url: url).values())
        return [read for found in lanes for read in found]

    def _new_items(
        self, reads: list[SourceRead]
    ) -> tuple[list[tuple[str, Item]], set[str], dict[str, int]]:
        """(source url, item) of the items not dealt with before, newest first per source and
        at most `max_items` per source; the sources that have more left for later; and the
        number of this try of each item tried before."""
        first: dict[str, tuple[str, Item]] = {}
        for read in reads:
            for item in read.items:
                url = normalise_url(urljoin(read.url, item.url))  # a relative link: the source's
                if is_web_url(url):
                    first.setdefault(url, (read.url, replace(item, url=url)))
        seen = self.state.seen(list(first))
        per_source: defaultdict[str, list[tuple[str, Item]]] = defaultdict(list)
        for url, (source, item) in first.items():
            before = seen.get(url)
            if before is None or (
                before.outcome == RETRY and before.attempts < self.settings.max_attempts
            ):
                per_source[source].append((source, item))
        chosen: list[tuple[str, Item]] = []
        leftovers: set[str] = set()
        for source, found in per_source.items():
            found.sort(key=_newest_first)
            chosen += found[: self.settings.max_items]
            if len(found) > self.settings.max_items:
                leftovers.add(source)
        attempts = {item.url: seen[item.url].attempts + 1 for _, item in chosen if item.url in seen}
        return chosen, leftovers, attempts

    def _finish_sources(self, reads: list[SourceRead], unfinished: set[str]) -> None:
        """Save every source's state; one whose new items were not all dealt with keeps no
        validators, so its next poll lists them again."""
        states = {  # by URL: a child sitemap also given as a source is saved once
            r.url: replace(r.state, etag=None, last_modified=None)
            if r.url in unfinished
            else r.state
            for r in reads
        }
        rejects = [r.reject for r in reads if r.reject is not None]
        if states or rejects:
            self.state.commit((), rejects, (), list(states.values()))

    # -- pages ---------------------------------------------------------------------------
    def _fetch_and_store(self, items: list[tuple[str, Item]], run: _Run) -> set[str]:
        """Fetch, code and commit every item; returns the sources with items left undone (a
        stop request, or a page to try again)."""
        if not items:
            return set()
        source_of = {item.url: source for source, item in items}
        done: set[str] = set()
        arrived: queue.Queue[PageOutcome | None] = queue.Queue()

        def lane(host_items: list[tuple[str, Item]]) -> None:
            try:
                for _, item in host_items:
                    if self.stop.is_set():
                        return
                    try:
                        arrived.put(read_item(self.fetcher, item))
                    except Exception as error:  # noqa: BLE001 - a bug on one page: a reject
                        arrived.put(PageOutcome(item.url, _internal(item.url, "page", error)))
            finally:
                arrived.put(None)

        lanes = _by_host(items, lambda pair: pair[1].url)
        for host_items in lanes.values():
            self._threads.submit(lane, host_items)
        batch, open_lanes = _Batch(), len(lanes)
        while open_lanes:
            outcome = arrived.get()
            if outcome is None:
                open_lanes -= 1
                continue
            done.add(outcome.url)
            self._sort(outcome, batch, run)
            if len(batch.to_code) + len(batch.ready) >= self.settings.batch_size:
                self._commit(batch, run)
                batch = _Batch()
        if batch:
            self._commit(batch, run)
        undone = {url for url in source_of if url not in done} | run.retry
        return {source_of[url] for url in undone}

    def _sort(self, outcome: PageOutcome, batch: _Batch, run: _Run) -> None:
        """Put one page's outcome in the batch: to code, a duplicate, known, or a reject."""
        attempts = run.attempts.get(outcome.url, 1)
        result = outcome.result
        if isinstance(result, Article):
            result = unstorable(result, outcome.url) or result
        if isinstance(result, Reject):
            again = outcome.transient and attempts < self.settings.max_attempts
            batch.rejects.append(result)
            batch.seen.append(SeenUrl(outcome.url, RETRY if again else REJECTED, None, attempts))
            run.counts.rejects += 1
            if again:
                run.counts.retries += 1
                run.retry.add(outcome.url)
            return
        article = result
        if article.id in batch.ids or self.state.stored_ids([article.id]):
            batch.seen.append(SeenUrl(outcome.url, STORED, article.id, attempts))
            return
        batch.ids.add(article.id)
        original = self.deduper.check(article)
        if original is not None and original != article.id:
            batch.ready.append(CodedArticle(article, (), duplicate_of=original))
            batch.seen.append(SeenUrl(outcome.url, DUPLICATE, article.id, attempts))
            run.counts.duplicates += 1
        else:
            batch.to_code.append((outcome.url, article))

    def _commit(self, batch: _Batch, run: _Run) -> None:
        articles = [article for _, article in batch.to_code]
        outcomes = self.pool.submit(articles).result() if articles else []
        coded, rejects, seen = list(batch.ready), list(batch.rejects), list(batch.seen)
        for (url, article), outcome in zip(batch.to_code, outcomes, strict=True):
            attempts = run.attempts.get(url, 1)
            if isinstance(outcome, CodingFailure):
                rejects.append(coding_reject(article, outcome))
                seen.append(SeenUrl(url, REJECTED, article.id, attempts))
                run.counts.rejects += 1
                continue
            coded.append(CodedArticle(article, outcome))
            seen.append(SeenUrl(url, STORED, article.id, attempts))
            run.events.extend(outcome)
            if article.url:
                run.urls[article.id] = article.url
        run.counts.events += sum(len(c.events) for c in coded)
        run.counts.articles += self.state.commit(coded, rejects, seen)
        if self._committed is not None:
            self._committed(len(coded))


def _newest_first(pair: tuple[str, Item]) -> int:
    day = pair[1].published
    return -day.toordinal() if day else 0


def _by_host(things: Iterable[T], url_of: Callable[[T], str]) -> dict[str, list[T]]:
    lanes: dict[str, list[T]] = defaultdict(list)
    for thing in things:
        lanes[host_of(url_of(thing))].append(thing)
    return dict(lanes)


def _internal(url: str, position: str, error: Exception) -> Reject:
    return reject(url, position, RejectReason.INTERNAL, f"{url}: {type(error).__name__}: {error}")
