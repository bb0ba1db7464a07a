"""ActorIndex: tokens to actors, by span, by phrase head, and by coreference in a paragraph."""

from __future__ import annotations

from datetime import date

from eventwire.actors import ActorIndex, find_actors

DAY = date(2020, 2, 1)


def index_of(parse, dictionary, text: str):
    doc = parse(text)
    return doc, ActorIndex(doc, find_actors(doc, DAY, dictionary))


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_token_inside_a_span(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "The Egyptian Foreign Ministry protested.")
    assert index.actor_for_token(token(doc, "Ministry")).code == "EGYGOV"
    assert index.actor_for_token(token(doc, "protested")) is None


def test_surname_token_of_a_full_name(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "Emmanuel Macron flew to Berlin.")
    assert index.actor_for_token(token(doc, "Macron")).name == "Emmanuel Macron"


def test_title_token_before_a_name(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "President Macron flew to Berlin.")
    assert index.actor_for_token(token(doc, "President")).name == "Emmanuel Macron"


def test_apposition_gives_the_named_person(parse, dictionary) -> None:
    text = "Russia's foreign minister, Sergey Lavrov, warned Kyiv."
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "minister")).name == "Sergey Lavrov"


def test_he_refers_to_the_last_person_of_the_paragraph(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "Emmanuel Macron met the Iraqi army. He praised it.")
    assert index.actor_for_token(token(doc, "He")).name == "Emmanuel Macron"


def test_it_refers_to_the_last_organisation(parse, dictionary) -> None:
    text = "The Iranian Foreign Ministry issued a statement. It condemned the strike."
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "It")).code == "IRNGOV"


def test_they_refers_to_the_last_group(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "Syrian rebels seized the town. They celebrated.")
    assert index.actor_for_token(token(doc, "They")).code == "SYRREB"


def test_definite_description_takes_the_coded_antecedent(parse, dictionary) -> None:
    text = "The Iraqi government closed the crossing. The government said it was temporary."
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "government", 1)).code == "IRQGOV"


def test_the_minister_is_the_last_person_with_that_agent(parse, dictionary) -> None:
    text = "Ayman Safadi landed in Rome. The minister met Italian officials."
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "minister")).name == "Ayman Safadi"


def test_the_two_sides_give_both_parties(parse, dictionary) -> None:
    text = "Greek officials met Turkish diplomats in Athens. The two sides agreed to talk again."
    doc, index = index_of(parse, dictionary, text)
    sides = token(doc, "sides")
    assert index.actor_for_token(sides) is None
    assert {a.country for a in index.actors_for_token(sides)} == {"GRC", "TUR"}


def test_coreference_stops_two_paragraphs_back(parse, dictionary) -> None:
    text = "Emmanuel Macron spoke.\n\nThe talks went on.\n\nNothing changed.\n\nHe left."
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "He")) is None


def test_actor_that_is_the_root_of_its_sentence(parse, dictionary) -> None:
    doc, index = index_of(parse, dictionary, "His Turkish counterpart.")
    assert index.actor_for_token(token(doc, "counterpart")).code == "TURGOV"


def test_every_token_of_odd_inputs_gets_an_answer(parse, dictionary) -> None:
    for text in ["", "\n\n", "President", "the country's", "'s government", "U.S.-Russian talks"]:
        doc, index = index_of(parse, dictionary, text)
        for tok in doc:
            index.actor_for_token(tok)
            assert isinstance(index.actors_for_token(tok), tuple)


def test_two_sides_prefer_people_and_organisations_over_states(parse, dictionary) -> None:
    text = (
        "Emmanuel Macron called the Kenyan president about Somalia and Sudan. "
        "Both leaders agreed to meet."
    )
    doc, index = index_of(parse, dictionary, text)
    parties = index.actors_for_token(token(doc, "leaders"))
    assert {a.country for a in parties} == {"FRA", "KEN"}


def test_the_parties_of_a_whole_report(parse, dictionary) -> None:
    text = (
        "Sergey Lavrov met Hakan Fidan in Sochi.\n\nLavrov and Fidan spoke for hours.\n\n"
        "Trade between Iran and Iraq grew.\n\nThe parties discussed Syria."
    )
    doc, index = index_of(parse, dictionary, text)
    parties = index.actors_for_token(token(doc, "parties"))
    assert {a.country for a in parties} == {"RUS", "TUR"}


def test_the_home_countrys_sectors_in_a_story_about_one_country(parse, dictionary) -> None:
    text = (
        "Danish voters backed the reform, Danish pollsters said.\n\nDanish unions agreed.\n\n"
        "The prime minister welcomed it, and the government will act."
    )
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "government")).code == "DNKGOV"
    assert index.actor_for_token(token(doc, "minister")).code == "DNKGOV"


def test_a_bare_title_takes_no_home_country(parse, dictionary) -> None:
    text = "Danes backed it, Danish pollsters said.\n\nDanish unions agreed. A minister quit."
    doc, index = index_of(parse, dictionary, text)
    minister = index.actor_for_token(token(doc, "minister"))
    assert minister is None or minister.country is None


def test_a_pronoun_for_the_home_countrys_minister_has_the_country(parse, dictionary) -> None:
    text = (
        "Danish voters backed the reform, Danish pollsters said.\n\nDanish unions agreed.\n\n"
        "The prime minister welcomed it. He said the vote was clear."
    )
    doc, index = index_of(parse, dictionary, text)
    assert index.actor_for_token(token(doc, "He")).code == "DNKGOV"
