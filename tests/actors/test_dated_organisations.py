"""Organisations whose code changes with the date (organisations.tsv `start`/`end` columns)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorDictionary, DictionaryError
from eventwire.actors.entries import ActorEntry


def codes(actors_of, text: str, day: date) -> dict[str, str]:
    return {a.text: a.code for a in actors_of(text, day)}


def test_the_taliban_are_insurgents_before_the_fall_of_kabul(actors_of) -> None:
    assert codes(actors_of, "The Taliban attacked a checkpoint.", date(2019, 6, 1))["Taliban"] == (
        "AFGREB"
    )


def test_the_taliban_are_the_government_after_the_fall_of_kabul(actors_of) -> None:
    assert codes(actors_of, "The Taliban closed the schools.", date(2023, 3, 1))["Taliban"] == (
        "AFGGOV"
    )


def test_the_taliban_change_code_on_the_day_kabul_fell(dictionary: ActorDictionary) -> None:
    entry = dictionary.longest(["taliban"], ["Taliban"], 0)[1][0].entry
    assert isinstance(entry, ActorEntry)
    assert entry.at(date(2021, 8, 14)).code == "AFGREB"
    assert entry.at(date(2021, 8, 15)).code == "AFGGOV"


def test_the_taliban_leader_follows_the_same_convention(actors_of) -> None:
    before = codes(actors_of, "Hibatullah Akhundzada issued a decree.", date(2019, 6, 1))
    after = codes(actors_of, "Hibatullah Akhundzada issued a decree.", date(2023, 6, 1))
    assert before["Hibatullah Akhundzada"] == "AFGREB"
    assert after["Hibatullah Akhundzada"] == "AFGGOV"


def test_hts_is_the_government_after_damascus_fell(actors_of) -> None:
    text = "Hayat Tahrir al-Sham fighters entered the city."
    before = {a.name: a.code for a in actors_of(text, date(2020, 1, 1))}
    after = {a.name: a.code for a in actors_of(text, date(2025, 3, 1))}
    assert before["Hayat Tahrir al-Sham"].startswith("SYRREB")
    assert after["Hayat Tahrir al-Sham"].startswith("SYRGOV")


def test_undated_organisations_keep_one_code(actors_of) -> None:
    for day in (date(1990, 1, 1), date(2024, 1, 1)):
        assert codes(actors_of, "NATO met in Brussels.", day)["NATO"] == "IGOWSTNAT"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "orgs.tsv"
    path.write_text("code\tcountry\tagent\tkind\tname\tvariants\tstart\tend\n" + body)
    return path


def test_a_user_organisation_table_may_carry_dates(actors_of, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ZWEREB\tZWE\tREB\tgroup\tHarbour Front\t\t\t2030-01-01\n"
        "ZWEGOV\tZWE\tGOV\tgroup\tHarbour Front\t\t2030-01-02\t\n",
    )
    mine = ActorDictionary.load([path])
    text = "The Harbour Front spoke."
    assert {a.text: a.code for a in actors_of(text, date(2029, 1, 1), mine)}["Harbour Front"] == (
        "ZWEREB"
    )
    assert {a.text: a.code for a in actors_of(text, date(2031, 1, 1), mine)}["Harbour Front"] == (
        "ZWEGOV"
    )


def test_overlapping_dates_of_one_organisation_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ZWEREB\tZWE\tREB\tgroup\tHarbour Front\t\t\t2030-01-01\n"
        "ZWEGOV\tZWE\tGOV\tgroup\tHarbour Front\t\t2029-01-01\t\n",
    )
    with pytest.raises(DictionaryError, match="two codes on the same dates"):
        ActorDictionary.load([path])


def test_a_bad_organisation_date_says_where(tmp_path: Path) -> None:
    path = write(tmp_path, "ZWEREB\tZWE\tREB\tgroup\tHarbour Front\t\t2030\t\n")
    with pytest.raises(DictionaryError, match=r"orgs.tsv:2: bad date"):
        ActorDictionary.load([path])
