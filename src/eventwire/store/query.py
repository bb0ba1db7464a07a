"""EventQuery -> a parameterised SQL WHERE clause, the same for every backend.

Values never enter the SQL text: each filter adds a `?` placeholder and a parameter (backends
whose driver wants another placeholder translate `?`). No literal `%` or `?` appears in the SQL, so
that translation is safe.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from eventwire.store.base import EventQuery
from eventwire.store.schema import UNDATED


def event_filters(query: EventQuery) -> tuple[list[str], list[Any]]:
    """The AND-ed conditions of a query (without the cursor) and their parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if query.date_from is not None:
        # a prefix such as "2019-12" sorts before every day of that month, so >= is inclusive
        conds.append("order_key >= ? AND order_key < ?")
        params += [query.date_from, UNDATED]
    if query.date_to is not None:
        after = period_after(query.date_to)
        if after is not None:
            # inclusive: "2019-12" keeps 2019-12-31, i.e. everything before 2020-01; a plain
            # bound on the indexed column lets the database seek instead of scanning
            conds.append("order_key < ?")
            params.append(min(after, UNDATED))
        else:
            # any other shape: compare the date cut to the bound's length
            conds.append("substr(order_key, 1, ?) <= ? AND order_key < ?")
            params += [len(query.date_to), query.date_to, UNDATED]
    if query.actor is not None:
        conds.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?)"
            " OR source_country = ? OR target_country = ?)"
        )
        params += [query.actor.upper()] * 4  # codes are upper case; "tur" means TUR
    if query.cameo is not None:
        conds.append("starts_with(cameo, ?)")
        params.append(query.cameo)
    if query.plover is not None:
        conds.append("upper(plover_type) = upper(?)")
        params.append(query.plover)
    if query.quad_class is not None:
        conds.append("quad_class = ?")
        params.append(query.quad_class)
    if query.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        # country-level places carry a centroid, not a location: they never match a box
        conds.append(
            "place_lon BETWEEN ? AND ? AND place_lat BETWEEN ? AND ? AND place_feature <> ?"
        )
        params += [min_lon, max_lon, min_lat, max_lat, "country"]
    if query.text is not None:
        conds.append("strpos(lower(sentence), lower(?)) > 0")
        params.append(query.text)
    if query.article_id is not None:
        conds.append("article_id = ?")
        params.append(query.article_id)
    if query.min_confidence is not None:
        # at or above, as ingest keeps them (events.confidence.keep_confident)
        conds.append("confidence >= ?")
        params.append(query.min_confidence)
    return conds, params


def under_confidence(query: EventQuery) -> tuple[list[str], list[Any]] | None:
    """The conditions of the events the other filters select but `min_confidence` leaves out
    (a NULL confidence is never at or above it), or None when there is no threshold."""
    if query.min_confidence is None:
        return None
    conds, params = event_filters(replace(query, min_confidence=None))
    conds.append("(confidence < ? OR confidence IS NULL)")
    return conds, [*params, query.min_confidence]


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_YEAR = re.compile(r"\d{4}")


def period_after(bound: str) -> str | None:
    """The first key past a year, month or day bound ("2019-12" -> "2020-01"), or None for
    another shape. Every key inside the period sorts before it, whatever the collation."""
    try:
        if _DAY.fullmatch(bound):
            return (date.fromisoformat(bound) + timedelta(days=1)).isoformat()
        if _MONTH.fullmatch(bound):
            year, month = int(bound[:4]), int(bound[5:])
            if not 1 <= month <= 12:
                return None
            return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
        if _YEAR.fullmatch(bound) and bound != "9999":
            return f"{int(bound) + 1:04d}"
    except ValueError:
        return None
    return None


def after_condition(cursor_key: str, cursor_id: str) -> tuple[str, list[Any]]:
    """Rows strictly after (cursor_key, cursor_id) in (order_key, id) order."""
    return "(order_key > ? OR (order_key = ? AND id > ?))", [cursor_key, cursor_key, cursor_id]
