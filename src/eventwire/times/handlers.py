"""One handler per grammar rule: a regex match -> (TIMEX3 type, value), or None to reject it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from eventwire.times import calendar as cal
from eventwire.times.normalise import (
    Context,
    Norm,
    clause_direction,
    norm_word,
    parse_day,
    parse_year,
    rel_offset,
)

# "the March for Life", "the annual March on Washington": an article (and maybe one adjective
# that is no relative word) before a month followed by a name is a title, not a time
_NAME_BEFORE = re.compile(
    r"\b(?:the|a|an)\s+(?:(?!(?:last|next|this|following|previous|same|coming)\b)[a-z]+\s+)?"
    r"[\"“'`]*$",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+(?:for|of|to)\s+(?:the\s+)?[A-Z]|\s+[A-Z]")
_SEASON_BEFORE = re.compile(
    r"\b(?:in|during|by|until|till|since|over|through|before|after)"
    r"\s+$",
    re.IGNORECASE,
)
_SEASON_AFTER = re.compile(
    r"\s+(?:in|of|out|to|from|on|at|was|is|has|came|reflects)\b", re.IGNORECASE
)
Handler = Callable[[re.Match[str], Context], Norm | None]
_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|of|since|until|till|by|during|through|from|to|early|late|"
    r"mid|last|next|this|before|after)\s*-?\s*)$",
    re.IGNORECASE,
)


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def day_date(m: re.Match[str], ctx: Context) -> Norm | None:
    if not _capitalised(m["mon"]):
        return None
    month = ctx.lex.months[norm_word(m["mon"])]
    day = parse_day(m["day"], ctx.lex)
    if day is None or not 1 <= day <= 31:
        return None
    if m["year"]:
        year = parse_year(m["year"], ctx.lex)
        ctx.last_year = year
    elif m["wd"]:  # the weekday pins the year when it agrees with one reading
        wd = ctx.lex.weekdays[norm_word(m["wd"])]
        years = [
            y
            for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
            if (d := cal.safe_date(y, month, day)) and d.isoweekday() == wd
        ]
        year = min(years, key=lambda y: abs(y - ctx.dct.year)) if years else None
        if year is None:
            year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, *m.span()))
    else:
        year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, *m.span()))
    if year is None or cal.safe_date(year, month, day) is None:
        return None
    ctx.name_day(date(year, month, day))
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


def week_of(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day."""
    month = ctx.lex.months[norm_word(m["mon"])]
    day = parse_day(m["day"], ctx.lex) or 1
    year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, *m.span()))
    d = cal.safe_date(year, month, day)
    return ("DATE", cal.week_value(d)) if d and m["mon"][0].isupper() else None


def month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    year = parse_year(m["year"], ctx.lex)
    if not _capitalised(m["mon"]) or year is None:
        return None
    ctx.last_year = year
    ctx.name_month(year, ctx.lex.months[norm_word(m["mon"])])
    return "DATE", cal.month_value(year, ctx.lex.months[norm_word(m["mon"])])


def month(m: re.Match[str], ctx: Context) -> Norm | None:
    name = m["mon"]
    if not _capitalised(name):
        return None
    month = ctx.lex.months[norm_word(name)]
    if (
        not m["rel"]
        and _NAME_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
        and _NAME_AFTER.match(ctx.text, m.end())
    ):
        return None  # "the March for Life": a name, not the month
    if (
        norm_word(name) == "may"
        and not m["rel"]
        and not m["yrel"]
        and not _MAY_CONTEXT.search(ctx.text[max(0, m.start() - 12) : m.start()])
    ):
        return None
    if m["yrel"]:
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[norm_word(m["yrel"])]
    elif m["rel"]:
        offset = rel_offset(m["rel"])
        if offset == -1:
            year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
        elif offset == 1:
            year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
        else:
            year = ctx.dct.year
    else:
        year = cal.year_for_month(ctx.dct, month, None, clause_direction(ctx, m.start(), m.end()))
    ctx.name_month(year, month)
    return "DATE", cal.month_value(year, month)


def iso(m: re.Match[str], ctx: Context) -> Norm | None:
    d = cal.safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
    return ("DATE", d.isoformat()) if d else None


def slash(m: re.Match[str], ctx: Context) -> Norm | None:
    a, b = int(m["a"]), int(m["b"])
    before = ctx.text[max(0, m.start() - 12) : m.start()]
    if not m["y"] and not re.search(r"(?:\(|\bon\s+|day\s+)$", before, re.IGNORECASE):
        return None
    day, month = (a, b) if b <= 12 else (b, a)  # day first, as the brief's press style writes it
    if m["y"]:
        year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        if year > ctx.dct.year + 1 and len(m["y"]) == 2:
            year -= 100
    else:
        year = cal.year_for_month(ctx.dct, month, day, clause_direction(ctx, m.start(), m.end()))
    d = cal.safe_date(year, month, day)
    return ("DATE", d.isoformat()) if d else None


def dotted(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "24.12.2019": day, month, year (European style)."""
    d = cal.safe_date(int(m["y"]), int(m["b"]), int(m["a"]))
    return ("DATE", d.isoformat()) if d else None


def q_code(m: re.Match[str], ctx: Context) -> Norm | None:
    """ "Q3 2019", "Q1": a quarter, of the article's year when none is written."""
    if not m.group().startswith("Q"):
        return None
    q = int(m["q"])
    if m["year"] or m["yy"]:
        year = int(m["year"]) if m["year"] else 2000 + int(m["yy"])
    else:
        year = (
            ctx.dct.year - 1
            if q > cal.quarter_of(ctx.dct) and clause_direction(ctx, *m.span()) == "past"
            else ctx.dct.year
        )
    return "DATE", f"{year:04d}-Q{q}"


def year(m: re.Match[str], ctx: Context) -> Norm | None:
    before = ctx.text[max(0, m.start() - 10) : m.start()]
    after = ctx.text[m.end() : m.end() + 10]
    if re.search(r"[$£€#]\s*$|No\.\s*$|\d[-–]\d{4}[-–]$", before) or re.match(
        r"\s*(?:%|percent|[.,]\d|-\d(?!\d{3}(?![\w-])))|[-–]\d{4}[-–]\d|"
        r"\s+(?:years?|days?|months?|weeks?|hours?|people|men|"
        r"troops|tons?|miles?|feet|meters?|dollars|shares)\b",
        after,
        re.IGNORECASE,
    ):
        return None  # a sum, a number, a count of units or a code like "1998-2000-3456"
    if re.search(r"\d[-–]$", before) and re.match(r"[-–]\d", after):
        return None
    if re.match(r"\s+[a-z]+s\b", after) and not re.search(
        r"\b(?:in|since|of|by|until|from|to|before|after|during|for|through|fiscal)\s+$|"
        r"\b(?:post|pre|mid)-$|\d{4}\s+(?:and|or|to)\s+$|\d{4}[-–]$",
        before,
        re.IGNORECASE,
    ):
        return None  # "2000 rounds": a count of things ("between 2001 and 2003 prices": a year)
    year = parse_year(m["year"], ctx.lex)
    if year is None:
        return None
    ctx.last_year = year
    return "DATE", f"{year:04d}"


def fy(m: re.Match[str], ctx: Context) -> Norm | None:
    yy = int(m["yy"])
    if yy >= 1000:
        return "DATE", f"{yy:04d}"
    century = ctx.dct.year // 100 * 100
    year = century + yy if century + yy <= ctx.dct.year + 5 else century - 100 + yy
    return "DATE", f"{year:04d}"


def decade(m: re.Match[str], ctx: Context) -> Norm | None:
    if m["w"]:
        return "DATE", f"19{ctx.lex.decade_words[norm_word(m['w'])]}"
    if m["c"]:
        return "DATE", f"{m['c']}{m['d']}"
    century = 19 if int(m["d2"]) * 10 + 1900 <= ctx.dct.year - 10 else ctx.dct.year // 100
    return "DATE", f"{century}{m['d2']}"


def century(m: re.Match[str], ctx: Context) -> Norm | None:
    n = parse_day(m["n"], ctx.lex)
    return ("DATE", f"{n - 1:02d}") if n else None


def _quarter_year(m: re.Match[str], ctx: Context, q: int | None) -> int:
    spec = norm_word(m["year"] or m["poss"] or "")
    adj = norm_word(m["adj"])
    if spec.isdigit():
        return int(spec)
    year_in_adj = re.search(r"\d{4}", adj)
    if year_in_adj:
        return int(year_in_adj.group())
    if "last" in spec:
        return ctx.dct.year - 1
    if "next" in spec:
        return ctx.dct.year + 1
    if "this" in spec or q is None:
        return ctx.dct.year
    # results are reported after a quarter ends: a later quarter in a past clause is last year's
    current = cal.quarter_of(ctx.dct)
    direction = clause_direction(ctx, m.start(), m.end())
    if direction == "future":
        return ctx.dct.year + 1 if q < current - 1 else ctx.dct.year
    return ctx.dct.year - 1 if q > current and direction == "past" else ctx.dct.year


def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    after = ctx.text[m.end() : m.end() + 12]
    ordinal = norm_word(m["ord"])
    adj = norm_word(m["adj"])
    det = norm_word(m["det"])
    if m["pl"] or re.match(
        r"-|\s+of\s+(?:a|an|the|its|their|his|her)\b|\s+(?:point|mile)", after, re.IGNORECASE
    ):
        return None
    if m["noun"].lower() == "period" and not (
        ordinal or re.search(r"year-ago|year-earlier|latest|corresponding|\d{4}", adj)
    ):
        return None  # "the same period": no quarter named
    if not ordinal and not det and not adj:
        return None
    if det == "a" and not ordinal:
        return None
    ordinals = {
        "first": 1,
        "1st": 1,
        "second": 2,
        "2nd": 2,
        "third": 3,
        "3rd": 3,
        "fourth": 4,
        "4th": 4,
    }
    back = (
        1
        if ("year-ago" in adj or "year-earlier" in adj or m["ago"] or "corresponding" in adj)
        else 0
    )
    if ordinal in ordinals:
        q: int | None = ordinals[ordinal]
        year = _quarter_year(m, ctx, q)
    elif "current" in adj:
        year, q = ctx.dct.year, cal.quarter_of(ctx.dct)
    elif det == "next" or "coming" in adj:
        year, q = cal.shift_quarter(ctx.dct.year, cal.quarter_of(ctx.dct), 1)
    elif det == "last" or "previous" in adj or "prior" in adj:
        base = ctx.last_quarter or cal.shift_quarter(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
        year, q = cal.shift_quarter(*base, -1) if ctx.last_quarter else base
    elif m["endmon"]:  # "the quarter ended Sept. 30"
        month = ctx.lex.months[norm_word(m["endmon"])]
        day = int(m["endday"])
        year = cal.year_for_month(ctx.dct, month, day, "past")
        end = cal.safe_date(year, month, day)
        if end and end > ctx.dct and re.match(r"\s+ended\b", ctx.text[m.end() :]):
            year -= 1  # "ended": a quarter already over
        # a quarter ending in July spans May to July: the calendar quarter of its middle month
        year, middle = cal.shift_months(year, month, -1)
        q = (middle - 1) // 3 + 1
    else:  # "the quarter", "the latest quarter": the last one reported (completed)
        year, q = cal.shift_quarter(ctx.dct.year, cal.quarter_of(ctx.dct), -1)
        named = re.search(r"\d{4}", adj)
        if named:
            return "DATE", f"{named.group()}-Q{q}"
    if back:
        year -= 1
    elif q is not None:
        ctx.last_quarter = (year, q)
    return "DATE", f"{year:04d}-Q{q}"


def half(m: re.Match[str], ctx: Context) -> Norm | None:
    spec = norm_word(m["year"])
    if not spec:
        return None
    year = (
        int(spec)
        if spec.isdigit()
        else ctx.dct.year + (-1 if "last" in spec else 1 if "next" in spec else 0)
    )
    half = 1 if norm_word(m["ord"]) == "first" else 2
    return "DATE", f"{year:04d}-H{half}"


def season(m: re.Match[str], ctx: Context) -> Norm | None:
    code = ctx.lex.seasons[norm_word(m["season"])]
    rel = norm_word(m["rel"])
    if not rel and not m["year"] and (code in ("SP", "FA") or not _capitalised(m["season"])):
        return None
    if (
        code in ("SP", "FA")
        and not m["year"]
        and rel in ("the", "early", "late")
        and not (
            _SEASON_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())
            and not _SEASON_AFTER.match(ctx.text, m.end())
        )
    ):
        return None  # "the fall in prices", "the spring of hope": nouns, not seasons
    if m["year"]:
        year = parse_year(m["year"], ctx.lex)
        return ("DATE", f"{year:04d}-{code}") if year else None
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    now = (ctx.dct.month % 12) // 3  # Dec-Feb 0, Mar-May 1 ...
    offset = rel_offset(rel)
    year = ctx.dct.year
    if offset == -1:
        year -= 1 if order[code] >= now else 0
    elif offset == 1:
        year += 1 if order[code] <= now else 0
    elif offset is None and clause_direction(ctx, *m.span()) == "past" and order[code] > now:
        year -= 1
    elif offset is None and clause_direction(ctx, *m.span()) == "future" and order[code] < now:
        year += 1
    return "DATE", f"{year:04d}-{code}"
