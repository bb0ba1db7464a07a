"""The event filters a user gives, checked once for every front end: the HTTP API's parameters
and the command line's options (`events`, `export`, `clusters`) go through `event_query`, so a
value one refuses the other refuses too, with the same rule and a message naming the option the
user typed (`date_from` or `--from`).

`min_confidence` on a read defaults to 0, no filter: the store holds only the events `ingest`
kept (at its own `--min-confidence`, 0.5 by default), so a read adds a threshold only when asked.

Only valid values reach the store's EventQuery (and they reach SQL as parameters, never as text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from eventwire.dates import DateError, parse_user_date
from eventwire.store.base import EventQuery

MAX_TEXT = 200  # characters of a text or article-id filter
QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
# what each filter is called where the user types it
API_NAMES: Mapping[str, str] = {
    "date_from": "date_from",
    "date_to": "date_to",
    "actor": "actor",
    "cameo": "cameo",
    "plover": "plover",
    "quad_class": "quad_class",
    "bbox": "bbox",
    "text": "q",
    "article_id": "article_id",
    "min_confidence": "min_confidence",
}
CLI_NAMES: Mapping[str, str] = {
    "date_from": "--from",
    "date_to": "--to",
    "actor": "--actor",
    "cameo": "--cameo",
    "plover": "--plover",
    "quad_class": "--quad",
    "bbox": "--bbox",
    "text": "--text",
    "article_id": "--article-id",
    "min_confidence": "--min-confidence",
}
READ_CONFIDENCE_HELP = (
    "Only events of at least this confidence, 0 to 1 (default 0: every stored event; the store "
    "already holds only what ingest kept at its own --min-confidence, 0.5 by default)."
)

_DATE_PREFIX = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ACTOR = re.compile(r"^[A-Za-z]{3,15}$")
_CAMEO = re.compile(r"^\d{2,4}$")


class FilterError(ValueError):
    """A filter value refused; `name` is the option or parameter as the user wrote it."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name
        self.message = message


@dataclass(frozen=True, slots=True)
class FilterValues:
    """The filters as given, unchecked (None: not given)."""

    date_from: str | None = None
    date_to: str | None = None
    actor: str | None = None
    cameo: str | None = None
    plover: str | None = None
    quad_class: int | None = None
    bbox: str | None = None
    text: str | None = None
    article_id: str | None = None
    min_confidence: str | float | None = None  # as typed: the rule below reads the number


def event_query(
    values: FilterValues,
    plover_types: Sequence[str],
    names: Mapping[str, str] = API_NAMES,
    limit: int | None = None,
) -> EventQuery:
    """The checked EventQuery of `values`; FilterError naming the first bad one."""
    text = _check_text(names["text"], values.text)
    article_id = _check_text(names["article_id"], values.article_id)
    date_from = check_date(names["date_from"], values.date_from)
    date_to = check_date(names["date_to"], values.date_to)
    if date_from and date_to and date_from[: len(date_to)] > date_to:
        raise FilterError(names["date_to"], f"{names['date_to']} is before {names['date_from']}")
    actor = values.actor
    if actor is not None and not _ACTOR.match(actor):
        raise FilterError(
            names["actor"], f"{names['actor']} must be 3-15 letters: a CAMEO code or ISO alpha-3"
        )
    cameo = values.cameo
    if cameo is not None and not _CAMEO.match(cameo):
        raise FilterError(
            names["cameo"], f"{names['cameo']} must be 2 to 4 digits: a CAMEO root or code"
        )
    plover = values.plover.upper() if values.plover is not None else None
    if plover is not None and plover not in plover_types:
        raise FilterError(
            names["plover"], f"{names['plover']} must be one of {', '.join(plover_types)}"
        )
    quad = values.quad_class
    if quad is not None and quad not in QUAD_CLASSES:
        valid = [f"{n} ({label})" for n, label in QUAD_CLASSES.items()]
        listed = ", ".join(valid[:-1]) + " or " + valid[-1]
        raise FilterError(
            names["quad_class"], f"{names['quad_class']} must be {listed}, not {quad}"
        )
    return EventQuery(
        date_from=date_from,
        date_to=date_to,
        actor=actor.upper() if actor else None,
        cameo=cameo,
        plover=plover,
        quad_class=quad,
        bbox=parse_bbox(names["bbox"], values.bbox),
        text=text or None,
        article_id=article_id,
        min_confidence=check_confidence(names["min_confidence"], values.min_confidence),
        limit=limit,
    )


def check_confidence(name: str, value: str | float | None) -> float | None:
    """A confidence threshold from 0 to 1; None for no filter (not given, or 0: every event
    is at least 0). The raw text is read here, not by the front end's number parser, so a
    refusal says the same from the command line and the API."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not (math.isfinite(number) and 0 <= number <= 1):
        raise FilterError(
            name,
            f"{name} must be a number from 0 to 1, such as 0.5 (0 keeps every stored event), "
            f"not {str(value)!r}",
        )
    return number or None


def _check_text(name: str, value: str | None) -> str | None:
    """Free text goes to SQL as a parameter; NUL is the one character PostgreSQL refuses."""
    if value is None:
        return None
    if "\x00" in value:
        raise FilterError(name, f"{name} must not contain NUL characters")
    if len(value) > MAX_TEXT:
        raise FilterError(name, f"{name} must be at most {MAX_TEXT} characters")
    return value


def check_date(name: str, value: str | None) -> str | None:
    """A date bound: a year, a month or a day, written as the store writes dates."""
    if value is None:
        return None
    if not _DATE_PREFIX.match(value):
        hint = ""
        try:
            day = parse_user_date(value)
        except DateError:
            day = None
        if day is not None:
            hint = f" (for {value!r} write {day.isoformat()})"
        raise FilterError(name, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}{hint}")
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise FilterError(name, f"{name} is not a calendar date: {value!r}") from None
    return value


def parse_bbox(name: str, value: str | None) -> tuple[float, float, float, float] | None:
    """ "min_lon,min_lat,max_lon,max_lat" in degrees."""
    if value is None:
        return None
    try:
        parts = tuple(float(p) for p in value.split(","))
    except ValueError:
        parts = ()
    if len(parts) != 4 or not all(math.isfinite(p) for p in parts):
        raise FilterError(name, f"{name} must be four numbers: min_lon,min_lat,max_lon,max_lat")
    min_lon, min_lat, max_lon, max_lat = parts
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise FilterError(
            name,
            f"{name} needs -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90",
        )
    return min_lon, min_lat, max_lon, max_lat
