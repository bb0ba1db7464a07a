"""User dictionaries: PETRARCH/TABARI actor and agent files, and eventwire's own TSV tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.actors import ActorDictionary, DictionaryError
from eventwire.records import Actor

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def user_dictionary() -> ActorDictionary:
    return ActorDictionary.load(
        [
            FIXTURES / "test.actors",
            FIXTURES / "test.agents",
            FIXTURES / "user_people.tsv",
            FIXTURES / "user_agents.tsv",
        ]
    )


def by_text(actors: list[Actor]) -> dict[str, Actor]:
    return {a.text: a for a in actors}


def test_petrarch_dated_codes_and_synonyms(actors_of, user_dictionary) -> None:
    text = "John Quincey Adamson met J. Q. Adamson's aides."
    during = by_text(actors_of(text, date(2012, 6, 1), user_dictionary))
    assert during["John Quincey Adamson"].code == "USAGOV"
    assert during["J. Q. Adamson"].name == "John Quincey Adamson"
    after = by_text(actors_of("John Adamson spoke.", date(2016, 6, 1), user_dictionary))
    assert after["John Adamson"].code == "USAELI"


def test_petrarch_undated_code_is_the_default(actors_of, user_dictionary) -> None:
    before = by_text(actors_of("John Adamson spoke.", date(2005, 6, 1), user_dictionary))
    assert before["John Adamson"].code == "USABUS"


def test_petrarch_yymmdd_dates(actors_of, user_dictionary) -> None:
    found = by_text(actors_of("Marta Kovalska resigned.", date(1995, 1, 1), user_dictionary))
    assert found["Marta Kovalska"].code == "POLGOV"


def test_petrarch_group_and_country_word(actors_of, user_dictionary) -> None:
    found = by_text(actors_of("The GVF attacked Zaravian troops.", using=user_dictionary))
    assert found["GVF"].code == "SYRREB"
    assert found["Zaravian troops"].code == "ARMMIL"


def test_petrarch_agents_with_plurals(actors_of, user_dictionary) -> None:
    found = by_text(
        actors_of("Egyptian harbour masters and Greek fishermen protested.", using=user_dictionary)
    )
    assert found["Egyptian harbour masters"].code == "EGYGOV"
    assert found["Greek fishermen"].code == "GRCCVL"


def test_user_entry_overrides_ours(actors_of, dictionary, user_dictionary) -> None:
    assert by_text(actors_of("Reuters reported it."))["Reuters"].code == "GBRMED"
    assert (
        by_text(actors_of("Reuters reported it.", using=user_dictionary))["Reuters"].code
        == "GBRBUS"
    )


def test_user_people_table_feeds_office_holders(actors_of, user_dictionary) -> None:
    text = "The Turkish foreign minister landed."
    found = by_text(actors_of(text, date(2031, 5, 1), user_dictionary))
    assert found["Turkish foreign minister"].name == "Arda Kestane"
    assert by_text(actors_of("Kestane landed.", date(2031, 5, 1), user_dictionary))["Kestane"]


def test_user_agent_table(actors_of, user_dictionary) -> None:
    found = by_text(
        actors_of("Norwegian lighthouse keepers went on strike.", using=user_dictionary)
    )
    assert found["Norwegian lighthouse keepers"].code == "NORCVL"


def test_broken_petrarch_file_is_a_clear_error() -> None:
    with pytest.raises(DictionaryError) as error:
        ActorDictionary.load([FIXTURES / "broken.actors"])
    assert "broken.actors:1" in str(error.value)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="no such dictionary file"):
        ActorDictionary.load([tmp_path / "nothing.actors"])


def test_bad_date_in_a_user_table_is_a_clear_error(tmp_path: Path) -> None:
    table = tmp_path / "people.tsv"
    table.write_text("name\tcode\tstart\nAn Person\tTURGOV\t2019-13-45\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad date"):
        ActorDictionary.load([table])
