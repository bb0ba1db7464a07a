"""One listed item: its page fetched and read as the HTML reader reads a file.

The publication date is the page's own (its metadata, as `readers.html` finds it), else the
date the feed or sitemap gave the item, never the day it was fetched: an item with neither is a
NO_DATE reject. A page that cannot be had is a reject naming the URL and why.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.errors import RejectReason
from eventwire.follow.fetch import Fetcher, FetchFailure
from eventwire.follow.listing import Item
from eventwire.follow.urls import normalise_url
from eventwire.readers.base import reject
from eventwire.readers.html import parse_html
from eventwire.records import Article, Reject

HTML_TYPES = {"text/html", "application/xhtml+xml", ""}  # "": none declared, read it anyway
POSITION = "page"


@dataclass(frozen=True, slots=True)
class PageOutcome:
    url: str  # the item's URL as listed, normalised: the key it is remembered by
    result: Article | Reject
    transient: bool = False  # the failure may pass: a later poll tries again


def read_item(fetcher: Fetcher, item: Item) -> PageOutcome:
    """The article of one item, or the reject saying why there is none."""
    got = fetcher.get(item.url)
    if isinstance(got, FetchFailure):
        message = f"{item.url}: {got.message}"
        if got.url != item.url:
            message += f" (redirected to {got.url})"
        return PageOutcome(item.url, reject(item.url, POSITION, got.reason, message), got.transient)
    if got.content_type not in HTML_TYPES:
        message = f"{item.url}: not an HTML page ({got.content_type})"
        return PageOutcome(
            item.url, reject(item.url, POSITION, RejectReason.UNSUPPORTED, message, got.body)
        )
    result = parse_html(
        got.body,
        item.url,
        POSITION,
        item.published,
        url=normalise_url(got.url),
        charset=got.charset,
    )
    if isinstance(result, Reject) and result.reason == RejectReason.NO_DATE:
        message = f"{item.url}: no publication date on the page, and none in the feed or sitemap"
        result = reject(item.url, POSITION, RejectReason.NO_DATE, message, result.excerpt)
    return PageOutcome(item.url, result)
