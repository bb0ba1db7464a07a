"""Handlers of relative dates (weekdays, day words, "last week", anchored days), references,
holidays and fiscal years."""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from eventwire.times import calendar as cal
from eventwire.times.normalise import (
    Context,
    Norm,
    clause_direction,
    duration_value,
    norm_word,
    rel_offset,
    shift_unit,
)

_UNIT_OF = {
    "week": "W",
    "month": "M",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "weekend": "WE",
    "fiscal year": "Y",
}


def _title_cased(unit: str) -> bool:
    """ "This Week", "Next Year": a title-cased name (a show, a slogan), not a time."""
    word = unit.split()[0]
    return word.istitle() and len(word) > 1


def rel_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    if _title_cased(m["unit"]):
        return None
    rel = norm_word(m["rel"])
    unit = _UNIT_OF[norm_word(m["unit"])]
    if rel == "the full" and unit == "Y":
        return "DATE", f"{ctx.dct.year:04d}"
    if unit == "Y" and rel in ("that", "the same", "the following", "the previous"):
        # anchored on the year the text last named ("in 1995 ... the following year")
        if ctx.last_year is None:
            return None if rel in ("that", "the same") and not ctx.probe else ("DURATION", "P1Y")
        shift = {"the following": 1, "the previous": -1}.get(rel, 0)
        return "DATE", f"{ctx.last_year + shift:04d}"
    if rel in ("that", "the same"):
        return None
    if unit in ("DE", "CE") and rel in ("the past", "the last"):
        return "DURATION", duration_value(1, unit)  # "over the past decade"
    if unit == "M" and rel in ("the following", "the previous") and ctx.last_month:
        y, mo = cal.shift_months(*ctx.last_month, 1 if rel == "the following" else -1)
        return "DATE", cal.month_value(y, mo)
    if unit == "WE":
        return "DATE", _weekend(ctx, m, rel_offset(rel) or 0)
    offset = rel_offset(rel)
    if offset is None:
        return None
    value = shift_unit(ctx.dct, unit, offset)
    return ("DATE", value) if value else None


def _weekend(ctx: Context, m: re.Match[str], offset: int) -> str:
    """The weekend meant: "over the weekend" in a past clause is the one just gone."""
    saturday = cal.weekday_near(ctx.dct, 6, "past")
    if offset == 0 and ctx.dct.isoweekday() < 6:
        if clause_direction(ctx, m.start(), m.end()) == "future":
            saturday = cal.weekday_near(ctx.dct, 6, "future")
    elif offset:
        saturday = cal.weekday_near(ctx.dct, 6, "past" if offset < 0 else "future", strict=True)
        if offset < 0 and ctx.dct.isoweekday() < 6:
            saturday -= timedelta(weeks=1)
    return cal.week_value(saturday) + "-WE"


def the_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    if _title_cased(m["unit"]):
        return None
    det, unit = norm_word(m["det"]), norm_word(m["unit"])
    if unit in ctx.lex.day_parts:
        if det == "that":  # "that evening": a part of the day the text last named
            if ctx.probe:
                return "TIME", "X"
            if ctx.last_day is None:
                return None
            return "TIME", f"{ctx.last_day.isoformat()}T{ctx.lex.day_parts[unit]}"
        if det != "this":
            return None
        return "TIME", f"{ctx.dct.isoformat()}T{ctx.lex.day_parts[unit]}"
    if det == "that":
        return None
    if det == "this":
        value = shift_unit(ctx.dct, _UNIT_OF.get(unit, "D"), 0)
        return ("DATE", value) if value else None
    if unit == "weekend":
        return "DATE", _weekend(ctx, m, 0)
    if unit == "week":
        return "DATE", cal.week_value(ctx.dct)
    if unit == "day":
        return None
    if unit == "year" and not re.match(r"\s+(?:ended|ending)\b", ctx.text[m.end() : m.end() + 8]):
        return "DATE", f"{ctx.dct.year:04d}"  # "for the year": the current one; "the year ended"
    return "DURATION", duration_value(1, _UNIT_OF[unit])


def rel_weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    wd = ctx.lex.weekdays[norm_word(m["wd"])]
    anchored = norm_word(m["rel"]).startswith("the ") and ctx.last_day is not None
    rel = norm_word(m["rel"]).removeprefix("the ")
    if anchored and ctx.last_day is not None:  # "the previous Friday": before the day in focus
        d = cal.weekday_near(
            ctx.last_day, wd, "past" if rel == "previous" else "future", strict=True
        )
    elif rel in ("last", "past", "previous", "this past"):
        d = cal.weekday_near(ctx.dct, wd, "past", strict=True)
    elif rel in ("next", "coming", "following", "this coming"):
        d = cal.weekday_near(ctx.dct, wd, "future", strict=True)
    else:
        d = cal.weekday_near(ctx.dct, wd, clause_direction(ctx, m.start(), m.end()))
    return "DATE", d.isoformat()


def day_word_date(w: str, ctx: Context) -> date:
    """The day a day word names ("yesterday", "tonight") relative to the article date."""
    offsets = {
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "tonight": 0,
        "last night": -1,
        "overnight": 0,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    return ctx.dct + timedelta(days=offsets[w])


_NAME_BEFORE = re.compile(r"\b(?:[A-Z][A-Za-z]*|[A-Z]{2,})\s+$")
_POSSESSIVE_PHRASE = re.compile(r"['’]s((?:\s+[a-z-]+){1,3})")
_FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "of", "on", "in", "at", "to", "for", "by", "with", "and", "or", "is", "are"]
)


def _generic_possessive(ctx: Context, end: int) -> bool:
    """ "today's youth", "today's personal computers": a head noun of the present age."""
    phrase = _POSSESSIVE_PHRASE.match(ctx.text, end, end + 40)
    for word in phrase[1].split() if phrase else ():
        if word in _FUNCTION_WORDS:
            return False
        if word in ctx.lex.generic_nouns:
            return True
    return False


def day_word(m: re.Match[str], ctx: Context) -> Norm | None:
    w = norm_word(m["w"])
    if w in ("today", "tomorrow") and not m["part"] and _generic_possessive(ctx, m.end()):
        return None  # "today's youth", "tomorrow's world": an age, not a day
    if m["w"][0].isupper() and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "USA Today", "VOA Today": part of a name
    d = day_word_date(w, ctx)
    ctx.name_day(d)
    part = norm_word(m["part"])
    if part:
        return "TIME", f"{d.isoformat()}T{ctx.lex.day_parts[part]}"
    if w in ("tonight", "last night", "overnight"):
        return "TIME", f"{d.isoformat()}TNI"
    return "DATE", d.isoformat()


def weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    if not m["wd"][0].isupper():
        return None
    if re.search(
        r"\bthe\s+$", ctx.text[max(0, m.start() - 5) : m.start()], re.IGNORECASE
    ) and re.match(r"\s+[A-Z]", ctx.text[m.end() : m.end() + 2]):
        return None  # "The Sunday Times": a name
    wd = ctx.lex.weekdays[norm_word(m["wd"])]
    part = norm_word(m["part"])
    code = ctx.lex.day_parts.get(part.rstrip("s")) if part else None
    if m["s"] == "s" or (part or "").endswith("s"):
        if _NAME_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
            return None  # "the Happy Mondays": a name
        return "SET", f"XXXX-WXX-{wd}" + (f"T{code}" if code else "")
    direction = clause_direction(ctx, m.start(), m.end())
    if m.group().endswith(("'s", "’s")) and direction == "future":
        # "Wednesday's ruling" names a day of its own: the clause's "would" or "will" is not its
        # tense, so take the nearest such day
        d = cal.weekday_near(ctx.dct, wd, "nearest")
    else:
        d = cal.weekday_near(ctx.dct, wd, "future" if direction == "future" else "past")
    # news annotators mostly give "Friday night" the day's value and the DATE type (or tag the
    # weekday alone); the guidelines' 1998-05-08TNI loses more matches than it wins on news gold
    ctx.name_day(d)
    return "DATE", d.isoformat()


def day_ordinal(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "on the 8th": the nearest such day to the article date on the side the tense says."""
    day = int(m["day"])
    direction = clause_direction(ctx, *m.span("span"))
    options = [
        d
        for k in (-1, 0, 1)
        if (d := cal.safe_date(*cal.shift_months(ctx.dct.year, ctx.dct.month, k), day))
    ]
    if direction == "future":
        options = [d for d in options if d >= ctx.dct] or options
    elif direction == "past":
        options = [d for d in options if d <= ctx.dct] or options
    best = min(options, key=lambda d: abs((d - ctx.dct).days))
    return "DATE", best.isoformat()


def day_and(m: re.Match[str], ctx: Context) -> Norm | None:
    """The second day of "April 24 and 25": same month (and year) as the first."""
    if not m["mon"][0].isupper():
        return None
    month = ctx.lex.months[norm_word(m["mon"])]
    day = int(m["day"])
    year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, *m.span()))
    d = cal.safe_date(year, month, day)
    return ("DATE", d.isoformat()) if d else None


def anchored_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "that day", "the next day", "the day before": counted from the day last named."""
    if ctx.month_in_focus and ctx.last_month:  # "last October ... that same day": day unknown
        return "DATE", "{:04d}-{:02d}-XX".format(*ctx.last_month)
    if ctx.last_day is None:
        return ("DATE", "X") if ctx.probe else None
    w = norm_word(m["w"])
    shift = (
        1
        if ("next" in w or "following" in w or w.endswith("after"))
        else (-1 if ("previous" in w or w.endswith("before")) else 0)
    )
    return "DATE", (ctx.last_day + timedelta(days=shift)).isoformat()


def ref(m: re.Match[str], ctx: Context) -> Norm | None:
    word = norm_word(m.group())
    if (
        word in ("the future", "the past")
        and re.match(r"\s+of\b", ctx.text[m.end() :])
        and not re.search(r"\bin\s+$", ctx.text[max(0, m.start() - 4) : m.start()])
    ):
        return None  # "the future of the region": a thing's prospects ("in the future" is a time)
    return "DATE", ctx.lex.refs[word]


def year_end(m: re.Match[str], ctx: Context) -> Norm | None:
    return "DATE", f"{ctx.dct.year:04d}"


def _holiday_date(name: str, year: int, ctx: Context) -> date | None:
    if name in ctx.lex.easter_holidays:
        calendar, offset = ctx.lex.easter_holidays[name]
        method = EASTER_ORTHODOX if calendar == "orthodox" else EASTER_WESTERN
        return easter(year, method) + timedelta(days=offset)
    if name in ctx.lex.holidays:
        mm, dd = (int(x) for x in ctx.lex.holidays[name].split("-"))
        return cal.safe_date(year, mm, dd)
    month, weekday, nth = ctx.lex.floating_holidays[name]
    return cal.nth_weekday(year, month, weekday, nth)


def holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    name = norm_word(m["h"])
    if name in ctx.lex.easter_holidays and re.match(
        r"\s+(?:(?!Sunday|Monday)[A-Z]|week\b)", ctx.text[m.end() : m.end() + 12]
    ):
        # "Easter Island", "the Easter Rising": a name; "Easter week": Holy Week to some writers,
        # the week after to others
        return None
    if not m["h"][0].isupper() or re.search(
        r"\b(?:Father|Merry|It's)\s+$", ctx.text[max(0, m.start() - 8) : m.start()]
    ):
        return None  # "Father Christmas", song titles
    offset = rel_offset(m["rel"])
    direction = (
        {-1: "past", 1: "future"}.get(offset or 0)
        if offset
        else clause_direction(ctx, m.start(), m.end())
    )
    options = [
        d
        for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
        if (d := _holiday_date(name, y, ctx))
    ]
    if direction == "past":
        options = [d for d in options if d <= ctx.dct] or options
    elif direction == "future":
        options = [d for d in options if d >= ctx.dct] or options
    best = min(options, key=lambda d: abs((d - ctx.dct).days))
    return "DATE", best.isoformat()


def fiscal_year(m: re.Match[str], ctx: Context) -> Norm | None:
    rel = norm_word(m["rel"])
    if not rel:
        return "DURATION", "P1Y"
    offset = rel_offset(rel)
    if offset is None:
        offset = 1 if rel == "new" else 0
    return "DATE", f"{ctx.dct.year + offset:04d}"


def adj_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    if ctx.last_quarter:
        y, q = ctx.last_quarter
        return "DATE", f"{y - 1:04d}-Q{q}"
    return "DATE", f"{ctx.dct.year - 1:04d}"
