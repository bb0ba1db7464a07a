"""The dominant-country rule: a name shared by a foreign city and a local town follows the
country most of the article's other places lie in."""

from __future__ import annotations

from spacy.language import Language

from eventwire.places import Gazetteer, find_places
from eventwire.places.dominant import (
    DOMINANT_BONUS,
    dominance_bonus,
    dominant_country,
    only_towns,
)
from eventwire.places.gazetteer import Entry


def _entry(country: str, feature: str = "city") -> Entry:
    return Entry(None, "Somewhere", feature, country, None, 0.0, 0.0, 1000)


def test_two_agreeing_names_make_a_dominant_country() -> None:
    homes = {"tulsa": "USA", "wichita": "USA", "dublin": "IRL"}
    assert dominant_country(homes, "Dublin") == "USA"


def test_a_name_never_votes_for_itself() -> None:
    homes = {"dublin": "IRL", "dublin city": "IRL", "omaha": "USA"}
    assert dominant_country(homes, "Dublin") is None  # one IRL vote against one USA vote


def test_split_articles_have_no_dominant_country() -> None:
    homes = {"cairo": "EGY", "giza": "EGY", "boston": "USA", "denver": "USA"}
    assert dominant_country(homes, "Alexandria") is None


def test_countries_themselves_get_no_bonus() -> None:
    assert dominance_bonus(_entry("USA", "country"), "USA") == 0.0
    assert dominance_bonus(_entry("USA"), "USA") == DOMINANT_BONUS
    assert dominance_bonus(_entry("IRL"), "USA") == 0.0


def test_town_follows_the_country_of_the_other_places(nlp: Language, gazetteer: Gazetteer) -> None:
    text = "The Dublin school board hired teachers who had worked in Tulsa, Wichita and Omaha."
    places = {p.text: p for p in find_places(nlp(text), gazetteer)}
    assert places["Dublin"].country == "USA"


def test_only_namesake_towns_are_sorted_by_the_home_country() -> None:
    assert only_towns(["city", "city", "admin2"])
    assert not only_towns(["city", "admin1"])  # "Ontario": the province stays
    assert not only_towns(["city", "region"])  # "Pacific": the ocean stays
