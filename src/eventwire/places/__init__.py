"""Places: gazetteer, toponym recognition and resolution, event location."""

from eventwire.places.attach import place_for_trigger
from eventwire.places.find import find_places
from eventwire.places.gazetteer import Entry, Gazetteer, GazetteerError

__all__ = ["Entry", "Gazetteer", "GazetteerError", "find_places", "place_for_trigger"]
