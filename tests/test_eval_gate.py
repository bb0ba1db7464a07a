"""Accuracy is gated: the whole pipeline, scored on the development gold, stays above its floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate.events import evaluate_events

HERE = Path(__file__).resolve().parent
GOLD = HERE.parents[1] / "shared" / "gold" / "events" / "PLV_train.tsv"
FLOORS = json.loads((HERE / "eval_baseline.json").read_text())


@pytest.mark.slow
@pytest.mark.skipif(not GOLD.exists(), reason="../shared/gold is not present")
def test_pipeline_plover_scores_stay_above_floors(coder):
    scores = evaluate_events(GOLD, coder.nlp, lambda doc, art: coder.analyse_doc(art, doc).events)
    floor = FLOORS["events_plv_train"]
    assert scores.f1 >= floor["f1"], f"PLOVER F1 {scores.f1:.3f} < {floor['f1']}"
    assert scores.actor_agreement >= floor["actor_agreement"]
    # dyads first: type, source and target all right
    assert scores.dyad_f1 >= floor["dyad_f1"], f"dyad F1 {scores.dyad_f1:.3f} < {floor['dyad_f1']}"
