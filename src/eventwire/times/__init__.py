"""Time expressions of news text as TimeML TIMEX3 records, normalised against the article date.

`find_times(text, published, doc)` recognises and normalises every expression; `resolve_date`
normalises one expression string. Rules are regular expressions built from `lexicon.yaml`.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from spacy.tokens import Doc

from eventwire.records import TimeRef
from eventwire.times.grammar import Grammar, build_grammar
from eventwire.times.lexicon import TimeLexicon, default_lexicon
from eventwire.times.recognise import recognise
from eventwire.times.tense import tense_from_doc, tense_from_text, token_starts

__all__ = ["TimeRef", "find_times", "resolve_date", "time_for_trigger", "to_timeml"]


@lru_cache(maxsize=4)
def _grammar(lexicon: TimeLexicon) -> Grammar:
    return build_grammar(lexicon)


def find_times(text: str, published: date, doc: Doc | None = None,
               lexicon: TimeLexicon | None = None) -> list[TimeRef]:
    """Time expressions of `text` (offsets into it), valued relative to the date `published`.

    `doc`, a spaCy Doc of exactly `text`, lets the governing verb decide past or future for
    expressions without a year ("spoke Monday", "to be held on January 8th").
    """
    if doc is not None and len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text):
        raise ValueError("doc must be a parse of exactly the given text")
    lex = lexicon or default_lexicon()
    cache: dict[tuple[int, int], str] = {}
    starts: list[int] = []

    def tense(start: int, end: int) -> str:
        key = (start, end)
        if key not in cache:
            found = "unknown"
            if doc is not None:
                if not starts:
                    starts.extend(token_starts(doc))
                found = tense_from_doc(doc, start, end, lex, starts)
            cache[key] = found if found != "unknown" else tense_from_text(text, start)
        return cache[key]

    return recognise(text, published, _grammar(lex), lex, tense)


def resolve_date(expr: str, published: date, tense: str = "past") -> str | None:
    """The TIMEX3 value of one expression ("last November", "Monday") or None if not a time."""
    lex = default_lexicon()
    times = recognise(expr, published, _grammar(lex), lex, lambda s, e: tense)
    if times:
        return max(times, key=lambda t: t.end - t.start).value
    return _dateparser_value(expr, published, tense)


def _dateparser_value(expr: str, published: date, tense: str) -> str | None:
    """Fall back on dateparser for forms the rules do not know (day precision only)."""
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {"RELATIVE_BASE": _midnight(published), "REQUIRE_PARTS": ["day"],
                "PREFER_DATES_FROM": "future" if tense == "future" else "past"}
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


def _midnight(d: date):
    from datetime import datetime

    return datetime(d.year, d.month, d.day)


def __getattr__(name: str):  # lazy re-exports keep `import eventwire.times` light
    if name == "time_for_trigger":
        from eventwire.times.attach import time_for_trigger

        return time_for_trigger
    if name == "to_timeml":
        from eventwire.times.timeml import to_timeml

        return to_timeml
    raise AttributeError(name)
