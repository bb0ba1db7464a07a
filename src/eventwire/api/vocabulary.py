"""The codes a client may filter on, read from the CAMEO codebook (events/cameo.tsv).

Loaded once by create_app and kept on the app: the PLOVER filter is checked against it and the
dashboard fills its menus from GET /vocabulary, so no list of codes is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from eventwire.events import Codebook


@dataclass(frozen=True, slots=True)
class Vocabulary:
    plover: tuple[str, ...]  # PLOVER types, in the order their first CAMEO code appears
    cameo_roots: dict[str, str]  # root -> name, "01" -> "Make public statement"

    def as_json(self) -> dict[str, Any]:
        return {"plover": list(self.plover), "cameo_roots": self.cameo_roots}


def load_vocabulary(codebook: Codebook | None = None) -> Vocabulary:
    codebook = codebook or Codebook.load()
    plover: dict[str, None] = {}
    roots: dict[str, str] = {}
    for code in sorted(codebook.codes):
        entry = codebook.codes[code]
        plover.setdefault(entry.plover.type.upper(), None)
        if code == entry.root:
            roots[code] = entry.name
    return Vocabulary(tuple(plover), roots)
