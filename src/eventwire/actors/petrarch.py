"""Reader of PETRARCH/TABARI actor and agent dictionaries (the `.actors` / `.agents` text format).

The syntax read (as documented for PETRARCH's dictionaries):
- `#` starts a comment, to the end of the line; blank lines are skipped.
- A phrase is words joined by `_` (`SERGEY_LAVROV_`); a trailing `_` marks the end of a word.
- A root line holds a phrase, optionally `{PLURAL FORMS}` and one or more codes in brackets.
- A line `+PHRASE` adds a synonym of the root above it; a line `[CODE ...]` adds a code to it.
- A code may be dated: `[RUSGOV 20040309-20241231]` (between), `[RUSGOV >20040309]` (from that
  day on), `[RUSELI <20040309]` (before it); an undated code is the default when no dated code
  covers the date. Dates are YYYYMMDD or TABARI's YYMMDD (years 50-99 are 19xx).
- A code with `~` (`[~GOV]`, `[GOV~]`) is an agent: an agents dictionary entry.
A block whose only code is a bare country code (`[AFG]`) is a country word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from eventwire.actors.entries import ActorEntry, AgentTerm, CountryTerm, Tenure, split_code
from eventwire.actors.tables import DictionaryError, Phrase

_CODE = re.compile(r"\[([^\]]*)\]")
_PLURALS = re.compile(r"\{([^}]*)\}")


@dataclass
class _Block:
    line: int
    phrases: list[str] = field(default_factory=list)
    codes: list[tuple[str, int]] = field(default_factory=list)  # (code text, line)


def phrase_text(raw: str) -> str:
    """`SERGEY_LAVROV_` -> `Sergey Lavrov`: words title-cased except short acronyms (`UN`)."""
    words = [w for w in raw.strip().strip("+").replace("_", " ").split() if w]
    return " ".join(
        w if len(w) <= 3 and w.isalpha() and w.isupper() else w.capitalize() for w in words
    )


def parse_day(text: str, path: Path, line: int) -> date:
    digits = text.strip()
    try:
        if len(digits) == 6:  # TABARI's YYMMDD
            year = int(digits[:2])
            digits = f"{1900 + year if year >= 50 else 2000 + year}{digits[2:]}"
        if len(digits) != 8 or not digits.isdigit():
            raise ValueError(digits)
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError as exc:
        raise DictionaryError(path, line, f"bad date {text!r}: write YYYYMMDD") from exc


def parse_code(
    text: str, countries: frozenset[str], path: Path, line: int
) -> tuple[Tenure, bool, bool]:
    """A bracketed code as (tenure, is_agent, is_dated)."""
    parts = text.split()
    if not parts:
        raise DictionaryError(path, line, "empty code []")
    code = parts[0]
    agent_code = "~" in code
    code = code.replace("~", "").upper()
    if not code.isalnum():
        raise DictionaryError(path, line, f"bad code {parts[0]!r}")
    start = end = None
    if len(parts) > 1:
        spec = parts[1]
        if spec.startswith(">"):
            start = parse_day(spec[1:], path, line)
        elif spec.startswith("<"):
            end = parse_day(spec[1:], path, line) - timedelta(days=1)
        elif "-" in spec:
            first, _, last = spec.partition("-")
            start = parse_day(first, path, line) if first else None
            end = parse_day(last, path, line) if last else None
        else:
            raise DictionaryError(path, line, f"bad date restriction {spec!r}")
    country, agent = split_code(code, countries)
    return Tenure(code, country, agent, start=start, end=end), agent_code, len(parts) > 1


def _blocks(path: Path) -> Iterator[_Block]:
    block: _Block | None = None
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("+"):
                if block is None:
                    raise DictionaryError(path, number, "synonym line before any root phrase")
                block.phrases.append(_CODE.sub("", line[1:]))
                block.codes.extend((c, number) for c in _CODE.findall(line))
            elif line.startswith("["):
                if block is None:
                    raise DictionaryError(path, number, "code line before any root phrase")
                block.codes.extend((c, number) for c in _CODE.findall(line))
            else:
                if block is not None:
                    yield block
                block = _Block(number)
                plurals = _PLURALS.findall(line)
                head = _PLURALS.sub("", _CODE.sub("", line))
                block.phrases.append(head)
                for group in plurals:
                    block.phrases.extend(group.split())
                block.codes.extend((c, number) for c in _CODE.findall(line))
    if block is not None:
        yield block


def petrarch_phrases(path: Path, countries: frozenset[str]) -> Iterator[Phrase]:
    """The phrases of a PETRARCH/TABARI actors or agents file, as user entries."""
    for block in _blocks(path):
        texts = [t for t in (phrase_text(p) for p in block.phrases) if t]
        if not block.codes:
            raise DictionaryError(path, block.line, f"no code for {texts[0] if texts else '?'}")
        parsed = [parse_code(c, countries, path, n) for c, n in block.codes]
        if any(is_agent for _, is_agent, _ in parsed):
            tenure = parsed[0][0]
            term = AgentTerm(tenure.code, None, True, False)
            for text in texts:
                yield Phrase(text.lower(), term, False, True)
            continue
        dated = tuple(t for t, _, is_dated in parsed if is_dated)
        undated = [t for t, _, is_dated in parsed if not is_dated]
        default = undated[0] if undated else None
        if not dated and default and default.code in countries:
            entry_c = CountryTerm(default.code, "name", texts[0])
            for text in texts:
                yield Phrase(text, entry_c, True, True)
            continue
        kind = "person" if dated else "organisation"
        entry = ActorEntry(texts[0], kind, dated, default=default, aliases=tuple(texts))
        for text in texts:
            yield Phrase(text, entry, True, True)
