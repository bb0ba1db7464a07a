"""The recogniser's regular expressions, built once from the lexicon's word lists.

Each rule is a name and a compiled pattern; `normalise.py` holds one handler per rule name that
turns a match into a TIMEX3 type and value. A pattern may mark the part of the match that is the
expression with a group named `span` (the rest is context that must be there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.times.lexicon import TimeLexicon


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    anchors: frozenset[str]  # words ("#n": an n-digit number; "/", ":") one of which matches hold


@dataclass(frozen=True)
class Grammar:
    rules: tuple[Rule, ...]
    left_mod: re.Pattern[str]
    right_mod: re.Pattern[str]


def _alt(words: list[str] | tuple[str, ...] | set[str]) -> str:
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "(?:" + "|".join(escaped) + ")"


def build_grammar(lex: TimeLexicon) -> Grammar:
    """Compile every rule pattern (case-insensitive) from the lexicon."""
    full_months = [
        max((k for k, v in lex.months.items() if v == n), key=len) for n in set(lex.months.values())
    ]
    abbr_months = [m for m in lex.months if m not in full_months]
    full_days = [d for d in lex.weekdays if d.endswith("day")]
    abbr_days = [d for d in lex.weekdays if d not in full_days]
    month_full = _alt(full_months)
    month_any = f"(?:{month_full}|{_alt(abbr_months)}\\.?)"
    wd_full = _alt(full_days)
    wd_any = f"(?:{wd_full}|{_alt(abbr_days)}\\.?)"
    ones = _alt([w for w, v in lex.numbers.items() if v < 10 and " " not in w and len(w) > 2])
    teens = _alt([w for w, v in lex.numbers.items() if 10 <= v < 20])
    tens = _alt([w for w, v in lex.numbers.items() if 20 <= v < 100 and v % 10 == 0])
    others = _alt([w for w, v in lex.numbers.items() if v >= 100 or " " in w or len(w) <= 2])
    vague = _alt(lex.vague_numbers)
    num_word = f"(?:{tens}(?:[\\s-]+{ones})?|{teens}|{ones}|{others})"
    num = f"(?:(?:\\d+(?:\\.\\d+)?(?:\\s+1/2)?|{num_word})(?:\\s+and\\s+a\\s+half)?|{vague})"
    singular = [u for u in lex.units if u not in lex.unit_plurals.values()]
    unit = (
        "(?:"
        + "|".join(
            sorted(
                [f"{u}s?" for u in singular]
                + list(lex.unit_plurals)
                + list(lex.unit_plurals.values()),
                key=len,
                reverse=True,
            )
        )
        + ")"
    )
    ordinal = _alt(list(lex.ordinals))
    day = f"(?:(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{ordinal})"
    year_word = (
        f"(?:nineteen[\\s-]+{tens}(?:[\\s-]+{ones})?|two\\s+thousand(?:\\s+(?:and\\s+)?{ones})?)"
    )
    year = f"(?:1[0-9]\\d\\d|20\\d\\d|{year_word})"
    season = _alt(list(lex.seasons))
    part = _alt(list(lex.day_parts))
    tz = r"(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|GMT|UTC|BST|CET|ET|local\s+time)"
    # not inside a word or a hyphenated word, except after a prefix ("mid-1996", "post-1959")
    b = r"(?<![\w'])(?:(?<=mid-)|(?<=late-)|(?<=early-)|(?<=post-)|(?<=pre-)|(?<!-))"
    e = r"(?![\w-])"
    rel = r"(?:last|next|this|this\s+past|this\s+coming|coming|past|previous)"
    patterns = {
        "date_mdy": f"(?:(?P<wd>{wd_any}),?\\s+)?(?P<mon>{month_any})\\s+(?P<day>{day})"
        f"(?!\\d)(?:,?\\s+(?P<year>{year}))?",
        "date_dmy": f"(?:(?P<wd>{wd_any}),?\\s+)?(?:the\\s+)?(?P<day>{day})\\s+(?:of\\s+)?"
        f"(?P<mon>{month_any})(?:,?\\s+(?P<year>{year}))?",
        "week_of": f"the\\s+week\\s+of\\s+(?P<mon>{month_any})\\s+(?P<day>{day})",
        "month_year": f"(?P<mon>{month_any}),?\\s+(?:of\\s+)?(?P<year>{year})",
        "month": f"(?:(?P<rel>{rel})\\s+)?(?P<mon>{month_full})"
        f"(?:\\s+(?P<yrel>last|this|next)\\s+year)?",
        "iso": r"(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})",
        "slash": r"(?<![\d/.,])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])",
        "year": f"(?:(?P<fiscal>fiscal(?:\\s+year)?|calendar(?:\\s+year)?)\\s+|(?P<the>the\\s+year)"
        f"\\s+)?(?P<year>1[6-9]\\d\\d|20\\d\\d|{year_word})",
        "fy": r"(?:FY\s?|fiscal\s+)'?(?P<yy>\d{4}|\d{2})",
        "dotted": r"(?<![\d.,])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)",
        "q_code": r"Q(?P<q>[1-4])(?:[\s-]+(?P<year>\d{4})|\s+'(?P<yy>\d{2}))?",
        "decade": f"(?:the\\s+)?(?:(?P<c>1[0-9]|20)(?P<d>\\d)0'?s|'(?P<d2>\\d)0'?s|(?<=the\\s)"
        f"(?P<w>{_alt(list(lex.decade_words))}))",
        "century": f"(?:the\\s+)?(?P<n>\\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\\s-]+century",
        "quarter": r"(?:(?P<det>the|its|this|last|next|that|a|their|his|her)\s+)?"
        r"(?:(?P<poss>this|last|next)\s+year's\s+)?"
        r"(?P<adj>(?:(?:latest|current|year-ago|year-earlier|comparable|same|fiscal|"
        r"flat|\d{4}|previous|prior|recent|coming|corresponding)[\s-]+)*)"
        r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+)?"
        r"(?:fiscal[\s-]+)?(?P<noun>quarter|period)(?P<pl>s)?"
        r"(?:\s+of\s+(?P<year>\d{4}|this\s+year|last\s+year|next\s+year))?"
        r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|last\s+year))?"
        f"(?=\\s+(?:ended|ending)\\s+(?P<endmon>{month_any})\\s+(?P<endday>\\d{{1,2}}))?",
        "half": r"(?:the\s+)?(?P<ord>first|second|last|latter)\s+(?:half|two\s+quarters)"
        r"(?:\s+of\s+(?P<year>\d{4}|this\s+year|last\s+year|next\s+year|the\s+year))?",
        "season": f"(?:(?P<rel>{rel}|the|that|early|late)\\s+)?(?P<season>{season})"
        f"(?:\\s+(?:of\\s+)?(?P<year>{year}))?",
        "rel_unit": r"(?P<rel>(?:the\s+)?(?:last|next|this|past|coming|previous|following|current|"
        r"same|latest|present|full)|that)\s+(?P<unit>week|month|year|decade|century|weekend|"
        r"fiscal\s+year)",
        "the_unit": f"(?P<det>the|this|that)\\s+(?P<unit>year|month|week|weekend|day|{part})",
        "rel_weekday": f"(?P<rel>{rel}|the\\s+previous|the\\s+following|the\\s+next)\\s+"
        f"(?P<wd>{wd_full})",
        "day_word": f"(?P<w>yesterday|today|tomorrow|tonight|the\\s+day\\s+before\\s+yesterday|"
        f"the\\s+day\\s+after\\s+tomorrow|last\\s+night|overnight)"
        f"(?:\\s+(?P<part>{part}))?",
        "weekday": f"(?P<span>(?P<wd>{wd_full})(?P<s>s)?(?:\\s+(?P<part>{part})s?)?)(?:'s)?",
        "ago": f"(?P<num>{num})[\\s-]+(?P<unit>{unit})\\s+(?P<dir>ago|earlier|later|from\\s+now|"
        f"hence|back|before(?=\\s*[,.;:)]|\\s+(?:and|but)\\b))",
        "duration": f"(?P<the>the\\s+)?(?:(?P<rel>past|last|next|first|coming|previous|following|"
        f"final|latest|remaining|additional|further|initial|same|other)\\s+)?(?P<num>{num})"
        f"(?P<sep>\\s+|\\s*-\\s*)(?:(?:more|additional|full|straight|consecutive|trading|"
        f"business|calendar)\\s+)?(?P<unit>{unit})(?P<half>\\s+and\\s+a\\s+half)?(?:-long)?"
        f"(?!-old|\\s+old\\b)",
        "long_adj": r"(?P<unit>hour|day|week|month|year|decade|centur(?:y|ies))(?P<pl>s)?-long",
        "the_years": r"(?:over|in|during|through|across|for)\s+(?P<span>the\s+(?:(?:early|first|"
        r"following|intervening|ensuing)\s+)?(?P<unit>years|decades|centuries))(?!\s+(?:of|ago)\b)",
        "bare_plural": r"(?:for|in|over|within|after|than|take|took|takes)\s+(?P<span>"
        r"(?P<unit>years|months|weeks|days|decades|hours|minutes))",
        "set": f"(?P<q>every|each|per)\\s+(?:(?P<other>other)\\s+|(?P<n>{num})\\s+)?"
        f"(?P<what>{unit}|{wd_full}|{month_full}|{season})",
        "set_adverb": _alt(list(lex.sets)),
        "set_freq": f"(?P<times>once|twice|thrice|{num}\\s+times)\\s+(?:a|an|per|every)\\s+"
        f"(?P<unit>{unit})",
        "clock": f"(?P<h>\\d{{1,2}})(?:[:.](?P<m>\\d{{2}}))?\\s*(?P<ap>a\\.\\s?m\\.?|p\\.\\s?m\\.?|"
        f"am\\b|pm\\b)(?:\\s+(?P<tz>{tz}))?(?:,?\\s+(?:on\\s+)?(?:(?P<day>{wd_full}|"
        f"yesterday|today|tomorrow)|(?P<mon>{month_any})\\s+(?P<mday>\\d{{1,2}})))?",
        "clock24": f"(?:at|by|from|until|till|around|before|after)\\s+(?P<span>"
        f"(?P<h>[01]?\\d|2[0-3]):(?P<m>[0-5]\\d)(?:\\s+(?:{tz}|hours|hrs))?)",
        "clock24tz": f"(?P<h>[01]?\\d|2[0-3]):(?P<m>[0-5]\\d)\\s+{tz}",
        "day_ordinal": r"(?:on|for|by|until|till|from|before|after)\s+(?P<span>the\s+"
        r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th))(?=\s*[,.;:)]|\s+(?:at|and|to|or)\b)",
        "clock_part": r"(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+"
        r"(?P<part>morning|afternoon|evening)",
        "day_and": f"(?P<mon>{month_any})\\s+(?P<first>{day})\\s*(?:and|or|to|-|–)\\s*"
        f"(?P<span>(?P<day>[12]?\\d|3[01])(?:st|nd|rd|th)?)(?!\\d)",
        "anchored_day": r"(?P<w>(?:that(?:\s+same)?|the\s+same)\s+day|"
        r"the\s+(?:next|following|previous)\s+(?:day|morning|evening|night)|"
        r"the\s+day\s+(?:before|after)(?=\s*[,.;]))",
        "clock_word": f"(?P<w>noon|midnight|midday)(?:,?\\s+(?:on\\s+)?"
        f"(?P<day>{wd_full}|yesterday|today|tomorrow))?",
        "ref": _alt(list(lex.refs)),
        "vague_period": _alt(list(lex.vague_periods)),
        "year_end": r"year[\s-]end|year's\s+end",
        "holiday": f"(?:(?P<rel>last|next|this)\\s+)?(?P<h>{_alt(_holiday_names(lex))})",
        "fiscal_year": r"(?:the\s+)?(?P<rel>current|latest|last|next|previous|this|same|new)?\s*"
        r"fiscal\s+year",
        "adj_ago": r"year-(?:ago|earlier)",
    }
    # a range writes two times joined by a dash ("1998-2000", "March 2-4"): each end is one
    range_end = r"(?=[-–](?:\d{4}|[12]?\d|3[01])(?![\w-]))"
    bounds = {
        "year": (rf"(?:{b}|(?<=\d{{4}}[-–]))", rf"(?:{e}|(?=[-–]\d{{4}}(?![\w-])))"),
        "date_mdy": (b, f"(?:{e}|{range_end})"),
    }
    anchors = _anchors(lex)
    rules = tuple(
        Rule(
            name,
            re.compile(
                bounds.get(name, (b, e))[0] + f"(?:{p})" + bounds.get(name, (b, e))[1],
                re.IGNORECASE,
            ),
            anchors[name],
        )
        for name, p in patterns.items()
    )
    mods = _alt(list(lex.mods))
    left_mod = re.compile(
        f'(?:^|(?<=[\\s("“]))(?:(?:the|this|its)\\s+)?(?:very\\s+)?(?P<mod>{mods})(?:\\s+|-)$',
        re.IGNORECASE,
    )
    right_mod = re.compile(
        r"^\s+(?P<mod>or\s+so|or\s+later|or\s+earlier|and\s+beyond)(?![\w-])", re.IGNORECASE
    )
    return Grammar(rules, left_mod, right_mod)


def _last_words(phrases: list[str]) -> set[str]:
    return {re.findall(r"[a-z]+", p.lower())[-1] for p in phrases}


def _anchors(lex: TimeLexicon) -> dict[str, frozenset[str]]:
    """For each rule, the words that any of its matches must contain: rules run only near them."""
    months = set(lex.months)
    weekdays = {d for d in lex.weekdays if d.endswith("day")}
    singular = [u for u in lex.units if u not in lex.unit_plurals.values()]
    units = set(singular) | {u + "s" for u in singular} | set(lex.unit_plurals) | set(lex.units)
    parts = set(lex.day_parts)
    table: dict[str, set[str]] = {
        "date_mdy": months,
        "date_dmy": months,
        "month_year": months,
        "month": months,
        "week_of": {"week"},
        "iso": {"#4"},
        "slash": {"/"},
        "year": {"#4", "nineteen", "thousand"},
        "fy": {"fy", "fiscal"},
        "dotted": {"#4"},
        "q_code": {"q"},
        "decade": {"#4", "#2"} | set(lex.decade_words),
        "century": {"century"},
        "quarter": {"quarter", "period"},
        "half": {"half", "quarters"},
        "season": set(lex.seasons),
        "rel_unit": {"week", "month", "year", "decade", "century", "weekend", "fiscal"},
        "the_unit": {"year", "month", "week", "weekend", "day"} | parts,
        "rel_weekday": weekdays,
        "weekday": weekdays | {d + "s" for d in weekdays},  # "on Mondays"
        "day_word": {"yesterday", "today", "tomorrow", "tonight", "night", "overnight"},
        "ago": {"ago", "earlier", "later", "now", "hence", "back", "before"},
        "duration": units,
        "bare_plural": {u for u in units if u.endswith("s")},
        "the_years": {"years", "decades", "centuries"},
        "long_adj": {"long"},
        "set": {"every", "each", "per"},
        "set_adverb": set(lex.sets),
        "set_freq": {"once", "twice", "thrice", "times"},
        "clock": {"m", "am", "pm"},
        "clock_word": {"noon", "midnight", "midday"},
        "clock_part": {"morning", "afternoon", "evening"},
        "day_and": months,
        "anchored_day": {"day", "morning", "evening", "night"},
        "clock24": {":"},
        "clock24tz": {":"},
        "day_ordinal": {"st", "nd", "rd", "th"},
        "ref": _last_words(list(lex.refs)),
        "vague_period": _last_words(list(lex.vague_periods)),
        "year_end": {"end"},
        "holiday": _last_words(_holiday_names(lex)),
        "fiscal_year": {"fiscal"},
        "adj_ago": {"ago", "earlier"},
    }
    return {name: frozenset(words) for name, words in table.items()}


def _holiday_names(lex: TimeLexicon) -> list[str]:
    return list(lex.holidays) + list(lex.floating_holidays) + list(lex.easter_holidays)
