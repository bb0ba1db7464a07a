"""Handlers of clock times ("9:30 p.m.", "22:00 GMT", "4 in the morning", "noon Friday")."""

from __future__ import annotations

import re
from datetime import date

from eventwire.times import calendar as cal
from eventwire.times.normalise import Context, Norm, clause_direction, norm_word
from eventwire.times.relative import day_word_date


def _clock_day(word: str | None, ctx: Context, m: re.Match[str]) -> date:
    w = norm_word(word)
    if not w:
        # "Gunmen struck on Dec. 23 ... at 3 p.m.": a clock time without a day belongs to the
        # day the text last named (the narrative's reference day), else to the article's day
        return ctx.last_day or ctx.dct
    if w in ctx.lex.weekdays:
        return cal.weekday_near(
            ctx.dct,
            ctx.lex.weekdays[w],
            "future" if clause_direction(ctx, m.start(), m.end()) == "future" else "past",
        )
    return day_word_date(w, ctx)


def clock(m: re.Match[str], ctx: Context) -> Norm | None:
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        return None
    pm = m["ap"].lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    d = _clock_day(m["day"], ctx, m)
    if m["mon"] and m["mon"][0].isupper():
        month = ctx.lex.months[norm_word(m["mon"])]
        day = int(m["mday"])
        year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, m.start(), m.end()))
        d = cal.safe_date(year, month, day) or d
    return "TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}"


def clock24(m: re.Match[str], ctx: Context) -> Norm | None:
    hour, minute = int(m["h"]), int(m["m"])
    return "TIME", f"{ctx.dct.isoformat()}T{hour:02d}:{minute:02d}"


def clock_part(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "4 in the morning", "7 in the evening"."""
    hour = int(m["h"]) % 12 + (0 if norm_word(m["part"]) == "morning" else 12)
    d = _clock_day(None, ctx, m)
    return "TIME", f"{d.isoformat()}T{hour:02d}:{int(m['m'] or 0):02d}"


def clock_word(m: re.Match[str], ctx: Context) -> Norm | None:
    if re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6) : m.start()], re.IGNORECASE):
        return None  # "high noon"
    d = _clock_day(m["day"], ctx, m)
    hour = "00:00" if norm_word(m["w"]) == "midnight" else "12:00"
    return "TIME", f"{d.isoformat()}T{hour}"
