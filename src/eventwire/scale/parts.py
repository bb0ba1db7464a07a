"""Parquet parts written by the worker that coded the batch: only a summary travels back.

The dataset in DIR is the one `eventwire export --format parquet` writes (hive partitions
`year=YYYY/month=M`, the same columns), plus a sidecar folder that readers skip (pyarrow and
Spark ignore names starting with `_`):

    year=2019/month=12/part-<key>.parquet       one batch's events of that month
    _eventwire/articles/part-<key>.parquet      the batch's coded articles (id, text, url ...)
    _eventwire/ledger.jsonl                     committed batches (`eventwire.scale.ledger`)
    _eventwire/rejects.jsonl                    every reject, one JSON object a line

`<key>` is a hash of the ids of the batch's coded articles, so the same batch always writes the
same file names: writing it again replaces its files instead of adding copies. Files are written
to a hidden temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from eventwire.records import Article, Event
from eventwire.scale.outcome import CodeBatch, CodingFailure, code_safely
from eventwire.store import schema
from eventwire.store.parquet import PARTITIONS, SCHEMA, year_month

SIDECAR = "_eventwire"
ARTICLES = f"{SIDECAR}/articles"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # how pyarrow and Hive name a null key
PART_NAME = re.compile(r"^part-([0-9a-f]{16})\.parquet$")
KEY_CHARS = 16

# Per article of a batch: how many events its worker wrote, or why it could not be coded.
WrittenOutcome = int | CodingFailure

_EVENT_SCHEMA = pa.schema([f for f in SCHEMA if f.name not in PARTITIONS.names])
_KEEP = [i for i, name in enumerate(schema.EVENT_NAMES) if name != "order_key"]
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("published", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("text", pa.string()),
    ]
)


def batch_key(article_ids: Iterable[str]) -> str:
    """The file key of a batch: a hash of its coded article ids (order does not matter)."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()
    return digest[:KEY_CHARS]


def part_name(key: str) -> str:
    return f"part-{key}.parquet"


def partition_dir(year: int | None, month: int | None) -> str:
    """`year=2019/month=12`, with Hive's name for an unknown year or month."""
    y = NULL_PARTITION if year is None else str(year)
    m = NULL_PARTITION if month is None else str(month)
    return f"year={y}/month={m}"


def events_by_partition(events: Iterable[Event]) -> dict[str, pa.Table]:
    """The events as one table per partition folder, columns as in the export's files."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    for event in events:
        row = schema.event_row(event)
        rows[partition_dir(*year_month(event.date))].append(tuple(row[i] for i in _KEEP))
    return {folder: _table(chunk, _EVENT_SCHEMA) for folder, chunk in rows.items()}


def article_table(articles: Sequence[Article]) -> pa.Table:
    rows = [
        (
            a.id,
            a.published.isoformat() if a.published else None,
            a.title,
            a.source,
            a.url,
            a.text,
        )
        for a in articles
    ]
    return _table(rows, ARTICLE_SCHEMA)


def _table(rows: Sequence[tuple], table_schema: pa.Schema) -> pa.Table:
    columns = [[row[j] for row in rows] for j in range(len(table_schema))]
    arrays = [pa.array(col, type=f.type) for col, f in zip(columns, table_schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=table_schema)


def write_file(table: pa.Table, path: Path) -> None:
    """Write under a hidden name, flush to disk, then rename: all of the file or none of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        pq.write_table(table, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def write_parts(out_dir: Path, articles: Sequence[Article], events: Sequence[Event]) -> str:
    """Write one batch's events and articles under its key; returns the key."""
    key = batch_key(a.id for a in articles)
    for folder, table in events_by_partition(events).items():
        write_file(table, out_dir / folder / part_name(key))
    write_file(article_table(articles), out_dir / ARTICLES / part_name(key))
    return key


def code_and_write(
    code_batch: CodeBatch, articles: Sequence[Article], out_dir: str
) -> list[WrittenOutcome]:
    """What a worker does with a batch: code it, write the coded articles' parts, and give back
    per article the number of events written or the failure. Runs on the worker: the events
    never leave it."""
    outcomes = code_safely(code_batch, articles)
    coded = [a for a, o in zip(articles, outcomes, strict=True) if not isinstance(o, CodingFailure)]
    if coded:
        events = [e for o in outcomes if not isinstance(o, CodingFailure) for e in o]
        write_parts(Path(out_dir), coded, events)
    return [o if isinstance(o, CodingFailure) else len(o) for o in outcomes]
