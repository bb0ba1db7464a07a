"""Time expressions of news text as TimeML TIMEX3 records, normalised against the article date.

`find_times(text, published, doc)` recognises and normalises every expression; `resolve_date`
normalises one expression string. Rules are regular expressions built from `lexicon.yaml`;
build a `TimeFinder` once with `load_time_finder()` and pass it in (a shared default is used
otherwise).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.records import TimeRef
from eventwire.times.attach import is_event_date, time_for_trigger
from eventwire.times.finder import TimeFinder, load_time_finder
from eventwire.times.timeml import to_timeml

__all__ = [
    "TimeFinder",
    "TimeRef",
    "find_times",
    "is_event_date",
    "load_time_finder",
    "resolve_date",
    "time_for_trigger",
    "to_timeml",
]


@lru_cache(maxsize=1)
def _default_finder() -> TimeFinder:
    return load_time_finder()


def find_times(
    text: str, published: date, doc: Doc | None = None, finder: TimeFinder | None = None
) -> list[TimeRef]:
    """Time expressions of `text` (offsets into it), valued relative to the date `published`.

    `doc`, a spaCy Doc of exactly `text`, lets the governing verb decide past or future for
    expressions without a year ("spoke Monday", "to be held on January 8th").
    """
    return (finder or _default_finder()).find(text, published, doc)


def resolve_date(
    expr: str, published: date, tense: str = "past", finder: TimeFinder | None = None
) -> str | None:
    """The TIMEX3 value of one expression ("last November", "Monday") or None if not a time."""
    return (finder or _default_finder()).resolve(expr, published, tense)
