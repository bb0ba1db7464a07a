"""Request parameters -> typed filters: one dependency that every read route shares.

Each parameter is checked here and a bad one becomes a 400 naming it, so the query layer only
ever sees valid values (and passes them to SQL as parameters, never as text).
"""

from __future__ import annotations

import base64
import json
import math
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query, Request

from eventwire.api.errors import bad_parameter
from eventwire.store.base import EventQuery

SORTS = ("date", "-date", "goldstein", "-goldstein", "confidence", "-confidence")
Format = Literal["json", "csv", "jsonl"]
MAX_PAGE = 1000
DEFAULT_PAGE = 100

_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTOR = re.compile(r"^[A-Za-z]{3,15}$")
_CAMEO = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True, slots=True)
class Filters:
    """The event filters of a request, as the store's EventQuery."""

    query: EventQuery


def check_text(name: str, value: str | None) -> None:
    """Free text goes to SQL as a parameter; NUL is the one character PostgreSQL refuses."""
    if value is not None and "\x00" in value:
        raise bad_parameter(name, f"{name} must not contain NUL characters")


def _check_date(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    if not _DATE_PREFIX.match(value):
        raise bad_parameter(name, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise bad_parameter(name, f"{name} is not a calendar date: {value!r}") from None
    return value


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """ "min_lon,min_lat,max_lon,max_lat" in degrees."""
    if value is None:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise bad_parameter("bbox", "bbox must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise bad_parameter(
            "bbox",
            "bbox needs -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90",
        )
    return min_lon, min_lat, max_lon, max_lat


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
            ge=1,
            le=4,
            description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict",
        ),
    ] = None,
    bbox: Annotated[
        str | None, Query(description="located events in min_lon,min_lat,max_lon,max_lat")
    ] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="text in the evidence sentence")
    ] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
) -> Filters:
    check_text("q", q)
    check_text("article_id", article_id)
    date_from = _check_date("date_from", date_from)
    date_to = _check_date("date_to", date_to)
    if date_from and date_to and date_from[: len(date_to)] > date_to:
        raise bad_parameter("date_to", "date_to is before date_from")
    if actor is not None and not _ACTOR.match(actor):
        raise bad_parameter("actor", "actor must be 3-15 letters: a CAMEO code or ISO alpha-3")
    if cameo is not None and not _CAMEO.match(cameo):
        raise bad_parameter("cameo", "cameo must be 2 to 4 digits: a CAMEO root or code")
    known = request.app.state.vocabulary.plover
    if plover is not None and plover.upper() not in known:
        raise bad_parameter("plover", f"plover must be one of {', '.join(known)}")
    query = EventQuery(
        date_from=date_from,
        date_to=date_to,
        actor=actor.upper() if actor else None,
        cameo=cameo,
        plover=plover.upper() if plover else None,
        quad_class=quad_class,
        bbox=parse_bbox(bbox),
        text=q or None,
        article_id=article_id,
    )
    return Filters(query)


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
