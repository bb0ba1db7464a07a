"""RSS and Atom feeds with feedparser: one article per entry.

Each entry gives its title, link, date (published, else updated) and text (the full content when
the feed carries it, else the summary), with the HTML stripped. A feed that cannot be parsed at
all is one MALFORMED reject; feedparser's leniency keeps the entries of a slightly broken feed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from time import struct_time
from typing import Any, BinaryIO
from urllib.parse import urlsplit

import feedparser

from eventwire.dates import DateError, parse_user_date
from eventwire.errors import RejectReason
from eventwire.readers.base import ReadResult, build_article, read_document, reject
from eventwire.readers.markup import strip_html


def read_feed(
    stream: BinaryIO, name: str, fallback: date | None, max_bytes: int
) -> Iterator[ReadResult]:
    data = read_document(stream, name, max_bytes)
    if not isinstance(data, bytes):
        yield data
        return
    try:
        # A stream, never bytes or str: feedparser would take a string for a path or a URL.
        parsed = feedparser.parse(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - feedparser's failures on bad XML vary in type
        yield reject(name, "file", RejectReason.MALFORMED, f"{name}: {error!r}", data)
        return
    yield from _entries(parsed, name, fallback, data)


def read_feed_url(url: str, fallback: date | None, max_bytes: int) -> Iterator[ReadResult]:
    """A feed fetched from the network (an explicit user input; tests use files)."""
    parsed = feedparser.parse(url)
    if parsed.get("status", 200) >= 400 or (parsed.bozo and not parsed.entries):
        error = parsed.get("bozo_exception") or f"HTTP {parsed.get('status')}"
        yield reject(url, "file", RejectReason.IO_ERROR, f"cannot read feed {url}: {error}")
        return
    yield from _entries(parsed, url, fallback, b"")


def _entries(parsed: Any, name: str, fallback: date | None, data: bytes) -> Iterator[ReadResult]:
    if not parsed.entries:
        if parsed.bozo:
            error = parsed.get("bozo_exception")
            yield reject(name, "file", RejectReason.MALFORMED, f"{name}: not a feed: {error}", data)
        return
    source = parsed.feed.get("title") or _host(parsed.feed.get("link"))
    language = (parsed.feed.get("language") or "").split("-")[0].lower() or None
    for number, entry in enumerate(parsed.entries, 1):
        yield _article(entry, name, f"entry {number}", fallback, source, language)


def _article(
    entry: Any,
    name: str,
    position: str,
    fallback: date | None,
    source: str | None,
    language: str | None,
) -> ReadResult:
    contents = entry.get("content") or []
    body = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    if len(body) < len(summary):
        body = summary
    title = strip_html(entry.get("title") or "")
    # dict.get: FeedParserDict.get maps a missing key to another one with a warning.
    published = struct_day(dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed"))
    if published is None:  # a form feedparser does not read: the one date parser's turn
        written = dict.get(entry, "published") or dict.get(entry, "updated")
        try:
            published = parse_user_date(written)
        except DateError as error:  # doubtful: only a given date settles it
            if fallback is None:
                return reject(name, position, RejectReason.BAD_DATE, f"{position}: {error}", title)
    return build_article(
        name,
        position,
        text=strip_html(body),
        title=title,
        published=published,
        fallback=fallback,
        given_id=entry.get("id") or None,
        source=source,
        url=entry.get("link"),
        language=language,
    )


def struct_day(parsed: struct_time | None) -> date | None:
    """The day of a feedparser time, or None when it has none or it is not a real day."""
    if not parsed:
        return None
    try:
        return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None
