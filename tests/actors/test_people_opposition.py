"""Opposition and party leaders, shadow ministers, devolved heads and the office holders of
the 1980s and 1990s: coded by the office of the day."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import ActorDictionary


def first(actors_of, text: str, day: date) -> tuple[str, str | None]:
    found = [a for a in actors_of(text, day) if a.kind == "person"][0]
    return found.code, found.name


@pytest.mark.parametrize(
    ("text", "day", "code", "name"),
    [
        ("Conservative leader Michael Howard said it would fail.", date(2005, 1, 1), "GBROPP",
         "Michael Howard"),
        ("Home Secretary Douglas Hurd said the police would act.", date(1987, 3, 1), "GBRGOV",
         "Douglas Hurd"),
        ("Prime Minister Anibal Cavaco Silva said Portugal would join.", date(1987, 3, 1),
         "PRTGOV", "Anibal Cavaco Silva"),
        ("Shadow chancellor Oliver Letwin attacked the budget.", date(2004, 3, 1), "GBROPP",
         "Oliver Letwin"),
        ("Jack McConnell welcomed the decision.", date(2004, 3, 1), "GBRGOV", "Jack McConnell"),
        ("Kinnock attacked the government.", date(1987, 3, 1), "GBROPP", "Neil Kinnock"),
        ("Zhao Ziyang met the envoy.", date(1987, 3, 1), "CHNGOV", "Zhao Ziyang"),
        ("Genscher met the envoy.", date(1987, 3, 1), "DEUGOV", "Hans-Dietrich Genscher"),
    ],
)  # fmt: skip
def test_named_holders_by_date(actors_of, text: str, day: date, code: str, name: str) -> None:
    assert first(actors_of, text, day) == (code, name)


def test_one_person_from_opposition_to_government(actors_of) -> None:
    """Tony Blair led the opposition before he was prime minister."""
    assert first(actors_of, "Tony Blair spoke.", date(1996, 1, 1)) == ("GBROPP", "Tony Blair")
    assert first(actors_of, "Tony Blair spoke.", date(1998, 1, 1)) == ("GBRGOV", "Tony Blair")


def test_the_opposition_leader_by_title(actors_of) -> None:
    found = first(actors_of, "The British opposition leader attacked the plan.", date(2005, 1, 1))
    assert found == ("GBROPP", "Michael Howard")


@pytest.mark.parametrize(
    ("country", "office", "day", "name"),
    [
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
