"""Coding on more cores or machines: the same `code_batch`, run where the cores are.

A pool takes batches of articles and gives back, per article, its events or why coding failed.
`InlinePool` codes in this process, `ProcessPool` on a process per core, `DaskPool` on a Dask
cluster. Each worker loads the models once. The ingest loop stays the single reader and writer,
so dedupe, resume and rejects work the same whatever the pool.
"""

from eventwire.scale.outcome import CodeBatch, CodingFailure, Outcome, code_safely
from eventwire.scale.pools import CoderSpec, CodingPool, InlinePool, ProcessPool, open_pool

__all__ = [
    "CodeBatch",
    "CoderSpec",
    "CodingFailure",
    "CodingPool",
    "InlinePool",
    "Outcome",
    "ProcessPool",
    "code_safely",
    "open_pool",
]
