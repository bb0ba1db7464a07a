"""Patterns whose meaning depends on what the actor stage knows (forces, agents): run through the
whole pipeline with the real dictionaries, each in its own wording."""

from __future__ import annotations

from datetime import date

from eventwire.records import Article, Event


def coded(coder, text: str) -> list[Event]:
    article = Article(
        id="t", source=None, url=None, published=date(2024, 5, 1), title="", text=text
    )
    return coder.code_article(article)


def test_forces_sent_for_peacekeeping_are_peacekeepers_provided(coder) -> None:
    events = coded(coder, "Kenya deployed soldiers to Somalia on a peacekeeping mission.")
    assert {(e.cameo, e.target.code if e.target else None) for e in events} == {("074", "SOM")}
    posture = coded(coder, "Kenya deployed soldiers along the Somali border.")
    assert {e.cameo for e in posture} == {"154"}


def test_forces_sent_are_not_the_target_their_destination_is(coder) -> None:
    events = coded(coder, "Russia sent troops into Ukraine.")
    assert [(e.cameo_root, e.target.code if e.target else None) for e in events] == [("15", "UKR")]


def test_saying_someone_was_responsible_accuses_them(coder) -> None:
    events = coded(coder, "Kenya said Somali militants were behind the bombing.")
    assert [(e.cameo, e.source.code, e.target.code) for e in events] == [("112", "KEN", "SOMREB")]
    assert coded(coder, "Kenya said Somali militants were not responsible.") == []


def test_a_document_speaks_for_whoever_issues_it(coder) -> None:
    events = coded(coder, "Norway issued a statement condemning Israel.")
    assert [(e.cameo, e.source.code, e.target.code) for e in events] == [("111", "NOR", "ISR")]


def test_what_is_faced_comes_from_the_one_who_does_it(coder) -> None:
    events = coded(coder, "Iran faced sharp criticism from France.")
    assert [(e.cameo_root, e.source.code, e.target.code) for e in events] == [("11", "FRA", "IRN")]
    assert coded(coder, "Iran faces new sanctions.") == []  # nobody named imposes them


def test_an_arrest_with_no_agent_is_the_act_of_the_state_where_it_happened(coder) -> None:
    events = coded(coder, "The blogger was arrested in Uganda on Friday.")
    assert [(e.cameo, e.source.code) for e in events] == [("173", "UGA")]
    assert coded(coder, "The blogger was arrested on Friday.") == []  # nobody to name


def test_who_is_responsible_for_an_attack_did_it(coder) -> None:
    events = coded(coder, "Somali militants were responsible for the bombing of the Kenyan base.")
    assert [(e.cameo_root, e.source.code) for e in events] == [("18", "SOMREB")]
    assert coded(coder, "Egypt is responsible for security in the region.") == []


def test_waging_war_and_staging_a_protest(coder) -> None:
    assert {e.cameo for e in coded(coder, "Russia waged war on Ukraine.")} == {"190"}
    assert {e.cameo_root for e in coded(coder, "Serbian students staged a protest.")} == {"14"}


def test_what_is_discussed_is_the_topic_not_the_target(coder) -> None:
    events = coded(coder, "Russia discussed the Syrian crisis with Turkey.")
    assert [(e.cameo, e.target.code if e.target else None) for e in events] == [("040", "TUR")]
    alone = coded(coder, "The Russian ministers discussed the Syrian peace process.")
    assert [e.target for e in alone] == [None]


def test_a_noun_event_in_reported_speech_is_reported(coder) -> None:
    events = coded(coder, "Russian forces launched air strikes on Kharkiv, Ukraine said.")
    assert [(e.cameo_root, e.modality) for e in events] == [("19", "reported")]


def test_an_event_counted_in_days_from_a_named_day_is_dated_by_it(coder) -> None:
    events = coded(
        coder,
        "Sudan expelled the Chadian envoy on April 2. Two days later Chad expelled Sudan's envoy.",
    )
    dates = {(e.source.code, e.date, e.date_source) for e in events}
    assert ("SDN", "2024-04-02", "text") in dates
    assert ("TCD", "2024-04-04", "text") in dates
