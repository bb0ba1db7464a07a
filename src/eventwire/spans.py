"""Character spans: does a span overlap any of many, in log time (readers of long articles ask
this once per name or place, so a scan of every span would be quadratic)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class Spans:
    """A fixed set of (start, end) character spans, end exclusive."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = list(accumulate((end for _, end in ordered), max))  # furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self._starts, end)  # spans that start before this one ends
        return bool(before) and self._reach[before - 1] > start
