"""The events scorer's list of wrongly coded sentences, on a small gold file written here."""

from __future__ import annotations

from pathlib import Path

from eventwire.evaluate.events import evaluate_events
from eventwire.events import code_events
from eventwire.events.arguments import SpanIndex

from .helpers import np_actors

ROWS = [
    # an attack marked with the attacker as source: a hit, nothing to report
    ("Rebels attacked the army base.", "<s>Rebels</s> attacked <t>the army base</t>.", "ASSAULT"),
    # the same sentence with the sides swapped in the gold: right type, wrong source
    ("Rebels attacked the army base.", "<t>Rebels</t> attacked <s>the army base</s>.", "ASSAULT"),
    # a gold type the sentence does not express: missed
    ("The minister praised the police.", "<s>The minister</s> praised <t>the police</t>.", "AID"),
]


def write_gold(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    """A PLV-layout gold file of these (sentence, marked sentence, type) rows."""
    gold = folder / "plv.tsv"
    lines = ["sentence\tmarked_sentence\tgold_root"] + ["\t".join(r) for r in rows]
    gold.write_text("\n".join(lines) + "\n", "utf-8")
    return gold


def stage_coder(lexicon, codebook):  # noqa: ANN001, ANN201 - the events stage on noun-phrase actors
    def coder(doc, article):  # noqa: ANN001, ANN202
        actors = np_actors(doc)
        return code_events(doc, article, actors, lexicon, codebook, index=SpanIndex(actors))

    return coder


def test_errors_name_missed_and_wrong_source(tmp_path: Path, nlp, lexicon, codebook) -> None:
    errors: list = []
    scores = evaluate_events(
        write_gold(tmp_path, ROWS), nlp, stage_coder(lexicon, codebook), errors
    )
    assert scores.hits == 2
    assert [(e.index, e.kind) for e in errors] == [(1, "source"), (2, "missed")]
    assert scores.dyad_hits == 1  # only the first row has type, source and target right
    missed = errors[1]
    assert missed.gold_type == "AID" and missed.events  # what was emitted instead, explained
    assert all(e.evidence.rule for e in missed.events)


def test_dyad_spans_match_by_content_words() -> None:
    from eventwire.evaluate.events import spans_match

    assert spans_match("U.S.", "a U.S. Supreme Court decision")  # one contains the other
    assert spans_match("Iranian Foreign Minister Zarif", "Zarif")
    assert spans_match("the Kremlin's", "Kremlin")
    assert not spans_match("Iran", "Iraq")
    assert not spans_match("the", "the army")  # no content word: never a match


def test_a_dyad_needs_the_marked_target_unless_gold_leaves_it_empty(
    tmp_path: Path, nlp, lexicon, codebook
) -> None:
    rows = [
        # the right type and source, but the gold target is not the base that was attacked
        (
            "Rebels attacked the army base after the collapse of talks with the government.",
            "<s>Rebels</s> attacked the army base after the collapse of talks with "
            "<t>the government</t>.",
            "ASSAULT",
        ),
        # no target marked: any target will do
        ("Rebels attacked the army base.", "<s>Rebels</s> attacked the army base.", "ASSAULT"),
    ]
    errors: list = []
    scores = evaluate_events(
        write_gold(tmp_path, rows), nlp, stage_coder(lexicon, codebook), errors
    )
    assert (scores.hits, scores.dyad_hits) == (2, 1)
    assert [(e.index, e.kind, e.gold_target) for e in errors] == [(0, "target", "the government")]
