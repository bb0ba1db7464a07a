"""One case per pattern family, each in its own wording (not the seed's, not gold sentences)."""

from __future__ import annotations

import pytest

CASES = [
    ("0253", "The Kenyan government called on the rebels to release the aid workers."),
    ("026", "Chile urged Peru to resume negotiations over the border."),
    ("040", "The Hungarian minister met with the Romanian ambassador in Budapest."),
    ("041", "The Egyptian president phoned the Israeli prime minister on Sunday."),
    ("041", "The Chinese and Indian leaders spoke by telephone on Tuesday."),
    ("041", "The Kenyan president had a telephone conversation with the Egyptian president."),
    ("042", "The Japanese foreign minister visited Brazil last week."),
    ("042", "The Peruvian foreign minister made a visit to Chile."),
    ("043", "India hosted the Pakistani delegation for two days."),
    ("045", "Norway mediated between Kenya and Egypt."),
    ("046", "France held talks with Germany on the budget."),
    ("051", "The French president praised the German chancellor for her courage."),
    ("057", "Egypt signed a memorandum of understanding with Kenya."),
    ("064", "Germany shared intelligence with France about the plot."),
    ("070", "Japan donated ten million dollars to the Red Cross."),
    ("0841", "The Peruvian rebels released twenty prisoners on Friday."),
    ("087", "The Chilean army withdrew its troops from the border zone."),
    ("0356", "Israel and Egypt agreed to a ceasefire."),
    ("090", "The Brazilian police investigated the mayor for fraud."),
    ("1053", "The Iranian minister demanded the release of the sailors."),
    ("111", "Iran condemned the Israeli raid."),
    ("112", "Pakistan accused India of spying."),
    ("115", "The Kenyan activists sued the Kenyan government."),
    ("129", "China vetoed the resolution drafted by France."),
    ("120", "Peru rejected the Chilean proposal."),
    ("1384", "The Syrian militants threatened to kill the hostages."),
    ("1312", "France threatened to impose sanctions on Iran."),
    ("141", "Thousands of Brazilian workers protested against the Brazilian government."),
    ("143", "The Kenyan teachers went on strike on Monday."),
    ("154", "Turkey deployed troops along the Syrian border."),
    ("161", "Egypt expelled the Israeli ambassador."),
    ("163", "The United States imposed sanctions on Iran."),
    ("173", "The Kenyan police arrested the opposition leader."),
    ("181", "Gunmen abducted a French engineer."),
    ("195", "Israeli jets bombed the Syrian airport."),
    ("195", "The Israeli air force carried out air strikes against Syrian positions."),
    ("194", "The Syrian army shelled the rebel town."),
    ("190", "The Libyan militia attacked the Libyan army."),
    ("190", "Syria launched an offensive against the rebels."),
    ("194", "The rebels fired rockets at the Israeli town."),
    ("1661", "Kenya withdrew its peacekeepers from Somalia."),
    ("143", "Thousands of Chilean miners stopped work on Monday."),
    ("045", "Norway launched a mediation effort between Kenya and Egypt."),
    ("162", "Denmark announced a suspension of aid to Kenya."),
    ("1724", "The Peruvian government declared a state of emergency in Lima."),
    ("1056", "The Egyptian minister said Israel must end its offensive in Gaza."),
    ("1241", "Ecuador will not lift the ban on Peruvian imports."),
    ("0841", "The Kenyan government freed the jailed journalists."),
    ("075", "Germany granted asylum to the Syrian dissident."),
    ("062", "Chile and Peru held joint military exercises."),
    ("139", "The Kenyan court gave the ministry a deadline to respond."),
    ("116", "The Brazilian court found the former governor guilty of fraud."),
    ("054", "Kenya established diplomatic ties with Kosovo."),
    ("1312", "Brazil threatened sanctions against Venezuela."),
    ("036", "Egypt agreed to hold talks with Ethiopia."),
]


@pytest.mark.parametrize(("code", "text"), CASES)
def test_pattern_yields_code(code_text, code, text):
    events = code_text(text)
    assert code in {e.cameo for e in events}, [(e.cameo, e.evidence.rule) for e in events]


def test_every_event_is_explained(code_text):
    (event,) = code_text("The Hungarian minister met with the Romanian ambassador in Budapest.")
    text = "The Hungarian minister met with the Romanian ambassador in Budapest."
    assert text[event.evidence.start : event.evidence.end] == event.evidence.trigger == "met"
    # the trigger's rule, then the rule that found the target
    assert event.evidence.rule == "verb.meet; target: 'with' phrase of 'met'"
    assert (event.cameo_root, event.quad_class, event.plover.type) == ("04", 1, "CONSULT")
    assert event.goldstein == 1.0 and 0 < event.confidence <= 1
    assert (event.date, event.date_source, event.place) == (None, "published", None)
    assert event.mentions == 1
    assert event.sentence == text and event.sentence_index == 0 and event.article_id == "t1"


def test_event_ids_are_stable(code_text):
    text = "Egypt expelled the Israeli ambassador."
    assert [e.id for e in code_text(text)] == [e.id for e in code_text(text)]


def test_call_naming_is_not_a_phone_call(code_text):
    events = code_text("Kenya condemned Egypt, calling it a danger to the region.")
    assert {e.cameo for e in events} == {"111"}


def test_preposition_of_a_date_is_not_a_particle(code_text):
    events = code_text("The Kenyan president called the Egyptian president on Saturday.")
    assert {e.cameo for e in events} == {"041"}


def test_event_in_a_scene_setting_phrase_is_background(code_text):
    events = code_text("After the Kenyan president's visit to Egypt, Kenya praised Egypt.")
    assert {e.cameo for e in events} == {"051"}


def test_signed_as_a_participle_reads_its_head_noun(code_text):
    events = code_text("A treaty signed between Kenya and Egypt was published.")
    assert {(e.cameo, e.source.text, e.target.text) for e in events} == {("057", "Kenya", "Egypt")}
    assert code_text("The Kenyan president signed the visitors' book.") == []


def test_meeting_a_demand_is_not_a_meeting(code_text):
    assert code_text("The Kenyan government met the demands of the Egyptian unions.") == []
    assert {e.cameo for e in code_text("The Kenyan minister met the Egyptian envoy.")} == {"040"}


def test_pleading_guilty_is_not_an_appeal(code_text):
    assert code_text("The Kenyan minister pleaded guilty to fraud.") == []


def test_failing_reports_only_what_it_governs(code_text):
    assert code_text("The Kenyan army failed three inspections.") == []
    assert {e.cameo for e in code_text("Kenya and Egypt failed to reach an agreement.")} == {"127"}


def test_what_is_received_goes_from_the_giver(code_text):
    events = code_text("Kenya received military aid from Japan.")
    assert [(e.source.text, e.target.text) for e in events] == [("Japan", "Kenya")]
    backed = code_text("Egypt had French support for its plan.")
    assert [(e.source.text, e.target.text, e.cameo_root) for e in backed] == [
        ("French", "Egypt", "05")
    ]
    assert code_text("Kenya received aid last year.") == []  # no giver, no event


def test_asking_a_question_is_not_an_appeal(code_text):
    assert code_text("Asked whether Kenya would close the border, Egypt said nothing.") == []
    assert code_text("The Kenyan minister, asked about the Egyptian raid, said nothing.") == []
    asked = code_text("Kenya asked Egypt to free the fishermen.")
    assert {e.cameo_root for e in asked} == {"02"}


def test_never_before_is_a_negation(code_text):
    assert code_text("Kenya has never before condemned Egypt.") == []
    assert {e.cameo for e in code_text("Kenya has before condemned Egypt.")} == {"111"}


def test_coming_back_is_not_returning_something(code_text):
    assert code_text("The Kenyan minister returned from Egypt on Monday.") == []
    returned = code_text("Egypt returned the seized boats to Kenya.")
    assert {(e.cameo, e.source.text) for e in returned} == {("0842", "Egypt")}


def test_the_receiver_of_give_is_not_what_is_given(code_text):
    assert code_text("The Kenyan rally gave the dollar a sharp push.") == []
    assert {e.cameo for e in code_text("Japan gave Kenya five million dollars.")} == {"071"}


def test_struck_a_deal_agrees_and_it_strikes_me_attacks_nobody(code_text):
    assert {e.cameo for e in code_text("Kenya struck a trade deal with Egypt.")} == {"057"}
    assert code_text("It strikes me that Kenya pays more than Egypt.") == []


def test_recognising_a_fact_is_not_diplomatic_recognition(code_text):
    assert code_text("The Kenyan minister recognised the importance of the Egyptian market.") == []
    assert {e.cameo for e in code_text("Kenya recognised Kosovo.")} == {"054"}


def test_a_gerund_after_a_scene_preposition_is_background(code_text):
    events = code_text("After meeting the Egyptian president, the Kenyan minister praised Egypt.")
    assert {e.cameo for e in events} == {"051"}


def test_a_quantity_noun_stands_for_what_it_counts(code_text):
    waves = code_text("The Kenyan army launched a wave of air strikes on Somalia.")
    assert {e.cameo for e in waves} == {"195"}
    rounds = code_text("Kenya held a new round of talks with Egypt.")
    assert {e.cameo for e in rounds} == {"046"}


def test_who_claims_an_attack_is_its_source(code_text):
    events = code_text("The Somali militants claimed responsibility for the bombing in Nairobi.")
    assert [(e.source.text, e.cameo_root) for e in events] == [("The Somali militants", "18")]
    claimed = code_text("The Somali militants claimed the attack on the Kenyan army.")
    assert {e.cameo_root for e in claimed} == {"19"}


def test_cease_fire_split_by_the_tokenizer_is_a_ceasefire(code_text):
    events = code_text("Kenya declared a cease-fire with the Somali rebels.")
    assert {e.cameo for e in events} == {"0871"}


def test_opening_fire_is_force(code_text):
    assert {e.cameo for e in code_text("The Kenyan police opened fire on the protesters.")} == {
        "190"
    }


def test_a_concession_not_made_is_a_refusal(code_text):
    assert {e.cameo_root for e in code_text("Kenya did not allow the Egyptian delegation.")} == {
        "12"
    }
    assert code_text("Kenya did not condemn Egypt.") == []


def test_reiterating_support_is_support(code_text):
    events = code_text("Kenya reiterated its support for Egypt.")
    assert {e.cameo_root for e in events} == {"05"}


def test_a_counted_object_is_what_it_counts(code_text):
    assert {e.cameo for e in code_text("Iran sent a shipment of weapons to Syria.")} == {"072"}
    assert {e.cameo for e in code_text("Japan sent a convoy of food to Kenya.")} == {"073"}
