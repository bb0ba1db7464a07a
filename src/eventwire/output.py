"""Printing records for people (rich tables) and for programs (JSON, JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from eventwire.records import Event, to_dict

# Wide enough that no line a command prints is ever wrapped or cut when it goes to a log or pipe.
PIPE_WIDTH = 100_000


def make_console(stderr: bool = False) -> Console:
    """A console for stdout (or stderr): sized to the terminal when there is one; when the
    stream is a pipe or a file, never wrapping or truncating a line (logs are read by programs)."""
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(stderr=stderr)
    return Console(stderr=stderr, width=PIPE_WIDTH, soft_wrap=True)


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO = sys.stdout) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], out: TextIO = sys.stdout) -> int:
    rows = list(rows)
    json.dump(rows, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(rows)


def actor_label(actor: Any, short: bool = True) -> str:
    if actor is None:
        return "-"
    name = actor.name or actor.text
    if short and len(name) > 24:  # keep the table readable on an 80-column terminal
        name = name[:23] + "…"
    return f"{actor.code} {name}"


def event_table(
    events: Sequence[Event], title: str | None = None, short_names: bool = True
) -> Table:
    """The events as a table; `short_names` cuts long actor names for a terminal (never for a
    pipe or a log, where nothing may be cut)."""
    table = Table(title=title, show_lines=False, expand=False)
    for column in ("date", "source", "cameo", "plover", "target", "place", "n", "trigger"):
        table.add_column(column, overflow="fold")
    for ev in events:
        place = ev.place.name if ev.place else "-"
        table.add_row(
            f"{ev.date or '-'}{'' if ev.date_source == 'text' else '*'}",
            actor_label(ev.source, short_names),
            f"{ev.cameo} {'(future)' if ev.modality == 'future' else ''}".strip(),
            ev.plover.type,
            actor_label(ev.target, short_names),
            place,
            str(ev.mentions),
            ev.evidence.trigger,
        )
    return table


def print_events(events: Sequence[Event], fmt: str, console: Console | None = None) -> None:
    if fmt == "jsonl":
        write_jsonl(to_dict(e) for e in events)
    elif fmt == "json":
        write_json(to_dict(e) for e in events)
    else:
        console = console or make_console()
        console.print(event_table(events, short_names=console.is_terminal))
        console.print("[dim]* date taken from the publication date (the text gives none)[/dim]")


def counts_table(title: str, rows: Iterable[tuple[Any, ...]], headers: Sequence[str]) -> Table:
    table = Table(title=title)
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*(str(v) for v in row))
    return table
