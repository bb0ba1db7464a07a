"""`eventwire follow` on local sites: what fetching and reading cost next to coding, and memory.

    .venv/bin/python benchmarks/follow.py [--items 100] [--sources 5] [--polls 1000]
                                          [--corpus FILE] [--delay 0]

Five news sites are served on 127.0.0.1 (the test suite's `tests/follow/news_site.py`), each
with an RSS feed (with an ETag) of its share of --items BBC articles as HTML pages. Parts:

  poll     one poll of every new item, three ways, each on a fresh DuckDB store:
             fetch   the coder replaced by one that finds nothing: fetch + extraction + store
             coding  Coder.code_batch alone over the same articles (already extracted)
             follow  the real poll: fetch, extraction, coding and store, overlapped
           per item, and `follow` as a multiple of `coding` (1.0: fetching costs nothing)
  memory   --polls polls of the unchanged feeds (each source a 304) in one process after a
           first poll stored everything; resident memory every 10% of the way

--delay is the etiquette's minimum seconds between two requests to one host (the default of
`follow` is 1.0; 0 measures the machine, not the politeness).
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sys
import threading
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "follow"))

from news_site import FeedItem, NewsSite, article_page, news_sites, rss  # noqa: E402

from eventwire.follow.etiquette import Etiquette  # noqa: E402
from eventwire.follow.fetch import Fetcher  # noqa: E402
from eventwire.follow.poll import Poller, PollSettings  # noqa: E402
from eventwire.follow.state import StoreState  # noqa: E402
from eventwire.readers.dedupe import Deduper  # noqa: E402
from eventwire.records import Article  # noqa: E402
from eventwire.scale import InlinePool  # noqa: E402
from eventwire.store import open_store  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"


def load_stories(corpus: Path, count: int) -> list[dict]:
    stories = []
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if len(record["text"].split()) >= 150:
                stories.append(record)
            if len(stories) == count:
                return stories
    raise SystemExit(f"{corpus} has fewer than {count} usable articles")


def serve(sites: list[NewsSite], stories: list[dict]) -> list[str]:
    """Each story as a page on one of the sites (round robin); each site's feed URL."""
    items: dict[int, list[FeedItem]] = {i: [] for i in range(len(sites))}
    for number, record in enumerate(stories):
        site = sites[number % len(sites)]
        day = f"2005-01-{number % 28 + 1:02d}"
        url = site.put(f"/news/{number}", article_page(record["title"], record["text"], day))
        items[number % len(sites)].append(FeedItem(url, record["title"], day))
    feeds = []
    for index, site in enumerate(sites):
        body = rss(items[index])
        feeds.append(site.put("/rss", body, content_type="application/rss+xml", etag='"v1"'))
    return feeds


def nothing(articles: list[Article]) -> list[list]:
    return [[] for _ in articles]


def poller(db: Path, feeds: list[str], coding, etiquette: Etiquette) -> Poller:  # noqa: ANN001
    return Poller(
        feeds,
        StoreState(open_store(str(db))),
        InlinePool(coding),
        Fetcher(etiquette),
        Deduper(),
        PollSettings(max_items=10_000),
    )


def shut(p: Poller) -> None:
    p.close()
    p.fetcher.close()
    p.state.store.close()  # type: ignore[attr-defined]


def timed_poll(db: Path, feeds: list[str], coding, etiquette: Etiquette) -> tuple[float, object]:  # noqa: ANN001
    p = poller(db, feeds, coding, etiquette)
    try:
        started = time.perf_counter()
        report = p.poll().report
        return time.perf_counter() - started, report
    finally:
        shut(p)


def part_poll(sites: list[NewsSite], feeds: list[str], etiquette: Etiquette, folder: Path) -> None:
    from eventwire.pipeline import Coder

    coder = Coder.load()
    coder.code_batch([Article("warm", None, None, date(2005, 1, 1), "", "Leaders met.")])
    fetch_s, fetch_report = timed_poll(folder / "fetch.duckdb", feeds, nothing, etiquette)
    with open_store(str(folder / "fetch.duckdb"), read_only=True) as store:
        ids = [i for (i,) in store.rows("SELECT id FROM articles ORDER BY id")]
        articles = [store.article(i) for i in ids]
    started = time.perf_counter()
    for start in range(0, len(articles), 16):
        coder.code_batch(articles[start : start + 16])
    coding_s = time.perf_counter() - started
    for site in sites:
        site.clear_log()
    follow_s, report = timed_poll(folder / "follow.duckdb", feeds, coder.code_batch, etiquette)
    n = report.articles  # type: ignore[attr-defined]
    print(
        f"poll of {report.items} new items from {len(feeds)} local sources, "  # type: ignore[attr-defined]
        f"min delay {etiquette.min_delay} s per host"
    )
    line("fetch (+ extraction, store; no coding)", fetch_s, n, f"{fetch_report.articles} stored")  # type: ignore[attr-defined]
    line("coding alone", coding_s, n, "")
    line("follow (all of it, overlapped)", follow_s, n, f"{report.events} events")  # type: ignore[attr-defined]
    print(
        f"  follow / coding = {follow_s / coding_s:.2f}; fetch / coding = {fetch_s / coding_s:.2f}"
    )


def line(what: str, seconds: float, items: int, note: str) -> None:
    per_item = seconds / items * 1000
    print(f"  {what:<40} {seconds:7.2f} s {per_item:7.1f} ms/item  {note}")


def part_memory(feeds: list[str], etiquette: Etiquette, polls: int, folder: Path) -> None:
    process = psutil.Process()
    p = poller(folder / "memory.duckdb", feeds, nothing, etiquette)
    try:
        first = p.poll().report
        print(f"memory over {polls} polls of unchanged feeds (first poll stored {first.articles})")
        samples = []
        started = time.perf_counter()
        for number in range(1, polls + 1):
            report = p.poll().report
            assert report.items == 0 and report.unchanged == len(feeds), report
            if number % max(1, polls // 10) == 0:
                gc.collect()
                samples.append((number, process.memory_info().rss / 2**20))
        elapsed = time.perf_counter() - started
    finally:
        shut(p)
    print("  polls   RSS MB")
    for number, rss_mb in samples:
        print(f"  {number:5d}   {rss_mb:7.1f}")
    print(
        f"  growth from poll {samples[0][0]} to {samples[-1][0]}: "
        f"{samples[-1][1] - samples[0][1]:+.1f} MB; {elapsed / polls * 1000:.1f} ms per poll "
        f"({threading.active_count()} threads alive at the end)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=100)
    parser.add_argument("--sources", type=int, default=5)
    parser.add_argument("--polls", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--delay", type=float, default=0.0)
    parser.add_argument("--skip-poll", action="store_true")
    args = parser.parse_args()
    print(
        f"machine: {platform.processor() or platform.machine()}, {psutil.cpu_count()} cores, "
        f"load {psutil.getloadavg()[0]:.1f}"
    )
    etiquette = replace(Etiquette(), min_delay=args.delay)
    stories = load_stories(args.corpus, args.items)
    with news_sites(args.sources) as sites, TemporaryDirectory() as folder:
        feeds = serve(sites, stories)
        if not args.skip_poll:
            part_poll(sites, feeds, etiquette, Path(folder))
        part_memory(feeds, etiquette, args.polls, Path(folder))


if __name__ == "__main__":
    main()
