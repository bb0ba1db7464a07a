"""Shape and matching rules of the organisation tables (organisations.tsv, national_bodies.tsv):
columns and codes, one body per alias across tables and countries, the acronym rule."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pycountry
import pytest

from eventwire.actors.build_countries import HISTORIC_CODES
from eventwire.actors.dictionary import case_rule
from eventwire.actors.entries import fold
from eventwire.actors.tables import read_rows, split_list

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "actors"
TABLES = ("organisations.tsv", "national_bodies.tsv")
# Kosovo and the former states of countries.tsv (ISO 3166-3: SUN, DDR, YUG, CSK)
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"} | HISTORIC_CODES
COLUMNS = ["code", "country", "agent", "kind", "name", "variants", "start", "end"]
# agents a national body may carry (CAMEO sectors used by agents.tsv)
NATIONAL_AGENTS = {
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "MED", "NGO", "BUS", "EDU", "REB", "OPP", "PTY",
    "CRM", "CVL", "LAB", "HLH", "REL",
}  # fmt: skip
# names kept on purpose although they also read as a country word ("Brussels" for the EU)
COUNTRY_WORD_NAMES = {"brussels"}


def rows(name: str) -> list[dict[str, str]]:
    return [row for _, row in read_rows(DATA / name)[1]]


def aliases(row: dict[str, str]) -> set[str]:
    return {row["name"], *split_list(row["variants"])}


def test_national_bodies_have_the_organisation_columns() -> None:
    header, _ = read_rows(DATA / "national_bodies.tsv")
    assert header == COLUMNS


def test_national_bodies_are_well_formed() -> None:
    table = rows("national_bodies.tsv")
    assert len(table) >= 1000
    for row in table:
        assert row["country"] in ISO3, row
        assert row["agent"] in NATIONAL_AGENTS, row
        assert row["code"] == row["country"] + row["agent"], row
        expected = "group" if row["agent"] in {"REB", "CRM"} else "organisation"
        assert row["kind"] == expected, row
        assert row["name"] and not row["start"] and not row["end"], row


def test_the_named_countries_are_covered() -> None:
    counts = Counter(r["country"] for r in rows("national_bodies.tsv"))
    hot = "USA RUS CHN GBR FRA DEU IND PAK IRN IRQ SYR ISR PSE EGY SAU ARE QAT TUR UKR AFG PRK"
    hot += " KOR JPN NGA ETH SDN SSD SOM KEN COD LBY YEM LBN VEN COL MEX BRA MMR PHL IDN"
    assert {c for c in hot.split() if counts[c] < 5} == set()


def test_an_alias_names_one_body_across_tables() -> None:
    owner: dict[str, tuple[str, str]] = {}
    clashes = []
    for table in TABLES:
        for row in rows(table):
            for alias in aliases(row):
                folded = fold(alias).lower()
                seen = owner.setdefault(folded, (row["name"], row["code"]))
                if seen[0] != row["name"]:
                    clashes.append((alias, seen, row["name"]))
    assert clashes == []


def test_no_alias_is_a_person_or_a_country_word() -> None:
    people = {
        fold(alias).lower()
        for row in rows("people.tsv")
        for alias in {row["name"], *split_list(row["variants"]), *split_list(row["short"])}
    }
    words = {
        fold(word).lower()
        for row in rows("country_terms.tsv")
        for column in ("adjectives", "demonyms", "abbreviations", "names", "metonyms")
        for word in split_list(row[column])
    } | {fold(r["short_name"]).lower() for r in rows("countries.tsv")}
    for table in TABLES:
        for row in rows(table):
            for alias in aliases(row):
                folded = fold(alias).lower()
                assert folded not in people, alias
                assert folded not in words or folded in COUNTRY_WORD_NAMES, alias


def test_new_acronyms_have_three_letters_or_more() -> None:
    for row in rows("national_bodies.tsv"):
        for alias in aliases(row):
            letters = [c for c in alias if c.isalpha()]
            if " " not in alias and letters and all(c.isupper() for c in letters):
                assert len([c for c in alias if c.isalnum()]) >= 3, alias  # "TF1" is fine


def test_acronyms_match_only_as_written_or_in_capitals() -> None:
    assert case_rule("ICE", proper=True) == "exact"
    assert case_rule("AfD", proper=True) == "exact"  # a capital after the first letter
    assert case_rule("Knesset", proper=True) == "cap"
    assert case_rule("al", proper=True) == "any"
    assert case_rule("ministry", proper=False) == "any"


def test_acronyms_are_case_sensitive_in_text(actors_of) -> None:
    found = {a.text: a for a in actors_of("ICE agents detained him; the ice on the road melted.")}
    assert found["ICE"].code == "USACOP"
    assert "ice" not in found
    assert not [a for a in actors_of("Afd is no party here.") if a.code == "DEUPTY"]


def test_national_bodies_are_coded_by_country_and_agent(actors_of) -> None:
    text = (
        "The Shin Bet and the Mossad briefed the Knesset, while the SBU, the FSB and Rosgvardia "
        "questioned him and the Lok Sabha debated; the Bundeswehr and the Majlis objected."
    )
    found = {a.text: a.code for a in actors_of(text)}
    assert found["SBU"] == "UKRSPY"
    assert found["Rosgvardia"] == "RUSCOP"
    assert found["Lok Sabha"] == "INDLEG"
    assert found["Bundeswehr"] == "DEUMIL"
    assert found["Knesset"] == "ISRLEG"


def test_a_us_agency_acronym_is_an_actor(actors_of) -> None:
    found = {a.text: a for a in actors_of("ICE returned 11 paintings to a museum in Germany.")}
    assert (found["ICE"].code, found["ICE"].name) == (
        "USACOP",
        "Immigration and Customs Enforcement",
    )


def test_a_body_named_like_an_agent_noun_yields_to_another_countrys_word(actors_of) -> None:
    alone = {a.text: a.code for a in actors_of("The Justice Department filed charges.")}
    thai = {a.text: a.code for a in actors_of("The Thai Justice Department filed charges.")}
    assert alone["Justice Department"] == "USAJUD"
    assert thai["Thai Justice Department"] == "THAJUD"


def test_a_credit_after_a_dateline_is_no_actor(actors_of) -> None:
    found = actors_of("KABUL (Pajhwok): The president met a delegation of elders.")
    assert not [a for a in found if a.text in {"Pajhwok", "KABUL"}]
    # outside a dateline the agency is an actor when it acts (a report it carries: channels.py)
    assert [a.code for a in actors_of("Pajhwok published the letter.")] == ["AFGMED"]


def test_a_body_that_ends_a_longer_name_is_not_that_body(actors_of) -> None:
    found = actors_of("Researchers from the New York State Department of Health said so.")
    assert not [a for a in found if a.code == "USAGOV"]
    alone = actors_of("The State Department said so.")
    assert [a.code for a in alone] == ["USAGOV"]


def test_an_acronym_amid_capitals_is_no_actor(actors_of) -> None:
    shouted = actors_of("UPLAND DOMESTIC RAW COTTON prices rose.")
    assert not [a for a in shouted if a.code == "INDSPY"]
    assert [a.code for a in actors_of("The RAW chief resigned.")] == ["INDSPY"]


def test_a_name_that_starts_with_a_country_word_is_matched_whole(actors_of) -> None:
    found = {a.text: a.code for a in actors_of("The North Korean Central News Agency said so.")}
    assert found == {"North Korean Central News Agency": "PRKMED"}


def test_a_state_organ_after_another_countrys_word_is_that_countrys(actors_of) -> None:
    found = {a.text: a.code for a in actors_of("The Austrian Bundesrat approved the bill.")}
    assert found["Austrian Bundesrat"] == "AUTLEG"
    own = {a.text: a.code for a in actors_of("The Russian FSB detained him.")}
    assert own["FSB"] == "RUSSPY"


def test_an_armed_group_keeps_its_country_after_a_patrons_word(actors_of) -> None:
    found = {a.text: a.code for a in actors_of("Iran's Hezbollah allies fired rockets.")}
    assert found["Hezbollah"] == "LBNREB"


def test_a_leading_the_of_a_paper_does_not_swallow_another_name(actors_of) -> None:
    found = {a.text: a.code for a in actors_of("The Guardian Council disqualified him.")}
    assert found == {"The Guardian Council": "IRNLEG"}
    nigeria = actors_of("The Independent National Electoral Commission postponed the vote.")
    assert [a.code for a in nigeria] == ["NGAGOV"]


@pytest.mark.parametrize(
    ("text", "day", "name", "code"),
    [
        # 1987 wire news: Japan's MITI (METI from 2001), international bodies of commodities
        ("The Ministry of International Trade and Industry (MITI) acted on chip exports.",
         date(1987, 3, 3), "MITI", "JPNGOV"),
        ("A MITI spokesman said the curbs would hold.", date(2005, 1, 1), "MITI spokesman",
         "JPNELI"),
        ("The International Tin Council met its creditors.", date(1987, 3, 1),
         "International Tin Council", "IGOBUSITC"),
        ("The IWC voted to keep the ban.", date(1987, 3, 1), "IWC", "IGO"),
        ("The lobby group Eurofer drew up a plan.", date(1987, 3, 1), "Eurofer", "NGOBUS"),
        ("The FNSEA will demonstrate in Paris.", date(1987, 3, 1), "FNSEA", "FRAAGR"),
        ("The U.S. International Trade Commission ruled on the imports.", date(1987, 3, 1),
         "U.S. International Trade Commission", "USAGOV"),
        ("Philippine Coconut Authority chairman Jose Romero spoke.", date(1987, 3, 30),
         "Jose Romero", "PHLGOV"),
        # 2004-2005 British news
        ("The NAO criticised the Child Support Agency.", date(2005, 1, 1), "NAO", "GBRGOV"),
        ("The National Audit Office criticised the Child Support Agency.", date(2005, 1, 1),
         "Child Support Agency", "GBRGOV"),
        ("The DCA said the bill would pass.", date(2005, 1, 1), "DCA", "GBRGOV"),
        ("Royal Mail said deliveries would resume.", date(2005, 1, 1), "Royal Mail", "GBRBUS"),
        ("The British National Party fielded candidates.", date(2005, 1, 1),
         "British National Party", "GBRPTY"),
        # a body that owns a post is no unknown name beside the person it codes
        ("Federal Reserve Board chairman Paul Volcker met the minister.", date(1987, 3, 1),
         "Paul Volcker", "USAGOV"),
        ("White House chief of staff Donald Regan met the minister.", date(1987, 3, 1),
         "Donald Regan", "USAGOV"),
    ],
)  # fmt: skip
def test_bodies_of_1987_and_2005_news(
    actors_of, text: str, day: date, name: str, code: str
) -> None:
    found = actors_of(text, day)
    assert {a.text: a.code for a in found}.get(name) == code
    assert not [a for a in found if a.code == "UNK"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The CSA wrote to parents.", "CSA"),  # also the Canadian Space Agency
        ("The BNP won seats.", "BNP"),  # also the Bangladesh Nationalist Party
        ("The ITC ruled on the imports.", "ITC"),  # the Tin Council and the Trade Commission
    ],
)
def test_acronyms_of_several_bodies_stay_unknown(actors_of, text: str, name: str) -> None:
    found = {a.text: a.code for a in actors_of(text, date(2005, 1, 1))}
    assert found.get(name, "UNK") == "UNK"
