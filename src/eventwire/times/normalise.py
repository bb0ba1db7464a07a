"""TIMEX3 type and value for each recogniser rule's match, relative to the article date."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.times import calendar as cal
from eventwire.times.lexicon import TimeLexicon

Norm = tuple[str, str]  # (type, value)


@dataclass
class Context:
    """What a handler needs: the text, the article date, the lexicon, tense, discourse state."""

    text: str
    dct: date
    lex: TimeLexicon
    tense: Callable[[int, int], str]
    last_quarter: tuple[int, int] | None = None
    last_month: tuple[int, int] | None = None  # the last (year, month) the text named
    last_year: int | None = None  # the last year the text named outright ("in 1995")
    last_day: date | None = None  # the last day a weekday in the text resolved to
    month_in_focus: bool = False  # a month named after the last day ("last May ... that day")
    probe: bool = False  # selection pass: discourse state is not built yet, so do not need it
    reaches: str | None = None  # set by a handler whose duration reaches a day (see TimeRef)

    def name_day(self, day: date) -> None:
        """The text named a day: "that day", "at 6 a.m." now count from it."""
        self.last_month = (day.year, day.month)
        self.last_day = day
        self.month_in_focus = False

    def name_month(self, year: int, month: int) -> None:
        """The text named a month without its day: "that same day" is some day of it."""
        self.last_month = (year, month)
        self.month_in_focus = True


def norm_word(s: str | None) -> str:
    """Lower-cased, single-spaced, without a trailing full stop ("Sept." -> "sept")."""
    return re.sub(r"\s+", " ", (s or "").lower()).strip().rstrip(".")


def parse_number(s: str, lex: TimeLexicon) -> float | None:
    """A count written in digits or words ("twenty four", "2 1/2", "a couple of"); None if vague."""
    w = norm_word(s).replace("-", " ")
    half = w.endswith((" 1/2", " and a half"))
    if half:
        w = w.removesuffix(" 1/2").removesuffix(" and a half")
    try:
        return float(w) + (0.5 if half else 0)
    except ValueError:
        pass
    extra = 0.5 if half else 0.0
    if w in lex.numbers:
        return lex.numbers[w] + extra
    total = 0.0
    for part in w.split():
        if part not in lex.numbers:
            return None
        total += lex.numbers[part]
    return total + extra if total else None


def parse_year(s: str, lex: TimeLexicon) -> int | None:
    w = norm_word(s).replace("-", " ")
    if w.isdigit():
        return int(w)
    parts = w.split()
    if parts[:1] == ["nineteen"]:
        rest = parse_number(" ".join(parts[1:]), lex)
        return 1900 + int(rest) if rest else None
    if parts[:2] == ["two", "thousand"]:
        rest = parse_number(" ".join(p for p in parts[2:] if p != "and"), lex) if parts[2:] else 0
        return 2000 + int(rest or 0)
    return None


def parse_day(s: str, lex: TimeLexicon) -> int | None:
    w = norm_word(s)
    if w in lex.ordinals:
        return lex.ordinals[w]
    digits = re.match(r"\d+", w)
    return int(digits.group()) if digits else None


def unit_code(unit: str, lex: TimeLexicon) -> str:
    u = norm_word(unit)
    u = lex.unit_plurals.get(u, u)
    if u not in lex.units and u.endswith("s"):
        u = u[:-1]
    return lex.units[u]


def duration_value(n: float | None, code: str) -> str:
    """P3D, PT2H, P2Y6M, PXY ... from a count (None: unknown) and a unit code."""
    time_unit = code.startswith("T")
    letter = code[1:] if time_unit else code
    scale = {"DE": (10, "Y"), "CE": (100, "Y"), "ML": (1000, "Y"), "2W": (2, "W"), "Q": (3, "M")}
    if n is None:
        out = {"DE": "DE", "CE": "CE", "ML": "ML", "2W": "W"}.get(letter, letter)
        return f"PT{'X'}{out}" if time_unit else f"PX{out}"
    if letter in scale and letter != "Q":
        factor, letter = scale[letter]
        n *= factor
    if n != int(n) and time_unit and letter in ("H", "M"):
        low = {"H": "M", "M": "S"}[letter]  # "an hour and a half" PT1H30M, "1.5 minutes" PT1M30S
        return f"PT{int(n)}{letter}{round((n - int(n)) * 60)}{low}"
    if n != int(n):
        smaller = {"Y": (12, "M"), "H": (60, "M"), "D": (24, "H"), "W": (7, "D"), "M": (30, "D")}
        if letter in smaller:
            factor, low = smaller[letter]
            whole, rest = int(n), round((n - int(n)) * factor)
            if letter in ("Y", "W", "M"):
                return f"P{whole}{letter}{rest}{low}" if low != "H" else f"P{whole}DT{rest}H"
            if letter == "D":
                return f"P{whole}DT{rest}H"
            return f"PT{whole}H{rest}M"
    count = int(n)
    return f"PT{count}{letter}" if time_unit else f"P{count}{letter}"


def clause_direction(ctx: Context, start: int, end: int) -> str:
    """ "past", "future" or "unknown" for the clause of the expression at [start, end)."""
    tense = ctx.tense(start, end)
    return tense if tense in ("past", "future") else "unknown"


def rel_offset(rel: str | None) -> int | None:
    """-1, 0 or 1 for "last", "this", "next" (and their kin); None for other words."""
    r = norm_word(rel).removeprefix("the ")
    if r in ("last", "past", "previous", "this past"):
        return -1
    if r in ("next", "coming", "following", "this coming"):
        return 1
    if r in ("this", "current", "same", "present", "latest"):
        return 0
    return None


def shift_unit(dct: date, unit: str, n: int) -> str | None:
    """The value naming the unit `n` steps from the article date (last week -> 2013-W11)."""
    if unit == "D":
        return cal.day_value(dct + timedelta(days=n))
    if unit in ("W", "WE"):
        week = cal.week_value(dct + timedelta(weeks=n))
        return week + "-WE" if unit == "WE" else week
    if unit == "M":
        return cal.month_value(*cal.shift_months(dct.year, dct.month, n))
    if unit == "Q":
        y, q = cal.shift_quarter(dct.year, cal.quarter_of(dct), n)
        return f"{y:04d}-Q{q}"
    if unit == "Y":
        return f"{dct.year + n:04d}"
    if unit == "DE":
        return cal.decade_value(dct.year + 10 * n)
    if unit == "CE":
        return cal.century_value(dct.year + 100 * n)
    return None
