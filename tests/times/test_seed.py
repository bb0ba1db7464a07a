"""The seed article's five time expressions (shared/seed/expected.json), found in its text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.times import find_times

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed"


def _seed() -> tuple[str, date, list[dict]]:
    if not SEED.exists():
        pytest.skip("shared/seed is not beside the repository")
    header, body = (SEED / "seed-article.txt").read_text("utf-8").split("\n", 1)
    expected = json.loads((SEED / "expected.json").read_text("utf-8"))
    published = date.fromisoformat(expected["article"]["published"])
    assert header.strip().startswith("date " + published.isoformat())
    return body, published, expected["times"]


@pytest.mark.parametrize("with_doc", [True, False])
def test_seed_times(nlp: Language, with_doc: bool) -> None:
    body, published, wanted = _seed()
    times = find_times(body, published, nlp(body) if with_doc else None)
    for item in wanted:
        hits = [t for t in times if t.text == item["text"]]
        assert hits, f"{item['text']!r} not found"
        assert all(t.value == item["value"] for t in hits), (item, hits)
    for time in times:
        assert body[time.start : time.end] == time.text


def test_seed_event_dates_by_attachment(nlp: Language) -> None:
    from eventwire.times import time_for_trigger

    body, published, _ = _seed()
    doc = nlp(body)
    times = find_times(body, published, doc)
    wanted = [
        ("spoke", "2019-12-23"),
        ("arrived", "2019-12-23"),
        ("launched", "2019-12-19"),
        ("signed", "2019-11"),
        ("held", "2020-01-08"),
        ("announced", "2019-12-22"),
    ]
    for word, value in wanted:
        # the last sentence using the word: "announced" also closes the second paragraph
        token = [t for t in doc if t.text == word][-1]
        time = time_for_trigger(doc, token.i, times)
        assert time is not None and time.value == value, (word, time)
