"""The PETRARCH/TABARI dictionary format, read line by line into blocks of phrases and codes.

What is read (the format as PETRARCH2's own reader reads actor and agent files):
- `#` starts a comment anywhere on a line; `<!-- ... -->` comments may span lines.
- A base line holds a phrase (words joined by `_` or spaces), optional `{PLURALS}` and any number
  of `[CODE date]` groups. A line starting with `+` is a synonym of the block's phrase; an
  indented (or any) line starting with `[` adds codes to the block. A base line without a code
  joins the next base line's block (PETRARCH keeps collecting phrases until codes come).
- `!NAME! = A, B, C` defines a substitution set; `CATTLE!PERSON!` stands for one phrase per member.
- Dates are `YYMMDD` (years before 30 are 20xx) or `YYYYMMDD`: `<D` before, `>D` from that day,
  `FROM-TO` both days included. `[---]` is a phrase that is known and takes no code.
- Files may be UTF-8 or Latin-1 (line by line: a line that is not UTF-8 is read as Latin-1).
A slip costs only what it touches: an unreadable date drops that dated code, anything else
drops its entry; each is a `Slip` naming file, line, reason and what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import product
from pathlib import Path

NO_CODE = "---"
_GROUP = re.compile(r"\[([^\[\]]*)\]")
_PLURALS = re.compile(r"\{([^{}]*)\}")
_SET_USE = re.compile(r"!([A-Za-z0-9_]+)!")
_SET_LINE = re.compile(r"^!([A-Za-z0-9_]+)!\s*=(.*)$")
_CODE = re.compile(r"^(~?)([A-Za-z0-9]+)(~?)$")


@dataclass(frozen=True, slots=True)
class Slip:
    """A line the reader could not take as written: where, why, what to change, what it cost."""

    path: str
    line: int
    reason: str
    fix: str
    cost: str  # "entry skipped", "dated code skipped", "line skipped", or how it was read

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}: {self.fix} ({self.cost})"


@dataclass(frozen=True, slots=True)
class CodeGroup:
    """One `[CODE date]` group."""

    code: str  # upper case, without `~`; NO_CODE for `[---]`
    start: date | None = None
    end: date | None = None  # inclusive
    dated: bool = False
    agent: bool = False  # `[~GOV]`: an agent, combined with the country beside it
    prefix: bool = False  # `[IGO~]`: the agent code goes before the country's


@dataclass(frozen=True, slots=True)
class Block:
    """An entry: a base phrase, its synonyms and plurals, and its codes."""

    line: int
    phrases: tuple[str, ...]  # phrase texts with words separated by single spaces
    plurals: tuple[str, ...]  # plural forms given in `{}`
    codes: tuple[CodeGroup, ...]
    plurals_given: bool  # a `{}` was written (even empty: no plural wanted)
    from_set: bool  # the phrases came from a substitution set (which carries its own plurals)


@dataclass
class DictionaryFile:
    path: str
    blocks: list[Block] = field(default_factory=list)
    slips: list[Slip] = field(default_factory=list)
    sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    lines: int = 0


def decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")  # old dictionaries: every byte is a Latin-1 character


def parse_day(text: str) -> date:
    """`YYMMDD` or `YYYYMMDD` (ValueError otherwise)."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"{text!r} is not a day written YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


class _BadDate(ValueError):
    def __init__(self, reason: str, fix: str) -> None:
        super().__init__(reason)
        self.fix = fix


def _day(text: str) -> date:
    try:
        return parse_day(text)
    except ValueError as error:
        raise _BadDate(
            str(error), "write each day as YYMMDD or YYYYMMDD (900823, 19900823)"
        ) from None


@dataclass
class _Open:
    """The block being read."""

    line: int
    phrases: list[str] = field(default_factory=list)
    plurals: list[str] = field(default_factory=list)
    codes: list[CodeGroup] = field(default_factory=list)
    coded: bool = False  # a code group (even a skipped one) was seen
    plurals_given: bool = False
    from_set: bool = False
    broken: Slip | None = None


class _Reader:
    def __init__(self, path: str, data: bytes) -> None:
        self.out = DictionaryFile(path)
        self.path = path
        self.data = data
        self.block: _Open | None = None

    # -- slips ------------------------------------------------------------------------------
    def slip(self, line: int, reason: str, fix: str, cost: str) -> Slip:
        found = Slip(self.path, line, reason, fix, cost)
        self.out.slips.append(found)
        return found

    # -- lines ------------------------------------------------------------------------------
    def lines(self) -> list[tuple[int, str]]:
        """(number, text without comments) of every line that holds something; indentation
        says nothing (a code line is told by its `[`, as PETRARCH strips every line)."""
        kept: list[tuple[int, str]] = []
        comment_from = 0  # line where an open `<!--` started
        raw_lines = self.data.split(b"\n")
        self.out.lines = len(raw_lines) - (1 if raw_lines and raw_lines[-1] == b"" else 0)
        for number, raw in enumerate(raw_lines, start=1):
            text = decode_line(raw).rstrip("\r")
            if number == 1:
                text = text.lstrip("\ufeff")
            text, comment_from = _strip_html_comments(text, comment_from, number)
            text = text.split("#", 1)[0].strip()
            if text:
                kept.append((number, text))
        if comment_from:
            self.slip(
                comment_from,
                "comment `<!--` never closed",
                "close it with `-->`",
                "rest of file skipped",
            )
        return kept

    def read(self) -> DictionaryFile:
        lines = self.lines()
        for _, text in lines:  # sets first: an entry may use a set defined below it
            found = _SET_LINE.match(text)
            if found:
                members = tuple(m.strip().replace("_", " ") for m in found[2].split(","))
                self.out.sets[found[1].upper()] = tuple(m for m in members if m)
        for number, text in lines:
            if _SET_LINE.match(text):
                continue
            if text.startswith("+"):
                self.synonym(number, text[1:])
            elif text.startswith("["):
                self.codes_line(number, text)
            else:
                self.base(number, text)
        self.close()
        self.out.slips.sort(key=lambda slip: slip.line)  # an entry's own slip comes at its end
        return self.out

    # -- blocks -----------------------------------------------------------------------------
    def base(self, number: int, text: str) -> None:
        if self.block is not None and self.block.coded:
            self.close()
        if self.block is None:
            self.block = _Open(number)
        self.add_phrase(number, text, base=True)

    def synonym(self, number: int, text: str) -> None:
        if self.block is None:
            self.slip(
                number,
                "synonym line `+` before any base phrase",
                "put the base phrase on a line of its own above it",
                "line skipped",
            )
            return
        self.add_phrase(number, text, base=False)

    def codes_line(self, number: int, text: str) -> None:
        if self.block is None:
            self.slip(
                number,
                "code line before any base phrase",
                "put the phrase it codes on the line above",
                "line skipped",
            )
            return
        self.add_codes(number, text)

    def add_phrase(self, number: int, text: str, base: bool) -> None:
        block = self.block
        assert block is not None
        cut = text.find("[")
        head, rest = (text, "") if cut < 0 else (text[:cut], text[cut:])
        if base:
            for group in _PLURALS.findall(head):
                block.plurals_given = True
                block.plurals.extend(self.expand(number, p) for p in group.split())
        head = _PLURALS.sub(" ", head)
        if "{" in head or "}" in head:
            self.broken(number, f"unbalanced braces in {head.strip()!r}", "write {PLURAL_FORMS}")
            head = head.replace("{", " ").replace("}", " ")
        if "!" in head:
            block.from_set = True
        phrase = self.expand(number, head)
        if phrase:
            block.phrases.append(phrase)
        elif base or rest:
            self.broken(number, "no phrase before the code", "write the phrase before `[`")
        if rest:
            self.add_codes(number, rest)

    def expand(self, number: int, text: str) -> str:
        """A phrase as words joined by single spaces; sets expanded later (kept as `!NAME!`)."""
        for name in _SET_USE.findall(text):
            if name.upper() not in self.out.sets:
                self.broken(
                    number,
                    f"unknown substitution set !{name}!",
                    f"define it with a line `!{name.upper()}! = A, B, C`",
                )
        return " ".join(text.replace("_", " ").split())

    def add_codes(self, number: int, text: str) -> None:
        block = self.block
        assert block is not None
        block.coded = True
        leftover = " ".join(_GROUP.sub(" ", text).split())
        if any(c in leftover for c in "[]{}"):
            self.broken(
                number,
                f"unbalanced brackets in {text.strip()!r}",
                "write codes as [CODE], [CODE >YYMMDD], [CODE <YYMMDD] or [CODE FROM-TO]",
            )
            return
        if leftover:
            self.slip(
                number,
                f"text {leftover!r} beside the codes",
                "start a comment with # before it",
                "read without that text",
            )
        for content in _GROUP.findall(text):
            group = self.group(number, content)
            if group is not None:
                block.codes.append(group)

    def group(self, number: int, content: str) -> CodeGroup | None:
        parts = content.split()
        if not parts:
            self.broken(number, "empty code []", "write a CAMEO code inside the brackets")
            return None
        if parts[0] == NO_CODE:
            return CodeGroup(NO_CODE)
        found = _CODE.match(parts[0])
        if found is None or (found[1] and found[3]):
            self.broken(
                number, f"bad code {parts[0]!r}", "write letters and digits, `~` for an agent"
            )
            return None
        code = found[2].upper()
        agent, prefix = bool(found[1] or found[3]), bool(found[3])
        spec = "".join(parts[1:])
        if not spec:
            return CodeGroup(code, agent=agent, prefix=prefix)
        try:
            start, end = self.restriction(number, code, spec)
        except _BadDate as error:
            self.slip(
                number, f"bad date in [{content.strip()}]: {error}", error.fix, "dated code skipped"
            )
            return None
        return CodeGroup(code, start, end, True, agent, prefix)

    def restriction(self, number: int, code: str, spec: str) -> tuple[date | None, date | None]:
        if spec.startswith("<"):
            return None, _day(spec[1:]) - timedelta(days=1)
        if spec.startswith(">"):
            return _day(spec[1:]), None
        if "-" in spec:
            first, _, last = spec.partition("-")
            start = _day(first) if first else None
            end = _day(last) if last else None
            if start and end and end < start:
                raise _BadDate(
                    f"{last} is before {first}", "write FROM-TO with the earlier day first"
                )
            return start, end
        start = _day(spec)
        self.slip(
            number,
            f"date {spec} in [{code} {spec}] has no < or >",
            f"write [{code} >{spec}] (from that day) or [{code} <{spec}] (before it)",
            "read as from that day",
        )
        return start, None

    def broken(self, number: int, reason: str, fix: str) -> None:
        block = self.block
        if block is not None and block.broken is None:
            block.broken = self.slip(number, reason, fix, "entry skipped")

    def close(self) -> None:
        block, self.block = self.block, None
        if block is None or block.broken is not None:
            return
        if not block.coded:
            self.slip(
                block.line,
                f"no code for {block.phrases[0] if block.phrases else '?'}",
                "add a code line [CODE] below it, or [---] for a phrase that takes no code",
                "entry skipped",
            )
            return
        if not block.codes:
            self.slip(
                block.line,
                f"no code left for {block.phrases[0] if block.phrases else '?'}",
                "fix the dates of its codes (reported above)",
                "entry skipped",
            )
            return
        phrases = [p for text in block.phrases for p in self.substitute(text)]
        plurals = [p for text in block.plurals for p in self.substitute(text)]
        self.out.blocks.append(
            Block(
                block.line,
                tuple(dict.fromkeys(phrases)),
                tuple(dict.fromkeys(plurals)),
                tuple(block.codes),
                block.plurals_given,
                block.from_set,
            )
        )

    def substitute(self, text: str) -> list[str]:
        """Every phrase a text with `!SET!` names stands for (one per member, all combinations)."""
        if "!" not in text:
            return [text]
        pieces = _SET_USE.split(text)  # text, name, text, name, ..., text
        choices = [
            self.out.sets.get(piece.upper(), ()) if n % 2 else (piece,)
            for n, piece in enumerate(pieces)
        ]
        return [" ".join("".join(combo).split()) for combo in product(*choices)]


def _strip_html_comments(text: str, open_from: int, number: int) -> tuple[str, int]:
    """The line without `<!-- ... -->` parts; `open_from` is the line of a comment still open."""
    out = []
    rest = text
    while rest:
        if open_from:
            end = rest.find("-->")
            if end < 0:
                return "".join(out), open_from
            rest = rest[end + 3 :]
            open_from = 0
        else:
            start = rest.find("<!--")
            hash_at = rest.find("#")
            if start < 0 or 0 <= hash_at < start:  # "# see <!-- there": a `#` comment
                out.append(rest)
                break
            out.append(rest[:start] + " ")
            rest = rest[start + 4 :]
            open_from = number
    return "".join(out), open_from


def read_dictionary(path: str | Path, data: bytes | None = None) -> DictionaryFile:
    """Read a PETRARCH/TABARI actors or agents file (given its bytes, or read from `path`)."""
    if data is None:
        data = Path(path).read_bytes()
    return _Reader(str(path), data).read()
