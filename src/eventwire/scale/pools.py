"""Pools that code batches of articles: in this process, a process per core, or a Dask cluster.

Every pool has `submit(articles) -> future` (whose `.result()` is one `Outcome` per article, in
order) and `window`: how many batches may be in flight at once, so reading and writing in the
ingest overlap with coding and every worker stays busy.
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from eventwire.errors import EventwireError
from eventwire.records import Article
from eventwire.scale.outcome import CodeBatch, Outcome, code_safely

if TYPE_CHECKING:
    from eventwire.pipeline import Coder


@dataclass(frozen=True, slots=True)
class CoderSpec:
    """What a worker needs to load the same coder as this process (small and picklable).

    User dictionaries travel as their bytes (`actor_data`, from `with_actors`): a Dask worker on
    another machine need not see the client's files. A worker that has the same file at the same
    path reads it there; any other writes the bytes to a temporary folder, loads, and removes it.
    """

    actor_files: tuple[str, ...] = ()
    batch_size: int = 32
    actor_data: tuple[bytes, ...] = ()
    min_confidence: float = 0.0  # events under it are left out where they are coded

    @classmethod
    def with_actors(
        cls, paths: Sequence[Path | str], batch_size: int = 32, min_confidence: float = 0.0
    ) -> CoderSpec:
        files = tuple(str(Path(p).resolve()) for p in paths)
        data = tuple(Path(p).read_bytes() for p in files)
        return cls(files, batch_size, data, min_confidence)

    def load(self) -> Coder:
        from eventwire.pipeline import Coder  # heavy: spaCy and the dictionaries

        minimum = self.min_confidence
        if not self.actor_data or all(map(_same_file, self.actor_files, self.actor_data)):
            files = tuple(Path(p) for p in self.actor_files)
            return Coder.load(files, self.batch_size, min_confidence=minimum)
        with tempfile.TemporaryDirectory(prefix="eventwire-actors-") as folder:
            local = []
            for n, (name, data) in enumerate(zip(self.actor_files, self.actor_data, strict=True)):
                path = Path(folder) / f"{n}-{Path(name).name}"  # keeps the suffix (.tsv)
                path.write_bytes(data)
                local.append(path)
            return Coder.load(tuple(local), self.batch_size, min_confidence=minimum)


def _same_file(path: str, data: bytes) -> bool:
    try:
        return Path(path).read_bytes() == data
    except OSError:
        return False


class ResultFuture(Protocol):
    def result(self) -> list[Outcome]: ...


class CodingPool(Protocol):
    window: int

    def submit(self, articles: list[Article]) -> ResultFuture: ...

    def close(self) -> None: ...


class InlinePool:
    """Codes in the calling process when the batch is submitted (one batch in flight)."""

    window = 1

    def __init__(self, code_batch: CodeBatch) -> None:
        self._code_batch = code_batch

    def submit(self, articles: list[Article]) -> ResultFuture:
        done: Future[list[Outcome]] = Future()
        done.set_result(code_safely(self._code_batch, articles))
        return done

    def close(self) -> None:
        pass


# The coder of a pool worker process: loaded once by `_load_worker_coder` when the process
# starts, then used by every batch that process codes. Never set in the parent process.
_worker_coder: Coder | None = None


def _load_worker_coder(spec: CoderSpec) -> None:
    global _worker_coder  # noqa: PLW0603 - one coder per worker process, by design
    _worker_coder = spec.load()


def _code_in_worker(articles: list[Article]) -> list[Outcome]:
    assert _worker_coder is not None, "worker started without its coder"
    return code_safely(_worker_coder.code_batch, articles)


class ProcessPool:
    """A process per core, each loading the models once (spawned, so no thread state is forked)."""

    def __init__(self, spec: CoderSpec, workers: int) -> None:
        if workers < 1:
            raise EventwireError("--workers must be at least 1", code="BAD_OPTION")
        self.window = 2 * workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_load_worker_coder,
            initargs=(spec,),
        )

    def submit(self, articles: list[Article]) -> ResultFuture:
        return _Guarded(self._executor.submit(_code_in_worker, articles))

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


class _Guarded:
    """A worker that dies (killed, out of memory) becomes a clear error, not a traceback; the
    batches already written stay, and a rerun resumes after them."""

    def __init__(self, future: Any) -> None:
        self._future = future

    def result(self) -> list[Outcome]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._future.result()
        except BrokenProcessPool as error:
            raise EventwireError(
                f"a coding worker process died: {error}",
                code="WORKER_DIED",
                hint="often out of memory: use fewer --workers or a smaller --batch-size, "
                "then rerun (stored batches are kept)",
            ) from None


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def open_pool(
    spec: CoderSpec,
    *,
    workers: int = 1,
    scheduler: str | None = None,
    code_batch: CodeBatch | None = None,
) -> CodingPool:
    """The pool for the options given: Dask if a scheduler address is given, else processes if
    `workers` > 1, else this process (`code_batch`, or the coder `spec` loads)."""
    if scheduler is not None:
        from eventwire.scale.cluster import DaskPool

        return DaskPool(spec, scheduler)
    if workers > 1:
        return ProcessPool(spec, workers)
    if workers < 1:
        raise EventwireError("--workers must be at least 1", code="BAD_OPTION")
    return InlinePool(code_batch or spec.load().code_batch)


def as_pool(coding: CodeBatch | CodingPool) -> CodingPool:
    """A pool from a pool or a plain `code_batch` function (the library's simplest form)."""
    if hasattr(coding, "submit") and hasattr(coding, "window"):
        return coding  # type: ignore[return-value]
    return InlinePool(coding)  # type: ignore[arg-type]


class ConfidentPool:
    """A pool whose events under `minimum` confidence are left out as they come back, counted
    in `left_out` (exact, whichever process coded them). Outcomes that are counts (workers that
    wrote their own parts) pass through: those workers filter themselves (CoderSpec)."""

    def __init__(self, pool: CodingPool, minimum: float) -> None:
        self.pool, self.minimum, self.left_out = pool, minimum, 0
        self.window = pool.window

    def submit(self, articles: list[Article]) -> ResultFuture:
        return _Filtered(self, self.pool.submit(articles))

    def close(self) -> None:
        self.pool.close()


class _Filtered:
    def __init__(self, owner: ConfidentPool, future: ResultFuture) -> None:
        self.owner, self.future = owner, future

    def result(self) -> list[Outcome]:
        from eventwire.events.confidence import keep_confident

        out: list[Outcome] = []
        for outcome in self.future.result():
            if isinstance(outcome, list):
                outcome, dropped = keep_confident(outcome, self.owner.minimum)
                self.owner.left_out += dropped
            out.append(outcome)
        return out
