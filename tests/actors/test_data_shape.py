"""Shape of every actor data file: columns, codes, dates, duplicates, country codes."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pycountry
import pytest

from eventwire.actors.build_countries import HISTORIC_CODES
from eventwire.actors.entries import fold
from eventwire.actors.tables import read_rows, split_list

DATA = Path(__file__).resolve().parents[2] / "src" / "eventwire" / "actors"
CODE = re.compile(r"^[A-Z0-9]{3,12}$")
AGENTS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "MED",
    "COP",
    "JUD",
    "BUS",
    "CVL",
    "REF",
    "LEG",
    "SPY",
    "EDU",
    "HLH",
    "LAB",
    "AGR",
    "ELI",
    "REL",
    "PTY",
    "CRM",
    "NGO",
    "IGO",
    "IMG",
}
# Kosovo and the former states of countries.tsv (ISO 3166-3: SUN, DDR, YUG, CSK)
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"} | HISTORIC_CODES


def rows(name: str) -> list[dict[str, str]]:
    return [row for _, row in read_rows(DATA / name)[1]]


def test_countries_cover_every_iso_country_once() -> None:
    codes = [r["code"] for r in rows("countries.tsv")]
    assert len(codes) == len(set(codes))
    assert set(codes) == ISO3
    assert all(r["short_name"] for r in rows("countries.tsv"))


def test_historic_states_are_iso_3166_3_codes() -> None:
    assert {c.alpha_3 for c in pycountry.historic_countries} >= HISTORIC_CODES


def test_country_terms_use_known_codes_with_one_undated_row() -> None:
    """One undated row per code, first; dated rows after it (words that changed state)."""
    undated: list[str] = []
    for row in rows("country_terms.tsv"):
        assert row["code"] in ISO3, row["code"]
        if row["start"] or row["end"]:
            assert row["code"] in undated, f"{row['code']}: a dated row before the undated one"
            assert not row["start"] or not row["end"] or row["start"] <= row["end"], row
            continue
        undated.append(row["code"])
        assert row["adjectives"] or row["names"], row["code"]
    assert len(undated) == len(set(undated))


def _term_days(row: dict[str, str]) -> tuple[date, date]:
    start = date.fromisoformat(row["start"]) if row["start"] else date.min
    return start, date.fromisoformat(row["end"]) if row["end"] else date.max


def test_country_words_do_not_name_two_countries() -> None:
    """A word names one country on a day ("Moscow": SUN to 1991-12-25, RUS from the next)."""
    seen: dict[str, list[tuple[str, date, date]]] = {}
    clashes = []
    for row in rows("country_terms.tsv"):
        start, end = _term_days(row)
        for column in ("adjectives", "abbreviations", "names", "metonyms"):
            for word in split_list(row[column]):
                if word == "-capital":
                    continue
                held = seen.setdefault(word, [])
                if any(code != row["code"] and s <= end and start <= e for code, s, e in held):
                    clashes.append(word)
                held.append((row["code"], start, end))
    # "Congolese" is both Congos' adjective: the one shared word we accept
    assert set(clashes) <= {"Congolese"}


def test_agents_have_cameo_codes_and_unique_phrases() -> None:
    seen: set[str] = set()
    for row in rows("agents.tsv"):
        assert row["agent"] in AGENTS
        assert row["title"] in {"", "yes"} and row["needs_country"] in {"", "yes"}
        for phrase in split_list(row["phrases"]):
            assert phrase == phrase.lower(), phrase
            assert phrase not in seen, phrase
            seen.add(phrase)


def test_organisations_are_well_formed() -> None:
    names: set[str] = set()
    for row in rows("organisations.tsv"):
        assert CODE.match(row["code"]), row
        assert row["kind"] in {"organisation", "group"}
        if row["country"]:
            assert row["country"] in ISO3 and row["code"].startswith(row["country"])
            assert row["agent"] in AGENTS and row["code"][3:6] == row["agent"]
        else:
            assert row["code"][:3] in {"IGO", "NGO", "IMG"}, row["code"]
        for variant in {row["name"], *split_list(row["variants"])}:
            # a name may come back only on another row of the same organisation (new dates)
            assert variant not in names or variant in same_org_names(row["name"]), variant
            names.add(variant)


def same_org_names(name: str) -> set[str]:
    named = [r for r in rows("organisations.tsv") if r["name"] == name]
    if len(named) < 2:
        return set()
    return {name} | {v for r in named for v in split_list(r["variants"])}


def test_dated_organisations_have_ordered_dates_that_do_not_overlap() -> None:
    spans: dict[str, list[tuple[date, date, str]]] = {}
    for row in rows("organisations.tsv"):
        start = date.fromisoformat(row["start"]) if row["start"] else date.min
        end = date.fromisoformat(row["end"]) if row["end"] else date.max
        assert start <= end, row
        spans.setdefault(row["name"], []).append((start, end, row["code"]))
    for name, held in spans.items():
        held.sort()
        for (_, end, code), (start, _, other) in zip(held, held[1:], strict=False):
            assert end < start, f"{name}: {code} until {end} overlaps {other} from {start}"
            assert code != other, f"{name}: two rows with the same code {code}"


def test_the_taliban_convention_is_one_date_in_both_tables() -> None:
    taliban = sorted(
        (r["start"], r["end"], r["code"])
        for r in rows("organisations.tsv")
        if r["name"] == "Taliban"
    )
    assert taliban == [("", "2021-08-14", "AFGREB"), ("2021-08-15", "", "AFGGOV")]
    for row in rows("people.tsv"):
        if row["country"] != "AFG" or not row["code"].startswith(("AFGREB", "AFGGOV", "AFGMIL")):
            continue
        if "Taliban" in row["role"] or row["start"] >= "2021-08-15":
            # insurgent stints end before the fall of Kabul; government stints start from it
            if row["code"] == "AFGREB":
                assert row["end"] and row["end"] < "2021-08-15", row
            else:
                assert row["start"] >= "2021-08-15", row


def test_people_rows_are_well_formed_and_dated_in_order() -> None:
    for row in rows("people.tsv"):
        assert CODE.match(row["code"]), row
        assert row["role"] and row["office"], row
        start = date.fromisoformat(row["start"])
        if row["end"]:
            assert start <= date.fromisoformat(row["end"]), row
        if row["country"]:
            assert row["country"] in ISO3 and row["code"].startswith(row["country"])
            assert row["code"][3:6] in AGENTS
        assert start.year >= 1950


MANY_HOLDERS = {"shadow_minister", "regional_head", "party_leader"}


def test_people_tenures_of_one_office_do_not_overlap() -> None:
    spans: dict[tuple[str, ...], list[tuple[date, date, str]]] = {}
    for row in rows("people.tsv"):
        if not row["country"] or row["office"] in {"leader"}:
            continue
        end = date.fromisoformat(row["end"]) if row["end"] else date(9999, 1, 1)
        # offices held by several at once (three shadow posts, three devolved heads, parties)
        # do not overlap per role: "Shadow Home Secretary", "First Minister of Scotland"
        post = (row["role"],) if row["office"] in MANY_HOLDERS else ()
        spans.setdefault((row["country"], row["office"], *post), []).append(
            (date.fromisoformat(row["start"]), end, row["name"])
        )
    for key, held in spans.items():
        held.sort()
        for (_, end, name), (start, _, other) in zip(held, held[1:], strict=False):
            # a hand-over day may be shared by the outgoing and the incoming holder
            assert start >= end, f"{key}: {name} until {end} overlaps {other} from {start}"


def people_stints() -> list[tuple[dict[str, str], date, date]]:
    return [
        (
            row,
            date.fromisoformat(row["start"]),
            date.fromisoformat(row["end"]) if row["end"] else date(9999, 1, 1),
        )
        for row in rows("people.tsv")
    ]


def test_people_rows_are_not_repeated() -> None:
    seen: set[tuple[str, ...]] = set()
    for row, _, _ in people_stints():
        stint = (row["name"], row["code"], row["office"], row["start"])
        assert stint not in seen, stint
        seen.add(stint)


ECONOMIC = {"finance_minister", "central_bank_governor", "trade_minister", "agriculture_minister"}
GOV_OFFICES = {
    "regional_head", "deputy_head_of_government", "justice_minister", "attorney_general", "mayor",
    "energy_minister",
}  # fmt: skip


def test_office_codes_follow_the_table_convention() -> None:
    """Defence ministers are <country>MIL; foreign and interior ministers, finance, trade and
    agriculture ministers, central bank governors, deputy heads of government, justice ministers,
    attorneys general, mayors and oil or energy ministers <country>GOV; heads are GOV, or MIL for
    a military ruler (the header says so); the European Union's (and its commissioners) IGOEUR."""
    for row, _, _ in people_stints():
        country, office, code = row["country"], row["office"], row["code"]
        if not country:
            if office in ECONOMIC | {"commissioner"}:
                assert code == "IGOEUR", row
            continue
        if office == "defence_minister":
            assert code == country + "MIL", row
        elif office in {"foreign_minister", "interior_minister", "vice_president"} | ECONOMIC:
            assert code == country + "GOV", row
        elif office in {"head_of_state", "head_of_government"}:
            assert code in {country + "GOV", country + "MIL"}, row
        elif office in {"opposition_leader", "shadow_minister", "party_leader"}:
            assert code == country + "OPP", row
        elif office in GOV_OFFICES:  # the header: <country>GOV for all mayors
            assert code == country + "GOV", row


def test_nobody_holds_offices_of_two_states_at_once() -> None:
    held: dict[str, list[tuple[date, date, str]]] = {}
    for row, start, end in people_stints():
        if row["country"]:
            held.setdefault(row["name"], []).append((start, end, row["country"]))
    for name, stints in held.items():
        stints.sort()
        for i, (_, end, country) in enumerate(stints):
            for start, _, other in stints[i + 1 :]:
                assert other == country or start >= end, f"{name}: {country} and {other}"


@pytest.mark.parametrize(
    "name",
    [
        "countries.tsv",
        "country_terms.tsv",
        "agents.tsv",
        "organisations.tsv",
        "national_bodies.tsv",
        "people.tsv",
    ],
)
def test_tables_have_no_stray_spaces(name: str) -> None:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for cell in line.split("\t"):
            assert cell == cell.strip(), f"{name}: {line!r}"


def test_offices_are_known_and_titles_point_to_them() -> None:
    offices = {
        "head_of_state", "head_of_government", "vice_president", "foreign_minister",
        "defence_minister", "interior_minister", "secretary_general", "leader",
        "finance_minister", "central_bank_governor", "trade_minister", "agriculture_minister",
        "opposition_leader", "shadow_minister", "party_leader", "regional_head",
        "deputy_head_of_government", "justice_minister", "attorney_general", "mayor",
        "energy_minister", "commissioner",
    }  # fmt: skip
    assert {r["office"] for r in rows("people.tsv")} <= offices
    assert {r["office"] for r in rows("agents.tsv") if r["office"]} <= offices


def test_one_name_is_not_two_people() -> None:
    """The same spelling under two canonical names splits one person (or merges two)."""
    owner: dict[str, str] = {}
    for row, _, _ in people_stints():
        for alias in {row["name"], *split_list(row["variants"])}:
            folded = fold(alias).lower()
            assert owner.setdefault(folded, row["name"]) == row["name"], (alias, row["name"])


def test_a_short_name_stands_for_one_person_at_a_time() -> None:
    held: dict[str, list[tuple[date, date, str]]] = {}
    for row, start, end in people_stints():
        shorts = {
            s for r in rows("people.tsv") if r["name"] == row["name"] for s in r["short"].split("|")
        }
        for short in shorts - {""}:
            held.setdefault(short, []).append((start, end, row["name"]))
    for short, stints in held.items():
        stints.sort()
        for (_, end, name), (start, _, other) in zip(stints, stints[1:], strict=False):
            assert name == other or start >= end, f"{short!r}: {name} and {other} at once"


def test_officers_of_an_organisation_do_not_overlap() -> None:
    spans: dict[tuple[str, str], list[tuple[date, date, str]]] = {}
    for row, start, end in people_stints():
        if not row["country"] and row["office"] != "leader":
            # the European Commissioners serve together: one holder at a time per portfolio
            post = (row["role"],) if row["office"] == "commissioner" else ()
            spans.setdefault((row["code"], row["office"], *post), []).append(
                (start, end, row["name"])
            )
    for key, held in spans.items():
        held.sort()
        for (_, end, name), (start, _, other) in zip(held, held[1:], strict=False):
            assert start >= end, f"{key}: {name} until {end} overlaps {other} from {start}"


def test_posts_are_lower_case_short_and_unique() -> None:
    posts = [r["post"] for r in rows("posts.tsv")]
    assert len(posts) == len(set(posts))
    assert all(p == p.lower().strip() and 1 <= len(p.split()) <= 3 for p in posts)


def test_party_names_list_countries_by_their_codes() -> None:
    for row in rows("party_names.tsv"):
        assert row["name"] and row["name"][0].isupper(), row
        assert all(code in ISO3 for code in row["countries"].split("|")), row
