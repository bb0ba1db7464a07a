"""Speed-up of coding on more processes (and on Dask) against spaCy's own multi-process parsing.

    .venv/bin/python benchmarks/scale.py [--corpus FILE] [--articles N] [--workers W]
        [--modes spacy-1,spacy-W,...] [--repeat R]

Modes, each in its own child process, on the same articles:
  spacy-1        nlp.pipe, one process (the cost floor)
  spacy-W        nlp.pipe(n_process=W) (spaCy's own answer to more cores)
  ingest-1       eventwire ingest into DuckDB, coding in the same process
  ingest-W       eventwire ingest, coding on W worker processes (--workers W)
  dask-W         eventwire ingest, coding on a Dask LocalCluster of W single-thread workers
  parts-W        eventwire ingest --parquet-dir --workers W: each worker writes its batches'
                 events as Parquet parts, only counts come back (no DuckDB)
  dask-parts-W   the same on the Dask LocalCluster (--parquet-dir --scheduler)
With --repeat R the modes run R rounds, interleaved, and each mode's median run is reported (on
a shared machine the load drifts between modes). Model loading is left out of every timing
(workers are warmed up first); the ingest modes include reading, dedupe and writing the store
(the parts modes: the workers' Parquet files and the client's ledger). Figures that matter: each
ingest mode / the spaCy mode with as many processes, and ingest-W's speed-up over ingest-1.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"


def write_subset(corpus: Path, limit: int, out: Path) -> int:
    """The first `limit` articles of `corpus`, dated, as JSON Lines (ingest's input)."""
    from eventwire.readers import read_inputs
    from eventwire.records import Article

    count = 0
    with out.open("w") as handle:
        for item in read_inputs([str(corpus)], published=date(2005, 1, 1)):
            if isinstance(item, Article):
                row = {"id": item.id, "date": item.published.isoformat(), "title": item.title}
                handle.write(json.dumps(row | {"text": item.text}) + "\n")
                count += 1
                if count == limit:
                    break
    return count


def texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.open()]


def time_spacy(path: Path, workers: int, batch_size: int) -> float:
    from eventwire.nlp import load_nlp

    nlp, docs = load_nlp(), texts(path)
    started = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=batch_size, n_process=workers):
        pass
    return time.perf_counter() - started


def time_ingest(
    path: Path, workers: int, batch_size: int, dask: bool, parts: bool
) -> tuple[float, int]:
    from eventwire.ingest import ingest
    from eventwire.scale import CoderSpec, open_pool
    from eventwire.scale.ledger import PartsLedger
    from eventwire.scale.writers import open_writer
    from eventwire.store import open_store

    spec = CoderSpec()
    cluster = None
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "parts"

        def pool_for(scheduler: str | None):  # noqa: ANN202
            if parts:
                return open_writer(spec, out, workers=workers, scheduler=scheduler)
            return open_pool(spec, workers=workers, scheduler=scheduler)

        if dask:
            from distributed import LocalCluster

            cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            pool = pool_for(cluster.scheduler_address)
        else:
            pool = pool_for(None)
            warm = [pool.submit([]) for _ in range(workers)]  # start and load every worker
            for future in warm:
                future.result()
        target = PartsLedger.open(out) if parts else open_store(Path(tmp) / "bench.duckdb")
        with target:
            started = time.perf_counter()
            report = ingest([str(path)], target, pool, batch_size=batch_size)
            seconds = time.perf_counter() - started
        pool.close()
    if cluster is not None:
        cluster.close()
    return seconds, report.events


def run_mode(mode: str, path: str, workers: int, batch_size: int, out: mp.Queue) -> None:
    kind, _, count = mode.rpartition("-")
    n = int(count)
    events = 0
    if kind == "spacy":
        seconds = time_spacy(Path(path), n, batch_size)
    else:
        seconds, events = time_ingest(
            Path(path), n, batch_size, dask=kind.startswith("dask"), parts=kind.endswith("parts")
        )
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.put(
        {
            "mode": mode,
            "seconds": round(seconds, 2),
            "events": events,
            "peak_rss_mb": round(self_mb),
            "largest_child_rss_mb": round(child_mb),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--modes", help="comma-separated modes to run (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the median is reported")
    args = parser.parse_args()
    w = args.workers
    modes = ["spacy-1", f"spacy-{w}", "ingest-1", f"ingest-{w}", f"dask-{w}"]
    modes += [f"parts-{w}", f"dask-parts-{w}"]
    if args.modes:
        modes = args.modes.split(",")
    ctx = mp.get_context("spawn")
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        articles = write_subset(args.corpus, args.articles, subset)
        words = sum(len(t.split()) for t in texts(subset))
        runs: dict[str, list[dict]] = {mode: [] for mode in modes}
        for round_ in range(args.repeat):  # modes interleaved: a change in load hits them all
            for mode in modes:
                queue: mp.Queue = ctx.Queue()
                child = ctx.Process(
                    target=run_mode, args=(mode, str(subset), w, args.batch_size, queue)
                )
                child.start()
                row = queue.get()
                child.join()
                row["round"] = round_ + 1
                row["articles_per_s"] = round(articles / row["seconds"], 1)
                row["words_per_s"] = round(words / row["seconds"])
                runs[mode].append(row)
                print(json.dumps(row), flush=True)
        for mode, rows in runs.items():  # the median run of each mode
            results[mode] = sorted(rows, key=lambda r: r["seconds"])[len(rows) // 2]

    def ratio(a: str, b: str) -> float | None:
        if a not in results or b not in results:
            return None
        return round(results[a]["seconds"] / results[b]["seconds"], 2)

    summary = {
        "machine": f"{platform.machine()} {platform.system()}, {mp.cpu_count()} cores",
        "articles": articles,
        "words": words,
        f"ingest-{w} / spacy-{w} time": ratio(f"ingest-{w}", f"spacy-{w}"),
        f"parts-{w} / spacy-{w} time": ratio(f"parts-{w}", f"spacy-{w}"),
        f"dask-{w} / spacy-{w} time": ratio(f"dask-{w}", f"spacy-{w}"),
        f"dask-parts-{w} / spacy-{w} time": ratio(f"dask-parts-{w}", f"spacy-{w}"),
        "ingest-1 / spacy-1 time": ratio("ingest-1", "spacy-1"),
        f"speed-up ingest-1 -> ingest-{w}": ratio("ingest-1", f"ingest-{w}"),
        f"speed-up ingest-1 -> dask-{w}": ratio("ingest-1", f"dask-{w}"),
        f"speed-up spacy-1 -> spacy-{w}": ratio("spacy-1", f"spacy-{w}"),
    }
    summary = {k: v for k, v in summary.items() if v is not None}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
