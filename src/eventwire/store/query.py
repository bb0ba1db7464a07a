"""EventQuery -> a parameterised SQL WHERE clause, the same for every backend.

Values never enter the SQL text: each filter adds a `?` placeholder and a parameter (backends
whose driver wants another placeholder translate `?`). No literal `%` or `?` appears in the SQL, so
that translation is safe.
"""

from __future__ import annotations

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
        # inclusive: "2019-12" keeps 2019-12-31; compare the date cut to the bound's length
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
    return conds, params


def after_condition(cursor_key: str, cursor_id: str) -> tuple[str, list[Any]]:
    """Rows strictly after (cursor_key, cursor_id) in (order_key, id) order."""
    return "(order_key > ? OR (order_key = ? AND id > ?))", [cursor_key, cursor_key, cursor_id]
