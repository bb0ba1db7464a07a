"""Within-article merge: one event per happening, counting the sentences that report it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from eventwire.events.confidence import with_found_target
from eventwire.events.symmetry import is_symmetric
from eventwire.records import Actor, Event


def merge_events(events: Sequence[Event]) -> list[Event]:
    """Fold events of one article that report the same happening into one.

    A visit with no target first gets the country of its place as host (`hosted_visit`).
    Same happening: same article, same CAMEO root family, same actor countries/codes (unordered
    for symmetric codes, ordered otherwise; a missing target is compatible with any), and
    compatible dates. The merged event keeps the most specific code and the best evidence, with
    `mentions` = the number of distinct sentences.
    """
    groups: list[list[Event]] = []
    for event in map(hosted_visit, events):
        for group in groups:
            if all(same_happening(event, other) for other in group):
                group.append(event)
                break
        else:
            groups.append([event])
    return [_fold(group) for group in groups]


def hosted_visit(event: Event) -> Event:
    """A visit (042) with no target named is hosted by the country of the place it went to."""
    place = event.place
    if event.cameo != "042" or event.target is not None or place is None or not place.country:
        return event
    if place.country == event.source.country:
        return event
    host = Actor(place.text, place.start, place.end, place.country, place.country, None,
                 place.name, None, "state")  # fmt: skip
    confidence = with_found_target(event.confidence, event.cameo, host)
    rule = f"{event.evidence.rule}; target: host of the visit (the country of its place)"
    evidence = dataclasses.replace(event.evidence, rule=rule)
    return dataclasses.replace(event, target=host, confidence=confidence, evidence=evidence)


def same_happening(a: Event, b: Event) -> bool:
    if a.article_id != b.article_id or _family(a) != _family(b):
        return False
    if not codes_compatible(a.cameo, b.cameo):
        return False
    if (a.target is None) != (b.target is None) and not _restates(a, b):
        return False  # a one-sided report joins only what it restates
    if a.modality != b.modality and "future" in (a.modality, b.modality):
        return False
    if not _dates_compatible(_text_date(a), _text_date(b)):
        return False
    symmetric = is_symmetric(a.cameo) and is_symmetric(b.cameo)
    return _sides_match(a, b, symmetric)


def codes_compatible(a: str, b: str) -> bool:
    """Same code, a code and its parent ("084"/"0841"), or a generic x0 code ("040"/"041")."""
    if a.startswith(b) or b.startswith(a):
        return True
    return a[:2] == b[:2] and (a.endswith("0") and len(a) == 3 or b.endswith("0") and len(b) == 3)


def _nested(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _restates(a: Event, b: Event) -> bool:
    """Does the one-sided event of the two restate the other: the same code or its parent, or
    a generic code of the family ("discussed" after "spoke by phone") when it names no date of
    its own (a side it names must be one of the other's: checked by `_sides_match`)."""
    if _nested(a.cameo, b.cameo):
        return True
    one_sided = a if a.target is None else b
    return one_sided.date_source != "text" and one_sided.cameo.endswith("0")


def _family(e: Event) -> str:
    # 18/19/20 (violence) is one family: "an attack" and "an offensive" by X are one happening
    return "V" if e.cameo_root in ("18", "19", "20") else e.cameo_root


def actor_key(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    if actor.country:
        return actor.country
    if actor.code and not actor.code.startswith("---"):  # IGOs, NGOs: the code names the body
        return actor.code
    return actor.name or actor.text.lower()


def _sides_match(a: Event, b: Event, symmetric: bool) -> bool:
    sa, ta = actor_key(a.source), actor_key(a.target)
    sb, tb = actor_key(b.source), actor_key(b.target)
    if sa == sb and (ta == tb or ta is None or tb is None):
        return True
    if symmetric:
        if sa == tb and (ta == sb or ta is None):
            return True
        if sb == ta and tb is None:
            return True
    return False


def _text_date(e: Event) -> str | None:
    # a date taken from the publication date is a default, not what the text says
    return e.date if e.date_source == "text" else None


def _dates_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    return a.startswith(b) or b.startswith(a)


def _fold(group: list[Event]) -> Event:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda e: (e.target is not None, len(e.cameo), e.confidence))
    sentences = {e.sentence_index for e in group}
    dated = [e for e in group if e.date_source == "text" and e.date]
    changes: dict[str, object] = {"mentions": max(len(sentences), max(e.mentions for e in group))}
    if best.date_source != "text" and dated:
        changes["date"], changes["date_source"] = dated[0].date, "text"
    if best.place is None:
        placed = [e for e in group if e.place is not None]
        if placed:
            changes["place"] = placed[0].place
    return dataclasses.replace(best, **changes)
