"""The actors that the acceptance case (shared/seed/expected.json) lists, found in the seed text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEED = SHARED / "seed"


@pytest.fixture(scope="module")
def seed_actors(actors_of):
    if not (SEED / "expected.json").is_file():
        pytest.skip("shared/seed is not beside the repository")
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    raw = (SEED / "seed-article.txt").read_text(encoding="utf-8")
    body = raw.split("\n", 1)[1]  # the first line is "date YYYY-MM-DD headline"
    published = date.fromisoformat(expected["article"]["published"])
    return expected["actors"], actors_of(body, published)


def test_every_expected_actor_is_found_with_its_code(seed_actors) -> None:
    expected, found = seed_actors
    missing = []
    for want in expected:
        hits = [
            a
            for a in found
            if a.text == want["text"]
            and a.code == want["code"]
            and ("name" not in want or a.name == want["name"])
        ]
        if not hits:
            missing.append(want["text"])
    assert not missing


def test_seed_people_carry_canonical_names_and_roles(seed_actors) -> None:
    _, found = seed_actors
    people = {a.text: a for a in found if a.kind == "person"}
    assert people["Sergei Lavrov"].name == "Sergey Lavrov"
    assert people["Recep Tayyip Erdogan"].role == "President of Turkey"
    assert people["Sedat Onal"].role == "Deputy Foreign Minister"


def test_locative_capital_is_not_an_actor_in_the_seed(seed_actors) -> None:
    _, found = seed_actors
    assert not [a for a in found if a.text in {"MOSCOW", "Istanbul"}]
