"""WARC and WARC.gz crawls with warcio: each HTML page a crawler saved becomes an article.

Articles come from `response` (and `resource`) records whose HTTP status is 2xx and whose
content type is HTML. Every other record (requests, metadata, warcinfo, images, redirects) is no
article and no error: it is counted in `skipped` by kind, not rejected. The date is the page's
own when trafilatura finds one, else the crawl date (WARC-Date), else the caller's fallback.
Positions are record offsets ("byte N", in the compressed file for WARC.gz). A record warcio
cannot parse ends the file with a MALFORMED reject at its offset: past a broken record there is
no reliable way back into the stream. A file cut inside a record header (warcio then stops, or
returns a record without its Content-Length) is an IO_ERROR reject at that record's offset.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from eventwire.errors import RejectReason
from eventwire.readers.base import ReadResult, parse_date, reject
from eventwire.readers.html import parse_html

_PAGE_RECORDS = frozenset(("response", "resource"))
_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(
    stream: BinaryIO,
    name: str,
    fallback: date | None,
    max_bytes: int,
    skipped: Counter[str] | None = None,
) -> Iterator[ReadResult]:
    skipped = skipped if skipped is not None else Counter()
    records = ArchiveIterator(stream)
    iterator = iter(records)
    offset = 0
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            yield from _cut_header(stream, name, records.offset)
            return
        # warcio fails on broken records with anything from ArchiveLoadFailed to AttributeError.
        except Exception as error:  # noqa: BLE001
            yield reject(
                name,
                f"byte {max(records.offset, offset)}",
                RejectReason.MALFORMED,
                f"{name}: broken WARC record after byte {offset}: {type(error).__name__}: {error}",
            )
            return
        offset = records.offset  # the record's start; get_record_offset() would consume it
        position = f"byte {offset}"
        try:
            item = _page(record, name, position, fallback, max_bytes, skipped)
        except Exception as error:  # noqa: BLE001 - one bad payload costs its record only
            item = reject(name, position, RejectReason.MALFORMED, f"{name} {position}: {error!r}")
        if item is not None:
            yield item


def _page(
    record: Any,
    name: str,
    position: str,
    fallback: date | None,
    max_bytes: int,
    skipped: Counter[str],
) -> ReadResult | None:
    """The record's article or reject; None (counted in `skipped`) for a record of no page."""
    declared = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not declared.isdigit():  # required of every record; warcio blanks it on a cut
        return reject(
            name,
            position,
            RejectReason.IO_ERROR,
            f"{name} {position}: the record header is incomplete (no Content-Length): the file"
            " was cut inside the record, and it is lost",
        )
    if (record.length or 0) < int(declared):
        # warcio gives up on an HTTP header cut short and keeps a record of length 0
        return reject(
            name,
            position,
            RejectReason.IO_ERROR,
            f"{name} {position}: the file ends inside the record ({declared} bytes declared)",
        )
    kind = _not_a_page(record)
    if kind is not None:
        missing = _drain(record)
        if missing > 0:  # a record cut off is lost, whatever it held: say so
            return reject(
                name, position, RejectReason.IO_ERROR, f"{name} {position}: {missing} bytes cut off"
            )
        skipped[kind] += 1
        return None
    content_type = (record.http_headers or record.rec_headers).get_header("Content-Type") or ""
    if (record.length or 0) > max_bytes:
        return reject(
            name,
            position,
            RejectReason.OVERSIZED,
            f"{name} {position}: record of {record.length} bytes is over {max_bytes}",
        )
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:  # a compressed payload that grows past the limit
        return reject(
            name, position, RejectReason.OVERSIZED, f"{name} {position}: page over {max_bytes}"
        )
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:  # the file ends inside this record
        return reject(
            name, position, RejectReason.IO_ERROR, f"{name} {position}: {missing} bytes cut off"
        )
    headers = record.rec_headers
    try:
        crawled = parse_date(headers.get_header("WARC-Date"))
    except ValueError:
        crawled = None
    return parse_html(
        data,
        name,
        position,
        crawled or fallback,
        url=headers.get_header("WARC-Target-URI"),
        charset=_charset(content_type),
    )


def _not_a_page(record: Any) -> str | None:
    """Why a record holds no page (its `skipped` kind), or None for an HTML page."""
    if record.rec_type not in _PAGE_RECORDS:
        return f"warc {record.rec_type}"
    http = record.http_headers
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        return "warc http status not 2xx"
    content_type = (http or record.rec_headers).get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        return "warc not html"
    return None


def _drain(record: Any) -> int:
    """Read a skipped record to its end (warcio would, to reach the next one); the number of
    its bytes the file lacks (0: whole)."""
    while record.raw_stream.read(1 << 16):
        pass
    return max(getattr(record.raw_stream, "limit", 0) or 0, 0)


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None


def _cut_header(stream: BinaryIO, name: str, offset: int) -> Iterator[ReadResult]:
    """A reject when bytes were left after the last whole record: warcio stops without a word
    when the file ends inside a record header, and that record would be lost silently."""
    try:
        end = stream.tell()
    except (OSError, ValueError):
        return
    if end > offset:
        yield reject(
            name,
            f"byte {offset}",
            RejectReason.IO_ERROR,
            f"{name} ends inside a WARC record header at byte {offset} ({end - offset} bytes"
            " that make no whole record): that record is lost",
        )
