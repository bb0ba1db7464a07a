"""Actor recall on the PLV event sentences: are the marked acting and acted-upon sides found?

PLV (shared/gold/events/PLV_train.tsv) marks the source `<s>…</s>` and target `<t>…</t>` of each
sentence's event, without codes. We score how many marked spans overlap an actor that
`find_actors` gives (and how many of those carry a country), per side. There is no actor gold
to score precision or codes against: this is a recall check of recognition only. The sentences
have no dates; they are coded as of `published` (default mid-2018, the set's news years).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.recognise import find_actors

SIDES = ("source", "target")


@dataclass(frozen=True, slots=True)
class SideRecall:
    side: str
    spans: int
    found: int  # spans overlapping an actor
    with_country: int  # spans overlapping an actor that has a country

    @property
    def recall(self) -> float:
        return self.found / self.spans if self.spans else 0.0

    @property
    def country_recall(self) -> float:
        return self.with_country / self.spans if self.spans else 0.0


def read_plv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    if rows and not {"sentence", "source", "target"} <= set(rows[0]):
        raise ValueError(f"{path}: not a PLV table (needs sentence, source, target columns)")
    return rows


def score_actor_recall(
    gold: Path, nlp: Language, dictionary: ActorDictionary, published: date = date(2018, 6, 1)
) -> dict[str, SideRecall]:
    """Recall of the marked source and target spans of a PLV file, by side."""
    rows = read_plv(gold)
    counts = {side: [0, 0, 0] for side in SIDES}
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows), strict=True):
        actors = find_actors(doc, published, dictionary)
        for side in SIDES:
            span = row[side].strip()
            at = row["sentence"].find(span) if span else -1
            if at < 0:
                continue
            hits = [a for a in actors if a.start < at + len(span) and a.end > at]
            tally = counts[side]
            tally[0] += 1
            tally[1] += bool(hits)
            tally[2] += any(a.country for a in hits)
    return {side: SideRecall(side, *counts[side]) for side in SIDES}
