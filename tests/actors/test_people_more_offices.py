"""People of the offices added at stop 13 (opposition and party leaders, shadow ministers,
devolved heads, deputy heads, justice ministers, attorneys general, capital mayors, the office
holders of the 1980s and 1990s): coded by the office of the day."""

from __future__ import annotations

from datetime import date

import pytest


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
        ("Lord Falconer said the bill would pass.", date(2005, 1, 1), "GBRGOV",
         "Lord Falconer of Thoroton"),
        ("Deputy Prime Minister John Prescott visited Hull.", date(2005, 1, 1), "GBRGOV",
         "John Prescott"),
        ("Mayor Ken Livingstone criticised the plan.", date(2005, 1, 1), "GBRGOV",
         "Ken Livingstone"),
        ("Lord Goldsmith gave his advice.", date(2003, 3, 1), "GBRGOV", "Lord Goldsmith"),
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
    ("text", "day", "name"),
    [
        ("The British deputy prime minister spoke.", date(2012, 3, 1), "Nick Clegg"),
        ("The US attorney general spoke.", date(2010, 3, 1), "Eric Holder"),
        ("The British attorney general spoke.", date(2005, 3, 1), "Lord Goldsmith"),
    ],
)
def test_a_country_and_a_title_name_the_holder_of_the_day(
    actors_of, text: str, day: date, name: str
) -> None:
    found = [a for a in actors_of(text, day) if a.kind == "person"]
    assert found[0].name == name and found[0].code.endswith("GOV")


def test_an_attorney_general_who_heads_no_ministry_stays_judicial(actors_of) -> None:
    found = actors_of("Israel's attorney general rejected the request.", date(2020, 1, 1))
    assert found[0].code == "ISRJUD" and found[0].name is None
