"""Within-article merge: one event per happening, mentions = sentences that report it."""

from __future__ import annotations

import dataclasses

from eventwire.events import merge_events

TEXT = (
    "The Kenyan president spoke by phone with the Egyptian president on Monday. "
    "Egypt and Kenya also talked about the Nile dam during the call. "
    "Kenya also condemned the Somali militants."
)


def test_one_phone_call_reported_twice_is_one_event(code_text):
    events = code_text(TEXT)
    consults = [e for e in events if e.cameo_root == "04"]
    assert len(consults) == 2
    merged = merge_events(events)
    consults = [e for e in merged if e.cameo_root == "04"]
    assert len(consults) == 1
    assert consults[0].mentions == 2
    assert consults[0].cameo == "041"  # the most specific code is kept
    assert len([e for e in merged if e.cameo_root == "11"]) == 1


def test_different_dates_stay_apart(code_text):
    events = [e for e in code_text(TEXT) if e.cameo_root == "04"]
    dated = [
        dataclasses.replace(events[0], date="2020-03-01", date_source="text"),
        dataclasses.replace(events[1], date="2020-02-20", date_source="text"),
    ]
    assert len(merge_events(dated)) == 2


def test_directed_codes_do_not_merge_across_roles(code_text):
    events = code_text("Kenya condemned Egypt. Egypt condemned Kenya.")
    assert len(events) == 2
    assert len(merge_events(events)) == 2


def test_symmetric_codes_merge_across_roles(code_text):
    events = code_text("Kenya held talks with Egypt. Egypt held talks with Kenya.")
    merged = merge_events(events)
    assert len(merged) == 1 and merged[0].mentions == 2


def test_future_and_past_do_not_merge(code_text):
    events = code_text("Kenya met Egypt on Monday. Kenya will meet Egypt again in May.")
    assert {e.modality for e in merge_events(events)} == {"asserted", "future"}


def test_undated_report_joins_the_dated_event(code_text):
    events = [e for e in code_text(TEXT) if e.cameo_root == "04"]
    dated = [
        dataclasses.replace(events[0], date="2020-03-01", date_source="text"),
        dataclasses.replace(events[1], date="2020-03-02", date_source="published"),
    ]
    (merged,) = merge_events(dated)
    assert (merged.date, merged.date_source, merged.mentions) == ("2020-03-01", "text", 2)


def test_visit_without_target_is_hosted_by_the_place_country(code_text):
    from eventwire.records import Place

    (visit,) = code_text("The Kenyan delegation arrived in the capital on Monday.")
    visit = dataclasses.replace(visit, target=None)  # the actor stage found no host actor
    assert visit.cameo == "042"
    place = Place("the capital", 34, 45, 1, "Cairo", "EGY", 30.0, 31.2, "city", 1.0)
    (hosted,) = merge_events([dataclasses.replace(visit, place=place)])
    assert hosted.target is not None and hosted.target.country == "EGY"
