"""Sharing one DuckDB file between processes: whoever holds it hands it over to whoever waits.

DuckDB lets one process write a file, or many read it, never both at once. eventwire's processes
take turns instead of failing: a process that finds the file locked drops a marker file next to
it (`events.duckdb.reader-1234.wait`, `events.duckdb.writer-1234.wait`, with its command line)
and retries; every eventwire process holding the file watches for markers of processes it
blocks (a reader blocks writers; a writer blocks everyone) and closes its connection as soon
as its current statement or transaction ends, reopening on its next use. So `ingest` writes a
batch while `serve` waits a moment, then `serve` reopens and shows the new events; a CLI read
slips in between two batches. With nobody waiting nothing changes: the connection stays open.

A marker whose process is gone is ignored (and removed), so a crash never blocks anyone.
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

WATCH_EVERY = 0.05  # seconds between two looks for waiting processes
HANDOFF_WAIT = 10.0  # seconds an opener waits for holders that hand over, beyond lock_timeout


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def command_of(pid: int) -> str:
    """The command line of a process ("eventwire serve --db x"), or "" when it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    words = [w for w in raw.decode(errors="replace").split("\0") if w]
    # "python -m eventwire.cli serve" and ".venv/bin/eventwire serve" read as "eventwire serve"
    for i, word in enumerate(words):
        if word.endswith(("/eventwire", "eventwire.cli")) or word == "eventwire":
            words = ["eventwire", *words[i + 1 :]]
            break
    text = " ".join(" ".join(words).split())
    return text if len(text) <= 120 else text[:119] + "…"


_PID = re.compile(r"\(PID (\d+)\)")


def lock_holder(error: Exception) -> int | None:
    """The PID DuckDB names in a lock error ("Conflicting lock is held in ... (PID 123)")."""
    found = _PID.search(str(error))
    return int(found.group(1)) if found else None


class Markers:
    """The wait markers of one DuckDB file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _marker(self, side: str, pid: int) -> Path:
        return self.path.with_name(f"{self.path.name}.{side}-{pid}.wait")

    @contextmanager
    def waiting(self, side: str) -> Iterator[None]:
        """Announce that this process waits for the file (as a "reader" or a "writer")."""
        marker = self._marker(side, os.getpid())
        try:
            marker.write_text(command_of(os.getpid()) + "\n")
        except OSError:  # a read-only directory: wait without announcing
            yield
            return
        try:
            yield
        finally:
            marker.unlink(missing_ok=True)

    def waiting_sides(self) -> set[str]:
        """The sides ("reader", "writer") other live processes are waiting as."""
        sides: set[str] = set()
        for marker in self.path.parent.glob(f"{glob_escape(self.path.name)}.*-*.wait"):
            side, _, pid = marker.name[len(self.path.name) + 1 : -len(".wait")].rpartition("-")
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            if _alive(int(pid)):
                sides.add(side)
            else:
                marker.unlink(missing_ok=True)
        return sides


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


class Gate:
    """Many users at once, or one closer alone (a small readers-writer lock)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._users = 0
        self._closing = False

    @contextmanager
    def use(self) -> Iterator[None]:
        with self._cond:
            while self._closing:
                self._cond.wait()
            self._users += 1
        try:
            yield
        finally:
            with self._cond:
                self._users -= 1
                self._cond.notify_all()

    @contextmanager
    def alone(self) -> Iterator[None]:
        with self._cond:
            while self._closing:
                self._cond.wait()
            self._closing = True
            while self._users:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._closing = False
                self._cond.notify_all()


class SharedConnection:
    """A connection to a DuckDB file, opened on use and handed over to processes that wait.

    `open_` opens the file (and raises StoreLocked when it stays locked); `use()` yields the open
    connection to one statement or transaction; a watcher thread closes the connection between
    two uses when another process waits for the file. `generation` counts the opens, so a
    caller can tell that its cursors belong to a closed connection."""

    def __init__(self, path: Path, *, read_only: bool, open_: Callable[[], Any]) -> None:
        self.path = path
        self.read_only = read_only
        self.markers = Markers(path)
        self.generation = 0
        self._open = open_
        self._conn: Any = None
        self._gate = Gate()
        self._open_lock = threading.Lock()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None

    @property
    def blocks(self) -> set[str]:
        # readers share the file with readers; a writer shares it with nobody
        return {"writer"} if self.read_only else {"reader", "writer"}

    @contextmanager
    def use(self) -> Iterator[Any]:
        with self._gate.use():
            with self._open_lock:
                if self._conn is None:
                    self._let_waiters_in()
                    with self.markers.waiting("reader" if self.read_only else "writer"):
                        self._conn = self._open()
                    self.generation += 1
                    self._start_watcher()
                conn = self._conn
            yield conn

    def _let_waiters_in(self) -> None:
        # a process we released the file for goes first: reopening at once could win the race
        # for the lock again and again, and the waiter would starve
        deadline = time.monotonic() + HANDOFF_WAIT
        while self.markers.waiting_sides() & self.blocks and time.monotonic() < deadline:
            time.sleep(WATCH_EVERY / 5)

    def release(self) -> None:
        """Close the connection now (after the uses in progress); the next use reopens."""
        with self._gate.alone():
            with self._open_lock:
                conn, self._conn = self._conn, None
            if conn is not None:
                conn.close()

    def close(self) -> None:
        self._stop.set()
        if self._watcher is not None and self._watcher is not threading.current_thread():
            self._watcher.join()
        self.release()

    def _start_watcher(self) -> None:
        if self._watcher is None:
            self._watcher = threading.Thread(
                target=self._watch, name=f"eventwire-handoff {self.path.name}", daemon=True
            )
            self._watcher.start()

    def _watch(self) -> None:
        while not self._stop.wait(WATCH_EVERY):
            if self._conn is not None and self.markers.waiting_sides() & self.blocks:
                self.release()
                # let the waiter in before our own next use competes for the file
                time.sleep(WATCH_EVERY)
