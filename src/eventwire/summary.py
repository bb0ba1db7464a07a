"""The overview `make run` prints: what a store holds, counted, then the events themselves."""

from __future__ import annotations

from collections import Counter

from rich.console import Console

from eventwire.output import counts_table, event_table
from eventwire.store import open_store
from eventwire.store.base import EventQuery

SHOWN_EVENTS = 60


def print_summary(db: str, console: Console) -> None:
    store = open_store(db)
    try:
        events = list(store.events(EventQuery()))
        rejects = store.rejects()
    finally:
        store.close()
    articles = {e.article_id for e in events}
    console.print(
        f"[bold]{db}[/bold]: {len(events)} events from {len(articles)} articles, "
        f"{len(rejects)} rejects"
    )
    if not events:
        return
    by_type = Counter(e.plover.type for e in events)
    console.print(counts_table("events by PLOVER type", by_type.most_common(), ("type", "events")))
    dyads = Counter(
        (e.source.country or e.source.code, e.target.country or e.target.code if e.target else "-")
        for e in events
    )
    rows = [(f"{a} -> {b}", n) for (a, b), n in dyads.most_common(10)]
    console.print(counts_table("most active pairs", rows, ("source -> target", "events")))
    shown = sorted(events, key=lambda e: (e.date or "", e.id))[:SHOWN_EVENTS]
    console.print(event_table(shown, title=f"events (first {len(shown)} by date)"))
