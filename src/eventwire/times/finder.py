"""TimeFinder: the lexicon and its compiled grammar, built once and passed to whoever needs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from spacy.tokens import Doc

from eventwire.records import TimeRef
from eventwire.times.grammar import Grammar, build_grammar
from eventwire.times.lexicon import TimeLexicon, load_lexicon
from eventwire.times.recognise import recognise
from eventwire.times.tense import tense_from_doc, tense_from_text, token_starts

TENSES = ("past", "future", "present", "unknown")


@dataclass(frozen=True)
class TimeFinder:
    lexicon: TimeLexicon
    grammar: Grammar

    def find(self, text: str, published: date, doc: Doc | None = None) -> list[TimeRef]:
        """Time expressions of `text` (offsets into it), valued relative to `published`."""
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if not isinstance(published, date):
            raise TypeError(f"published must be a datetime.date, not {type(published).__name__}")
        if isinstance(published, datetime):
            published = published.date()
        if doc is not None and len(doc) and (doc[-1].idx + len(doc[-1].text_with_ws) != len(text)):
            raise ValueError("doc must be a parse of exactly the given text")
        cache: dict[tuple[int, int], str] = {}
        starts: list[int] = []

        def tense(start: int, end: int) -> str:
            key = (start, end)
            if key not in cache:
                found = "unknown"
                if doc is not None:
                    if not starts:
                        starts.extend(token_starts(doc))
                    found = tense_from_doc(doc, start, end, self.lexicon, starts)
                cache[key] = found if found != "unknown" else tense_from_text(text, start)
            return cache[key]

        return recognise(text, published, self.grammar, self.lexicon, tense)

    def resolve(self, expr: str, published: date, tense: str = "past") -> str | None:
        """The TIMEX3 value of one expression, or None when it is not a time."""
        if tense not in TENSES:
            raise ValueError(f"tense must be one of {', '.join(TENSES)}, not {tense!r}")
        times = recognise(expr, published, self.grammar, self.lexicon, lambda s, e: tense)
        if times:
            return max(times, key=lambda t: t.end - t.start).value
        return _dateparser_value(expr, published, tense)


def load_time_finder(lexicon: TimeLexicon | None = None) -> TimeFinder:
    """Read the lexicon (the packaged one by default) and compile its grammar."""
    lex = lexicon or load_lexicon()
    return TimeFinder(lex, build_grammar(lex))


def _dateparser_value(expr: str, published: date, tense: str) -> str | None:
    """Fall back on dateparser for forms the rules do not know (day precision only)."""
    import dateparser  # imported late: it is slow to load and rarely needed

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "REQUIRE_PARTS": ["day"],
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
    }
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None
