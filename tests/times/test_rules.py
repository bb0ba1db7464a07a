"""One case (at least) per rule family, in wording of our own, against a fixed article date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.times import find_times

DCT = date(2021, 6, 16)  # a Wednesday

CASES = [
    # (text, expression, type, value, mod)
    ("The ministers met on Friday in Geneva.", "Friday", "DATE", "2021-06-11", None),
    ("The ministers will meet on Friday in Geneva.", "Friday", "DATE", "2021-06-18", None),
    ("Rebels withdrew last Friday.", "last Friday", "DATE", "2021-06-11", None),
    ("The vote is due next Monday.", "next Monday", "DATE", "2021-06-21", None),
    ("The border reopened on (14/06).", "14/06", "DATE", "2021-06-14", None),
    ("A ceasefire was signed on 02/03/2020 in Doha.", "02/03/2020", "DATE", "2020-03-02", None),
    ("The pact was sealed on March 3, 2019.", "March 3, 2019", "DATE", "2019-03-03", None),
    ("Elections took place on 4 April 2018.", "4 April 2018", "DATE", "2018-04-04", None),
    ("Inflation peaked in Sept. 2020.", "Sept. 2020", "DATE", "2020-09", None),
    ("The envoy arrived on May 30th.", "May 30th", "DATE", "2021-05-30", None),
    ("The summit will open on July 2nd.", "July 2nd", "DATE", "2021-07-02", None),
    ("Talks stalled in February.", "February", "DATE", "2021-02", None),
    ("Prices rose last April.", "last April", "DATE", "2021-04", None),
    ("Prices rose last July.", "last July", "DATE", "2020-07", None),
    ("A new cabinet is expected next January.", "next January", "DATE", "2022-01", None),
    ("Troops left yesterday.", "yesterday", "DATE", "2021-06-15", None),
    ("The court rules tomorrow.", "tomorrow", "DATE", "2021-06-17", None),
    ("Unrest grew last week.", "last week", "DATE", "2021-W23", None),
    ("Exports fell last month.", "last month", "DATE", "2021-05", None),
    ("Growth slowed this year.", "this year", "DATE", "2021", None),
    ("The mine closed two years ago.", "two years ago", "DATE", "2019", None),
    ("The plan was drafted three months ago.", "three months ago", "DATE", "2021-03", None),
    ("The group met earlier this month.", "earlier this month", "DATE", "2021-06", "START"),
    ("Planting starts next spring.", "next spring", "DATE", "2022-SP", None),
    ("Output dipped in early March.", "early March", "DATE", "2021-03", "START"),
    ("Floods hit in late last July.", "late last July", "DATE", "2020-07", "END"),
    ("Reforms are due by the end of the year.", "the end of the year", "DATE", "2021", "END"),
    ("The dam opened in mid-2011.", "mid-2011", "DATE", "2011", "MID"),
    ("Revenue rose in fiscal 2019.", "fiscal 2019", "DATE", "2019", None),
    ("Unions were strong in the 1970s.", "the 1970s", "DATE", "197", None),
    ("Empires rose in the 19th century.", "the 19th century", "DATE", "18", None),
    ("Profit fell in the second quarter.", "the second quarter", "DATE", "2021-Q2", None),
    ("Output rose in the first half of 2020.", "the first half of 2020", "DATE", "2020-H1", None),
    ("Soldiers began a four-week patrol.", "four-week", "DURATION", "P4W", None),
    ("The siege lasted three days.", "three days", "DURATION", "P3D", None),
    ("They talked for two and a half hours.", "two and a half hours", "DURATION", "PT2H30M", None),
    (
        "The strike lasted nearly six months.",
        "nearly six months",
        "DURATION",
        "P6M",
        "EQUAL_OR_LESS",
    ),
    ("Prices doubled over the past five years.", "the past five years", "DURATION", "P5Y", None),
    ("Patrols leave every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("The council meets annually in Vienna.", "annually", None, None, None),
    ("The index is published weekly.", "weekly", "SET", "P1W", None),
    ("Gunfire was heard at 9:30 p.m.", "9:30 p.m.", "TIME", "2021-06-16T21:30", None),
    ("Shelling resumed this morning.", "this morning", "TIME", "2021-06-16TMO", None),
    ("The crisis is now over.", "now", "DATE", "PRESENT_REF", None),
    ("Fighting recently flared up.", "recently", "DATE", "PAST_REF", None),
    ("Talks may resume in the near future.", "the near future", "DATE", "FUTURE_REF", None),
    ("Stocks fell over the weekend.", "the weekend", "DATE", "2021-W23-WE", None),
    ("The plant closed on Labor Day.", "Labor Day", "DATE", "2020-09-07", None),
    (
        "The next vote falls after the third quarter ended.",
        "the third quarter",
        "DATE",
        "2021-Q3",
        None,
    ),
    ("Sales rose 5% for the year.", "the year", "DATE", "2021", None),
    ("Sales rose 4% in the year ended March 31.", "the year", "DURATION", "P1Y", None),
    (
        "Rioting began Sunday; three days later the army moved in.",
        "three days later",
        "DURATION",
        "P3D",
        None,
    ),
    (
        "The accord was signed in 1995 and ratified the following year.",
        "the following year",
        "DATE",
        "1996",
        None,
    ),
    ("Troops shelled the town on Saturday night.", "Saturday night", "DATE", "2021-06-12", None),
    ("They split under a January agreement.", "January", "DATE", "2021-01", None),
    (
        "Shares closed lower on Friday, and above the previous Friday.",
        "the previous Friday",
        "DATE",
        "2021-06-04",
        None,
    ),
    ("The vote is set for the 2nd.", "the 2nd", "DATE", "2021-07-02", None),
    ("A second blast struck at 17:45 GMT.", "17:45 GMT", "TIME", "2021-06-16T17:45", None),
    ("Curfew begins at 22:00.", "22:00", "TIME", "2021-06-16T22:00", None),
    ("Attacks grew over the past decade.", "the past decade", "DURATION", "P10Y", None),
    (
        "On June 2 at around 3 p.m., shots rang out.",
        "around 3 p.m.",
        "TIME",
        "2021-06-02T15:00",
        "APPROX",
    ),
    ("A hearing is due the week of July 5.", "the week of July 5", "DATE", "2021-W27", None),
    ("The decree of 24.12.2019 was annulled.", "24.12.2019", "DATE", "2019-12-24", None),
    ("Profit doubled in Q3 2020.", "Q3 2020", "DATE", "2020-Q3", None),
    ("Budget cuts hit FY2020.", "FY2020", "DATE", "2020", None),
    ("Sales were 1,466, down from 1,673 a year before.", "a year before", "DATE", "2020", None),
    ("Leaders met on May 24 and 25 in Rome.", "25", "DATE", "2021-05-25", None),
    ("The convoy left at 4 in the morning.", "4 in the morning", "TIME", "2021-06-16T04:00", None),
    ("The post-1991 reforms stalled.", "post-1991", "DATE", "1991", "AFTER"),
    (
        "Rebels struck on June 3; the next day troops arrived.",
        "the next day",
        "DATE",
        "2021-06-04",
        None,
    ),
    ("Prices rose in recent weeks.", "recent weeks", "DURATION", "PXW", None),
    ("Harvests failed in the fall.", "the fall", "DATE", "2020-FA", None),
    ("Shops will close on Christmas Day.", "Christmas Day", "DATE", "2021-12-25", None),
    # moveable feasts are counted from Easter Sunday (2021: April 4 western, May 2 orthodox)
    ("Pilgrims gathered at Easter.", "Easter", "DATE", "2021-04-04", None),
    ("The truce held over Good Friday.", "Good Friday", "DATE", "2021-04-02", None),
    ("Churches will fill on Orthodox Easter.", "Orthodox Easter", "DATE", "2022-04-24", None),
    ("Markets reopened after Boxing Day.", "Boxing Day", "DATE", "2020-12-26", None),
    ("Parades will march on Bastille Day.", "Bastille Day", "DATE", "2021-07-14", None),
]


@pytest.mark.parametrize(("text", "expr", "kind", "value", "mod"), CASES)
def test_rule(text: str, expr: str, kind: str | None, value: str | None, mod: str | None) -> None:
    found = {t.text: t for t in find_times(text, DCT)}
    if kind is None:  # words that must not be read as a time of their own
        assert expr not in found
        return
    assert expr in found, f"{expr!r} not found in {list(found)}"
    time = found[expr]
    assert (time.type, time.value, time.mod) == (kind, value, mod)
    assert text[time.start : time.end] == expr


@pytest.mark.parametrize(
    "text",
    [
        "The president may visit the region.",  # modal "may", not a month
        "Protesters march through the capital.",  # verb "march"
        "The 6-year-old girl was rescued.",  # an age, not a duration
        "Police seized 1,500 rifles and 2000 rounds.",  # quantities, not years
        "The minister won 55% of the vote.",
        "Thousands joined the March for Peace.",  # a name
        "It was high noon for the cabinet.",
        "Iraq imports three-quarters of its food.",  # a fraction
        "The chip runs 15 million instructions per second.",  # a rate
        "Shares rose by 10.50 points.",
        "Exporters blamed the fall in the dollar.",  # a noun
        "Sales rose 5% on the same period.",
        "Children wrote to Father Christmas.",
        "A poll for The Sunday Times showed a lead.",
        "It was the next day for the team.",  # no day named before: nothing to count from
        "He finished on the 5th ballot.",
        "Tourists flew to Easter Island.",  # a name
        "Crowds marked Easter week in the old city.",  # Holy Week or the week after: unsaid
    ],
)
def test_not_times(text: str) -> None:
    assert find_times(text, DCT) == []
