"""The overview `make run` prints: what a store holds, counted, then its first events."""

from __future__ import annotations

from rich.console import Console

from eventwire.output import counts_table, event_table
from eventwire.store import open_store
from eventwire.store.base import EventQuery

SHOWN_EVENTS = 60


def print_summary(db: str, console: Console) -> None:
    store = open_store(db, read_only=True)
    try:
        summary = store.summary()
        shown = list(store.events(EventQuery(limit=SHOWN_EVENTS)))
    finally:
        store.close()
    span = f", dated {summary.date_min} to {summary.date_max}" if summary.date_min else ""
    console.print(
        f"[bold]{db}[/bold]: {summary.events} events from {summary.articles} articles "
        f"({summary.duplicates} duplicates, {summary.rejects} rejects){span}"
    )
    if not summary.events:
        return
    by_type = sorted(summary.by_plover.items(), key=lambda kv: -kv[1])
    console.print(counts_table("events by PLOVER type", by_type, ("type", "events")))
    pairs = [(f"{a} -> {b}", n) for (a, b), n in list(summary.by_country_pair.items())[:10]]
    console.print(counts_table("most active pairs", pairs, ("source -> target", "events")))
    console.print(
        event_table(
            shown,
            title=f"events (the first {len(shown)} by date)",
            short_names=console.is_terminal,
        )
    )
