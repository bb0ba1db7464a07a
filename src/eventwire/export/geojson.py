"""GeoJSON: a FeatureCollection of the events that happened at a located place.

Only places finer than a country are points: a country's (or continent's) centroid is not where
anything happened, so events placed only at country level, or nowhere, are left out of the map;
how many is counted in ExportStats.left_out (the CLI prints it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.export.flat import flat_dict
from eventwire.export.stats import ExportStats
from eventwire.records import Event

NOT_POINTS = frozenset({"country", "continent"})


def feature(event: Event) -> dict[str, Any] | None:
    """The event as a Point feature, or None when it has no point location."""
    place = event.place
    if place is None or place.lat is None or place.lon is None or place.feature in NOT_POINTS:
        return None
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": flat_dict(event),
    }


def write_geojson(events: Iterable[Event], out: TextIO, stats: ExportStats | None = None) -> int:
    """Stream the collection (one feature per line); returns the number of features and counts
    the events left out in `stats`."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        item = feature(event)
        if item is None:
            if stats is not None:
                stats.left_out += 1
            continue
        out.write((",\n" if count else "") + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
