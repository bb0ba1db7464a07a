"""Coding on a Dask cluster: each worker loads the coder once, then codes the batches it is sent.

The client (the ingest) keeps reading, deduplicating and writing; only articles go out and events
come back, so a cluster codes into any store (DuckDB, PostgreSQL) with the same resume and
no-duplicate guarantees as one process.
"""

from __future__ import annotations

import threading
from typing import Any

from distributed import Client, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from eventwire.errors import EventwireError
from eventwire.records import Article
from eventwire.scale.outcome import Outcome, code_safely
from eventwire.scale.pools import CoderSpec, ResultFuture

PLUGIN_NAME = "eventwire-coder"


class CoderPlugin(WorkerPlugin):
    """The worker's coder, loaded once in `setup` on the worker. A worker with several threads
    codes one batch at a time: the GIL gives threads nothing here, and the lock keeps the coder's
    state to one user (run `dask worker --nthreads 1 --nworkers N` for N cores)."""

    name = PLUGIN_NAME

    def __init__(self, spec: CoderSpec) -> None:
        self.spec = spec
        self.coder: Any = None
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {"spec": self.spec}  # the coder and lock are made on the worker

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["spec"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        self.coder = self.spec.load()

    def teardown(self, worker: Any) -> None:
        self.coder = None


def code_on_worker(articles: list[Article]) -> list[Outcome]:
    """The task a worker runs: code one batch with the coder its plugin loaded."""
    plugin = get_worker().plugins[PLUGIN_NAME]
    with plugin.lock:
        return code_safely(plugin.coder.code_batch, articles)


class DaskPool:
    """Batches coded on the cluster at `scheduler` (e.g. tcp://host:8786)."""

    def __init__(self, spec: CoderSpec, scheduler: str, *, connect_timeout: float = 10) -> None:
        try:
            self._client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as error:
            raise EventwireError(
                f"cannot reach the Dask scheduler at {scheduler}: {error}",
                code="SCHEDULER_UNREACHABLE",
                hint="start one with `dask scheduler` and workers with `dask worker ADDRESS`",
            ) from None
        try:
            self._client.wait_for_workers(1, timeout=connect_timeout)
        except TimeoutError:
            self._client.close()
            raise EventwireError(
                f"the Dask scheduler at {scheduler} has no workers",
                code="SCHEDULER_UNREACHABLE",
                hint="start workers with `dask worker ADDRESS --nthreads 1`",
            ) from None
        self._client.register_plugin(CoderPlugin(spec), name=PLUGIN_NAME)
        # Two batches per worker in flight: one coding, one waiting, none idle.
        self.window = 2 * len(self._client.scheduler_info()["workers"])

    def submit(self, articles: list[Article]) -> ResultFuture:
        return self._client.submit(code_on_worker, articles, pure=False)

    def close(self) -> None:
        self._client.close()
