"""TempEval-3 scoring of `find_times` against TimeML (.tml) gold files.

Each file's DCT value is the article date; the text inside <TEXT> with the inline tags stripped is
the article text, and gold TIMEX3 spans are offsets into it. A system time matches a gold one when
the spans are identical (strict) or overlap (relaxed); type and value are compared on relaxed
matches; value F1 = relaxed F1 x value accuracy (the figure TempEval-3 ranks by).
"""

from __future__ import annotations

import time as clock
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from spacy.language import Language

from eventwire.records import TimeRef


class TimeMLError(ValueError):
    """A .tml file that cannot be read as TimeML (bad XML, no DCT, no TEXT)."""


@dataclass(frozen=True, slots=True)
class GoldDocument:
    name: str
    dct: date
    text: str
    times: tuple[TimeRef, ...]


@dataclass(frozen=True, slots=True)
class TimeScores:
    documents: int
    gold: int
    system: int
    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    type_accuracy: float
    value_accuracy: float
    value_f1: float
    seconds: float  # time spent in find_times (parsing excluded)


@dataclass(frozen=True, slots=True)
class Match:
    gold: TimeRef
    system: TimeRef


@dataclass(frozen=True, slots=True)
class Disagreement:
    """One place where system and gold differ: "value" (spans overlap, values differ),
    "spurious" (system only) or "missed" (gold only); the evidence an annotator needs."""

    document: str
    dct: date
    kind: str
    gold: TimeRef | None
    system: TimeRef | None
    context: str  # the sentence-sized text around the expression, expression in [[ ]]


def _walk(element: ET.Element, parts: list[str], times: list[TimeRef], offset: int) -> int:
    """Append the text under `element` to `parts`, recording TIMEX3 spans; returns the offset."""
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, parts, times, offset)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:offset]
            times.append(
                TimeRef(
                    text,
                    start,
                    offset,
                    child.get("type", ""),
                    child.get("value", ""),
                    child.get("mod"),
                )
            )
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def read_tml(path: Path) -> GoldDocument:
    """One TimeML file as its DCT, stripped text and gold TIMEX3 records."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise TimeMLError(f"{path}: not well-formed XML ({exc})") from exc
    dct_timex = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct_timex is None or body is None:
        raise TimeMLError(f"{path}: no <DCT><TIMEX3> or no <TEXT>")
    try:
        dct = date.fromisoformat(dct_timex.get("value", "")[:10])
    except ValueError as exc:
        raise TimeMLError(f"{path}: DCT value is not a date") from exc
    parts: list[str] = []
    times: list[TimeRef] = []
    _walk(body, parts, times, 0)
    return GoldDocument(path.stem, dct, "".join(parts), tuple(times))


def read_tml_dir(tml_dir: Path) -> Iterator[GoldDocument]:
    paths = sorted(tml_dir.rglob("*.tml"))
    if not paths:
        raise TimeMLError(f"{tml_dir}: no .tml files")
    for path in paths:
        yield read_tml(path)


def match_times(gold: list[TimeRef], system: list[TimeRef], strict: bool) -> list[Match]:
    """One-to-one matches, each gold time taking the first free system time that fits."""
    used: set[int] = set()
    matches = []
    for g in gold:
        for k, s in enumerate(system):
            if k in used:
                continue
            fits = (
                (s.start, s.end) == (g.start, g.end)
                if strict
                else (s.start < g.end and g.start < s.end)
            )
            if fits:
                used.add(k)
                matches.append(Match(g, s))
                break
    return matches


def _context(text: str, start: int, end: int, reach: int = 80) -> str:
    left = text[max(0, start - reach) : start]
    right = text[end : end + reach]
    return " ".join(f"{left}[[{text[start:end]}]]{right}".split())


def disagreements(doc: GoldDocument, system: list[TimeRef]) -> list[Disagreement]:
    """Every value mismatch, spurious and missed expression of one document, in text order."""
    gold = list(doc.times)
    relaxed = match_times(gold, system, strict=False)
    matched_gold = {id(m.gold) for m in relaxed}
    matched_system = {id(m.system) for m in relaxed}
    found = [
        Disagreement(
            doc.name,
            doc.dct,
            "value",
            m.gold,
            m.system,
            _context(doc.text, m.gold.start, m.gold.end),
        )
        for m in relaxed
        if m.gold.value != m.system.value
    ]
    found += [
        Disagreement(doc.name, doc.dct, "missed", g, None, _context(doc.text, g.start, g.end))
        for g in gold
        if id(g) not in matched_gold
    ]
    found += [
        Disagreement(doc.name, doc.dct, "spurious", None, s, _context(doc.text, s.start, s.end))
        for s in system
        if id(s) not in matched_system
    ]
    return sorted(found, key=lambda d: (d.gold or d.system).start)  # type: ignore[union-attr]


def _prf(matched: int, gold: int, system: int) -> tuple[float, float, float]:
    p = matched / system if system else 0.0
    r = matched / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_times(
    tml_dir: Path, nlp: Language, errors: list[Disagreement] | None = None
) -> TimeScores:
    """Score find_times (given the spaCy Doc) on every .tml file under `tml_dir`; when `errors`
    is a list, every disagreement with the gold is appended to it."""
    from eventwire.times import find_times, load_time_finder

    finder = load_time_finder()
    docs = list(read_tml_dir(tml_dir))
    n_gold = n_system = n_strict = n_relaxed = n_type = n_value = 0
    seconds = 0.0
    for gold_doc, parsed in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        started = clock.perf_counter()
        system = find_times(gold_doc.text, gold_doc.dct, parsed, finder)
        seconds += clock.perf_counter() - started
        gold = list(gold_doc.times)
        relaxed = match_times(gold, system, strict=False)
        n_gold += len(gold)
        n_system += len(system)
        n_strict += len(match_times(gold, system, strict=True))
        n_relaxed += len(relaxed)
        n_type += sum(m.gold.type == m.system.type for m in relaxed)
        n_value += sum(m.gold.value == m.system.value for m in relaxed)
        if errors is not None:
            errors.extend(disagreements(gold_doc, system))
    sp, sr, sf = _prf(n_strict, n_gold, n_system)
    rp, rr, rf = _prf(n_relaxed, n_gold, n_system)
    type_acc = n_type / n_relaxed if n_relaxed else 0.0
    value_acc = n_value / n_relaxed if n_relaxed else 0.0
    return TimeScores(
        len(docs),
        n_gold,
        n_system,
        sp,
        sr,
        sf,
        rp,
        rr,
        rf,
        type_acc,
        value_acc,
        rf * value_acc,
        seconds,
    )


def format_time_scores(scores: TimeScores) -> str:
    """The scores as a small aligned table (TempEval-3 layout)."""
    rate = scores.system / scores.seconds if scores.seconds else 0.0
    per_doc = 1000 * scores.seconds / scores.documents if scores.documents else 0.0
    return "\n".join(
        [
            f"documents {scores.documents}  gold {scores.gold}  system {scores.system}",
            "            precision  recall     F1",
            f"strict      {scores.strict_precision:9.3f}  {scores.strict_recall:6.3f}  "
            f"{scores.strict_f1:5.3f}",
            f"relaxed     {scores.relaxed_precision:9.3f}  {scores.relaxed_recall:6.3f}  "
            f"{scores.relaxed_f1:5.3f}",
            f"type accuracy {scores.type_accuracy:.3f}  value accuracy {scores.value_accuracy:.3f}",
            f"value F1 {scores.value_f1:.3f}",
            f"find_times {rate:,.0f} expressions/s, {per_doc:.2f} ms/article",
        ]
    )
