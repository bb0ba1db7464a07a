"""Would a learned confidence beat the rule-based one? A ridge logistic model over what the coder
knows of each event, trained on PLV_train and measured by 5-fold cross-validation (each event
scored by a model that never saw its sentence), against the rule-based figure
(src/eventwire/events/confidence.py) at the same thresholds.

    .venv/bin/python benchmarks/train_confidence.py [--gold FILE]

Labels: an event is right when its type, source and target match its sentence's gold row (the
dyad scorer of `eventwire eval events`). Features: the rule-based pattern-and-parse figure, the
CAMEO root, modality, how the trigger and the target were found (the evidence rule), the kind of
each side, same-country sides, a long sentence. PLV's gold marks words, not codes, so how good a
code is stays the rule-based side weight, multiplied in; and every PLV row names a target, so
events with none keep the rule-based figure. Measured 2026-12-05 (BENCHMARKS.md): first no gain
(dyad P at 0.5: 0.718 learned vs 0.713 rules); after the background rule (acts dated 90 days
before the article lose confidence) the model gains on PLV (F1 at 0.5: 0.615 vs 0.590) by
learning to ignore that rule, which PLV's fixed publication date makes look wrong. Neither is
a gain on news, so eventwire ships the rules; the script stays to measure again.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eventwire.evaluate.events import PUBLISHED, _span_text, dyad_right, read_gold
from eventwire.events.confidence import no_target, side_weight
from eventwire.pipeline import Coder
from eventwire.records import Article, Event

GOLD = Path(__file__).resolve().parents[1] / "../shared/gold/events/PLV_train.tsv"
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
L2 = 1.0  # ridge penalty: ~60 features on ~1,100 events
FOLDS = 5


TARGET_RULE = "; target: "
LONG_SENTENCE_WORDS = 30
# How the target was found (the evidence's "; target: ..." text), by the words it begins with.
TARGET_WAYS = (
    ("object of", "object"),
    ("inside the", "inside"),
    ("unknown name", "unknown_name"),
    ("maker or party", "noun_party"),
    ("the other coordinated side", "reciprocal"),
    ("state of the place", "place_state"),
    ("where the forces", "forces_place"),
    ("who received", "received"),
    ("subject of what was asked", "asked"),
    ("whom", "aid_purpose"),
    ("argument of", "governed"),
    ("'to' phrase after", "recipient"),
    ("'between'", "between"),
    ("'", "phrase"),
)


def features(event: Event) -> dict[str, float]:
    """The named facts the model weighs: 1.0 when present, and the rule-based pattern-and-parse
    figure as a number."""
    rule = event.evidence.rule
    trigger_rule, _, target_rule = rule.partition(TARGET_RULE)
    out = {
        "pattern_confidence": pattern_confidence(event),
        f"root={event.cameo_root}": 1.0,
        f"modality={event.modality}": 1.0,
        f"trigger={_trigger_kind(trigger_rule)}": 1.0,
        f"source={event.source.kind}": 1.0,
    }
    if event.target is not None:
        out[f"target={event.target.kind}"] = 1.0
        out[f"target_by={_target_way(target_rule)}"] = 1.0
        if event.target.country and event.target.country == event.source.country:
            out["same_country"] = 1.0
    if len(event.sentence.split()) > LONG_SENTENCE_WORDS:
        out["long_sentence"] = 1.0
    return out


def pattern_confidence(event: Event) -> float:
    """The rule-based figure without its side factors: the pattern's strength times the parse's
    certainty (confidence.event_confidence)."""
    other = side_weight(event.target) if event.target is not None else no_target(event.cameo)
    return min(1.0, event.confidence / (side_weight(event.source) * other))


def _trigger_kind(rule: str) -> str:
    if "+" in rule:
        return "governed"
    return rule.split(".", 1)[0]  # verb, noun, say, be, gov


def _target_way(rule: str) -> str:
    for start, way in TARGET_WAYS:
        if rule.startswith(start):
            return way
    return "other"


def labelled_events(gold_path: Path) -> list[tuple[int, Event, bool]]:
    """Every event the coder emits on the gold sentences (before calibration), with its row."""
    coder = Coder.load()
    gold = list(read_gold(gold_path))
    out = []
    docs = coder.nlp.pipe((g.sentence for g in gold), batch_size=64)
    for n, (g, doc) in enumerate(zip(gold, docs, strict=True)):
        article = Article(f"plv-{n}", "PLV", None, PUBLISHED, "", g.sentence)
        source, target = (
            _span_text(g.sentence, g.source_span),
            _span_text(g.sentence, g.target_span),
        )
        for event in coder.analyse_doc(article, doc).events:
            out.append((n, event, dyad_right(event, g.gold_type, source, target)))
    return out


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Ridge logistic regression by Newton's method; column 0 is the (unpenalised) bias."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def matrix(rows: Sequence[dict[str, float]], names: list[str]) -> np.ndarray:
    col = {n: i + 1 for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, 0] = 1.0
    for r, feats in enumerate(rows):
        for name, value in feats.items():
            if name in col:
                x[r, col[name]] = value
    return x


def cross_validated(data: list[tuple[int, Event, bool]]) -> np.ndarray:
    """Each event's probability from a model fitted on the other folds (folds by sentence)."""
    rows = sorted({n for n, _, _ in data})
    random.Random(0).shuffle(rows)
    fold_of = {n: i % FOLDS for i, n in enumerate(rows)}
    feats = [features(e) for _, e, _ in data]
    y = np.array([float(ok) for _, _, ok in data])
    out = np.zeros(len(data))
    for k in range(FOLDS):
        train = [i for i, (n, _, _) in enumerate(data) if fold_of[n] != k]
        test = [i for i, (n, _, _) in enumerate(data) if fold_of[n] == k]
        names = sorted({f for i in train for f in feats[i]})
        w = fit(matrix([feats[i] for i in train], names), y[train])
        out[test] = 1 / (1 + np.exp(-matrix([feats[i] for i in test], names) @ w))
    return out


def side_factor(event: Event) -> float:
    """What the shipped confidence multiplies the probability by (calibration.py)."""
    assert event.target is not None
    return side_weight(event.source) * side_weight(event.target)


def report(name: str, data: list[tuple[int, Event, bool]], scores: np.ndarray, n_rows: int) -> None:
    y = np.array([ok for _, _, ok in data])
    brier = float(np.mean((scores - y) ** 2))
    print(f"{name}: Brier {brier:.3f}")
    for t in THRESHOLDS:
        kept = scores >= t
        right = int((y & kept).sum())
        found = len({n for (n, _, ok), k in zip(data, kept, strict=True) if ok and k})
        p = right / max(int(kept.sum()), 1)
        r = found / n_rows
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"  >= {t:.1f}: kept {int(kept.sum()):5d}  dyad P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    args = parser.parse_args()
    data = labelled_events(args.gold)
    n_rows = sum(1 for _ in read_gold(args.gold))
    print(f"{len(data)} events on {n_rows} sentences, {sum(ok for *_, ok in data)} right dyads")
    report("rule-based confidence", data, np.array([e.confidence for _, e, _ in data]), n_rows)
    # the model is for events with a target (every PLV row has one: see calibration.py)
    aimed = [i for i, (_, e, _) in enumerate(data) if e.target is not None]
    probability = cross_validated([data[i] for i in aimed])
    scored = np.array([e.confidence for _, e, _ in data])  # targetless: rule-based
    scored[aimed] = probability * np.array([side_factor(data[i][1]) for i in aimed])
    report("learned x side weights (with a target), cross-validated", data, scored, n_rows)
    feats = [features(data[i][1]) for i in aimed]
    names = sorted({f for fs in feats for f in fs})
    w = fit(matrix(feats, names), np.array([float(data[i][2]) for i in aimed]))
    top = sorted(zip(names, w[1:], strict=True), key=lambda nw: -abs(nw[1]))[:15]
    print("largest weights (all rows):", ", ".join(f"{n} {v:+.2f}" for n, v in top))


if __name__ == "__main__":
    main()
