"""Toponym resolution: which GeoNames place each mention names.

Each candidate gets a prior (feature type, population, main or alternate name) plus evidence from
the article: an explicit qualifier ("Moscow, Idaho", "Tripoli, Lebanon", "Paris, KY"), a demonym
just before ("the Lebanese city of Tripoli"), the dateline ("MOSCOW -"), and the countries and
first-level divisions the rest of the article names. Two passes: the second also counts the
countries and states of the places the first pass chose, the nearness of their points, and the
article's dominant country (dominant.py), which sorts namesake towns ("Paris" among Texan towns).
A county takes the point of the nearest mentioned town of its state, else its state's centre of
population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from eventwire.places.build import KNOWN_CENTRE
from eventwire.places.dominant import (
    dominance_bonus,
    dominant_country,
    only_towns,
    picked_countries,
)
from eventwire.places.gazetteer import Entry, Gazetteer, km_between
from eventwire.places.match import Mention
from eventwire.records import Place

# Countries, known divisions and regions outrank towns of the same name ("Egypt", "Oregon",
# "Middle East" are also US towns); only a qualifier or strong context overturns that.
FEATURE_PRIOR = {"country": 1.7, "continent": 1.5, "region": 1.5, "admin2": 0.6}
KNOWN_ADMIN1_PRIOR = 1.6  # a division with a centre of its own in admin1_centres.tsv
NAMED_ADMIN1_PRIOR = 0.6  # a division known only by name (its point is a namesake town)
ALTERNATE_PENALTY = 0.3
COUNTRY_BONUS = 0.35
ADMIN1_BONUS = 0.4
QUALIFIER_BONUS = 1.0
DEMONYM_BONUS = 0.4
DATELINE_WEIGHT = 2.0
POP_BASE, POP_SLOPE = 0.0, 0.15  # a city prior: 1,000 people 0.45, 1 million 0.9
ROUNDS = 1  # rounds of re-reading the article with the places chosen in the round before
SHARED_BONUS = 0.12
SHARED_CAP = 3
CONFIDENT = 0.5
CAPITAL_BONUS = 0.15
CAPITAL_OVER_DIVISION = 1.2
HOME_BONUS = 0.6
HOME_FEATURES = frozenset({"city", "admin2"})
NEARNESS_STEPS = ((50.0, 0.45), (150.0, 0.35), (400.0, 0.2), (1000.0, 0.08))
# ", KY" / ", Ky." after a name: a US state qualifier.
_POSTAL = re.compile(r",\s*([A-Z]{2})\b")
# "Washington state", "Hubei province": a word after the name that makes it a division.
DIVISION_WORD = re.compile(
    r"\s+(?:state|province|region|prefecture|governorate|oblast|krai|territory)\b(?!\s+of\b)",
    re.IGNORECASE,
)
DIVISION_WORD_BONUS = 1.0
DIVISION_OF = re.compile(
    r"\b(?:state|province|region|prefecture|governorate|oblast)s?\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*$")
TOWN_FEATURES = frozenset({"city", "admin2"})
DATELINE_END = re.compile(r"\s*(?:\([^)]{0,40}\)\s*)?[-–—,(]")


@dataclass(frozen=True, slots=True)
class _Candidate:
    row: int
    entry: Entry
    alternate: bool


@dataclass(frozen=True, slots=True)
class _Local:
    """What the words right around a mention say about it."""

    qualifier: tuple[set[str], set[str]] | None  # countries, divisions named after ", "
    demonym_country: str | None  # "the Lebanese city of Tripoli"
    # "Washington state", "the province of Hubei", "Utah, Washington and Wyoming"
    division_word: bool


@dataclass
class _Context:
    countries: Counter[str]
    admin1: Counter[str]
    # how many mentions have a main-name reading in each division ("Greene County",
    # "Springfield" and "Rogersville" all have one in Missouri)
    shared_admin1: Counter[str] = field(default_factory=Counter)


def resolve_mentions(
    text: str, mentions: list[Mention], gazetteer: Gazetteer, home: str | None = None
) -> list[Place]:
    """One Place per mention that has a usable reading, in reading order; `home` is the
    division the article's source usually reports from (home.py), if known."""
    candidates = [_candidates(m, gazetteer) for m in mentions]
    local = [_local(text, i, mentions, candidates, gazetteer) for i in range(len(mentions))]
    context = _explicit_context(mentions, candidates, text)
    chosen = [
        _choose(c, q, context, [], gazetteer, home=home)
        for c, q in zip(candidates, local, strict=True)
    ]
    explicit = context
    for _round in range(ROUNDS):
        context = _add_chosen(explicit, chosen)
        anchors = _anchors(mentions, chosen)
        homes = picked_countries(mentions, chosen)
        chosen = [
            _choose(
                c,
                q,
                context,
                [a for a in anchors if a[0] != m.text],
                gazetteer,
                dominant_country(homes, m.text),
                home,
            )
            for m, c, q in zip(mentions, candidates, local, strict=True)
        ]
    picks: list[tuple[Mention, Entry, float]] = []
    for mention, pick in zip(mentions, chosen, strict=True):
        if pick is None:
            continue
        candidate, score = pick
        if mention.source == "demonym":
            score *= 0.8
        picks.append((mention, candidate.entry, score))
    return [place for place in (_place(m, e, s, picks, gazetteer) for m, e, s in picks) if place]


def _local(
    text: str,
    i: int,
    mentions: list[Mention],
    candidates: list[list[_Candidate]],
    gazetteer: Gazetteer,
) -> _Local:
    """What the words around mention i say: in a list of divisions ("Utah, Washington and
    Wyoming") a name is a division too, and the next item is no qualifier of it."""
    listed = _listed_with_divisions(text, i, mentions, candidates)
    return _Local(
        None if listed else _qualifier(text, i, mentions, candidates, gazetteer),
        _demonym_before(i, mentions, candidates),
        listed
        or DIVISION_WORD.match(text, mentions[i].end) is not None
        or _division_word_before(text, mentions[i]),
    )


def _listed_with_divisions(
    text: str, i: int, mentions: list[Mention], candidates: list[list[_Candidate]]
) -> bool:
    """After a division and a list separator, or before two more of them."""

    def joined(a: int, b: int) -> bool:
        return (
            a >= 0
            and b < len(mentions)
            and LIST_GAP.match(text[mentions[a].end : mentions[b].start]) is not None
        )

    def division(k: int) -> bool:
        return any(
            c.entry.feature == "admin1" and not c.alternate and _known_division(c.entry)
            for c in candidates[k]
        )

    after_one = joined(i - 1, i) and division(i - 1)
    before_two = joined(i, i + 1) and joined(i + 1, i + 2) and division(i + 1) and division(i + 2)
    return after_one or before_two


def _division_word_before(text: str, mention: Mention) -> bool:
    """ "the state of Washington", "the province of Hubei"."""
    return DIVISION_OF.search(text, max(0, mention.start - 30), mention.start) is not None


def _candidates(mention: Mention, gazetteer: Gazetteer) -> list[_Candidate]:
    found = [_Candidate(c >> 1, gazetteer.entry(c >> 1), bool(c & 1)) for c in mention.codes]
    if mention.text.isupper() and len(mention.text) <= 4:
        # "US", "UAE", "EU": an acronym names a country or a state, not a town called "Us"
        found = [c for c in found if c.entry.feature != "city"]
    # A division known only by name defers to its namesake city, which has an id and a point;
    # one with a centre of its own stays ("Hubei" the province, not the town in Shanxi).
    cities = {(c.entry.country, c.entry.name) for c in found if c.entry.feature == "city"}
    return [
        c
        for c in found
        if not (
            c.entry.feature == "admin1"
            and not _known_division(c.entry)
            and (c.entry.country, c.entry.name) in cities
        )
        and (c.entry.lat is not None or c.entry.feature == "admin2")
    ]


def _known_division(entry: Entry) -> bool:
    """A division with an id or a centre of its own (admin1_centres.tsv)."""
    return entry.geonameid is not None or entry.population == KNOWN_CENTRE


def _anchors(
    mentions: list[Mention], chosen: list[tuple[_Candidate, float] | None]
) -> list[tuple[str, float, float]]:
    """Points of the towns and divisions chosen in the first pass, with their mention text;
    each once (a place named 500 times is one anchor: only the nearest distance counts, and
    repeats made the cost grow with the square of an article's length)."""
    points: dict[tuple[str, float, float], None] = {}
    for mention, pick in zip(mentions, chosen, strict=True):
        if pick is None or pick[0].entry.feature not in {"city", "admin1"}:
            continue
        entry = pick[0].entry
        if entry.lat is not None and entry.lon is not None:
            points[(mention.text, entry.lat, entry.lon)] = None
    return list(points)


def _nearness(candidate: _Candidate, anchors: list[tuple[str, float, float]]) -> float:
    """Places of one article lie near each other: a bonus by the distance to the nearest other."""
    entry = candidate.entry
    if not anchors or entry.lat is None or entry.lon is None or entry.feature == "country":
        return 0.0
    nearest = min(km_between(entry.lat, entry.lon, lat, lon) for _, lat, lon in anchors)
    for limit, bonus in NEARNESS_STEPS:
        if nearest <= limit:
            return bonus
    return 0.0


def _town_named(candidate: _Candidate, local: _Local, home: str | None) -> bool:
    """A town named like a country is meant when its division qualifies it ("Palestine,
    Texas"; a country after the comma is more often a list: "Mexico, China, Japan") or is the
    paper's home."""
    division = candidate.entry.admin1
    if division is None:
        return False
    qualified = local.qualifier is not None and division in local.qualifier[1]
    return qualified or division == home


def _home_bonus(entry: Entry, home: str | None) -> float:
    """A town or county in the source's home division gains: a local paper's "Dublin"."""
    if home is None or entry.feature not in HOME_FEATURES or entry.admin1 != home:
        return 0.0
    return HOME_BONUS


def _capital_bonus(
    candidate: _Candidate, gazetteer: Gazetteer, division_countries: set[str | None]
) -> float:
    """A national capital is preferred; over a division of its own country strongly
    ("Washington" the capital, not the state)."""
    if candidate.row not in gazetteer.capitals:
        return 0.0
    return CAPITAL_OVER_DIVISION if candidate.entry.country in division_countries else CAPITAL_BONUS


def _prior(candidate: _Candidate) -> float:
    entry = candidate.entry
    if entry.feature == "city":
        prior = POP_BASE + POP_SLOPE * math.log10(entry.population + 10)
    elif entry.feature == "admin1":
        prior = KNOWN_ADMIN1_PRIOR if _known_division(entry) else NAMED_ADMIN1_PRIOR
    else:
        prior = FEATURE_PRIOR.get(entry.feature, 0.5)
    return prior - (ALTERNATE_PENALTY if candidate.alternate else 0.0)


def _choose(
    candidates: list[_Candidate],
    local: _Local,
    context: _Context,
    anchors: list[tuple[str, float, float]],
    gazetteer: Gazetteer,
    dominant: str | None = None,
    home: str | None = None,
) -> tuple[_Candidate, float] | None:
    if not candidates:
        return None
    division_countries = {c.entry.country for c in candidates if c.entry.feature == "admin1"}
    story_country = dominant
    if not only_towns(c.entry.feature for c in candidates):
        dominant = None
    a_country = any(c.entry.feature == "country" and not c.alternate for c in candidates)

    def total(c: _Candidate) -> float:
        town = c.entry.feature in TOWN_FEATURES
        # a town known by the name only as an alternate ("Mexico" for Mexico City) never is
        named = not c.alternate and (
            c.entry.country == story_country or _town_named(c, local, home)
        )
        if a_country and town and not named:
            # a country's own name ("China", "Mexico") names the country unless the words
            # around it say which town or the story's other places lie in the town's country
            return _prior(c) + _local_bonus(c, local)
        return (
            _score(c, local, context)
            + _nearness(c, anchors)
            + _capital_bonus(c, gazetteer, division_countries)
            + dominance_bonus(c.entry, dominant)
            + _home_bonus(c.entry, home)
        )

    scored = sorted(((total(c), c) for c in candidates), key=lambda item: -item[0])
    best_score, best = scored[0]
    if len(scored) == 1:
        return best, min(1.0, 0.5 + 0.5 * best_score)
    margin = best_score - scored[1][0]
    return best, max(0.05, min(1.0, 0.4 + margin))


def _score(candidate: _Candidate, local: _Local, context: _Context) -> float:
    entry = candidate.entry
    score = _prior(candidate) + _local_bonus(candidate, local)
    if entry.country and entry.feature != "country":
        score += COUNTRY_BONUS * min(1.0, context.countries[entry.country])
    elif entry.country:
        score += 0.5 * COUNTRY_BONUS * min(1.0, context.countries[entry.country])
    if entry.admin1 and entry.feature != "admin1":
        score += ADMIN1_BONUS * min(1.0, context.admin1[entry.admin1])
        if not candidate.alternate:
            others = context.shared_admin1[entry.admin1] - 1
            score += SHARED_BONUS * min(SHARED_CAP, max(0, others))
    return score


def _local_bonus(candidate: _Candidate, local: _Local) -> float:
    """Evidence from the words around the mention: a qualifier, a demonym, a division word."""
    entry = candidate.entry
    bonus = 0.0
    if local.qualifier is not None:
        countries, admin1 = local.qualifier
        if entry.admin1 in admin1 or (entry.country in countries and not admin1):
            bonus += QUALIFIER_BONUS
    if local.demonym_country is not None and entry.country == local.demonym_country:
        bonus += DEMONYM_BONUS
    if local.division_word and entry.feature == "admin1":
        bonus += DIVISION_WORD_BONUS
    return bonus


def _qualifier(
    text: str,
    i: int,
    mentions: list[Mention],
    candidates: list[list[_Candidate]],
    gazetteer: Gazetteer,
) -> tuple[set[str], set[str]] | None:
    """The countries / divisions named right after ", " ("Moscow, Idaho"; "Paris, KY")."""
    mention = mentions[i]
    following = text[mention.end : mention.end + 8]
    if i + 1 < len(mentions):
        nxt = mentions[i + 1]
        gap = text[mention.end : nxt.start]
        if gap.strip() == "," and nxt.source != "demonym":
            countries = {
                c.entry.country
                for c in candidates[i + 1]
                if c.entry.feature == "country" and c.entry.country
            }
            admin1 = {
                c.entry.admin1
                for c in candidates[i + 1]
                if c.entry.feature == "admin1" and c.entry.admin1
            }
            if countries or admin1:
                return countries | {
                    c.entry.country
                    for c in candidates[i + 1]
                    if c.entry.feature == "admin1" and c.entry.country
                }, admin1
    postal = _POSTAL.match(following)
    if postal and f"US-{postal.group(1)}" in gazetteer.admin1_rows:
        return {"USA"}, {f"US-{postal.group(1)}"}
    return None


def _demonym_before(
    i: int, mentions: list[Mention], candidates: list[list[_Candidate]]
) -> str | None:
    """ "the Lebanese city of Tripoli": a demonym at most four words before the name."""
    if i == 0:
        return None
    previous = mentions[i - 1]
    if previous.source != "demonym" or mentions[i].tok_start - previous.tok_end > 4:
        return None
    countries = {c.entry.country for c in candidates[i - 1]}
    return next(iter(countries)) if len(countries) == 1 else None


def _explicit_context(
    mentions: list[Mention], candidates: list[list[_Candidate]], text: str
) -> _Context:
    """Countries and divisions the article names without ambiguity (and its dateline)."""
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    for index, (mention, found) in enumerate(zip(mentions, candidates, strict=True)):
        top = [c for c in found if c.entry.feature in {"country", "admin1"} and not c.alternate]
        weight = DATELINE_WEIGHT if index == 0 and _is_dateline(text, mention) else 1.0
        if len(top) == 1:
            entry = top[0].entry
            if entry.country:
                countries[entry.country] += weight
            if entry.feature == "admin1" and entry.admin1:
                admin1[entry.admin1] += weight
        elif found and all(c.entry.feature == "admin2" for c in found):
            states = {c.entry.admin1 for c in found}
            if len(states) == 1:  # a county name found in one state only
                admin1[states.pop() or ""] += weight
                countries["USA"] += weight
        elif weight > 1.0 and found:
            biggest = max(found, key=lambda c: (_prior(c), c.entry.population))
            if biggest.entry.country:
                countries[biggest.entry.country] += weight
    return _Context(countries, admin1, _shared_admin1(candidates))


def _shared_admin1(candidates: list[list[_Candidate]]) -> Counter[str]:
    votes: Counter[str] = Counter()
    for found in candidates:
        states = {
            c.entry.admin1
            for c in found
            if c.entry.feature in {"city", "admin2"} and c.entry.admin1 and not c.alternate
        }
        if len(states) > 1:  # only ambiguous names vote: the unambiguous count in `admin1`
            votes.update(states)
    return votes


def _is_dateline(text: str, mention: Mention) -> bool:
    """ "MOSCOW –" / "BEIRUT, Lebanon (Reuters) -" at the start of the text."""
    return (
        mention.start < 40
        and mention.text.isupper()
        and DATELINE_END.match(text, mention.end) is not None
    )


def _add_chosen(context: _Context, chosen: list[tuple[_Candidate, float] | None]) -> _Context:
    countries = Counter(context.countries)
    admin1 = Counter(context.admin1)
    for pick in chosen:
        if pick is None or pick[1] < CONFIDENT:
            continue  # a coin toss between namesakes is no evidence
        entry = pick[0].entry
        if entry.feature in {"city", "admin2"}:
            if entry.country:
                countries[entry.country] += 0.5
            if entry.admin1:
                admin1[entry.admin1] += 0.5
    return _Context(countries, admin1, context.shared_admin1)


def _place(
    mention: Mention,
    entry: Entry,
    score: float,
    picks: list[tuple[Mention, Entry, float]],
    gazetteer: Gazetteer,
) -> Place | None:
    lat, lon = entry.lat, entry.lon
    if entry.feature == "admin2" and entry.geonameid is None:
        point = _county_point(mention, entry, picks, gazetteer)
        if point is None:
            return None
        lat, lon = point
    return Place(
        text=mention.text,
        start=mention.start,
        end=mention.end,
        geonameid=entry.geonameid,
        name=entry.name,
        country=entry.country,
        lat=lat,
        lon=lon,
        feature=entry.feature,
        score=round(score, 3),
    )


def _local_centre(towns: list[Entry]) -> tuple[float, float]:
    """The mentioned town nearest to all the others, each counted as often as it is named:
    where the article's news in that state lies."""
    points = [(e.lat, e.lon) for e in towns if e.lat is not None and e.lon is not None]
    best = min(
        set(points),
        key=lambda p: sum(km_between(p[0], p[1], q[0], q[1]) for q in points),
    )
    return best


def _county_point(
    mention: Mention,
    county: Entry,
    picks: list[tuple[Mention, Entry, float]],
    gazetteer: Gazetteer,
) -> tuple[float, float] | None:
    """Counties have no point of their own: take the nearest mentioned town of the same state,
    else the county row's point (its state's centre of population)."""
    towns = [
        (m, e)
        for m, e, _ in picks
        if e.feature == "city" and e.admin1 == county.admin1 and e.lat is not None
    ]
    if towns:
        return _local_centre([e for _, e in towns])
    if county.lat is not None and county.lon is not None:
        return county.lat, county.lon
    centre = gazetteer.admin1(county.admin1) if county.admin1 else None
    if centre is None or centre.lat is None or centre.lon is None:
        return None
    return centre.lat, centre.lon
