"""find_places: toponyms of a parsed article, recognised and resolved against the gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.match import find_mentions
from eventwire.places.resolve import resolve_mentions
from eventwire.records import Place


def find_places(doc: Doc, gazetteer: Gazetteer, demonyms: bool = True) -> list[Place]:
    """The places named in `doc`, in reading order; offsets index doc.text.

    Demonyms ("Turkish", "Syrians") are returned as their country (feature "country", lower
    score) when `demonyms` is true: the LGL gold annotates them as toponyms, and an event's
    location never comes from them (place_for_trigger uses locative phrases).
    """
    return resolve_mentions(doc, find_mentions(doc, gazetteer, demonyms), gazetteer)
