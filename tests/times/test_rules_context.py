"""Rules that read the parse or the text around an expression: past perfect, possessive
weekdays, times of day anchored on the day last named, rates, ranges, generic "today's"."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from eventwire.times import find_times

DCT = date(2021, 6, 16)  # a Wednesday


def _values(text: str, nlp: Language | None = None) -> dict[str, tuple[str, str]]:
    doc = nlp(text) if nlp is not None else None
    return {t.text: (t.type, t.value) for t in find_times(text, DCT, doc)}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # past perfect: the day lies before a past point, even after "until" or "due to"
        ("Until Thursday, the police had not named a suspect.", "Thursday", "2021-06-10"),
        ("The offer had been due to lapse on Friday.", "Friday", "2021-06-11"),
        # a modal over a perfect looks back
        ("The storm may have caused the outage on Monday.", "Monday", "2021-06-14"),
        ("The storm may cause outages on Monday.", "Monday", "2021-06-21"),
        # a possessive weekday is not dated by the "would" of its clause: the nearest such day
        ("Lawyers said they would try to overturn Monday's verdict.", "Monday", "2021-06-14"),
        ("Lawyers said they would appeal on Monday.", "Monday", "2021-06-21"),
        # a bare participle takes the tense of its clause
        (
            "The airline will add flights, with the third departing from August 6.",
            "August 6",
            "2021-08-06",
        ),
    ],
)
def test_tense_of_the_clause(nlp: Language, text: str, expr: str, value: str) -> None:
    assert _values(text, nlp)[expr] == ("DATE", value)


def test_clock_time_takes_the_day_last_named(nlp: Language) -> None:
    text = "Rebels stormed the depot on June 2. The first shots were heard at 5 a.m. by villagers."
    assert _values(text, nlp)["5 a.m."] == ("TIME", "2021-06-02T05:00")
    assert _values("Sirens sounded at 5 a.m. in the port.", nlp)["5 a.m."] == (
        "TIME",
        "2021-06-16T05:00",
    )


@pytest.mark.parametrize(
    "text",
    [
        "The merger will save the group $3 million a year.",
        "Ferries run six crossings a week to the island.",
        "Rooms cost between $40 and $60 a night.",
    ],
)
def test_rates_are_not_times(text: str) -> None:
    assert find_times(text, DCT) == []


def test_frequency_words_still_make_sets() -> None:
    assert _values("Inspectors visit the site once a week.")["once a week"] == ("SET", "P1W")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2004-2006 drought ruined farmers.", {"2004": "2004", "2006": "2006"}),
        ("Rainfall fell between 2001 and 2003 prices rose.", {"2001": "2001", "2003": "2003"}),
        ("Delegates met on March 2-4 in Oslo.", {"March 2": "2021-03-02", "4": "2021-03-04"}),
    ],
)
def test_ranges_give_one_time_per_end(text: str, expected: dict[str, str]) -> None:
    assert {k: v for k, (_, v) in _values(text).items()} == expected


def test_a_code_with_dashes_is_no_range() -> None:
    assert find_times("Call the hotline on 1998-2000-3456 for help.", DCT) == []


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The hearing lasted an hour and a half.", "an hour and a half", "PT1H30M"),
        ("The truce held for a year and a half.", "a year and a half", "P1Y6M"),
        ("The shelling stopped for a minute and a half.", "a minute and a half", "PT1M30S"),
    ],
)
def test_and_a_half_after_the_unit(text: str, expr: str, value: str) -> None:
    assert _values(text)[expr] == ("DURATION", value)


def test_that_evening_and_that_same_day_take_the_day_last_named(nlp: Language) -> None:
    text = "Troops entered the city on May 3. That evening the mayor fled; that same day he quit."
    found = _values(text, nlp)
    assert found["That evening"] == ("TIME", "2021-05-03TEV")
    assert found["that same day"] == ("DATE", "2021-05-03")
    assert "That evening" not in _values("That evening was calm.", nlp)


@pytest.mark.parametrize(
    "text",
    ["Today's youth distrust the parties.", "Many of today's laptop computers overheat."],
)
def test_generic_today_is_no_date(text: str) -> None:
    assert find_times(text, DCT) == []


def test_today_before_an_event_noun_is_the_article_day() -> None:
    assert _values("Today's vote was delayed.")["Today"] == ("DATE", "2021-06-16")


@pytest.mark.parametrize(
    ("text", "expr", "kind", "value"),
    [
        ("Inspectors report every three months.", "every three months", "SET", "P3M"),
        ("The council is renewed every other year.", "every other year", "SET", "P2Y"),
        ("The market opens on Tuesdays.", "Tuesdays", "SET", "XXXX-WXX-2"),
        ("Over the years the movement split.", "the years", "DURATION", "PXY"),
        ("Prices may fall in the months ahead.", "the months ahead", "DURATION", "PXM"),
        ("In the decades that followed, the port declined.", "the decades", "DURATION", "PXDE"),
    ],
)
def test_sets_and_vague_stretches(text: str, expr: str, kind: str, value: str) -> None:
    assert _values(text)[expr] == (kind, value)


def test_the_years_of_is_no_time() -> None:
    assert find_times("In the years of famine, many left.", DCT) == []


def test_later_counts_from_the_year_last_named() -> None:
    text = "The mine shut in 2003; four years later it reopened."
    assert _values(text)["four years later"] == ("DATE", "2007")
    assert _values("Four years later, it reopened.")["Four years later"] == ("DURATION", "P4Y")


def test_quarter_ended_is_the_calendar_quarter_of_its_middle_month() -> None:
    found = _values("Orders rose in the quarter ended July 31.")
    assert found["the quarter"] == ("DATE", "2020-Q2")
    found = _values("Orders rose in the quarter ended Sept. 30.")
    assert found["the quarter"] == ("DATE", "2020-Q3")


def test_the_future_of_something_is_no_time() -> None:
    assert find_times("Leaders argued over the future of the alliance.", DCT) == []
    assert _values("Leaders may meet again in the future.")["the future"] == (
        "DATE",
        "FUTURE_REF",
    )


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The decades-long feud ended.", "decades-long", "PXDE"),
        ("Their third week-long strike began.", "week-long", "P1W"),
    ],
)
def test_long_adjectives_are_durations(text: str, expr: str, value: str) -> None:
    assert _values(text)[expr] == ("DURATION", value)


def test_vague_count_later_is_a_duration() -> None:
    assert _values("A few days later the envoy left.")["A few days later"] == ("DURATION", "PXD")
    assert _values("The envoy left a few days ago.")["a few days ago"] == ("DATE", "PAST_REF")


def test_noon_or_midnight_on_a_weekday() -> None:
    found = _values("The truce ran out at midnight on Sunday.")
    assert found["midnight on Sunday"] == ("TIME", "2021-06-13T00:00")


def test_title_cased_this_week_is_a_name() -> None:
    assert find_times('The minister spoke on the TV show "This Week" about the war.', DCT) == []
    assert _values("Ministers met this week.")["this week"] == ("DATE", "2021-W24")


def test_today_after_a_capitalised_word_is_a_name() -> None:
    assert find_times("A poll for USA Today showed a lead.", DCT) == []
    assert _values("Today the army withdrew.")["Today"] == ("DATE", "2021-06-16")


@pytest.mark.parametrize(
    ("text", "expr", "kind", "value"),
    [
        (
            "Losses may reach two billion dollars in a year, officials said.",
            "a year",
            "DURATION",
            "P1Y",
        ),
        ("The firm signed a one-year contract worth 5 million.", "one-year", "DURATION", "P1Y"),
        (
            "Sales rose to 9 million from 8 million a year before and costs fell.",
            "a year before",
            "DATE",
            "2020",
        ),
        (
            "A separation of the two banks is planned in the future of the group.",
            "the future",
            "DATE",
            "FUTURE_REF",
        ),
    ],
)
def test_near_misses_of_the_rate_and_future_rules(
    text: str, expr: str, kind: str, value: str
) -> None:
    assert _values(text)[expr] == (kind, value)


def test_plural_weekday_after_a_capitalised_word_is_a_name() -> None:
    assert find_times("The Happy Mondays played in Leeds.", DCT) == []


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # a fronted day before a past planning verb is when the plan was made ...
        ("On Monday, the ministry planned to reopen the border.", "Monday", "2021-06-14"),
        # ... a day after it is the day planned
        ("The ministry planned a ceremony on Monday at the border.", "Monday", "2021-06-21"),
        ("Talks were scheduled for Friday in Geneva.", "Friday", "2021-06-18"),
    ],
)
def test_planning_verbs(nlp: Language, text: str, expr: str, value: str) -> None:
    assert _values(text, nlp)[expr] == ("DATE", value)


def test_that_day_after_a_month_is_a_day_of_that_month(nlp: Language) -> None:
    text = (
        "The envoy was expelled last March. His embassy closed that same day, and on Monday "
        "it reopened. Staff returned the next day."
    )
    found = _values(text, nlp)
    assert found["that same day"] == ("DATE", "2021-03-XX")
    assert found["the next day"] == ("DATE", "2021-06-15")  # a named day takes the focus back


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "The day before last Friday's vote, the envoy left.",
            "day before last Friday",
            "2021-06-10",
        ),
        ("Two days after June 3, the talks resumed.", "Two days after June 3", "2021-06-05"),
        ("The talks resumed on June 3.", "June 3", "2021-06-03"),
    ],
)
def test_days_counted_from_a_date(nlp: Language, text: str, expr: str, value: str) -> None:
    assert _values(text, nlp)[expr] == ("DATE", value)


def test_a_titled_march_is_no_month(nlp: Language) -> None:
    found = _values("Crowds joined the annual March for Peace in the capital.", nlp)
    assert "March" not in found
    assert _values("Crowds gathered in the capital last March.", nlp)["last March"][1] == "2021-03"


def test_counted_days_reach_a_day_for_dating(nlp: Language) -> None:
    from eventwire.times.attach import time_for_trigger

    text = "Rebels seized the town on June 2. Three days later, the army retook it."
    doc = nlp(text)
    times = find_times(text, DCT, doc)
    later = next(t for t in times if t.text == "Three days later")
    assert (later.type, later.value, later.reaches) == ("DURATION", "P3D", "2021-06-05")
    trigger = next(t.i for t in doc if t.text == "retook")
    dated = time_for_trigger(doc, trigger, times)
    assert dated is not None and (dated.type, dated.value) == ("DATE", "2021-06-05")
    # with no day named before, the duration reaches nothing and dates nothing
    alone = find_times(
        "Three days later, the army retook it.", DCT, nlp("Three days later, the army retook it.")
    )
    assert alone[0].reaches is None
