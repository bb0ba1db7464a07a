"""Resolution rules on the words around a name: a division word after it, a country's own name
among other places, a province that shares its name with a small town."""

from __future__ import annotations

from spacy.language import Language

from eventwire.places import Gazetteer, find_places
from eventwire.records import Place


def _places(nlp: Language, gazetteer: Gazetteer, text: str) -> dict[str, Place]:
    return {p.text: p for p in find_places(nlp(text), gazetteer)}


def test_state_after_the_name_makes_it_the_state(nlp: Language, gazetteer: Gazetteer) -> None:
    plain = _places(nlp, gazetteer, "The herd was traced to a farm near Washington.")
    assert plain["Washington"].feature == "city"  # the capital, read alone
    places = _places(nlp, gazetteer, "The herd was traced to a Washington state farm.")
    assert places["Washington"].feature == "admin1" and places["Washington"].lon < -115


def test_province_after_the_name_makes_it_the_province(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "A boy died of the virus in Hunan province on Monday.")
    hunan = places["Hunan"]
    assert hunan.feature == "admin1" and hunan.country == "CHN"
    assert hunan.lat is not None and 26 < hunan.lat < 29


def test_province_with_a_centre_outranks_a_namesake_town(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # Hubei is also a small town in Shanxi; the province has a centre of its own
    places = _places(nlp, gazetteer, "Cases were reported in Hubei and Guangdong.")
    assert places["Hubei"].feature == "admin1"


def test_a_countrys_name_among_countries_is_the_country(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = (
        "Doctors in North Carolina said health officials in Mexico, China, Japan, Ukraine "
        "and Brazil also report cases."
    )
    places = _places(nlp, gazetteer, text)
    assert places["China"].feature == "country" and places["China"].country == "CHN"
    assert places["Mexico"].feature == "country" and places["Mexico"].country == "MEX"


def test_a_town_named_like_a_country_needs_support(nlp: Language, gazetteer: Gazetteer) -> None:
    abroad = "Envoys of Lebanon met officials from Damascus and Amman."
    assert _places(nlp, gazetteer, abroad)["Lebanon"].country == "LBN"
    # the story's other places lie in the USA: the Pennsylvania town
    towns = "The Lebanon school board met on Monday with officials from Harrisburg and Hershey."
    assert _places(nlp, gazetteer, towns)["Lebanon"].country == "USA"
    qualified = "The Lebanon, Pa., school board met on Monday."
    assert _places(nlp, gazetteer, qualified)["Lebanon"].country == "USA"


def test_a_county_takes_the_centre_of_the_towns_named_in_its_state(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # the town named nearest to "Anderson County" in the text is Amarillo, 600 km away; the
    # story's towns gather around Palestine
    text = (
        "Police in Palestine, Texas, and nearby Frankston searched the woods. Palestine "
        "officers found the car, and a deputy drove to Amarillo for the Anderson County sheriff."
    )
    county = _places(nlp, gazetteer, text)["Anderson County"]
    assert county.lat is not None and county.lon is not None
    assert 31.5 < county.lat < 32.3 and -96.0 < county.lon < -95.3


def test_a_state_after_the_comma_names_the_town_not_the_country(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    places = find_places(nlp("Police in Palestine, Texas, searched the woods."), gazetteer)
    palestine = next(p for p in places if p.text == "Palestine")
    assert palestine.country == "USA" and palestine.feature == "city"


def test_a_countrys_name_is_not_its_capitals_other_name(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    # "Mexico" is also an alternate name of Mexico City, which the story names, as it names
    # other Mexican places
    text = (
        "Acapulco is a city of the state of Guerrero, 300 miles southwest from Mexico City. "
        "Drug violence in Mexico has killed 2,300 people this year."
    )
    mexico = _places(nlp, gazetteer, text)["Mexico"]
    assert mexico.feature == "country" and mexico.country == "MEX"


def test_state_of_before_the_name_makes_it_the_state(nlp: Language, gazetteer: Gazetteer) -> None:
    places = _places(nlp, gazetteer, "The first case was found in 2003 in the state of Washington.")
    assert places["Washington"].feature == "admin1"


def test_a_name_listed_among_states_is_a_state(nlp: Language, gazetteer: Gazetteer) -> None:
    after = _places(nlp, gazetteer, "Cases were found in Utah, Virginia, Washington and Wyoming.")
    assert after["Washington"].feature == "admin1"
    # first in the list: "Pennsylvania" is another item, not the state of a town Washington
    first = _places(nlp, gazetteer, "Officials checked cases in Washington, Pennsylvania and Ohio.")
    assert first["Washington"].feature == "admin1"


def test_a_state_after_a_town_still_qualifies_it(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "She grew up in Springfield, Illinois, and moved to Ohio."
    springfield = _places(nlp, gazetteer, text)["Springfield"]
    assert springfield.feature == "city" and springfield.lat is not None
    assert 39.5 < springfield.lat < 40.2 and -90 < springfield.lon < -89.3
