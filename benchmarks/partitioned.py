"""Beyond one DuckDB file: events as a Parquet dataset partitioned by month, read by DuckDB.

    .venv/bin/python benchmarks/partitioned.py --from-db STORE.duckdb --copies 10 --out DIR

Writes `--copies` copies of the store's events (each copy shifted by the store's span of days,
with new ids) as `DIR/year=YYYY/month=M/*.parquet`, the layout `export --format parquet` and
`ingest --parquet-dir` write, then times the reads a dashboard needs on it: the newest page
(reading the newest month's partition first), a month's page, the count, a month's timeline and
the whole timeline, the network of one month. Prints one line per read.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

from eventwire.store import schema

COLUMNS = [name for name in schema.EVENT_NAMES if name != "order_key"]


def build(db: Path, copies: int, out: Path) -> int:
    con = duckdb.connect()
    con.execute("SET memory_limit = '4GB'")  # a shared machine: spill rather than take it all
    con.execute(f"SET temp_directory = '{out}.spill'")  # beside the output, not in the cwd
    con.execute(f"ATTACH '{db}' AS src (READ_ONLY)")
    lo, hi = con.execute(
        "SELECT min(CAST(order_key AS DATE)), max(CAST(order_key AS DATE)) FROM src.events"
        " WHERE order_key < '~' AND length(order_key) = 10"
    ).fetchone()
    span = (hi - lo).days + 1
    cols = ", ".join(c for c in COLUMNS if c not in ("id", "date"))
    con.execute(
        f"""COPY (
          WITH days AS (SELECT *, TRY_CAST(date AS DATE) AS day FROM src.events),
          copies AS (SELECT * FROM range({copies}) r(k))
          SELECT id || '-' || k AS id, {cols},
                 CASE WHEN day IS NULL THEN date
                      ELSE strftime(day + CAST(k * {span} AS INTEGER), '%Y-%m-%d') END AS date,
                 CASE WHEN day IS NULL THEN '~'
                      ELSE strftime(day + CAST(k * {span} AS INTEGER), '%Y-%m-%d') END
                   AS order_key,
                 year(day + CAST(k * {span} AS INTEGER)) AS year,
                 month(day + CAST(k * {span} AS INTEGER)) AS month
          FROM copies, days
        ) TO '{out}' (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)"""
    )
    return con.execute(f"SELECT count(*) FROM read_parquet('{out}/*/*/*.parquet')").fetchone()[0]


def timed(con: duckdb.DuckDBPyConnection, label: str, sql: str, runs: int = 3) -> None:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        found = con.execute(sql).fetchall()
        best = min(best, time.perf_counter() - t0)
    print(f"{best * 1000:8.1f} ms  {label} ({len(found)} rows)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-db", type=Path, required=True)
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if not args.out.exists():
        t0 = time.perf_counter()
        n = build(args.from_db, args.copies, args.out)
        print(f"wrote {n} events in {time.perf_counter() - t0:.0f} s")
    con = duckdb.connect()
    files = f"read_parquet('{args.out}/*/*/*.parquet', hive_partitioning = true)"
    con.execute(f"CREATE VIEW events AS SELECT * FROM {files}")
    size = sum(f.stat().st_size for f in args.out.rglob("*.parquet"))
    print(f"{con.execute('SELECT count(*) FROM events').fetchone()[0]} events, {size / 1e9:.1f} GB")
    y, m = con.execute(
        "SELECT year, max(month) FROM events WHERE year = (SELECT max(year) FROM events)"
        " GROUP BY year"
    ).fetchone()
    cols = ", ".join(COLUMNS)
    newest = f"year = {y} AND month = {m}"
    timed(con, "count(*)", "SELECT count(*) FROM events")
    timed(
        con,
        "newest page, newest month's partition first",
        f"SELECT {cols} FROM events WHERE {newest} ORDER BY order_key DESC, id DESC LIMIT 101",
    )
    timed(
        con,
        "newest page, no partition hint",
        f"SELECT {cols} FROM events WHERE order_key < '~'"
        " ORDER BY order_key DESC, id DESC LIMIT 101",
    )
    timed(
        con,
        "newest page of one actor, newest month",
        f"SELECT {cols} FROM events WHERE {newest} AND (source_country = 'RUS' OR"
        " target_country = 'RUS') ORDER BY order_key DESC, id DESC LIMIT 101",
    )
    timed(
        con,
        "timeline of one month by quad class",
        f"SELECT order_key, quad_class, count(*) FROM events WHERE {newest} GROUP BY ALL",
    )
    timed(
        con,
        "timeline of everything by month",
        "SELECT year, month, quad_class, count(*) FROM events GROUP BY ALL",
        runs=1,
    )
    timed(
        con,
        "network of one month",
        f"SELECT source_country, target_country, count(*) n, avg(goldstein) FROM events"
        f" WHERE {newest} AND source_country IS NOT NULL AND target_country IS NOT NULL"
        " GROUP BY ALL ORDER BY n DESC LIMIT 60",
    )


if __name__ == "__main__":
    main()
