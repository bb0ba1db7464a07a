"""A progress bar for long ingests, shown only on a terminal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

ProgressCallback = Callable[[int], None]


@contextmanager
def ingest_progress(enabled: bool) -> Iterator[ProgressCallback | None]:
    """Yield a callback `advance(n_articles)`, or None when output is not a terminal."""
    if not enabled:
        yield None
        return
    columns = (
        TextColumn("coding"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        yield lambda n: bar.advance(task, n)
