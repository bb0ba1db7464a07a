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


# Clauses that only add to the clause above them ("in routing a force to capture the base on
# Sunday"): a time inside them still dates the verb they hang from.
_ADJUNCT_DEPS = frozenset({"advcl", "xcomp", "pcomp"})
# Verbs that report another clause: their time dates the stance they report ("said on Monday
# it opposed the plan"), never the other way round.
_REPORTING_LEMMAS = frozenset(
    {"say", "tell", "announce", "state", "add", "claim", "warn", "insist", "argue", "report"}
)
# What the next sentence may say of the same event: "The talks ... They were held on Monday."
_HAPPEN_LEMMAS = frozenset(
    {"hold", "take", "happen", "occur", "be", "come", "begin", "start", "end", "sign", "open"}
)
_BACK_PRONOUNS = frozenset({"it", "they", "this", "that"})
# A time after these is a deadline, a limit or a period something is for ("by 2005", "until
# July 1", "budget for fiscal 1987"), not when the event happened.
_LIMIT_WORDS = frozenset({"by", "until", "till", "through", "for"})


def _link(span: Span, trigger: Token, trigger_clause: Token) -> str | None:
    """How a time reaches the trigger: "own" (it modifies the trigger or a clause of the trigger
    noun), "clause" (the trigger's clause), or None (another clause: a relative clause on some
    other noun, a reported clause, a clause of its own)."""
    current = span.root
    while True:
        if current.i == trigger.i:
            return "own"
        if current.i == trigger_clause.i:
            return "clause"
        if current.i not in range(span.start, span.end) and _is_clause_verb(current):
            # A clause that modifies the trigger noun itself ("talks to be held on ...").
            if current.dep_ in ("acl", "relcl") and current.head.i == trigger.i:
                return "own"
            if current.dep_ not in _ADJUNCT_DEPS:
                return None
        if current.head.i == current.i:
            return None
        current = current.head


def _reporting_verb(trigger_clause: Token) -> Token | None:
    """The verb that reports the trigger's clause ("said [it opposed the plan]"), or the verb a
    to-clause completes ("decided [to withdraw]")."""
    head = trigger_clause.head
    if head.i == trigger_clause.i:
        return None
    if trigger_clause.dep_ == "ccomp" and head.lemma_.lower() in _REPORTING_LEMMAS:
        return head
    if trigger_clause.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _as_date(time: TimeRef) -> TimeRef:
    if time.type == "DURATION":  # "three days later": the day it reaches dates the event
        return dataclasses.replace(time, type="DATE", value=event_date_value(time))
    return time


def time_for_trigger(doc: Doc, trigger_index: int, times: Sequence[TimeRef]) -> TimeRef | None:
    """The event-dating time expression for the trigger token at `trigger_index`, or None.

    A time counts when it modifies the trigger (a noun's own date first: "Today's agreement
    follows an agreement in December" dates the second by December), else the trigger's clause
    (through the clauses that only add to it), else the verb that reports or governs that
    clause ("said on Monday it opposed", "decided last night to withdraw"). A time in another
    clause of the sentence dates another event. Failing all of these, the next sentence may
    date the same event ("The talks ... They were held on Monday"). Among several, the nearest
    wins. A duration counted from a named day ("three days later") comes back as the DATE of
    the day it reaches.
    """
    if not 0 <= trigger_index < len(doc):
        raise IndexError(f"trigger index {trigger_index} outside a doc of {len(doc)} tokens")
    trigger = doc[trigger_index]
    trigger_clause = _clause_head(trigger)
    tiers: dict[str, list[tuple[int, TimeRef]]] = {"own": [], "clause": [], "reported": []}
    reporting = _reporting_verb(trigger_clause)
    for time, span in _dated_in(doc, times, trigger.sent):
        distance = min(abs(span.start - trigger.i), abs(span.end - 1 - trigger.i))
        link = _link(span, trigger, trigger_clause)
        if link is None and reporting is not None and _link(span, reporting, reporting):
            link = "reported"
        if link is not None:
            tiers[link].append((distance, time))
    for tier in tiers.values():
        if tier:
            return _as_date(min(tier, key=lambda pair: (pair[0], pair[1].start))[1])
    following = _next_sentence_time(doc, trigger, times)
    return None if following is None else _as_date(following)


def _dated_in(doc: Doc, times: Sequence[TimeRef], sentence: Span) -> list[tuple[TimeRef, Span]]:
    found = []
    for time in times:
        if not is_event_date(time):
            continue
        span = _time_span(doc, time)
        if span is None or span.start < sentence.start or span.end > sentence.end:
            continue
        before = span.start - 1
        while before >= sentence.start and doc[before].lower_ in {"fiscal", "the", "end", "of"}:
            before -= 1  # "by the end of 2005", "for fiscal 1987"
        if before >= sentence.start and doc[before].lower_ in _LIMIT_WORDS:
            continue
        found.append((time, span))
    return found


def _next_sentence_time(doc: Doc, trigger: Token, times: Sequence[TimeRef]) -> TimeRef | None:
    """A time of the next sentence's main clause when that sentence speaks of the same event:
    its subject is a pronoun or the trigger noun again, and its verb says the event happened."""
    end = trigger.sent.end
    if end >= len(doc):
        return None
    following = doc[end].sent
    root = following.root
    if root.lemma_.lower() not in _HAPPEN_LEMMAS:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    same = trigger.pos_ in ("NOUN", "PROPN") and any(
        s.lemma_.lower() == trigger.lemma_.lower() for s in subjects
    )
    if not same and not any(s.lower_ in _BACK_PRONOUNS for s in subjects):
        return None
    if not same and trigger.pos_ not in ("NOUN", "PROPN"):
        return None  # "it" after a verb trigger may be anything
    dated = [(t, s) for t, s in _dated_in(doc, times, following) if _link(s, root, root)]
    return min(dated, key=lambda pair: pair[1].start)[0] if dated else None
