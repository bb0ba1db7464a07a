"""Throughput of eventwire coding against bare spaCy parsing of the same articles, same run.

    .venv/bin/python benchmarks/throughput.py [--corpus FILE] [--articles N] [--batch-size B]

Each mode runs in its own child process (so peak memory is its own) on the same articles:
  spacy      nlp.pipe over the texts (the cost floor: the full en_core_web_sm pipeline)
  eventwire  Coder.analyse_batch: the same parse plus times, places, actors, events, merge
The figure that matters is the ratio eventwire / spacy (1.0 = no overhead over parsing).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import platform
import resource
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"


def load_articles(corpus: Path, limit: int) -> list:
    from eventwire.readers import read_inputs
    from eventwire.records import Article

    articles = []
    for item in read_inputs([str(corpus)], published=date(2005, 1, 1)):
        if isinstance(item, Article):
            articles.append(item)
            if len(articles) == limit:
                break
    return articles


def run_mode(mode: str, corpus: str, limit: int, batch_size: int, out: mp.Queue) -> None:
    articles = load_articles(Path(corpus), limit)
    words = sum(len(a.text.split()) for a in articles)
    if mode == "spacy":
        from eventwire.nlp import load_nlp

        nlp = load_nlp()
        started = time.perf_counter()
        for _ in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            pass
        events = 0
    else:
        from eventwire.pipeline import Coder

        coder = Coder.load(batch_size=batch_size)
        started = time.perf_counter()
        events = sum(len(a.events) for a in coder.analyse_batch(articles))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.put(
        {
            "mode": mode,
            "articles": len(articles),
            "words": words,
            "seconds": round(seconds, 2),
            "articles_per_s": round(len(articles) / seconds, 1),
            "words_per_s": round(words / seconds),
            "events": events,
            "peak_rss_mb": round(peak_mb),
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    ctx = mp.get_context("spawn")
    results = {}
    for mode in ("spacy", "eventwire"):
        queue: mp.Queue = ctx.Queue()
        proc = ctx.Process(
            target=run_mode, args=(mode, str(args.corpus), args.articles, args.batch_size, queue)
        )
        proc.start()
        results[mode] = queue.get()
        proc.join()
        print(json.dumps(results[mode]))
    ratio = results["eventwire"]["seconds"] / results["spacy"]["seconds"]
    print(
        f"machine: {platform.machine()}, {mp.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"eventwire / bare spaCy time ratio: {ratio:.2f} "
        f"({results['eventwire']['words_per_s']} vs {results['spacy']['words_per_s']} words/s "
        f"on {results['spacy']['articles']} articles of {args.corpus.name})"
    )


if __name__ == "__main__":
    main()
