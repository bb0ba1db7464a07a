"""The article's dominant country: where most of the other places it names lie.

A report that also names Tulsa, Wichita and Omaha means an American Dublin, not Ireland's
capital; a report from Cork and Galway means the Irish one. Each distinct place name
votes once for the country of its first-pass reading, so a name repeated ten times is one vote,
and a mention never votes for itself.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Protocol

from eventwire.places.gazetteer import Entry

DOMINANT_BONUS = 0.7
MIN_VOTES = 2  # distinct other names in the country
MIN_SHARE = 0.6  # of all distinct other names with a country
TOWN_FEATURES = frozenset({"city", "admin2"})


class _Named(Protocol):
    text: str


class _Pick(Protocol):
    entry: Entry


def picked_countries(
    mentions: Sequence[_Named], chosen: Sequence[tuple[_Pick, float] | None]
) -> dict[str, str]:
    """Distinct mention text (case-folded) -> country of its first reading."""
    homes: dict[str, str] = {}
    for mention, pick in zip(mentions, chosen, strict=True):
        if pick is None or pick[0].entry.country is None:
            continue
        homes.setdefault(mention.text.casefold(), pick[0].entry.country)
    return homes


def dominant_country(homes: dict[str, str], own_text: str) -> str | None:
    """The country most other distinct names lie in, when they clearly agree."""
    votes = Counter(country for text, country in homes.items() if text != own_text.casefold())
    if not votes:
        return None
    country, count = votes.most_common(1)[0]
    if count >= MIN_VOTES and count >= MIN_SHARE * sum(votes.values()):
        return country
    return None


def dominance_bonus(entry: Entry, dominant: str | None) -> float:
    """A town or division in the dominant country gains; countries themselves are named
    outright and need no help."""
    if dominant is None or entry.feature == "country" or entry.country != dominant:
        return 0.0
    return DOMINANT_BONUS


def only_towns(features: Iterable[str]) -> bool:
    """The home country only sorts namesake towns and counties: a name that can also be a
    division, region or country ("Ontario", "Pacific") keeps its bigger reading."""
    return all(feature in TOWN_FEATURES for feature in features)
