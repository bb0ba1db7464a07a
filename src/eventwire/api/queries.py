"""The reads the API needs beyond the Store interface: sorted pages, one event, counts.

They run SQL on the store's own tables (eventwire.store.schema) through the store's row runner,
reuse the store's filter builder (eventwire.store.query.event_filters) and pass every value as a
parameter. Pages use keyset cursors on (sort key, id), so no page costs more than a top-N scan.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventwire.records import Article, Event
from eventwire.store import schema
from eventwire.store.base import EventQuery
from eventwire.store.query import event_filters, under_confidence

Rows = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]

# sort name -> (key column, descending). Keys are plain columns so DuckDB's top-N can prune by
# them; undated events (order_key "~") come last in both date orders (see _segments).
SORT_KEYS: dict[str, tuple[str, bool]] = {
    "date": ("order_key", False),
    "-date": ("order_key", True),
    "goldstein": ("goldstein", False),
    "-goldstein": ("goldstein", True),
    "confidence": ("confidence", False),
    "-confidence": ("confidence", True),
}
# interval -> characters of order_key it needs ("2019-12-23" or "2019-12"); the SQL is plain
# enough for DuckDB and PostgreSQL alike, and weeks are folded from days in Python.
INTERVAL_CHARS = {"day": 10, "week": 10, "month": 7}
_DIGIT_AT = "substr(order_key, {0}, 1) BETWEEN '0' AND '9'"
GROUPS = {"quad_class": "CAST(quad_class AS VARCHAR)", "plover": "plover_type", "none": "'all'"}


@dataclass(frozen=True, slots=True)
class Page:
    events: list[Event]
    last_key: Any  # sort key of the last event, for the next cursor (None: no more pages)
    last_id: str | None


def rows_of(store: Any, lock: threading.Lock) -> Rows:
    """The store's parameterised row runner. A store that can read from many threads at once
    (DuckDB: a cursor per thread; PostgreSQL: a pool of connections) is used as it is; any
    other is serialised by `lock` (the lock writes take too), since its one connection serves
    every request thread."""
    threaded = getattr(store, "thread_rows", None)
    if threaded is not None:
        return threaded()
    run = getattr(store, "rows", None) or store._rows

    def locked(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with lock:
            return run(sql, list(params))

    return locked


def _where(
    query: EventQuery, extra: Sequence[str] = (), extra_params: Sequence[Any] = ()
) -> tuple[str, list[Any]]:
    conds, params = event_filters(query)
    conds, params = [*conds, *extra], [*params, *extra_params]
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def _segments(sort: str) -> list[tuple[str, list[Any]]]:
    """The parts a sort reads in turn: newest-first reads dated events, then undated ones."""
    if sort == "-date":
        return [("order_key < ?", [schema.UNDATED]), ("order_key = ?", [schema.UNDATED])]
    return [("TRUE", [])]


def _segment_of(sort: str, key: Any) -> int:
    return 1 if sort == "-date" and key == schema.UNDATED else 0


def events_page(
    rows: Rows, query: EventQuery, sort: str, size: int, after: tuple[Any, str] | None
) -> Page:
    """One page of events in `sort` order, continuing strictly after (key, id) when given.

    Two steps: the page's ids come from a query that reads only the filtered columns and the
    sort key (an index scan on PostgreSQL, a top-N over a few columns on DuckDB), then the
    whole rows of just those ids. DuckDB reading all 48 columns of every candidate row was
    most of a page's cost."""
    key, desc = SORT_KEYS[sort]
    op, direction = ("<", "DESC") if desc else (">", "ASC")
    locator = getattr(rows, "row_locator", None)
    picked = f"id, {key}" + (f", {locator}" if locator else "")
    segments = _segments(sort)
    first = _segment_of(sort, after[0]) if after is not None else 0
    found: list[tuple[Any, ...]] = []
    for index in range(first, len(segments)):
        cond, cond_params = segments[index]
        extra, extra_params = [cond], list(cond_params)
        if after is not None and index == first:
            extra.append(f"({key} {op} ? OR ({key} = ? AND id {op} ?))")
            extra_params += [after[0], after[0], after[1]]
        where, params = _where(query, extra, extra_params)
        sql = (
            f"SELECT {picked} FROM events{where} ORDER BY {key} {direction}, id {direction} LIMIT ?"
        )
        found += rows(sql, [*params, size + 1 - len(found)])
        if len(found) > size:
            break
    events = [schema.event_from_row(r) for r in _whole_rows(rows, found[:size], locator)]
    if len(found) <= size:
        return Page(events, None, None)
    last = found[size - 1]
    return Page(events, last[1], last[0])


def _whole_rows(
    rows: Rows, picked: Sequence[tuple[Any, ...]], locator: str | None
) -> list[tuple[Any, ...]]:
    """The full rows of the picked (id, key[, locator]) in their order. A DuckDB runner names
    its row locator (`rowid`: a direct fetch, no scan); should the rows have moved since (a
    writer rewrote the table in between), they are found by id."""
    if not picked:
        return []
    columns = ", ".join(schema.EVENT_NAMES)
    ids = [p[0] for p in picked]
    marks = ", ".join("?" for _ in ids)
    found: list[tuple[Any, ...]] = []
    if locator is not None:
        found = rows(
            f"SELECT {columns} FROM events WHERE {locator} IN ({marks})", [p[2] for p in picked]
        )
    if sorted(r[0] for r in found) != sorted(ids):
        found = rows(f"SELECT {columns} FROM events WHERE id IN ({marks})", ids)
    by_id = {r[0]: r for r in found}
    return [by_id[i] for i in ids if i in by_id]


def count_events(rows: Rows, query: EventQuery) -> int:
    where, params = _where(query)
    return int(rows(f"SELECT count(*) FROM events{where}", params)[0][0])


def count_under_confidence(rows: Rows, query: EventQuery) -> int:
    """How many events the other filters select that `query.min_confidence` leaves out
    (0 without a threshold): the reads that say what they left out say this too."""
    found = under_confidence(query)
    if found is None:
        return 0
    conds, params = found
    where = " WHERE " + " AND ".join(conds)
    return int(rows(f"SELECT count(*) FROM events{where}", params)[0][0])


def event_by_id(rows: Rows, event_id: str) -> Event | None:
    found = rows(f"SELECT {', '.join(schema.EVENT_NAMES)} FROM events WHERE id = ?", [event_id])
    return schema.event_from_row(found[0]) if found else None


def article_by_id(rows: Rows, article_id: str) -> Article | None:
    found = rows(
        "SELECT id, source, url, published, title, text, language FROM articles WHERE id = ?",
        [article_id],
    )
    return schema.article_from_row(found[0]) if found else None


def _period(key: str, interval: str) -> str | None:
    """The period a day or month key falls in; None for a key that is no calendar date."""
    try:
        if interval == "month":
            return date.fromisoformat(key + "-01").isoformat()[:7]
        day = date.fromisoformat(key)
    except ValueError:
        return None
    if interval == "week":  # ISO weeks start on Monday
        day -= timedelta(days=day.weekday())
    return day.isoformat()


@dataclass(frozen=True, slots=True)
class Timeline:
    counts: list[dict[str, Any]]  # {"period", "group", "count"}, periods in order
    left_out: int  # matching events with no date as precise as the interval (or none)
    under_min_confidence: int = 0  # events the other filters select, under min_confidence


def timeline(rows: Rows, query: EventQuery, interval: str, group: str) -> Timeline:
    """Event counts per period and group, periods in order. Dates coarser than the interval
    (a year or a month on a daily timeline, a week value, a season) and undated events cannot
    be drawn: they are counted in `left_out`, in the same scan."""
    chars = INTERVAL_CHARS[interval]
    precise = [f"length(order_key) >= {chars}", _DIGIT_AT.format(6)]
    if chars == 10:
        precise.append(_DIGIT_AT.format(9))
    where, params = _where(query)
    key = f"CASE WHEN {' AND '.join(precise)} THEN substr(order_key, 1, {chars}) END"
    sql = f"SELECT {key} AS k, {GROUPS[group]} AS grp, count(*) FROM events{where} GROUP BY k, grp"
    counts: dict[tuple[str, str], int] = {}
    left_out = 0
    for key_value, grp, n in rows(sql, params):
        period = _period(key_value, interval) if key_value is not None else None
        if period is None:
            left_out += int(n)
        else:
            counts[period, grp] = counts.get((period, grp), 0) + int(n)
    found = [{"period": p, "group": g, "count": n} for (p, g), n in sorted(counts.items())]
    return Timeline(found, left_out, count_under_confidence(rows, query))


def network(rows: Rows, query: EventQuery, level: str, limit: int) -> list[dict[str, Any]]:
    """Directed source -> target edges with event counts and mean Goldstein, largest first."""
    side = {"country": "country", "actor": "code"}[level]
    src, tgt = f"source_{side}", f"target_{side}"
    where, params = _where(query, [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL"])
    sql = (
        f"SELECT {src}, {tgt}, count(*) AS n, avg(goldstein) FROM events{where}"
        f" GROUP BY {src}, {tgt} ORDER BY n DESC, {src}, {tgt} LIMIT ?"
    )
    return [
        {"source": s, "target": t, "count": int(n), "goldstein_mean": round(float(g), 3)}
        for s, t, n, g in rows(sql, [*params, limit])
    ]


def actors(rows: Rows, query: EventQuery, limit: int) -> list[dict[str, Any]]:
    """Actor codes seen on either side, with a name, their country and event counts."""
    where, params = _where(query)
    sql = (
        "WITH sel AS (SELECT * FROM events" + where + "), sides AS ("
        " SELECT source_code AS code, source_country AS country, source_name AS name, 1 AS src"
        " FROM sel UNION ALL"
        " SELECT target_code, target_country, target_name, 0 FROM sel"
        " WHERE target_code IS NOT NULL)"
        " SELECT code, min(country), min(name), count(*) AS n, sum(src)"
        " FROM sides GROUP BY code ORDER BY n DESC, code LIMIT ?"
    )
    return [
        {"code": c, "country": k, "name": name, "events": int(n), "as_source": int(s)}
        for c, k, name, n, s in rows(sql, [*params, limit])
    ]


def places(rows: Rows, query: EventQuery, limit: int) -> list[dict[str, Any]]:
    """Located places (with coordinates) and how many events happened there, one row per place
    (GeoNames id, else name and country) at its mean coordinates."""
    where, params = _where(query, ["place_lat IS NOT NULL", "place_lon IS NOT NULL"])
    sql = (
        "SELECT place_geonameid, place_name, place_country, min(place_feature),"
        f" avg(place_lat), avg(place_lon), count(*) AS n FROM events{where}"
        " GROUP BY place_geonameid, place_name, place_country"
        " ORDER BY n DESC, place_name LIMIT ?"
    )
    return [
        {
            "geonameid": gid,
            "name": name,
            "country": country,
            "feature": feature,
            "lat": round(lat, 4),
            "lon": round(lon, 4),
            "events": int(n),
        }
        for gid, name, country, feature, lat, lon, n in rows(sql, [*params, limit])
    ]
