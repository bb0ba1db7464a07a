"""Find time expressions: run every rule, keep the longest valid non-overlapping matches in
text order, widen them by modifiers ("early", "the end of", "nearly", "or so") and normalise."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from eventwire.records import TimeRef
from eventwire.times import clocks, durations, handlers, relative
from eventwire.times.grammar import Grammar
from eventwire.times.lexicon import TimeLexicon
from eventwire.times.normalise import Context, Norm, parse_number, shift_unit

HANDLERS: dict[str, Callable[[re.Match[str], Context], Norm | None]] = {
    "date_mdy": handlers.day_date,
    "date_dmy": handlers.day_date,
    "week_of": handlers.week_of,
    "month_year": handlers.month_year,
    "month": handlers.month,
    "iso": handlers.iso,
    "slash": handlers.slash,
    "year": handlers.year,
    "fy": handlers.fy,
    "dotted": handlers.dotted,
    "q_code": handlers.q_code,
    "decade": handlers.decade,
    "century": handlers.century,
    "quarter": handlers.quarter,
    "half": handlers.half,
    "season": handlers.season,
    "rel_unit": relative.rel_unit,
    "the_unit": relative.the_unit,
    "rel_weekday": relative.rel_weekday,
    "day_word": relative.day_word,
    "weekday": relative.weekday,
    "ago": durations.ago,
    "duration": durations.duration,
    "bare_plural": durations.bare_plural,
    "the_years": durations.bare_plural,
    "long_adj": durations.long_adj,
    "set": durations.set_every,
    "set_adverb": durations.set_adverb,
    "set_freq": durations.set_freq,
    "clock": clocks.clock,
    "clock_word": clocks.clock_word,
    "clock24": clocks.clock24,
    "clock_part": clocks.clock_part,
    "day_and": relative.day_and,
    "anchored_day": relative.anchored_day,
    "clock24tz": clocks.clock24,
    "day_ordinal": relative.day_ordinal,
    "ref": relative.ref,
    "vague_period": durations.vague_period,
    "year_end": relative.year_end,
    "holiday": relative.holiday,
    "fiscal_year": relative.fiscal_year,
    "adj_ago": relative.adj_ago,
}
_POSITIONAL = {"START", "END", "MID"}
_EARLIER_CORE = re.compile(
    r"(?:this|that|last|next|yesterday|today|tonight|[A-Z][a-z]+day)\b", re.IGNORECASE
)
_NUMERIC_CORE = re.compile(
    r"(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|"
    r"several|a few|a couple)",
    re.IGNORECASE,
)
_THE_UNIT = re.compile(r"the\s+(year|month|week|decade)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    rule: str
    match: re.Match[str]


def _trimmed_start(cand: _Candidate) -> int:
    """Leave a determiner out of an adjectival expression ("the 30-day", "a third-quarter")."""
    m = cand.match
    if cand.rule == "duration" and m["the"] and not m["rel"]:
        adjectival = "-" in m["sep"] or (
            not m["unit"].lower().endswith("s") and m["num"].lower() not in ("a", "an", "one")
        )
        if adjectival:
            return m.start("num")
    if (
        cand.rule == "quarter"
        and m["ord"]
        and not m["adj"]
        and not m["poss"]
        and m.string[m.end("ord") : m.end("ord") + 1] == "-"
    ):
        return m.start("ord")
    return cand.start


_WORD = re.compile(r"[a-z]+")
_NUMBER = re.compile(r"(?<!\d)\d+(?!\d)")
_REACH = 60  # characters a match may extend before/after its anchor word


class _WordIndex:
    """Where the words of a text are (lower-cased; numbers as "#<digits>"; the marks "/" and
    ":"), found on demand."""

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        self.present = set(_WORD.findall(self.lower))
        self.present.update(f"#{len(n)}" for n in _NUMBER.findall(self.lower))
        self.present.update(mark for mark in "/:" if mark in text)  # anchors of "5/6", "10:30"
        self.cache: dict[str, list[int]] = {}
        self.numbers: dict[str, list[int]] | None = None

    def positions(self, word: str) -> list[int]:
        if word.startswith("#"):
            if self.numbers is None:
                self.numbers = {}
                for m in _NUMBER.finditer(self.lower):
                    self.numbers.setdefault(f"#{m.end() - m.start()}", []).append(m.start())
            return self.numbers.get(word, [])
        if word not in self.cache:
            found, lower, i = [], self.lower, self.lower.find(word)
            while i >= 0:
                j = i + len(word)
                if (i == 0 or not lower[i - 1].isalpha()) and (
                    j == len(lower) or not lower[j].isalpha()
                ):
                    found.append(i)
                i = lower.find(word, j)
            self.cache[word] = found
        return self.cache[word]


def _windows(positions: list[int], size: int) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for pos in sorted(positions):
        lo, hi = max(0, pos - _REACH), min(size, pos + _REACH)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def _candidates(text: str, grammar: Grammar) -> list[_Candidate]:
    """Matches of every rule, each rule run only in windows around its anchor words (speed)."""
    index = _WordIndex(text)
    found = []
    for priority, rule in enumerate(grammar.rules):
        words = rule.anchors & index.present
        if not words:
            continue
        positions = [p for word in words for p in index.positions(word)]
        if not positions:
            continue
        seen: set[tuple[int, int]] = set()
        has_span = "span" in rule.pattern.groupindex
        for lo, hi in _windows(positions, len(text)):
            for m in rule.pattern.finditer(text, lo, hi):
                start, end = m.span("span") if has_span else m.span()
                if end > start and (start, end) not in seen:
                    seen.add((start, end))
                    found.append(_Candidate(start, end, priority, rule.name, m))
    return found


def _select(found: list[_Candidate], probe: Context) -> list[_Candidate]:
    """Longest first, then rule order; a candidate its handler rejects gives way to others."""
    taken: list[_Candidate] = []
    occupied = bytearray(len(probe.text) + 1)
    for cand in sorted(found, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if any(occupied[cand.start : cand.end]):
            continue
        if HANDLERS[cand.rule](cand.match, probe) is None:
            continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _modifier(
    text: str,
    start: int,
    end: int,
    kind: str,
    value: str,
    rule: str,
    grammar: Grammar,
    lex: TimeLexicon,
    floor: int,
) -> tuple[int, int, str | None]:
    """Widen the span over a modifier before (or "or so" after) it; returns start, end, mod."""
    core = text[start:end]
    left = grammar.left_mod.search(text, max(floor, start - 40), start)
    mod, new_start, new_end = None, start, end
    if left:
        word = re.sub(r"\s+", " ", left["mod"].lower())
        candidate = lex.mods.get(word) or lex.mods.get(word.rstrip("-"))
        quantity = kind == "DURATION" or rule == "ago"
        if candidate in _POSITIONAL:
            ok = kind in ("DATE", "TIME") or bool(_THE_UNIT.match(core))
            if word in ("earlier", "later"):  # "earlier this month", not "earlier 1990"
                ok = ok and bool(_EARLIER_CORE.match(core))
            if value.endswith("_REF") or rule in ("ago", "duration"):
                ok = False
        elif candidate in ("AFTER", "BEFORE"):  # "post-1959", "pre-war" is no time
            ok = kind == "DATE" and left.group().endswith("-")
        elif word in ("around", "approximately", "roughly") and kind in ("DATE", "TIME"):
            ok = not value.endswith("_REF")  # "around 7:15 p.m.", "around Nov. 1"
        else:
            ok = quantity and bool(_NUMERIC_CORE.match(core))
        if ok and candidate:
            mod = candidate
            new_start = left.start("mod") if candidate in ("AFTER", "BEFORE") else left.start()
    right = grammar.right_mod.match(text, end)
    if right and (kind in ("DURATION", "DATE")) and rule in ("duration", "ago", "rel_unit"):
        new_end = right.end()
        mod = (
            mod
            or {
                "or so": "APPROX",
                "or later": "ON_OR_AFTER",
                "or earlier": "ON_OR_BEFORE",
                "and beyond": "ON_OR_AFTER",
            }[re.sub(r"\s+", " ", right["mod"].lower())]
        )
    return new_start, new_end, mod


_DAY_SHIFT = re.compile(
    r"(?:\b(?P<n>[\w-]+)\s+)?(?P<unit>days?)\s+(?P<dir>before|after)\s+$", re.IGNORECASE
)


def _day_before_after(
    text: str, start: int, kind: str, value: str, floor: int, lex: TimeLexicon
) -> tuple[int, str]:
    """ "the day before last Tuesday('s hearing)", "two days after March 3": the day counted from
    the date that follows, spanning the count ("day before last Tuesday") as annotators do."""
    if kind != "DATE" or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return start, value
    m = _DAY_SHIFT.search(text, max(floor, start - 30), start)
    if not m:
        return start, value
    counted = parse_number(m["n"], lex) if m["n"] else None  # the lexicon's number words
    if counted is None or counted != int(counted):  # "the day before": one day, "the" left out
        n, begin = 1, m.start("unit")
    else:
        n, begin = int(counted), m.start("n")
    if (n == 1) != (m["unit"].lower() == "day"):
        return start, value
    day = date.fromisoformat(value) + timedelta(days=n if m["dir"].lower() == "after" else -n)
    return begin, day.isoformat()


def recognise(
    text: str, dct: date, grammar: Grammar, lex: TimeLexicon, tense: Callable[[int, int], str]
) -> list[TimeRef]:
    """Every time expression of `text` as a TimeRef normalised against the date `dct`."""
    probe = Context(text, dct, lex, lambda s, e: "unknown", probe=True)
    chosen = _select(_candidates(text, grammar), probe)
    ctx = Context(text, dct, lex, tense)
    out: list[TimeRef] = []
    floor = 0
    for cand in chosen:
        ctx.reaches = None
        norm = HANDLERS[cand.rule](cand.match, ctx)
        if norm is None:
            continue
        kind, value = norm
        cand = _Candidate(_trimmed_start(cand), cand.end, cand.priority, cand.rule, cand.match)
        start, end, mod = _modifier(
            text, cand.start, cand.end, kind, value, cand.rule, grammar, lex, floor
        )
        if mod in _POSITIONAL and kind == "DURATION":
            unit = _THE_UNIT.match(text[cand.start : cand.end])
            if unit:
                code = {"year": "Y", "month": "M", "week": "W", "decade": "DE"}[unit[1].lower()]
                kind, value = "DATE", shift_unit(dct, code, 0) or value
        begin = out[-1].start if out and out[-1].type == "DURATION" else floor
        start, value = _day_before_after(text, start, kind, value, begin, lex)
        if out and start < out[-1].end:
            out.pop()  # "two days" was the count of "two days after June 3"
        reaches = ctx.reaches if kind == "DURATION" else None
        out.append(TimeRef(text[start:end], start, end, kind, value, mod, reaches))
        floor = end
    return out
