"""The word lists of time expressions (lexicon.yaml), loaded once into a TimeLexicon."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

SECTIONS = (
    "months",
    "weekdays",
    "numbers",
    "vague_numbers",
    "ordinals",
    "units",
    "unit_plurals",
    "decade_words",
    "seasons",
    "day_parts",
    "sets",
    "refs",
    "vague_periods",
    "mods",
    "holidays",
    "floating_holidays",
    "easter_holidays",
    "future_verbs",
    "generic_nouns",
)
_LISTS = ("vague_numbers", "future_verbs", "generic_nouns")


class LexiconError(ValueError):
    """The lexicon file is missing a section or has a value of the wrong shape."""


@dataclass(frozen=True)
class TimeLexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    decade_words: dict[str, int]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    sets: dict[str, str]
    refs: dict[str, str]
    vague_periods: dict[str, str]
    mods: dict[str, str]
    holidays: dict[str, str]
    floating_holidays: dict[str, tuple[int, int, int]]  # month, ISO weekday, nth (-1: last)
    easter_holidays: dict[str, tuple[str, int]]  # calendar (western|orthodox), days from Easter
    future_verbs: frozenset[str]
    generic_nouns: frozenset[str]  # "today's youth": the present age, not the article's day


def lexicon_from_mapping(data: dict[str, Any]) -> TimeLexicon:
    """Check the shape of the parsed YAML and build the lexicon from it."""
    missing = [s for s in SECTIONS if s not in data]
    if missing:
        raise LexiconError(f"time lexicon lacks sections: {', '.join(missing)}")
    for name in SECTIONS:
        section = data[name]
        if name in _LISTS:
            if not isinstance(section, list) or not all(isinstance(w, str) for w in section):
                raise LexiconError(f"time lexicon section {name!r} must be a list of words")
        elif not isinstance(section, dict):
            raise LexiconError(f"time lexicon section {name!r} must be a mapping")
    return TimeLexicon(
        months={k: int(v) for k, v in data["months"].items()},
        weekdays={k: int(v) for k, v in data["weekdays"].items()},
        numbers={k: float(v) for k, v in data["numbers"].items()},
        vague_numbers=tuple(data["vague_numbers"]),
        ordinals={k: int(v) for k, v in data["ordinals"].items()},
        units={k: str(v) for k, v in data["units"].items()},
        unit_plurals={k: str(v) for k, v in data["unit_plurals"].items()},
        decade_words={k: int(v) for k, v in data["decade_words"].items()},
        seasons={k: str(v) for k, v in data["seasons"].items()},
        day_parts={k: str(v) for k, v in data["day_parts"].items()},
        sets={k: str(v) for k, v in data["sets"].items()},
        refs={k: str(v) for k, v in data["refs"].items()},
        vague_periods={k: str(v) for k, v in data["vague_periods"].items()},
        mods={k: str(v) for k, v in data["mods"].items()},
        holidays={k: str(v) for k, v in data["holidays"].items()},
        floating_holidays={
            k: _triple("floating_holidays", v) for k, v in data["floating_holidays"].items()
        },
        easter_holidays={k: _easter_offset(v) for k, v in data["easter_holidays"].items()},
        future_verbs=frozenset(data["future_verbs"]),
        generic_nouns=frozenset(data["generic_nouns"]),
    )


def _triple(section: str, value: Any) -> tuple[int, int, int]:
    if not (isinstance(value, list) and len(value) == 3 and all(isinstance(v, int) for v in value)):
        raise LexiconError(f"time lexicon section {section!r}: {value!r} is not [month, day, n]")
    return value[0], value[1], value[2]


def _easter_offset(value: Any) -> tuple[str, int]:
    if not (
        isinstance(value, list)
        and len(value) == 2
        and value[0] in ("western", "orthodox")
        and isinstance(value[1], int)
    ):
        raise LexiconError(
            f"time lexicon section 'easter_holidays': {value!r} is not [western|orthodox, days]"
        )
    return value[0], value[1]


def load_lexicon() -> TimeLexicon:
    """Read lexicon.yaml from the package."""
    text = resources.files("eventwire.times").joinpath("lexicon.yaml").read_text("utf-8")
    return lexicon_from_mapping(yaml.safe_load(text))
