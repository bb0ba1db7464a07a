"""A news source's home: the first-level division its articles' places mostly lie in.

A local paper names its own towns without their state ("Dublin", "Richmond", "Paris"): the
article alone cannot tell Dublin, Ohio from Ireland's capital, but the paper's other articles can.
Each distinct place name of an article votes for the divisions its readings lie in, split evenly
(a name found in one state only casts a whole vote, "Springfield" a small share in each of many);
names that can be a country ("Georgia", "Jordan") do not vote. A source has a home when one
division leads clearly; towns there are then preferred among namesakes (resolve.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.match import Mention

MIN_VOTES = 2.0  # about two names that can only lie there
MIN_SHARE = 0.1  # of all the source's votes
MIN_LEAD = 1.5  # times the votes of the runner-up
VOTING_FEATURES = frozenset({"city", "admin2", "admin1"})
MAX_SOURCES = 5000  # a long-running service meets many sites: the least recently seen go


def source_key(source: str | None, url: str | None = None) -> str | None:
    """The host of the article's URL ("www." dropped), else its source name, lower-cased."""
    if url:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").removeprefix("www.")
        if host:
            return host
    name = (source or "").strip().casefold()
    return name or None


def division_votes(mentions: Iterable[Mention], gazetteer: Gazetteer) -> Counter[str]:
    """One vote per distinct place name, split among the divisions its main readings lie in."""
    readings: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.source == "demonym":
            continue
        divisions = _divisions(mention, gazetteer)
        if divisions:
            readings.setdefault(mention.text.casefold(), divisions)
    votes: Counter[str] = Counter()
    for divisions in readings.values():
        for division in divisions:
            votes[division] += 1.0 / len(divisions)
    return votes


def _divisions(mention: Mention, gazetteer: Gazetteer) -> set[str]:
    divisions: set[str] = set()
    for code in mention.codes:
        entry = gazetteer.entry(code >> 1)
        if entry.feature == "country":
            return set()  # "Georgia", "Jordan": the country reading says nothing of a paper
        if not code & 1 and entry.feature in VOTING_FEATURES and entry.admin1:
            divisions.add(entry.admin1)
    return divisions


def leading_division(votes: Counter[str]) -> str | None:
    """The division that clearly leads the votes, if one does."""
    ranked = votes.most_common(2)
    if not ranked:
        return None
    division, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    total = sum(votes.values())
    if top >= MIN_VOTES and top >= MIN_SHARE * total and top >= MIN_LEAD * runner_up:
        return division
    return None


@dataclass
class SourceHomes:
    """Division votes gathered per source, from the articles seen so far."""

    votes: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, source: str | None, votes: Counter[str]) -> None:
        if source is None or not votes:
            return
        known = self.votes.pop(source, None) or Counter()
        known.update(votes)
        self.votes[source] = known  # re-inserted: the dict's order is the order last seen
        if len(self.votes) > MAX_SOURCES:
            del self.votes[next(iter(self.votes))]

    def home(self, source: str | None, without: Counter[str] | None = None) -> str | None:
        """The source's home division; `without`: an article's own votes, left out so that
        its home comes from the source's other articles only."""
        if source is None or source not in self.votes:
            return None
        votes = Counter(self.votes[source])
        if without:
            votes.subtract(without)
            votes = Counter({k: v for k, v in votes.items() if v > 1e-9})
        return leading_division(votes)
