"""The PETRARCH2/Phoenix dictionaries as users have them (../shared/reference/petrarch): they
load alone and together, their slips are reported and cost only what they touch, and their
actors are coded by the article's date. Skipped when ../shared is not there."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cli_runner import eventwire
from eventwire.actors import ActorDictionary
from eventwire.records import Actor

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PHOENIX = SHARED / "reference" / "petrarch"
FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)
pytestmark = pytest.mark.skipif(
    not all((PHOENIX / f).exists() for f in FILES), reason="../shared/reference/petrarch absent"
)


@pytest.fixture(scope="module")
def phoenix() -> ActorDictionary:
    return ActorDictionary.load([PHOENIX / f for f in FILES])


def by_text(actors: list[Actor]) -> dict[str, Actor]:
    return {a.text: a for a in actors}


def test_all_four_load_with_their_slips_listed(phoenix) -> None:
    report = phoenix.report
    assert [Path(f.path).name for f in report.files] == list(FILES)
    assert sum(f.lines for f in report.files) > 67_000
    assert report.entries > 29_000 and report.skipped < 10
    slips = {(Path(s.path).name, s.line): s for s in report.slips}
    armenia = slips["Phoenix.Countries.actors.txt", 2039]  # [ARMUNR 9008223-911221]
    assert armenia.cost == "dated code skipped" and "9008223" in armenia.reason
    assert slips["Phoenix.agents.txt", 544].cost == "entry skipped"  # [~ENV}
    assert "entries read" in report.summary()


def test_each_file_loads_alone() -> None:
    for name in FILES:
        result = eventwire("actors", "check", str(PHOENIX / name), "--format", "json")
        assert result.returncode == 0, result.stderr
        (counts,) = json.loads(result.stdout)
        assert counts["entries"] > 1000 and counts["skipped"] <= 5, name


def test_check_reports_skipped_lines_and_strict_fails() -> None:
    countries = str(PHOENIX / FILES[0])
    result = eventwire("actors", "check", countries)
    assert result.returncode == 0
    assert "Phoenix.Countries.actors.txt:2039: bad date in [ARMUNR 9008223-911221]" in result.stdout
    assert "entries read" in result.stdout
    assert eventwire("actors", "check", countries, "--strict").returncode == 1


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(1990, 8, 3), "ARMELI"),
        (date(1990, 8, 4), "ARMGOV"),  # the hand-over day: the new code
        (date(1995, 6, 1), "ARMGOV"),
        (date(1998, 2, 3), "ARMGOV"),
        (date(1998, 2, 4), "ARMELI"),
    ],
)
def test_ter_petrosyan_by_date(actors_of, phoenix, day: date, code: str) -> None:
    found = by_text(actors_of("Levon Ter-Petrosyan spoke in Yerevan.", day, phoenix))
    assert found["Levon Ter-Petrosyan"].code == code


def test_agents_take_the_country_beside_them(actors_of, phoenix) -> None:
    text = "Nigerian police arrested Kenyan sharecroppers and Ghanaian cattlemen."
    found = by_text(actors_of(text, date(2010, 1, 1), phoenix))
    assert found["Nigerian police"].code == "NGACOP"
    assert found["Kenyan sharecroppers"].code == "KENAGR"  # only the Phoenix agents know it
    assert found["Ghanaian cattlemen"].code == "GHAAGR"  # CATTLE!PERSON!


def test_phoenix_entry_wins_over_ours_and_no_code_blocks(actors_of, dictionary, phoenix) -> None:
    text = "Hamas fighters clashed with police. Ahmed Darwish scored twice."
    ours = by_text(actors_of(text, date(2010, 1, 1), dictionary))
    theirs = by_text(actors_of(text, date(2010, 1, 1), phoenix))
    assert ours["Hamas fighters"].code == "PSEREB"
    assert theirs["Hamas fighters"].code == "PSEREBHMS"
    assert "Ahmed Darwish" in ours and "Ahmed Darwish" not in theirs  # [---]: the footballer


def test_code_with_all_four_on_a_1990s_article(tmp_path: Path) -> None:
    article = tmp_path / "yerevan.txt"
    article.write_text(
        "date 1995-06-01 Armenia accuses Azerbaijan\n"
        "YEREVAN - Levon Ter-Petrosyan accused Azerbaijan of shelling border villages.\n",
        encoding="utf-8",
    )
    actors = [arg for f in FILES for arg in ("--actors", str(PHOENIX / f))]
    result = eventwire("code", str(article), "--format", "jsonl", *actors)
    assert result.returncode == 0, result.stderr
    assert "entries read" in result.stderr and ":2039:" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    sources = {e["source"]["text"]: e["source"]["code"] for e in events if e["source"]}
    assert sources["Levon Ter-Petrosyan"] == "ARMGOV"
    strict = eventwire("code", str(article), "--strict", *actors)
    assert strict.returncode == 2 and "Phoenix.Countries.actors.txt:2039" in strict.stderr


def test_same_code_agent_keeps_our_office(actors_of, phoenix) -> None:
    # Phoenix's FOREIGN_!MINIST! [~GOV] says what ours says: ours keeps the office it knows
    found = by_text(actors_of("The Turkish foreign minister landed.", date(2019, 12, 24), phoenix))
    assert found["Turkish foreign minister"].name == "Mevlut Cavusoglu"
    assert phoenix.report.merged > phoenix.report.replaced > 0


def test_a_phoenix_only_igo_official_of_the_1990s(actors_of, dictionary, phoenix) -> None:
    text = "Boutros Boutros-Ghali urged both sides to stop the fighting."
    assert by_text(actors_of(text, date(1994, 5, 1), dictionary))["Boutros Boutros-Ghali"].code == (
        "UNK"
    )
    during = by_text(actors_of(text, date(1994, 5, 1), phoenix))["Boutros Boutros-Ghali"]
    assert (during.code, during.kind) == ("IGOUNO", "person")
    after = by_text(actors_of(text, date(1998, 5, 1), phoenix))["Boutros Boutros-Ghali"]
    assert after.code == "ELI"  # the entry's undated code once his dates are over
