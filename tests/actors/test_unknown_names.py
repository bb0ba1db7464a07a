"""Named people and organisations outside the dictionaries are kept as UNK actors."""

from __future__ import annotations

from eventwire.actors.recognise import UNKNOWN_CODE


def test_unknown_person_is_an_unk_actor(actors_of):
    actors = actors_of("Maria Kowalczyk-Brandt criticised the decision on Tuesday.")
    person = [a for a in actors if a.text == "Maria Kowalczyk-Brandt"]
    assert person and person[0].code == UNKNOWN_CODE and person[0].kind == "person"
    assert person[0].country is None


def test_known_person_is_not_repeated_as_unknown(actors_of):
    actors = actors_of("Vladimir Putin met the delegation in the Kremlin.")
    assert [a.code for a in actors if "Putin" in a.text] == ["RUSGOV"]


def test_one_word_organisation_guess_is_not_an_actor(actors_of):
    # NER often calls a lone unknown place name an organisation: not enough to be an actor
    actors = actors_of("Government troops shelled Zarqitah overnight.")
    assert not [a for a in actors if a.code == UNKNOWN_CODE and a.text == "Zarqitah"]


def test_workers_and_teachers_are_sector_actors_without_a_country(actors_of):
    actors = actors_of("Workers at the port walked out, and teachers joined them.")
    codes = {a.text: a.code for a in actors}
    assert codes.get("Workers") == "LAB" and codes.get("teachers") == "EDU"


def test_a_lone_surname_as_subject_or_object_is_an_unknown_person(actors_of) -> None:
    # the recogniser takes the first for an organisation and sees no name in the second
    found = {a.text: a for a in actors_of("Days earlier, Lagerkvist had rejected the plan.")}
    assert found["Lagerkvist"].code == UNKNOWN_CODE
    found = {a.text: a for a in actors_of("Later, Moravec accused Gulen of fraud.")}
    assert found["Gulen"].code == UNKNOWN_CODE


def test_a_capitalised_word_opening_a_sentence_is_no_lone_name(actors_of) -> None:
    actors = actors_of("Ministers met on Monday. Deforestation threatens jobs.")
    found = {a.text for a in actors if a.code == UNKNOWN_CODE}
    assert "Ministers" not in found
    assert "Deforestation" not in found


def test_a_name_in_a_photo_credit_is_no_actor(actors_of) -> None:
    text = "REUTERS/Ali Jasim/File Photo Kurdish fighters detain a suspect near Kirkuk."
    found = {a.text for a in actors_of(text)}
    assert not [t for t in found if "Jasim" in t]
    assert "REUTERS" not in found  # the agency of the credit is no actor either
