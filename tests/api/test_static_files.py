"""Shape of the shipped dashboard data: the country outlines file and the page's files."""

from __future__ import annotations

import json
import re

from eventwire.api.app import STATIC


def test_outlines_are_small_valid_geojson_with_a_source() -> None:
    path = STATIC / "countries.geojson"
    assert path.stat().st_size < 1_000_000
    data = json.loads(path.read_text())
    assert data["type"] == "FeatureCollection"
    assert "Natural Earth" in data["source"] and "public domain" in data["source"]
    codes = {f["properties"]["iso3"] for f in data["features"]}
    assert {"FRA", "RUS", "TUR", "SYR", "LBY", "BRA", "AUS"} <= codes
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            ring = polygon[0]
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_the_page_loads_nothing_from_outside() -> None:
    files = [STATIC / "index.html", STATIC / "style.css", *STATIC.glob("*.js")]
    assert len(files) >= 7
    for path in files:
        name, text = path.name, path.read_text()
        urls = re.findall(r"https?://[^\s\"')]+", text)
        assert all(u.startswith("http://www.w3.org/") for u in urls), (name, urls)
