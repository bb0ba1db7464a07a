"""The seed article's places (shared/seed/expected.json) are found with the expected ids."""

from __future__ import annotations

import json

import pytest
from spacy.language import Language

from eventwire.places import Gazetteer, find_places

from .conftest import SHARED


def test_seed_places(nlp: Language, gazetteer: Gazetteer) -> None:
    seed = SHARED / "seed"
    if not (seed / "expected.json").exists():
        pytest.skip("shared/seed is absent")
    expected = json.loads((seed / "expected.json").read_text(encoding="utf-8"))["places"]
    raw = (seed / "seed-article.txt").read_text(encoding="utf-8")
    body = raw.split("\n", 1)[1]  # the first line is "date YYYY-MM-DD headline"
    places = find_places(nlp(body), gazetteer)
    for item in expected:
        wanted = item["geonameid"] if isinstance(item["geonameid"], list) else [item["geonameid"]]
        got = {p.geonameid for p in places if p.text == item["text"]}
        assert got, f"{item['text']} not found"
        assert got <= set(wanted), f"{item['text']}: {got} not in {wanted}"
