"""The time attached to an event trigger: its own words, its clause, the verb reporting it."""

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


def test_relative_clause_on_another_noun_dates_nothing_else(nlp: Language) -> None:
    text = "The minister, who took office on Thursday, has rejected the calls."
    doc = nlp(text)
    thursday = _ref(text, "Thursday", "2021-05-06")
    assert time_for_trigger(doc, _token(doc, "rejected"), [thursday]) is None
    assert time_for_trigger(doc, _token(doc, "took"), [thursday]) == thursday


def test_event_noun_takes_its_own_date_over_its_clause(nlp: Language) -> None:
    text = "Today's agreement follows an agreement between Ghana and the lenders in December."
    doc = nlp(text)
    today = _ref(text, "Today", "2022-07-01")
    december = _ref(text, "December", "2021-12")
    first, second = [t.i for t in doc if t.text == "agreement"]
    assert time_for_trigger(doc, second, [today, december]) == december
    assert time_for_trigger(doc, first, [today, december]) == today


def test_time_inside_an_adjunct_clause_dates_the_verb(nlp: Language) -> None:
    text = "Troops killed 40 fighters while storming the base on Sunday, the army said today."
    doc = nlp(text)
    sunday = _ref(text, "Sunday", "2020-03-22")
    today = _ref(text, "today", "2020-03-25")
    assert time_for_trigger(doc, _token(doc, "killed"), [sunday, today]) == sunday


def test_deadline_is_not_the_date_of_the_promise(nlp: Language) -> None:
    text = "The treasurer promised to cut the deficit by 2008."
    doc = nlp(text)
    assert time_for_trigger(doc, _token(doc, "promised"), [_ref(text, "2008", "2008")]) is None


def test_next_sentence_dates_the_same_event_noun(nlp: Language) -> None:
    text = "The talks between the two ministers ended without a deal. They were held on Monday."
    doc = nlp(text)
    monday = _ref(text, "Monday", "2019-12-23")
    assert time_for_trigger(doc, _token(doc, "talks"), [monday]) == monday


def test_next_sentence_about_something_else_dates_nothing(nlp: Language) -> None:
    text = "The talks between the two ministers ended without a deal. Rain fell on Monday."
    doc = nlp(text)
    monday = _ref(text, "Monday", "2019-12-23")
    assert time_for_trigger(doc, _token(doc, "talks"), [monday]) is None
