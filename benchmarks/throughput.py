"""Throughput of eventwire coding against bare spaCy parsing of the same articles, same run.

    .venv/bin/python benchmarks/throughput.py [--corpus FILE] [--articles N] [--batch-size B]
        [--repeat R] [--diff FILE] [--parse-only R]

Each mode runs in its own child process (so peak memory is its own) on the same articles:
  spacy      nlp.pipe over the texts (the cost floor: the full en_core_web_sm pipeline)
  eventwire  Coder.analyse_batch: the same parse plus times, places, actors, events, merge
  prefilter  Coder(prefilter=True).code_batch: events only, sentences that cannot hold an event
             masked before the parse (src/eventwire/prefilter.py)
The figure that matters is the ratio eventwire / spacy (1.0 = no overhead over parsing). With
--repeat, the modes run R times in turn and each keeps its fastest run (the machine is shared).
The events of the two eventwire modes are compared article by article; --diff writes every event
found by one mode only (JSON Lines, with the mode that found it). --parse-only R instead times, in
one process and in turn R times, nlp.pipe over the texts and over the pre-filtered Docs (masking
included): the parse saving alone, less exposed to the load of a shared machine.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing as mp
import platform
import resource
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"
MODES = ("spacy", "eventwire", "prefilter")


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
        coded: list[list] = []
    else:
        from eventwire.pipeline import Coder

        coder = Coder.load(batch_size=batch_size, prefilter=mode == "prefilter")
        started = time.perf_counter()
        if mode == "prefilter":
            coded = coder.code_batch(articles)
        else:
            coded = [a.events for a in coder.analyse_batch(articles)]
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
            "events": sum(len(evs) for evs in coded),
            "peak_rss_mb": round(peak_mb),
            "coded": [[_plain(e) for e in evs] for evs in coded],
        }
    )


def _plain(event: object) -> dict:
    return json.loads(json.dumps(dataclasses.asdict(event), default=str))  # type: ignore[arg-type]


def compare_events(full: list[list[dict]], filtered: list[list[dict]]) -> tuple[int, list[dict]]:
    """Articles whose events are identical, and every event found by one mode only."""
    same, only = 0, []
    for evs_full, evs_filtered in zip(full, filtered, strict=True):
        if evs_full == evs_filtered:
            same += 1
            continue
        only += [{"mode": "eventwire", **e} for e in evs_full if e not in evs_filtered]
        only += [{"mode": "prefilter", **e} for e in evs_filtered if e not in evs_full]
    return same, only


def parse_only(corpus: Path, limit: int, batch_size: int, rounds: int) -> None:
    import dataclasses as dc

    from eventwire.pipeline import Coder
    from eventwire.prefilter import prefiltered_doc

    articles = load_articles(corpus, limit)
    coder = dc.replace(Coder.load(batch_size=batch_size), prefilter=True)
    assert coder.trigger_words is not None
    best = {"spacy": float("inf"), "prefiltered": float("inf")}
    for _ in range(rounds):
        for mode in best:
            started = time.perf_counter()
            if mode == "spacy":
                inputs: list = [a.text for a in articles]
            else:
                inputs = [prefiltered_doc(coder.nlp, a.text, coder.trigger_words) for a in articles]
            for _doc in coder.nlp.pipe(inputs, batch_size=batch_size):
                pass
            best[mode] = min(best[mode], time.perf_counter() - started)
    print(
        f"parse only, best of {rounds}: bare spaCy {best['spacy']:.2f} s, pre-filtered "
        f"{best['prefiltered']:.2f} s, ratio {best['prefiltered'] / best['spacy']:.2f} "
        f"on {len(articles)} articles of {corpus.name}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--diff", type=Path, help="write events found by one mode only here")
    parser.add_argument("--parse-only", type=int, default=0, metavar="R")
    args = parser.parse_args()
    if args.parse_only:
        parse_only(args.corpus, args.articles, args.batch_size, args.parse_only)
        return
    ctx = mp.get_context("spawn")
    results: dict[str, dict] = {}
    for _ in range(args.repeat):
        for mode in MODES:
            queue: mp.Queue = ctx.Queue()
            proc = ctx.Process(
                target=run_mode,
                args=(mode, str(args.corpus), args.articles, args.batch_size, queue),
            )
            proc.start()
            result = queue.get()
            proc.join()
            if mode not in results or result["seconds"] < results[mode]["seconds"]:
                results[mode] = result
    for mode in MODES:
        print(json.dumps({k: v for k, v in results[mode].items() if k != "coded"}))
    same, only = compare_events(results["eventwire"]["coded"], results["prefilter"]["coded"])
    if args.diff:
        args.diff.write_text("".join(json.dumps(e) + "\n" for e in only), encoding="utf-8")
    ratio = results["eventwire"]["seconds"] / results["spacy"]["seconds"]
    ratio_pf = results["prefilter"]["seconds"] / results["spacy"]["seconds"]
    print(
        f"machine: {platform.machine()}, {mp.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(
        f"eventwire / bare spaCy time ratio: {ratio:.2f} "
        f"({results['eventwire']['words_per_s']} vs {results['spacy']['words_per_s']} words/s "
        f"on {results['spacy']['articles']} articles of {args.corpus.name})"
    )
    print(
        f"eventwire with pre-filter / bare spaCy time ratio: {ratio_pf:.2f} "
        f"({results['prefilter']['words_per_s']} words/s)"
    )
    print(
        f"events with / without pre-filter: {results['prefilter']['events']} / "
        f"{results['eventwire']['events']}; articles with identical events: {same} of "
        f"{results['spacy']['articles']}; events found by one mode only: {len(only)}"
    )


if __name__ == "__main__":
    main()
