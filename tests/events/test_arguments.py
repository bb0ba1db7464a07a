"""Argument finding: passive agents, coordination, reported speech, nominal events, relatives,
locatives that are never actors."""

from __future__ import annotations


def _pairs(events) -> set[tuple[str, str | None, str]]:
    return {(e.source.text, e.target.text if e.target else None, e.cameo) for e in events}


def test_passive_agent_is_the_source(code_text):
    events = code_text("The opposition leader was arrested by the Kenyan police on Monday.")
    assert _pairs(events) == {("the Kenyan police", "The opposition leader", "173")}


def test_passive_without_agent_has_no_source(code_text):
    assert code_text("The opposition leader was arrested on Monday.") == []


def test_coordinated_subjects_of_a_symmetric_code_pair_up(code_text):
    events = code_text("Kenya and Egypt held talks in Nairobi on Monday.")
    assert {(e.source.text, e.target.text if e.target else None) for e in events} == {
        ("Kenya", "Egypt")
    }
    assert {e.cameo for e in events} == {"046"}


def test_coordinated_subjects_of_a_directed_code_each_act(code_text):
    events = code_text("France and Germany condemned the Iranian government.")
    assert {e.source.text for e in events} == {"France", "Germany"}
    assert {e.target.text for e in events} == {"the Iranian government"}


def test_reported_speech_codes_the_reported_doer(code_text):
    events = code_text("The Chilean minister said Peru is cooperating with Bolivia.")
    assert _pairs(events) == {("Peru", "Bolivia", "060")}
    assert {e.modality for e in events} == {"reported"}


def test_a_saying_verb_that_is_an_event_codes_the_sayer(code_text):
    events = code_text("Pakistan denied that its soldiers attacked the Indian post.")
    assert {e.cameo for e in events} == {"016"}
    assert {e.source.text for e in events} == {"Pakistan"}


def test_nominal_event_with_by_and_on(code_text):
    events = code_text("The attack by the Libyan militia on the airport was condemned.")
    assert ("the Libyan militia", "the airport", "190") in _pairs(events)


def test_nominal_event_under_a_light_verb(code_text):
    events = code_text("The Peruvian president made a visit to Bolivia in May.")
    assert _pairs(events) == {("The Peruvian president", "Bolivia", "042")}
    assert events[0].evidence.trigger == "made a visit"


def test_talks_between_two_sides(code_text):
    events = code_text("The talks between Kenya and Egypt ended on Friday.")
    assert {(e.source.text, e.target.text) for e in events} == {("Kenya", "Egypt")}


def test_relative_clause_subject_is_its_head(code_text):
    events = code_text("The rebels, who attacked the Chilean embassy, fled.")
    assert ("The rebels", "the Chilean embassy", "190") in _pairs(events)


def test_control_verb_passes_its_subject(code_text):
    events = code_text("Brazil agreed to cooperate with Argentina on energy.")
    assert _pairs(events) == {("Brazil", "Argentina", "031")}


def test_locatives_are_never_targets(code_text):
    events = code_text("The Kenyan minister met the Egyptian envoy on the situation in Libya.")
    assert {e.target.text for e in events} == {"the Egyptian envoy"}
    assert all("Libya" not in e.source.text for e in events)


def test_dateline_is_not_the_subject(code_text):
    events = code_text("NAIROBI - The Kenyan president visited Egypt on Monday.")
    assert {e.source.text for e in events} == {"The Kenyan president"}
