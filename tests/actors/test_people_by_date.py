"""People coded by date: offices change hands, people change offices."""

from __future__ import annotations

from datetime import date

from eventwire.actors.entries import ActorEntry, Tenure


def test_same_office_two_dates_two_people_same_code(actors_of) -> None:
    text = "The Russian defence minister visited the base."
    before = [a for a in actors_of(text, date(2015, 1, 1)) if a.kind == "person"][0]
    after = [a for a in actors_of(text, date(2025, 1, 1)) if a.kind == "person"][0]
    assert (before.name, after.name) == ("Sergei Shoigu", "Andrei Belousov")
    assert before.code == after.code == "RUSMIL"


def test_one_person_two_offices(actors_of) -> None:
    as_pm = [a for a in actors_of("Vladimir Putin spoke.", date(2010, 1, 1))][0]
    as_president = [a for a in actors_of("Vladimir Putin spoke.", date(2019, 1, 1))][0]
    assert as_pm.role == "Prime Minister of Russia"
    assert as_president.role == "President of Russia"


def test_former_office_holder_is_an_elite(actors_of) -> None:
    found = [a for a in actors_of("Hulusi Akar said Turkey would respond.", date(2024, 3, 1))]
    assert found[0].code == "TURELI"
    assert found[0].role == "former Minister of Defence of Turkey"


def test_before_any_office_only_the_country() -> None:
    entry = ActorEntry(
        "A Person",
        "person",
        (Tenure("TURGOV", "TUR", "GOV", "foreign_minister", "FM", date(2020, 1, 1), None),),
    )
    assert entry.at(date(2010, 1, 1)).code == "TUR"
    assert entry.at(date(2021, 1, 1)).code == "TURGOV"


def test_highest_office_wins_on_a_shared_day() -> None:
    entry = ActorEntry(
        "A Person",
        "person",
        (
            Tenure(
                "XGOV", None, "GOV", "foreign_minister", "FM", date(2020, 1, 1), date(2020, 6, 1)
            ),
            Tenure("XGOV", None, "GOV", "head_of_state", "President", date(2020, 6, 1), None),
        ),
    )
    assert entry.at(date(2020, 6, 1)).role == "President"


def test_holder_of_an_office(dictionary) -> None:
    held = dictionary.holder("USA", "foreign_minister", date(2014, 7, 1))
    assert held is not None and held[1].name == "John Kerry"
    assert dictionary.holder("USA", "foreign_minister", date(1850, 1, 1)) is None


def test_interior_type_offices_resolve_by_date(actors_of) -> None:
    def holder(text: str, day: date) -> str | None:
        return next((a.name for a in actors_of(text, day) if a.kind == "person"), None)

    assert holder("The US homeland security secretary testified.", date(2022, 3, 1)) == (
        "Alejandro Mayorkas"
    )
    assert holder("South Africa's police minister spoke.", date(2020, 3, 1)) == "Bheki Cele"
    assert holder("The Canadian public safety minister spoke.", date(2017, 3, 1)) == (
        "Ralph Goodale"
    )


def test_same_office_new_country_two_dates(actors_of) -> None:
    text = "The Serbian foreign minister arrived."
    early = [a for a in actors_of(text, date(2010, 1, 1)) if a.kind == "person"][0]
    late = [a for a in actors_of(text, date(2021, 1, 1)) if a.kind == "person"][0]
    assert (early.name, late.name) == ("Vuk Jeremic", "Nikola Selakovic")
    assert early.code == late.code == "SRBGOV"


def test_a_junta_leader_is_military_and_a_later_president_government(actors_of) -> None:
    junta = actors_of("Mahamat Idriss Deby spoke.", date(2022, 1, 1))[0]
    elected = actors_of("Mahamat Idriss Deby spoke.", date(2025, 1, 1))[0]
    assert (junta.code, elected.code) == ("TCDMIL", "TCDGOV")


def test_a_title_takes_the_holders_code(actors_of) -> None:
    """A junta leader is MIL whether named or only titled ("the Burkinabe president")."""
    titled = [a for a in actors_of("The Burkinabe president spoke.", date(2023, 5, 1))][0]
    named = [a for a in actors_of("Ibrahim Traore spoke.", date(2023, 5, 1))][0]
    assert titled.name == "Ibrahim Traore"
    assert titled.code == named.code == "BFAMIL"
    before = [a for a in actors_of("The Burkinabe president spoke.", date(2019, 5, 1))][0]
    assert (before.name, before.code) == ("Roch Marc Christian Kabore", "BFAGOV")


def test_a_title_finds_the_head_whose_role_it_names(actors_of) -> None:
    """Iran's president is its head of government; "president" names heads of state."""
    iran = [a for a in actors_of("The Iranian president spoke.", date(2019, 1, 1))][0]
    assert iran.name == "Hassan Rouhani"
    france = [a for a in actors_of("The French president spoke.", date(2019, 1, 1))][0]
    assert france.name == "Emmanuel Macron"
    israel = [a for a in actors_of("The Israeli prime minister spoke.", date(2019, 1, 1))][0]
    assert israel.name == "Benjamin Netanyahu"


def test_titled_holder_keeps_the_office_when_no_role_fits(dictionary) -> None:
    held = dictionary.titled_holder("SDN", "head_of_state", date(2023, 1, 1), "president")
    assert held is not None and held[1].name == "Abdel Fattah al-Burhan"
