"""Places: gazetteer, toponym recognition and resolution, event location."""

from eventwire.places.attach import place_for_trigger
from eventwire.places.find import find_places, find_places_of_source
from eventwire.places.gazetteer import Entry, Gazetteer, GazetteerError
from eventwire.places.home import SourceHomes

__all__ = [
    "Entry",
    "Gazetteer",
    "GazetteerError",
    "SourceHomes",
    "find_places",
    "find_places_of_source",
    "place_for_trigger",
]
