"""Deputy heads of government, justice ministers, attorneys general and capital mayors resolve to
the holder of the day (people.tsv's last block of rows)."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    ("text", "day", "code", "name"),
    [
        ("Lord Falconer said the bill would pass.", date(2005, 1, 1), "GBRGOV",
         "Lord Falconer of Thoroton"),
        ("Deputy Prime Minister John Prescott visited Hull.", date(2005, 1, 1), "GBRGOV",
         "John Prescott"),
        ("Mayor Ken Livingstone criticised the plan.", date(2005, 1, 1), "GBRGOV",
         "Ken Livingstone"),
        ("Lord Goldsmith gave his advice.", date(2003, 3, 1), "GBRGOV", "Lord Goldsmith"),
    ],
)  # fmt: skip
def test_holders_are_coded_by_date(actors_of, text: str, day: date, code: str, name: str) -> None:
    found = [a for a in actors_of(text, day) if a.kind == "person"]
    assert (found[0].code, found[0].name) == (code, name)


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
