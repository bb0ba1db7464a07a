"""Throughput of the readers (WARC.gz of HTML pages, JSON Lines) and the cost of dedupe.

    .venv/bin/python benchmarks/readers.py [--corpus FILE] [--pages N] [--out DIR]

Builds a WARC.gz crawl of N HTML pages (each a corpus article wrapped in a news-page template
with navigation, a dateline and a footer, plus a request record and an image response for every
third page), then reads it with `read_inputs` and prints MB/s of the compressed file and of the
uncompressed WARC. Also times the JSON Lines reader on the corpus and `Deduper.check` per 10k
articles. Figures vary with the machine's load: run it alone.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import time
from datetime import date
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.readers import ReadStats, read_inputs
from eventwire.readers.dedupe import Deduper

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_zitros.jsonl"
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench News</title>
<meta property="og:site_name" content="Bench News">
<meta property="article:published_time" content="2005-0{month}-1{day}T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a></nav>
<aside><h3>Most read</h3><ul><li><a href="/1">Story one</a></li>
<li><a href="/2">Story two</a></li></ul></aside>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer><p>Copyright Bench News. All rights reserved.</p></footer>
</body></html>
"""


def build_warc(corpus: Path, pages: int, path: Path) -> int:
    """A WARC.gz of up to `pages` article pages; returns how many pages it holds."""
    count = 0
    with corpus.open(encoding="utf-8") as lines, path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for line in lines:
            if count == pages:
                break
            record = json.loads(line)
            url = f"https://bench.example/news/{count}"
            paragraphs = "\n".join(
                f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p.strip()
            )
            page = PAGE.format(
                title=html.escape(record.get("title") or ""),
                paragraphs=paragraphs,
                month=count % 9 + 1,
                day=count % 9,
            )
            _write_exchange(writer, url, "text/html; charset=utf-8", page.encode())
            if count % 3 == 0:
                _write_exchange(
                    writer, url + ".png", "image/png", b"\x89PNG\r\n" + os.urandom(2000)
                )
            count += 1
    return count


def _write_exchange(writer: WARCWriter, url: str, content_type: str, body: bytes) -> None:
    asked = StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=asked))
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers)
    )


def time_read(path: Path, published: date | None = None) -> tuple[float, float, ReadStats]:
    """Wall and CPU seconds of reading one input whole (CPU time is steadier on a busy box)."""
    stats = ReadStats()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in read_inputs([str(path)], published=published, stats=stats):
        pass
    return time.perf_counter() - wall, time.process_time() - cpu, stats


def time_dedupe(corpus: Path) -> tuple[int, float, float, int]:
    texts = [(r["id"], r["text"]) for r in map(json.loads, corpus.open(encoding="utf-8"))]
    deduper = Deduper()
    wall, cpu = time.perf_counter(), time.process_time()
    repeats = sum(1 for ident, text in texts if deduper.check_text(ident, text) is not None)
    return len(texts), time.perf_counter() - wall, time.process_time() - cpu, repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    warc = args.out / "bench.warc.gz"
    pages = build_warc(args.corpus, args.pages, warc)
    packed = warc.stat().st_size
    with gzip.open(warc, "rb") as stream:
        plain = sum(len(chunk) for chunk in iter(lambda: stream.read(1 << 20), b""))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    wall, cpu, stats = time_read(warc)
    print(
        f"WARC.gz  {pages} pages, {packed / 1e6:.1f} MB packed / {plain / 1e6:.1f} MB plain: "
        f"{wall:.1f} s wall, {cpu:.1f} s CPU; per CPU second {packed / 1e6 / cpu:.2f} MB packed, "
        f"{plain / 1e6 / cpu:.2f} MB plain, {stats.articles / cpu:.0f} pages "
        f"({stats.articles} articles, {stats.rejects} rejects, skipped {dict(stats.skipped)})"
    )
    size = args.corpus.stat().st_size
    wall, cpu, stats = time_read(args.corpus, date(2005, 1, 1))
    print(
        f"JSONL    {args.corpus.name} {size / 1e6:.1f} MB: {wall:.2f} s wall, {cpu:.2f} s CPU; "
        f"{size / 1e6 / cpu:.1f} MB and {stats.articles / cpu:.0f} articles per CPU second"
    )
    count, wall, cpu, repeats = time_dedupe(args.corpus)
    print(
        f"dedupe   {count} articles of {args.corpus.name}: {wall:.2f} s wall, {cpu:.2f} s CPU; "
        f"{cpu / count * 10_000:.1f} CPU s per 10k articles, {repeats} repeats found"
    )


if __name__ == "__main__":
    main()
