"""Events as a Parquet dataset partitioned by event date: year=YYYY/month=M/part-*.parquet.

The exchange and scale-out format (Dask, Spark, DuckDB, pandas, BigQuery read it). Columns are the
store's flat, typed event columns; `year` and `month` are hive partition keys taken from the event
date. Events without a calendar date, or with only a year, go to the null partition
(`__HIVE_DEFAULT_PARTITION__`), which readers see as a null year or month.

Writing to a directory that already holds a dataset replaces its year=* partitions (other files
are left alone), so an export can be rerun; writers of one dataset in parallel pass `part`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds

from eventwire.records import Event
from eventwire.store import schema

CHUNK = 10_000  # events per record batch: bounded memory for any number of events
_ARROW = {
    schema.TEXT: pa.string(),
    schema.INT: pa.int32(),
    schema.BIGINT: pa.int64(),
    schema.FLOAT: pa.float64(),
}
_COLUMNS = [(name, kind) for name, kind in schema.EVENT_COLUMNS if name != "order_key"]
PARTITIONS = pa.schema([("year", pa.int32()), ("month", pa.int32())])
SCHEMA = pa.schema([(name, _ARROW[kind]) for name, kind in _COLUMNS] + list(PARTITIONS))


def year_month(timex: str | None) -> tuple[int | None, int | None]:
    """Partition keys of an event date: (2019, 12) for 2019-12-23 or 2019-12; None if unknown."""
    key = schema.order_key(timex)
    if key == schema.UNDATED:
        return None, None
    month = key[5:7]
    return int(key[:4]), int(month) if month.isdigit() and 1 <= int(month) <= 12 else None


def _batches(events: Iterable[Event], counter: list[int]) -> Iterator[pa.RecordBatch]:
    keep = [i for i, name in enumerate(schema.EVENT_NAMES) if name != "order_key"]
    chunk: list[tuple] = []

    def flush() -> pa.RecordBatch:
        columns = [[row[j] for row in chunk] for j in range(len(SCHEMA))]
        return pa.RecordBatch.from_arrays(
            [pa.array(col, type=field.type) for col, field in zip(columns, SCHEMA, strict=True)],
            schema=SCHEMA,
        )

    for event in events:
        row = schema.event_row(event)
        chunk.append((*(row[i] for i in keep), *year_month(event.date)))
        counter[0] += 1
        if len(chunk) >= CHUNK:
            yield flush()
            chunk = []
    if chunk:
        yield flush()


def write_event_dataset(events: Iterable[Event], out_dir: Path, *, part: str | None = None) -> int:
    """Write the events as a hive-partitioned Parquet dataset in `out_dir`; returns the count.

    Without `part` the dataset is replaced. With `part` (a name unique to the writer, e.g. a
    Dask task key) files `<part>-N.parquet` are added beside what is there: many workers can
    write one dataset at once.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    if part is None:
        for old in out_dir.glob("year=*"):
            shutil.rmtree(old)
    counter = [0]
    ds.write_dataset(
        _batches(events, counter),
        out_dir,
        schema=SCHEMA,
        format="parquet",
        partitioning=ds.partitioning(PARTITIONS, flavor="hive"),
        basename_template=f"{part or 'part'}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )
    return counter[0]


def read_event_dataset(path: Path) -> Iterator[Event]:
    """The events of a dataset written by write_event_dataset (any order)."""
    names = [name for name, _ in _COLUMNS]
    dataset = ds.dataset(path, format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=names):
        columns = [batch.column(name).to_pylist() for name in names]
        for values in zip(*columns, strict=True):
            row = dict(zip(names, values, strict=True))
            row["order_key"] = schema.order_key(row["date"])
            yield schema.event_from_row([row[name] for name in schema.EVENT_NAMES])
