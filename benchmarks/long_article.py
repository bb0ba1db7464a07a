"""Time and peak memory of coding one long article, for several lengths (each in its own process).

    .venv/bin/python benchmarks/long_article.py [--chars 100000 300000] [--piece-chars N]

The article is the bundled examples' bodies repeated (paragraphs of wire copy) up to the length.
Long texts are parsed in pieces (src/eventwire/longtext.py); the figure to watch is how the time
grows with the length (linear would be 3x for 3x the characters).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def long_text(chars: int) -> str:
    bodies = [
        path.read_text(encoding="utf-8").split("\n", 1)[1].strip()
        for path in sorted((ROOT / "examples" / "articles").glob("*.txt"))
    ]
    parts: list[str] = []
    size = 0
    while size < chars:
        parts.append(bodies[len(parts) % len(bodies)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


def run(chars: int, piece_chars: int | None, out: mp.Queue) -> None:
    import dataclasses

    from eventwire.pipeline import Coder
    from eventwire.records import Article

    coder = Coder.load()
    if piece_chars:
        coder = dataclasses.replace(coder, piece_chars=piece_chars)
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    text = long_text(chars)
    article = Article("long", None, None, date(2020, 1, 1), "Long", text)
    start = time.perf_counter()
    analysis = coder.analyse(article)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    out.put((len(text), seconds, len(analysis.events), loaded, peak))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, nargs="+", default=[100_000, 300_000])
    parser.add_argument("--piece-chars", type=int, default=None)
    args = parser.parse_args()
    context = mp.get_context("spawn")
    for chars in args.chars:
        queue = context.Queue()
        child = context.Process(target=run, args=(chars, args.piece_chars, queue))
        child.start()
        length, seconds, events, loaded, peak = queue.get()
        child.join()
        print(
            f"{length:>9,} characters: {seconds:6.1f} s, {events} events, "
            f"peak {peak} MB (models loaded: {loaded} MB)"
        )


if __name__ == "__main__":
    main()
