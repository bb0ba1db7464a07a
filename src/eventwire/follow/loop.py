"""The follow loop: poll, write the update file, say what happened, wait, and again.

The first poll of a restarted `follow` waits until a whole interval has passed since the last
poll the store remembers (sites are not read more often because eventwire was restarted);
`once` polls at once and returns. SIGINT or SIGTERM sets `stop`: the poll in progress fetches
no more pages, codes and commits what it has, and the loop ends; a second signal ends the
process at once.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from eventwire.errors import EventwireError
from eventwire.follow.poll import Poller, PollReport
from eventwire.follow.updates import write_update

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
MIN_INTERVAL = timedelta(seconds=60)  # a politer floor than any news site needs


@dataclass(frozen=True, slots=True)
class LoopOptions:
    every: timedelta = timedelta(minutes=15)
    once: bool = False
    updates_dir: Path | None = None


class Listener(Protocol):
    """Told what the loop does (status.StatusPrinter on the command line)."""

    def polling(self) -> None: ...

    def poll_done(self, report: PollReport, next_at: datetime | None) -> None: ...

    def waiting(self, next_at: datetime) -> None: ...


def parse_interval(text: str, floor: timedelta = MIN_INTERVAL) -> timedelta:
    """ "15m", "90s", "1h", "1d" or seconds as a number; at least `floor`."""
    match = _INTERVAL.match(text)
    if match is None:
        raise EventwireError(
            f"--every must be a duration such as 15m, 1h or 900s, not {text!r}", code="BAD_OPTION"
        )
    every = timedelta(seconds=float(match[1]) * _UNIT[match[2].lower()])
    if every < floor:
        raise EventwireError(
            f"--every {text} is shorter than {int(floor.total_seconds())} s",
            code="BAD_OPTION",
            hint="news sites publish every few minutes at most; poll less often",
        )
    return every


def run_loop(
    poller: Poller, options: LoopOptions, listener: Listener, last_poll: datetime | None = None
) -> int:
    """Poll until `poller.stop` is set (or once); returns the number of polls made."""
    polls = 0
    next_at = _first_poll(last_poll, options)
    while not poller.stop.is_set():
        if next_at > _now():
            listener.waiting(next_at)
        if poller.stop.wait(max(0.0, (next_at - _now()).total_seconds())):
            break
        listener.polling()
        result = poller.poll()
        polls += 1
        if options.updates_dir is not None and result.events:
            started = result.report.started
            write_update(options.updates_dir, result.events, result.urls, started, options.every)
        last = options.once or poller.stop.is_set()
        next_at = _next_poll(result.report.started, options.every)
        listener.poll_done(result.report, None if last else next_at)
        if last:
            break
    return polls


def _now() -> datetime:
    return datetime.now(UTC)


def _first_poll(last_poll: datetime | None, options: LoopOptions) -> datetime:
    if options.once or last_poll is None:
        return _now()
    return max(_now(), last_poll + options.every)


def _next_poll(started: datetime, every: timedelta) -> datetime:
    """One interval after the poll began; at once if the poll took longer than that."""
    return max(started + every, _now())


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT and SIGTERM set `stop`; a second one acts as if this were not installed."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread; the caller stops the loop itself
        return
    defaults = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handle(signum: int, _frame: object) -> None:
        stop.set()
        signal.signal(signum, defaults[signum])

    for sig in defaults:
        signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig, handler in defaults.items():
            signal.signal(sig, handler)
