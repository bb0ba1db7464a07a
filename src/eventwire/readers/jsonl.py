"""JSON Lines: one article object per line.

Fields: `id`, `published` or `date` (any date eventwire.dates reads; null: none given), `title`,
`text`, `url`, `source`, and `language` (optional, default "en"); other fields are ignored.
Blank lines are skipped. A line that is not a JSON object with a text is a MALFORMED reject at
"line N"; lines longer than the size limit are OVERSIZED and skipped without being held in
memory; the reading goes on with the next line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from eventwire.errors import RejectReason
from eventwire.readers.base import ReadResult, build_article, parse_date, reject

_CHUNK = 1 << 20


def read_jsonl(
    stream: BinaryIO, name: str, fallback: date | None, max_bytes: int
) -> Iterator[ReadResult]:
    for number, line in _lines(stream, max_bytes):
        position = f"line {number}"
        if line is None:
            yield reject(
                name, position, RejectReason.OVERSIZED, f"{position} is over {max_bytes} bytes"
            )
            continue
        if not line.strip():
            continue
        yield parse_line(line, name, position, fallback)


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; None for a line over the limit (its bytes are read past, not kept)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
        else:
            yield number, line


def parse_line(line: bytes, name: str, position: str, fallback: date | None) -> ReadResult:
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return reject(
            name, position, RejectReason.UNDECODABLE, f"{position} is not UTF-8: {error}", line
        )
    try:
        record = json.loads(text)
    except ValueError as error:  # JSONDecodeError, and RecursionError-free bad numbers
        return reject(name, position, RejectReason.MALFORMED, f"{position}: {error}", text)
    except RecursionError:
        return reject(name, position, RejectReason.MALFORMED, f"{position}: nested too deep", text)
    if not isinstance(record, dict):
        return reject(name, position, RejectReason.MALFORMED, f"{position} is not an object", text)
    return article_from_record(record, name, position, fallback, text)


def article_from_record(
    record: dict[str, Any], name: str, position: str, fallback: date | None, raw: str = ""
) -> ReadResult:
    """An Article from one JSON object's fields (also used for JSON arrays of articles)."""
    fields = {}
    for key in ("id", "title", "text", "url", "source", "language"):
        value = record.get(key)
        if value is not None and not isinstance(value, str | int):
            return reject(
                name, position, RejectReason.MALFORMED, f"{position}: {key!r} is not a string", raw
            )
        fields[key] = None if value is None else str(value)
    if fields["text"] is None:
        return reject(name, position, RejectReason.MALFORMED, f"{position} has no 'text'", raw)
    raw_date = record.get("published") or record.get("date")
    try:
        published = parse_date(raw_date)
    except ValueError as error:
        return reject(name, position, RejectReason.BAD_DATE, f"{position}: {error}", raw)
    return build_article(
        name,
        position,
        text=fields["text"],
        title=fields["title"] or "",
        published=published,
        fallback=fallback,
        given_id=fields["id"],
        source=fields["source"],
        url=fields["url"],
        language=fields["language"],
    )
