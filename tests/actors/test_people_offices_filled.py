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
        ("CAN", "opposition_leader", date(2005, 1, 1), "Stephen Harper"),
        ("AUS", "opposition_leader", date(1987, 3, 1), "John Howard"),
        ("GBR", "defence_minister", date(1987, 3, 1), "George Younger"),
        ("FRA", "head_of_government", date(1987, 3, 1), "Jacques Chirac"),
        ("JPN", "head_of_government", date(1990, 1, 1), "Toshiki Kaifu"),
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


@pytest.mark.parametrize(
    ("text", "day", "code", "name"),
    [
        ("Finance Minister Kiichi Miyazawa said the yen was too strong.", date(1987, 3, 1),
         "JPNGOV", "Kiichi Miyazawa"),
        ("Chancellor Gordon Brown said the economy was growing.", date(2005, 1, 1), "GBRGOV",
         "Gordon Brown"),
        ("Brazilian Finance Minister Dilson Funaro met bankers.", date(1987, 2, 20), "BRAGOV",
         "Dilson Funaro"),
        ("Sourrouille said talks would resume.", date(1987, 3, 1), "ARGGOV",
         "Juan Vital Sourrouille"),
        ("Miguel Mancera Aguayo said rates would fall.", date(1987, 3, 1), "MEXGOV",
         "Miguel Mancera Aguayo"),
        ("Agriculture Secretary Richard Lyng spoke.", date(1987, 3, 1), "USAGOV", "Richard Lyng"),
        ("Deputy U.S. Trade Representative Michael Smith spoke.", date(1987, 3, 1), "USAGOV",
         "Michael Smith"),
    ],
)  # fmt: skip
def test_economic_office_holders_are_coded_by_date(
    actors_of, text: str, day: date, code: str, name: str
) -> None:
    found = [a for a in actors_of(text, day) if a.kind == "person"]
    assert (found[0].code, found[0].name) == (code, name)


@pytest.mark.parametrize(
    ("text", "day", "name"),
    [
        ("The Japanese finance minister spoke.", date(1987, 3, 1), "Kiichi Miyazawa"),
        ("The Japanese finance minister spoke.", date(2015, 3, 1), "Taro Aso"),
        ("The Japanese central bank governor spoke.", date(2000, 3, 1), "Masaru Hayami"),
        ("The U.S. trade representative spoke.", date(2019, 3, 1), "Robert Lighthizer"),
        ("The Canadian agriculture minister spoke.", date(2000, 3, 1), "Lyle Vanclief"),
    ],
)
def test_a_country_and_an_economic_title_name_the_holder_of_the_day(
    actors_of, text: str, day: date, name: str
) -> None:
    found = [a for a in actors_of(text, day) if a.kind == "person"]
    assert found[0].name == name and found[0].code.endswith("GOV")


def test_the_german_chancellor_is_still_the_head_of_government(actors_of) -> None:
    found = [a for a in actors_of("The German chancellor spoke.", date(1987, 3, 1))]
    assert (found[0].name, found[0].code) == ("Helmut Kohl", "DEUGOV")
