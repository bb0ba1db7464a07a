"""Answers are cached per store version: reused while the store is unchanged, recomputed after
a write, and never more than the bound."""

from __future__ import annotations

import threading
import time

from eventwire.api.cache import VersionedCache


def test_an_answer_is_reused_until_the_version_changes() -> None:
    version = ["v1"]
    calls: list[str] = []
    cache = VersionedCache(lambda: version[0])

    def compute() -> int:
        calls.append(version[0])
        return len(calls)

    assert cache.get("count", compute) == 1
    assert cache.get("count", compute) == 1  # same version: not recomputed
    version[0] = "v2"  # a write committed
    assert cache.get("count", compute) == 2
    assert calls == ["v1", "v2"]


def test_the_least_recently_used_answers_go_first() -> None:
    cache = VersionedCache(lambda: "v", max_entries=2)
    calls: list[str] = []
    for key in ("a", "b", "a", "c", "a", "b"):
        cache.get(key, lambda key=key: calls.append(key))
    assert calls == ["a", "b", "c", "b"]  # "b" was evicted by "c"; "a" stayed in use


def test_after_a_write_a_slow_aggregate_is_served_stale_until_it_is_fresh() -> None:
    version = ["v1"]
    release = threading.Event()
    cache = VersionedCache(lambda: version[0], stale_after=0.01)
    assert cache.get("timeline", lambda: "old") == "old"
    version[0] = "v2"

    def slow() -> str:
        release.wait(10)
        return "new"

    assert cache.get("timeline", slow) == "old"  # not ready within stale_after
    assert cache.get("timeline", slow) == "old"  # one refresh runs, not two
    release.set()
    deadline = time.monotonic() + 10
    while cache.get("timeline", slow) != "new" and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("timeline", lambda: "never") == "new"


def test_without_a_previous_answer_the_request_waits_for_it() -> None:
    cache = VersionedCache(lambda: "v", stale_after=0.01)
    assert cache.get("count", lambda: time.sleep(0.05) or 5) == 5


def test_a_slow_answer_is_not_refreshed_again_at_once() -> None:
    version = ["v1"]
    cache = VersionedCache(lambda: version[0], stale_after=0.01)
    assert cache.get("clusters", lambda: time.sleep(0.2) or "first") == "first"
    version[0] = "v2"  # a write right after: refreshing now would recompute back to back
    assert cache.get("clusters", lambda: "never") == "first"


def test_every_later_write_is_refreshed_too() -> None:
    version = ["v0"]
    cache = VersionedCache(lambda: version[0], stale_after=5.0)
    for n in range(4):
        version[0] = f"v{n}"
        assert cache.get("count", lambda n=n: n) == n
