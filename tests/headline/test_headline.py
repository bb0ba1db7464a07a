"""The headline check: claims the body backs, talks of, or never says (the seed's "Turkey loses
control of both"); each claim says why."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.headline import MENTIONED, NOT_SUPPORTED, SUPPORTED, UNCHECKED, check_headline
from eventwire.readers import read_inputs
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT.parent / "shared" / "seed" / "seed-article.txt"


def article(title: str, text: str) -> Article:
    return Article(
        id="a1", source=None, url=None, published=date(2024, 6, 4), title=title, text=text
    )


@pytest.fixture(scope="module")
def seed_claims(coder) -> list:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside the repository")
    (seed,) = list(read_inputs([str(SEED)]))
    return check_headline(seed, coder)


def test_the_seed_headline_claim_of_lost_control_is_not_supported(seed_claims) -> None:
    lost = [c for c in seed_claims if "loses control" in c.text]
    assert len(lost) == 1 and lost[0].status == NOT_SUPPORTED
    assert lost[0].text.startswith("Turkey") and lost[0].sides == ("TUR",)
    assert "'lose'" in lost[0].reason and not lost[0].evidence


def test_the_seed_headline_talks_are_supported_by_body_events(seed_claims) -> None:
    talks = [c for c in seed_claims if "discuss" in c.text]
    assert len(talks) == 1 and talks[0].status == SUPPORTED
    assert "CONSULT" in talks[0].reason and talks[0].evidence  # ids of the body's events


def test_a_reported_accusation_is_supported(coder) -> None:
    claims = check_headline(
        article(
            "Kenya accuses Somalia of border raid",
            "Kenya on Monday accused Somalia of a raid on a police post near Mandera.",
        ),
        coder,
    )
    assert [(c.status, c.codes) for c in claims] == [(SUPPORTED, ("112",))]


def test_a_threat_the_body_never_makes_is_not_supported(coder) -> None:
    claims = check_headline(
        article(
            "Egypt threatens war over Nile dam",
            "Egypt's foreign minister criticised Ethiopia on Tuesday for filling the reservoir "
            "without an agreement.",
        ),
        coder,
    )
    assert [c.status for c in claims] == [NOT_SUPPORTED]
    assert "THREATEN" in claims[0].reason


def test_a_claim_told_in_other_words_is_mentioned(coder) -> None:
    claims = check_headline(
        article(
            "Chile weighs copper royalty",
            "The Chilean government is studying a royalty on copper, officials said.\n\n"
            "Chile's finance ministry said the copper royalty would not be decided this year.",
        ),
        coder,
    )
    assert [c.status for c in claims] == [MENTIONED]
    assert claims[0].evidence and "royalty" in claims[0].reason


def test_a_claim_without_an_actor_is_unchecked_and_no_title_no_claims(coder) -> None:
    claims = check_headline(article("Prices rise again", "Prices rose again in May."), coder)
    assert [c.status for c in claims] == [UNCHECKED]
    assert check_headline(article("", "Kenya accused Somalia of a raid."), coder) == []


def test_cli_prints_each_claim_with_its_reason() -> None:
    if not SEED.exists():
        pytest.skip("the shared seed article is not beside the repository")
    run = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "headline", str(SEED), "--format", "jsonl"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert {r["status"] for r in rows} == {SUPPORTED, NOT_SUPPORTED}
    assert all(r["reason"] and r["article_id"] for r in rows)
