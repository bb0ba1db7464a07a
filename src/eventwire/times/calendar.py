"""Calendar arithmetic and TIMEX3 value formatting around an anchor date."""

from __future__ import annotations

import re
from datetime import date, timedelta

# A TIMEX3 date value with a calendar start: year, month, day (and clock), week, quarter, half,
# season ("2021-05-11TNI", "2020-W05", "2020-Q2", "2016-SU"); decades, PAST_REF and durations
# have none.
TIMEX_DATE = re.compile(
    r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2})(?:T(.+))?)?|W(\d{2})|Q([1-4])|H([12])|(SP|SU|FA|WI)))?$"
)
# seasons as the meteorological northern ones: spring from March, summer June, autumn September
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def timex_start(value: str) -> tuple[date, str, str] | None:
    """The first day a TIMEX3 date value covers, what it stands for ("day", "week", "month",
    "quarter", "half", "season", "year") and its clock part; None without a calendar start."""
    match = TIMEX_DATE.match(value)
    if match is None:
        return None
    year, month, day, clock, week, quarter, half, season = match.groups()
    try:
        if week:
            return date.fromisocalendar(int(year), int(week), 1), "week", ""
        precision, start_month = "year", 1
        if quarter:
            precision, start_month = "quarter", 3 * int(quarter) - 2
        elif half:
            precision, start_month = "half", 6 * int(half) - 5
        elif season:
            precision, start_month = "season", SEASON_MONTHS[season]
        elif month:
            precision, start_month = ("day" if day else "month"), int(month)
        return date(int(year), start_month, int(day) if day else 1), precision, clock or ""
    except ValueError:
        return None


PERIOD_MONTHS = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12}


def period_end(start: date, precision: str) -> date:
    """The last day of the period `timex_start` gives ("month" from 1987-02-01 -> 1987-02-28,
    "year" -> 12-31, "day" -> the day itself)."""
    if precision == "week":
        return start + timedelta(days=6)
    months = PERIOD_MONTHS.get(precision)
    if months is None:
        return start
    year, month = shift_months(start.year, start.month, months)
    return date(year, month, 1) - timedelta(days=1)


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_quarter(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: str, strict: bool = False) -> date:
    """The date of ISO `weekday` on/before ("past"), on/after ("future") or nearest the anchor.

    `strict` excludes the anchor itself ("last Friday" on a Friday is a week back).
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    if strict:
        back = back or 7
        ahead = ahead or 7
    if direction == "past":
        return anchor - timedelta(days=back)
    if direction == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)


def year_for_month(anchor: date, month: int, day: int | None, direction: str) -> int:
    """The year of a month (and day) written without one: the reading nearest the anchor, moved
    a year back (on) when the clause's tense says past (future) but that reading lies three
    months or more ahead (behind): dates a few weeks ahead in past-tense news are still ahead
    ("set Nov. 20 as the deadline")."""

    def distance(year: int) -> int:
        there = safe_date(year, month, day or 15) or date(year, month, 28)
        return abs((there - anchor).days) if day else abs(year * 12 + month - now)

    now = anchor.year * 12 + anchor.month
    year = min(
        (anchor.year - 1, anchor.year, anchor.year + 1),
        key=lambda y: (distance(y), y > anchor.year),
    )
    ahead = (year * 12 + month) - now
    if direction == "past" and ahead >= 3:
        return year - 1
    if direction == "unknown" and ahead >= 4:
        return year - 1  # a date far ahead, with no tense to say so, is last year's
    if direction == "future" and ahead <= -3:
        return year + 1
    return year


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth ISO weekday of a month (nth -1: the last one): Thanksgiving is (11, 4, 4)."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def decade_value(year: int) -> str:
    return f"{year // 10:03d}"


def century_value(year: int) -> str:
    return f"{year // 100:02d}"
