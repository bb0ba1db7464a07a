"""Which time expression dates an event trigger: the one in its own clause, else its sentence.

The caller falls back to the article date (date_source "published") when this returns None.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.records import TimeRef

# A value that names a calendar day, week, month, quarter, half, season or year (with optional
# time of day after a day): the only values that can date an event.
_EVENT_DATE = re.compile(
    r"^\d{4}(-(\d{2}(-\d{2}(T[\d:]+|T(MO|AF|EV|NI|DT))?)?|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI))?$"
)

# Dependency labels that make a verb the head of a clause of its own.
_CLAUSE_DEPS = frozenset(
    {
        "ROOT",
        "ccomp",
        "xcomp",
        "advcl",
        "relcl",
        "acl",
        "conj",
        "csubj",
        "csubjpass",
        "parataxis",
        "pcomp",
    }
)


def is_event_date(time: TimeRef) -> bool:
    """True when the time names a day/week/month/quarter/year (not a duration, set or *_REF),
    or is a duration that reaches a named day ("three days later")."""
    return bool(_EVENT_DATE.match(event_date_value(time)))


def event_date_value(time: TimeRef) -> str:
    """The TIMEX3 value that dates an event: the day a counted duration reaches, else the value
    of a DATE or TIME ("" for anything else)."""
    if time.type == "DURATION":
        return time.reaches or ""
    return time.value if time.type in ("DATE", "TIME") else ""


def _is_clause_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the token itself when it is one)."""
    current = token
    while not _is_clause_verb(current) and current.head.i != current.i:
        current = current.head
    return current


def _time_span(doc: Doc, time: TimeRef) -> Span | None:
    return doc.char_span(time.start, time.end, alignment_mode="expand")


def _in_clause_of(span: Span, trigger: Token, trigger_clause: Token) -> bool:
    """Does the time's head chain reach the trigger's clause without crossing another clause?"""
    current = span.root
    while True:
        if current.i == trigger.i or current.i == trigger_clause.i:
            return True
        if current.i not in range(span.start, span.end) and _is_clause_verb(current):
            # A clause that modifies the trigger noun itself ("talks to be held on ...").
            return current.dep_ in ("acl", "relcl") and current.head.i == trigger.i
        if current.head.i == current.i:
            return False
        current = current.head


def time_for_trigger(doc: Doc, trigger_index: int, times: Sequence[TimeRef]) -> TimeRef | None:
    """The event-dating time expression for the trigger token at `trigger_index`, or None.

    First choice: a time in the trigger's own clause (by dependency path); second: a time in the
    same sentence. Among several, the one nearest the trigger wins. A duration counted from a
    named day ("three days later") comes back as the DATE of the day it reaches.
    """
    if not 0 <= trigger_index < len(doc):
        raise IndexError(f"trigger index {trigger_index} outside a doc of {len(doc)} tokens")
    trigger = doc[trigger_index]
    sentence = trigger.sent
    trigger_clause = _clause_head(trigger)
    in_clause: list[tuple[int, TimeRef]] = []
    in_sentence: list[tuple[int, TimeRef]] = []
    for time in times:
        if not is_event_date(time):
            continue
        span = _time_span(doc, time)
        if span is None or span.start < sentence.start or span.end > sentence.end:
            continue
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        if _in_clause_of(span, trigger, trigger_clause):
            in_clause.append((distance, time))
        else:
            in_sentence.append((distance, time))
    for candidates in (in_clause, in_sentence):
        if candidates:
            best = min(candidates, key=lambda pair: (pair[0], pair[1].start))[1]
            if best.type == "DURATION":  # "three days later": the day it reaches dates the event
                return dataclasses.replace(best, type="DATE", value=event_date_value(best))
            return best
    return None
