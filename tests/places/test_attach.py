"""place_for_trigger: one test per attachment rule, each in its own wording."""

from __future__ import annotations

from spacy.language import Language

from eventwire.places.attach import place_for_trigger
from eventwire.records import Place


def _place(text: str, name: str, feature: str = "city") -> Place:
    start = text.index(name)
    return Place(name, start, start + len(name), 1, name, "XXX", 1.0, 2.0, feature, 0.9)


def _trigger(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_locative_phrase_under_the_verb(nlp: Language) -> None:
    text = "Police arrested two men near Gorlovka on Friday."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "arrested"), [_place(text, "Gorlovka")])
    assert got is not None and got.text == "Gorlovka"


def test_locative_phrase_under_the_object_of_a_light_verb(nlp: Language) -> None:
    text = "The army launched an offensive in the north of Marib on Tuesday."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "offensive"), [_place(text, "Marib")])
    assert got is not None and got.text == "Marib"


def test_most_specific_place_in_a_nested_phrase(nlp: Language) -> None:
    text = "Rebels shelled positions outside Kandahar in Afghanistan."
    doc = nlp(text)
    places = [_place(text, "Kandahar"), _place(text, "Afghanistan", "country")]
    got = place_for_trigger(doc, _trigger(doc, "shelled"), places)
    assert got is not None and got.text == "Kandahar"


def test_compound_with_a_nominal_trigger(nlp: Language) -> None:
    text = "The Mosul offensive displaced thousands."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "offensive"), [_place(text, "Mosul")])
    assert got is not None and got.text == "Mosul"


def test_clause_of_a_nominal_trigger(nlp: Language) -> None:
    text = "They prepared a summit between the two leaders, to be held in Vienna next week."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "summit"), [_place(text, "Vienna")])
    assert got is not None and got.text == "Vienna"


def test_country_is_returned_as_a_country(nlp: Language) -> None:
    text = "Protesters gathered in Chile on Sunday."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "gathered"), [_place(text, "Chile", "country")])
    assert got is not None and got.feature == "country"


def test_unattached_country_is_not_the_location(nlp: Language) -> None:
    text = "Officials from Peru criticised the decision."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "criticised"), [_place(text, "Peru", "country")])
    assert got is None


def test_subnational_place_in_the_same_sentence(nlp: Language) -> None:
    text = "Two bombs exploded, a Basra official said."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "exploded"), [_place(text, "Basra")])
    assert got is not None and got.text == "Basra"


def test_topic_of_talks_is_not_the_location(nlp: Language) -> None:
    text = "The envoys negotiated on the future of Aleppo."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "negotiated"), [_place(text, "Aleppo")])
    assert got is None


def test_place_in_another_sentence_is_ignored(nlp: Language) -> None:
    text = "Fighting resumed. Later, aid arrived in Homs."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "resumed"), [_place(text, "Homs")])
    assert got is None


def test_place_in_an_actor_name_is_not_the_location(nlp: Language) -> None:
    text = "Belgrade union leaders criticised the wage freeze."
    doc = nlp(text)
    actor = (text.index("Belgrade"), text.index(" criticised"))
    got = place_for_trigger(doc, _trigger(doc, "criticised"), [_place(text, "Belgrade")], [actor])
    assert got is None


def test_possessor_of_a_place_phrase_is_skipped(nlp: Language) -> None:
    text = "Rebels seized Tripoli's airport in northern Chad."
    doc = nlp(text)
    places = [_place(text, "Tripoli"), _place(text, "Chad", "country")]
    got = place_for_trigger(doc, _trigger(doc, "seized"), places)
    assert got is not None and got.text == "Chad"


def test_journey_goes_to_its_destination(nlp: Language) -> None:
    text = "The foreign minister will travel to Ankara next week."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "travel"), [_place(text, "Ankara")])
    assert got is not None and got.text == "Ankara"


def test_place_left_in_a_time_phrase_of_the_trigger(nlp: Language) -> None:
    text = "She repeated the warning before leaving Tokyo yesterday."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "repeated"), [_place(text, "Tokyo")])
    assert got is not None and got.text == "Tokyo"


def test_country_before_a_nominal_trigger_is_its_actor(nlp: Language) -> None:
    text = "Canadian officials said Japan sanctions would hurt exporters."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "sanctions"), [_place(text, "Japan", "country")])
    assert got is None
    text = "Officials said his Japan trip would be short."
    doc = nlp(text)
    got = place_for_trigger(doc, _trigger(doc, "trip"), [_place(text, "Japan", "country")])
    assert got is not None and got.text == "Japan"


def test_town_of_bystanders_in_another_clause_is_not_the_location(nlp: Language) -> None:
    text = "After the loan deal was clinched, Chicago bankers argued about spreads."
    doc = nlp(text)
    assert place_for_trigger(doc, _trigger(doc, "deal"), [_place(text, "Chicago")]) is None
