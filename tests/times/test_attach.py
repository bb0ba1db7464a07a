"""The time attached to an event trigger: own clause first, then the sentence."""

from __future__ import annotations

from spacy.language import Language

from eventwire.records import TimeRef
from eventwire.times.attach import is_event_date, time_for_trigger


def _ref(text: str, phrase: str, value: str, kind: str = "DATE") -> TimeRef:
    start = text.index(phrase)
    return TimeRef(phrase, start, start + len(phrase), kind, value)


def _token(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_time_in_own_clause_beats_nearer_clause(nlp: Language) -> None:
    text = "The envoy met the rebels on Friday after they had attacked the town on Tuesday."
    doc = nlp(text)
    friday = _ref(text, "Friday", "2021-03-05")
    tuesday = _ref(text, "Tuesday", "2021-03-02")
    assert time_for_trigger(doc, _token(doc, "attacked"), [friday, tuesday]) == tuesday
    assert time_for_trigger(doc, _token(doc, "met"), [friday, tuesday]) == friday


def test_noun_trigger_takes_time_of_its_modifying_clause(nlp: Language) -> None:
    text = "Both sides prepared for a summit to be held in Geneva on March 3."
    doc = nlp(text)
    march = _ref(text, "March 3", "2022-03-03")
    assert time_for_trigger(doc, _token(doc, "summit"), [march]) == march


def test_sentence_fallback_and_none(nlp: Language) -> None:
    text = "On Sunday, police said protesters were arrested. Talks resumed."
    doc = nlp(text)
    sunday = _ref(text, "Sunday", "2020-06-07")
    assert time_for_trigger(doc, _token(doc, "arrested"), [sunday]) == sunday
    assert time_for_trigger(doc, _token(doc, "resumed"), [sunday]) is None


def test_durations_sets_and_refs_do_not_date_events(nlp: Language) -> None:
    text = "The army shelled the city for three days, as it does every week, until now."
    doc = nlp(text)
    times = [
        _ref(text, "three days", "P3D", "DURATION"),
        _ref(text, "every week", "P1W", "SET"),
        _ref(text, "now", "PRESENT_REF"),
    ]
    assert time_for_trigger(doc, _token(doc, "shelled"), times) is None
    assert is_event_date(TimeRef("2013-W11", 0, 1, "DATE", "2013-W11"))
    assert is_event_date(TimeRef("1998-Q3", 0, 1, "DATE", "1998-Q3"))
    assert not is_event_date(TimeRef("x", 0, 1, "DATE", "FUTURE_REF"))
