"""Modality: negation drops, future and intent become 03x, hypotheticals and questions drop."""

from __future__ import annotations


def test_negated_event_is_dropped(code_text):
    assert code_text("The Syrian army did not attack the rebel town.") == []


def test_refusal_is_itself_a_rejection(code_text):
    events = code_text("Chile refused to meet the Peruvian envoy.")
    assert {(e.cameo, e.plover.type) for e in events} == {("125", "REJECT")}


def test_will_not_is_a_refusal(code_text):
    events = code_text("Japan will not lift the sanctions on North Korea.")
    assert {e.plover.type for e in events} == {"REJECT"}


def test_future_meeting_is_intent_to_meet(code_text):
    events = code_text("The Kenyan president will meet the Egyptian president next week.")
    assert {(e.cameo, e.modality) for e in events} == {("036", "future")}


def test_talks_to_be_held_are_intent(code_text):
    events = code_text("Talks between Kenya and Egypt, to be held in Cairo, were announced.")
    assert {(e.cameo, e.modality) for e in events} == {("036", "future")}


def test_plans_to_are_intent(code_text):
    events = code_text("Brazil plans to send food to Haiti.")
    assert {(e.cameo, e.plover.type, e.modality) for e in events} == {("0333", "AGREE", "future")}


def test_conditional_clause_is_dropped(code_text):
    events = code_text("Iran will close the strait if the United States attacks its ships.")
    assert all(e.cameo[:2] != "19" for e in events)


def test_hedged_modal_is_dropped(code_text):
    assert code_text("The Libyan militia could attack the airport.") == []


def test_question_is_dropped(code_text):
    assert code_text("Did the Libyan militia attack the airport?") == []


def test_failed_agreement_is_a_rejection_and_failed_attack_nothing(code_text):
    events = code_text("Peru and Chile failed to sign a trade agreement.")
    assert {e.plover.type for e in events} == {"REJECT"}
    assert code_text("The Libyan militia failed to attack the airport.") == []


def test_planned_noun_is_future(code_text):
    events = code_text("The Chilean president cancelled a planned visit to Peru.")
    assert {e.plover.type for e in events} == {"REJECT"}
