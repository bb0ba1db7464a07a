"""The CAMEO event codebook (cameo.tsv): names, Goldstein values, quad classes, PLOVER types."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.records import Plover

PLOVER_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip


class CodebookError(ValueError):
    """cameo.tsv is malformed (the message names the line)."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover: Plover
    reach: str  # "lexicon" (some pattern yields it) or "parent" (only via a parent/root code)


def code_fields(entry: CameoCode) -> dict[str, Any]:
    """The fields an Event takes from its code's entry (cameo, root, quad class, Goldstein,
    PLOVER), for building or recoding one."""
    return {
        "cameo": entry.code,
        "cameo_root": entry.root,
        "quad_class": entry.quad_class,
        "goldstein": entry.goldstein,
        "plover": entry.plover,
    }


def quad_class_of(root: str) -> int:
    """CAMEO quad class of a root: 01-05 verbal coop, 06-09 material coop, 10-14, 15-20."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4


class Codebook:
    """All CAMEO codes by code string; load once with `Codebook.load()` and pass it in."""

    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self.codes = codes

    @classmethod
    def load(cls, path: Path | None = None) -> Codebook:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("eventwire.events").joinpath("cameo.tsv").read_text("utf-8")
        )
        return cls(_parse(text))

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def __len__(self) -> int:
        return len(self.codes)

    def get(self, code: str) -> CameoCode:
        """The entry of a code; an unknown code falls back to its parent (4 -> 3 digits)."""
        entry = self.codes.get(code) or self.codes.get(code[:3])
        if entry is None:
            raise KeyError(f"unknown CAMEO code {code!r}")
        return entry


def _parse(text: str) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if not header_seen:
            header_seen = True
            continue
        if len(cols) != 8:
            raise CodebookError(f"cameo.tsv line {lineno}: expected 8 columns, got {len(cols)}")
        code, root, name, goldstein, quad, ptype, mode, reach = cols
        try:
            codes[code] = CameoCode(
                code, root, name, float(goldstein), int(quad), Plover(ptype, mode or None), reach
            )
        except ValueError as exc:
            raise CodebookError(f"cameo.tsv line {lineno}: {exc}") from exc
    return codes
