from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.readers import read_inputs
from eventwire.readers.markup import strip_html
from eventwire.records import Article, Reject


def test_rss_items_become_articles_with_html_stripped(fixtures: Path) -> None:
    items = list(read_inputs([str(fixtures / "feed.rss")]))
    first, second = items[0], items[1]
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Minister resigns over scandal"
    assert first.published == date(2019, 12, 23)
    assert first.url == "https://wire.example.org/news/1"
    assert first.source == "Example Wire"
    assert first.language == "en"  # <language>en-gb</language>
    assert first.text == (
        "The interior minister resigned on Monday after weeks of pressure.\n\n"
        "The prime minister accepted the resignation."
    )
    # The full content wins over the short summary.
    assert second.text.startswith("Trade talks between the two countries")
    assert "<b>" not in second.text and "reach a deal" in second.text


def test_rss_entries_without_date_or_text_are_rejects(fixtures: Path) -> None:
    items = list(read_inputs([str(fixtures / "feed.rss")]))
    rejects = {item.position: item.reason for item in items if isinstance(item, Reject)}
    assert rejects == {"entry 3": "NO_DATE", "entry 4": "EMPTY_TEXT"}
    with_fallback = list(read_inputs([str(fixtures / "feed.rss")], published=date(2019, 12, 25)))
    third = with_fallback[2]
    assert isinstance(third, Article) and third.published == date(2019, 12, 25)


def test_atom_entries_use_published_then_updated(fixtures: Path) -> None:
    first, second = read_inputs([str(fixtures / "feed.atom")])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.published == date(2020, 3, 1)
    assert second.published == date(2020, 3, 2)
    assert first.id == "urn:example:e1"
    assert first.text == "The electoral commission announced the results of Sunday's vote."
    assert second.source == "Example Atom News"
    assert second.language == "fr"  # xml:lang on the feed


def test_truncated_feed_is_one_malformed_reject(fixtures: Path) -> None:
    [item] = read_inputs([str(fixtures / "feed-broken.rss")])
    assert isinstance(item, Reject)
    assert (item.reason, item.position) == ("MALFORMED", "file")


def test_strip_html_keeps_paragraphs_and_drops_scripts() -> None:
    fragment = "<p>One &amp; two.</p><script>alert(1)</script><p>Three</p>"
    assert strip_html(fragment) == "One & two.\n\nThree"
    assert strip_html("plain &lt;text&gt;") == "plain <text>"
