"""The one parser for every date a user gives: --published, --dct, a JSON Lines `published`, a
POST body's `published`, a page's or feed's date, a dateline.

ISO forms are read as they are ("2016-12-17", "2016-12-17T10:00:00Z", "2016-12-17 10:00 UTC");
any other form is read by dateutil ("Dec 17, 2016", "Sat, 17 Dec 2016 10:00 GMT", "17/12/2016",
"Aug. 15, 2021") and accepted only when it names one day without doubt:
- a day, a month and a year must all be written ("Dec 17" or "2016" is no publication date);
- a numeric form is read day-first and month-first (and year-first when the year has two
  digits); when the readings differ ("05/06/2016") the date is refused as ambiguous;
- a weekday, when written, must be that day's ("Sun, 17 Dec 2016" is refused: it was a Saturday).
The time of day and the zone are ignored: the date is the one written.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

MAX_CHARS = 100  # a date longer than this is no date (and dateutil need not read a megabyte)
FORMS = (
    'YYYY-MM-DD or an ISO date-time, or any form naming one day without doubt: "Dec 17, 2016", '
    '"17 December 2016", "Sat, 17 Dec 2016 10:00 GMT", "17/12/2016"'
)

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_FOUR_DIGITS = re.compile(r"\d{4}")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?![a-z])", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# two defaults that differ in year, month and day: a part the text leaves out shows as a change
_DEFAULTS = (datetime(2000, 1, 1), datetime(2004, 2, 2))


class DateError(ValueError):
    """A date that cannot be read, or not without doubt; the message says why."""


def parse_user_date(value: object) -> date | None:
    """The day `value` names; None for None or blank; DateError for anything else."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise DateError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    if len(text) > MAX_CHARS:
        raise DateError(f"not a date: {len(text)} characters (a date has at most {MAX_CHARS})")
    iso = _iso_date(text)
    if iso is not None:
        return iso
    return _written_date(text)


def _iso_date(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    match = _ISO_DAY.match(text)  # "2019-12-24 10:00:00 UTC", "2019-12-24Z": keep the day
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DateError(f"not a calendar date: {text!r}") from None


def _written_date(text: str) -> date:
    orders = [(False, False), (True, False)]  # month-first, day-first
    if not _FOUR_DIGITS.search(text):
        orders += [(False, True), (True, True)]  # a two-digit year may come first
    readings: dict[date, list[bool]] = {}
    for dayfirst, yearfirst in orders:
        found = [_read(text, default, dayfirst, yearfirst) for default in _DEFAULTS]
        if found[0] != found[1]:
            raise DateError(f"{text!r} is not a whole date: {_missing(*found)}")
        readings.setdefault(found[0], []).append(dayfirst)
    if len(readings) > 1:
        days = " or ".join(sorted(d.isoformat() for d in readings))
        raise DateError(f"{text!r} is ambiguous (it could be {days}): write it as YYYY-MM-DD")
    (day,) = readings
    _check_weekday(text, day)
    return day


def _read(text: str, default: datetime, dayfirst: bool, yearfirst: bool) -> date:
    try:
        parsed = dateutil_parser.parse(
            text, default=default, dayfirst=dayfirst, yearfirst=yearfirst, ignoretz=True
        )
    except (ValueError, OverflowError):
        raise DateError(f"not a date: {text!r} (dates read: {FORMS})") from None
    return parsed.date()


def _missing(one: date, other: date) -> str:
    parts = [
        name
        for name, a, b in (
            ("the day", one.day, other.day),
            ("the month", one.month, other.month),
            ("the year", one.year, other.year),
        )
        if a != b
    ]
    return " and ".join(parts) + (" is" if len(parts) == 1 else " are") + " missing"


def _check_weekday(text: str, day: date) -> None:
    match = _WEEKDAY.search(text)
    if match is None:
        return
    named = _WEEKDAYS.index(match[1].lower())
    if named != day.weekday():
        raise DateError(
            f"{text!r}: {day.isoformat()} was a {_WEEKDAY_NAMES[day.weekday()]}, "
            f"not a {_WEEKDAY_NAMES[named]}"
        )


# A wire dateline opens the text: "KABUL, Aug. 15, 2021 (Reuters) -", "LONDON, 17 December 2016
# —", "MOGADISHU, Somalia, Aug. 15, 2021 --". The place is in capitals; the date follows a comma
# and ends where the credit "(...)" or the dash starts.
DATELINE_CHARS = 120
_DATELINE_END = re.compile(r"\s(?:\(|--?\s|–|—)|\(")


def dateline_date(text: str) -> date | None:
    """The date of the wire dateline that opens `text`, or None when it opens with none.

    DateError when the dateline carries a date that cannot be read without doubt ("05/06/2016").
    """
    head = text.lstrip()[:DATELINE_CHARS].split("\n", 1)[0]
    end = _DATELINE_END.search(head)
    if end is None:
        return None
    place, *parts = head[: end.start()].split(",")
    if not parts or not place.strip() or not place.strip().isupper():
        return None
    error: DateError | None = None
    for start in range(len(parts)):  # "Somalia, Aug. 15, 2021": the date is the longest tail
        candidate = ",".join(parts[start:]).strip()
        if not any(ch.isdigit() for ch in candidate):
            continue
        try:
            return parse_user_date(candidate)
        except DateError as problem:
            error = error or problem
    if error is not None and "ambiguous" in str(error):
        raise error
    return None
