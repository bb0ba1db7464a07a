"""One source read in one poll: its listing fetched (conditionally) and its items, or a reject.

A feed or sitemap that is unchanged since the last poll costs a 304 and gives nothing. A sitemap
index gives its recent child sitemaps, each read here too with validators of its own. A source
that cannot be fetched or read is a reject of its own (position "feed"); the other sources go on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from eventwire.errors import RejectReason
from eventwire.follow.fetch import Fetcher, FetchFailure
from eventwire.follow.listing import Item, NotAListing, read_listing
from eventwire.follow.state import SourceState
from eventwire.follow.urls import normalise_url
from eventwire.readers.base import reject
from eventwire.records import Reject

POSITION = "feed"
INDEX_STATUS = "child sitemaps"


@dataclass(slots=True)
class SourceRead:
    """What one poll learnt of one source (a feed, a sitemap, or a child of an index)."""

    url: str
    state: SourceState  # to save when every new item of the source has been dealt with
    items: list[Item] = field(default_factory=list)
    reject: Reject | None = None
    changed: bool = False  # a new listing was read (not a 304)


def read_source(
    fetcher: Fetcher, url: str, known: dict[str, SourceState], stamp: str, today: date
) -> list[SourceRead]:
    """The source (and, for a sitemap index, its children) as read now. `known` holds the saved
    states (validators) of sources by URL; `stamp` is the poll's ISO time, kept as last poll."""
    return _read(fetcher, url, known, stamp, today, depth=0)


def _read(
    fetcher: Fetcher, url: str, known: dict[str, SourceState], stamp: str, today: date, depth: int
) -> list[SourceRead]:
    prior = known.get(url) or SourceState(url)
    if prior.status.endswith(INDEX_STATUS):  # an index is read whole: a 304 would hide its children
        got = fetcher.get(url)
    else:
        got = fetcher.get(url, etag=prior.etag, last_modified=prior.last_modified)
    if isinstance(got, FetchFailure):
        state = SourceState(url, prior.etag, prior.last_modified, stamp, f"failed: {got.message}")
        return [SourceRead(url, state, reject=reject(url, POSITION, got.reason, got.message))]
    if got.status == 304:
        return [SourceRead(url, SourceState(url, prior.etag, prior.last_modified, stamp, "304"))]
    try:
        listing = read_listing(got.body, fetcher.etiquette.max_bytes, today)
    except NotAListing as error:
        state = SourceState(url, None, None, stamp, f"failed: {error}")
        bad = reject(url, POSITION, RejectReason.MALFORMED, f"{url}: {error}", got.body)
        return [SourceRead(url, state, reject=bad)]
    count = len(listing.children) if listing.kind == "index" else len(listing.items)
    status = f"{got.status}: {count} " + (INDEX_STATUS if listing.kind == "index" else "items")
    state = SourceState(url, got.etag, got.last_modified, stamp, status)
    own = SourceRead(url, state, list(listing.items), changed=True)
    if listing.kind != "index" or depth > 0:  # an index inside an index is not followed
        return [own]
    found = [own]
    for child in listing.children:
        found += _read(fetcher, normalise_url(child), known, stamp, today, depth + 1)
    return found
