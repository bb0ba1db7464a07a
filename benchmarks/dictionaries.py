"""Cost of loading user actor dictionaries (`--actors`): the PETRARCH2/Phoenix files.

    .venv/bin/python benchmarks/dictionaries.py [--dir ../shared/reference/petrarch] [--repeat 3]
        [--articles 100]

Each row is measured in a fresh process: the built-in tables alone, each Phoenix file alone and
all four together. Time is the best of `--repeat` loads (wall and CPU); memory is what the
loaded dictionary keeps (tracemalloc, Python objects) and the growth of the process's peak
resident size during the first load. With `--articles N`, also the CPU time of the actor stage
(`find_actors`) on N parsed BBC articles with the built-in tables and with all four files.
Figures vary with the machine's load: run it alone.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"
DEFAULT_DIR = ROOT.parent / "shared" / "reference" / "petrarch"
FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)


def measure(paths: list[str], repeat: int) -> dict:
    """Load the dictionary in this process: the peak resident growth of the first load, the
    Python memory the dictionary keeps (a load under tracemalloc), the best time of `repeat`."""
    import spacy

    from eventwire.actors import dictionary

    spacy.blank("en")  # the tokenizer's own load is not the dictionaries' cost
    files = [Path(p) for p in paths]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start, cpu = time.perf_counter(), time.process_time()
    loaded = dictionary.ActorDictionary.load(files)
    best, best_cpu = time.perf_counter() - start, time.process_time() - cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(repeat - 1):
        start, cpu = time.perf_counter(), time.process_time()
        loaded = dictionary.ActorDictionary.load(files)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    del loaded
    tracemalloc.start()
    loaded = dictionary.ActorDictionary.load(files)
    kept = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    report = loaded.report
    return {
        "seconds": best,
        "cpu_seconds": best_cpu,
        "kept_mb": kept / 1e6,
        "peak_rss_mb": (rss_after - rss_before) / 1024,
        "lines": sum(f.lines for f in report.files),
        "entries": report.entries,
        "phrases": len(loaded),
        "skipped": report.skipped,
        "warnings": len(report.slips),
    }


def actor_stage(paths: list[Path], articles: int) -> None:
    """CPU seconds of `find_actors` on parsed articles, built-in tables vs. with the files."""
    from datetime import date

    from eventwire.actors import ActorDictionary, find_actors
    from eventwire.nlp import load_nlp

    with CORPUS.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(articles), lines, strict=False)]
    docs = list(load_nlp().pipe(texts))
    for label, dictionary in (
        ("built-in tables", ActorDictionary.load()),
        ("with the four files", ActorDictionary.load(paths)),
    ):
        best, found = float("inf"), 0
        for _ in range(3):
            start = time.process_time()
            found = sum(len(find_actors(doc, date(2005, 6, 1), dictionary)) for doc in docs)
            best = min(best, time.process_time() - start)
        print(f"actor stage, {len(docs)} articles, {label}: {best:.2f} s CPU, {found} actors")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--child", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(measure(args.child, args.repeat)))
        return
    rows = [("built-in tables only", [])]
    rows += [(name, [str(args.dir / name)]) for name in FILES]
    rows.append(("all four Phoenix files", [str(args.dir / name) for name in FILES]))
    print(
        "| dictionaries | lines | entries | phrases (all) | skipped / warnings | load s "
        "| CPU s | kept MB | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    base = None
    for label, paths in rows:
        out = subprocess.run(
            [sys.executable, __file__, "--repeat", str(args.repeat), "--child", *paths],
            check=True,
            capture_output=True,
            text=True,
        )
        got = json.loads(out.stdout)
        base = base or got
        extra = (
            ""
            if got is base
            else (
                f" (+{got['seconds'] - base['seconds']:.2f})",
                f" (+{got['cpu_seconds'] - base['cpu_seconds']:.2f})",
                f" (+{got['kept_mb'] - base['kept_mb']:.1f})",
                f" (+{got['peak_rss_mb'] - base['peak_rss_mb']:.1f})",
            )
        )
        s_extra, c_extra, k_extra, r_extra = extra or ("", "", "", "")
        print(
            f"| {label} | {got['lines']:,} | {got['entries']:,} | {got['phrases']:,} "
            f"| {got['skipped']} / {got['warnings']} | {got['seconds']:.2f}{s_extra} "
            f"| {got['cpu_seconds']:.2f}{c_extra} "
            f"| {got['kept_mb']:.1f}{k_extra} | {got['peak_rss_mb']:.1f}{r_extra} |"
        )
    if args.articles:
        actor_stage([args.dir / name for name in FILES], args.articles)


if __name__ == "__main__":
    main()
