"""One test per recognition rule of eventwire.actors.recognise, each with its own wording."""

from __future__ import annotations

from datetime import date

from eventwire.actors.recognise import UNKNOWN_CODE
from eventwire.records import Actor


def by_text(actors: list[Actor]) -> dict[str, Actor]:
    return {a.text: a for a in actors}


def test_country_adjective_and_agent_noun(actors_of) -> None:
    found = by_text(actors_of("Turkish troops shelled positions held by Syrian rebels."))
    assert found["Turkish troops"].code == "TURMIL"
    assert found["Syrian rebels"].code == "SYRREB"
    assert found["Syrian rebels"].kind == "group"


def test_country_adjective_across_an_adjective(actors_of) -> None:
    found = by_text(actors_of("An Egyptian diplomatic mission reached Khartoum."))
    assert found["Egyptian diplomatic mission"].code == "EGYGOV"


def test_country_possessive_and_agent(actors_of) -> None:
    found = by_text(actors_of("Russia's Defence Ministry said the strikes hit depots."))
    actor = found["Russia's Defence Ministry"]
    assert (actor.code, actor.country, actor.agent) == ("RUSMIL", "RUS", "MIL")


def test_abbreviation_as_modifier_is_case_sensitive(actors_of) -> None:
    found = by_text(actors_of("U.S. officials said the talks would go on."))
    assert found["U.S. officials"].code == "USAGOV"
    assert not actors_of("Let us talk to them about it.")


def test_coordinated_country_adjectives_share_the_agent(actors_of) -> None:
    found = by_text(actors_of("Greek and Cypriot diplomats met in Nicosia."))
    assert found["Greek"].code == "GRCGOV"
    assert found["Cypriot diplomats"].code == "CYPGOV"


def test_agent_of_country(actors_of) -> None:
    found = by_text(actors_of("The President of Syria received a delegation.", date(2012, 3, 1)))
    actor = found["President of Syria"]
    assert actor.code == "SYRGOV"
    assert actor.name == "Bashar al-Assad"


def test_title_with_country_names_the_office_holder_on_the_date(actors_of) -> None:
    early = by_text(actors_of("The Turkish foreign minister flew to Doha.", date(2016, 1, 5)))
    late = by_text(actors_of("The Turkish foreign minister flew to Doha.", date(2024, 3, 1)))
    assert early["Turkish foreign minister"].name == "Mevlut Cavusoglu"
    assert late["Turkish foreign minister"].name == "Hakan Fidan"
    assert early["Turkish foreign minister"].code == late["Turkish foreign minister"].code
    assert late["Turkish foreign minister"].kind == "person"


def test_title_and_unknown_name_takes_the_country_word(actors_of) -> None:
    found = by_text(actors_of("Chinese Vice Foreign Minister Zhang Ming met envoys."))
    actor = found["Zhang Ming"]
    assert (actor.code, actor.name, actor.role) == ("CHNGOV", "Zhang Ming", "Vice Foreign Minister")


def test_title_and_unknown_name_takes_the_country_of_the_sentence(actors_of) -> None:
    text = "A Jordanian delegation landed in Cairo, led by Deputy Prime Minister Amal Haddad."
    found = by_text(actors_of(text))
    assert found["Amal Haddad"].code == "JORGOV"  # Cairo is locative: not the country meant


def test_title_and_known_surname(actors_of) -> None:
    found = by_text(actors_of("Defence Minister Shoigu inspected the fleet.", date(2019, 5, 1)))
    assert found["Shoigu"].name == "Sergei Shoigu"
    assert found["Shoigu"].code == "RUSMIL"


def test_title_before_known_person_spans_the_name(actors_of) -> None:
    found = by_text(
        actors_of("Iraqi Prime Minister Haider al-Abadi met reporters.", date(2016, 1, 5))
    )
    actor = found["Haider al-Abadi"]
    assert (actor.code, actor.role) == ("IRQGOV", "Prime Minister of Iraq")


def test_counterpart_takes_the_office_of_the_person_named_before(actors_of) -> None:
    text = "Wang Yi called his Iranian counterpart on Sunday."
    found = by_text(actors_of(text, date(2019, 6, 2)))
    actor = found["his Iranian counterpart"]
    assert actor.code == "IRNGOV"
    assert actor.name == "Mohammad Javad Zarif"


def test_the_countrys_agent_takes_the_context_country(actors_of) -> None:
    text = "The Kenyan team included officials from the country's Ministry of Defence."
    found = by_text(actors_of(text))
    assert found["country's Ministry of Defence"].code == "KENMIL"


def test_metonym_as_actor(actors_of) -> None:
    found = by_text(actors_of("Ankara said on Tuesday it would not accept the plan."))
    assert found["Ankara"].code == "TURGOV"
    assert found["Ankara"].kind == "state"
    kremlin = by_text(actors_of("The Kremlin rejected the accusation."))
    assert kremlin["Kremlin"].code == "RUSGOV"


def test_metonym_after_a_locative_preposition_is_a_place(actors_of) -> None:
    assert "Ankara" not in by_text(actors_of("The delegation arrived in Ankara on Monday."))


def test_metonym_as_modifier(actors_of) -> None:
    found = by_text(actors_of("A Kremlin spokesman declined to comment."))
    assert found["Kremlin spokesman"].code == "RUSGOV"


def test_dateline_is_not_an_actor(actors_of) -> None:
    assert "BEIJING" not in by_text(actors_of("BEIJING - Officials met on Monday."))


def test_country_name_is_a_state(actors_of) -> None:
    found = by_text(actors_of("Lebanon and Jordan signed a border agreement."))
    assert found["Lebanon"].code == "LBN"
    assert found["Lebanon"].kind == "state"
    assert found["Jordan"].agent is None


def test_country_name_in_a_locative_phrase_is_still_a_state(actors_of) -> None:
    found = by_text(actors_of("Refugees crossed into Turkey overnight."))
    assert found["Turkey"].kind == "state"


def test_demonym_is_the_country_as_a_group(actors_of) -> None:
    found = by_text(actors_of("Thousands of Afghans fled the fighting."))
    assert (found["Afghans"].code, found["Afghans"].kind) == ("AFG", "group")


def test_organisations_groups_and_media(actors_of) -> None:
    found = by_text(actors_of("The Islamic State clashed with the Taliban, Reuters said."))
    assert found["Islamic State"].code == "IMGREB"
    assert found["Taliban"].code == "AFGREB"
    assert found["Reuters"].code == "GBRMED"
    assert found["Reuters"].kind == "organisation"


def test_acronym_organisations_match_only_in_capitals(actors_of) -> None:
    assert by_text(actors_of("WHO experts arrived."))["WHO"].code == "IGOUNOHLH"
    assert not [a for a in actors_of("Experts who arrived.") if a.code.startswith("IGO")]


def test_organisation_before_agent_noun_keeps_its_code(actors_of) -> None:
    found = by_text(actors_of("Hezbollah fighters crossed the river."))
    assert found["Hezbollah fighters"].code == "LBNREB"


def test_bare_agent_noun_has_no_country(actors_of) -> None:
    found = by_text(actors_of("Police arrested dozens of protesters."))
    assert (found["Police"].code, found["Police"].country) == ("COP", None)
    assert found["protesters"].code == "OPP"


def test_agent_noun_that_needs_a_country_alone_is_no_actor(actors_of) -> None:
    assert not actors_of("The rescue mission ended at dawn.")


def test_adjectival_use_of_an_agent_word_is_no_actor(actors_of) -> None:
    assert not actors_of("They discussed military cooperation and trade.")


def test_people_are_matched_without_diacritics(actors_of) -> None:
    found = by_text(actors_of("Mevlüt Çavuşoğlu spoke to Recep Tayyip Erdoğan."))
    assert found["Mevlüt Çavuşoğlu"].name == "Mevlut Cavusoglu"
    assert found["Recep Tayyip Erdoğan"].code == "TURGOV"


def test_surname_after_the_full_name_in_the_same_document(actors_of) -> None:
    text = "Ayman Safadi arrived in Rome. Later, Safadi met the pope."
    safadi = [a for a in actors_of(text, date(2020, 1, 1)) if a.name == "Ayman Safadi"]
    assert [a.text for a in safadi] == ["Ayman Safadi", "Safadi"]


def test_short_name_alone_only_while_in_office(actors_of) -> None:
    assert by_text(actors_of("Macron said the plan was fair.", date(2020, 1, 1)))["Macron"]
    # before office the bare surname is not resolved to the office holder: only an unknown name
    before = by_text(actors_of("Macron said the plan was fair.", date(2010, 1, 1)))
    assert "Macron" not in before or before["Macron"].code == UNKNOWN_CODE


def test_offsets_index_the_text(actors_of) -> None:
    text = "Yesterday the Syrian government  rejected it."
    for actor in actors_of(text):
        assert text[actor.start : actor.end] == actor.text


def test_former_before_a_title_makes_an_elite(actors_of) -> None:
    found = by_text(actors_of("Former Defence Minister Ana Vidal criticised the plan."))
    assert found["Ana Vidal"].agent == "ELI"
    assert found["Ana Vidal"].role == "former Defence Minister"


def test_title_of_a_named_firm_is_not_a_state_title(actors_of) -> None:
    found = by_text(actors_of("Acme Foods President John Miller said sales rose in Canada."))
    assert "John Miller" not in found or found["John Miller"].code == UNKNOWN_CODE


def test_singular_title_without_the_is_no_actor(actors_of) -> None:
    assert not [a for a in actors_of("A spokesman declined to comment.") if a.agent == "GOV"]
    found = by_text(actors_of("Iraqi troops left. The spokesman declined to comment."))
    assert found["spokesman"].code == "GOV"


def test_former_inside_the_phrase(actors_of) -> None:
    found = by_text(actors_of("Armenia's former president spoke to reporters."))
    assert found["Armenia's former president"].code == "ARMELI"


def test_organisation_title_is_a_person_of_the_organisation(actors_of) -> None:
    found = by_text(actors_of("The NATO Secretary General arrived in Riga.", date(2019, 1, 1)))
    actor = found["NATO Secretary General"]
    assert (actor.code, actor.kind, actor.name) == ("IGOWSTNAT", "person", "Jens Stoltenberg")
    found = by_text(actors_of("The Arab League spokesman arrived in Riga."))
    actor = found["Arab League spokesman"]
    assert (actor.code, actor.kind, actor.name) == ("IGOARBARL", "person", None)


def test_dictionary_phrases_need_no_parse_or_ner(dictionary) -> None:
    import spacy

    from eventwire.actors import find_actors

    doc = spacy.blank("en")("Sergei Lavrov met the Syrian government in Sochi.")
    found = by_text(find_actors(doc, date(2019, 12, 24), dictionary))
    assert found["Sergei Lavrov"].name == "Sergey Lavrov"
    assert found["Syrian government"].code == "SYRGOV"


def test_wire_signoff_is_not_an_actor(actors_of) -> None:
    for text in ("Oil prices rose in London.\n\nREUTER", "Oil prices rose in London. REUTER"):
        assert not [a for a in actors_of(text) if a.code == "GBRMED"]
    assert by_text(actors_of("REUTER said prices rose."))["REUTER"].code == "GBRMED"


def test_title_and_family_name_first(actors_of) -> None:
    found = by_text(actors_of("Chinese President Xi said trade would grow.", date(2021, 6, 1)))
    assert found["Xi"].name == "Xi Jinping"


def test_palestinian_authority_is_a_government(actors_of) -> None:
    found = by_text(actors_of("The Palestinian Authority rejected the plan."))
    assert found["Palestinian Authority"].code == "PSEGOV"


def test_a_country_adjective_before_a_plain_noun_is_its_owner(actors_of) -> None:
    found = actors_of("Hamas rejected the Israeli proposal.")
    assert ("Israeli", "ISR", "state") in {(a.text, a.code, a.kind) for a in found}
    named = actors_of("Damascus is the capital of the Syrian Arab Republic.")
    assert "Syrian" not in {a.text for a in named}


def test_dateline_before_a_double_hyphen_is_not_an_actor(actors_of) -> None:
    found = actors_of("JERUSALEM -- An Israeli court rejected the appeal.")
    assert [a.text for a in found] == ["Israeli court"]


def test_the_country_of_a_dateline_is_not_an_actor(actors_of) -> None:
    found = actors_of("MOGADISHU, Somalia -- Officials met elders in Somalia on Monday.")
    assert [a.text for a in found if a.code == "SOM"] == ["Somalia"]
    assert min(a.start for a in found if a.code == "SOM") > 20


def test_a_credit_after_a_dateline_country_is_not_an_actor(actors_of) -> None:
    found = actors_of("TIRANA, Albania (AP) -- Albania's parliament passed a resolution.")
    assert [a.text for a in found] == ["Albania's parliament"]
