"""A sector with no country takes the country of the place it is "in" or "of": "police in Lagos"
-> NGACOP, "residents of Aleppo" -> SYRCVL, "tens of thousands of people in Pakistan" -> PAKCVL.

Only for sectors whose people in a place are, as a rule, of that place's country (LOCAL_AGENTS):
police, civilians, protesters, workers, schools, hospitals, courts, parliaments, farmers. Not for
governments, armies, rebels, media, firms, aid groups or refugees: "diplomats in Kabul", "troops
in Syria", "journalists in Iran", "investors in Russia" and "refugees in Lebanon" are as often
foreign as not, and no country is better than a wrong one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from eventwire.records import Actor, Place

LOCAL_AGENTS = frozenset({"COP", "CVL", "OPP", "LAB", "EDU", "HLH", "JUD", "LEG", "AGR"})
PLACE_FEATURES = frozenset({"country", "admin1", "city"})
# what may stand between the sector and the place: "police in Lagos", "people in the Philippines"
LINK = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?")


def local_countries(text: str, actors: Sequence[Actor], places: Sequence[Place]) -> list[Actor]:
    """The actors, with each bare sector (an agent with no country) followed by "in/of <place>"
    given that place's country (see the module)."""
    at = {p.start: p for p in places if p.country and p.feature in PLACE_FEATURES}
    if not at:
        return list(actors)
    return [_localised(text, a, at) for a in actors]


def _localised(text: str, actor: Actor, at: dict[int, Place]) -> Actor:
    if actor.country or actor.agent not in LOCAL_AGENTS or actor.code != actor.agent:
        return actor
    link = LINK.match(text, actor.end)
    place = at.get(link.end()) if link else None
    if place is None or place.country is None:
        return actor
    return dataclasses.replace(actor, code=place.country + actor.code, country=place.country)
