"""`eventwire follow` as a user runs it: real coder, real store, a local site."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

from news_site import FeedItem, NewsSite, article_page, rss

from cli_runner import ROOT, eventwire
from eventwire.store import open_store

EXAMPLES = ROOT / "examples" / "articles.jsonl"


def publish_examples(site: NewsSite, count: int) -> list[FeedItem]:
    items = []
    for number, line in enumerate(EXAMPLES.read_text().splitlines()[:count]):
        record = json.loads(line)
        url = site.put(
            f"/story/{number}", article_page(record["title"], record["text"], record["published"])
        )
        items.append(FeedItem(url, record["title"], record["published"]))
    return items


def test_follow_once_codes_the_new_pages_and_writes_a_gdelt_update(
    site: NewsSite, tmp_path: Path
) -> None:
    feeds = tmp_path / "feeds.txt"
    feed = site.put(
        "/rss", rss(publish_examples(site, 3)), content_type="application/rss+xml", etag='"1"'
    )
    feeds.write_text(f"# the test gazette\n{feed}  # its only feed\n")
    db, updates = tmp_path / "f.duckdb", tmp_path / "updates"
    args = ["follow", str(feeds), "--once", "--db", str(db), "--updates-dir", str(updates)]
    args += ["--delay", "0", "--contact", "ops@example.org"]
    result = eventwire(*args)
    assert result.returncode == 0, result.stderr
    assert "poll: 1 sources (1 changed, 0 unchanged, 0 failed), 3 new items: 3 articles" in (
        result.stderr
    )
    with open_store(str(db), read_only=True) as store:
        events = list(store.events())
    assert events and {e.date_source for e in events} <= {"text", "published"}
    (update,) = updates.glob("*.export.CSV.zip")
    with zipfile.ZipFile(update) as archive:
        lines = archive.read(update.name.removesuffix(".zip")).decode().splitlines()
    assert len(lines) == len(events)
    assert (updates / "lastupdate.txt").read_text().split()[2] == update.name

    again = eventwire(*args)
    assert again.returncode == 0, again.stderr
    assert "1 unchanged" in again.stderr and "0 new items" in again.stderr
    assert len(list(updates.glob("*.zip"))) == 1  # nothing new: no new update file


def test_follow_refuses_what_it_cannot_do(tmp_path: Path) -> None:
    bad_every = eventwire("follow", "http://127.0.0.1:9/feed", "--every", "5s", "--once")
    assert bad_every.returncode != 0 and "shorter than 60 s" in bad_every.stderr
    listed = tmp_path / "feeds.txt"
    listed.write_text("not-a-url\n")
    bad_file = eventwire("follow", str(listed), "--once")
    assert bad_file.returncode != 0 and "line 1" in bad_file.stderr
    both = eventwire("follow", "http://127.0.0.1:9/f", "--parquet-dir", str(tmp_path), "--serve")
    assert both.returncode == 2


def test_sigterm_finishes_the_batch_in_hand_and_the_next_run_picks_up_the_rest(
    site: NewsSite, tmp_path: Path
) -> None:
    items = publish_examples(site, 6)
    for number in range(6):
        site.routes[f"/story/{number}"].delay = 1.0  # a slow site: the signal comes mid-poll
    feed = site.put("/rss", rss(items), content_type="application/rss+xml")
    db = tmp_path / "f.duckdb"
    command = [sys.executable, "-m", "eventwire.cli", "follow", feed, "--db", str(db)]
    child = subprocess.Popen(
        [*command, "--delay", "0"], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 300
    while site.count("/story/1") == 0:  # the poll has begun fetching pages
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    assert "; stopped" in err
    with open_store(str(db), read_only=True) as store:
        kept = store.summary().articles
    assert 1 <= kept < 6  # what was fetched was coded and stored; the rest was left

    rest = eventwire("follow", feed, "--db", str(db), "--once", "--delay", "0")
    assert rest.returncode == 0, rest.stderr
    with open_store(str(db), read_only=True) as store:
        assert store.summary().articles == 6
    assert all(site.count(f"/story/{n}") == 1 for n in range(6))


def test_serve_shows_the_store_the_loop_writes(site: NewsSite, tmp_path: Path) -> None:
    from pg_server import free_port, wait_until

    feed = site.put("/rss", rss(publish_examples(site, 2)), content_type="application/rss+xml")
    port = free_port()
    command = [sys.executable, "-m", "eventwire.cli", "follow", feed, "--db", str(tmp_path / "f")]
    child = subprocess.Popen(
        [*command, "--serve", "--port", str(port), "--delay", "0"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )

    def count() -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/events/count") as answer:
                return json.load(answer)["count"]
        except OSError:
            assert child.poll() is None, child.communicate()
            return 0

    try:
        wait_until(lambda: count() > 0, "the dashboard shows the events the loop stored", 300)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/clusters") as answer:
            assert json.load(answer)["clusters"]
    finally:
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
