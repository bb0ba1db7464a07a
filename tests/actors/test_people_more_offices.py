"""People of the offices added at stop 13 (opposition and party leaders, shadow ministers,
devolved heads, deputy heads, justice ministers, attorneys general, capital mayors, the office
holders of the 1980s and 1990s): coded by the office of the day."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.entries import OFFICE_RANK, ActorEntry, Tenure


def first(actors_of, text: str, day: date) -> tuple[str, str | None]:
    found = [a for a in actors_of(text, day) if a.kind == "person"][0]
    return found.code, found.name


@pytest.mark.parametrize(
    ("text", "day", "code", "name"),
    [
        ("Conservative leader Michael Howard said it would fail.", date(2005, 1, 1), "GBROPP",
         "Michael Howard"),
        ("Home Secretary Douglas Hurd said the police would act.", date(1987, 3, 1), "GBRGOV",
         "Douglas Hurd"),
        ("Prime Minister Anibal Cavaco Silva said Portugal would join.", date(1987, 3, 1),
         "PRTGOV", "Anibal Cavaco Silva"),
        ("Shadow chancellor Oliver Letwin attacked the budget.", date(2004, 3, 1), "GBROPP",
         "Oliver Letwin"),
        ("Jack McConnell welcomed the decision.", date(2004, 3, 1), "GBRGOV", "Jack McConnell"),
        ("Kinnock attacked the government.", date(1987, 3, 1), "GBROPP", "Neil Kinnock"),
        ("Zhao Ziyang met the envoy.", date(1987, 3, 1), "CHNGOV", "Zhao Ziyang"),
        ("Genscher met the envoy.", date(1987, 3, 1), "DEUGOV", "Hans-Dietrich Genscher"),
        ("Lord Falconer said the bill would pass.", date(2005, 1, 1), "GBRGOV",
         "Lord Falconer of Thoroton"),
        ("Deputy Prime Minister John Prescott visited Hull.", date(2005, 1, 1), "GBRGOV",
         "John Prescott"),
        ("Mayor Ken Livingstone criticised the plan.", date(2005, 1, 1), "GBRGOV",
         "Ken Livingstone"),
        ("Lord Goldsmith gave his advice.", date(2003, 3, 1), "GBRGOV", "Lord Goldsmith"),
        # Japan's cabinets of the 1980s: agriculture, the Defense Agency (MIL), MITI
        ("Agriculture Minister Mutsuki Kato said Japan would not open its rice market.",
         date(1987, 3, 1), "JPNGOV", "Mutsuki Kato"),
        ("Kurihara said Japan would keep defence spending below one pct of GNP.",
         date(1987, 1, 10), "JPNMIL", "Yuko Kurihara"),
        ("MITI Minister Hajime Tamura said the surplus would shrink.", date(1988, 3, 1),
         "JPNGOV", "Hajime Tamura"),
        ("Hajime Tamura said the surplus would shrink.", date(1989, 3, 1), "JPNELI",
         "Hajime Tamura"),
        # South Korea before 2008
        ("Prime Minister Lho Shin-yong resigned.", date(1987, 5, 1), "KORGOV", "Lho Shin-yong"),
        ("Choi Kwang-soo met the envoy.", date(1987, 9, 1), "KORGOV", "Choi Kwang-soo"),
        ("Choi Kwang-soo met the envoy.", date(1990, 9, 1), "KORELI", "Choi Kwang-soo"),
        # justice ministers of Japan, Italy, Spain and India
        ("Kunio Hatoyama signed the execution orders.", date(2008, 1, 1), "JPNGOV",
         "Kunio Hatoyama"),
        ("Justice Minister Roberto Castelli said the bill would pass.", date(2005, 1, 1),
         "ITAGOV", "Roberto Castelli"),
        ("Spanish Justice Minister Juan Fernando Lopez Aguilar spoke.", date(2005, 1, 1),
         "ESPGOV", "Juan Fernando Lopez Aguilar"),
        ("Law Minister H. R. Bhardwaj said the bill would be tabled.", date(2005, 1, 1),
         "INDGOV", "H. R. Bhardwaj"),
        # the EU's High Representative and Commissioners (IGOEUR)
        ("Competition Commissioner Mario Monti blocked the merger.", date(2001, 7, 3),
         "IGOEUR", "Mario Monti"),
        ("Mario Monti blocked the merger.", date(2012, 3, 1), "ITAGOV", "Mario Monti"),
        ("Chris Patten visited Beijing.", date(2002, 5, 1), "IGOEUR", "Chris Patten"),
        ("Javier Solana met the negotiator.", date(2005, 1, 1), "IGOEUR", "Javier Solana"),
        ("Javier Solana met the negotiator.", date(1997, 1, 1), "IGOWSTNAT", "Javier Solana"),
        ("Olli Rehn urged Turkey to reform.", date(2005, 10, 1), "IGOEUR", "Olli Rehn"),
        # oil ministers (energy_minister) and OPEC's secretaries general
        ("Hisham Nazer said OPEC would hold its output ceiling.", date(1987, 3, 1), "SAUGOV",
         "Hisham Nazer"),
        ("Ahmed Zaki Yamani said prices would fall.", date(1986, 3, 1), "SAUGOV",
         "Ahmed Zaki Yamani"),
        ("Ahmed Zaki Yamani said prices would fall.", date(1987, 6, 1), "SAUELI",
         "Ahmed Zaki Yamani"),
        ("Rilwanu Lukman said OPEC would meet in June.", date(1987, 3, 1), "NGAGOV",
         "Rilwanu Lukman"),
        ("Rilwanu Lukman said OPEC would meet in June.", date(1996, 3, 1), "IGOOPC",
         "Rilwanu Lukman"),
        ("Oil Minister Gholamreza Aghazadeh said Iran would not cut output.", date(1987, 3, 1),
         "IRNGOV", "Gholamreza Aghazadeh"),
        ("Kuwait's Oil Minister Sheikh Ali al-Khalifa al-Sabah said quotas would hold.",
         date(1987, 3, 1), "KWTGOV", "Ali al-Khalifa al-Sabah"),
        # office holders of 1987 wire news: by title, alone and after their stint
        ("Philippine Finance Minister Jaime Ongpin met the bankers.", date(1987, 3, 10),
         "PHLGOV", "Jaime Ongpin"),
        ("Ongpin said the talks went well.", date(1987, 3, 10), "PHLGOV", "Jaime Ongpin"),
        ("Jaime Ongpin said the talks went well.", date(1987, 10, 1), "PHLELI",
         "Jaime Ongpin"),
        ("Trade and Industry Secretary Jose Concepcion criticised the levy.", date(1987, 3, 23),
         "PHLGOV", "Jose Concepcion"),
        ("Energy Secretary John Herrington said the reserve would grow.", date(1987, 3, 17),
         "USAGOV", "John Herrington"),
        ("Herrington said he opposed the tax.", date(1987, 3, 17), "USAGOV", "John Herrington"),
    ],
)  # fmt: skip
def test_named_holders_by_date(actors_of, text: str, day: date, code: str, name: str) -> None:
    assert first(actors_of, text, day) == (code, name)


def test_one_person_from_opposition_to_government(actors_of) -> None:
    """Tony Blair led the opposition before he was prime minister."""
    assert first(actors_of, "Tony Blair spoke.", date(1996, 1, 1)) == ("GBROPP", "Tony Blair")
    assert first(actors_of, "Tony Blair spoke.", date(1998, 1, 1)) == ("GBRGOV", "Tony Blair")


def test_the_opposition_leader_by_title(actors_of) -> None:
    found = first(actors_of, "The British opposition leader attacked the plan.", date(2005, 1, 1))
    assert found == ("GBROPP", "Michael Howard")


@pytest.mark.parametrize(
    ("text", "day", "name"),
    [
        ("The British deputy prime minister spoke.", date(2012, 3, 1), "Nick Clegg"),
        ("The US attorney general spoke.", date(2010, 3, 1), "Eric Holder"),
        ("The British attorney general spoke.", date(2005, 3, 1), "Lord Goldsmith"),
        ("The Saudi oil minister spoke.", date(1987, 3, 1), "Hisham Nazer"),
        ("The Saudi oil minister spoke.", date(1986, 3, 1), "Ahmed Zaki Yamani"),
        ("The Japanese agriculture minister spoke.", date(1987, 3, 1), "Mutsuki Kato"),
        ("The Italian justice minister spoke.", date(2005, 1, 1), "Roberto Castelli"),
    ],
)
def test_a_country_and_a_title_name_the_holder_of_the_day(
    actors_of, text: str, day: date, name: str
) -> None:
    found = [a for a in actors_of(text, day) if a.kind == "person"]
    assert found[0].name == name and found[0].code.endswith("GOV")


def test_an_attorney_general_who_heads_no_ministry_stays_judicial(actors_of) -> None:
    found = actors_of("Israel's attorney general rejected the request.", date(2020, 1, 1))
    assert found[0].code == "ISRJUD" and found[0].name is None


def test_energy_ministers_and_commissioners_rank_among_the_ministers() -> None:
    """An oil minister ranks just below a trade minister; a European Commissioner of a portfolio
    the economic offices do not name ranks below the ministers, above devolved heads."""
    rank = OFFICE_RANK
    assert rank["trade_minister"] < rank["energy_minister"] < rank["agriculture_minister"]
    assert rank["attorney_general"] < rank["commissioner"] < rank["regional_head"]
    day = date(1990, 1, 1)
    both = ActorEntry(
        "X",
        "person",
        (
            Tenure("IGOEUR", None, "IGO", "commissioner", "Commissioner", date(1989, 1, 6)),
            Tenure("NGAGOV", "NGA", "GOV", "energy_minister", "Oil Minister", date(1986, 1, 1)),
        ),
    )
    assert both.at(day).code == "NGAGOV"
    below = ActorEntry(
        "Y",
        "person",
        (
            Tenure("IGOEUR", None, "IGO", "commissioner", "Commissioner", date(1989, 1, 6)),
            Tenure("GBRGOV", "GBR", "GOV", "regional_head", "First Minister", date(1986, 1, 1)),
        ),
    )
    assert below.at(day).code == "IGOEUR"
