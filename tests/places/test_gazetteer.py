"""The gazetteer: sources, name variants, cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.places.gazetteer import Gazetteer, cache_key, default_cache_dir
from eventwire.places.names import fold, name_key


def _ids(gazetteer: Gazetteer, name: str) -> set[int | None]:
    return {entry.geonameid for entry, _alternate in gazetteer.lookup(name)}


def test_alternate_name_finds_the_city(gazetteer: Gazetteer) -> None:
    assert _ids(gazetteer, "Intlib") & {169389, 169387}
    assert 169389 in _ids(gazetteer, "Idleb")


def test_spelling_variants_of_one_city(gazetteer: Gazetteer) -> None:
    assert 703448 in _ids(gazetteer, "Kiev") and 703448 in _ids(gazetteer, "Kyiv")


def test_accents_are_stripped(gazetteer: Gazetteer) -> None:
    assert fold("Zürich") == "Zurich"
    assert _ids(gazetteer, "Zurich") == _ids(gazetteer, "Zürich")


def test_name_key_drops_dots_and_case() -> None:
    assert name_key("St. Louis") == "st louis"
    assert name_key("U.S.") == "us"


def test_countries_have_alpha3_and_a_centre(gazetteer: Gazetteer) -> None:
    syria = gazetteer.country("SYR")
    assert syria is not None and syria.geonameid == 163843
    assert syria.lat is not None and 30 < syria.lat < 40


def test_us_states_counties_and_abbreviations(gazetteer: Gazetteer) -> None:
    ohio = gazetteer.admin1("US-OH")
    assert ohio is not None and ohio.feature == "admin1" and ohio.geonameid
    counties = [e for e, _ in gazetteer.lookup("Laurel County") if e.feature == "admin2"]
    assert any(e.admin1 == "US-KY" for e in counties)
    west_virginia = gazetteer.abbreviation("W.Va.")
    assert west_virginia is not None and west_virginia.name == "West Virginia"


def test_regions_and_continents(gazetteer: Gazetteer) -> None:
    features = {e.feature for e, _ in gazetteer.lookup("Gaza Strip")}
    assert "region" in features
    assert "continent" in {e.feature for e, _ in gazetteer.lookup("Africa")}


def test_demonyms_name_their_country(gazetteer: Gazetteer) -> None:
    turkish = gazetteer.demonym("Turkish")
    assert turkish is not None and turkish.country == "TUR"
    american = gazetteer.demonym("American")
    assert american is not None and american.country == "USA"  # not a territory's


def test_national_capitals_are_marked(gazetteer: Gazetteer) -> None:
    rows = {code >> 1 for code in gazetteer.codes("damascus")}
    assert rows & gazetteer.capitals


def test_index_is_cached_on_disk(gazetteer: Gazetteer) -> None:
    path = default_cache_dir() / f"gazetteer-{cache_key()}.pickle"
    assert path.exists()
    again = Gazetteer.load()
    assert len(again.rows) == len(gazetteer.rows)


def test_torn_cache_file_is_rebuilt(tmp_path: Path, gazetteer: Gazetteer) -> None:
    path = tmp_path / f"gazetteer-{cache_key()}.pickle"
    path.write_bytes(b"not a pickle")
    rebuilt = Gazetteer.load(tmp_path)
    assert len(rebuilt.rows) == len(gazetteer.rows)
    assert path.stat().st_size > 1000


test_torn_cache_file_is_rebuilt = pytest.mark.slow(test_torn_cache_file_is_rebuilt)


def test_county_takes_its_state_centre_of_population(gazetteer: Gazetteer) -> None:
    # Georgia's people live mostly around Atlanta, north of the state's geometric centre.
    county = next(e for e, _ in gazetteer.lookup("Hall County") if e.admin1 == "US-GA")
    state = gazetteer.admin1("US-GA")
    assert county.geonameid is None and county.lat is not None and county.lon is not None
    assert state is not None and state.lat is not None
    assert 30.3 < county.lat < 35.0 and -85.7 < county.lon < -80.8  # inside Georgia
    assert county.lat > state.lat
