"""Actors from titles and context when the person is not in the tables (issue 12, item 4): roles
in apposition, posts of organisations, speakers, and group nouns that name a sector."""

from __future__ import annotations

from datetime import date

from eventwire.actors.local import local_countries
from eventwire.actors.posts import roles_in_apposition
from eventwire.records import Actor, Article, Place


def by_text(actors: list[Actor]) -> dict[str, Actor]:
    return {a.text: a for a in actors}


def test_a_date_after_a_title_is_no_name(actors_of) -> None:
    found = by_text(actors_of("Egypt recalled Sweden's envoy Tuesday over the remarks."))
    assert "Tuesday" not in found
    assert found["Sweden's envoy"].code == "SWEGOV"


def test_unknown_name_takes_the_role_in_apposition(actors_of) -> None:
    text = "Lena Marsh, Canada's deputy trade minister, criticised the tariffs."
    actor = by_text(actors_of(text))["Lena Marsh"]
    assert (actor.code, actor.country, actor.kind) == ("CANGOV", "CAN", "person")
    assert actor.role and "minister" in actor.role


def test_role_before_the_name_in_apposition(actors_of) -> None:
    text = "Kenya's ambassador to Ethiopia, Ruth Okello, delivered the protest note."
    assert by_text(actors_of(text))["Ruth Okello"].code == "KENGOV"


def test_post_at_an_organisation_in_apposition(actors_of) -> None:
    text = "Paul Ferris, a senior director at the IMF, warned the lenders."
    actor = by_text(actors_of(text))["Paul Ferris"]
    assert actor.code == "IGOWSTIMF"
    assert actor.kind == "person"


def test_apposition_never_passes_on_a_wrong_code(actors_of) -> None:
    # a critic of a body does not work for it; a known person keeps his own code
    found = by_text(actors_of("Tom Ryder, a fierce critic of the IMF, spoke in Ohio."))
    assert found["Tom Ryder"].code == "UNK"


def test_post_of_an_organisation_before_a_name(actors_of) -> None:
    found = by_text(actors_of("IMF Managing Director Olga Brenn visited Accra on Monday."))
    actor = found["Olga Brenn"]
    assert (actor.code, actor.kind) == ("IGOWSTIMF", "person")
    assert actor.role and "Managing Director" in actor.role


def test_title_of_an_igo_before_a_name_codes_the_name(actors_of) -> None:
    found = by_text(actors_of("UN envoy Marta Quell held talks with the rebels."))
    assert found["Marta Quell"].code == "IGOUNO"


def test_speaker_of_parliament_before_a_name(actors_of) -> None:
    found = by_text(actors_of("Parliament Speaker Omar Dridi rejected the budget."))
    assert found["Omar Dridi"].agent == "LEG"
    found = by_text(actors_of("Algerian Parliament Speaker Omar Dridi rejected the budget."))
    assert found["Omar Dridi"].code == "DZALEG"


def test_an_unknown_full_name_does_not_take_a_namesakes_code(actors_of) -> None:
    # Ali Abdullah Saleh was Yemen's president; a speaker of the same surname is someone else
    text = "Speaker of Parliament Hamid Saleh opened the session."
    found = by_text(actors_of(text, date(2005, 3, 1)))
    assert found["Hamid Saleh"].code != "YEMGOV"
    assert found["Hamid Saleh"].agent == "LEG"


def test_counted_people_are_civilians(actors_of) -> None:
    found = actors_of("Officers detained 23 people after the riot.")
    assert [a.code for a in found if "people" in a.text] == ["CVL"]


def test_a_demonym_gives_a_civilian_a_country(actors_of) -> None:
    found = by_text(actors_of("The militia freed a Danish citizen and 9 foreigners."))
    assert found["Danish citizen"].code == "DNKCVL"
    assert found["foreigners"].code == "CVL"


def test_sector_nouns_of_schools_banks_and_candidates(actors_of) -> None:
    found = by_text(actors_of("The regulator warned dozens of banks, and lecturers walked out."))
    assert found["banks"].code == "BUS"
    assert found["lecturers"].code == "EDU"
    found = by_text(actors_of("Police questioned a presidential candidate on Friday."))
    assert found["presidential candidate"].agent == "PTY"


def test_leaders_of_a_faith_are_religious(actors_of) -> None:
    found = by_text(actors_of("The mayor met Jewish leaders and Catholic bishops."))
    assert found["Jewish leaders"].code == "REL"


def _place(text: str, name: str, country: str) -> Place:
    start = text.index(name)
    return Place(name, start, start + len(name), None, name, country, None, None, "city", 1.0)


def test_a_local_sector_takes_the_country_of_its_place(actors_of) -> None:
    text = "Riot police in Kano dispersed hundreds of students in Zaria."
    places = [_place(text, "Kano", "NGA"), _place(text, "Zaria", "NGA")]
    found = by_text(local_countries(text, actors_of(text), places))
    assert found["Riot police"].code == "NGACOP"
    assert found["students"].code == "NGAEDU"


def test_a_foreign_sector_keeps_no_country_in_a_place(actors_of) -> None:
    text = "Troops in Herat and diplomats in Kabul were put on alert."
    places = [_place(text, "Herat", "AFG"), _place(text, "Kabul", "AFG")]
    found = by_text(local_countries(text, actors_of(text), places))
    assert found["Troops"].code == "MIL"
    assert found["diplomats"].country is None


def test_military_ranks_are_titles(actors_of) -> None:
    found = by_text(actors_of("Rebels freed the Peruvian Sergeant Luis Cardenas Soto."))
    assert found["Luis Cardenas Soto"].code == "PERMIL"


def test_mixed_case_names_of_regional_bodies(actors_of) -> None:
    found = by_text(actors_of("Ecowas and Asean envoys met the Africa Union chair."))
    assert found["Ecowas"].code == "IGOWAFECW"
    assert found["Asean envoys"].code == "IGOASAASN"


def test_portfolio_secretaries_and_shadow_ministers(actors_of) -> None:
    text = "British Culture Secretary Anna Pell and shadow home secretary Rob Tait clashed."
    found = by_text(actors_of(text))
    assert found["Anna Pell"].code == "GBRGOV"
    assert found["Rob Tait"].agent == "OPP"


def test_a_portfolio_between_title_and_name(actors_of) -> None:
    found = by_text(actors_of("Minister for Fisheries Tom Reid and Senator Jo Hale met."))
    assert (found["Tom Reid"].agent, found["Tom Reid"].role) == ("GOV", "Minister for Fisheries")


def test_korean_alone_is_south_korea(actors_of) -> None:
    found = by_text(actors_of("The Korean government and North Korean envoys met."))
    assert found["Korean government"].code == "KORGOV"
    assert found["North Korean envoys"].code == "PRKGOV"


def test_a_name_in_apposition_to_a_title_of_another_year(actors_of) -> None:
    # in 2019 Belarus's defence minister was someone else: the title gives the code, the name
    # in apposition the person
    text = "The Belarusian defence minister, Pavel Rudak, visited Minsk."
    actor = by_text(actors_of(text, date(2019, 6, 1)))["Pavel Rudak"]
    assert (actor.code, actor.kind) == ("BLRMIL", "person")


def test_the_press_spoken_to_is_no_actor(actors_of) -> None:
    text = "Speaking to reporters, the envoy said Chad would sign; she later told journalists so."
    found = {a.text for a in actors_of(text)}
    assert "reporters" not in found and "journalists" not in found


def test_an_agency_carrying_a_report_is_no_actor_but_a_medium_acting_is(actors_of) -> None:
    found = {a.text for a in actors_of("Xinhua reported that the court jailed four men.")}
    assert "Xinhua" not in found
    found = {a.text for a in actors_of("Xinhua accused the court of bias.")}
    assert "Xinhua" in found


def test_a_party_leader_named_after_the_party(actors_of) -> None:
    found = by_text(actors_of("Tory leader Jane Marlow and SNP leader Ewan Reid debated."))
    assert found["Jane Marlow"].code == "GBRPTY"
    assert found["Ewan Reid"].code == "GBRPTY"


def test_a_leaders_government_is_his_countrys(actors_of) -> None:
    found = by_text(actors_of("Putin's government rejected the offer.", date(2019, 6, 1)))
    assert found["government"].code == "RUSGOV"
    found = by_text(actors_of("The Erdogan administration protested.", date(2019, 6, 1)))
    assert found["administration"].code == "TURGOV"


def test_a_country_inside_a_hyphened_word_is_no_actor(actors_of) -> None:
    found = {a.text for a in actors_of("US-based lenders and anti-UK groups met Peru's envoy.")}
    assert "US" not in found and "UK" not in found
    assert "Peru's envoy" in found


def test_a_title_of_a_body_of_a_known_organisation(actors_of) -> None:
    found = by_text(actors_of("European Union Commission President Pia Lund met farmers."))
    assert found["Pia Lund"].code == "IGOEUR"


def test_a_shadow_minister_in_apposition(actors_of) -> None:
    found = by_text(actors_of("The shadow health secretary, Ann Kerr, welcomed the plan."))
    assert found["Ann Kerr"].agent == "OPP"


def test_shadow_before_any_title_is_the_opposition(actors_of) -> None:
    found = by_text(actors_of("Britain's shadow transport secretary Ed Pryce spoke."))
    assert (found["Ed Pryce"].code, found["Ed Pryce"].role) == (
        "GBROPP",
        "shadow transport secretary",
    )


def test_people_at_large_are_no_actor(actors_of) -> None:
    assert not [a for a in actors_of("People say the mayor never listens.") if a.agent == "CVL"]
    found = actors_of("Thousands of people marched, and police held 40 people.")
    assert [a.code for a in found if a.text == "people"] == ["CVL", "CVL"]


def test_an_acronym_in_apposition_must_spell_the_role(actors_of, parse) -> None:
    text = "United Nations, April 3 (IANS) The court dropped the case."
    doc = parse(text)
    un = Actor(
        "United Nations", 0, 14, "IGOUNO", None, "IGO", "United Nations", None, "organisation"
    )
    lo = text.index("IANS")
    credit = Actor("IANS", lo, lo + 4, "UNK", None, None, "IANS", None, "organisation")
    assert doc[6].dep_ == "appos"  # the parse ties the credit to the place of the dateline
    assert roles_in_apposition(doc, [un, credit])[1].code == "UNK"
    found = by_text(actors_of("The Government of National Accord (GNA) said it would talk."))
    assert found["GNA"].code == "LBYGOV"


def test_honorifics_do_not_cut_a_long_name_short(actors_of) -> None:
    text = "Foreign Minister H E Dr Khalid bin Mohammad al-Attiyah spoke in Doha."
    found = [a for a in actors_of(text, date(2015, 6, 1)) if a.kind == "person"]
    assert [a.code for a in found] == ["QATGOV"]


def test_ex_before_a_country_word_is_still_a_former_office(actors_of) -> None:
    found = by_text(actors_of("The ex-Peruvian Interior Minister Jose Luna Galvez was held."))
    assert found["Jose Luna Galvez"].code == "PERELI"


def test_the_parties_of_markets_are_actors_only_with_a_country(actors_of) -> None:
    # "the banks" of a debt story are its foreign creditors: no country can be guessed
    found = by_text(actors_of("Argentina has been negotiating with the banks since February."))
    assert "banks" not in found
    found = by_text(actors_of("Brazilian banks and coffee producers met the minister."))
    assert found["Brazilian banks"].code == "BRABUS"
    # counted, they are a group of their own ("dozens of banks" in the test above)
    found = by_text(actors_of("Prosecutors charged 12 banks."))
    assert found["banks"].code == "BUS"


def test_a_title_says_what_a_known_person_is_when_the_table_has_him_out_of_office(
    actors_of,
) -> None:
    day = date(2005, 1, 1)
    # Attorney General only from 2015: the shadow post he held then is in the text
    (grieve,) = actors_of("Shadow attorney general Dominic Grieve spoke.", day)
    assert grieve.code == "GBROPP"
    # the text's title beats a table whose end date is before the article's (he resigned in
    # December 2004; the article tells of him in office)
    (blunkett,) = actors_of("Home Secretary David Blunkett spoke.", day)
    assert blunkett.code == "GBRGOV"
    (former,) = actors_of("Former Home Secretary David Blunkett spoke.", day)
    assert former.code == "GBRELI"
    # without a title the table's date stands
    (bare,) = actors_of("David Blunkett spoke.", day)
    assert bare.code == "GBRELI"


def test_american_spellings_of_a_bodys_name(actors_of) -> None:
    found = by_text(actors_of("The Organization of African Unity met in Addis Ababa."))
    assert found["Organization of African Unity"].code == "IGOAFRAFU"


def test_people_of_a_body_take_its_country(coder) -> None:
    text = (
        "Officials of the Japanese Ministry of International Trade and Industry will hold "
        "talks with U.S. officials next Monday."
    )
    article = Article("t", None, None, date(1987, 3, 10), "", text)
    events = coder.code_article(article)
    assert {(e.source.code, e.target.code if e.target else None) for e in events} == {
        ("JPNGOV", "USAGOV")
    }
