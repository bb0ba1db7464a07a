"""Events as flat rows: the store's typed columns (source_*, target_*, place_*, ...)."""

from __future__ import annotations

from typing import Any

from eventwire.records import Event
from eventwire.store.schema import EVENT_NAMES, event_row

# order_key is the store's sort key, not a field of the event
_SKIP = EVENT_NAMES.index("order_key")
FLAT_COLUMNS = [name for i, name in enumerate(EVENT_NAMES) if i != _SKIP]


def flat_row(event: Event) -> list[Any]:
    """The event's values in FLAT_COLUMNS order (None where it has no value)."""
    return [value for i, value in enumerate(event_row(event)) if i != _SKIP]


def flat_dict(event: Event) -> dict[str, Any]:
    return dict(zip(FLAT_COLUMNS, flat_row(event), strict=True))
