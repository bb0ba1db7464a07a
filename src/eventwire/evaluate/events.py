"""`eventwire eval events GOLD`: dyad and PLOVER type precision/recall/F1, actor agreement.

Gold: the PLV sentences (TSV with `sentence`, `marked_sentence` with <s>source</s> and
<t>target</t>, `gold_root` = PLOVER type, where YIELD stands for CONCEDE or RETREAT).

Dyads first, since event data is per pair of actors: an emitted event is dyad-right when its
type is the gold type, its source matches the marked source and its target the marked target
(spans match when the content words of one contain the other's; an empty gold target accepts
any target). Dyad recall = sentences with a dyad-right event / sentences; dyad precision =
dyad-right events / all emitted events.

Types: per sentence, a hit when an emitted event has the gold type; recall = sentences hit /
sentences; precision = emitted events of the gold type / all emitted events; actor agreement =
share of hits where an emitted event of the gold type has a source overlapping the marked source.
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
WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?")  # "U.S." is one word; "Iran's" is two
# Words that carry no identity in an actor span ("the", "'s", "of"): left out before comparing.
FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "s", "and", "its", "his", "her", "their", "our", "your", "to", "in"}
    | {"on", "for", "by", "with", "at", "from", "this", "that", "these", "those"}
)

CoderFn = Callable[[Doc, Article], list[Event]]


class GoldFormatError(ValueError):
    """The gold file lacks a needed column or cannot be read."""


@dataclass(frozen=True, slots=True)
class GoldSentence:
    sentence: str
    source_span: tuple[int, int] | None
    gold_type: str
    target_span: tuple[int, int] | None = None


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
    dyad_hits: int  # sentences with an event whose type, source and target all match
    dyad_correct: int  # emitted events whose type, source and target all match
    dyad_precision: float
    dyad_recall: float
    dyad_f1: float
    confusion: dict[str, dict[str, int]]  # gold type -> our type (or "none") -> count
    misses: tuple[tuple[str, str, str], ...]  # (gold type, our first type, sentence)


@dataclass(frozen=True, slots=True)
class EventDisagreement:
    """A gold sentence the coder got wrong, with every event it emitted there (each carries its
    trigger, rule and confidence): "missed" (no event of the gold type), "source" (the gold
    type, but never from the marked source), "target" (the gold type from the marked source, but
    never with the marked target), "extra" (the dyad is right, and other events besides)."""

    index: int  # row of the sentence in the gold file (0-based, header excluded)
    sentence: str
    gold_type: str
    kind: str
    events: tuple[Event, ...]
    gold_source: str = ""
    gold_target: str = ""


def read_gold(path: Path) -> Iterator[GoldSentence]:
    """The gold sentences with the plain-text offsets of the marked source."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle, delimiter="\t")
            for col in ("sentence", "marked_sentence", "gold_root"):
                if col not in (reader.fieldnames or []):
                    raise GoldFormatError(f"{path}: no column {col!r}")
            for row in reader:
                text, spans = _unmark(row["marked_sentence"])
                gold_type = row["gold_root"].strip().upper()
                yield GoldSentence(text, spans.get("s"), gold_type, spans.get("t"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file ({exc})") from exc


def _unmark(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the offsets of its marked spans, by tag ("s", "t")."""
    out: list[str] = []
    pos = 0
    starts: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for m in TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        pos = m.end()
        here = sum(len(p) for p in out)
        tag = m.group().strip("</>")
        if m.group()[1] != "/":
            starts[tag] = here
        elif tag in starts:
            spans[tag] = (starts.pop(tag), here)
    out.append(marked[pos:])
    return "".join(out), spans


def content_words(text: str) -> frozenset[str]:
    """The words of an actor span that say who it is: lowercased, dots dropped ("U.S." = "US"),
    function words left out."""
    words = (w.lower().replace(".", "") for w in WORD.findall(text))
    return frozenset(w for w in words if w and w not in FUNCTION_WORDS)


def spans_match(ours: str, gold: str) -> bool:
    """Do two actor spans name the same side: the content words of one contain the other's."""
    a, b = content_words(ours), content_words(gold)
    return bool(a and b) and (a <= b or b <= a)


def dyad_right(event: Event, gold_type: str, source: str, target: str) -> bool:
    """Type, source and target all match the gold row (an empty gold target accepts any)."""
    if not same_type(gold_type, event.plover.type) or not spans_match(event.source.text, source):
        return False
    if not content_words(target):
        return True
    return event.target is not None and spans_match(event.target.text, target)


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
    hits = emitted = correct = agree = dyad_hits = dyad_correct = 0
    confusion: dict[str, Counter[str]] = {}
    misses = []
    docs = nlp.pipe((g.sentence for g in gold), batch_size=64)
    for n, (g, doc) in enumerate(zip(gold, docs, strict=True)):
        article = Article(f"plv-{n}", "PLV", None, PUBLISHED, "", g.sentence)
        events = coder_fn(doc, article)
        emitted += len(events)
        good = [e for e in events if same_type(g.gold_type, e.plover.type)]
        correct += len(good)
        source, target = (
            _span_text(g.sentence, g.source_span),
            _span_text(g.sentence, g.target_span),
        )
        right = [e for e in good if dyad_right(e, g.gold_type, source, target)]
        dyad_correct += len(right)
        dyad_hits += bool(right)
        first = max(events, key=lambda e: e.confidence).plover.type if events else "none"
        label = "YIELD" if first in YIELD_TYPES else first
        confusion.setdefault(g.gold_type, Counter())[label] += 1
        kind = None
        if good:
            hits += 1
            if g.source_span and any(_overlaps(e, g.source_span) for e in good):
                agree += 1
            if not right:
                sourced = any(spans_match(e.source.text, source) for e in good)
                kind = "target" if sourced else "source"
            elif len(right) < len(events):
                kind = "extra"
        else:
            misses.append((g.gold_type, label, g.sentence))
            kind = "missed"
        if kind and errors is not None:
            errors.append(
                EventDisagreement(n, g.sentence, g.gold_type, kind, tuple(events), source, target)
            )
    precision, recall, f1 = _prf(correct, emitted, hits, len(gold))
    dyad_p, dyad_r, dyad_f1 = _prf(dyad_correct, emitted, dyad_hits, len(gold))
    return EventScores(
        len(gold), hits, emitted, correct, agree, precision, recall, f1,
        agree / hits if hits else 0.0,
        dyad_hits, dyad_correct, dyad_p, dyad_r, dyad_f1,
        {k: dict(v) for k, v in confusion.items()}, tuple(misses),
    )  # fmt: skip


def _prf(correct: int, emitted: int, found: int, total: int) -> tuple[float, float, float]:
    precision = correct / emitted if emitted else 0.0
    recall = found / total if total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _span_text(sentence: str, span: tuple[int, int] | None) -> str:
    return sentence[span[0] : span[1]] if span else ""


def _overlaps(event: Event, span: tuple[int, int]) -> bool:
    return event.source.start < span[1] and span[0] < event.source.end


def format_event_scores(scores: EventScores) -> str:
    """A plain-text report: the headline figures and the confusion table."""
    lines = [
        f"sentences {scores.sentences}  emitted events {scores.emitted}",
        f"dyad (type, source and target)  precision {scores.dyad_precision:.3f}  "
        f"recall {scores.dyad_recall:.3f}  F1 {scores.dyad_f1:.3f}",
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
