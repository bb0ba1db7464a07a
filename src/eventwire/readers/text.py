"""Plain text files, with or without the seed layout's header line.

Seed layout: the first line is `date YYYY-MM-DD Headline` (leading spaces allowed, `date` is the
literal word), the body follows. `Article.text` is the body exactly as read after the header
line's newline, less the blank lines that open it; nothing else is changed (line ends, spaces and
the final newline are kept), so offsets into `Article.text` are offsets into the file's body.

A text file without that header is read whole: the text is the file as read, the title its first
non-blank line, the date that of a wire dateline opening it ("KABUL, Aug. 15, 2021 (Reuters) -",
eventwire.dates.dateline_date), else the caller's fallback (else a NO_DATE reject).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO

from eventwire.dates import DateError, dateline_date
from eventwire.errors import RejectReason
from eventwire.readers.base import ReadResult, build_article, decode_text, read_document, reject

# The header's start only: the headline is cut out by hand (seed_header). A regex for the whole
# line ("(.*?)[ \t]*\r?$") backtracks over every space of a long first line: quadratic time.
_SEED_START = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})")
_LEADING_BLANK_LINES = re.compile(r"^(?:[ \t]*\r?\n)+")
TITLE_CHARS = 300


def seed_header(line: str) -> tuple[str, str] | None:
    """(date as written, headline) of a seed header line, else None; linear in the line.

    The headline is what follows the date and a space or tab, less surrounding spaces and tabs
    and the line's final carriage return; nothing may follow the date without a space between.
    """
    start = _SEED_START.match(line)
    if start is None:
        return None
    rest = line[start.end() :]
    if rest in ("", "\r"):
        return start[1], ""
    if rest[0] not in " \t":
        return None
    return start[1], rest.removesuffix("\r").strip(" \t")


def has_seed_header(text: str) -> bool:
    return seed_header(text.partition("\n")[0]) is not None


def read_text(
    stream: BinaryIO, name: str, fallback: date | None, max_bytes: int
) -> Iterator[ReadResult]:
    data = read_document(stream, name, max_bytes)
    if not isinstance(data, bytes):
        yield data
        return
    text = decode_text(data)
    if text is None:
        yield reject(name, "file", RejectReason.UNDECODABLE, f"{name} is not text", data)
        return
    yield parse_text(text, name, fallback)


def parse_text(text: str, name: str, fallback: date | None) -> ReadResult:
    """An Article from decoded text in the seed layout, or plain text read whole."""
    first, _, rest = text.partition("\n")
    header = seed_header(first)
    if header is None:
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")
        try:
            published = dateline_date(text)
        except DateError as error:  # a dateline date read two ways: only a given date settles it
            if fallback is None:
                return reject(name, "line 1", RejectReason.BAD_DATE, f"{name}: {error}", title)
            published = None
        return build_article(
            name,
            "file",
            text=text,
            title=title[:TITLE_CHARS],
            published=published,
            fallback=fallback,
        )
    try:
        published = date.fromisoformat(header[0])
    except ValueError:
        return reject(
            name, "line 1", RejectReason.BAD_DATE, f"bad date {header[0]!r} in {name}", first
        )
    body = _LEADING_BLANK_LINES.sub("", rest, count=1)
    return build_article(
        name, "file", text=body, title=header[1], published=published, fallback=fallback
    )
