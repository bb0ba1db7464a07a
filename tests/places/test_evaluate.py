"""The places scorer on a tiny gold file written here (both layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.evaluate.places import (
    GoldFormatError,
    evaluate_places,
    format_place_scores,
    km_between,
    read_gold,
)
from eventwire.places import Gazetteer

LGL_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1">
<text><![CDATA[Flooding closed roads in Damascus and Qwertyville.]]></text>
<toponyms>
<toponym><start>25</start><end>33</end><phrase>Damascus</phrase>
<gaztag geonameid="170654"><lat>33.5102</lat><lon>36.29128</lon></gaztag></toponym>
<toponym><start>38</start><end>49</end><phrase>Qwertyville</phrase>
<gaztag geonameid="1"><lat>0</lat><lon>0</lon></gaztag></toponym>
<toponym><start>0</start><end>8</end><phrase>Flooding</phrase></toponym>
</toponyms></article></articles>"""

GEOVIRUS_LIKE = """<articles><article><source>x</source>
<text>Cholera spread in Haiti.</text><locations><location><name>Haiti</name>
<start>18</start><end>23</end><lat>19</lat><lon>-72.4</lon><page>p</page></location>
</locations></article></articles>"""


def test_lgl_layout_scores(tmp_path: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    gold = tmp_path / "lgl.xml"
    gold.write_text(LGL_LIKE, encoding="utf-8")
    assert len(read_gold(gold)[0].toponyms) == 2  # the one without coordinates is left out
    scores = evaluate_places(gold, nlp, gazetteer)
    assert scores.toponyms == 2 and scores.found == 1
    assert scores.recall == 0.5 and scores.accuracy_161km == 1.0 and scores.exact_id == 1.0
    assert scores.end_to_end_161km == 0.5
    assert "toponym recall" in format_place_scores(scores)


def test_geovirus_layout_scores(tmp_path: Path, nlp: Language, gazetteer: Gazetteer) -> None:
    gold = tmp_path / "gv.xml"
    gold.write_text(GEOVIRUS_LIKE, encoding="utf-8")
    scores = evaluate_places(gold, nlp, gazetteer)
    assert scores.recall == 1.0 and scores.exact_id is None


def test_bad_gold_is_a_typed_error(tmp_path: Path) -> None:
    gold = tmp_path / "bad.xml"
    gold.write_text("<nothing/>", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        read_gold(gold)


def test_distance() -> None:
    assert km_between(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)


def test_disagreements_list_missed_and_far(
    tmp_path: Path, nlp: Language, gazetteer: Gazetteer
) -> None:
    # Damascus placed on the wrong continent by the gold file: ours is "far"; Qwertyville missed
    gold = tmp_path / "lgl.xml"
    gold.write_text(LGL_LIKE.replace("<lat>33.5102</lat>", "<lat>-33.5102</lat>"), "utf-8")
    errors: list = []
    evaluate_places(gold, nlp, gazetteer, errors)
    assert sorted((e.kind, e.gold.text) for e in errors) == [
        ("far", "Damascus"),
        ("missed", "Qwertyville"),
    ]
    far = next(e for e in errors if e.kind == "far")
    assert far.km is not None and far.km > 161 and "[[Damascus]]" in far.context


def test_precision_counts_places_found_outside_the_gold(
    tmp_path: Path, nlp: Language, gazetteer: Gazetteer
) -> None:
    # Homs is found but not annotated: one of the two places found is on a gold toponym
    gold = tmp_path / "lgl.xml"
    gold.write_text(
        LGL_LIKE.replace("Qwertyville.]]", "Qwertyville. Aid came from Homs.]]"), encoding="utf-8"
    )
    scores = evaluate_places(gold, nlp, gazetteer)
    assert scores.predicted == 2 and scores.predicted_on_gold == 1
    assert scores.precision == 0.5
    assert "precision (on gold):       0.500" in format_place_scores(scores)


def test_gold_articles_keep_their_site(tmp_path: Path) -> None:
    lgl = tmp_path / "lgl.xml"
    lgl.write_text(LGL_LIKE.replace("<text>", "<domain>www.towntalk.com</domain><text>"), "utf-8")
    assert read_gold(lgl)[0].source == "towntalk.com"
    virus = tmp_path / "gv.xml"
    virus.write_text(
        GEOVIRUS_LIKE.replace("<source>x</source>", "<source>https://news.example.org/a</source>"),
        "utf-8",
    )
    assert read_gold(virus)[0].source == "news.example.org"
