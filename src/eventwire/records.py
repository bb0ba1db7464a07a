"""The records passed between stages: the contracts of DESIGN.md as frozen dataclasses.

JSON keys are exactly the field names. `to_dict` / `*_from_dict` are the only (de)serialisers.
Offsets (`start`, `end`) are Python string indices into the article text exactly as read.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

# The actor code of a named person or organisation the dictionaries do not know.
UNKNOWN_CODE = "UNK"
# Events under this confidence are left out of `code`, `ingest` and the API's coding unless the
# user asks otherwise (the number left out is always reported); see events/confidence.py.
DEFAULT_MIN_CONFIDENCE = 0.5


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    source: str | None
    url: str | None
    published: date | None
    title: str
    text: str
    language: str = "en"


@dataclass(frozen=True, slots=True)
class TimeRef:
    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: 2019-12-23, 2019-11, 2013-W11, P3D, PAST_REF ...
    mod: str | None = None  # START, END, MID, APPROX ...
    # a duration counted from a day the text named ("On May 3 ... three days later"): the day it
    # reaches, so an event can be dated by it; the TIMEX3 value stays the duration (P3D)
    reaches: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    geonameid: int | None
    name: str
    country: str | None  # ISO 3166 alpha-3
    lat: float | None
    lon: float | None
    feature: str  # country, admin1, city, region, continent
    score: float


@dataclass(frozen=True, slots=True)
class Actor:
    text: str
    start: int
    end: int
    code: str  # CAMEO style: RUSGOV, TURMIL, SYRREB, IGOUNO
    country: str | None  # ISO alpha-3 or None
    agent: str | None  # GOV, MIL, REB, OPP, MED ...
    name: str | None  # canonical name: "Sergey Lavrov"
    role: str | None  # "Minister of Foreign Affairs"
    kind: str  # person, organisation, state, group


@dataclass(frozen=True, slots=True)
class Plover:
    type: str  # one of PLOVER's 16 types
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    trigger: str
    start: int
    end: int
    rule: str  # id of the lexicon entry / extraction rule that fired


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover: Plover
    date: str | None  # TIMEX3 value of when it happened
    date_source: str  # "text" or "published"
    place: Place | None
    modality: str  # asserted, future, reported
    confidence: float
    evidence: Evidence
    mentions: int = 1


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that could not be read or coded; nothing is dropped silently."""

    source_file: str
    position: str  # "line 12", "record 3", "byte 4096" ...
    reason: str  # a RejectReason code
    message: str
    excerpt: str = ""


def article_id(source: str | None, title: str, text: str) -> str:
    """A stable id for an article that came without one: a hash of source, title and text."""
    digest = hashlib.sha1(f"{source or ''}\x1f{title}\x1f{text}".encode()).hexdigest()
    return digest[:16]


def to_dict(record: Any) -> dict[str, Any]:
    """A record as a JSON-ready dict, keys exactly the field names, dates as ISO strings."""
    return _jsonable(dataclasses.asdict(record))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def actor_from_dict(d: dict[str, Any]) -> Actor:
    return Actor(**d)


def place_from_dict(d: dict[str, Any]) -> Place:
    return Place(**d)


def event_from_dict(d: dict[str, Any]) -> Event:
    fields = dict(d)
    fields["source"] = actor_from_dict(fields["source"])
    fields["target"] = actor_from_dict(fields["target"]) if fields.get("target") else None
    fields["place"] = place_from_dict(fields["place"]) if fields.get("place") else None
    fields["plover"] = Plover(**fields["plover"])
    fields["evidence"] = Evidence(**fields["evidence"])
    return Event(**fields)


def article_from_dict(d: dict[str, Any]) -> Article:
    fields = dict(d)
    if isinstance(fields.get("published"), str):
        fields["published"] = date.fromisoformat(fields["published"])
    return Article(**fields)
