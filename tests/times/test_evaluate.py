"""The TimeML reader and the TempEval-3 matching of the scorer, on a small file of our own."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.evaluate.times import (
    TimeMLError,
    evaluate_times,
    format_time_scores,
    match_times,
    read_tml,
)
from eventwire.records import TimeRef

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2004-03-10" functionInDocument="CREATION_TIME">
20040310</TIMEX3></DCT>
<TEXT>Envoys <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2004-03-08">Monday\
</TIMEX3> &amp; will meet again <TIMEX3 tid="t2" type="DATE" value="2004-W12">next week</TIMEX3>\
 for <TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>.</TEXT>
</TimeML>
"""


def _write(tmp_path: Path, text: str = TML) -> Path:
    path = tmp_path / "doc1.tml"
    path.write_text(text, "utf-8")
    return path


def test_read_tml_offsets(tmp_path: Path) -> None:
    doc = read_tml(_write(tmp_path))
    assert doc.dct == date(2004, 3, 10)
    assert doc.text == "Envoys met Monday & will meet again next week for two days."
    assert [(t.text, doc.text[t.start : t.end]) for t in doc.times] == [
        ("Monday", "Monday"),
        ("next week", "next week"),
        ("two days", "two days"),
    ]
    assert doc.times[2].type == "DURATION"


def test_bad_tml_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(TimeMLError, match="not well-formed"):
        read_tml(_write(tmp_path, "<TimeML><TEXT>x</TimeML>"))
    with pytest.raises(TimeMLError, match="no <DCT>"):
        read_tml(_write(tmp_path, "<TimeML><TEXT>x</TEXT></TimeML>"))


def test_match_strict_and_relaxed() -> None:
    gold = [TimeRef("next week", 10, 19, "DATE", "2004-W12")]
    system = [TimeRef("week", 15, 19, "DATE", "2004-W12"), TimeRef("x", 30, 31, "DATE", "1")]
    assert len(match_times(gold, system, strict=False)) == 1
    assert match_times(gold, system, strict=True) == []


def test_evaluate_small_dir(tmp_path: Path, nlp: Language) -> None:
    _write(tmp_path)
    scores = evaluate_times(tmp_path, nlp)
    assert (scores.documents, scores.gold) == (1, 3)
    assert scores.relaxed_recall == 1.0
    assert scores.value_f1 == pytest.approx(scores.relaxed_f1 * scores.value_accuracy)
    assert "value F1" in format_time_scores(scores)


def test_disagreements_name_each_kind(tmp_path: Path, nlp: Language) -> None:
    # gold says "Monday" is the 1st (wrong on purpose) and leaves "two days" out
    text = TML.replace('value="2004-03-08"', 'value="2004-03-01"').replace(
        '<TIMEX3 tid="t3" type="DURATION" value="P2D">two days</TIMEX3>', "two days"
    )
    text = text.replace("for two days.", "for two days, starting on the Ides.")
    text = text.replace(
        "the Ides", '<TIMEX3 tid="t4" type="DATE" value="2004-03-15">the Ides</TIMEX3>'
    )
    _write(tmp_path, text)
    found = []
    evaluate_times(tmp_path, nlp, found)
    kinds = {(d.kind, (d.gold or d.system).text) for d in found}
    assert kinds == {("value", "Monday"), ("spurious", "two days"), ("missed", "the Ides")}
    value = next(d for d in found if d.kind == "value")
    assert (value.gold.value, value.system.value) == ("2004-03-01", "2004-03-08")
    assert "[[Monday]]" in value.context and value.document == "doc1"
