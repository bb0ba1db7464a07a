"""Dev script: score the coder on PLV_train with the test actor finder; print misses by type.

Run: .venv/bin/python tests/events/dev_eval.py [GOLD] [--misses TYPE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from eventwire.evaluate.events import evaluate_events, format_event_scores
from eventwire.events import Codebook, Lexicon, code_events
from eventwire.events.arguments import SpanIndex
from eventwire.nlp import load_nlp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import np_actors  # noqa: E402

GOLD = Path(__file__).resolve().parents[2].parent / "shared/gold/events/PLV_train.tsv"


def _code(doc, art, lexicon, codebook):
    actors = np_actors(doc)
    return code_events(doc, art, actors, lexicon, codebook, index=SpanIndex(actors))


def main(argv: list[str]) -> None:
    gold = Path(argv[0]) if argv and not argv[0].startswith("--") else GOLD
    show = argv[argv.index("--misses") + 1] if "--misses" in argv else None
    nlp, lexicon, codebook = load_nlp(), Lexicon.load(), Codebook.load()
    scores = evaluate_events(gold, nlp, lambda doc, art: _code(doc, art, lexicon, codebook))
    print(format_event_scores(scores))
    for gold_type, ours, sentence in scores.misses:
        if show in (gold_type, "ALL"):
            print(f"{gold_type:9} {ours:9} {sentence[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
