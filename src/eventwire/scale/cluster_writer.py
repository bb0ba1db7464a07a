"""Dask workers that write the Parquet parts of the batches they code (`--parquet-dir`).

The cluster's workers load the coder once through the same plugin as `DaskPool`; a task codes its
batch and writes its parts under DIR, which must be the same path on every worker (a shared file
system: NFS, a mounted bucket). Only per-article event counts and failures go back through the
scheduler, not the events.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from distributed import get_worker

from eventwire.records import Article
from eventwire.scale.cluster import PLUGIN_NAME, CoderPlugin, DaskPool
from eventwire.scale.parts import WrittenOutcome, code_and_write
from eventwire.scale.pools import CoderSpec, ResultFuture


def write_on_worker(articles: list[Article], out_dir: str) -> list[WrittenOutcome]:
    """The task a worker runs: code one batch with its plugin's coder and write its parts."""
    plugin = cast(CoderPlugin, get_worker().plugins[PLUGIN_NAME])
    with plugin.lock:
        return code_and_write(plugin.coder.code_batch, articles, out_dir)


class DaskWriter(DaskPool):
    """Batches coded and written on the cluster at `scheduler`."""

    def __init__(self, spec: CoderSpec, scheduler: str, out_dir: Path) -> None:
        super().__init__(spec, scheduler)
        self._out_dir = str(out_dir)

    def submit(self, articles: list[Article]) -> ResultFuture:
        future = self._client.submit(write_on_worker, articles, self._out_dir, pure=False)
        return cast(ResultFuture, future)  # its result: counts, not events (see parts.py)
