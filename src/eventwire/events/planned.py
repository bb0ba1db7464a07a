"""When an act is told against the article's own date: one dated after it has not happened yet
("officials hold talks in Tokyo next week" is an intent to meet, 036, as "will hold talks" is);
one dated months before it is background ("the 1985 Plaza pact", "last year's boycott"): it
keeps its own date, with less confidence that it is news."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from eventwire.events.codebook import Codebook
from eventwire.events.lexicon import Lexicon
from eventwire.records import Event

# TIMEX3 values whose start we can tell: a day, an ISO week, a month, a year.
DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")


def value_start(value: str) -> date | None:
    """The first day a TIMEX3 value covers, or None for the ones without a calendar start
    (durations, seasons, "PRESENT_REF")."""
    try:
        if m := DAY.match(value):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := WEEK.match(value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := MONTH.match(value):
            return date(int(m[1]), int(m[2]), 1)
        if m := YEAR.match(value):
            return date(int(m[1]), 1, 1)
    except ValueError:
        return None
    return None


def as_planned(event: Event, published: date | None, lexicon: Lexicon, codebook: Codebook) -> Event:
    """The event as a plan when its text date starts after the publication date: modality
    "future", its code through the intent map (talks 046 -> 036); else unchanged."""
    if published is None or event.date_source != "text" or event.modality == "future":
        return event
    start = value_start(event.date or "")
    if start is None or start <= published:
        return event
    code = lexicon.recode("intent", event.cameo) or event.cameo
    if code == "drop" or code not in codebook:
        return dataclasses.replace(event, modality="future")
    entry = codebook.get(code)
    return dataclasses.replace(
        event,
        cameo=entry.code,
        cameo_root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=entry.plover,
        modality="future",
    )


# An act dated this long before the article is background, not the news of the day; its
# confidence is multiplied by BACKGROUND_FACTOR (so the default --min-confidence leaves most out).
BACKGROUND_AGE = timedelta(days=90)
BACKGROUND_FACTOR = 0.6


def as_background(event: Event, published: date | None) -> Event:
    """The event with less confidence when its text date starts months before publication."""
    if published is None or event.date_source != "text":
        return event
    start = value_start(event.date or "")
    if start is None or published - start <= BACKGROUND_AGE:
        return event
    return dataclasses.replace(event, confidence=round(event.confidence * BACKGROUND_FACTOR, 3))
