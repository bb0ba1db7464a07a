"""The GDELT 2.0 event table: 61 tab-separated columns, no header, blank where we have no value.

How our fields map (choices where GDELT and eventwire differ):
- GLOBALEVENTID: a stable 60-bit integer from our event id (the first 15 hex digits of its SHA-1).
- SQLDATE/MonthYear/Year/FractionDate: from the event date. A month-precision date ("2019-12")
  is written as the first of the month (20191201) and a year as 1 January; the exact TIMEX3
  value stays in the jsonl/csv exports. An event with no calendar date (null, PAST_REF) gets
  blank date columns.
- Actor1* from the source actor, Actor2* from the target: Code, Name (canonical name, else the
  mention, upper-cased as GDELT writes names), CountryCode, Type1Code (agent).
- IsRootEvent: 1 when the event is in the article's first sentence (GDELT: first paragraph).
- EventCode/EventBaseCode/EventRootCode: the CAMEO code, its first three digits, its root.
- NumMentions is our `mentions`; NumSources and NumArticles are 1 (one article per row). With
  `--clusters` a row is a cross-article cluster (`eventwire.clusters`): GLOBALEVENTID from the
  cluster id, NumMentions/NumSources/NumArticles counted over every article reporting it.
- ActionGeo_* from the event place. Type: 1 country, 2 US state, 3 US city, 4 world city,
  5 world state (admin1); other features get no type and no point. CountryCode is ISO alpha-3
  (GDELT writes FIPS 10-4), FeatureID is the GeoNames id (GDELT: GNS/GNIS ids).
- AvgTone, Actor geo, group/ethnic/religion codes and DATEADDED: blank (not known).
- SOURCEURL: the article's URL when it is http(s) (eventwire.links), else blank.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, TextIO

from eventwire.links import web_link
from eventwire.records import UNKNOWN_CODE, Actor, Event, Place

if TYPE_CHECKING:
    from eventwire.clusters import Cluster

COLUMNS = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
]

Row = dict[str, str]


def global_event_id(event_id: str) -> int:
    """A stable positive integer for an event id (fits GDELT's BIGINT)."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def calendar_day(timex: str | None) -> date | None:
    """The day a TIMEX3 value names, months and years at their first day; None otherwise."""
    if not timex or len(timex) < 4 or not timex[:4].isdigit():
        return None
    parts = timex.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return date(year, month, day)
    except ValueError:
        return None


def geo_type(place: Place) -> str:
    us = place.country == "USA"
    return {"country": "1", "admin1": "2" if us else "5", "city": "3" if us else "4"}.get(
        place.feature, ""
    )


def _date_columns(day: date | None) -> Row:
    if day is None:
        return {}
    # the share of the year gone before this day: 0 on 1 January, never 1 (leap years too)
    days_in_year = 366 if calendar.isleap(day.year) else 365
    fraction = day.year + (day.timetuple().tm_yday - 1) / days_in_year
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": str(day.year),
        "FractionDate": f"{fraction:.4f}",
    }


def _actor_columns(prefix: str, actor: Actor | None) -> Row:
    if actor is None:
        return {}
    return {
        f"{prefix}Code": "" if actor.code == UNKNOWN_CODE else actor.code,  # blank, as GDELT
        f"{prefix}Name": (actor.name or actor.text).upper(),
        f"{prefix}CountryCode": actor.country or "",
        f"{prefix}Type1Code": actor.agent or "",
    }


def _place_columns(place: Place | None) -> Row:
    kind = geo_type(place) if place is not None else ""
    if place is None or not kind:
        return {}
    located = place.lat is not None and place.lon is not None
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": place.name,
        "ActionGeo_CountryCode": place.country or "",
        "ActionGeo_Lat": f"{place.lat:.4f}" if located else "",
        "ActionGeo_Long": f"{place.lon:.4f}" if located else "",
        "ActionGeo_FeatureID": str(place.geonameid) if place.geonameid is not None else "",
    }


def gdelt_row(event: Event, url: str = "", counts: tuple[int, int, int] | None = None) -> list[str]:
    """The event as the 61 GDELT 2.0 columns, in order. `counts` (mentions, sources, articles)
    are a cross-article cluster's; without them the row stands for one article."""
    mentions, sources, articles = counts or (event.mentions, 1, 1)
    row: Row = {
        "GLOBALEVENTID": str(global_event_id(event.id)),
        **_date_columns(calendar_day(event.date)),
        **_actor_columns("Actor1", event.source),
        **_actor_columns("Actor2", event.target),
        "IsRootEvent": "1" if event.sentence_index == 0 else "0",
        "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo_root,
        "QuadClass": str(event.quad_class),
        "GoldsteinScale": f"{event.goldstein:g}",
        "NumMentions": str(mentions),
        "NumSources": str(sources),
        "NumArticles": str(articles),
        **_place_columns(event.place),
        "SOURCEURL": url,
    }
    return [_clean(row.get(column, "")) for column in COLUMNS]


def _clean(value: str) -> str:
    # a tab or newline inside a value would shift every later column
    return " ".join(value.split()) if any(c in value for c in "\t\r\n") else value


def write_gdelt(events: Iterable[Event], out: TextIO, urls: Mapping[str, str]) -> int:
    count = 0
    for event in events:
        url = web_link(urls.get(event.article_id)) or ""
        out.write("\t".join(gdelt_row(event, url)) + "\n")
        count += 1
    return count


def write_gdelt_clusters(clusters: Iterable[Cluster], out: TextIO, urls: Mapping[str, str]) -> int:
    """One row per cross-article cluster, as GDELT's event table: counts over every article that
    reports it; the row's event, place and SOURCEURL are those of the member shown."""
    count = 0
    for cluster in clusters:
        event = dataclasses.replace(cluster.event, id=cluster.id, place=cluster.place)
        counts = (cluster.mentions, cluster.num_sources, cluster.num_articles)
        url = web_link(urls.get(event.article_id)) or ""
        out.write("\t".join(gdelt_row(event, url, counts)) + "\n")
        count += 1
    return count
