"""Handlers of durations ("three days", "decades-long"), sets ("every three months",
"weekly") and counted offsets ("two years ago", "three years later")."""

from __future__ import annotations

import re
from datetime import timedelta

from eventwire.times import calendar as cal
from eventwire.times.normalise import (
    Context,
    Norm,
    duration_value,
    norm_word,
    parse_number,
    shift_unit,
    unit_code,
)


def ago(m: re.Match[str], ctx: Context) -> Norm | None:
    n = parse_number(m["num"], ctx.lex)
    code = unit_code(m["unit"], ctx.lex)
    direction = norm_word(m["dir"])
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if n is None and direction in ("earlier", "later"):
        return "DURATION", duration_value(None, code)  # "a few days later": from another event
    if n is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    if code.startswith("T") or (direction in ("earlier", "later") and code in ("D", "W")):
        # "three days later" counts from another event, not from the article date: from the day
        # last named when there is one
        if code in ("D", "W") and ctx.last_day is not None and not ctx.month_in_focus:
            days = n * (7 if code == "W" else 1)
            if days == int(days):  # "two and a half days later" reaches no calendar day
                ctx.reaches = (ctx.last_day + timedelta(days=sign * int(days))).isoformat()
        return "DURATION", duration_value(n, code)
    if direction == "later" and n == int(n):
        # "In 1995 he fled; three years later he returned": from the year (month) last named
        if code == "Y" and ctx.last_year is not None:
            return "DATE", f"{ctx.last_year + int(n):04d}"
        if code == "M" and ctx.last_month is not None:
            return "DATE", cal.month_value(*cal.shift_months(*ctx.last_month, int(n)))
        return "DURATION", duration_value(n, code)
    letter = {"2W": "W"}.get(code, code)
    steps = int(n) * (2 if code == "2W" else 1)
    if letter == "Y" and steps == 1 and ctx.last_quarter and direction in ("ago", "earlier"):
        y, q = ctx.last_quarter
        return "DATE", f"{y - 1:04d}-Q{q}"
    if letter == "D":
        return "DATE", (ctx.dct + timedelta(days=sign * steps)).isoformat()
    if letter == "Q":
        value = shift_unit(ctx.dct, "Q", sign * steps)
    elif letter in ("W", "M", "Y"):
        value = shift_unit(ctx.dct, letter, sign * steps)
    elif letter in ("DE", "CE"):
        value = shift_unit(ctx.dct, "Y", sign * steps * (10 if letter == "DE" else 100))
    else:
        return None
    return ("DATE", value) if value else None


_RATE = re.compile(
    r"(?:\d|\b(?:million|billion|percent|hundred|thousand|dozen|two|three|four|five|six|seven|"
    r"eight|nine|ten|twenty|fifty)|%)(?:\s+[a-z]+){0,2}\s+$",
    re.IGNORECASE,
)
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|for|within|over|during|after|than|about|of|under)\s+$", re.IGNORECASE
)


def duration(m: re.Match[str], ctx: Context) -> Norm | None:
    n = parse_number(m["num"], ctx.lex)
    num_word = norm_word(m["num"])
    if n is None and num_word in ("some", "many"):
        return None
    code = unit_code(m["unit"], ctx.lex)
    if code == "TS" and num_word in ("a", "an"):
        return None  # "a second round": the ordinal
    if code == "Q" and re.match(r"\s+of\b", ctx.text[m.end() : m.end() + 4]):
        return None  # "three-quarters of its food": a fraction
    if num_word in ("a", "an", "one", "per") and "-" not in m["sep"]:
        before = ctx.text[max(0, m.start() - 40) : m.start()]
        if re.search(r"(?:\bonce|\btwice|\btimes)\s*$", before, re.IGNORECASE):
            return "SET", duration_value(1, code)
        if num_word != "one" and _RATE.search(before) and not _PREPOSITION_BEFORE.search(before):
            return None  # "$2 million a year", "four flights a week": a rate, no time of its own
    if n is not None and n > 1000:
        return None
    if n is not None and m["half"]:
        n += 0.5  # "a year and a half"
    if code == "WE":
        return None
    return "DURATION", duration_value(n, code)


def bare_plural(m: re.Match[str], ctx: Context) -> Norm | None:
    return "DURATION", duration_value(None, unit_code(m["unit"], ctx.lex))


def long_adj(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "a day-long meeting" P1D, "a decades-long feud" PXDE: how long, with no count written."""
    code = unit_code(m["unit"], ctx.lex)
    plural = bool(m["pl"]) or m["unit"].lower().endswith("ies")
    return "DURATION", duration_value(None if plural else 1, code)


def set_every(m: re.Match[str], ctx: Context) -> Norm | None:
    what = norm_word(m["what"])
    if norm_word(m["q"]) == "per" and what not in ("day", "week", "month", "year", "quarter"):
        return None  # "instructions per second": a rate, not a recurring time
    every = 2.0 if m["other"] else (parse_number(m["n"], ctx.lex) if m["n"] else 1.0)
    if what in ctx.lex.weekdays:
        return "SET", f"XXXX-WXX-{ctx.lex.weekdays[what]}"
    if what in ctx.lex.months:
        return "SET", f"XXXX-{ctx.lex.months[what]:02d}"
    if what in ctx.lex.seasons:
        return "SET", f"XXXX-{ctx.lex.seasons[what]}"
    code = unit_code(what, ctx.lex)
    return "SET", duration_value(every, code)  # "every three months" P3M, "every other week" P2W


def set_adverb(m: re.Match[str], ctx: Context) -> Norm | None:
    return "SET", ctx.lex.sets[norm_word(m.group())]


def set_freq(m: re.Match[str], ctx: Context) -> Norm | None:
    return "SET", duration_value(1, unit_code(m["unit"], ctx.lex))


def vague_period(m: re.Match[str], ctx: Context) -> Norm | None:
    return "DURATION", ctx.lex.vague_periods[norm_word(m.group())]
