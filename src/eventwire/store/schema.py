"""The store schema, shared by every SQL backend: tables, typed columns, and record <-> row.

An Event is flattened into typed columns (source_*, target_*, place_*, plover_*, evidence_*) so
that filters are plain SQL on indexed columns, and rebuilt exactly from them. `order_key` is the
event's TIMEX3 date when it is a calendar value (starts with a year), else "~" so that undated
events sort last; it orders pages and carries the date filters.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from operator import attrgetter
from typing import Any

from eventwire.records import Actor, Article, Event, Evidence, Place, Plover, Reject

# bump when a table changes; an older store is migrated when opened for writing (migrate()),
# a newer one is refused. 2: events.cluster_id (the cross-article cluster, stored at ingest).
SCHEMA_VERSION = "2"
UNDATED = "~"  # sorts after every digit, so undated events come last
_CALENDAR = re.compile(r"^\d{4}")

# Abstract column types; each backend maps them to its own SQL types.
TEXT, INT, BIGINT, FLOAT, DATE, BOOL, STAMP = "text", "int", "bigint", "float", "date", "bool", "ts"

_ACTOR_TYPES = {"start": INT, "end": INT}
_PLACE_TYPES = {
    "start": INT,
    "end": INT,
    "geonameid": BIGINT,
    "lat": FLOAT,
    "lon": FLOAT,
    "score": FLOAT,
}


def _columns_of(record_type: type, prefix: str, types: dict[str, str]) -> list[tuple[str, str]]:
    return [(f"{prefix}_{f.name}", types.get(f.name, TEXT)) for f in fields(record_type)]


ACTOR_FIELDS = [f.name for f in fields(Actor)]
PLACE_FIELDS = [f.name for f in fields(Place)]

EVENT_COLUMNS: list[tuple[str, str]] = [
    ("id", TEXT),
    ("article_id", TEXT),
    ("sentence_index", INT),
    ("sentence", TEXT),
    *_columns_of(Actor, "source", _ACTOR_TYPES),
    *_columns_of(Actor, "target", _ACTOR_TYPES),
    ("cameo", TEXT),
    ("cameo_root", TEXT),
    ("quad_class", INT),
    ("goldstein", FLOAT),
    ("plover_type", TEXT),
    ("plover_mode", TEXT),
    ("date", TEXT),
    ("date_source", TEXT),
    *_columns_of(Place, "place", _PLACE_TYPES),
    ("modality", TEXT),
    ("confidence", FLOAT),
    ("evidence_trigger", TEXT),
    ("evidence_start", INT),
    ("evidence_end", INT),
    ("evidence_rule", TEXT),
    ("mentions", INT),
    ("order_key", TEXT),
]

ARTICLE_COLUMNS: list[tuple[str, str]] = [
    ("id", TEXT),
    ("source", TEXT),
    ("url", TEXT),
    ("published", DATE),
    ("title", TEXT),
    ("text", TEXT),
    ("language", TEXT),
    ("text_hash", TEXT),
    ("duplicate_of", TEXT),
    ("ingested_at", STAMP),
]

REJECT_COLUMNS: list[tuple[str, str]] = [
    ("source_file", TEXT),
    ("position", TEXT),
    ("reason", TEXT),
    ("message", TEXT),
    ("excerpt", TEXT),
    ("seen_at", STAMP),
]

INPUT_COLUMNS: list[tuple[str, str]] = [
    ("path", TEXT),
    ("size", BIGINT),
    ("mtime", FLOAT),
    ("records_done", BIGINT),
    ("finished", BOOL),
    ("updated_at", STAMP),
]

# Columns the store keeps beyond the Event's own: the cluster id (eventwire.clusters), computed
# once at ingest so clusters are a GROUP BY, never a pass over every event in Python.
STORED_EVENT_COLUMNS: list[tuple[str, str]] = [*EVENT_COLUMNS, ("cluster_id", TEXT)]

EVENT_NAMES = [name for name, _ in EVENT_COLUMNS]
ARTICLE_NAMES = [name for name, _ in ARTICLE_COLUMNS]
# Column lists callers write (the timestamp columns default to now()).
ARTICLE_WRITE = ARTICLE_NAMES[:-1]
REJECT_WRITE = [name for name, _ in REJECT_COLUMNS][:-1]
INPUT_WRITE = [name for name, _ in INPUT_COLUMNS][:-1]


def create_statements(types: dict[str, str]) -> list[str]:
    """DDL for every table and index, with the backend's SQL `types`."""

    def cols(columns: list[tuple[str, str]]) -> str:
        return ", ".join(f"{name} {types[kind]}" for name, kind in columns)

    stamp_default = "DEFAULT current_timestamp"
    return [
        f"CREATE TABLE IF NOT EXISTS articles ({cols(ARTICLE_COLUMNS[:-1])}, "
        f"ingested_at {types[STAMP]} {stamp_default}, PRIMARY KEY (id))",
        f"CREATE TABLE IF NOT EXISTS events ({cols(STORED_EVENT_COLUMNS)}, PRIMARY KEY (id))",
        f"CREATE TABLE IF NOT EXISTS rejects ({cols(REJECT_COLUMNS[:-1])}, "
        f"seen_at {types[STAMP]} {stamp_default}, UNIQUE (source_file, position, reason))",
        f"CREATE TABLE IF NOT EXISTS inputs ({cols(INPUT_COLUMNS[:-1])}, "
        f"updated_at {types[STAMP]} {stamp_default}, PRIMARY KEY (path))",
        f"CREATE TABLE IF NOT EXISTS eventwire_meta (key {types[TEXT]}, value {types[TEXT]},"
        " PRIMARY KEY (key))",
        "CREATE INDEX IF NOT EXISTS events_order ON events (order_key, id)",
        "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
    ]


# Indexes a row store needs and a column store does not: PostgreSQL finds a page of clusters'
# members and an article's copies through them; DuckDB scans the column (its ART indexes only
# slow its writes for these lookups).
LOOKUP_INDEXES = [
    "CREATE INDEX IF NOT EXISTS events_cluster ON events (cluster_id)",
    "CREATE INDEX IF NOT EXISTS articles_duplicate ON articles (duplicate_of)",
]


def stored_version(run: Any) -> str | None:
    """The schema version a database says it has; None for a database eventwire did not make
    (or a new, empty one)."""
    known = run(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", ["eventwire_meta"]
    )[0][0]
    if not known:
        return None
    found = run("SELECT value FROM eventwire_meta WHERE key = ?", ["schema_version"])
    return found[0][0] if found else None


def order_key(timex: str | None) -> str:
    """The sort and filter key of an event date: the TIMEX3 value if it is a calendar value."""
    return timex if timex and _CALENDAR.match(timex) else UNDATED


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


_ACTOR = attrgetter(*ACTOR_FIELDS)
_PLACE = attrgetter(*PLACE_FIELDS)


def _flatten(record: Any, getter: attrgetter[Any], width: int) -> tuple[Any, ...]:
    return (None,) * width if record is None else getter(record)


def event_row(event: Event) -> tuple[Any, ...]:
    """An Event as a row in EVENT_COLUMNS order."""
    return (
        event.id,
        event.article_id,
        event.sentence_index,
        event.sentence,
        *_flatten(event.source, _ACTOR, len(ACTOR_FIELDS)),
        *_flatten(event.target, _ACTOR, len(ACTOR_FIELDS)),
        event.cameo,
        event.cameo_root,
        event.quad_class,
        event.goldstein,
        event.plover.type,
        event.plover.mode,
        event.date,
        event.date_source,
        *_flatten(event.place, _PLACE, len(PLACE_FIELDS)),
        event.modality,
        event.confidence,
        event.evidence.trigger,
        event.evidence.start,
        event.evidence.end,
        event.evidence.rule,
        event.mentions,
        order_key(event.date),
    )


_IX = {name: i for i, name in enumerate(EVENT_NAMES)}
# Actor and Place columns are generated in field order, so a slice rebuilds them positionally.
_SOURCE = slice(_IX["source_text"], _IX["source_text"] + len(ACTOR_FIELDS))
_TARGET = slice(_IX["target_text"], _IX["target_text"] + len(ACTOR_FIELDS))
_PLACE_COLS = slice(_IX["place_text"], _IX["place_text"] + len(PLACE_FIELDS))


def event_from_row(row: Sequence[Any]) -> Event:
    """Rebuild an Event from a row in EVENT_COLUMNS order (the inverse of event_row)."""
    if len(row) != len(EVENT_NAMES):
        raise ValueError(f"an event row has {len(EVENT_NAMES)} columns, not {len(row)}")
    x = _IX
    # code and name are never null on a real Actor/Place: null means "no target/place"
    target = row[_TARGET]
    place = row[_PLACE_COLS]
    return Event(
        id=row[x["id"]],
        article_id=row[x["article_id"]],
        sentence_index=row[x["sentence_index"]],
        sentence=row[x["sentence"]],
        source=Actor(*row[_SOURCE]),
        target=Actor(*target) if row[x["target_code"]] is not None else None,
        cameo=row[x["cameo"]],
        cameo_root=row[x["cameo_root"]],
        quad_class=row[x["quad_class"]],
        goldstein=row[x["goldstein"]],
        plover=Plover(type=row[x["plover_type"]], mode=row[x["plover_mode"]]),
        date=row[x["date"]],
        date_source=row[x["date_source"]],
        place=Place(*place) if row[x["place_name"]] is not None else None,
        modality=row[x["modality"]],
        confidence=row[x["confidence"]],
        evidence=Evidence(
            trigger=row[x["evidence_trigger"]],
            start=row[x["evidence_start"]],
            end=row[x["evidence_end"]],
            rule=row[x["evidence_rule"]],
        ),
        mentions=row[x["mentions"]],
    )


def article_row(article: Article, duplicate_of: str | None) -> tuple[Any, ...]:
    """An Article as a row in ARTICLE_WRITE order."""
    return (
        article.id,
        article.source,
        article.url,
        article.published,
        article.title,
        article.text,
        article.language,
        text_hash(article.text),
        duplicate_of,
    )


def article_from_row(row: Sequence[Any]) -> Article:
    """Rebuild an Article from (id, source, url, published, title, text, language)."""
    ident, source, url, published, title, text, language = row[:7]
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(
        id=ident,
        source=source,
        url=url,
        published=published,
        title=title,
        text=text,
        language=language,
    )


def reject_row(reject: Reject) -> tuple[Any, ...]:
    return (reject.source_file, reject.position, reject.reason, reject.message, reject.excerpt)
