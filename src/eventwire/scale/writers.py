"""Pools whose workers write the Parquet parts of the batches they code (`--parquet-dir`).

The same three places to code as `eventwire.scale.pools` (this process, a process per core, a
Dask cluster), the same coder loaded once per worker; what differs is what a batch gives back:
per article the number of events its worker wrote to DIR, or why coding failed. DIR must be
the same path for the client and every worker (one machine, or a shared file system).
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.records import Article
from eventwire.scale import pools
from eventwire.scale.outcome import CodeBatch
from eventwire.scale.parts import WrittenOutcome, code_and_write
from eventwire.scale.pools import CoderSpec, CodingPool, ProcessPool, ResultFuture, _Guarded


class InlineWriter:
    """Codes and writes in the calling process when the batch is submitted."""

    window = 1

    def __init__(self, code_batch: CodeBatch, out_dir: Path) -> None:
        self._code_batch = code_batch
        self._out_dir = str(out_dir)

    def submit(self, articles: list[Article]) -> ResultFuture:
        done: Future[list[WrittenOutcome]] = Future()
        done.set_result(code_and_write(self._code_batch, articles, self._out_dir))
        return done  # type: ignore[return-value]

    def close(self) -> None:
        pass


def _write_in_worker(articles: list[Article], out_dir: str) -> list[WrittenOutcome]:
    coder = pools._worker_coder  # loaded by the pool's initializer when the process started
    assert coder is not None, "worker started without its coder"
    return code_and_write(coder.code_batch, articles, out_dir)


class ProcessWriter(ProcessPool):
    """A process per core (as ProcessPool), each writing the parts of the batches it codes."""

    def __init__(self, spec: CoderSpec, workers: int, out_dir: Path) -> None:
        super().__init__(spec, workers)
        self._out_dir = str(out_dir)

    def submit(self, articles: list[Article]) -> ResultFuture:
        return _Guarded(self._executor.submit(_write_in_worker, articles, self._out_dir))


def open_writer(
    spec: CoderSpec,
    out_dir: Path,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    code_batch: CodeBatch | None = None,
) -> CodingPool:
    """The writing pool for the options given, chosen as `pools.open_pool` chooses."""
    out_dir = out_dir.resolve()  # workers may run in another folder
    if scheduler is not None:
        from eventwire.scale.cluster_writer import DaskWriter

        return DaskWriter(spec, scheduler, out_dir)
    if workers > 1:
        return ProcessWriter(spec, workers, out_dir)
    if workers < 1:
        raise EventwireError("--workers must be at least 1", code="BAD_OPTION")
    return InlineWriter(code_batch or spec.load().code_batch, out_dir)
