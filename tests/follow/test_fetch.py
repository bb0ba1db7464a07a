"""The fetcher's manners, seen from the local site's side of the wire."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from follow_helpers import QUICK
from news_site import NewsSite

from eventwire import __version__
from eventwire.follow.fetch import Fetcher, FetchFailure, Page


def test_every_request_says_who_sends_it_with_the_version_and_the_contact(
    site: NewsSite,
) -> None:
    url = site.put("/a", "hello", content_type="text/plain")
    fetcher = Fetcher(QUICK)
    try:
        assert isinstance(fetcher.get(url), Page)
    finally:
        fetcher.close()
    for request in site.log:  # robots.txt too
        assert request.headers["user-agent"].startswith(f"eventwire/{__version__} (")
        assert "contact: tests@example.org" in request.headers["user-agent"]
        assert request.headers["from"] == "tests@example.org"
    assert site.paths() == ["/robots.txt", "/a"]


def test_one_request_at_a_time_per_host_and_the_minimum_delay_between_them(
    site: NewsSite,
) -> None:
    urls = [site.put(f"/p{i}", "x" * 100, content_type="text/plain", delay=0.05) for i in range(6)]
    fetcher = Fetcher(replace(QUICK, min_delay=0.2))
    try:
        with ThreadPoolExecutor(6) as threads:  # six threads asking the same host at once
            pages = list(threads.map(fetcher.get, urls))
    finally:
        fetcher.close()
    assert all(isinstance(p, Page) for p in pages)
    log = [r for r in site.log if r.path.startswith("/p")]
    assert max(r.in_flight for r in site.log) == 1
    gaps = [b.at - a.at for a, b in zip(log, log[1:], strict=False)]
    assert min(gaps) >= 0.2  # a lower bound: a loaded machine only makes the gaps longer


def test_robots_txt_is_read_once_per_host_and_its_crawl_delay_obeyed(site: NewsSite) -> None:
    site.put(
        "/robots.txt",
        "User-agent: eventwire\nDisallow: /secret\nCrawl-delay: 1\n\nUser-agent: *\nDisallow:\n",
        content_type="text/plain",
    )
    urls = [site.put(f"/open{i}", "ok", content_type="text/plain") for i in range(2)]
    fetcher = Fetcher(QUICK)  # no delay of its own: the site's Crawl-delay (integer seconds)
    try:
        results = [fetcher.get(u) for u in urls] + [fetcher.get(site.url("/secret/x"))]
    finally:
        fetcher.close()
    assert all(isinstance(r, Page) for r in results[:2])
    assert isinstance(results[2], FetchFailure) and results[2].reason == "DISALLOWED"
    assert site.count("/robots.txt") == 1 and site.count("/secret/x") == 0
    opens = site.requests_to("/open0") + site.requests_to("/open1")
    assert opens[1].at - opens[0].at >= 1.0


def test_a_site_whose_robots_txt_fails_is_not_crawled(site: NewsSite) -> None:
    site.put("/robots.txt", "busy", status=503, content_type="text/plain")
    url = site.put("/a", "hello", content_type="text/plain")
    fetcher = Fetcher(QUICK)
    try:
        result = fetcher.get(url)
    finally:
        fetcher.close()
    assert isinstance(result, FetchFailure) and result.reason == "DISALLOWED"
    assert site.count("/a") == 0


def test_a_404_is_final_and_a_500_is_retried_with_backoff_until_the_attempts_run_out(
    site: NewsSite,
) -> None:
    url = site.put("/down", "x", status=503, content_type="text/plain")
    fetcher = Fetcher(replace(QUICK, attempts=3))
    try:
        missing = fetcher.get(site.url("/missing"))
        down = fetcher.get(url)
    finally:
        fetcher.close()
    assert isinstance(missing, FetchFailure) and (missing.reason, missing.transient) == (
        "HTTP_ERROR",
        False,
    )
    assert isinstance(down, FetchFailure) and (down.reason, down.transient) == ("HTTP_ERROR", True)
    assert site.count("/missing") == 1 and site.count("/down") == 3


def test_a_page_bigger_than_the_cap_is_refused_even_without_a_length(site: NewsSite) -> None:
    declared = site.put("/declared", "x" * 5000, content_type="text/plain")
    chunked = site.put("/chunked", "x" * 50_000, content_type="text/plain", chunked=True)
    bomb = site.put("/bomb", "x" * 50_000, content_type="text/plain", encoding="gzip")
    fetcher = Fetcher(replace(QUICK, max_bytes=1000))
    try:
        results = [fetcher.get(u) for u in (declared, chunked, bomb)]
    finally:
        fetcher.close()
    assert [r.reason for r in results if isinstance(r, FetchFailure)] == ["OVERSIZED"] * 3


def test_conditional_get_with_etag_and_last_modified(site: NewsSite) -> None:
    tagged = site.put("/t", "feed", content_type="text/xml", etag='"v1"')
    dated = site.put(
        "/d", "feed", content_type="text/xml", last_modified="Wed, 01 May 2024 10:00:00 GMT"
    )
    fetcher = Fetcher(QUICK)
    try:
        first_t, first_d = fetcher.get(tagged), fetcher.get(dated)
        assert isinstance(first_t, Page) and isinstance(first_d, Page)
        again_t = fetcher.get(tagged, etag=first_t.etag)
        again_d = fetcher.get(dated, last_modified=first_d.last_modified)
    finally:
        fetcher.close()
    assert (first_t.status, again_t.status, again_d.status) == (200, 304, 304)
    assert again_t.body == b"" and first_t.etag == '"v1"'


def test_redirects_are_followed_and_each_hop_obeys_its_own_hosts_robots(
    sites: list[NewsSite],
) -> None:
    first, second = sites[0], sites[1]
    second.put("/robots.txt", "User-agent: *\nDisallow: /closed\n", content_type="text/plain")
    second.put("/open", "here", content_type="text/plain")
    moved = first.put("/moved", "", status=301, location=second.url("/open"))
    closed = first.put("/to-closed", "", status=302, location=second.url("/closed"))
    loop = first.put("/loop", "", status=302, location=first.url("/loop"))
    fetcher = Fetcher(QUICK)
    try:
        page, refused, looping = fetcher.get(moved), fetcher.get(closed), fetcher.get(loop)
    finally:
        fetcher.close()
    assert isinstance(page, Page) and page.url == second.url("/open") and page.body == b"here"
    assert isinstance(refused, FetchFailure) and refused.reason == "DISALLOWED"
    assert second.count("/closed") == 0
    assert isinstance(looping, FetchFailure) and looping.message == "too many redirects"


def test_fetching_many_hosts_at_once_is_allowed(sites: list[NewsSite]) -> None:
    barrier = threading.Barrier(len(sites), timeout=30)
    urls = [s.put("/a", "x", content_type="text/plain") for s in sites]
    fetcher = Fetcher(QUICK)

    def fetch(url: str) -> Page | FetchFailure:
        barrier.wait()
        return fetcher.get(url)

    try:
        with ThreadPoolExecutor(len(sites)) as threads:
            results = list(threads.map(fetch, urls))
    finally:
        fetcher.close()
    assert all(isinstance(r, Page) for r in results)
