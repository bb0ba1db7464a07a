"""The one date parser: every unambiguous form is read, anything else is refused saying why."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.dates import DateError, dateline_date, parse_user_date


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2016-12-17", date(2016, 12, 17)),
        ("2016-12-17T10:00:00+05:00", date(2016, 12, 17)),
        ("2019-12-24 10:00:00 UTC", date(2019, 12, 24)),
        ("2019-12-24Z", date(2019, 12, 24)),
        ("Dec 17, 2016", date(2016, 12, 17)),
        ("Sat, 17 Dec 2016 10:00 GMT", date(2016, 12, 17)),  # RSS / e-mail dates
        ("Aug 16, 2021", date(2021, 8, 16)),
        ("Aug. 15, 2021", date(2021, 8, 15)),
        ("17 December 2016", date(2016, 12, 17)),
        ("Saturday, December 17, 2016", date(2016, 12, 17)),
        ("17/12/2016", date(2016, 12, 17)),  # day first: 17 is no month
        ("12/17/2016", date(2016, 12, 17)),  # month first: 17 is no month
        ("17.12.2016", date(2016, 12, 17)),
        ("  Dec 17, 2016  ", date(2016, 12, 17)),
    ],
)
def test_unambiguous_forms_are_read(text: str, day: date) -> None:
    assert parse_user_date(text) == day


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("05/06/2016", "ambiguous"),  # 5 June or May 6
        ("17/12/16", "ambiguous"),  # a two-digit year may come first
        ("Dec 17", "the year is missing"),
        ("2016", "the day and the month are missing"),
        ("2016-12", "the day is missing"),
        ("Sun, 17 Dec 2016", "was a Saturday"),
        ("2021-02-30", "not a calendar date"),
        ("yesterday", "not a date"),
        ("x" * 5000, "at most 100"),
    ],
)
def test_doubtful_dates_are_refused_saying_why(text: str, why: str) -> None:
    with pytest.raises(DateError, match=why):
        parse_user_date(text)


def test_none_blank_and_date_objects() -> None:
    assert parse_user_date(None) is None
    assert parse_user_date("  ") is None
    assert parse_user_date(date(2020, 1, 2)) == date(2020, 1, 2)
    assert parse_user_date(datetime(2020, 1, 2, 23, 0)) == date(2020, 1, 2)
    with pytest.raises(DateError):
        parse_user_date(20200102)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("KABUL, Aug. 15, 2021 (Reuters) - The Taliban entered", date(2021, 8, 15)),
        ("\n\nLONDON, 17 December 2016 — Ministers met", date(2016, 12, 17)),
        ("MOGADISHU, Somalia, Aug. 15, 2021 -- Troops", date(2021, 8, 15)),
        ("KABUL, Aug. 15 (Reuters) - no year", None),
        ("WASHINGTON (AP) — no date", None),
        ("Troops crossed the border, 2016 - not a dateline", None),
        ("PARIS - French ministers", None),
    ],
)
def test_dateline_dates(text: str, day: date | None) -> None:
    assert dateline_date(text) == day


def test_an_ambiguous_dateline_is_an_error() -> None:
    with pytest.raises(DateError, match="ambiguous"):
        dateline_date("PARIS, 05/06/2016 (AFP) - Ministers met")
