"""User dictionaries given with `--actors`: each file read into phrases, with what it held and the
slips it had, and one summary for all (entries read, merged with known phrases, skipped)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from eventwire.actors.petrarch import FileCounts, petrarch_phrases
from eventwire.actors.petrarch_format import Slip, read_dictionary
from eventwire.actors.tables import DictionaryError, Phrase, table_phrases


@dataclass
class LoadReport:
    """What the user dictionaries gave; `merged` and `replaced` are filled as phrases are added."""

    files: list[FileCounts] = field(default_factory=list)
    merged: int = 0  # phrases already known: built-in ones saying the same, or an earlier file's
    replaced: int = 0  # built-in phrases the user's entries replaced

    @property
    def slips(self) -> list[Slip]:
        return [s for f in self.files for s in f.slips]

    @property
    def entries(self) -> int:
        return sum(f.entries for f in self.files)

    @property
    def skipped(self) -> int:
        return sum(f.skipped for f in self.files)

    def summary(self) -> str:
        warnings = len(self.slips)
        return (
            f"actor dictionaries: {self.entries:,} entries read from {len(self.files)} "
            f"file{'s' if len(self.files) != 1 else ''} "
            f"({sum(f.phrases for f in self.files):,} phrases); {self.merged:,} phrases merged "
            f"with known ones, {self.replaced:,} built-in phrases replaced; "
            f"{self.skipped:,} {'entry' if self.skipped == 1 else 'entries'} skipped, "
            f"{warnings:,} warning{'s' if warnings != 1 else ''}"
        )

    def check_strict(self) -> None:
        """--strict: any slip is an error (the first one named, with how many there are)."""
        slips = self.slips
        if slips:
            first = slips[0]
            more = f" (and {len(slips) - 1} more slips)" if len(slips) > 1 else ""
            raise DictionaryError(first.path, first.line, f"{first.reason}: {first.fix}{more}")


def user_file_phrases(
    path: Path, countries: frozenset[str], country_names: dict[str, str]
) -> tuple[list[Phrase], FileCounts]:
    """A user file's phrases: our TSV table format (`.tsv`, read whole: an error stops it) or a
    PETRARCH/TABARI actors or agents file (any other suffix: slips skip only their entry)."""
    if not path.is_file():
        raise DictionaryError(path, 0, "no such dictionary file")
    if path.suffix.lower() == ".tsv":
        phrases = list(table_phrases(path, countries, user=True))
        entries = len({id(p.entry) for p in phrases})
        lines = sum(1 for _ in path.open(encoding="utf-8"))
        return phrases, FileCounts(str(path), lines, entries=entries, phrases=len(phrases))
    return petrarch_phrases(read_dictionary(path), countries, country_names)
