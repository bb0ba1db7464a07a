"""find_places: toponyms of a parsed article, recognised and resolved against the gazetteer."""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.home import SourceHomes, name_divisions
from eventwire.places.match import find_mentions
from eventwire.places.resolve import resolve_mentions
from eventwire.records import Place


def find_places(
    doc: Doc, gazetteer: Gazetteer, demonyms: bool = True, home: str | None = None
) -> list[Place]:
    """The places named in `doc`, in reading order; offsets index doc.text.

    Demonyms ("Turkish", "Syrians") are returned as their country (feature "country", lower
    score) when `demonyms` is true: the LGL gold annotates them as toponyms, and an event's
    location never comes from them (place_for_trigger uses locative phrases). `home`: the
    first-level division the article's source usually reports from ("US-OH"; home.py).
    """
    return resolve_mentions(doc.text, find_mentions(doc, gazetteer, demonyms), gazetteer, home)


def find_places_of_source(
    doc: Doc, gazetteer: Gazetteer, homes: SourceHomes, source: str | None
) -> list[Place]:
    """find_places with the home that `source`'s earlier articles give (home.py); this
    article's place names then join the source's votes."""
    mentions = find_mentions(doc, gazetteer)
    places = resolve_mentions(doc.text, mentions, gazetteer, homes.home(source))
    homes.add(source, name_divisions(mentions, gazetteer))
    return places
