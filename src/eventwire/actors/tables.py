"""Readers of eventwire's own actor tables (TSV with a header, "#" comments) into phrase entries.

A table's kind is told by its header: `code, alpha2, name...` (countries.tsv), `code, adjectives...`
(country_terms.tsv), `phrases, agent...` (agents.tsv), `code, kind, name...` with optional
`country, agent, variants, start, end` (organisations.tsv) or `name, ..., code, ...` with
`office`/`role`/`short` (people.tsv and user actor tables).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from eventwire.actors.entries import ActorEntry, AgentTerm, CountryTerm, Entry, Tenure, split_code
from eventwire.errors import EventwireError


class DictionaryError(EventwireError, ValueError):
    """A dictionary file that cannot be read: says which file, which line, and what to fix."""

    def __init__(self, path: Path | str, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}", code="BAD_DICTIONARY")
        self.path = str(path)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Phrase:
    """A phrase of the dictionary and what it stands for. `proper`: its capitalised words must be
    capitalised in the text and its acronyms written exactly ("US", not "us")."""

    text: str
    entry: Entry
    proper: bool
    user: bool = False


Row = dict[str, str]


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, Row]]]:
    """The header and the (line number, row) pairs of a TSV table; comments and blanks skipped."""
    header: list[str] = []
    rows: list[tuple[int, Row]] = []
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.split("\t")]
            if not header:
                header = cells
                continue
            if len(cells) > len(header):
                raise DictionaryError(path, number, f"{len(cells)} cells for {len(header)} columns")
            cells += [""] * (len(header) - len(cells))
            rows.append((number, dict(zip(header, cells, strict=True))))
    if not header:
        raise DictionaryError(path, 0, "no header line")
    return header, rows


def split_list(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def parse_date(cell: str, path: Path, line: int) -> date | None:
    if not cell:
        return None
    try:
        return date.fromisoformat(cell)
    except ValueError as exc:
        raise DictionaryError(path, line, f"bad date {cell!r}: write YYYY-MM-DD") from exc


def country_phrases(countries: Path, terms: Path) -> tuple[dict[str, str], list[Phrase]]:
    """Names of countries ({code: short name}) and the phrases for them from both tables."""
    _, base = read_rows(countries)
    names = {row["code"]: row["short_name"] or row["name"] for _, row in base}
    phrases: list[Phrase] = []
    capitals: dict[str, str] = {}
    for _, row in base:
        code = row["code"]
        for name in {row["name"], row["short_name"], row["official_name"]}:
            if name and "," not in name:  # "Korea, Republic of" is a sort key, not a name
                phrases.append(Phrase(name, CountryTerm(code, "name", names[code]), True))
        if row["capital"]:
            capitals[code] = row["capital"]
    _, hand = read_rows(terms)
    described = {row["code"] for _, row in hand}
    for line, row in hand:
        code = row["code"]
        if code not in names:
            raise DictionaryError(terms, line, f"unknown country code {code!r}")
        start, end = _dates(row, terms, line)
        for column, form in (
            ("adjectives", "adjective"),
            ("demonyms", "demonym"),
            ("abbreviations", "abbreviation"),
            ("names", "name"),
            ("metonyms", "metonym"),
        ):
            for text in split_list(row[column]):
                if text == "-capital":
                    capitals.pop(code, None)
                    continue
                term = CountryTerm(code, form, names[code], start, end)
                phrases.append(Phrase(text, term, True))
    for code, capital in capitals.items():
        if code in described:  # only states we describe by hand: "Douglas" is no metonym
            phrases.append(Phrase(capital, CountryTerm(code, "metonym", names[code]), True))
    return names, phrases


def _dates(row: Row, path: Path, line: int) -> tuple[date | None, date | None]:
    """A row's optional `start`/`end` dates (empty: open), in order."""
    start = parse_date(row.get("start", ""), path, line)
    end = parse_date(row.get("end", ""), path, line)
    if start and end and end < start:
        raise DictionaryError(path, line, f"end {end} before start {start}")
    return start, end


def agent_phrases(path: Path, user: bool = False) -> Iterator[Phrase]:
    _, rows = read_rows(path)
    for line, row in rows:
        agent = row.get("agent", "")
        if not agent.isalpha() or not agent.isupper():
            raise DictionaryError(path, line, f"bad agent code {agent!r}")
        office = row.get("office") or None
        term = AgentTerm(
            agent, office, row.get("title") == "yes", row.get("needs_country") == "yes"
        )
        for text in split_list(row["phrases"]):
            counterpart = text.startswith("counterpart")
            entry = AgentTerm(agent, office, term.title, term.needs_country, counterpart)
            yield Phrase(text, entry, False, user)


def organisation_phrases(
    path: Path, countries: frozenset[str], user: bool = False
) -> Iterator[Phrase]:
    """Organisations and groups. Optional `start`/`end` columns date a row (empty: always);
    rows with the same name are one organisation whose code changes with the date (the Taliban:
    insurgents, then the de facto government)."""
    _, rows = read_rows(path)
    tenures: dict[str, list[Tenure]] = {}
    variants: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for line, row in rows:
        code = row["code"]
        country = row.get("country") or split_code(code, countries)[0]
        agent = row.get("agent") or split_code(code, countries)[1]
        if country and country not in countries:
            raise DictionaryError(path, line, f"unknown country code {country!r}")
        start, end = _dates(row, path, line)
        name = row["name"]
        held = tenures.setdefault(name, [])
        tenure = Tenure(code, country or None, agent or None, start=start, end=end)
        if any(_overlap(tenure, other) for other in held):
            raise DictionaryError(path, line, f"{name!r} has two codes on the same dates")
        held.append(tenure)
        variants.setdefault(name, []).extend(split_list(row.get("variants", "")))
        kinds[name] = row.get("kind") or "organisation"
    for name, held in tenures.items():
        entry = ActorEntry(name, kinds[name], tuple(held))
        for text in dict.fromkeys([name, *variants[name]]):
            yield Phrase(text, entry, True, user)


def _overlap(one: Tenure, two: Tenure) -> bool:
    """Whether two tenures share a day (an open start or end reaches to the ends of time)."""
    return (one.start is None or two.end is None or one.start <= two.end) and (
        two.start is None or one.end is None or two.start <= one.end
    )


def people_phrases(path: Path, countries: frozenset[str], user: bool = False) -> Iterator[Phrase]:
    """People (and other dated actors): rows with the same name are one person's tenures."""
    _, rows = read_rows(path)
    tenures: dict[str, list[Tenure]] = {}
    variants: dict[str, list[str]] = {}
    shorts: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for line, row in rows:
        name, code = row.get("name", ""), row.get("code", "")
        if not name or not code:
            raise DictionaryError(path, line, "a row needs a name and a code")
        country = row.get("country") or split_code(code, countries)[0]
        if country and country not in countries:
            raise DictionaryError(path, line, f"unknown country code {country!r}")
        start, end = _dates(row, path, line)
        agent = split_code(code, countries)[1]
        tenures.setdefault(name, []).append(
            Tenure(
                code,
                country or None,
                agent,
                row.get("office") or None,
                row.get("role") or None,
                start,
                end,
            )
        )
        variants.setdefault(name, []).extend(split_list(row.get("variants", "")))
        shorts.setdefault(name, []).extend(split_list(row.get("short", "")))
        kinds[name] = row.get("kind") or "person"
    for name, held in tenures.items():
        aliases = tuple(dict.fromkeys([name, *variants[name]]))
        entry = ActorEntry(name, kinds[name], tuple(held), aliases=aliases)
        for text in aliases:
            yield Phrase(text, entry, True, user)
        short_entry = ActorEntry(name, kinds[name], tuple(held), short=True, aliases=aliases)
        for text in dict.fromkeys(shorts[name]):
            yield Phrase(text, short_entry, True, user)


def table_phrases(path: Path, countries: frozenset[str], user: bool = False) -> Iterator[Phrase]:
    """The phrases of one of our tables (or a user table in the same format), by its header."""
    header, _ = read_rows(path)
    columns = set(header)
    if {"phrases", "agent"} <= columns:
        yield from agent_phrases(path, user)
    elif {"code", "kind", "name"} <= columns and not {"office", "role", "short"} & columns:
        yield from organisation_phrases(path, countries, user)
    elif {"name", "code"} <= columns:
        yield from people_phrases(path, countries, user)
    else:
        raise DictionaryError(
            path,
            1,
            "unknown table: the header needs `phrases, agent` (agents) or `name, code` (actors)",
        )
