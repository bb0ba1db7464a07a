"""Toponym precision: words used as names of parties, people, storms or papers are not places."""

from __future__ import annotations

from spacy.language import Language

from eventwire.places import Gazetteer, find_places


def _names(nlp: Language, gazetteer: Gazetteer, text: str) -> set[str]:
    return {p.text for p in find_places(nlp(text), gazetteer)}


def test_small_town_heading_a_party_name_is_not_a_place(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    found = _names(nlp, gazetteer, "The Liberal Democrats voted against the budget on Tuesday.")
    assert "Liberal" not in found


def test_town_heading_a_name_stays_when_the_article_places_it(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = "Flooding hit Hurricane, Utah, overnight, and the Hurricane Dam residents left."
    places = [p for p in find_places(nlp(text), gazetteer) if p.text == "Hurricane"]
    assert len(places) == 2 and all(p.country == "USA" for p in places)


def test_name_after_a_title_is_a_person_or_a_storm(nlp: Language, gazetteer: Gazetteer) -> None:
    found = _names(nlp, gazetteer, "Sir Menzies thanked Mr Kennedy after Hurricane Carnegie.")
    assert not found & {"Sir", "Menzies", "Kennedy", "Hurricane", "Carnegie"}


def test_first_part_of_a_hyphenated_group_name(nlp: Language, gazetteer: Gazetteer) -> None:
    found = _names(nlp, gazetteer, "Al-Shabaab gunmen stormed a hotel in Mogadishu.")
    assert "Al" not in found and "Mogadishu" in found


def test_place_before_a_lower_case_hyphenated_word_stays(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    assert "Kentucky" in _names(nlp, gazetteer, "A Kentucky-based charity sent food.")


def test_foreign_article_word_of_a_newspaper_name(nlp: Language, gazetteer: Gazetteer) -> None:
    found = _names(nlp, gazetteer, "He said so in an interview in tomorrow's Die Welt newspaper.")
    assert "Die" not in found


def test_region_name_is_not_read_as_its_first_word(nlp: Language, gazetteer: Gazetteer) -> None:
    assert "Far" not in _names(nlp, gazetteer, "Dealers in the Far East sold the dollar.")


def test_landform_word_ending_an_unknown_name_is_not_a_town(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    text = (
        "Bird flu returned to the Danube Delta area, and soldiers patrolled the Swat Valley "
        "while cases rose in the Central Plateau."
    )
    found = _names(nlp, gazetteer, text)
    assert not found & {"Delta", "Valley", "Plateau"}


def test_landform_word_after_an_article_stays_a_place(nlp: Language, gazetteer: Gazetteer) -> None:
    # "Sun Valley" is a town of its own, matched whole; "Delta" alone after "in" is kept
    found = _names(nlp, gazetteer, "Skiers went to Sun Valley, Idaho, and farmers stayed in Delta.")
    assert "Sun Valley" in found and "Delta" in found
