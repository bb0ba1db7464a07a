"""`eventwire eval events GOLD`: PLOVER type precision/recall/F1 and actor agreement.

Gold: the PLV sentences (TSV with `sentence`, `marked_sentence` with <s>source</s> and
<t>target</t>, `gold_root` = PLOVER type, where YIELD stands for CONCEDE or RETREAT).
Per sentence, a hit when an emitted event has the gold type; recall = sentences hit / sentences;
precision = emitted events of the gold type / all emitted events; actor agreement = share of hits
where an emitted event of the gold type has a source overlapping the marked source span.
The sentences carry no date: each is coded as an article published on 2018-06-01.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article, Event

PUBLISHED = date(2018, 6, 1)
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})
TAG = re.compile(r"</?[st]>")

CoderFn = Callable[[Doc, Article], list[Event]]


class GoldFormatError(ValueError):
    """The gold file lacks a needed column or cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    sentence: str
    source_span: tuple[int, int] | None
    gold_type: str


@dataclass(frozen=True, slots=True)
class EventScores:
    sentences: int
    hits: int
    emitted: int
    emitted_correct: int
    actor_agree: int
    precision: float
    recall: float
    f1: float
    actor_agreement: float
    confusion: dict[str, dict[str, int]]  # gold type -> our type (or "none") -> count
    misses: tuple[tuple[str, str, str], ...]  # (gold type, our first type, sentence)


@dataclass(frozen=True, slots=True)
class EventDisagreement:
    """A gold sentence the coder got wrong, with every event it emitted there (each carries its
    trigger, rule and confidence): "missed" (no event of the gold type), "extra" (the gold type
    and others besides) or "source" (the gold type, but not from the marked source)."""

    index: int  # row of the sentence in the gold file (0-based, header excluded)
    sentence: str
    gold_type: str
    kind: str
    events: tuple[Event, ...]


def read_gold(path: Path) -> Iterator[GoldSentence]:
    """The gold sentences with the plain-text offsets of the marked source."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            for col in ("sentence", "marked_sentence", "gold_root"):
                if col not in (reader.fieldnames or []):
                    raise GoldFormatError(f"{path}: no column {col!r}")
            for row in reader:
                text, span = _unmark(row["marked_sentence"])
                yield GoldSentence(text, span, row["gold_root"].strip().upper())
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file ({exc})") from exc


def _unmark(marked: str) -> tuple[str, tuple[int, int] | None]:
    out, pos, start, span = [], 0, None, None
    for m in TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        pos = m.end()
        here = sum(len(p) for p in out)
        if m.group() == "<s>":
            start = here
        elif m.group() == "</s>" and start is not None:
            span = (start, here)
    out.append(marked[pos:])
    return "".join(out), span


def same_type(gold: str, ours: str) -> bool:
    return ours in YIELD_TYPES if gold == "YIELD" else ours == gold


def evaluate_events(
    gold_path: Path,
    nlp: Language,
    coder_fn: CoderFn,
    errors: list[EventDisagreement] | None = None,
) -> EventScores:
    """Score a coder over the gold sentences (parsed in batches with `nlp.pipe`); when `errors`
    is a list, every sentence coded wrongly is appended to it."""
    gold = list(read_gold(gold_path))
    hits = emitted = correct = agree = 0
    confusion: dict[str, Counter[str]] = {}
    misses = []
    docs = nlp.pipe((g.sentence for g in gold), batch_size=64)
    for n, (g, doc) in enumerate(zip(gold, docs, strict=True)):
        article = Article(f"plv-{n}", "PLV", None, PUBLISHED, "", g.sentence)
        events = coder_fn(doc, article)
        emitted += len(events)
        good = [e for e in events if same_type(g.gold_type, e.plover.type)]
        correct += len(good)
        first = max(events, key=lambda e: e.confidence).plover.type if events else "none"
        label = "YIELD" if first in YIELD_TYPES else first
        confusion.setdefault(g.gold_type, Counter())[label] += 1
        kind = None
        if good:
            hits += 1
            if g.source_span and any(_overlaps(e, g.source_span) for e in good):
                agree += 1
            elif g.source_span:
                kind = "source"
            if len(good) < len(events):
                kind = kind or "extra"
        else:
            misses.append((g.gold_type, label, g.sentence))
            kind = "missed"
        if kind and errors is not None:
            errors.append(EventDisagreement(n, g.sentence, g.gold_type, kind, tuple(events)))
    precision = correct / emitted if emitted else 0.0
    recall = hits / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EventScores(
        len(gold), hits, emitted, correct, agree, precision, recall, f1,
        agree / hits if hits else 0.0,
        {k: dict(v) for k, v in confusion.items()}, tuple(misses),
    )  # fmt: skip


def _overlaps(event: Event, span: tuple[int, int]) -> bool:
    return event.source.start < span[1] and span[0] < event.source.end


def format_event_scores(scores: EventScores) -> str:
    """A plain-text report: the headline figures and the confusion table."""
    lines = [
        f"sentences {scores.sentences}  emitted events {scores.emitted}",
        f"PLOVER type  precision {scores.precision:.3f}  recall {scores.recall:.3f}  "
        f"F1 {scores.f1:.3f}",
        f"actor agreement on hits {scores.actor_agreement:.3f} "
        f"({scores.actor_agree}/{scores.hits})",
        "",
        "confusion (rows gold, columns our most confident event):",
    ]
    cols = sorted({c for row in scores.confusion.values() for c in row} - {"none"}) + ["none"]
    lines.append("gold".ljust(10) + "".join(c[:8].rjust(9) for c in cols))
    for gold_type in sorted(scores.confusion):
        row = scores.confusion[gold_type]
        lines.append(gold_type.ljust(10) + "".join(str(row.get(c, 0)).rjust(9) for c in cols))
    return "\n".join(lines)
