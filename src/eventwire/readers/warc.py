"""WARC and WARC.gz crawls with warcio: each HTML page a crawler saved becomes an article.

Articles come from `response` (and `resource`) records whose HTTP status is 2xx and whose
content type is HTML. Every other record (requests, metadata, warcinfo, images, redirects) is no
article and no error: it is counted in `skipped` by kind, not rejected. The date is the page's
own when trafilatura finds one, else the crawl date (WARC-Date), else the caller's fallback.
Positions are record offsets ("byte N", in the compressed file for WARC.gz). A record warcio
cannot parse ends the file with a MALFORMED reject at its offset: past a broken record there is
no reliable way back into the stream.
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
    if record.rec_type not in _PAGE_RECORDS:
        skipped[f"warc {record.rec_type}"] += 1
        return None
    http = record.http_headers
    if http is not None and not (http.get_statuscode() or "").startswith("2"):
        skipped["warc http status not 2xx"] += 1
        return None
    content_type = (http or record.rec_headers).get_header("Content-Type") or ""
    if not content_type.lower().startswith(_HTML_TYPES):
        skipped["warc not html"] += 1
        return None
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


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
