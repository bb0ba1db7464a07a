"""`eventwire eval places GOLD.xml`: toponym recall and resolution accuracy on LGL / GeoVirus.

Scored as the field does (Gritta et al. 2018): a gold toponym is found when a Place overlaps its
span; on found toponyms, accuracy is the share within 161 km (100 miles) of the gold point, and
(LGL only) the share with the gold GeoNames id; end-to-end accuracy counts every gold toponym.
Gold toponyms without coordinates are left out. Each article is resolved with the home division
its site's other articles in the file give (places/home.py; LGL <domain>/<url>, GeoVirus <source>).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from eventwire.places.gazetteer import Gazetteer, km_between
from eventwire.places.home import Names, SourceHomes, name_divisions, source_key
from eventwire.places.match import Mention, find_mentions
from eventwire.places.resolve import resolve_mentions
from eventwire.records import Place

KM_LIMIT = 161.0


class GoldFormatError(ValueError):
    """The gold file is not in the LGL or GeoVirus layout."""


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]
    source: str | None = None  # the publishing site (LGL <domain>, GeoVirus <source> URL host)


@dataclass(frozen=True, slots=True)
class ToponymOutcome:
    gold: GoldToponym
    place: Place | None
    km: float | None


@dataclass(frozen=True, slots=True)
class PlaceScores:
    gold_file: str
    articles: int
    toponyms: int
    found: int
    recall: float
    accuracy_161km: float  # on found toponyms
    exact_id: float | None  # on found toponyms with a gold GeoNames id (LGL)
    end_to_end_161km: float  # over all gold toponyms
    parse_ms_per_article: float
    places_ms_per_article: float
    predicted: int = 0  # places eventwire found
    predicted_on_gold: int = 0  # of those, the ones that overlap a gold toponym

    @property
    def precision(self) -> float:
        """Share of the places found that are gold toponyms (the gold may leave some out)."""
        return self.predicted_on_gold / self.predicted if self.predicted else 0.0


def read_gold(path: Path) -> list[GoldArticle]:
    """Articles of an LGL (<toponym>) or GeoVirus (<location>) gold file."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold XML: {exc}") from exc
    articles = [_read_article(node) for node in root.iter("article")]
    if not articles:
        raise GoldFormatError(f"{path}: no <article> elements (expected LGL or GeoVirus layout)")
    return articles


def _read_article(node: ET.Element) -> GoldArticle:
    text = node.findtext("text") or ""
    toponyms = [t for t in (_read_toponym(e) for e in _spans(node)) if t is not None]
    site = node.findtext("url") or node.findtext("domain") or node.findtext("source")
    source = source_key(None, site)
    return GoldArticle(text, tuple(toponyms), source)


def _spans(node: ET.Element) -> Iterator[ET.Element]:
    yield from node.iter("toponym")
    yield from node.iter("location")


def _read_toponym(node: ET.Element) -> GoldToponym | None:
    tag = node.find("gaztag")
    source = tag if tag is not None else node
    lat, lon = source.findtext("lat"), source.findtext("lon")
    if not lat or not lon:
        return None
    text = node.findtext("phrase") or node.findtext("name") or ""
    geonameid = tag.get("geonameid") if tag is not None else None
    return GoldToponym(
        start=int(node.findtext("start") or 0),
        end=int(node.findtext("end") or 0),
        text=text,
        lat=float(lat),
        lon=float(lon),
        geonameid=int(geonameid) if geonameid else None,
    )


def match_article(gold: GoldArticle, places: list[Place]) -> list[ToponymOutcome]:
    """Each gold toponym with the Place that overlaps it (the longest overlap), if any."""
    outcomes = []
    for toponym in gold.toponyms:
        overlapping = [p for p in places if p.start < toponym.end and toponym.start < p.end]
        place = max(overlapping, key=lambda p: _overlap(p, toponym), default=None)
        km = None
        if place is not None and place.lat is not None and place.lon is not None:
            km = km_between(toponym.lat, toponym.lon, place.lat, place.lon)
        outcomes.append(ToponymOutcome(toponym, place, km))
    return outcomes


def _overlap(place: Place, toponym: GoldToponym) -> int:
    return min(place.end, toponym.end) - max(place.start, toponym.start)


@dataclass(frozen=True, slots=True)
class PlaceDisagreement:
    """A gold toponym not found ("missed") or placed more than 161 km off ("far")."""

    article: int  # position of the article in the gold file (0-based)
    kind: str
    gold: GoldToponym
    place: Place | None
    km: float | None
    context: str  # the text around the toponym, toponym in [[ ]]


def place_disagreements(
    article_no: int, article: GoldArticle, outcomes: list[ToponymOutcome]
) -> list[PlaceDisagreement]:
    found = []
    for o in outcomes:
        if o.place is not None and (o.km is None or o.km <= KM_LIMIT):
            continue
        start, end = o.gold.start, o.gold.end
        text = article.text
        context = " ".join(
            f"{text[max(0, start - 80) : start]}[[{text[start:end]}]]{text[end : end + 80]}".split()
        )
        kind = "missed" if o.place is None else "far"
        found.append(PlaceDisagreement(article_no, kind, o.gold, o.place, o.km, context))
    return found


def evaluate_outcomes(
    gold_path: Path,
    nlp: Language,
    gazetteer: Gazetteer,
    errors: list[PlaceDisagreement] | None = None,
    predicted: list[int] | None = None,
) -> tuple[list[ToponymOutcome], int, float, float]:
    """All outcomes, the article count, and seconds spent parsing and finding places (and, when
    `errors` is a list, every toponym missed or placed too far appended to it; when `predicted`
    is a list, the number of places found and of those overlapping a gold toponym added).

    Two passes, as a reader of many articles of one site works: the first finds each article's
    mentions and learns the sites' home divisions, the second resolves each article with the
    home its site's other articles give (its own votes left out)."""
    articles = read_gold(gold_path)
    found_mentions, homes, parse_s, places_s = _first_pass(articles, nlp, gazetteer)
    outcomes: list[ToponymOutcome] = []
    found = on_gold = 0
    for n, (article, (mentions, names)) in enumerate(zip(articles, found_mentions, strict=True)):
        started = time.perf_counter()
        home = homes.home(article.source, without=names)
        places = resolve_mentions(article.text, mentions, gazetteer, home)
        places_s += time.perf_counter() - started
        matched = match_article(article, places)
        outcomes.extend(matched)
        found += len(places)
        on_gold += sum(
            any(p.start < t.end and t.start < p.end for t in article.toponyms) for p in places
        )
        if errors is not None:
            errors.extend(place_disagreements(n, article, matched))
    if predicted is not None:
        predicted.extend([found, on_gold])
    return outcomes, len(articles), parse_s, places_s


def _first_pass(
    articles: list[GoldArticle], nlp: Language, gazetteer: Gazetteer
) -> tuple[list[tuple[list[Mention], Names]], SourceHomes, float, float]:
    """Each article's mentions and place names' divisions, the sites' names, parse and match
    seconds."""
    homes = SourceHomes()
    kept: list[tuple[list[Mention], Names]] = []
    parse_s = places_s = 0.0
    for article in articles:
        started = time.perf_counter()
        doc = nlp(article.text)
        parsed = time.perf_counter()
        mentions = find_mentions(doc, gazetteer)
        names = name_divisions(mentions, gazetteer)
        homes.add(article.source, names)
        places_s += time.perf_counter() - parsed
        parse_s += parsed - started
        kept.append((mentions, names))
    return kept, homes, parse_s, places_s


def evaluate_places(
    gold_path: Path,
    nlp: Language,
    gazetteer: Gazetteer,
    errors: list[PlaceDisagreement] | None = None,
) -> PlaceScores:
    """Scores of place finding (find_mentions, then resolve_mentions with the site's home) on
    an LGL or GeoVirus gold file."""
    counts: list[int] = []
    outcomes, articles, parse_s, places_s = evaluate_outcomes(
        gold_path, nlp, gazetteer, errors, counts
    )
    found = [o for o in outcomes if o.place is not None]
    near = [o for o in found if o.km is not None and o.km <= KM_LIMIT]
    with_id = [o for o in found if o.gold.geonameid is not None]
    exact = [o for o in with_id if o.place is not None and o.place.geonameid == o.gold.geonameid]
    total = len(outcomes)
    return PlaceScores(
        gold_file=str(gold_path),
        articles=articles,
        toponyms=total,
        found=len(found),
        recall=_ratio(len(found), total),
        accuracy_161km=_ratio(len(near), len(found)),
        exact_id=_ratio(len(exact), len(with_id)) if with_id else None,
        end_to_end_161km=_ratio(len(near), total),
        parse_ms_per_article=1000 * parse_s / max(1, articles),
        places_ms_per_article=1000 * places_s / max(1, articles),
        predicted=counts[0],
        predicted_on_gold=counts[1],
    )


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def format_place_scores(scores: PlaceScores) -> str:
    """A short plain-text report of PlaceScores."""
    exact = "n/a" if scores.exact_id is None else f"{scores.exact_id:.3f}"
    return "\n".join(
        [
            f"gold: {scores.gold_file} ({scores.articles} articles, {scores.toponyms} toponyms)",
            f"toponym recall:            {scores.recall:.3f} ({scores.found} found)",
            f"accuracy <=161 km (found): {scores.accuracy_161km:.3f}",
            f"exact GeoNames id (found): {exact}",
            f"end-to-end <=161 km:       {scores.end_to_end_161km:.3f}",
            f"precision (on gold):       {scores.precision:.3f} "
            f"({scores.predicted_on_gold} of {scores.predicted} places found)",
            f"parse ms/article:          {scores.parse_ms_per_article:.1f}",
            f"places ms/article:         {scores.places_ms_per_article:.1f}",
        ]
    )
