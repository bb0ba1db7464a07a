"""Former states (the Soviet Union, East Germany, Yugoslavia, Czechoslovakia) and the words and
office holders that stand for them by the article's date (the Reuters corpus is from 1987)."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import Actor, Article

IN_1987 = date(1987, 3, 10)
IN_2005 = date(2005, 3, 10)


def codes(found: list[Actor]) -> dict[str, str]:
    return {a.text: a.code for a in found}


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("The Soviet Union protested.", "Soviet Union", "SUN"),
        ("The USSR protested.", "USSR", "SUN"),
        ("The U.S.S.R. protested.", "U.S.S.R.", "SUN"),
        (
            "The Union of Soviet Socialist Republics fell.",
            "Union of Soviet Socialist Republics",
            "SUN",
        ),
        ("The Soviets protested.", "Soviets", "SUN"),
        ("Soviet troops crossed the border.", "Soviet troops", "SUNMIL"),
        ("The Soviet government protested.", "Soviet government", "SUNGOV"),
        ("East Germany protested.", "East Germany", "DDR"),
        ("East German border guards fired.", "East German border guards", "DDRCOP"),
        ("The German Democratic Republic protested.", "German Democratic Republic", "DDR"),
        ("East Berlin protested to Bonn.", "East Berlin", "DDRGOV"),
        ("West Germany protested.", "West Germany", "DEU"),
        ("The West German government protested.", "West German government", "DEUGOV"),
        ("Bonn protested.", "Bonn", "DEUGOV"),
        ("Yugoslav police arrested them.", "Yugoslav police", "YUGCOP"),
        ("Belgrade protested.", "Belgrade", "YUGGOV"),
        ("Czechoslovakia protested.", "Czechoslovakia", "CSK"),
        ("Prague protested.", "Prague", "CSKGOV"),
    ],
)
def test_former_state_words_in_1987(actors_of, text: str, word: str, code: str) -> None:
    assert codes(actors_of(text, IN_1987)).get(word) == code


@pytest.mark.parametrize("word", ["Moscow", "The Kremlin"])
def test_the_seat_of_government_by_date(actors_of, word: str) -> None:
    text = f"{word} criticised the decision."
    name = word.removeprefix("The ")
    assert codes(actors_of(text, IN_1987)).get(name) == "SUNGOV"
    assert codes(actors_of(text, date(1991, 12, 25))).get(name) == "SUNGOV"
    assert codes(actors_of(text, date(1991, 12, 26))).get(name) == "RUSGOV"
    assert codes(actors_of(text, IN_2005)).get(name) == "RUSGOV"


def test_seats_that_changed_state(actors_of) -> None:
    assert codes(actors_of("Belgrade protested.", IN_2005)).get("Belgrade") == "SRBGOV"
    assert codes(actors_of("Prague protested.", IN_2005)).get("Prague") == "CZEGOV"
    assert codes(actors_of("Berlin protested.", IN_2005)).get("Berlin") == "DEUGOV"
    assert "Berlin" not in codes(actors_of("Berlin protested.", IN_1987))
    # out of its days a dated seat names no one (and hides the shorter "Berlin")
    assert codes(actors_of("East Berlin protested.", IN_2005)) == {}


def test_the_soviet_union_is_still_itself_in_later_news(actors_of) -> None:
    found = codes(actors_of("The Soviet Union invaded Afghanistan in 1979.", IN_2005))
    assert found.get("Soviet Union") == "SUN"


def test_shevardnadze_by_date(actors_of) -> None:
    text = "Foreign Minister Eduard Shevardnadze arrived."
    soviet = [a for a in actors_of(text, IN_1987) if a.kind == "person"]
    georgian = [a for a in actors_of(text, date(1998, 6, 1)) if a.kind == "person"]
    assert (soviet[0].code, soviet[0].role) == (
        "SUNGOV",
        "Minister of Foreign Affairs of the Soviet Union",
    )
    assert georgian[0].code == "GEOGOV"


def test_soviet_title_before_the_name(actors_of) -> None:
    found = actors_of("Soviet Foreign Minister Eduard Shevardnadze arrived.", IN_1987)
    assert [(a.name, a.code) for a in found if a.kind == "person"] == [
        ("Eduard Shevardnadze", "SUNGOV")
    ]


@pytest.mark.parametrize(
    ("text", "day", "name", "code", "role"),
    [
        (
            "Mikhail Gorbachev spoke.",
            IN_1987,
            "Mikhail Gorbachev",
            "SUNGOV",
            "General Secretary of the Communist Party of the Soviet Union",
        ),
        ("Gorbachev spoke.", date(1991, 6, 1), "Mikhail Gorbachev", "SUNGOV",
         "President of the Soviet Union"),
        ("Dmitry Yazov spoke.", date(1988, 1, 1), "Dmitry Yazov",
         "SUNMIL", "Minister of Defence of the Soviet Union"),
        ("Erich Honecker spoke.", IN_1987, "Erich Honecker", "DDRGOV",
         "Chairman of the State Council of East Germany"),
        ("Vaclav Havel spoke.", date(1991, 1, 1), "Vaclav Havel", "CSKGOV",
         "President of Czechoslovakia"),
        ("Vaclav Havel spoke.", date(1998, 1, 1), "Vaclav Havel", "CZEGOV",
         "President of the Czech Republic"),
    ],
)  # fmt: skip
def test_office_holders_of_former_states(
    actors_of, text: str, day: date, name: str, code: str, role: str
) -> None:
    person = [a for a in actors_of(text, day) if a.kind == "person"][0]
    assert (person.name, person.code, person.role) == (name, code, role)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Soviet president arrived.", "Andrei Gromyko"),
        ("The Soviet defence minister arrived.", "Sergei Sokolov"),
        ("The East German prime minister arrived.", "Willi Stoph"),
    ],
)
def test_titles_find_the_holder_of_the_day(actors_of, text: str, name: str) -> None:
    assert [a.name for a in actors_of(text, IN_1987) if a.kind == "person"] == [name]


@pytest.fixture(scope="module")
def coder():  # noqa: ANN201 - the full pipeline, as the CLI loads it
    from eventwire.pipeline import Coder

    return Coder.load()


def test_the_soviet_union_condemned_the_united_states(coder) -> None:
    text = "The Soviet Union condemned the United States."
    article = Article("x", "X", None, IN_1987, "", text)
    events = coder.analyse_doc(article, coder.nlp(text)).events
    found = [(e.cameo, e.source.code, e.target.code if e.target else None) for e in events]
    assert ("111", "SUN", "USA") in found


def test_former_soviet_republics_are_not_the_soviet_union(actors_of) -> None:
    text = "Former Soviet republics from the CIS refuse to lift sanctions."
    found = codes(actors_of(text, IN_2005))
    assert "SUN" not in found.values()
    assert found.get("CIS") == "IGOCIS"


def test_a_former_state_without_a_centre_gets_no_place(coder) -> None:
    """The gazetteer has no centre for SUN: an attack on it is coded with no place, no error."""
    text = "Afghan rebels attacked the Soviet Union."
    article = Article("x", "X", None, IN_1987, "", text)
    events = coder.analyse_doc(article, coder.nlp(text)).events
    attacks = [e for e in events if e.target is not None and e.target.code == "SUN"]
    assert attacks and all(e.place is None or e.place.country != "SUN" for e in attacks)
    assert coder.gazetteer.country("SUN") is None
