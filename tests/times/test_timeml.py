"""TimeML output is well-formed XML with one TIMEX3 per expression, text escaped."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from eventwire.times import find_times, to_timeml


def test_timeml_round_trip() -> None:
    text = 'Talks on "A & B" (3 < 4) ended Monday; a second round opens next week, early in May.'
    dct = date(2022, 4, 20)
    times = find_times(text, dct)
    root = ET.fromstring(to_timeml(text, dct, times))
    timexes = root.findall("TEXT/TIMEX3")
    assert [t.text for t in timexes] == [t.text for t in times]
    assert len(timexes) == 3
    assert [t.get("value") for t in timexes] == [t.value for t in times]
    assert timexes[-1].get("mod") == "START"
    assert root.find("DCT/TIMEX3").get("value") == "2022-04-20"
    assert "".join(root.find("TEXT").itertext()) == text


def test_overlapping_times_are_dropped() -> None:
    from eventwire.records import TimeRef

    text = "on Monday night"
    times = [
        TimeRef("Monday night", 3, 15, "TIME", "2022-04-18TNI"),
        TimeRef("Monday", 3, 9, "DATE", "2022-04-18"),
    ]
    root = ET.fromstring(to_timeml(text, date(2022, 4, 20), times))
    assert len(root.findall("TEXT/TIMEX3")) == 1
