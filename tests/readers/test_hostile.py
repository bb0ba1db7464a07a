"""Hostile inputs: each must cost time in proportion to its size and end in articles or rejects.

Inputs are generated in tmp dirs. The `timeout` marks are hang guards (before the fixes these
inputs ran for hours or forever), far above what the linear code needs; nothing here times a run.
"""

from __future__ import annotations

import gzip
import os
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.readers import MAX_REJECTS_PER_FILE, read_inputs
from eventwire.readers.markup import strip_html
from eventwire.readers.text import seed_header
from eventwire.records import Article, Reject

# The whole-line pattern the seed header was read with (quadratic on long lines): the reference.
_OLD_HEADER = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*?))?[ \t]*\r?$")


@given(st.text(alphabet=" \t\rdate0123456789-xX\u00a0", max_size=40))
def test_seed_header_reads_lines_as_the_whole_line_pattern_did(tail: str) -> None:
    for line in (tail, "date 2019-12-24" + tail, " \tdate  2019-12-24 " + tail):
        old = _OLD_HEADER.match(line)
        expected = None if old is None else (old[1], old[2] or "")
        assert seed_header(line) == expected


@pytest.mark.timeout(60)
def test_long_first_line_is_read_in_linear_time(tmp_path: Path) -> None:
    # The old pattern backtracked over every space: 64 KB took 31 s, 4 MB hours.
    path = tmp_path / "long.txt"
    path.write_text("date 2019-12-24 a" + " " * 2_000_000 + "b\nBody text here.\n")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article)
    assert article.published == date(2019, 12, 24)
    assert article.title == "a b"


@pytest.mark.timeout(60)
def test_feed_summary_with_long_space_runs_is_stripped_in_linear_time() -> None:
    fragment = "<p>a" + "\u00a0" * 500_000 + "b</p><p>c</p>"
    text = strip_html(fragment)
    assert text.startswith("a\u00a0") and text.endswith("b\n\nc")


def test_paragraph_breaks_still_collapse() -> None:
    assert strip_html("<p>one</p>\n \n<div> two </div><br><br>three") == "one\n\ntwo\n\nthree"


@pytest.mark.timeout(60)
def test_fifo_and_device_in_an_input_folder_are_skipped_with_a_reject(tmp_path: Path) -> None:
    # Opening a FIFO that no one writes to blocked ingest forever; /dev/zero never ends.
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("date 2019-12-24 Title\nBody text.\n")
    os.mkfifo(folder / "b.jsonl")
    (folder / "c.jsonl").symlink_to("/dev/zero")
    items = list(read_inputs([str(folder)]))
    assert isinstance(items[0], Article)
    rejects = {Path(r.source_file).name: r for r in items[1:] if isinstance(r, Reject)}
    assert set(rejects) == {"b.jsonl", "c.jsonl"} and len(items) == 3
    assert rejects["b.jsonl"].reason == "NOT_A_FILE"
    assert "named pipe" in rejects["b.jsonl"].message
    assert "device" in rejects["c.jsonl"].message


def test_rejects_are_capped_per_file_with_a_count_of_the_rest(tmp_path: Path) -> None:
    # 1 KB of gzip that holds thousands of bad lines: one summary instead of a reject each.
    path = tmp_path / "bomb.jsonl.gz"
    lines = 5_000
    path.write_bytes(gzip.compress(b"{}\n" * lines + b"[1]\n"))
    good = tmp_path / "good.jsonl"
    good.write_text('{"id": "a", "published": "2020-01-01", "text": "Fine."}\n{}\n')
    items = list(read_inputs([str(path), str(good)]))
    bomb = [r for r in items if isinstance(r, Reject) and r.source_file == str(path)]
    assert len(bomb) == MAX_REJECTS_PER_FILE + 1
    summary = bomb[-1]
    assert summary.reason == "TOO_MANY_REJECTS" and summary.position == "file"
    more = lines + 1 - MAX_REJECTS_PER_FILE
    assert f"{more:,} more rejects" in summary.message
    assert f"MALFORMED {more:,}" in summary.message
    # The cap is per file: the next file's reject and article are all there.
    assert [type(i).__name__ for i in items[len(bomb) :]] == ["Article", "Reject"]


@pytest.mark.parametrize("packed", [False, True], ids=["warc", "warc.gz"])
def test_a_warc_cut_anywhere_in_its_last_record_never_loses_it_silently(
    tmp_path: Path, packed: bool
) -> None:
    # Cut inside the record header, warcio stopped (or gave a record without a length) and the
    # page disappeared without a reject; now every cut gives the page or a reject at its offset.
    from warcio.archiveiterator import ArchiveIterator

    from .conftest import write_warc

    page = b"<html><body><article><p>" + b"Ministers met in Geneva on Monday. " * 8 + b"</p>"
    pages = [("https://x.example/a", "text/html", page)]
    whole = write_warc(tmp_path / "whole.warc", pages, packed)
    data = whole.read_bytes()
    with whole.open("rb") as stream:
        records = ArchiveIterator(stream)
        starts = [records.offset for _ in records]
    after, start = starts[-2] + 1, starts[-1]  # the response: the page
    cut = tmp_path / ("cut.warc.gz" if packed else "cut.warc")
    for end in range(start + 1, len(data) - 4):
        cut.write_bytes(data[:end])
        items = list(read_inputs([str(cut)], published=date(2022, 1, 1)))
        # The reject's offset: the record's start, or the end of the one before (warcio's
        # position when it stops in the blank lines between records).
        said = [i for i in items if isinstance(i, Article) or _byte(i) in range(after, start + 1)]
        assert said, f"cut at byte {end}: the record at byte {start} vanished: {items}"
        assert all(isinstance(i, Article) or i.reason in ("IO_ERROR", "MALFORMED") for i in said)


def _byte(reject: Reject) -> int:
    return int(reject.position.removeprefix("byte ")) if reject.position[:5] == "byte " else -1


def test_a_page_nested_past_the_parsers_depth_says_why_it_has_no_text(tmp_path: Path) -> None:
    body = "<p>" + "Ministers met in Geneva on Monday to talk about the war. " * 5 + "</p>"
    deep = tmp_path / "deep.html"
    deep.write_text(f"<html><body>{'<div>' * 100_000}{body}{'</div>' * 100_000}</body></html>")
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><div></div></body></html>")
    found = {Path(r.source_file).name: r for r in read_inputs([str(deep), str(empty)])}
    assert isinstance(found["deep.html"], Reject) and found["deep.html"].reason == "EMPTY_TEXT"
    assert "could not be extracted" in found["deep.html"].message
    assert "nest deeper than the HTML parser's limit" in found["deep.html"].message
    assert found["empty.html"].message.startswith("no text in")
