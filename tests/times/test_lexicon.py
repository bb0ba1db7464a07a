"""Shape of lexicon.yaml, and a clear error for a broken one."""

from __future__ import annotations

import re

import pytest

from eventwire.times.lexicon import SECTIONS, LexiconError, lexicon_from_mapping, load_lexicon


def test_lexicon_shape() -> None:
    lex = load_lexicon()
    assert sorted(set(lex.months.values())) == list(range(1, 13))
    assert sorted(set(lex.weekdays.values())) == list(range(1, 8))
    assert set(lex.seasons.values()) == {"SP", "SU", "FA", "WI"}
    assert set(lex.day_parts.values()) <= {"MO", "AF", "EV", "NI", "DT"}
    assert all(re.fullmatch(r"P(T?\d+[SMHDWY])", v) for v in lex.sets.values())
    assert set(lex.refs.values()) == {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert all(re.fullmatch(r"PX[DWMY]", v) for v in lex.vague_periods.values())
    assert not set(lex.refs) & set(lex.vague_periods)
    assert set(lex.mods.values()) <= {
        "START",
        "END",
        "MID",
        "APPROX",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_LESS",
        "EQUAL_OR_MORE",
        "AFTER",
        "BEFORE",
    }
    assert all(re.fullmatch(r"\d\d-\d\d", v) for v in lex.holidays.values())
    assert all(1 <= v <= 31 for v in lex.ordinals.values())
    assert all(re.fullmatch(r"T?[SMHDWQY]|WE|2W|DE|CE|ML", v) for v in lex.units.values())
    assert all(k == k.lower() for k in lex.months | lex.weekdays | lex.refs)
    assert "plan" in lex.future_verbs
    assert "youth" in lex.generic_nouns and all(w == w.lower() for w in lex.generic_nouns)
    assert all(
        1 <= m <= 12 and 1 <= d <= 7 and n in (-1, 1, 2, 3, 4)
        for m, d, n in lex.floating_holidays.values()
    )


def test_missing_section_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="months"):
        lexicon_from_mapping({name: {} for name in SECTIONS if name != "months"})


def test_bad_floating_holiday_is_a_clear_error() -> None:
    data = {name: {} for name in SECTIONS}
    data["vague_numbers"] = []
    data["future_verbs"] = []
    data["generic_nouns"] = []
    data["floating_holidays"] = {"harvest day": [11, 4]}
    with pytest.raises(LexiconError, match="floating_holidays"):
        lexicon_from_mapping(data)


def test_wrong_shape_is_a_clear_error() -> None:
    data = {name: {} for name in SECTIONS}
    data["vague_numbers"] = {"few": 1}
    data["future_verbs"] = []
    data["generic_nouns"] = []
    with pytest.raises(LexiconError, match="vague_numbers"):
        lexicon_from_mapping(data)


def test_finder_uses_the_lexicon_passed_in() -> None:
    from dataclasses import replace
    from datetime import date

    from eventwire.times import find_times, load_time_finder

    lex = load_lexicon()
    custom = replace(lex, holidays={**lex.holidays, "founders day": "03-14"})
    finder = load_time_finder(custom)
    text = "Parades were held on Founders Day."
    assert [t.value for t in find_times(text, date(2020, 6, 1), finder=finder)] == ["2020-03-14"]
    assert find_times(text, date(2020, 6, 1)) == []
