"""Actors: CAMEO actor dictionaries and recognition (countries, agents, organisations, people by
date), plus an index from tokens to actors with coreference inside a paragraph."""

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.index import ActorIndex
from eventwire.actors.recognise import UNKNOWN_CODE, find_actors
from eventwire.actors.tables import DictionaryError

__all__ = ["UNKNOWN_CODE", "ActorDictionary", "ActorIndex", "DictionaryError", "find_actors"]
