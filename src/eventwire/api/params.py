"""Request parameters -> typed filters: one dependency that every read route shares.

Each parameter is checked here and a bad one becomes a 400 naming it, so the query layer only
ever sees valid values (and passes them to SQL as parameters, never as text).
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from pydantic import WithJsonSchema

from eventwire import filters
from eventwire.api.errors import bad_parameter
from eventwire.store.base import EventQuery

SORTS = ("date", "-date", "goldstein", "-goldstein", "confidence", "-confidence")
Format = Literal["json", "csv", "jsonl"]
MAX_PAGE = 1000
DEFAULT_PAGE = 100


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of a request, as the store's EventQuery."""

    query: EventQuery


def check_text(name: str, value: str | None) -> None:
    """Free text goes to SQL as a parameter; NUL is the one character PostgreSQL refuses."""
    if value is not None and "\x00" in value:
        raise bad_parameter(name, f"{name} must not contain NUL characters")


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """ "min_lon,min_lat,max_lon,max_lat" in degrees."""
    try:
        return filters.parse_bbox("bbox", value)
    except filters.FilterError as error:
        raise bad_parameter(error.name, error.message) from None


def event_filters(
    request: Request,
    date_from: Annotated[
        str | None, Query(description="first day (inclusive): YYYY, YYYY-MM or YYYY-MM-DD")
    ] = None,
    date_to: Annotated[str | None, Query(description="last day (inclusive), same forms")] = None,
    actor: Annotated[
        str | None,
        Query(
            description="CAMEO actor code prefix (RUSGOV, TUR) or ISO alpha-3 country, "
            "either side of the event"
        ),
    ] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or root: 04, 041, 0431")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    quad_class: Annotated[
        int | None,
        Query(
            description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
            json_schema_extra={"minimum": 1, "maximum": 4},
        ),
    ] = None,
    bbox: Annotated[
        str | None, Query(description="located events in min_lon,min_lat,max_lon,max_lat")
    ] = None,
    q: Annotated[
        str | None,
        Query(max_length=filters.MAX_TEXT, description="text in the evidence sentence"),
    ] = None,
    article_id: Annotated[str | None, Query(max_length=filters.MAX_TEXT)] = None,
    min_confidence: Annotated[
        str | None,
        # a number to clients; read as text so eventwire.filters refuses a bad one in the
        # command line's words, not the validator's
        WithJsonSchema({"type": "number", "minimum": 0, "maximum": 1}),
        Query(description=filters.READ_CONFIDENCE_HELP),
    ] = None,
) -> Filters:
    """The filters, checked by the rules the command line uses too (eventwire.filters)."""
    values = filters.FilterValues(
        date_from, date_to, actor, cameo, plover, quad_class, bbox, q, article_id, min_confidence
    )
    try:
        query = filters.event_query(values, request.app.state.vocabulary.plover)
    except filters.FilterError as error:
        raise bad_parameter(error.name, error.message) from None
    return Filters(query)


# -- strict query strings: a parameter a route does not take is an error, not ignored --------
def strict_query(request: Request) -> None:
    """Refuse query parameters the route does not take ("text=" where the filter is "q" would
    otherwise silently select everything), naming the ones it does take."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) if known else "no query parameters"
        raise bad_parameter(
            unknown[0], f"unknown parameter {unknown[0]!r}: {request.url.path} takes {takes}"
        )


def _query_names(dependant: Any) -> frozenset[str]:
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return frozenset(names)


# -- cursors: opaque to clients, (sort, last key, last id) inside ----------------------------
def encode_cursor(sort: str, key: Any, event_id: str) -> str:
    raw = json.dumps([sort, key, event_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The (key, id) a page continues after; a cursor from another sort order is refused."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_sort, key, event_id = json.loads(raw)
    except (ValueError, TypeError):
        raise bad_parameter("cursor", "cursor is not one this API gave out") from None
    if got_sort != sort:
        raise bad_parameter("cursor", f"cursor belongs to sort={got_sort!r}, not {sort!r}")
    key = _cursor_key(sort, key)
    if not isinstance(event_id, str) or key is None:
        raise bad_parameter("cursor", "cursor is not one this API gave out")
    return key, event_id


def _cursor_key(sort: str, key: Any) -> str | float | None:
    """The key as the sort column's type (a date string or a finite number), else None."""
    if sort.endswith("date"):
        return key if isinstance(key, str) else None
    if isinstance(key, bool) or not isinstance(key, int | float):
        return None
    try:
        number = float(key)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def response_format(format_param: str | None, accept: str | None) -> Format:
    """`format=` wins; else the Accept header; JSON by default."""
    if format_param is not None:
        return format_param  # type: ignore[return-value]  # validated by the Literal
    accept = (accept or "").lower()
    if "text/csv" in accept:
        return "csv"
    if "ndjson" in accept or "jsonl" in accept or "json-lines" in accept:
        return "jsonl"
    return "json"
