"""What follow remembers is in the store (DuckDB, PostgreSQL) or the Parquet dataset, so a
restarted follow fetches nothing twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from follow_helpers import QUICK, close, make_poller, publish, put_feed
from ingest_helpers import code_batch
from news_site import NewsSite
from pg_server import fresh_database

from eventwire.follow.fetch import Fetcher
from eventwire.follow.poll import Poller, PollSettings
from eventwire.follow.state import SeenUrl, SourceState, StoreState, open_parquet_state
from eventwire.readers.dedupe import Deduper
from eventwire.records import Article
from eventwire.scale import InlinePool
from eventwire.store import StoreError, open_store
from eventwire.store.base import CodedArticle


@pytest.fixture(params=["duckdb", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "duckdb":
        return str(tmp_path / "follow.duckdb")
    return fresh_database(request.getfixturevalue("postgres_url"), "follow_state")


def test_a_restarted_follow_fetches_nothing_it_has_read(site: NewsSite, db: str) -> None:
    feed = put_feed(site, publish(site, range(1, 5)))
    for _ in range(2):  # two runs, each with its own store connection and poller
        poller = make_poller(db, [feed])
        try:
            report = poller.poll().report
        finally:
            close(poller)
    assert report.unchanged == 1 and report.items == 0
    assert all(site.count(f"/news/{n}") == 1 for n in range(1, 5))
    with open_store(db) as store:
        assert store.summary().articles == 4
        assert store.summary().events == 4
        states = StoreState(store).sources()
    assert states[feed].etag == site.routes["/feed.xml"].etag and states[feed].last_poll


def test_a_feed_that_changed_but_lists_only_known_items_fetches_no_page(
    site: NewsSite, db: str
) -> None:
    items = publish(site, range(1, 4))
    feed = put_feed(site, items)
    poller = make_poller(db, [feed])
    try:
        poller.poll()
        put_feed(site, list(reversed(items)))  # new ETag, same items
        site.clear_log()
        report = poller.poll().report
    finally:
        close(poller)
    assert site.paths() == ["/feed.xml"]
    assert (report.changed, report.items) == (1, 0)


def test_state_rows_are_written_with_their_batch_or_not_at_all(db: str) -> None:
    article = Article("a1", "wire", "http://a/1", date(2024, 5, 1), "T", "Envoys met. Then.")
    coded = [CodedArticle(article, code_batch([article])[0])]
    with open_store(db) as store:
        state = StoreState(store)
        state.commit((), (), [SeenUrl("http://a/0", "rejected", None, 1)])
        broken = SeenUrl("http://a/1", "stored", "a1", "not a number")  # type: ignore[arg-type]
        with pytest.raises(StoreError):
            state.commit(coded, (), [broken], [SourceState("http://a/feed")])
        assert list(state.seen(["http://a/0", "http://a/1"])) == ["http://a/0"]
        assert state.sources() == {}
        assert store.summary().articles == 0  # the batch's article went with it


def test_a_page_that_timed_out_is_tried_again_at_later_polls_up_to_the_limit(
    site: NewsSite, tmp_path: Path
) -> None:
    slow = site.put("/news/slow", "<html><body>late</body></html>", delay=2)
    from news_site import FeedItem

    feed = put_feed(site, [FeedItem(slow, "slow", "2024-05-01")])
    poller = make_poller(tmp_path / "s.duckdb", [feed], settings=PollSettings(max_attempts=2))
    try:
        reports = [poller.poll().report for _ in range(3)]
    finally:
        close(poller)
    assert [r.items for r in reports] == [1, 1, 0]
    assert [r.retries for r in reports] == [1, 0, 0]
    assert "if-none-match" not in site.requests_to("/feed.xml")[1].headers  # item pending
    assert site.requests_to("/feed.xml")[2].headers.get("if-none-match")  # settled


def test_parquet_dir_keeps_its_follow_state_beside_the_ledger(
    site: NewsSite, tmp_path: Path
) -> None:
    feed = put_feed(site, publish(site, range(1, 4)))
    out = tmp_path / "dataset"
    reports = []
    for _ in range(2):
        state = open_parquet_state(out)
        poller = Poller([feed], state, InlinePool(code_batch), Fetcher(QUICK), Deduper())
        try:
            reports.append(poller.poll().report)
        finally:
            poller.close()
            poller.fetcher.close()
            state.close()
    assert (reports[0].articles, reports[0].events) == (3, 3)
    assert (reports[1].unchanged, reports[1].items) == (1, 0)
    assert all(site.count(f"/news/{n}") == 1 for n in range(1, 4))
    assert (out / "_eventwire" / "follow.jsonl").exists()
    assert len(list(out.glob("year=*/month=*/part-*.parquet"))) == 1
