"""Stories, a quick etiquette and a poller for the follow tests (what is tested is the fetching,
the state and the storage; the real coder is used where events matter)."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from ingest_helpers import code_batch
from news_site import FeedItem, NewsSite, article_page, rss

from eventwire.follow.etiquette import Etiquette
from eventwire.follow.fetch import Fetcher
from eventwire.follow.poll import Poller, PollSettings
from eventwire.follow.state import StoreState
from eventwire.readers.dedupe import Deduper
from eventwire.scale import InlinePool
from eventwire.store import open_store

# Quick, but every rule on: retries with a short backoff, a short timeout for the slow page.
QUICK = Etiquette(
    contact="tests@example.org", timeout=1.0, max_seconds=5.0, backoff=0.05, min_delay=0.0
)
_WORDS = [
    "budget",
    "harbour",
    "railway",
    "election",
    "council",
    "treaty",
    "drought",
    "border",
    "harvest",
    "pipeline",
    "bridge",
    "senate",
    "court",
    "tariff",
    "refinery",
    "vaccine",
    "airport",
    "strike",
    "coalition",
    "census",
    "reactor",
    "festival",
    "mine",
    "dam",
    "port",
    "loan",
    "bond",
    "grain",
    "wheat",
    "cotton",
    "copper",
    "river",
    "valley",
    "plateau",
    "coast",
    "island",
    "governor",
    "mayor",
    "envoy",
    "admiral",
    "general",
    "minister",
    "auditor",
    "judge",
    "farmer",
    "miner",
    "teacher",
    "nurse",
]
COUNTRIES = [
    "France",
    "Germany",
    "Spain",
    "Italy",
    "Poland",
    "Kenya",
    "Ghana",
    "Peru",
    "Chile",
    "Japan",
    "India",
    "Egypt",
    "Jordan",
    "Brazil",
    "Mexico",
    "Canada",
    "Norway",
    "Sweden",
    "Greece",
    "Turkey",
]


def story(number: int) -> tuple[str, str]:
    """(title, text) of a story unlike every other number's: one 'met' sentence (an event for
    the test coder) and sentences of words drawn by the number."""
    rng = random.Random(number)
    a, b = rng.sample(COUNTRIES, 2)
    lines = [f"Envoys of {a} met ministers of {b} on Monday in story {number}."]
    for _ in range(5):
        words = rng.sample(_WORDS, 9)
        lines.append(f"The {' '.join(words)} report number {rng.randint(1, 10**6)} was read.")
    return f"Story {number}: {a} and {b}", "\n".join(lines)


def publish(site: NewsSite, numbers: Sequence[int], day: str = "2024-05-0{}") -> list[FeedItem]:
    """Pages for stories `numbers` on `site` (dated in their metadata); their feed items."""
    items = []
    for n in numbers:
        title, text = story(n)
        published = day.format(n % 9 + 1) if "{}" in day else day
        url = site.put(f"/news/{n}", article_page(title, text, published))
        items.append(FeedItem(url, title, published))
    return items


def put_feed(site: NewsSite, items: Sequence[FeedItem], path: str = "/feed.xml") -> str:
    """The RSS feed of `items` at `path`, with an ETag that changes with its content."""
    body = rss(items)
    return site.put(path, body, content_type="application/rss+xml", etag=f'"{hash(body)}"')


def make_poller(
    db: str | Path,
    sources: Sequence[str],
    *,
    etiquette: Etiquette = QUICK,
    settings: PollSettings = PollSettings(lanes=4),
    coding: Callable = code_batch,
    stop: threading.Event | None = None,
) -> Poller:
    """A poller over a store (opened here; `poller.state.store.close()` closes it)."""
    store = open_store(str(db))
    return Poller(
        sources,
        StoreState(store),
        InlinePool(coding),
        Fetcher(etiquette),
        Deduper(),
        settings,
        stop,
    )


def close(poller: Poller) -> None:
    poller.close()
    poller.fetcher.close()
    poller.state.store.close()  # type: ignore[attr-defined]
