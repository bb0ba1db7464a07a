"""The actor dictionary: every phrase of our tables and the user's, compiled once for matching.

Phrases are tokenised with spaCy's English tokenizer (the same rules as the parsing model) and
looked up token by token in a dict keyed by folded, lower-cased token tuples, longest first
(hyphens between words are passed over). A phrase that a user dictionary also defines is replaced
by the user's entries, unless it is a country word or agent noun with the same code as ours.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from sys import intern

from eventwire.actors.entries import (
    TITLE_ELSEWHERE,
    ActorEntry,
    AgentTerm,
    CountryTerm,
    Entry,
    Tenure,
    fold,
    key,
    one_spelling,
)
from eventwire.actors.tables import DictionaryError, Phrase, country_phrases, table_phrases
from eventwire.actors.user_files import LoadReport, user_file_phrases

HERE = Path(__file__).resolve().parent
OUR_TABLES = ("agents.tsv", "organisations.tsv", "national_bodies.tsv", "people.tsv")
_OTHER_HEAD = {"head_of_state": "head_of_government", "head_of_government": "head_of_state"}


@dataclass(frozen=True, slots=True)
class Compiled:
    """A phrase ready to match: per-token case rules ("exact", "cap" or "any") and its entry."""

    texts: tuple[str, ...]  # folded token texts (the keys when no token is "exact")
    rules: tuple[str, ...]
    entry: Entry
    user: bool

    def fits(self, texts: Sequence[str]) -> bool:
        for rule, want, got in zip(self.rules, self.texts, texts, strict=False):
            if rule == "exact" and got != want and got != want.upper():
                return False
            if rule == "cap" and not got[:1].isupper():
                return False
        return True


@lru_cache(maxsize=65536)
def case_rule(token: str, proper: bool) -> str:
    """How a phrase token must be written in the text: "exact" for acronyms, all-capital ("ICE")
    or mixed-case ("DoD", "AfD": a capital after the first letter), which match only as written
    or in full capitals; "cap" for a capitalised word; "any" otherwise."""
    if not proper:
        return "any"
    letters = [c for c in token if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "exact"
    if token[:1].isupper() and token.isalpha() and any(c.isupper() for c in token[1:]):
        return "exact"
    return "cap" if token[:1].isupper() else "any"


class ActorDictionary:
    """Phrases for countries, agents, organisations and people, and the office holders by date."""

    def __init__(
        self,
        phrases: Iterable[Phrase],
        country_names: dict[str, str],
        report: LoadReport | None = None,
    ) -> None:
        import spacy  # the tokenizer only: fast, no model

        tokenizer = spacy.blank("en").tokenizer
        self.report = report or LoadReport()
        self.country_names = country_names
        self.countries = frozenset(country_names)
        self._phrases: dict[tuple[str, ...], list[Compiled]] = {}
        self._max_len: dict[str, int] = {}
        self._holders: dict[tuple[str, str], list[tuple[Tenure, ActorEntry]]] = {}
        self._surnames: dict[str, list[ActorEntry]] = {}
        self._rules: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each rule tuple
        self._seen: dict[str, set[int]] = {}  # ids of _surnames' entries, while building
        special = tokenizer.rules or {}  # "cannot", "dont": words the tokenizer splits
        for phrase in phrases:
            words = phrase.text.split()
            if not all(w.isalpha() and w not in special for w in words):
                words = [t.text for t in tokenizer(phrase.text)]
            self._add(phrase, [fold(w) for w in words])
        del self._seen

    @classmethod
    def load(cls, extra: Sequence[Path] = (), strict: bool = False) -> ActorDictionary:
        """Our tables plus user dictionaries: our TSV format (`.tsv`) or PETRARCH/TABARI actor
        and agent files (any other suffix). User entries add to ours or replace the same phrase;
        a slip in a PETRARCH file skips its entry (see `report`), or with `strict` is an error."""
        paths = tuple(map(Path, extra))
        for path in paths:
            if not path.is_file():
                raise DictionaryError(path, 0, "no such dictionary file")
        loaded = cls._read(paths)
        if strict:
            loaded.report.check_strict()
        return loaded

    @classmethod
    def _read(cls, paths: Sequence[Path]) -> ActorDictionary:
        names, phrases = country_phrases(HERE / "countries.tsv", HERE / "country_terms.tsv")
        countries = frozenset(names)
        every = list(phrases)
        for table in OUR_TABLES:
            every.extend(table_phrases(HERE / table, countries))
        report = LoadReport()
        for path in paths:
            found, counts = user_file_phrases(path, countries, names)
            every.extend(found)
            report.files.append(counts)
        return cls(every, names, report)

    def _add(self, phrase: Phrase, texts: list[str]) -> None:
        texts = [t for t in texts if t != "-"] or texts  # see `longest`: hyphens are skipped
        if not texts:
            return
        # interned: tens of thousands of names share their words ("Mohammad", "Al")
        keys = tuple(intern(one_spelling(t.lower())) for t in texts)
        rules = tuple(case_rule(t, phrase.proper) for t in texts)
        # the written forms matter only to "exact" tokens: other phrases share their keys
        written = tuple(map(intern, texts)) if "exact" in rules else keys
        compiled = Compiled(
            written, self._rules.setdefault(rules, rules), phrase.entry, phrase.user
        )
        found = self._phrases.setdefault(keys, [])
        if phrase.user and found:
            ours = [c.entry for c in found if not c.user]
            self.report.merged += 1
            if ours and _says_the_same(phrase.entry, ours):
                return  # ours says the same with more (office, title, form): keep it
            if ours:
                self.report.replaced += 1
                found[:] = [c for c in found if c.user]  # the user's entry overrides ours
        elif not phrase.user and any(c.user for c in found):
            return
        if compiled not in found:
            found.append(compiled)
        self._max_len[keys[0]] = max(self._max_len.get(keys[0], 0), len(keys))
        entry = phrase.entry
        if isinstance(entry, ActorEntry) and not entry.short and not entry.silent_default:
            # every word of the name: family names come first in "Xi Jinping", "Kim Jong Un"
            for word in {k for k in keys if len(k) > 1 and k.isalpha()}:
                seen = self._seen.setdefault(word, set())  # not a list scan: "Mohammad" is
                if id(entry) not in seen:  # in thousands of names
                    seen.add(id(entry))
                    self._surnames.setdefault(word, []).append(entry)
            for tenure in entry.tenures:
                if tenure.office:  # organisations' officers by code: ("IGOUNO", ...)
                    where = tenure.country or tenure.code
                    slot = self._holders.setdefault((where, tenure.office), [])
                    if (tenure, entry) not in slot:
                        slot.append((tenure, entry))

    @property
    def first_words(self) -> dict[str, int]:
        """The first words of all phrases (folded, lower case), with the longest phrase length."""
        return self._max_len

    def longest(
        self, keys: Sequence[str], texts: Sequence[str], i: int
    ) -> tuple[int, list[Compiled]]:
        """The longest phrase starting at token `i` whose case rules fit: (tokens covered,
        entries). Hyphens count for nothing ("Ter-Petrosyan" is the phrase "Ter Petrosyan")."""
        top = self._max_len.get(keys[i], 0)
        span = [i]  # the tokens a phrase may cover: hyphens between words are passed over
        j = i + 1
        while len(span) < top and j < len(keys):
            if keys[j] != "-":
                span.append(j)
            j += 1
        for n in range(len(span), 0, -1):
            found = self._phrases.get(tuple(keys[k] for k in span[:n]))
            if found:
                fitting = [c for c in found if c.fits([texts[k] for k in span[:n]])]
                if fitting:
                    return span[n - 1] + 1 - i, fitting
        return 0, []

    def holder(self, country: str, office: str, day: date) -> tuple[Tenure, ActorEntry] | None:
        """Who held `office` in `country` (or organisation code) on `day` ("the Turkish foreign
        minister" in 2019; "IGOUNO", "secretary_general"). Of
        several, the one who took office last: an open end means "in office as far as we know",
        so a later start (a user's newer table) supersedes it."""
        held = [(t, e) for t, e in self._holders.get((country, office), ()) if t.covers(day)]
        if not held:
            return None
        return max(held, key=lambda pair: pair[0].start or date.min)

    def titled_holder(
        self, country: str, office: str, day: date, title: str
    ) -> tuple[Tenure, ActorEntry] | None:
        """`holder`, but a head of state or government whose role lacks the title's word gives
        way to the other head whose role has it: "the Iranian president" is Iran's President
        (its head of government), not the Supreme Leader (its head of state); "the US attorney
        general" is its justice_minister, whose role has the word."""
        held = self.holder(country, office, day)
        word = title.lower()
        elsewhere = TITLE_ELSEWHERE.get(office)
        if held is None and elsewhere is not None:
            other = self.holder(country, elsewhere, day)
            return other if other is not None and word in (other[0].role or "").lower() else None
        other_office = _OTHER_HEAD.get(office)
        if held is None or other_office is None or word in (held[0].role or "").lower():
            return held
        other = self.holder(country, other_office, day)
        if other is not None and word in (other[0].role or "").lower():
            return other
        return held

    def people_named(self, surname_key: str) -> list[ActorEntry]:
        """Table actors with this folded, lower-cased word in one of their names (callers narrow
        it down by office, country and date)."""
        return self._surnames.get(surname_key, [])

    def __len__(self) -> int:
        return sum(len(v) for v in self._phrases.values())


def _says_the_same(entry: Entry, ours: list[Entry]) -> bool:
    """A user's country word or agent noun with the code our entry has for the same phrase."""
    if isinstance(entry, CountryTerm):
        return any(isinstance(o, CountryTerm) and o.code == entry.code for o in ours)
    if isinstance(entry, AgentTerm):
        return any(
            isinstance(o, AgentTerm) and o.agent == entry.agent and o.prefix == entry.prefix
            for o in ours
        )
    return False


def token_keys(texts: Iterable[str]) -> tuple[list[str], list[str]]:
    """(keys, folded texts) of a document's tokens, for `ActorDictionary.longest`."""
    folded = [fold(t) for t in texts]
    return [one_spelling(t.lower()) for t in folded], folded


__all__ = ["ActorDictionary", "DictionaryError", "key", "token_keys"]
