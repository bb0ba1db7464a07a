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

from eventwire.times.calendar import timex_start

DATE_COLUMNS = ("date", "date_precision", "time_of_day", "date_value")

_PARTS_OF_DAY = {
    "MO": "morning",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}


def date_columns(value: str | None) -> tuple[str, str, str, str]:
    """(date, date_precision, time_of_day, date_value) of a TIMEX3 value; blanks for none."""
    if not value:
        return "", "", "", ""
    start = timex_start(value)
    if start is None:  # PAST_REF, a decade, a value of an older store: no calendar date
        return "", "", "", value
    first, precision, clock = start
    return first.isoformat(), precision, _PARTS_OF_DAY.get(clock, clock), value
