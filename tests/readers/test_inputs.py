from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.readers import ReadStats, iter_input_files, read_inputs
from eventwire.readers.sniff import sniff_format
from eventwire.records import Article, Reject

SEED = "date 2019-12-24 Talks in Moscow\n\nThe ministers met in Moscow on Monday.\n"


def _tree(root: Path) -> Path:
    (root / "b" / "deep").mkdir(parents=True)
    (root / "a.txt").write_text(SEED)
    (root / "b" / "deep" / "c.txt").write_text(SEED.replace("Moscow", "Ankara"))
    (root / "b" / "d.jsonl").write_text('{"id": "d1", "date": "2020-01-01", "text": "Hi."}\n')
    (root / ".hidden.txt").write_text(SEED)
    return root


def test_directories_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    names = [Path(n).relative_to(root).as_posix() for n in iter_input_files([str(root)])]
    assert names == ["a.txt", "b/d.jsonl", "b/deep/c.txt"]


def test_globs_expand_sorted_and_recursive(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    names = list(iter_input_files([str(root / "**" / "*.txt")]))
    assert [Path(n).name for n in names] == ["a.txt", "c.txt"]


def test_missing_inputs_are_not_found_rejects(tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path / "*.none")]))
    assert [item.reason for item in items] == ["NOT_FOUND", "NOT_FOUND"]  # type: ignore[union-attr]


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(SEED.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    [article] = read_inputs(["-"])
    assert isinstance(article, Article)
    assert article.title == "Talks in Moscow"


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)],
)
def test_compressed_inputs_are_read_transparently(
    tmp_path: Path, fixtures: Path, suffix: str, compress: object
) -> None:
    for name in ("seed-layout.txt", "articles.jsonl", "feed.rss", "page-dated.html"):
        (tmp_path / (name + suffix)).write_bytes(compress((fixtures / name).read_bytes()))  # type: ignore[operator]
        plain = list(read_inputs([str(fixtures / name)], published=date(2020, 1, 1)))
        packed = list(read_inputs([str(tmp_path / (name + suffix))], published=date(2020, 1, 1)))
        assert [type(i) for i in packed] == [type(i) for i in plain]
        assert [i.text for i in packed if isinstance(i, Article)] == [
            i.text for i in plain if isinstance(i, Article)
        ]


def test_corrupt_compression_is_an_io_error(tmp_path: Path, fixtures: Path) -> None:
    data = gzip.compress((fixtures / "articles.jsonl").read_bytes() * 2000)
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_inputs([str(path)]))
    # the truncation is said even past the cap on rejects per file (it comes first then)
    assert isinstance(items[-2], Reject) and items[-2].reason == "IO_ERROR"
    assert items[-1].reason == "TOO_MANY_REJECTS"
    assert any(isinstance(item, Article) for item in items)


def test_content_wins_over_a_misleading_extension(tmp_path: Path, fixtures: Path) -> None:
    shutil.copy(fixtures / "feed.atom", tmp_path / "news.xml")
    shutil.copy(fixtures / "articles.jsonl", tmp_path / "articles.data")
    items = list(read_inputs([str(tmp_path / "news.xml"), str(tmp_path / "articles.data")]))
    assert sum(isinstance(item, Article) for item in items) == 2 + 3


def test_unknown_binary_file_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    stats = ReadStats()
    [item] = read_inputs([str(tmp_path / "image.png")], stats=stats)
    assert isinstance(item, Reject) and item.reason == "UNSUPPORTED"
    assert (stats.files, stats.articles, stats.rejects) == (1, 0, 1)


def test_oversized_document_is_rejected(fixtures: Path) -> None:
    [item] = read_inputs([str(fixtures / "page-dated.html")], max_bytes=100)
    assert isinstance(item, Reject) and item.reason == "OVERSIZED"


@pytest.mark.parametrize(
    ("head", "name", "expected"),
    [
        (b"WARC/1.1\r\n", "x.bin", "warc"),
        (b'{"id": 1}', "-", "jsonl"),
        (b'<?xml version="1.0"?><rss version="2.0">', "x.xml", "feed"),
        (b"<!DOCTYPE html><html>", "page", "html"),
        (b"<html><body>", "x.txt", "text"),
        (b"date 2019-12-24 Head\n", "-", "text"),
        (b"\x89PNG", "x.png", None),
        (b"hello", "x.atom.gz", "feed"),
    ],
)
def test_sniff_format(head: bytes, name: str, expected: str | None) -> None:
    assert sniff_format(head, name) == expected
