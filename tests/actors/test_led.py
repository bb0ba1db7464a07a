"""Rule 9 (country_rules.py): "<country>-led coalition|forces|alliance|mission" is its MIL."""

from __future__ import annotations

from eventwire.actors.led import led_prefix
from eventwire.records import Actor


def by_text(actors: list[Actor]) -> dict[str, Actor]:
    return {a.text: a for a in actors}


def test_adjective_led_coalition_is_the_countrys_military(actors_of) -> None:
    found = by_text(actors_of("The Saudi-led coalition declared a two-week truce in Yemen."))
    actor = found["Saudi-led coalition"]
    assert (actor.code, actor.country, actor.agent, actor.kind) == ("SAUMIL", "SAU", "MIL", "group")


def test_abbreviation_joined_to_led_in_one_token(actors_of) -> None:
    found = by_text(actors_of("A U.S.-led coalition bombed depots near Mosul."))
    assert found["U.S.-led coalition"].code == "USAMIL"


def test_name_led_forces_and_adjective_led_mission(actors_of) -> None:
    found = by_text(actors_of("Russia-led forces arrived while the French-led mission left."))
    assert found["Russia-led forces"].code == "RUSMIL"
    assert found["French-led mission"].code == "FRAMIL"


def test_led_across_an_adjective(actors_of) -> None:
    found = by_text(actors_of("The British-led multinational force patrolled the strait."))
    assert found["British-led multinational force"].code == "GBRMIL"


def test_coordinated_leaders_each_get_their_military(actors_of) -> None:
    found = by_text(actors_of("The Saudi and Emirati-led alliance struck the port."))
    assert found["Saudi"].code == "SAUMIL"
    assert found["Emirati-led alliance"].code == "AREMIL"


def test_organisation_led_forces_keep_the_organisations_code(actors_of) -> None:
    found = by_text(actors_of("NATO-led troops secured the airport."))
    assert found["NATO-led troops"].code == "IGOWSTNAT"


def test_led_before_another_noun_makes_the_leader_the_owner(actors_of) -> None:
    found = by_text(actors_of("Qatar rejected the Egyptian-led talks."))
    assert found["Egyptian"].code == "EGY"
    assert "Egyptian-led talks" not in found


def test_led_prefix_reads_one_token() -> None:
    assert led_prefix("U.S.-led") == "U.S."
    assert led_prefix("Saudi–led") == "Saudi"
    assert led_prefix("-led") is None
    assert led_prefix("misled") is None
