"""find_places: one test per recognition or resolution rule, each with its own wording."""

from __future__ import annotations

from spacy.language import Language

from eventwire.places import Gazetteer, find_places
from eventwire.records import Place


def _places(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text), gazetteer)}


def test_offsets_index_the_text(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Aid reached Homs and Hama after talks in Geneva."
    places = find_places(nlp(text), gazetteer)
    assert places
    for place in places:
        assert text[place.start : place.end] == place.text
        assert 0.0 <= place.score <= 1.0


def test_alternate_spelling_after_a_locative_word(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Shelling was reported north of Intlib overnight.")
    assert places["Intlib"].geonameid in {169389, 169387}


def test_unsupported_alternate_name_is_dropped(nlp: Language, gazetteer: Gazetteer) -> None:
    # "Intlib" alone, with no locative word before it, is too weak to be read as a place
    places = _places(nlp, gazetteer, "Intlib was the word on everyone's lips.")
    assert "Intlib" not in places


def test_small_village_called_like_a_common_word_is_dropped(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    places = _places(nlp, gazetteer, "The Council approved the Green plan.")
    assert "Council" not in places and "Green" not in places


def test_place_name_inside_a_person_name_is_dropped(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Michael Jordan signed autographs for fans.")
    assert "Jordan" not in places


def test_person_label_after_a_locative_word_is_kept(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "The convoy travelled from Kiev overnight.")
    assert places["Kiev"].geonameid == 703448


def test_stop_listed_common_word_is_dropped(nlp: Language, gazetteer: Gazetteer) -> None:
    assert "Mobile" not in _places(nlp, gazetteer, "Mobile phones were confiscated at the gate.")


def test_acronym_is_not_a_small_town(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "The US imposed new tariffs.")
    assert places["US"].feature == "country" and places["US"].country == "USA"


def test_state_qualifier_after_a_comma(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "She was born in Moscow, Idaho, in 1950.")
    assert places["Moscow"].country == "USA"


def test_postal_code_qualifier(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "A festival in Paris, TN drew visitors.")
    assert places["Paris"].country == "USA" and 35 < (places["Paris"].lat or 0) < 37


def test_country_named_elsewhere_in_the_article(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Lebanon's cabinet met on Monday. Later, protests spread to Tripoli."
    assert _places(nlp, gazetteer, text)["Tripoli"].country == "LBN"


def test_dateline_sets_the_country(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "BEIRUT – Port workers in Tripoli went on strike."
    places = _places(nlp, gazetteer, text)
    assert places["BEIRUT"].geonameid == 276781
    assert places["Tripoli"].country == "LBN"


def test_demonym_just_before_the_name(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Militants raided the Libyan city of Tripoli.")
    assert places["Tripoli"].country == "LBY"


def test_places_near_each_other_win(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Deputies in Alexandria and Pineville made arrests.")
    assert places["Alexandria"].country == "USA"


def test_capital_over_a_division_of_the_same_name(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "Senators in Washington debated the budget.")
    assert places["Washington"].feature == "city"


def test_county_gets_a_point_in_its_state(nlp: Language, gazetteer: Gazetteer) -> None:
    county = _places(nlp, gazetteer, "Laurel County officials closed the road.")["Laurel County"]
    assert county.feature == "admin2" and county.lat is not None and 36 < county.lat < 39


def test_demonym_is_its_country(nlp: Language, gazetteer: Gazetteer) -> None:
    turkish = _places(nlp, gazetteer, "Turkish warplanes struck targets.")["Turkish"]
    assert turkish.feature == "country" and turkish.country == "TUR"


def test_demonyms_can_be_turned_off(nlp: Language, gazetteer: Gazetteer) -> None:
    places = find_places(nlp("Turkish warplanes struck targets."), gazetteer, demonyms=False)
    assert places == []


def test_regions_and_state_abbreviations(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "Clashes in the Gaza Strip worried officials in Charleston, W.Va. on Friday."
    places = _places(nlp, gazetteer, text)
    assert places["Gaza Strip"].feature == "region"
    assert places["W.Va."].name == "West Virginia"
    assert places["Charleston"].lat is not None and 37 < places["Charleston"].lat < 40


def test_last_word_of_a_street_name_is_not_a_town(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "The parade went down Elm Street past the Ripley Building.")
    assert "Street" not in places


def test_misspelling_after_on_is_found(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "The army renewed its assault on Intlib this week.")
    assert places["Intlib"].geonameid in {169389, 169387}
