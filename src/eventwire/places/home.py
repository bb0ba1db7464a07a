"""A news source's home: the first-level division its articles' places mostly lie in.

A local paper names its own towns without their state ("Dublin", "Richmond", "Paris"): the
article alone cannot tell Dublin, Ohio from Ireland's capital, but the paper's other articles can.
Each distinct place name of an article votes for the divisions its readings lie in, split evenly
(a name found in one state only casts a whole vote, "Springfield" a small share in each of many),
then re-split in proportion to the divisions' votes, so that the names the leader shares with
other states lean its way; names that can be a country ("Georgia", "Jordan") do not vote. A
source has a home when one division leads clearly; its towns are then preferred among namesakes
(resolve.py).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.match import Mention

MIN_VOTES = 2.0  # about two names that can only lie there
MIN_SHARE = 0.1  # of all the source's votes
MIN_LEAD = 1.5  # times the votes of the runner-up
VOTING_FEATURES = frozenset({"city", "admin2", "admin1"})
# Rounds of re-splitting each name's vote in proportion to the divisions' votes: a Texan
# paper's "Huntsville" then counts for Texas rather than half for Alabama.
SHARPEN_ROUNDS = 2
SMOOTHING = 0.1
MAX_SOURCES = 5000  # a long-running service meets many sites: the least recently seen go
MAX_NAMES = 2000  # kinds of name kept per site: the rarest go first

Names = Counter[frozenset[str]]  # the divisions a name can lie in -> how many names do


def source_key(source: str | None, url: str | None = None) -> str | None:
    """The host of the article's URL ("www." dropped), else its source name, lower-cased."""
    if url:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").removeprefix("www.")
        if host:
            return host
    name = (source or "").strip().casefold()
    return name or None


def name_divisions(mentions: Iterable[Mention], gazetteer: Gazetteer) -> Names:
    """For each distinct place name of an article, the divisions its main readings lie in."""
    readings: dict[str, frozenset[str]] = {}
    for mention in mentions:
        if mention.source == "demonym":
            continue
        divisions = _divisions(mention, gazetteer)
        if divisions:
            readings.setdefault(mention.text.casefold(), divisions)
    return Counter(readings.values())


def _divisions(mention: Mention, gazetteer: Gazetteer) -> frozenset[str]:
    divisions: set[str] = set()
    for code in mention.codes:
        entry = gazetteer.entry(code >> 1)
        if entry.feature == "country":
            return frozenset()  # "Georgia", "Jordan": the country reading says nothing of a paper
        if not code & 1 and entry.feature in VOTING_FEATURES and entry.admin1:
            divisions.add(entry.admin1)
    return frozenset(divisions)


def division_votes(names: Names, rounds: int = SHARPEN_ROUNDS) -> dict[str, float]:
    """One vote per name, split evenly among its divisions, then re-split `rounds` times in
    proportion to the divisions' votes."""
    votes = _split(names, None)
    for _round in range(rounds):
        votes = _split(names, votes)
    return votes


def _split(names: Names, previous: dict[str, float] | None) -> dict[str, float]:
    votes: dict[str, float] = {}
    for divisions, count in names.items():
        weights = {d: 1.0 if previous is None else previous[d] + SMOOTHING for d in divisions}
        total = sum(weights.values())
        for division, share in weights.items():
            votes[division] = votes.get(division, 0.0) + count * share / total
    return votes


def leading_division(votes: Mapping[str, float]) -> str | None:
    """The division that clearly leads the votes, if one does."""
    ranked = heapq.nlargest(2, votes.items(), key=lambda item: item[1])
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
    """The place names of the articles seen so far, per source."""

    names: dict[str, Names] = field(default_factory=dict)

    def add(self, source: str | None, names: Names) -> None:
        if source is None or not names:
            return
        known = self.names.pop(source, None) or Counter()
        known.update(names)
        if len(known) > MAX_NAMES:
            known = Counter(dict(known.most_common(MAX_NAMES // 2)))
        self.names[source] = known  # re-inserted: the dict's order is the order last seen
        if len(self.names) > MAX_SOURCES:
            del self.names[next(iter(self.names))]

    def home(self, source: str | None, without: Names | None = None) -> str | None:
        """The source's home division; `without`: an article's own names, left out so that
        its home comes from the source's other articles only."""
        if source is None or source not in self.names:
            return None
        names = self.names[source]
        if without:
            names = names - without  # Counter difference keeps positive counts only
        return leading_division(division_votes(names))
