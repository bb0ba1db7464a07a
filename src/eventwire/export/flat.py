"""Events as flat rows: the store's typed columns (source_*, target_*, place_*, ...), with the
date split into one kind of value per column (export.date_columns)."""

from __future__ import annotations

from typing import Any

from eventwire.export.date_columns import DATE_COLUMNS, date_columns
from eventwire.records import Event
from eventwire.store.schema import EVENT_NAMES, event_row

# order_key is the store's sort key, not a field of the event; date becomes DATE_COLUMNS
_SKIP = EVENT_NAMES.index("order_key")
_DATE = EVENT_NAMES.index("date")
FLAT_COLUMNS = [
    column
    for i, name in enumerate(EVENT_NAMES)
    if i != _SKIP
    for column in (DATE_COLUMNS if i == _DATE else (name,))
]


def flat_row(event: Event) -> list[Any]:
    """The event's values in FLAT_COLUMNS order (None where it has no value)."""
    row: list[Any] = []
    for i, value in enumerate(event_row(event)):
        if i == _DATE:
            row += [part or None for part in date_columns(value)]
        elif i != _SKIP:
            row.append(value)
    return row


def flat_dict(event: Event) -> dict[str, Any]:
    return dict(zip(FLAT_COLUMNS, flat_row(event), strict=True))
