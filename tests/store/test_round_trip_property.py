"""Any Event survives the store unchanged, on every backend (hypothesis round trip)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import article

from eventwire.records import Actor, Event, Evidence, Place, Plover
from eventwire.store.base import CodedArticle, EventQuery

# any Unicode but lone surrogates (not encodable) and NUL (PostgreSQL: tested on its own)
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
MAYBE = st.none() | TEXT
INT = st.integers(0, 2**31 - 1)
FLOAT = st.floats(allow_nan=False, allow_infinity=False)

actors = st.builds(
    Actor,
    text=TEXT,
    start=INT,
    end=INT,
    code=TEXT,
    country=MAYBE,
    agent=MAYBE,
    name=MAYBE,
    role=MAYBE,
    kind=TEXT,
)
places = st.builds(
    Place,
    text=TEXT,
    start=INT,
    end=INT,
    geonameid=st.none() | st.integers(0, 2**62),
    name=TEXT,
    country=MAYBE,
    lat=st.none() | FLOAT,
    lon=st.none() | FLOAT,
    feature=TEXT,
    score=FLOAT,
)
events = st.builds(
    Event,
    id=TEXT,
    article_id=st.just("a1"),
    sentence_index=INT,
    sentence=TEXT,
    source=actors,
    target=st.none() | actors,
    cameo=TEXT,
    cameo_root=TEXT,
    quad_class=st.integers(1, 4),
    goldstein=FLOAT,
    plover=st.builds(Plover, TEXT, MAYBE),
    date=MAYBE,
    date_source=TEXT,
    place=st.none() | places,
    modality=TEXT,
    confidence=FLOAT,
    evidence=st.builds(Evidence, TEXT, INT, INT, TEXT),
    mentions=INT,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(event=events)
def test_any_event_round_trips(store, event: Event) -> None:
    # the fixture's store is shared by the examples: empty it first
    store._exec("DELETE FROM events")
    store._exec("DELETE FROM articles")
    store.write_batch([CodedArticle(article("a1"), [event])], [])
    assert list(store.events(EventQuery(article_id="a1"))) == [event]
