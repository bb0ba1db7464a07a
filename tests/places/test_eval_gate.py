"""Accuracy gate: find_places on the LGL and GeoVirus gold stays at or above pinned floors.

The floors in eval_baseline.json are the figures achieved when they were pinned, minus 0.01.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.evaluate.places import evaluate_places, format_place_scores
from eventwire.places import Gazetteer

from .conftest import SHARED

BASELINE = Path(__file__).with_name("eval_baseline.json")
METRICS = ("recall", "accuracy_161km", "end_to_end_161km", "exact_id", "precision")


@pytest.mark.slow
@pytest.mark.parametrize("gold_name", ["lgl.xml", "GeoVirus.xml"])
def test_eval_gate(gold_name: str, nlp: Language, gazetteer: Gazetteer) -> None:
    gold = SHARED / "gold" / "geo" / gold_name
    if not gold.exists():
        pytest.skip(f"{gold} is absent")
    floors = json.loads(BASELINE.read_text(encoding="utf-8"))[gold_name]
    scores = evaluate_places(gold, nlp, gazetteer)
    report = format_place_scores(scores)
    for metric in METRICS:
        if metric not in floors:
            continue
        got = getattr(scores, metric)
        assert got is not None and got >= floors[metric], f"{metric} fell below floor\n{report}"
