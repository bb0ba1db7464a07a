"""resolve_date on single expressions, and the tense read from a parse."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from eventwire.times import find_times, resolve_date
from eventwire.times.lexicon import load_lexicon
from eventwire.times.tense import tense_from_doc, tense_from_text

DCT = date(2019, 12, 24)


def test_resolve_date_by_tense() -> None:
    assert resolve_date("Monday", DCT) == "2019-12-23"
    assert resolve_date("Monday", DCT, tense="future") == "2019-12-30"
    assert resolve_date("January 8th", DCT, tense="future") == "2020-01-08"
    assert resolve_date("last November", DCT) == "2019-11"
    assert resolve_date("two weeks ago", DCT) == "2019-W50"
    assert resolve_date("next quarter", DCT) is not None


def test_resolve_date_falls_back_and_refuses() -> None:
    assert resolve_date("the 3rd of February 2015", DCT) == "2015-02-03"
    assert resolve_date("a red bicycle", DCT) is None


def test_tense_from_parse(nlp: Language) -> None:
    lex = load_lexicon()
    cases = [
        ("The talks, to be held on Friday, were announced.", "Friday", "future"),
        ("The ministers spoke on Friday.", "Friday", "past"),
        ("The army will withdraw on Friday.", "Friday", "future"),
        ("He said they plan to meet on Friday.", "Friday", "future"),
        ("The hearing was postponed until Friday.", "Friday", "future"),
        ("The board named a new chairman, effective Feb. 1.", "Feb. 1", "future"),
    ]
    for text, word, expected in cases:
        start = text.index(word)
        assert tense_from_doc(nlp(text), start, start + len(word), lex) == expected, text


def test_tense_from_text_prefers_the_nearest_marker() -> None:
    text = "The rebels attacked Monday and will resume talks next week."
    assert tense_from_text(text, text.index("Monday")) == "past"
    assert tense_from_text("They will meet Monday.", 15) == "future"


def test_doc_must_match_text(nlp: Language) -> None:
    import pytest

    with pytest.raises(ValueError, match="exactly"):
        find_times("Talks were held on Monday in Paris.", DCT, nlp("Something else entirely"))


def test_bad_arguments_are_clear_errors() -> None:
    import pytest

    with pytest.raises(TypeError, match="published"):
        find_times("Talks on Monday.", "2019-12-24")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="tense"):
        resolve_date("Monday", DCT, tense="later")
