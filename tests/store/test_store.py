"""The Store contract, run against every backend (the `store` fixture is parametrised)."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import ANKARA, RUS, SYR, SYRIA, TUR, article, event

from eventwire.records import Reject
from eventwire.store.base import CodedArticle, EventQuery, InputProgress, UnknownCursor


def ids(store, **filters) -> list[str]:
    return [e.id for e in store.events(EventQuery(**filters))]


def test_event_round_trip_is_exact(store) -> None:
    full = event("e1")
    bare = dataclasses.replace(
        event("e2", date_value=None),
        target=None,
        place=None,
        plover=dataclasses.replace(full.plover, mode=None),
    )
    store.write_batch([CodedArticle(article("a1"), [full, bare])], [])
    assert list(store.events()) == [full, bare]  # dated first, undated last
    assert store.article("a1") == article("a1")


def test_writing_the_same_article_twice_stores_it_once(store) -> None:
    batch = [CodedArticle(article("a1"), [event("e1")])]
    assert store.write_batch(batch, []) == 1
    assert store.write_batch(batch, []) == 0
    same_in_one_batch = [CodedArticle(article("a2"), [event("e2", "a2")])] * 2
    assert store.write_batch(same_in_one_batch, []) == 1
    assert store.summary().articles == 2 and store.summary().events == 2
    assert store.has_article("a1") and not store.has_article("zz")


def test_duplicate_article_is_stored_without_its_events(store) -> None:
    store.write_batch(
        [
            CodedArticle(article("a1"), [event("e1")]),
            CodedArticle(article("a2"), [event("e2", "a2")], duplicate_of="a1"),
        ],
        [],
    )
    assert ids(store) == ["e1"]
    assert store.duplicate_of("a2") == "a1"
    assert [i for i, _ in store.known_texts()] == ["a1"]
    assert store.summary().duplicates == 1


def test_rejects_are_kept_once_per_file_position_reason(store) -> None:
    bad = Reject("feed.jsonl", "line 3", "no_date", "no published date", "{...}")
    other = Reject("feed.jsonl", "line 3", "empty_text", "empty text")
    store.write_batch([], [bad, other])
    store.write_batch([], [bad])
    assert sorted(store.rejects(), key=lambda r: r.reason) == [other, bad]


def test_rejects_are_read_page_by_page_in_order(store) -> None:
    first = [Reject(f"a{n}.jsonl", f"line {n}", "MALFORMED", "bad") for n in range(5)]
    later = [Reject("b.jsonl", f"line {n}", "NO_DATE", "no date") for n in range(3)]
    store.write_batch([], first)
    store.write_batch([], later)
    store.page_size = 2  # pages of two rows: four round trips for eight rejects
    assert list(store.iter_rejects()) == first + later
    assert store.count_rejects() == 8 and store.rejects() == first + later


def test_clearing_a_files_rejects_replaces_them_in_the_same_batch(store) -> None:
    old = Reject("a.jsonl", "line 2", "NO_DATE", "no date")
    gone = Reject("a.jsonl", "line 3", "MALFORMED", "bad")
    kept = Reject("b.jsonl", "line 1", "MALFORMED", "bad")
    store.write_batch([], [old, gone, kept])
    again = dataclasses.replace(old, message="still no date")  # the same key, read again
    store.write_batch([], [again], clear_rejects=["a.jsonl"])
    assert sorted(store.rejects(), key=repr) == sorted([again, kept], key=repr)
    assert store.summary().rejects == 2


@pytest.fixture
def filled(store):
    events = [
        event("e1", "a1", date_value="2019-12-23", cameo="042", plover="CONSULT"),
        event(
            "e2",
            "a1",
            date_value="2020-01-08",
            cameo="036",
            plover="CONSULT",
            sentence="Talks will be held",
        ),
        event(
            "e3",
            "a2",
            date_value="2020-01",
            source=SYR,
            target=TUR,
            cameo="190",
            plover="ASSAULT",
            quad=4,
            place=SYRIA,
        ),
        event(
            "e4",
            "a2",
            date_value=None,
            source=TUR,
            target=None,
            cameo="173",
            plover="COERCE",
            quad=4,
            place=None,
        ),
        event(
            "e5",
            "a3",
            date_value="2019-11-30",
            source=TUR,
            target=RUS,
            cameo="111",
            plover="ACCUSE",
            quad=3,
            place=dataclasses.replace(ANKARA, lat=10.0, lon=10.0),
        ),
    ]
    by_article: dict[str, list] = {}
    for e in events:
        by_article.setdefault(e.article_id, []).append(e)
    store.write_batch([CodedArticle(article(a), evs) for a, evs in by_article.items()], [])
    return store


def test_order_is_date_then_id_with_undated_last(filled) -> None:
    assert ids(filled) == ["e5", "e1", "e3", "e2", "e4"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"date_from": "2020-01-01"}, ["e2"]),
        ({"date_from": "2020-01"}, ["e3", "e2"]),
        ({"date_to": "2019-12"}, ["e5", "e1"]),
        ({"date_to": "2020-01-07"}, ["e5", "e1", "e3"]),
        ({"actor": "SYR"}, ["e3"]),  # code prefix of the source
        ({"actor": "syrreb"}, ["e3"]),
        ({"actor": "RUS"}, ["e5", "e1", "e2"]),  # either side
        ({"actor": "TUR"}, ["e5", "e1", "e3", "e2", "e4"]),
        ({"cameo": "04"}, ["e1"]),
        ({"cameo": "190"}, ["e3"]),
        ({"plover": "coerce"}, ["e4"]),
        ({"quad_class": 4}, ["e3", "e4"]),
        ({"bbox": (32.0, 39.0, 33.0, 40.0)}, ["e1", "e2"]),
        ({"bbox": (30.0, 30.0, 40.0, 40.0)}, ["e1", "e2"]),  # Syria's centroid never matches
        ({"text": "TALKS will"}, ["e2"]),
        ({"article_id": "a2"}, ["e3", "e4"]),
        ({"limit": 2}, ["e5", "e1"]),
        ({"actor": "TUR", "quad_class": 4, "date_to": "2020"}, ["e3"]),
    ],
)
def test_each_filter(filled, filters, expected) -> None:
    assert ids(filled, **filters) == expected


def test_filter_values_are_parameters_not_sql(filled) -> None:
    assert ids(filled, actor="' OR 1=1 --") == []
    assert ids(filled, text="%") == []
    assert ids(filled, cameo="_") == []
    assert ids(filled, text="\x00") == []


def test_cursor_pages_cover_everything_once(filled) -> None:
    pages, after = [], None
    while True:
        page = ids(filled, limit=2, after=after)
        if not page:
            break
        pages.append(page)
        after = page[-1]
    assert pages == [["e5", "e1"], ["e3", "e2"], ["e4"]]
    assert ids(filled, after="e3", quad_class=4) == ["e4"]
    with pytest.raises(UnknownCursor):
        ids(filled, after="nope")


def test_iteration_has_no_cap(store) -> None:
    store.page_size = 100  # many internal pages
    many = [event(f"e{i:05d}", "big", date_value=f"2020-01-{i % 28 + 1:02d}") for i in range(2345)]
    store.write_batch([CodedArticle(article("big"), many)], [])
    expected = [e.id for e in sorted(many, key=lambda e: (e.date, e.id))]
    assert ids(store) == expected
    assert ids(store, limit=250) == expected[:250]
    assert ids(store, limit=250, after=expected[99]) == expected[100:350]


def test_summary_counts(filled) -> None:
    s = filled.summary()
    assert (s.articles, s.events, s.rejects) == (3, 5, 0)
    assert (s.date_min, s.date_max) == ("2019-11-30", "2020-01-08")
    assert s.by_root == {"03": 1, "04": 1, "11": 1, "17": 1, "19": 1}
    assert s.by_plover["CONSULT"] == 2
    assert s.by_country_pair[("RUS", "TUR")] == 2


def test_progress_is_saved_in_the_batch(store) -> None:
    step = InputProgress("in.jsonl", 120, 1.5, 10, False)
    store.write_batch([CodedArticle(article("a1"), [])], [], [step])
    assert store.input_progress("in.jsonl") == step
    store.write_batch([], [], [dataclasses.replace(step, records_done=12, finished=True)])
    assert store.input_progress("in.jsonl").finished
    assert store.input_progress("other") is None


def test_article_urls(filled) -> None:
    assert filled.article_urls()["a2"] == "https://news.example/a2"


def test_rows_runs_parameterised_sql_with_literal_percent(filled) -> None:
    got = filled.rows("SELECT count(*), '100%' FROM events WHERE quad_class = ?", [4])
    assert got == [(2, "100%")]


def test_count_events_uses_the_same_filters(filled) -> None:
    assert filled.count_events() == 5
    assert filled.count_events(EventQuery(quad_class=4, actor="TUR")) == 2


def test_nul_characters_never_break_a_batch_and_keep_offsets(store) -> None:
    text = "Envoys\x00met."
    store.write_batch([CodedArticle(dataclasses.replace(article("a1"), text=text), [])], [])
    stored = store.article("a1").text
    assert len(stored) == len(text) and stored in (text, text.replace("\x00", "\ufffd"))


def test_min_confidence_keeps_events_at_or_above_it(store) -> None:
    sure = [dataclasses.replace(event(f"c{n}"), confidence=n / 10) for n in (3, 5, 8)]
    store.write_batch([CodedArticle(article("a1"), sure)], [])
    assert ids(store, min_confidence=0.5) == ["c5", "c8"]  # 0.5 itself is kept, as at ingest
    assert ids(store, min_confidence=0.9) == []
    assert ids(store) == ["c3", "c5", "c8"]
    assert store.count_events(EventQuery(min_confidence=0.5, cameo="04")) == 2
