"""What every format reader shares: dates, decoding, and turning fields into an Article or a Reject.

Format readers yield `Article | Reject` and never raise for a bad record: `build_article` applies
the rules every format shares (a stable id, the fallback date, no empty text) in one place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from charset_normalizer import from_bytes

from eventwire.dates import parse_user_date
from eventwire.errors import RejectReason
from eventwire.links import web_link
from eventwire.records import Article, Reject, article_id

EXCERPT_CHARS = 80
# Share of control characters above which decoded "text" is taken for binary data.
BINARY_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Longest article text coded, in characters: coding time and memory grow with the length (long
# texts are parsed in pieces, longtext.py); a longer text is an OVERSIZED reject. spaCy's own
# limit for one parse is the same number. The HTTP API's POST /code and /articles use it too.
MAX_ARTICLE_CHARS = 1_000_000
MAX_TITLE_CHARS = 2_000  # a longer title is cut (the API refuses longer ones)

ReadResult = Article | Reject


@dataclass
class ReadStats:
    """Counts a caller passes in to see what a batch held beyond its articles and rejects.

    `skipped` counts records that are not articles and not errors either (WARC requests,
    images, feed-less metadata), by kind, so nothing disappears without a trace.
    """

    files: int = 0
    articles: int = 0
    rejects: int = 0
    skipped: Counter[str] = field(default_factory=Counter)


def parse_date(value: object) -> date | None:
    """A record's date, read by the one date parser (eventwire.dates): None or blank gives
    None; a value that names no single day raises ValueError (a DateError saying why)."""
    return parse_user_date(value)


def decode_text(data: bytes, declared: str | None = None) -> str | None:
    """Bytes as text: UTF-8 (BOM removed), else the declared charset, else a detected one.

    Returns None when the bytes are no text in any encoding we can tell (binary data).
    """
    candidates: list[str] = ["utf-8-sig"]
    if declared:
        candidates.append(declared)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return None if looks_binary(text) else text
    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    return None if looks_binary(text) else text


def looks_binary(text: str) -> bool:
    """True when too many control characters for the text to be prose (NULs, escape codes)."""
    if not text:
        return False
    sample = text[:65536]
    return len(_CONTROL.findall(sample)) > BINARY_CONTROL_SHARE * len(sample)


def excerpt(text: str | bytes) -> str:
    """The start of a bad record, printable, for a reject's `excerpt`."""
    if isinstance(text, bytes):
        text = text[: EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    flat = " ".join(text[: EXCERPT_CHARS * 2].split())
    return flat[:EXCERPT_CHARS]


def reject(
    name: str, position: str, reason: RejectReason, message: str, sample: str | bytes = ""
) -> Reject:
    return Reject(name, position, reason.value, message, excerpt(sample))


def where(name: str, position: str) -> str:
    """A record's place for a message: "a.jsonl line 3", "a.txt", "standard input"."""
    shown = "standard input" if name == "-" else name
    return shown if position == "file" else f"{shown} {position}"


def build_article(
    name: str,
    position: str,
    *,
    text: str,
    title: str,
    published: date | None,
    fallback: date | None,
    given_id: str | None = None,
    source: str | None = None,
    url: str | None = None,
    language: str | None = None,
) -> ReadResult:
    """An Article from fields a reader found, or the Reject that says which rule it broke.

    `language` is kept as given (an ISO 639 code from the record or the page); none means "en".
    """
    if not text.strip():
        return reject(
            name, position, RejectReason.EMPTY_TEXT, f"no text in {where(name, position)}"
        )
    if len(text) > MAX_ARTICLE_CHARS:
        return reject(
            name,
            position,
            RejectReason.OVERSIZED,
            f"the text of {where(name, position)} has {len(text):,} characters, over the limit"
            f" of {MAX_ARTICLE_CHARS:,} characters per article",
            title or text,
        )
    day = published or fallback
    if day is None:
        return reject(
            name,
            position,
            RejectReason.NO_DATE,
            f"no publication date in {where(name, position)} and no fallback date given",
            title or text,
        )
    title = " ".join(title.split())[:MAX_TITLE_CHARS]
    ident = given_id if given_id else article_id(source, title, text)
    return Article(
        id=ident,
        source=source,
        url=web_link(url),  # only http(s) URLs are kept: they become links
        published=day,
        title=title,
        text=text,
        language=language or "en",
    )


def read_document(stream: BinaryIO, name: str, max_bytes: int) -> bytes | Reject:
    """A whole-document input (text, HTML, feed) up to the size limit, or an OVERSIZED reject."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        return reject(
            name,
            "file",
            RejectReason.OVERSIZED,
            f"{name} is larger than {max_bytes} bytes",
            data[:EXCERPT_CHARS],
        )
    return data
