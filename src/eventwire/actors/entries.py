"""The entries of the actor dictionary: what a matched phrase stands for.

Three kinds: a word for a country (`CountryTerm`), a noun for an agent type (`AgentTerm`), and a
named actor (`ActorEntry`: a person, organisation or group) whose code may change with the date.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Ranks offices when a person holds several at once: the highest names the person.
OFFICE_RANK = {
    "head_of_state": 0,
    "head_of_government": 1,
    "vice_president": 2,
    "deputy_head_of_government": 3,
    "secretary_general": 4,
    "foreign_minister": 5,
    "defence_minister": 6,
    "interior_minister": 7,
    "finance_minister": 8,
    "central_bank_governor": 9,
    "trade_minister": 10,
    "energy_minister": 11,  # oil, petroleum or energy minister
    "agriculture_minister": 12,
    "justice_minister": 13,
    "attorney_general": 14,
    "commissioner": 15,  # a European Commissioner of a portfolio the economic offices do not name
    "regional_head": 16,  # a devolved head ("First Minister of Scotland")
    "mayor": 17,  # of a capital (or New York City)
    "leader": 18,
    "opposition_leader": 19,
    "party_leader": 20,
    "shadow_minister": 21,
}
# a title's office a country does not have, held by another office whose role has the title's
# word: the US Attorney General heads the justice department (justice_minister); Israel's does not
TITLE_ELSEWHERE = {"attorney_general": "justice_minister"}
_FOLD = str.maketrans(
    {
        "ı": "i",
        "İ": "I",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "‐": "-",
        "–": "-",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "ß": "ss",
    }
)


def fold(text: str) -> str:
    """The text without diacritics and with plain quotes: 'Çavuşoğlu' -> 'Cavusoglu'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# American and British spellings of the words bodies' names share ("Organization of African
# Unity"); not "Labor"/"Labour", which name different parties (Australia's, Britain's).
SPELLINGS = {"organization": "organisation", "organizations": "organisations"}


def one_spelling(lowered: str) -> str:
    """A lower-cased word in the spelling the tables match ("organization" -> "organisation")."""
    return SPELLINGS.get(lowered, lowered)


def key(text: str) -> str:
    """The matching key of one token: folded, lower-cased, one spelling."""
    return one_spelling(fold(text).lower())


def split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, agent) of a CAMEO-style code: RUSGOV -> (RUS, GOV), IGOUNO -> (None, IGO)."""
    head = code[:3]
    if head in countries:
        return head, (code[3:6] or None)
    return None, head or None


@dataclass(frozen=True, slots=True)
class CountryTerm:
    code: str  # ISO alpha-3
    form: str  # name, adjective, demonym, abbreviation, metonym
    name: str  # the country's short name
    # the days the word stands for this country (None: always): "Moscow" is the Soviet
    # government until 1991-12-25 and Russia's from the next day
    start: date | None = None
    end: date | None = None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class AgentTerm:
    agent: str  # CAMEO agent code: GOV, MIL, REB ...
    office: str | None  # office it names ("foreign_minister"), if one
    title: bool  # may stand before a person's name
    needs_country: bool  # an actor only with a country ("Turkish mission")
    counterpart: bool = False  # "counterpart": the office is the one of the other side
    prefix: bool = False  # PETRARCH's `[IGO~]`: the agent code goes before the country's


@dataclass(frozen=True, slots=True)
class KnownPhrase:
    """A phrase known to take no code (PETRARCH's `[---]`): no actor, and no shorter phrase
    inside it is matched either ("Ahmed Darwish" the footballer hides "Ahmed")."""

    name: str


NO_CODE = "---"  # a default code that means "no actor" (PETRARCH's `[---]`)


@dataclass(frozen=True, slots=True)
class Tenure:
    code: str
    country: str | None
    agent: str | None
    office: str | None = None
    role: str | None = None
    start: date | None = None
    end: date | None = None  # None: still in office

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Coding:
    """What an actor entry stands for on one date."""

    code: str
    country: str | None
    agent: str | None
    role: str | None
    office: str | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    kind: str  # person, organisation, group, state
    tenures: tuple[Tenure, ...]
    default: Tenure | None = None  # the code when no dated tenure covers the date
    short: bool = False  # this phrase is a short name: valid alone only while in office
    aliases: tuple[str, ...] = field(default=(), compare=False)

    def in_office(self, day: date) -> bool:
        return any(t.covers(day) for t in self.tenures)

    @property
    def silent_default(self) -> bool:
        return self.default is not None and self.default.code == NO_CODE

    def silent(self, day: date) -> bool:
        """No code on `day`: no dated code covers it and the default is `[---]`."""
        return self.default is not None and self.default.code == NO_CODE and not self.in_office(day)

    def at(self, day: date) -> Coding:
        """The coding on `day`: the highest office held then; else the default code; else the
        former office as ELI (CAMEO's elites) after it ended, or the bare country before it."""
        held = [t for t in self.tenures if t.covers(day)]
        if held:
            # of equal offices, the one begun last: on a hand-over day ("ELI to 900804, GOV
            # from 900804") the new code holds
            best = min(
                held,
                key=lambda t: (
                    OFFICE_RANK.get(t.office or "", len(OFFICE_RANK)),
                    -(t.start or date.min).toordinal(),
                ),
            )
            return Coding(best.code, best.country, best.agent, best.role, best.office)
        if self.default is not None and self.default.code != NO_CODE:
            d = self.default
            return Coding(d.code, d.country, d.agent, d.role)
        if not self.tenures:
            raise ValueError(f"actor entry {self.name!r} has no code")
        past = [t for t in self.tenures if t.end is not None and t.end < day]
        if past:
            last = max(past, key=lambda t: t.end or day)
            if last.country:
                role = f"former {last.role}" if last.role else None
                return Coding(last.country + "ELI", last.country, "ELI", role)
            return Coding(last.code, last.country, last.agent, last.role)
        first = min(self.tenures, key=lambda t: t.start or day)
        return Coding(first.country or first.code, first.country, None, None)


Entry = CountryTerm | AgentTerm | ActorEntry | KnownPhrase
