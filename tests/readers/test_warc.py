from __future__ import annotations

import gzip
import lzma
from datetime import date
from pathlib import Path

import pytest

from eventwire.readers import ReadStats, read_inputs
from eventwire.records import Article, Reject

from .conftest import write_warc

PAGE = (
    b"<html><head><title>Strike closes ports</title></head><body><article>"
    b"<h1>Strike closes ports</h1><p>Dock workers went on strike on Monday, closing the "
    b"country's main ports and halting exports.</p><p>The union demands higher wages.</p>"
    b"</article></body></html>"
)


@pytest.fixture()
def crawl(tmp_path: Path, fixtures: Path) -> list[tuple[str, str, bytes]]:
    dated = (fixtures / "page-dated.html").read_bytes()
    return [
        ("https://herald.example/ceasefire", "text/html; charset=utf-8", dated),
        ("https://news.example/strike", "text/html", PAGE),
        ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("https://news.example/missing", "text/html", b"<html><body>Not found</body></html>"),
    ]


@pytest.mark.parametrize("compressed", [True, False])
def test_html_responses_become_articles(tmp_path: Path, crawl: list, compressed: bool) -> None:
    path = write_warc(tmp_path / ("c.warc.gz" if compressed else "c.warc"), crawl, compressed)
    stats = ReadStats()
    items = list(read_inputs([str(path)], stats=stats))
    assert all(isinstance(item, Article) for item in items)
    dated, strike = items
    assert dated.published == date(2021, 7, 14)  # the page's own date
    assert dated.url == "https://herald.example/ceasefire"
    assert strike.published == date(2022, 9, 1)  # no page date: the crawl date
    assert strike.source == "news.example"
    assert strike.text.startswith("Dock workers went on strike")
    # Requests, the warcinfo, the image and the 404 are counted, not rejected.
    assert stats.skipped["warc request"] == 4
    assert stats.skipped["warc warcinfo"] == 1
    assert stats.skipped["warc not html"] == 1
    assert stats.skipped["warc http status not 2xx"] == 1


def test_xz_compressed_warc_is_read(tmp_path: Path, crawl: list) -> None:
    plain = write_warc(tmp_path / "c.warc", crawl, gzip=False)
    packed = tmp_path / "c.warc.xz"
    packed.write_bytes(lzma.compress(plain.read_bytes()))
    items = list(read_inputs([str(packed)]))
    assert [type(item) for item in items] == [Article, Article]


def test_positions_are_record_offsets(tmp_path: Path, crawl: list) -> None:
    path = write_warc(tmp_path / "c.warc.gz", crawl)
    items = list(read_inputs([str(path)], max_bytes=len(PAGE) + 200))
    big, small = items
    assert isinstance(big, Reject) and big.reason == "OVERSIZED"
    offset = int(big.position.removeprefix("byte "))
    with path.open("rb") as raw:
        raw.seek(offset)
        assert gzip.GzipFile(fileobj=raw).read(5) == b"WARC/"
    assert isinstance(small, Article)


def test_truncated_warc_keeps_earlier_records_and_rejects_the_break(
    tmp_path: Path, crawl: list
) -> None:
    path = write_warc(tmp_path / "c.warc", crawl, gzip=False)
    data = path.read_bytes()
    cut = data.index(b"WARC-Target-URI: https://news.example/strike") + 10
    broken = tmp_path / "broken.warc"
    broken.write_bytes(data[:cut] + b"\r\ngarbage that is no WARC header\r\n\r\n" + b"x" * 100)
    items = list(read_inputs([str(broken)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Reject)
    assert items[-1].reason in ("MALFORMED", "IO_ERROR")
    assert items[-1].position.startswith(("byte", "after record"))


def test_warc_cut_inside_a_page_is_an_io_error(tmp_path: Path, crawl: list) -> None:
    path = write_warc(tmp_path / "c.warc", crawl, gzip=False)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.index(b"Dock workers") + 20])
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Reject)
    assert items[-1].reason == "IO_ERROR"


def test_warc_gz_cut_inside_a_page_is_a_reject(tmp_path: Path, crawl: list) -> None:
    crawl[1] = (crawl[1][0], crawl[1][1], PAGE * 40)  # a page big enough to cut in its middle
    path = write_warc(tmp_path / "c.warc.gz", crawl)
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_inputs([str(cut)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[-1], Reject)
    assert items[-1].reason in ("IO_ERROR", "MALFORMED")


def test_a_bad_page_costs_only_its_record(tmp_path: Path, crawl: list) -> None:
    junk = ("https://news.example/junk", "text/html", b"\x00\x01\x02\xff" * 300)
    path = write_warc(tmp_path / "c.warc.gz", [junk, *crawl])
    items = list(read_inputs([str(path)]))
    assert isinstance(items[0], Reject)
    assert items[0].reason == "UNDECODABLE" and items[0].position.startswith("byte ")
    assert [type(item) for item in items[1:]] == [Article, Article]
