"""Readers take every date a user has (eventwire.dates), a dateline dates plain text, and only
http(s) URLs are kept as article links."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from eventwire.readers import read_inputs
from eventwire.readers.text import parse_text
from eventwire.records import Article, Reject


def _jsonl(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("Dec 17, 2016", date(2016, 12, 17)),
        ("Sat, 17 Dec 2016 10:00 GMT", date(2016, 12, 17)),
        ("17/12/2016", date(2016, 12, 17)),
    ],
)
def test_jsonl_published_in_any_unambiguous_form(tmp_path: Path, published: str, day: date):
    path = _jsonl(tmp_path / "a.jsonl", [{"published": published, "text": "Troops moved."}])
    [item] = read_inputs([path])
    assert isinstance(item, Article), item
    assert item.published == day


def test_jsonl_ambiguous_date_is_a_reject_that_says_why(tmp_path: Path):
    path = _jsonl(tmp_path / "a.jsonl", [{"published": "05/06/2016", "text": "Troops moved."}])
    [item] = read_inputs([path], published=date(2020, 1, 1))
    assert isinstance(item, Reject)
    assert item.reason == "BAD_DATE" and "ambiguous" in item.message
    assert "2016-05-06" in item.message and "2016-06-05" in item.message


def test_plain_text_with_a_wire_dateline_is_dated_by_it(tmp_path: Path):
    path = tmp_path / "kabul.txt"
    path.write_text("KABUL, Aug. 15, 2021 (Reuters) - Taliban fighters entered the capital.\n")
    [item] = read_inputs([str(path)])
    assert isinstance(item, Article), item
    assert item.published == date(2021, 8, 15)
    assert item.text == path.read_text()  # the text is read whole, dateline included


def test_a_dateline_date_wins_over_the_fallback(tmp_path: Path):
    path = tmp_path / "kabul.txt"
    path.write_text("KABUL, Aug. 15, 2021 (Reuters) - Taliban fighters entered the capital.\n")
    [item] = read_inputs([str(path)], published=date(2000, 1, 1))
    assert isinstance(item, Article) and item.published == date(2021, 8, 15)


def test_an_ambiguous_dateline_needs_a_given_date():
    text = "PARIS, 05/06/2016 (AFP) - Ministers met.\n"
    item = parse_text(text, "paris.txt", None)
    assert isinstance(item, Reject) and item.reason == "BAD_DATE"
    assert "ambiguous" in item.message
    given = parse_text(text, "paris.txt", date(2016, 6, 5))
    assert isinstance(given, Article) and given.published == date(2016, 6, 5)


def test_undated_standard_input_is_named_as_such(monkeypatch: pytest.MonkeyPatch):
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO(b"Troops crossed the border at dawn.\n"))
    monkeypatch.setattr(sys, "stdin", stdin)
    [item] = read_inputs(["-"])
    assert isinstance(item, Reject) and item.reason == "NO_DATE"
    assert "standard input" in item.message
    assert "- file" not in item.message and "--published" not in item.message


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example/a", "https://news.example/a"),
        ("http://news.example/a", "http://news.example/a"),
        ("javascript:alert(document.cookie)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//news.example/a", None),
        ("file:///etc/passwd", None),
    ],
)
def test_only_http_urls_are_kept_as_links(tmp_path: Path, url: str, kept: str | None):
    record = {"published": "2021-01-01", "text": "Troops moved.", "url": url}
    [item] = read_inputs([_jsonl(tmp_path / "a.jsonl", [record])])
    assert isinstance(item, Article) and item.url == kept


def test_feed_dates_feedparser_cannot_read_are_read_by_the_one_parser(tmp_path: Path):
    items = "".join(
        f"<item><title>{n}</title><description>Troops moved {n}.</description>"
        f"<pubDate>{when}</pubDate></item>"
        for n, when in (("a", "Dec 17, 2016"), ("b", "17/12/2016"), ("c", "05/06/2016"))
    )
    path = tmp_path / "feed.rss"
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    )
    found = list(read_inputs([str(path)]))
    assert [getattr(i, "published", None) for i in found[:2]] == [date(2016, 12, 17)] * 2
    assert isinstance(found[2], Reject) and found[2].reason == "BAD_DATE"  # May or June?
    assert "ambiguous" in found[2].message
    given = list(read_inputs([str(path)], published=date(2016, 6, 5)))
    assert [i.published for i in given] == [date(2016, 12, 17)] * 2 + [date(2016, 6, 5)]
