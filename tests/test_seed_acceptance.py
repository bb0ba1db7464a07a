"""The acceptance case of the whole system: ../shared/seed/expected.json, through the CLI.

The matching follows the notes in expected.json: events match on the actors' countries, the
CAMEO root (and code where given), the date, the place where given, and roles may be swapped only
where the expected event is symmetric. Each expected event needs its own emitted event.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from cli_runner import eventwire

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")


def run_cli(*args: str) -> str:
    done = eventwire(*args, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return json.loads((SEED / "expected.json").read_text())


@pytest.fixture(scope="module")
def events() -> list[dict[str, Any]]:
    out = run_cli("code", str(SEED / "seed-article.txt"), "--format", "jsonl")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def country(actor: dict[str, Any] | None) -> str | None:
    if actor is None:
        return None
    return actor["country"] or actor["code"][:3]


def matches(exp: dict[str, Any], ev: dict[str, Any]) -> bool:
    pairs = [(country(ev["source"]), country(ev["target"]))]
    if exp.get("symmetric"):
        pairs.append(pairs[0][::-1])
    if not any(s in as_list(exp["source"]) and t in as_list(exp["target"]) for s, t in pairs):
        return False
    if ev["cameo_root"] not in as_list(exp["cameo_root"]):
        return False
    if "cameo" in exp and ev["cameo"] not in as_list(exp["cameo"]):
        return False
    if ev["date"] != exp["date"]:
        return False
    if "place" in exp and (ev["place"] or {}).get("geonameid") not in as_list(exp["place"]):
        return False
    return "modality" not in exp or ev["modality"] == exp["modality"]


def assign(expected_events: list[dict], events: list[dict]) -> dict[str, dict] | None:
    """Each expected event its own emitted event (a tiny exhaustive matching)."""
    options = [[i for i, ev in enumerate(events) if matches(e, ev)] for e in expected_events]
    for choice in itertools.product(*options):
        if len(set(choice)) == len(choice):
            return {e["id"]: events[i] for e, i in zip(expected_events, choice, strict=True)}
    return None


def test_every_expected_event_is_found_once(expected, events):
    wanted = expected["events"]
    for exp in wanted:
        assert any(matches(exp, ev) for ev in events), f"missing event {exp['id']}: {events}"
    found = assign(wanted, events)
    assert found is not None, "expected events must be distinct emitted events"
    assert found["call"]["mentions"] >= 2, "the phone call is reported in several sentences"


def test_events_carry_their_evidence(events):
    for ev in events:
        assert ev["sentence"] and ev["evidence"]["trigger"] and ev["evidence"]["rule"]
        assert 0 < ev["confidence"] <= 1
        assert ev["plover"]["type"]


def test_must_not(expected, events):
    title = expected["article"]["title"]
    assert all(ev["sentence"].strip() != title for ev in events), "the headline is not evidence"
    consults = [
        ev
        for ev in events
        if ev["cameo_root"] == "04"
        and {country(ev["source"]), country(ev["target"])}
        == {
            "RUS",
            "TUR",
        }
    ]
    # the call and the visit are two happenings; nothing else RUS-TUR 04 that day
    assert len([ev for ev in consults if ev["date"] == "2019-12-23"]) <= 2
    assert not [ev for ev in consults if ev["date"] == "2019-12-24"]
    assert not [
        ev
        for ev in events
        if ev["cameo_root"] == "04"
        and country(ev["source"])
        in (
            "SYR",
            "LBY",
        )
    ], "a place is never the acting side of the call or the visit"


def test_times(expected):
    out = run_cli("times", str(SEED / "seed-article.txt"), "--format", "jsonl")
    found = [json.loads(line) for line in out.splitlines()]
    for exp in expected["times"]:
        values = {t["value"] for t in found if t["text"] == exp["text"]}
        assert exp["value"] in values, f"{exp['text']}: {values}"


def test_places(expected):
    out = run_cli("places", str(SEED / "seed-article.txt"), "--format", "jsonl")
    found = [json.loads(line) for line in out.splitlines()]
    for exp in expected["places"]:
        ids = {p["geonameid"] for p in found if p["text"] == exp["text"]}
        assert ids & set(as_list(exp["geonameid"])), f"{exp['text']}: {ids}"
    text = (SEED / "seed-article.txt").read_text()
    body = text.split("\n", 1)[1].lstrip("\n")
    for place in found:  # offsets index the body after the header line
        assert body[place["start"] : place["end"]] == place["text"]


def test_actors(expected, coder):
    from eventwire.readers import read_inputs

    (article,) = list(read_inputs([str(SEED / "seed-article.txt")]))
    actors = coder.analyse(article).actors
    for exp in expected["actors"]:
        codes = {a.code for a in actors if a.text == exp["text"]}
        assert exp["code"] in codes, f"{exp['text']}: {codes}"
        if "name" in exp:
            names = {a.name for a in actors if a.text == exp["text"]}
            assert exp["name"] in names
