"""`eventwire follow` as a library call: the pieces put together, run, and taken down.

The caller opens the store (or the Parquet dataset's state) and the coding pool, as `ingest`
does, so a locked store fails before the models load; `follow` owns the rest: the HTTP client,
the fetch threads, the optional dashboard, the signal handlers and the status line.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from rich.console import Console

from eventwire.follow.etiquette import Etiquette
from eventwire.follow.fetch import Fetcher
from eventwire.follow.loop import LoopOptions, run_loop, stop_on_signals
from eventwire.follow.poll import Poller, PollSettings
from eventwire.follow.serve import BackgroundServer, SharedStore
from eventwire.follow.state import FollowState, StoreState
from eventwire.follow.status import StatusPrinter
from eventwire.readers.dedupe import Deduper
from eventwire.scale import CodingPool
from eventwire.store.base import Store


@dataclass(frozen=True, slots=True)
class FollowConfig:
    sources: tuple[str, ...]
    etiquette: Etiquette = field(default_factory=Etiquette)
    poll: PollSettings = field(default_factory=PollSettings)
    loop: LoopOptions = field(default_factory=LoopOptions)
    serve: tuple[str, int] | None = None  # (host, port) of the dashboard, if any


def store_state(store: Store) -> tuple[FollowState, SharedStore]:
    """The follow state of a database store, and the store as the loop and the API share it."""
    shared = SharedStore(store)
    return StoreState(shared), shared  # type: ignore[arg-type] - a Store by delegation


def follow(
    config: FollowConfig,
    state: FollowState,
    pool: CodingPool,
    console: Console,
    *,
    shared: SharedStore | None = None,
    stop: threading.Event | None = None,
) -> int:
    """Poll `config.sources` into `state` until stopped (or once); returns the polls made.
    `shared` is the store to serve the dashboard from (with `config.serve`)."""
    stop = stop or threading.Event()
    fetcher = Fetcher(config.etiquette)
    poller: Poller | None = None
    server: BackgroundServer | None = None
    printer: StatusPrinter | None = None
    try:
        poller = Poller(config.sources, state, pool, fetcher, Deduper(), config.poll, stop)
        if config.serve is not None:
            if shared is None:
                raise ValueError("serving needs the database store (shared)")
            server = BackgroundServer(shared, *config.serve)
            server.start()
            console.print(f"eventwire dashboard: {server.url}", highlight=False)
        printer = StatusPrinter(console)
        with stop_on_signals(stop):
            return run_loop(poller, config.loop, printer, state.last_poll())
    finally:
        if printer is not None:
            printer.close()
        if server is not None:
            server.stop()
        if poller is not None:
            poller.close()
        fetcher.close()
