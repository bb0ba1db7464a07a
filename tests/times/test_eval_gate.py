"""The eval gate: value F1 and relaxed span F1 on TimeBank and AQUAINT stay above pinned floors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.evaluate.times import evaluate_times

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
BASELINE = json.loads((Path(__file__).parent / "baseline.json").read_text("utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["TimeBank", "AQUAINT"])
def test_times_stay_above_floor(nlp: Language, corpus: str) -> None:
    gold = SHARED / "gold" / "timeml" / corpus
    if not gold.is_dir():
        pytest.skip(f"{gold} is not there")
    scores = evaluate_times(gold, nlp)
    floor = BASELINE[corpus]
    assert scores.value_f1 >= floor["value_f1"], scores
    assert scores.relaxed_f1 >= floor["relaxed_f1"], scores
