"""Name normalisation shared by the gazetteer index and the text matcher."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_INNER_DOT = re.compile(r"\.(?=\S)")  # "U.S." -> "US.", "St. Louis" keeps its space
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "‐": "-", "–": "-", "—": "-"})


def fold(text: str) -> str:
    """Accents stripped: "Îdlîb" -> "Idlib", "Zürich" -> "Zurich"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_key(text: str) -> str:
    """The lookup key of a name: folded, lower case, no dots, one space between words.

    "St. Louis" -> "st louis", "U.S." -> "us", "Winston-Salem" -> "winston-salem".
    """
    folded = _INNER_DOT.sub("", fold(text).translate(_QUOTES)).replace(".", " ").lower()
    return _SPACES.sub(" ", folded).strip()


def is_latin_name(name: str) -> bool:
    """True for a name written in Latin letters that starts with a capital (a usable variant)."""
    folded = fold(name)
    if not folded or not folded[0].isupper():
        return False
    return all(ch.isascii() for ch in folded)


def looks_like_code(name: str) -> bool:
    """Airport and similar codes among alternate names: "MOW", "IST", "AEX"."""
    return name.isupper() and len(name) <= 4
