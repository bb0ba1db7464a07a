"""Answers (counts, timeline, network, actors, places, clusters, pages) cached per store version.

A store's `data_version()` changes with every write that commits articles or rejects (one row
read by key, well under a millisecond), so an answer computed once is served again until the
store changes: the dashboard's repeated reads of a million events cost a lookup.

After a write, the first request of an answer recomputes it. Beside a running ingest that would
put a full aggregate (a second or more on a million events) in front of a request every batch,
so a cache made with `stale_after` waits that long for the fresh answer and otherwise serves the
previous version's while the new one is computed in the background (once per answer and
refresh per answer at a time, on one background thread, and not more often than REFRESH_EVERY
times the time it takes): aggregates lag a write by a few times the time they take. Pages of events
are cached without it: they are cheap to recompute and always fresh. Bounded: the least
recently used answers go first.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 512
PAGES_CACHED = 64  # pages of events are larger: fewer of them
STALE_AFTER = 0.05  # seconds an aggregate request waits for a fresh answer after a write
# An answer that took t seconds is refreshed at most every REFRESH_EVERY * t seconds: beside an
# ingest committing every few seconds, recomputing every aggregate of a million events after
# each batch would take more CPU than serving; this bounds it to about a quarter.
REFRESH_EVERY = 4.0
# One background thread computes fresh answers, one at a time: at most a core goes to refreshes
# however many aggregates a write makes stale.
REFRESHERS = 1

VERSION_SQL = "SELECT value FROM eventwire_meta WHERE key = ?"


class VersionedCache:
    def __init__(
        self,
        version: Callable[[], Any],
        max_entries: int = MAX_ENTRIES,
        stale_after: float | None = None,
    ) -> None:
        self._version = version
        self._max = max_entries
        self._stale_after = stale_after
        # key -> (version, value, when computed (monotonic), seconds it took)
        self._entries: OrderedDict[Hashable, tuple[Any, Any, float, float]] = OrderedDict()
        self._running: dict[Hashable, Future[Any]] = {}  # one refresh per answer at a time
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    def sibling(self, max_entries: int, stale_after: float | None = None) -> VersionedCache:
        """Another cache on the same store version."""
        return VersionedCache(self._version, max_entries, stale_after)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for `key` at the store's current version (see the module doc)."""
        version = self._version()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == version:
                self._entries.move_to_end(key)
                return found[1]
            stale = None if found is None or self._stale_after is None else found
            if stale is not None and time.monotonic() < stale[2] + REFRESH_EVERY * stale[3]:
                return stale[1]  # refreshed a moment ago: the next write will refresh it
        if stale is None:
            return self._compute(key, version, compute)  # in the request's thread
        running = self._refresh(key, version, compute)
        try:
            return running.result(timeout=self._stale_after)
        except FutureTimeout:
            return stale[1]

    def _refresh(self, key: Hashable, version: Any, compute: Callable[[], T]) -> Future[T]:
        with self._lock:
            running = self._running.get(key)
            if running is not None:
                return running
            if self._pool is None:
                self._pool = ThreadPoolExecutor(REFRESHERS, "eventwire-refresh")
            running = self._pool.submit(self._compute, key, version, compute)
            self._running[key] = running
        running.add_done_callback(lambda done: self._forget(key, done))  # outside the lock
        return running

    def _forget(self, key: Hashable, done: Future[Any]) -> None:
        with self._lock:
            if self._running.get(key) is done:
                del self._running[key]

    def _compute(self, key: Hashable, version: Any, compute: Callable[[], T]) -> T:
        started = time.monotonic()
        value = compute()
        self._put(key, (version, value, started, time.monotonic() - started))
        return value

    def _put(self, key: Hashable, entry: tuple[Any, Any, float, float]) -> None:
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)


def version_of(rows: Callable[..., list[tuple[Any, ...]]]) -> Callable[[], Any]:
    """The store's data version, read through the API's row runner."""

    def version() -> Any:
        found = rows(VERSION_SQL, ["data_version"])
        return found[0][0] if found else None

    return version
