"""End to end: the dashboard in headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.api.app import create_app
from eventwire.api.hosts import allowed_hosts
from eventwire.store.duckdb import DuckDBStore

from .serve import serving

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


def _need_chromium() -> None:
    if CHROMIUM.exists() or shutil.which("chromium"):
        return
    message = (
        "Debian's chromium is not installed at /usr/bin/chromium: run "
        "tests/api/ensure_chromium.sh (as root) to install it"
    )
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def base_url(store: DuckDBStore) -> Iterator[str]:
    # as `serve` runs it: answering only loopback names, strict about query parameters
    with serving(create_app(store, hosts=allowed_hosts("127.0.0.1"))) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_page(viewport={"width": 1280, "height": 1100})
        yield context
        browser.close()


def test_dashboard_filter_click_and_evidence(page, base_url: str) -> None:
    from playwright.sync_api import expect

    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url + "/")
    expect(page.locator("#events tbody tr")).to_have_count(6)
    expect(page.locator("#map path.country").first).to_be_attached()
    expect(page.locator("#timeline rect.bar").first).to_be_attached()
    # 6 events match; a month-only date and an undated event cannot be drawn per day
    expect(page.locator("#total")).to_have_text("6 events match")
    expect(page.locator("#timeline-note")).to_contain_text("2 matching events are not drawn")
    page.select_option("#interval", "month")
    expect(page.locator("#timeline-note")).to_contain_text("1 matching event is not drawn")
    page.select_option("#interval", "day")

    page.fill("input[name=actor]", "FRA")
    page.click("#apply")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    assert "actor=FRA" in page.url  # the filter lives in the URL

    page.locator("#events tbody tr", has_text="040").click()
    sentence = page.locator("#evidence-sentence")
    expect(sentence).to_contain_text("met German Chancellor Anna Weber in Paris")
    expect(sentence.locator("mark.trigger")).to_have_text("met")
    expect(sentence.locator("mark.source")).to_have_text("French Foreign Minister Jean Dupont")
    expect(sentence.locator("mark.target")).to_have_text("German Chancellor Anna Weber")
    expect(page.locator("#evidence-facts")).to_contain_text("rule.040")
    expect(page.locator("#network .node")).to_have_count(2)
    expect(page.locator("#map circle.place")).to_have_count(1)
    expect(page.locator("#timeline-note")).to_have_text("")  # every FRA event has a day

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert all(url.startswith(base_url) for url in requests), "the page fetched from outside"
    assert errors == [], errors


def test_shared_link_restores_filters_and_event(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/?quad_class=4&event=e3")
    expect(page.locator("select[name=quad_class]")).to_have_value("4")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    expect(page.locator("#evidence-sentence mark.trigger")).to_have_text("shelled")


def test_dragging_a_box_on_the_map_filters_by_place(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/")
    dot = page.locator("#map circle.place[data-name=Kharkiv]")
    expect(dot).to_be_attached()
    box = dot.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x - 20, y - 20)
    page.mouse.down()
    page.mouse.move(x + 20, y + 20, steps=4)
    page.mouse.up()
    expect(page.locator("#events tbody tr")).to_have_count(1)
    expect(page.locator("#events tbody tr")).to_contain_text("190 ASSAULT")
    assert "bbox=" in page.url


def test_clicking_a_timeline_bar_narrows_the_dates(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/?quad_class=2")
    expect(page.locator("#timeline rect.bar")).to_have_count(1)
    page.locator("#timeline rect.bar").click()
    expect(page.locator("input[name=date_from]")).to_have_value("2021-04-14")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    assert "date_to=2021-04-14" in page.url
    href = page.locator("#download").get_attribute("href")
    assert "format=csv" in href and "quad_class=2" in href


def test_plover_menu_is_filled_from_the_server(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/")
    page.select_option("select[name=plover]", "AID")
    page.click("#apply")
    expect(page.locator("#events tbody tr")).to_have_count(1)
    expect(page.locator("#events tbody tr")).to_contain_text("073 AID")
    assert "plover=AID" in page.url


def test_stories_list_clusters_and_show_their_evidence(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/?plover=ASSAULT")
    rows = page.locator("#stories tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("RUS")
    rows.first.click()
    expect(page.locator("#evidence-sentence mark.trigger")).to_have_text("shelled")


def test_minimum_confidence_from_the_link_and_the_filter_bar(page, base_url: str) -> None:
    from playwright.sync_api import expect

    page.goto(base_url + "/?min_confidence=0.7")
    expect(page.locator("input[name=min_confidence]")).to_have_value("0.7")
    expect(page.locator("#events tbody tr")).to_have_count(4)  # e2 (0.6) and e4 (0.4) are not
    expect(page.locator("#total")).to_have_text("4 events match")
    note = page.locator("#timeline-note")
    expect(note).to_contain_text("2 events are left out: under the minimum confidence 0.7")
    page.fill("input[name=min_confidence]", "0.85")
    page.click("#apply")
    expect(page.locator("#events tbody tr")).to_have_count(2)
    assert "min_confidence=0.85" in page.url
    href = page.locator("#download").get_attribute("href")
    assert "min_confidence=0.85" in href  # the CSV download is the events shown
