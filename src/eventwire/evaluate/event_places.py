"""`eventwire eval event-places GOLD.tsv`: is each event's place and date the right one?

The gold (tests/gold/event_places_dates.tsv) lists events of political news from the shared corpus,
keyed by article id and trigger offset, with the place and date a reader gives them. The articles
are read from the corpus files (JSON Lines with "id" and "text"), coded with the gold row's
publication date, and each gold row is judged against the event whose trigger starts at its offset.
Rows whose event the coder does not emit are counted as unmatched and not scored.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.places.gazetteer import Entry, Gazetteer, km_between
from eventwire.records import Article, Event, Place

KM_LIMIT = 161.0


class EventGoldError(ValueError):
    """The gold file or the corpus does not have what the scorer needs."""


@dataclass(frozen=True, slots=True)
class EventGold:
    article_id: str
    published: date
    trigger_start: int
    trigger: str
    places: tuple[str, ...]  # "none", "country:UKR" or a GeoNames id, any of them right
    dates: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class EventJudgement:
    gold: EventGold
    event: Event | None
    place_right: bool
    date_right: bool


@dataclass(frozen=True, slots=True)
class EventPlaceScores:
    gold_file: str
    rows: int
    matched: int
    place_right: int
    date_right: int
    text_dated: int  # matched events whose date came from the text
    gold_with_place: int  # matched rows whose gold place is not (only) "none"
    place_given_right: int  # of those, eventwire gave a right place
    placed_wrongly: int  # eventwire gave a place where the gold has another or none

    @property
    def place_accuracy(self) -> float:
        return self.place_right / self.matched if self.matched else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_right / self.matched if self.matched else 0.0


def read_event_gold(path: Path) -> list[EventGold]:
    """Rows of the gold TSV (lines starting with '#' are comments)."""
    try:
        with path.open(encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise EventGoldError(f"{path}: {exc}") from exc
    rows = []
    for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
        try:
            rows.append(
                EventGold(
                    article_id=row["article_id"],
                    published=date.fromisoformat(row["published"]),
                    trigger_start=int(row["trigger_start"]),
                    trigger=row["trigger"],
                    places=tuple(row["place"].split("|")),
                    dates=tuple(row["date"].split("|")),
                    note=row.get("note") or "",
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise EventGoldError(f"{path}: row {number} is malformed: {exc}") from exc
    if not rows:
        raise EventGoldError(f"{path}: no gold rows")
    return rows


def read_corpus_texts(corpus: Path, wanted: set[str]) -> dict[str, tuple[str, str]]:
    """id -> (title, text) for the wanted ids, from every *.jsonl file under `corpus`."""
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                record = json.loads(line)
                if record.get("id") in wanted:
                    found[record["id"]] = (record.get("title") or "", record["text"])
    missing = wanted - found.keys()
    if missing:
        raise EventGoldError(f"{len(missing)} gold articles not in {corpus}: {sorted(missing)[:3]}")
    return found


def date_is_right(value: str | None, gold: Iterable[str]) -> bool:
    """The value or a finer one inside it: 2019-12-23T08:00 is right for 2019-12-23."""
    if not value:
        return False
    return any(value == g or value.startswith(g + "-") or value.startswith(g + "T") for g in gold)


def place_is_right(place: Place | None, gold: Iterable[str], points: dict[int, Entry]) -> bool:
    for wanted in gold:
        if wanted == "none":
            if place is None:
                return True
        elif place is None:
            continue
        elif wanted.startswith("country:"):
            if place.country == wanted.split(":", 1)[1]:
                return True
        elif place.geonameid == int(wanted) or _near(place, points.get(int(wanted))):
            return True
    return False


def _near(place: Place, entry: Entry | None) -> bool:
    if entry is None or entry.lat is None or entry.lon is None or place.lat is None:
        return False
    if place.lon is None or place.feature == "country":
        return False
    return km_between(entry.lat, entry.lon, place.lat, place.lon) <= KM_LIMIT


def gold_points(gazetteer: Gazetteer, rows: list[EventGold]) -> dict[int, Entry]:
    """The gazetteer entries of the GeoNames ids the gold names."""
    ids = {int(p) for row in rows for p in row.places if p.isdigit()}
    points: dict[int, Entry] = {}
    for index, fields in enumerate(gazetteer.rows):
        if fields[0] in ids and fields[0] not in points:
            points[fields[0]] = gazetteer.entry(index)
    return points


def evaluate_event_places(
    gold_path: Path,
    corpus: Path,
    code: Callable[[Article], list[Event]],
    gazetteer: Gazetteer,
    judgements: list[EventJudgement] | None = None,
) -> EventPlaceScores:
    """Scores of the events' places and dates against the gold file."""
    rows = read_event_gold(gold_path)
    texts = read_corpus_texts(corpus, {row.article_id for row in rows})
    points = gold_points(gazetteer, rows)
    by_article: dict[str, list[EventGold]] = defaultdict(list)
    for row in rows:
        by_article[row.article_id].append(row)
    judged: list[EventJudgement] = []
    for article_id, gold_rows in by_article.items():
        title, text = texts[article_id]
        article = Article(article_id, None, None, gold_rows[0].published, title, text)
        events = {ev.evidence.start: ev for ev in reversed(code(article))}
        for row in gold_rows:
            event = events.get(row.trigger_start)
            if event is None:
                judged.append(EventJudgement(row, None, False, False))
                continue
            judged.append(
                EventJudgement(
                    row,
                    event,
                    place_is_right(event.place, row.places, points),
                    date_is_right(event.date, row.dates),
                )
            )
    if judgements is not None:
        judgements.extend(judged)
    matched = [j for j in judged if j.event is not None]
    with_place = [j for j in matched if j.gold.places != ("none",)]
    return EventPlaceScores(
        gold_file=str(gold_path),
        rows=len(rows),
        matched=len(matched),
        place_right=sum(j.place_right for j in matched),
        date_right=sum(j.date_right for j in matched),
        text_dated=sum(j.event.date_source == "text" for j in matched if j.event),
        gold_with_place=len(with_place),
        place_given_right=sum(
            j.place_right for j in with_place if j.event and j.event.place is not None
        ),
        placed_wrongly=sum(
            not j.place_right for j in matched if j.event and j.event.place is not None
        ),
    )


def format_event_place_scores(scores: EventPlaceScores) -> str:
    return "\n".join(
        [
            f"gold: {scores.gold_file} ({scores.rows} events, {scores.matched} emitted)",
            f"place right:   {scores.place_accuracy:.3f} ({scores.place_right})",
            f"date right:    {scores.date_accuracy:.3f} ({scores.date_right})",
            f"dated by text: {scores.text_dated}",
            f"gold places given right: {scores.place_given_right} of {scores.gold_with_place}",
            f"places given wrongly:    {scores.placed_wrongly}",
        ]
    )


def judgement_record(judgement: EventJudgement) -> dict:
    """A wrong judgement as a JSON-ready dict, for --errors."""
    event = judgement.event
    place = event.place if event else None
    return {
        "article_id": judgement.gold.article_id,
        "trigger_start": judgement.gold.trigger_start,
        "trigger": judgement.gold.trigger,
        "gold_place": "|".join(judgement.gold.places),
        "place": None if place is None else f"{place.geonameid or place.country}:{place.name}",
        "place_right": judgement.place_right,
        "gold_date": "|".join(judgement.gold.dates),
        "date": event.date if event else None,
        "date_right": judgement.date_right,
        "sentence": event.sentence if event else None,
        "note": judgement.gold.note,
    }
