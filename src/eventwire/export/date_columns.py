"""An event's TIMEX3 date as the columns a table wants: one kind of value per column.

    "2021-05-11TNI" -> date 2021-05-11, precision day,   time_of_day night
    "2020-12"       -> date 2020-12-01, precision month, time_of_day ""
    "2016"          -> date 2016-01-01, precision year

`date` is always YYYY-MM-DD (the first day of a week, month, quarter, half, season or year;
seasons as the meteorological northern ones: spring from March, summer June, autumn September,
winter December of that year), blank when the event has no calendar date; `date_precision` says
what the date stands for; `time_of_day` a clock time ("10:00") or a part of the day; the exact
TIMEX3 value stays in `date_value`.
"""

from __future__ import annotations

import re
from datetime import date

DATE_COLUMNS = ("date", "date_precision", "time_of_day", "date_value")

_VALUE = re.compile(
    r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2})(?:T(.+))?)?|W(\d{2})|Q([1-4])|H([12])|(SP|SU|FA|WI)))?$"
)
_PARTS_OF_DAY = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}
_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def date_columns(value: str | None) -> tuple[str, str, str, str]:
    """(date, date_precision, time_of_day, date_value) of a TIMEX3 value; blanks for none."""
    if not value:
        return "", "", "", ""
    match = _VALUE.match(value)
    if match is None:  # PAST_REF, a decade, a value of an older store: no calendar date
        return "", "", "", value
    year, month, day, clock, week, quarter, half, season = match.groups()
    try:
        if week:
            first = date.fromisocalendar(int(year), int(week), 1)
            return first.isoformat(), "week", "", value
        precision, start_month = "year", 1
        if quarter:
            precision, start_month = "quarter", 3 * int(quarter) - 2
        elif half:
            precision, start_month = "half", 6 * int(half) - 5
        elif season:
            precision, start_month = "season", _SEASON_MONTHS[season]
        elif month:
            precision, start_month = ("day" if day else "month"), int(month)
        first = date(int(year), start_month, int(day) if day else 1)
    except ValueError:
        return "", "", "", value
    return first.isoformat(), precision, _PARTS_OF_DAY.get(clock or "", clock or ""), value
