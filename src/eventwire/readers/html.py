"""HTML pages: main text, headline, site and publication date, extracted with trafilatura.

Decoding: UTF-8, else the charset the page (or its HTTP header) declares, else one detected by
charset-normalizer. The date is the page's own (meta tags, URL, structured data; trafilatura's
htmldate, without searching the body text, whose dates are of events, not of publication); the
caller's fallback otherwise. The language is the page's `<html lang>` (else "en"). The headline
line that trafilatura puts at the head of the text is dropped: the headline is not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import BinaryIO
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml.etree import LxmlError
from trafilatura.settings import Document

from eventwire.errors import RejectReason
from eventwire.readers.base import (
    ReadResult,
    build_article,
    decode_text,
    parse_date,
    read_document,
    reject,
)

_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_HTML_LANG = re.compile(r"<html[^>]{0,300}?\blang=[\"']?([A-Za-z]{2,3})\b", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(
    stream: BinaryIO, name: str, fallback: date | None, max_bytes: int
) -> Iterator[ReadResult]:
    data = read_document(stream, name, max_bytes)
    if not isinstance(data, bytes):
        yield data
        return
    yield parse_html(data, name, "file", fallback)


def parse_html(
    data: bytes,
    name: str,
    position: str,
    fallback: date | None,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> ReadResult:
    """An Article from one page's bytes, or the Reject saying why there is none."""
    declared = charset or _declared_charset(data)
    page = decode_text(data, declared)
    if page is None:
        return reject(
            name, position, RejectReason.UNDECODABLE, f"{name} {position}: not text", data
        )
    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, date_extraction_params=_DATE_PARAMS
        )
    except (ValueError, LxmlError) as error:
        return reject(name, position, RejectReason.MALFORMED, f"{name} {position}: {error}", page)
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        why = _why_no_text(page, name, position)
        return reject(name, position, RejectReason.EMPTY_TEXT, why, page)
    title = doc.title or ""
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None  # an unreadable page date: fall back as if none were given
    return build_article(
        name,
        position,
        text=_without_headline(doc.text or "", title),
        title=title,
        published=published,
        fallback=fallback,
        source=doc.sitename or _host(url or doc.url),
        url=url or doc.url,
        language=declared_language(page),
    )


def _why_no_text(page: str, name: str, position: str) -> str:
    """Why extraction found no main text: the parser's depth limit, boilerplate, or no text."""
    parser = etree.HTMLParser()
    try:
        root = etree.fromstring(page, parser)
    except (ValueError, LxmlError):
        root = None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return (
            f"the text of {name} {position} could not be extracted: its elements nest deeper"
            " than the HTML parser's limit (256 levels), and nothing under that depth is read"
        )
    if root is not None:
        etree.strip_elements(root, "script", "style", "noscript", with_tail=False)
    seen = 0 if root is None else sum(len(t.strip()) for t in root.itertext())
    if seen:
        return (
            f"no main text found in {name} {position}: its {seen:,} characters of text were all"
            " taken for boilerplate (menus, links, footers)"
        )
    return f"no text in {name} {position}"


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match[1].decode("ascii") if match else None


def declared_language(page: str) -> str | None:
    """The primary language subtag of `<html lang="...">` ("de" for "de-DE"), if declared."""
    match = _HTML_LANG.search(page[:4096])
    return match[1].lower() if match else None


def _without_headline(text: str, title: str) -> str:
    first, sep, rest = text.partition("\n")
    if title and sep and " ".join(first.split()) == " ".join(title.split()):
        return rest
    return text


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None
