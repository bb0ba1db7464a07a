"""`follow --serve`: the API and dashboard in the follow process, over the store the loop writes.

One process holds the DuckDB file (a second one could not open it while the loop writes), so the
API is given the loop's own store, wrapped: the calls that use the store's one main connection
(the loop's writes, the clusters route) take turns on a lock, while the API's row reads go
through the store's per-thread readers (DuckDB cursors, PostgreSQL's read pool) and see each
batch as soon as it is committed.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Iterator
from typing import Any

from eventwire.errors import EventwireError

STARTUP_SECONDS = 30.0


class SharedStore:
    """A store whose main-connection calls are serialised on `lock`; thread readers pass."""

    def __init__(self, store: Any, lock: threading.Lock | None = None) -> None:
        self._store = store
        self.lock = lock or threading.Lock()
        if hasattr(store, "thread_rows"):
            self.thread_rows = store.thread_rows

    def __getattr__(self, name: str) -> Any:
        attribute = getattr(self._store, name)
        if not callable(attribute):
            return attribute

        @functools.wraps(attribute)
        def locked(*args: Any, **kwargs: Any) -> Any:
            with self.lock:
                result = attribute(*args, **kwargs)
            if isinstance(result, Iterator):
                return _locked_iter(result, self.lock)
            return result

        return locked


def _locked_iter(items: Iterator[Any], lock: threading.Lock) -> Iterator[Any]:
    """A lazy reader (events(), known_texts()) that queries as it goes: each step takes the lock."""
    while True:
        with lock:
            try:
                item = next(items)
            except StopIteration:
                return
        yield item


class BackgroundServer:
    """uvicorn on a thread of its own (signals stay with the follow loop)."""

    def __init__(self, store: SharedStore, host: str, port: int) -> None:
        import uvicorn

        from eventwire.api.app import create_app

        config = uvicorn.Config(create_app(store), host=host, port=port, log_level="warning")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="follow-serve", daemon=True)
        self.url = f"http://{host}:{port}/"

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise EventwireError(
                    f"the dashboard could not start on {self.url}",
                    code="SERVE_FAILED",
                    hint="is the port taken? give another with --port",
                )
            time.sleep(0.05)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
