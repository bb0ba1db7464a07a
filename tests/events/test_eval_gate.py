"""Accuracy gate: PLOVER F1 and actor agreement on PLV_train stay at or above the pinned floors.

Floors live in eval_baseline.json (achieved minus 0.01). The gate uses the test actor finder so
that it measures this stage; the CLI figure with the full pipeline is reported separately.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate.events import evaluate_events, format_event_scores, read_gold
from eventwire.events import code_events
from eventwire.events.arguments import SpanIndex

from .helpers import np_actors

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold" / "events" / "PLV_train.tsv"
BASELINE = Path(__file__).with_name("eval_baseline.json")


def test_gold_reader_finds_marked_source():
    if not GOLD.exists():
        pytest.skip("gold data absent")
    first = next(read_gold(GOLD))
    assert first.source_span is not None
    start, end = first.source_span
    assert first.sentence[start:end].strip()
    assert first.gold_type


@pytest.mark.slow
def test_plover_scores_stay_above_floors(nlp, lexicon, codebook):
    if not GOLD.exists():
        pytest.skip("gold data absent")
    floors = json.loads(BASELINE.read_text())

    def coder(doc, article):
        actors = np_actors(doc)
        return code_events(doc, article, actors, lexicon, codebook, index=SpanIndex(actors))

    scores = evaluate_events(GOLD, nlp, coder)
    report = format_event_scores(scores)
    assert scores.sentences == floors["sentences"], report
    assert scores.f1 >= floors["plover_f1"], report
    assert scores.actor_agreement >= floors["actor_agreement"], report
    assert scores.dyad_f1 >= floors["dyad_f1"], report
