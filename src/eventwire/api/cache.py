"""Answers (counts, timeline, network, actors, places, clusters, pages) cached per store version.

A store's `data_version()` changes with every write that commits articles or rejects (one row
read by key, well under a millisecond), so an answer computed once is served again until the
store changes: the dashboard's repeated reads of a million events cost a lookup, and a new
ingest batch is seen on the next request. Bounded: the least recently used answers go first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")
MAX_ENTRIES = 512
PAGES_CACHED = 64  # pages of events are larger: fewer of them

VERSION_SQL = "SELECT value FROM eventwire_meta WHERE key = ?"


class VersionedCache:
    def __init__(self, version: Callable[[], Any], max_entries: int = MAX_ENTRIES) -> None:
        self._version = version
        self._max = max_entries
        self._entries: OrderedDict[Hashable, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def sibling(self, max_entries: int) -> VersionedCache:
        """Another cache on the same store version."""
        return VersionedCache(self._version, max_entries)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached answer for `key` at the store's current version, else `compute()`."""
        version = self._version()
        with self._lock:
            found = self._entries.get(key)
            if found is not None and found[0] == version:
                self._entries.move_to_end(key)
                return found[1]
        value = compute()  # outside the lock: two requests may compute it once each
        with self._lock:
            self._entries[key] = (version, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return value


def version_of(rows: Callable[..., list[tuple[Any, ...]]]) -> Callable[[], Any]:
    """The store's data version, read through the API's row runner."""

    def version() -> Any:
        found = rows(VERSION_SQL, ["data_version"])
        return found[0][0] if found else None

    return version
