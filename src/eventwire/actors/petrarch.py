"""PETRARCH/TABARI actor and agent dictionaries as entries of eventwire's actor dictionary.

The format itself is read by petrarch_format.py; this module says what each block stands for:
- a block with an agent code (`[~COP]`) is an agent noun, combined with the country beside it in
  the text ("Nigerian police" -> NGACOP); its plurals are those in `{}` or, if none is given, the
  regular plural of the last word (PETRARCH makes them too);
- a block whose only undated code is a bare country code (`[AFG]`, or an open-ended `[ARM >911221]`)
  is a country word;
- a block whose codes are all `[---]` is a known phrase without a code;
- any other block is a named actor whose code follows the article's date as the people table's
  do: a dated code covering the day; else the undated default (`[---]`: no actor that day); else
  `<country>ELI` after the last dated code, the bare country before the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from eventwire.actors.entries import (
    NO_CODE,
    ActorEntry,
    AgentTerm,
    CountryTerm,
    KnownPhrase,
    Tenure,
    split_code,
)
from eventwire.actors.petrarch_format import Block, DictionaryFile, Slip
from eventwire.actors.tables import Phrase

SKIPPED = frozenset({"entry skipped", "line skipped", "rest of file skipped"})


@dataclass(frozen=True, slots=True)
class FileCounts:
    """What one user dictionary file gave: counts for `eventwire actors check` and the summary."""

    path: str
    lines: int
    entries: int = 0
    phrases: int = 0
    synonyms: int = 0
    dated_codes: int = 0
    actors: int = 0
    countries: int = 0
    agents: int = 0
    no_code: int = 0
    sets: int = 0
    slips: tuple[Slip, ...] = ()

    @property
    def skipped(self) -> int:
        """Entries (or lines) lost to slips; a skipped dated code keeps its entry."""
        return sum(1 for s in self.slips if s.cost in SKIPPED)


def phrase_text(raw: str) -> str:
    """`SERGEY LAVROV` -> `Sergey Lavrov`: words title-cased except dotted acronyms (`U.N.`)
    and a short word alone (`UN`, `GVF`: matched as written). In a longer phrase a short word
    is title-cased: PETRARCH files are all capitals, and `BAN KI-MOON` is no acronym."""
    words = raw.split()
    if len(words) == 1 and len(raw) <= 3 and raw.isalpha() and raw.isupper():
        return raw
    return " ".join(w if "." in w and w.isupper() else w.capitalize() for w in words)


def plural(phrase: str) -> str | None:
    """The regular English plural of a phrase's last word ("police officer" -> "... officers")."""
    head, _, last = phrase.rpartition(" ")
    word = last.upper()
    if not word.isalpha() or len(word) < 3:
        return None
    if word.endswith("MAN"):
        form = last[:-3] + ("men" if last.islower() else "MEN")
    elif word.endswith("Y") and word[-2] not in "AEIOU":
        form = last[:-1] + ("ies" if last.islower() else "IES")
    elif word.endswith(("S", "X", "Z", "CH", "SH")):
        form = last + ("es" if last.islower() else "ES")
    else:
        form = last + ("s" if last.islower() else "S")
    return f"{head} {form}" if head else form


def _tenure(
    code: str, countries: frozenset[str], start: date | None = None, end: date | None = None
) -> Tenure:
    country, agent = split_code(code, countries)
    return Tenure(code, country, agent, start=start, end=end)


def _country_code(block: Block, countries: frozenset[str]) -> str | None:
    """The country a block names, if it is a country word: its undated bare country code, else
    its open-ended one; and no other undated code beside it."""
    undated = [g.code for g in block.codes if not g.dated]
    if undated:
        return undated[0] if undated[0] in countries and len(set(undated)) == 1 else None
    open_ended = [g for g in block.codes if g.dated and g.end is None and g.code in countries]
    if not open_ended:
        return None
    return max(open_ended, key=lambda g: g.start or date.min).code  # the latest begun


def block_phrases(
    block: Block, countries: frozenset[str], country_names: dict[str, str]
) -> tuple[str, list[Phrase]]:
    """(kind, phrases) of one block; kind is "agent", "country", "no_code" or "actor"."""
    agent = next((g for g in block.codes if g.agent), None)
    if agent is not None:
        term = AgentTerm(agent.code, None, False, False, prefix=agent.prefix)
        forms = list(block.phrases) + list(block.plurals)
        if not block.plurals_given and not block.from_set:
            forms += [p for p in map(plural, block.phrases) if p]
        return "agent", [Phrase(f.lower(), term, False, True) for f in dict.fromkeys(forms)]
    texts = [phrase_text(p) for p in block.phrases]
    if all(g.code == NO_CODE for g in block.codes):
        known = KnownPhrase(texts[0])
        return "no_code", [Phrase(t, known, True, True) for t in texts]
    country = _country_code(block, countries)
    if country is not None:
        term = CountryTerm(country, "name", country_names.get(country, texts[0]))
        return "country", [Phrase(t, term, True, True) for t in texts]
    dated = tuple(_tenure(g.code, countries, g.start, g.end) for g in block.codes if g.dated)
    undated = [g for g in block.codes if not g.dated]
    default = _tenure(undated[0].code, countries) if undated else None
    codes = {g.code for g in block.codes if g.code != NO_CODE}
    kind = "state" if all(len(c) == 3 for c in codes) else "person" if dated else "organisation"
    entry = ActorEntry(texts[0], kind, dated, default=default, aliases=tuple(texts))
    return "actor", [Phrase(t, entry, True, True) for t in texts]


def petrarch_phrases(
    read: DictionaryFile, countries: frozenset[str], country_names: dict[str, str]
) -> tuple[list[Phrase], FileCounts]:
    """The phrases of a read PETRARCH/TABARI file, as user entries, and what it held."""
    phrases: list[Phrase] = []
    kinds = {"agent": 0, "country": 0, "no_code": 0, "actor": 0}
    synonyms = dated = 0
    for block in read.blocks:
        kind, found = block_phrases(block, countries, country_names)
        kinds[kind] += 1
        phrases.extend(found)
        synonyms += len(block.phrases) - 1
        dated += sum(1 for g in block.codes if g.dated)
    counts = FileCounts(
        read.path,
        read.lines,
        entries=len(read.blocks),
        phrases=len(phrases),
        synonyms=synonyms,
        dated_codes=dated,
        actors=kinds["actor"],
        countries=kinds["country"],
        agents=kinds["agent"],
        no_code=kinds["no_code"],
        sets=len(read.sets),
        slips=tuple(read.slips),
    )
    return phrases, counts
