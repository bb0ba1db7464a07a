"""How sure the coder is of one event: of its type, and of each of its two sides.

    confidence = type x source x target

- type: the pattern's strength (the lexicon's `w`), times how sure the parse made the subject
  (control, conjunction and relative clauses lower it: `certainty` from the argument stage).
- a side: an actor with a country or a named international body is what event data counts
  (1.0); a sector with no country ("the government", "MPs", "a rights group", a bare IGO) says
  little (0.6) and a name no dictionary knows (UNK) less (0.5), so an event with either falls
  under the default threshold unless both its pattern and its other side are sure: hand checks
  of real news found 2 of 17 such events fully right (the article named the country or the
  person the table lacked; benchmarks/dyads.py, BENCHMARKS.md).
- no target: acts that need a counterpart to be news (statements, appeals, promises, talks,
  support, demands, criticism, rejections, threats: CAMEO roots 01-13) are mostly remarks when
  the sentence names no one they are aimed at (0.55); protests, force posture and coercion
  (14-17) lose less (0.7): they are mostly aimed at someone the article names, and a dyad count
  cannot use them without; assaults and fighting (18-20) are news with no one named (0.9).

Measured on PLV_train (BENCHMARKS.md), the share of events whose type and both sides are right
rises with this figure, so a threshold (`--min-confidence`) trades events for precision.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.records import DEFAULT_MIN_CONFIDENCE, UNKNOWN_CODE, Actor, Event

# DEFAULT_MIN_CONFIDENCE (records.py, where the command line reads it without loading spaCy) is
# chosen on PLV_train and on the political news of benchmarks/dyads.py (BENCHMARKS.md): it keeps
# the events with a counterpart and drops most targetless remarks.
__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "VIOLENT_ROOTS",
    "event_confidence",
    "keep_confident",
    "no_target",
    "side_weight",
    "with_found_target",
]

AIMED_FORCE_ROOTS = frozenset({"14", "15", "16", "17"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
NO_TARGET_COUNTERPART = 0.55
NO_TARGET_AIMED_FORCE = 0.7
NO_TARGET_VIOLENT = 0.9
UNKNOWN_SIDE = 0.5
SECTOR_SIDE = 0.6


def side_weight(actor: Actor) -> float:
    """How much a side says about who acted: a state, its bodies or a named international body
    fully, a bare sector less, an unknown name least."""
    if actor.code == UNKNOWN_CODE:
        return UNKNOWN_SIDE
    if actor.country is not None or _named_body(actor):
        return 1.0
    return SECTOR_SIDE


def _named_body(actor: Actor) -> bool:
    """An international body or group the tables name (IGOUNO, NGOHRIAMN; the Paris Club, whose
    code is the bare IGO), not a sector noun ("an international agency", "a rights group")."""
    if actor.code[:3] not in ("IGO", "NGO", "IMG"):
        return False
    return len(actor.code) > 3 or (actor.kind == "organisation" and actor.name is not None)


def event_confidence(
    weight: float, certainty: float, code: str, source: Actor, target: Actor | None
) -> float:
    """The event's confidence from its pattern, its parse and its two sides (see module doc)."""
    other = side_weight(target) if target is not None else no_target(code)
    return round(weight * certainty * side_weight(source) * other, 3)


def with_found_target(confidence: float, code: str, target: Actor) -> float:
    """The confidence of a targetless event once a later step finds its target (a visit's host
    from its place): the no-target factor is replaced by the target's weight."""
    return round(min(1.0, confidence / no_target(code) * side_weight(target)), 3)


def no_target(code: str) -> float:
    """The factor for a missing target: small for acts that need a counterpart to be news."""
    if code[:2] in VIOLENT_ROOTS:
        return NO_TARGET_VIOLENT
    return NO_TARGET_AIMED_FORCE if code[:2] in AIMED_FORCE_ROOTS else NO_TARGET_COUNTERPART


def keep_confident(events: Sequence[Event], minimum: float) -> tuple[list[Event], int]:
    """The events at or above `minimum`, and how many were left out."""
    kept = [e for e in events if e.confidence >= minimum]
    return kept, len(events) - len(kept)
