"""The dashboard's first load on a large store, in headless Chromium: it fills every panel,
its aggregates come as counts (never raw event lists), and the time to first paint and to a
full dashboard is printed (a measure for BENCHMARKS.md, not asserted: the machine is shared).

The store is 20,000 events built here; EVENTWIRE_DASHBOARD_DB=path measures a store of your
own instead (BENCHMARKS.md: the 1M-event store of benchmarks/api_load.py --keep).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.api.app import create_app
from eventwire.store.base import CodedArticle
from eventwire.store.duckdb import DuckDBStore

from .conftest import coded_articles
from .serve import serving
from .test_dashboard_browser import ARGS, CHROMIUM, _need_chromium

pytestmark = pytest.mark.slow
EVENTS = 20_000


def _build(path: Path, events_by_article) -> None:  # noqa: ANN001
    originals = coded_articles(events_by_article)
    with DuckDBStore(path) as store:
        batch, made, k = [], 0, 0
        while made < EVENTS:
            item = originals[k % len(originals)]
            aid = f"big-a{k:06d}"
            day = date(2020, 1, 1) + timedelta(days=made * 700 // EVENTS)
            events = [
                dataclasses.replace(e, id=f"big-e{made + i:07d}", article_id=aid,
                                    date=day.isoformat() if e.date else None)
                for i, e in enumerate(item.events)
            ]  # fmt: skip
            made += len(events)
            article = dataclasses.replace(item.article, id=aid, text=f"{item.article.text} {k}")
            batch.append(CodedArticle(article, events))
            k += 1
            if len(batch) == 500:
                store.write_batch(batch, [])
                batch = []
        store.write_batch(batch, [])


@pytest.fixture(scope="module")
def large_url(tmp_path_factory, events_by_article) -> Iterator[str]:  # noqa: ANN001
    given = os.environ.get("EVENTWIRE_DASHBOARD_DB")
    path = Path(given) if given else tmp_path_factory.mktemp("large") / "large.duckdb"
    if not given:
        _build(path, events_by_article)
    store = DuckDBStore(path, read_only=True)
    try:
        with serving(create_app(store)) as url:
            yield url
    finally:
        store.close()


def test_first_load_of_a_large_store(large_url: str) -> None:
    _need_chromium()
    from playwright.sync_api import expect, sync_playwright

    bodies: dict[str, int] = {}
    aggregates: dict[str, object] = {}

    def seen(response) -> None:  # noqa: ANN001
        path = response.url.removeprefix(large_url).split("?")[0]
        if path.startswith(("/stats/", "/events", "/places", "/clusters")):
            body = response.body()
            bodies[path] = len(body)
            if path.startswith("/stats/"):
                aggregates[path] = json.loads(body)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1100})
        page.on("response", seen)
        timings = []
        for _ in range(2):  # a fresh server, then a second visitor (answers cached)
            page.goto(large_url + "/")
            expect(page.locator("#events tbody tr").first).to_be_visible(timeout=60_000)
            expect(page.locator("body[data-ready='1']")).to_be_attached(timeout=60_000)
            timings.append(
                page.evaluate(
                    """() => Object.fromEntries(
                      ['first-contentful-paint', 'eventwire:table', 'eventwire:ready'].map(
                        (name) => [name, performance.getEntriesByName(name)[0]?.startTime]))"""
                )
            )
        expect(page.locator("#timeline rect.bar").first).to_be_attached()
        expect(page.locator("#network .node").first).to_be_attached()
        expect(page.locator("#stories tbody tr").first).to_be_attached()
        browser.close()
    total = json.loads(json.dumps(aggregates))  # what the panels drew from
    timeline = total["/stats/timeline"]["counts"]
    assert timeline and all(set(c) == {"period", "group", "count"} for c in timeline)
    edges = total["/stats/network"]["edges"]
    assert edges and all(set(e) == {"source", "target", "count", "goldstein_mean"} for e in edges)
    for timing, visit in zip(timings, ("first visit", "second visit"), strict=True):
        assert timing["eventwire:table"] and timing["eventwire:ready"]
        print(
            f"\ndashboard {visit} (ms after navigation): first contentful paint"
            f" {timing['first-contentful-paint']:.0f}, events table"
            f" {timing['eventwire:table']:.0f}, every panel {timing['eventwire:ready']:.0f}"
        )
    print(f"response bytes {json.dumps(bodies)}")
