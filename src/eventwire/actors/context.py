"""Where a country comes from when the phrase itself gives none ("Deputy Foreign Minister X").

The order, documented in recognise.py: the nearest country word or country-bearing actor before
the token in its sentence that is not in a locative phrase ("in Moscow" is a place, not a party);
else the country that the document names most often (ties: the first named); else none.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Doc

from eventwire.actors.units import Unit

# "to" and "from" are left out: "appealed to Moscow", "a call from Ankara" name a party as often
# as a place; the events stage reads the dependency to tell.
LOCATIVES = frozenset(
    {
        "in",
        "at",
        "into",
        "near",
        "inside",
        "outside",
        "across",
        "throughout",
        "toward",
        "towards",
        "via",
        "around",
        "within",
        "onto",
        "through",
        "over",
    }
)


def is_locative(doc: Doc, start: int) -> bool:
    """The unit at token `start` follows a locative preposition ("in Moscow", "to the Kremlin")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVES


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """An all-capitals place at the start of a paragraph before a dash or comma ("MOSCOW –")."""
    text = doc[start:end].text
    if not text.isupper() or len(text) < 3:
        return False
    first = (
        start == 0
        or "\n" in doc[start - 1].text
        or "\n" in doc[start - 1].whitespace_
        or doc[start - 1].is_space
    )
    after = doc[end].text if end < len(doc) else ""
    return first and after in {"-", "--", "–", "—", ",", "(", ":"}


DATELINE_ENDS = frozenset({"-", "--", "–", "—", "(", ":"})


def is_dateline_country(doc: Doc, start: int, end: int) -> bool:
    """The country of a dateline ("MOGADISHU, Somalia --", "TIRANA, Albania (AP)"): where the
    report was filed, not an actor."""
    if (
        start < 2
        or end >= len(doc)
        or doc[start - 1].text != ","
        or doc[end].text not in DATELINE_ENDS
    ):
        return False
    place = start - 1
    while place > 0 and doc[place - 1].is_upper and doc[place - 1].is_alpha:
        place -= 1  # "THE HAGUE", "NEW DELHI"
    return place < start - 1 and is_dateline(doc, place, start - 1)


def is_signoff(doc: Doc, start: int, end: int) -> bool:
    """A capitalised agency name closing the text after a full stop or a line break ("... in
    1988. REUTER"): a signature, not an actor."""
    text = doc[start:end].text
    if not text.isupper() or any(not (t.is_space or t.is_punct) for t in doc[end:]):
        return False
    before = doc[start - 1] if start > 0 else None
    return before is None or "\n" in before.text_with_ws or before.text in {".", "!", "?", '"'}


def is_credit(doc: Doc, start: int, end: int) -> bool:
    """A source credit in brackets after a dateline ("KABUL (Pajhwok): ...", "TIRANA, Albania
    (AP) --"): not an actor."""
    if start < 2 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text[:1] != ")":
        return False
    place = start - 2
    while place > 0 and doc[place - 1].text.isupper() and doc[place - 1].is_alpha:
        place -= 1  # "NEW DELHI (PTI)"
    after_country = any(  # "TIRANA, Albania (AP)"
        is_dateline_country(doc, k, start - 1) for k in range(start - 2, max(start - 5, 1), -1)
    )
    return (
        after_country
        or is_dateline(doc, place, start - 1)
        or (
            doc[place].text.isupper()
            and len(doc[place].text) >= 3
            and (place == 0 or "\n" in doc[place - 1].text_with_ws)
        )
    )


NAME_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})


def inside_longer_name(doc: Doc, start: int, covered: set[int]) -> bool:
    """The body's words end a longer name the entity recogniser sees ("New York State Department
    of Health", "Hollywood Foreign Press Association"): a capitalised word of no dictionary unit
    right before it starts the same named entity."""
    if start == 0:
        return False
    first, before = doc[start], doc[start - 1]
    return (
        first.ent_iob_ == "I"
        and first.ent_type_ in NAME_LABELS
        and start - 1 not in covered
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
    )


def in_capitals(doc: Doc, start: int, end: int) -> bool:
    """An acronym amid words in capitals ("UPLAND DOMESTIC RAW COTTON"): a table or a shouted
    line, where an acronym cannot be told from a word."""

    def shouted(i: int) -> bool:
        return 0 <= i < len(doc) and doc[i].is_alpha and len(doc[i]) > 1 and doc[i].is_upper

    return doc[start:end].text.isupper() and shouted(start - 1) and shouted(end)


def unit_country(doc: Doc, unit: Unit, day: date) -> str | None:
    if unit.country is not None:
        return unit.country.code
    if unit.actor is not None:
        return unit.actor.at(day).country
    return None


def sentence_starts(doc: Doc) -> list[int]:
    """The index of the first token of each token's sentence (0 throughout when unparsed)."""
    if not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    starts = [0] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            starts[i] = sent.start
    return starts


class CountryContext:
    """Answers "which country is meant here?" for tokens of one document."""

    def __init__(self, doc: Doc, units: list[Unit], day: date) -> None:
        self.doc = doc
        self.day = day
        self._sentence_starts: list[int] | None = None  # computed on first need
        self._marks: list[tuple[int, str]] = []  # (token index, country) of non-locative units
        counts: Counter[str] = Counter()
        first: dict[str, int] = {}
        for unit in units:
            country = unit_country(doc, unit, day)
            if country is None:
                continue
            counts[country] += 1
            first.setdefault(country, unit.start)
            if not is_locative(doc, unit.start) and not is_dateline(doc, unit.start, unit.end):
                self._marks.append((unit.start, country))
        ranked = sorted(counts, key=lambda c: (-counts[c], first[c]))
        self.dominant = ranked[0] if ranked else None

    def named_in_sentence(self, index: int, country: str) -> bool:
        """Is `country` named (not as a place) anywhere in the sentence of token `index`?"""
        if self._sentence_starts is None:
            self._sentence_starts = sentence_starts(self.doc)
        low = self._sentence_starts[index]
        high = next((s for s in self._sentence_starts[index:] if s > low), len(self.doc))
        return any(low <= start < high and c == country for start, c in self._marks)

    def country_before(self, index: int) -> str | None:
        """The nearest country before token `index` in its sentence, else the dominant one."""
        return self.sentence_country_before(index) or self.dominant

    def sentence_country_before(self, index: int) -> str | None:
        """The nearest country before token `index` in its sentence, or None."""
        if self._sentence_starts is None:
            self._sentence_starts = sentence_starts(self.doc)
        low = self._sentence_starts[index]
        for start, country in reversed(self._marks):
            if low <= start < index:
                return country
        return None
