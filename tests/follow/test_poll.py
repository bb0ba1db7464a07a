"""A poll against local news sites: what is fetched, stored and rejected, and what is not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from follow_helpers import QUICK, close, make_poller, publish, put_feed, story
from news_site import FeedItem, NewsSite, article_page, news_sitemap

from eventwire.follow.poll import PollSettings
from eventwire.store import open_store


def stored_urls(db: Path) -> list[str]:
    with open_store(str(db), read_only=True) as store:
        return sorted(url for (url,) in store.rows("SELECT url FROM articles"))


def test_a_poll_stores_every_new_item_once_and_rejects_the_rest_with_url_and_reason(
    site: NewsSite, tmp_path: Path
) -> None:
    items = publish(site, range(1, 6))
    site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    title, text = story(90)
    bad = {
        "missing": FeedItem(site.url("/news/missing"), "gone", "2024-05-01"),
        "flaky": FeedItem(
            site.put("/news/flaky", article_page(title, text, "2024-05-02"), fail_first=1),
            title,
            "2024-05-02",
        ),
        "slow": FeedItem(site.put("/news/slow", article_page(*story(91), "2024-05-02"), delay=3)),
        "big": FeedItem(site.put("/news/big", article_page("Big", "word " * 60_000, "2024-05-02"))),
        "private": FeedItem(site.put("/private/x", article_page(*story(92), "2024-05-02")), "p"),
        "pdf": FeedItem(site.put("/doc.pdf", b"%PDF-1.4", content_type="application/pdf"), "d"),
    }
    feed = put_feed(site, items + list(bad.values()))
    poller = make_poller(tmp_path / "s.duckdb", [feed], etiquette=replace(QUICK, max_bytes=200_000))
    try:
        report = poller.poll().report
    finally:
        close(poller)

    assert report.articles == 6 and report.items == 11  # 5 stories + the flaky one
    assert stored_urls(tmp_path / "s.duckdb") == sorted([i.url for i in items] + [bad["flaky"].url])
    assert site.count("/news/flaky") == 2  # a 500, then the page
    assert site.count("/private/x") == 0  # robots.txt said no: never asked for
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        rejects = {r.source_file: r.reason for r in store.rejects()}
    assert rejects == {
        bad["missing"].url: "HTTP_ERROR",
        bad["slow"].url: "TIMEOUT",
        bad["big"].url: "OVERSIZED",
        bad["private"].url: "DISALLOWED",
        bad["pdf"].url: "UNSUPPORTED",
    }
    assert report.retries == 1  # the slow page is tried again next poll; the others are final


def test_an_unchanged_feed_costs_a_304_and_a_new_item_is_the_only_page_fetched(
    site: NewsSite, tmp_path: Path
) -> None:
    items = publish(site, range(1, 4))
    feed = put_feed(site, items)
    poller = make_poller(tmp_path / "s.duckdb", [feed])
    try:
        first = poller.poll().report
        site.clear_log()
        unchanged = poller.poll().report
        assert site.paths() == ["/feed.xml"]
        assert (
            site.requests_to("/feed.xml")[0].headers["if-none-match"]
            == site.routes["/feed.xml"].etag
        )
        assert (unchanged.unchanged, unchanged.items, unchanged.articles) == (1, 0, 0)

        put_feed(site, items + publish(site, [4]))
        site.clear_log()
        third = poller.poll().report
    finally:
        close(poller)
    assert (first.articles, third.articles, third.items) == (3, 1, 1)
    assert site.paths() == ["/feed.xml", "/news/4"]
    assert len(stored_urls(tmp_path / "s.duckdb")) == 4


def test_one_page_listed_under_several_spellings_and_feeds_is_fetched_once(
    sites: list[NewsSite], tmp_path: Path
) -> None:
    home, other = sites[0], sites[1]
    (item,) = publish(home, [7])
    spelled = [
        item.url + "?utm_source=rss&utm_medium=feed",
        item.url.replace("http://127.0.0.1", "HTTP://127.0.0.1") + "#comments",
        item.url + "?fbclid=abc",
    ]
    feeds = [
        put_feed(home, [FeedItem(spelled[0], "a", "2024-05-01")]),
        put_feed(other, [FeedItem(spelled[1], "a", "2024-05-01")], "/a.xml"),
        put_feed(other, [FeedItem(spelled[2], "a", "2024-05-01")], "/b.xml"),
    ]
    poller = make_poller(tmp_path / "s.duckdb", feeds)
    try:
        report = poller.poll().report
    finally:
        close(poller)
    assert home.count("/news/7") == 1
    assert (report.items, report.articles) == (1, 1)
    assert stored_urls(tmp_path / "s.duckdb") == [item.url]


def test_the_same_story_at_another_url_is_stored_as_a_duplicate_and_not_coded(
    site: NewsSite, tmp_path: Path
) -> None:
    title, text = story(5)
    first = site.put("/news/a", article_page(title, text, "2024-05-01"))
    copy = site.put("/wire/b", article_page(title, text + " Updated.", "2024-05-01"))
    coded: list[str] = []

    def coding(articles: list) -> list[list]:
        coded.extend(a.url for a in articles)
        from ingest_helpers import code_batch

        return code_batch(articles)

    feed = put_feed(site, [FeedItem(first, title, "2024-05-02"), FeedItem(copy, title)])
    poller = make_poller(tmp_path / "s.duckdb", [feed], coding=coding)
    try:
        report = poller.poll().report
    finally:
        close(poller)
    assert (report.articles, report.duplicates) == (2, 1)
    assert len(coded) == 1
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        rows = store.rows(
            "SELECT url, duplicate_of FROM articles ORDER BY duplicate_of NULLS FIRST"
        )
    assert rows[0][1] is None and rows[1][1] is not None


def test_the_date_is_the_pages_else_the_items_and_never_the_day_of_fetching(
    site: NewsSite, tmp_path: Path
) -> None:
    dated = site.put("/news/dated", article_page(*story(1), "2019-12-24"))
    undated = site.put("/news/undated", article_page(*story(2), None))
    nowhere = site.put("/news/nowhere", article_page(*story(3), None))
    feed = put_feed(
        site,
        [
            FeedItem(dated, "d", "2020-01-05"),  # the page's own date wins
            FeedItem(undated, "u", "2021-03-04"),  # the feed's date stands in
            FeedItem(nowhere, "n"),  # no date anywhere: a reject, not today's date
        ],
    )
    poller = make_poller(tmp_path / "s.duckdb", [feed])
    try:
        poller.poll()
    finally:
        close(poller)
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        days = dict(store.rows("SELECT url, CAST(published AS VARCHAR) FROM articles"))
        rejects = store.rejects()
    assert days == {dated: "2019-12-24", undated: "2021-03-04"}
    assert [(r.source_file, r.reason) for r in rejects] == [(nowhere, "NO_DATE")]


def test_news_sitemaps_atom_feeds_and_compressed_answers_are_read(
    sites: list[NewsSite], tmp_path: Path
) -> None:
    from news_site import atom

    gz, br = sites[0], sites[1]
    sitemap = gz.put(
        "/sitemap-news.xml",
        news_sitemap(publish(gz, [11, 12])),
        content_type="application/xml",
        encoding="gzip",
    )
    for path in ("/news/11", "/news/12"):
        gz.routes[path].encoding = "gzip"
    feed = br.put("/atom.xml", atom(publish(br, [13])), content_type="application/atom+xml")
    br.routes["/news/13"].encoding = "br"
    poller = make_poller(tmp_path / "s.duckdb", [sitemap, feed])
    try:
        report = poller.poll().report
    finally:
        close(poller)
    assert report.articles == 3
    assert "br" in br.requests_to("/news/13")[0].headers["accept-encoding"]


def test_a_broken_feed_is_a_reject_of_its_own_and_the_other_sources_go_on(
    sites: list[NewsSite], tmp_path: Path
) -> None:
    good = put_feed(sites[0], publish(sites[0], [1, 2]))
    broken = sites[1].put("/feed.xml", "<html><body>not a feed</body></html>")
    gone = sites[2].url("/no-such-feed.xml")
    poller = make_poller(tmp_path / "s.duckdb", [good, broken, gone])
    try:
        report = poller.poll().report
    finally:
        close(poller)
    assert (report.articles, report.failed) == (2, 2)
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        rejects = {(r.source_file, r.position, r.reason) for r in store.rejects()}
    assert rejects == {(broken, "feed", "MALFORMED"), (gone, "feed", "HTTP_ERROR")}


def test_items_beyond_the_per_poll_cap_wait_for_the_next_poll_newest_first(
    site: NewsSite, tmp_path: Path
) -> None:
    items = publish(site, range(1, 6), day="2024-05-0{}")  # days 2..6
    feed = put_feed(site, items)
    poller = make_poller(tmp_path / "s.duckdb", [feed], settings=PollSettings(max_items=3))
    try:
        first = poller.poll().report
        second = poller.poll().report  # the feed is unchanged, but two items are still unread
    finally:
        close(poller)
    assert (first.articles, second.articles) == (3, 2)
    fetched = [p for p in site.paths() if p.startswith("/news/")]
    assert fetched[:3] == ["/news/5", "/news/4", "/news/3"]
    assert "if-none-match" not in site.requests_to("/feed.xml")[1].headers


def test_a_bug_on_one_page_is_an_internal_reject_and_the_poll_goes_on(
    site: NewsSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.follow.poll as poll_module

    items = publish(site, [1, 2, 3])
    real = poll_module.read_item

    def buggy(fetcher, item):  # noqa: ANN001, ANN202
        if item.url.endswith("/news/2"):
            raise KeyError("a bug")
        return real(fetcher, item)

    monkeypatch.setattr(poll_module, "read_item", buggy)
    relative = FeedItem("/news/3?utm_source=feed", "relative link", "2024-05-04")
    feed = put_feed(site, [*items[:2], relative, FeedItem("mailto:desk@example.org", "m")])
    poller = make_poller(tmp_path / "s.duckdb", [feed])
    try:
        report = poller.poll().report
    finally:
        close(poller)
    assert (report.items, report.articles, report.rejects) == (3, 2, 1)
    with open_store(str(tmp_path / "s.duckdb"), read_only=True) as store:
        assert [(r.source_file, r.reason) for r in store.rejects()] == [(items[1].url, "INTERNAL")]
    assert stored_urls(tmp_path / "s.duckdb") == sorted([items[0].url, items[2].url])


def test_a_sitemap_index_is_read_whole_and_its_recent_children_conditionally(
    site: NewsSite, tmp_path: Path
) -> None:
    from datetime import UTC, datetime

    from news_site import sitemap_index

    today = datetime.now(UTC).date()
    recent = site.put(
        "/sitemap-today.xml",
        news_sitemap(publish(site, [1, 2])),
        content_type="application/xml",
        etag='"t1"',
    )
    archive = site.put(
        "/sitemap-2019.xml", news_sitemap(publish(site, [3])), content_type="application/xml"
    )
    index = site.put(
        "/sitemap.xml",
        sitemap_index([(recent, today.isoformat()), (archive, "2019-01-01")]),
        content_type="application/xml",
        etag='"i1"',
    )
    poller = make_poller(tmp_path / "s.duckdb", [index])
    try:
        first = poller.poll().report
        second = poller.poll().report
    finally:
        close(poller)
    assert (first.sources, first.articles) == (2, 2)
    assert site.count("/sitemap-2019.xml") == 0 and site.count("/news/3") == 0
    assert "if-none-match" not in site.requests_to("/sitemap.xml")[1].headers
    assert site.requests_to("/sitemap-today.xml")[1].headers["if-none-match"] == '"t1"'
    assert (second.unchanged, second.items) == (1, 0)
