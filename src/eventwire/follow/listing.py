"""What a source lists: the items (page URL, date, title) of an RSS/Atom feed or a news sitemap.

Feeds are read with feedparser (as the feed reader does); sitemaps with lxml: a `<urlset>` gives
its `<loc>`s with the news publication date (else `<lastmod>`), a `<sitemapindex>` the child
sitemaps to read in the same poll (the recently modified ones: an index often lists years of
archives). A gzipped sitemap (`.xml.gz`) is unpacked within the size cap.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import feedparser
from lxml import etree

from eventwire.readers.base import parse_date
from eventwire.readers.feeds import struct_day

MAX_CHILDREN = 20  # child sitemaps read from one index in one poll
CHILD_MAX_AGE = timedelta(days=7)  # children modified longer ago are archives: skipped
_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class Item:
    url: str
    published: date | None  # the item's own date: a page without one falls back to it
    title: str = ""


@dataclass(frozen=True, slots=True)
class Listing:
    kind: str  # "feed", "sitemap" or "index"
    items: tuple[Item, ...] = ()
    children: tuple[str, ...] = ()  # child sitemaps of an index


class NotAListing(ValueError):
    """The bytes are neither a feed nor a sitemap."""


def read_listing(data: bytes, max_bytes: int, today: date | None = None) -> Listing:
    """The items (or child sitemaps) of a feed or sitemap; NotAListing if it is neither."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    head = data[:2048].lstrip().lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return _sitemap(data, today or datetime.now(UTC).date())
    return _feed(data)


def _feed(data: bytes) -> Listing:
    parsed = feedparser.parse(io.BytesIO(data))  # a stream: bytes may be taken for a path
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        error = parsed.get("bozo_exception") or "no entries and no feed version"
        raise NotAListing(f"not a feed or sitemap: {error}")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if link:
            when = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
            items.append(
                Item(link.strip(), struct_day(when), " ".join((entry.get("title") or "").split()))
            )
    return Listing("feed", tuple(items))


def _sitemap(data: bytes, today: date) -> Listing:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise NotAListing(f"malformed sitemap: {error}") from None
    if root.tag == f"{_SITEMAP}sitemapindex":
        return Listing("index", children=_children(root, today))
    items = []
    for node in root.iter(f"{_SITEMAP}url"):
        loc = node.findtext(f"{_SITEMAP}loc")
        if not loc or not loc.strip():
            continue
        news_date = node.findtext(f"{_NEWS}news/{_NEWS}publication_date")
        title = node.findtext(f"{_NEWS}news/{_NEWS}title") or ""
        when = _iso_day(news_date) or _iso_day(node.findtext(f"{_SITEMAP}lastmod"))
        items.append(Item(loc.strip(), when, " ".join(title.split())))
    return Listing("sitemap", tuple(items))


def _children(root: etree._Element, today: date) -> tuple[str, ...]:
    """The child sitemaps worth reading now: modified in the last week (or undated), newest
    first, at most MAX_CHILDREN."""
    found: list[tuple[date, str]] = []
    for node in root.iter(f"{_SITEMAP}sitemap"):
        loc = (node.findtext(f"{_SITEMAP}loc") or "").strip()
        if not loc:
            continue
        when = _iso_day(node.findtext(f"{_SITEMAP}lastmod"))
        if when is None or today - when <= CHILD_MAX_AGE:
            found.append((when or today, loc))
    found.sort(key=lambda pair: pair[0], reverse=True)
    return tuple(loc for _, loc in found[:MAX_CHILDREN])


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as error:
        raise NotAListing(f"corrupt gzip: {error}") from None
    if len(out) > max_bytes:
        raise NotAListing(f"larger than {max_bytes} bytes once unpacked")
    return out


def _iso_day(text: str | None) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None
