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
    assert by_text(actors_of("Reuters published it."))["Reuters"].code == "GBRMED"
    assert (
        by_text(actors_of("Reuters published it.", using=user_dictionary))["Reuters"].code
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


def test_broken_petrarch_file_loses_only_its_entry() -> None:
    loaded = ActorDictionary.load([FIXTURES / "broken.actors", FIXTURES / "test.actors"])
    (slip,) = loaded.report.slips
    assert slip.path.endswith("broken.actors") and slip.line == 1
    assert slip.cost == "line skipped" and "phrase" in slip.fix
    assert loaded.report.skipped == 1 and loaded.report.entries == 5
    assert "1 entry skipped, 1 warning" in loaded.report.summary()


def test_strict_makes_a_slip_an_error() -> None:
    with pytest.raises(DictionaryError) as error:
        ActorDictionary.load([FIXTURES / "broken.actors"], strict=True)
    assert "broken.actors:1" in str(error.value)


@pytest.fixture(scope="module")
def validation() -> ActorDictionary:
    return ActorDictionary.load([FIXTURES / "validation.actors", FIXTURES / "validation.agents"])


def test_validation_layout_reads_whole(validation) -> None:
    report = validation.report
    assert [f.entries for f in report.files] == [6, 4]
    # the only slip: a date with neither < nor >, read as "from that day"
    assert [(s.line, s.cost) for s in report.slips] == [(20, "read as from that day")]


def test_dated_codes_follow_the_article_date(actors_of, validation) -> None:
    def code_on(day: date) -> str:
        return by_text(actors_of("Zebulon Kraal spoke.", day, validation))["Zebulon Kraal"].code

    assert code_on(date(1992, 3, 14)) == "USAELI"
    assert code_on(date(1992, 3, 15)) == "USAGOV"
    assert code_on(date(1999, 6, 30)) == "USAGOV"
    assert code_on(date(1999, 7, 1)) == "USAELI"  # the undated code after the dated ones


def test_known_phrase_without_code_blocks_shorter_matches(actors_of, validation) -> None:
    text = "Zebulon Kraal spoke at the Kraal Institute on Monday."
    found = actors_of(text, date(1995, 1, 1), validation)
    assert [a.text for a in found] == ["Zebulon Kraal"]  # no "Kraal" inside the institute


def test_undated_no_code_means_no_actor_outside_the_dates(actors_of, validation) -> None:
    during = by_text(actors_of("Orrin Vask resigned.", date(1997, 1, 1), validation))
    assert during["Orrin Vask"].code == "RUSGOV"
    assert actors_of("Orrin Vask resigned.", date(2005, 1, 1), validation) == []


def test_base_lines_without_code_take_the_next_code(actors_of, validation) -> None:
    found = by_text(actors_of("Dr. Marta Vellin left Paris.", date(2010, 1, 1), validation))
    assert found["Marta Vellin"].code == "FRANGO"


def test_agents_with_sets_plurals_and_prefix(actors_of, validation) -> None:
    text = "Egyptian harbour pilots met German canal clerks and Syrian truce wardens."
    found = by_text(actors_of(text, date(2010, 1, 1), validation))
    assert found["Egyptian harbour pilots"].code == "EGYGOV"  # the plural PETRARCH makes
    assert found["German canal clerks"].code == "DEUBUS"  # from the !CLERK! set
    assert found["Syrian truce wardens"].code == "IGOSYR"  # `[IGO~]`: the agent goes first
    lamplighters = by_text(actors_of("Irish lamplighter strike.", using=validation))
    assert lamplighters["Irish lamplighter"].code == "IRLCVL"


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="no such dictionary file"):
        ActorDictionary.load([tmp_path / "nothing.actors"])


def test_bad_date_in_a_user_table_is_a_clear_error(tmp_path: Path) -> None:
    table = tmp_path / "people.tsv"
    table.write_text("name\tcode\tstart\nAn Person\tTURGOV\t2019-13-45\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="bad date"):
        ActorDictionary.load([table])
