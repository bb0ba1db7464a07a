"""event_place through the whole pipeline: the dateline and the target's country."""

from __future__ import annotations

from datetime import date

from eventwire.records import Article, Event


def _events(coder, text: str) -> list[Event]:
    return coder.code_article(Article("t", None, None, date(2022, 3, 2), "", text))


def _only(events: list[Event], plover: str) -> Event:
    found = [e for e in events if e.plover.type == plover]
    assert len(found) == 1, events
    return found[0]


def test_attack_on_a_state_is_in_that_state_not_the_dateline(coder) -> None:
    event = _only(
        _events(coder, "KYIV – Belarusian troops attacked Poland on Friday, officials said."),
        "ASSAULT",
    )
    assert event.place is not None
    assert event.place.feature == "country" and event.place.country == "POL"


def test_dateline_places_what_its_own_side_said(coder) -> None:
    text = "MOSCOW – Russian Foreign Minister Sergei Lavrov criticised the United States."
    event = _only(_events(coder, text), "ACCUSE")
    assert event.place is not None and event.place.name == "Moscow"


def test_dateline_does_not_place_what_others_said_elsewhere(coder) -> None:
    text = "MOSCOW – Turkish President Recep Tayyip Erdogan criticised the United States."
    assert _only(_events(coder, text), "ACCUSE").place is None


def test_metonymic_capital_is_not_the_place(coder) -> None:
    text = "Washington criticised Tehran on Monday over its nuclear programme."
    event = _only(_events(coder, text), "ACCUSE")
    assert event.place is None


def test_object_of_a_physical_act_is_its_place(coder) -> None:
    text = "Government forces shelled the outskirts of Aleppo on Tuesday, the army said."
    event = _only(_events(coder, text), "ASSAULT")
    assert event.place is not None and event.place.name == "Aleppo"


def test_dateline_is_not_the_place_of_a_pledge_to_its_country(coder) -> None:
    text = "ANKARA – The European Union pledged humanitarian aid to Turkey on Tuesday."
    events = _events(coder, text)
    assert events and all(e.place is None or e.place.name != "Ankara" for e in events)
