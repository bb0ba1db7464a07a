"""Named people and organisations the dictionaries do not know, found by the entity recogniser
and coded UNK."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from eventwire.actors.context import is_credit, is_dateline
from eventwire.records import UNKNOWN_CODE, Actor
from eventwire.spans import Spans

UNKNOWN_KINDS = {"PERSON": "person", "ORG": "organisation"}


def unknown_named_actors(
    doc: Doc, known: list[Actor], no_code: Sequence[tuple[int, int]] = ()
) -> list[Actor]:
    """Named people and organisations the dictionaries do not know, coded UNK: the event they
    take part in is kept (the text says who), but it counts under no country. A name that
    overlaps a known actor is not repeated."""
    taken = Spans([*((a.start, a.end) for a in known), *no_code])  # no_code: `[---]` phrases
    found = []
    for ent in doc.ents:
        kind = UNKNOWN_KINDS.get(ent.label_)
        if kind is None or not ent.text[:1].isupper():
            continue
        if kind == "organisation" and len(ent) < 2 and not ent.text.isupper():
            # NER calls many one-word places organisations; longer names and acronyms it gets right
            continue
        text = ent.text
        if (text.isupper() and is_dateline(doc, ent.start, ent.end)) or (
            ent.start > 1 and doc[ent.start - 1].text == "(" and is_credit(doc, ent.start, ent.end)
        ):
            continue  # "KABUL (Pajhwok):" says where and who reported, not who acted
        lo, hi = ent.start_char, ent.end_char
        if taken.overlaps(lo, hi):
            continue
        found.append(unknown_actor(text, lo, hi, kind))
    return found


def unknown_actor(text: str, start: int, end: int, kind: str) -> Actor:
    """A name no dictionary knows: code UNK, no country, the name as written."""
    return Actor(text, start, end, UNKNOWN_CODE, None, None, text, None, kind)
