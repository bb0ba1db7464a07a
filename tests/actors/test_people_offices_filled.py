"""Offices whose holders were filled in from public records resolve to the holder of the day."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorDictionary


@pytest.mark.parametrize(
    ("country", "office", "day", "name"),
    [
        ("JOR", "defence_minister", date(2015, 1, 1), "Abdullah Ensour"),
        ("UKR", "defence_minister", date(2003, 12, 1), "Yevhen Marchuk"),
        ("IRN", "interior_minister", date(2008, 9, 1), "Ali Kordan"),
        ("KOR", "defence_minister", date(2005, 1, 1), "Yoon Kwang-ung"),
        ("COD", "foreign_minister", date(2022, 1, 1), "Christophe Lutundula"),
        ("SDN", "foreign_minister", date(2021, 5, 1), "Mariam al-Sadiq al-Mahdi"),
    ],
)
def test_holder_on_a_day(
    dictionary: ActorDictionary, country: str, office: str, day: date, name: str
) -> None:
    held = dictionary.holder(country, office, day)
    assert held is not None and held[1].name == name


def test_a_minister_who_changed_portfolios_is_coded_by_the_office_of_the_day(actors_of) -> None:
    """Lebanon's Mahmoud Hammoud was foreign minister, then defence minister, then foreign
    minister again: the same name is GOV or MIL by date."""

    def coded(day: date) -> tuple[str, str | None]:
        found = [a for a in actors_of("Mahmoud Hammoud said on Monday.", day)]
        return found[0].code, found[0].role

    assert coded(date(2002, 1, 1)) == ("LBNGOV", "Minister of Foreign Affairs of Lebanon")
    assert coded(date(2004, 1, 1)) == ("LBNMIL", "Minister of Defence of Lebanon")
    assert coded(date(2005, 1, 1)) == ("LBNGOV", "Minister of Foreign Affairs of Lebanon")


def test_a_jordanian_prime_minister_outranks_his_own_defence_portfolio(actors_of) -> None:
    found = [a for a in actors_of("Bisher Al-Khasawneh spoke.", date(2022, 1, 1))]
    assert (found[0].code, found[0].role) == ("JORGOV", "Prime Minister of Jordan")
