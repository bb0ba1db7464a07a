"""Property tests: whatever the bytes, no exception escapes a batch, and every record comes back
as an Article or a Reject with a known reason (never INTERNAL, which would mean a reader bug)."""

from __future__ import annotations

import bz2
import gzip
import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import RejectReason
from eventwire.readers import read_inputs
from eventwire.records import Article, Reject

from .conftest import FIXTURES, write_warc

FALLBACK = date(2020, 1, 1)
NAMES = ["a.txt", "a.jsonl", "a.html", "a.rss", "a.atom", "a.warc", "a.warc.gz", "a.gz", "a"]
KNOWN = {reason.value for reason in RejectReason} - {RejectReason.INTERNAL.value}
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, name: str, max_bytes: int = 100_000) -> list[Article | Reject]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_inputs([str(path)], published=FALLBACK, max_bytes=max_bytes))
    for item in items:
        assert isinstance(item, Article | Reject)
        if isinstance(item, Reject):
            assert item.reason in KNOWN, item
            assert item.source_file.endswith(name) and item.position
        else:
            assert item.text.strip() and item.published is not None and item.id
    return items


def _samples() -> list[tuple[str, bytes]]:
    samples = [(p.name, p.read_bytes()) for p in sorted(FIXTURES.iterdir())]
    with tempfile.TemporaryDirectory() as folder:
        pages = [("https://x.example/p", "text/html", (FIXTURES / "page-dated.html").read_bytes())]
        warc = write_warc(Path(folder) / "s.warc.gz", pages * 3)
        samples.append(("s.warc.gz", warc.read_bytes()))
    samples.append(("articles.jsonl.bz2", bz2.compress((FIXTURES / "articles.jsonl").read_bytes())))
    samples.append(("feed.rss.gz", gzip.compress((FIXTURES / "feed.rss").read_bytes())))
    return samples


SAMPLES = _samples()


@FUZZ
@given(data=st.binary(max_size=4000), name=st.sampled_from(NAMES))
def test_random_bytes_under_any_name(data: bytes, name: str) -> None:
    _read(data, name)


@FUZZ
@given(sample=st.sampled_from(SAMPLES), cut=st.floats(0.0, 1.0))
def test_truncated_files(sample: tuple[str, bytes], cut: float) -> None:
    name, data = sample
    _read(data[: int(len(data) * cut)], name)


@FUZZ
@given(
    sample=st.sampled_from(SAMPLES),
    flips=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), min_size=1, max_size=8),
)
def test_corrupted_bytes(sample: tuple[str, bytes], flips: list[tuple[float, int]]) -> None:
    name, data = sample
    mutable = bytearray(data)
    for where, value in flips:
        mutable[min(int(where * len(mutable)), len(mutable) - 1)] = value
    _read(bytes(mutable), name)


VALUES = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
    st.sampled_from(["2020-01-02", "1987-02-26T15:01:01", "2020-13-01", "yesterday", ""]),
)
RECORDS = st.dictionaries(
    st.sampled_from(["id", "date", "published", "title", "text", "url", "source", "x"]), VALUES
)
LINES = st.one_of(
    RECORDS.map(lambda r: json.dumps(r).encode()),
    # Any bytes but a line break, and no compression magic (that would make the file compressed).
    st.binary(max_size=80).filter(
        lambda b: (
            b"\n" not in b and b.strip() and not b.startswith((b"\x1f\x8b", b"BZh", b"\xfd7z"))
        )
    ),
    st.just(b"x" * 3000),  # over the 2,000-byte limit used below
)


@FUZZ
@given(lines=st.lists(LINES, max_size=20))
def test_every_jsonl_line_is_an_article_or_a_reject(lines: list[bytes]) -> None:
    items = _read(b"\n".join(lines) + b"\n", "a.jsonl", max_bytes=2000)
    counted = [line for line in lines if line.strip()]
    assert len(items) == len(counted)


@FUZZ
@given(
    text=st.text(min_size=1, max_size=400),
    encoding=st.sampled_from(["latin-1", "cp1252", "utf-16", "shift_jis", "koi8-r", "utf-8"]),
    layout=st.sampled_from(["seed", "html", "plain"]),
)
def test_text_in_any_encoding(text: str, encoding: str, layout: str) -> None:
    document = {
        "seed": f"date 2019-12-24 Headline\n\n{text}\n",
        "html": f"<html><body><p>{text}</p></body></html>",
        "plain": text,
    }[layout]
    data = document.encode(encoding, errors="replace")
    items = _read(data, {"seed": "s.txt", "html": "p.html", "plain": "p.txt"}[layout])
    assert len(items) == 1


@settings(max_examples=10, deadline=None)
@given(size=st.integers(2001, 20_000), name=st.sampled_from(["big.txt", "big.html", "big.jsonl"]))
def test_huge_records_are_oversized(size: int, name: str) -> None:
    data = b'{"text": "' + b"a" * size + b'"}\n' if name.endswith("jsonl") else b"a" * size
    [item] = _read(data, name, max_bytes=2000)
    assert isinstance(item, Reject) and item.reason == "OVERSIZED"
