"""Read articles from files, directories, globs, standard input and URLs, in any format we know.

    for item in read_inputs(["news/", "feeds/*.xml", "-"], published=date(2019, 12, 24)):
        if isinstance(item, Article): ...
        else: ...  # a Reject: file, position, reason, message, excerpt

A reader never stops a batch: every bad record, and every input that cannot be read, becomes a
`Reject` and reading goes on. Only a bug escapes as a Reject with reason INTERNAL.
"""

from __future__ import annotations

import functools
import importlib
import lzma
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import BinaryIO

from eventwire.errors import RejectReason
from eventwire.readers.base import ReadResult, ReadStats, reject
from eventwire.readers.inputs import (
    NotRegularFile,
    compression_of,
    decompressed,
    is_url,
    iter_input_files,
    open_raw,
    plain_head,
)
from eventwire.readers.sniff import HEAD_BYTES, sniff_format
from eventwire.records import Article, Reject

__all__ = ["MAX_REJECTS_PER_FILE", "ReadStats", "iter_input_files", "read_file", "read_inputs"]

DEFAULT_MAX_BYTES = 5_000_000
# Rejects kept per input file; past it one TOO_MANY_REJECTS reject counts the rest, so a small
# hostile file (a 1 KB .jsonl.gz of 300,000 "{}" lines) cannot fill the store with rejects.
MAX_REJECTS_PER_FILE = 1000
# A file that cannot be read to its end, or a reader bug, is always said (once per file at most).
_ALWAYS_KEPT = frozenset((RejectReason.IO_ERROR.value, RejectReason.INTERNAL.value))
Reader = Callable[[BinaryIO, str, date | None, int], Iterator[ReadResult]]
_READERS = {
    "text": ("eventwire.readers.text", "read_text"),
    "jsonl": ("eventwire.readers.jsonl", "read_jsonl"),
    "html": ("eventwire.readers.html", "read_html"),
    "feed": ("eventwire.readers.feeds", "read_feed"),
    "warc": ("eventwire.readers.warc", "read_warc"),
}
# Errors of a truncated or corrupt input stream, reported as IO_ERROR where they happen.
_STREAM_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def _reader(fmt: str | None, stats: ReadStats) -> Reader | None:
    """The reader of a format, imported on first use (trafilatura, feedparser load slowly)."""
    if fmt not in _READERS:
        return None
    module, function = _READERS[fmt]
    reader = getattr(importlib.import_module(module), function)
    if fmt == "warc":
        return functools.partial(reader, skipped=stats.skipped)
    return reader


def read_inputs(
    inputs: Sequence[str],
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stats: ReadStats | None = None,
) -> Iterator[Article | Reject]:
    """Every article of every input, in input order; a Reject for each bad record or input.

    `published` is the fallback date of articles that carry none; `max_bytes` the size limit of
    one record (one line, one page, one WARC record); `stats` (optional) counts what was read.
    """
    for name in iter_input_files(inputs):
        yield from read_file(name, published, max_bytes, stats)


def read_file(
    name: str,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stats: ReadStats | None = None,
) -> Iterator[Article | Reject]:
    """The articles of one file ("-" for standard input, or a feed URL), and its rejects: the
    first MAX_REJECTS_PER_FILE, then one that counts the others by reason."""
    stats = stats if stats is not None else ReadStats()
    stats.files += 1
    kept = 0
    dropped: Counter[str] = Counter()
    for item in _read_one(name, published, max_bytes, stats):
        if isinstance(item, Article):
            stats.articles += 1
        elif kept < MAX_REJECTS_PER_FILE or item.reason in _ALWAYS_KEPT:
            kept += 1
            stats.rejects += 1
        else:
            dropped[item.reason] += 1
            continue
        yield item
    if dropped:
        stats.rejects += 1
        yield _dropped_rejects(name, dropped)


def _dropped_rejects(name: str, dropped: Counter[str]) -> Reject:
    by_reason = ", ".join(f"{reason} {count:,}" for reason, count in dropped.most_common())
    return reject(
        name,
        "file",
        RejectReason.TOO_MANY_REJECTS,
        f"{sum(dropped.values()):,} more rejects in {name} were not kept (only the first"
        f" {MAX_REJECTS_PER_FILE:,} of a file are): {by_reason}",
    )


def _read_one(
    name: str, published: date | None, max_bytes: int, stats: ReadStats
) -> Iterator[ReadResult]:
    if is_url(name):
        from eventwire.readers.feeds import read_feed_url

        yield from read_feed_url(name, published, max_bytes)
        return
    try:
        raw = open_raw(name)
    except FileNotFoundError:
        yield reject(name, "file", RejectReason.NOT_FOUND, f"no file matches {name!r}")
        return
    except NotRegularFile as error:
        yield reject(name, "file", RejectReason.NOT_A_FILE, str(error))
        return
    except OSError as error:
        yield reject(name, "file", RejectReason.IO_ERROR, f"cannot open {name}: {error}")
        return
    with raw:
        yield from _read_stream(raw, name, published, max_bytes, stats)


def _read_stream(
    raw: BinaryIO, name: str, published: date | None, max_bytes: int, stats: ReadStats
) -> Iterator[ReadResult]:
    count = 0
    try:
        kind = compression_of(raw)
        head = plain_head(raw, kind, HEAD_BYTES)
        stream = decompressed(raw, kind)
        fmt = sniff_format(head, name)
        reader = _reader(fmt, stats)
        if reader is None:
            yield reject(
                name, "file", RejectReason.UNSUPPORTED, f"{name}: not a format we read", head
            )
            return
        if fmt == "warc" and kind == "gzip":
            stream = raw  # warcio reads per-record gzip itself and reports compressed offsets
            raw.seek(0)
        for item in reader(stream, name, published, max_bytes):
            count += 1
            yield item
    except _STREAM_ERRORS as error:
        yield reject(
            name,
            f"after record {count}",
            RejectReason.IO_ERROR,
            f"{name} could not be read to its end: {type(error).__name__}: {error}",
        )
    except Exception as error:  # noqa: BLE001 - a bug must not stop the batch; it is reported
        yield reject(
            name,
            f"after record {count}",
            RejectReason.INTERNAL,
            f"{type(error).__name__}: {error}",
        )
