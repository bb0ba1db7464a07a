"""Listings (feeds, sitemaps, indexes) and URL spelling, without a network."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest
from news_site import FeedItem, atom, news_sitemap, rss, sitemap_index

from eventwire.errors import EventwireError
from eventwire.follow.listing import MAX_CHILDREN, NotAListing, read_listing
from eventwire.follow.sources import expand_sources
from eventwire.follow.urls import host_of, normalise_url

TODAY = date(2024, 5, 10)


def test_rss_atom_and_news_sitemaps_give_url_date_and_title() -> None:
    items = [FeedItem("http://s/a", "A story", "2024-05-01"), FeedItem("http://s/b", "B")]
    for body in (rss(items), news_sitemap(items)):
        listing = read_listing(body.encode(), 10**6, TODAY)
        got = [(i.url, i.published, i.title) for i in listing.items]
        assert got == [("http://s/a", date(2024, 5, 1), "A story"), ("http://s/b", None, "B")]
    entries = read_listing(atom(items[:1]).encode(), 10**6, TODAY).items
    assert [(i.url, i.published) for i in entries] == [("http://s/a", date(2024, 5, 1))]


def test_a_gzipped_sitemap_is_unpacked_within_the_cap() -> None:
    packed = gzip.compress(news_sitemap([FeedItem("http://s/a", "A")]).encode())
    assert [i.url for i in read_listing(packed, 10**6, TODAY).items] == ["http://s/a"]
    with pytest.raises(NotAListing, match="larger than"):
        read_listing(packed, 100, TODAY)


def test_an_index_gives_its_recent_children_newest_first() -> None:
    children = [
        ("http://s/2019.xml", "2019-01-01"),  # an archive: skipped
        ("http://s/older.xml", "2024-05-05"),
        ("http://s/undated.xml", None),
        ("http://s/today.xml", "2024-05-10T06:00:00+00:00"),
    ]
    listing = read_listing(sitemap_index(children).encode(), 10**6, TODAY)
    assert listing.kind == "index"
    assert listing.children == ("http://s/undated.xml", "http://s/today.xml", "http://s/older.xml")
    many = [(f"http://s/{n}.xml", "2024-05-09") for n in range(MAX_CHILDREN + 5)]
    assert len(read_listing(sitemap_index(many).encode(), 10**6, TODAY).children) == MAX_CHILDREN


def test_what_is_neither_feed_nor_sitemap_is_said_so() -> None:
    for body in (b"<html><body>hi</body></html>", b"<urlset><url>", b"\x1f\x8bnot gzip"):
        with pytest.raises(NotAListing):
            read_listing(body, 10**6, TODAY)


def test_urls_are_spelled_one_way() -> None:
    same = [
        "HTTPS://News.Example.COM:443/world/story?utm_source=x&id=7#top",
        "https://news.example.com/world/story?id=7&fbclid=abc",
        "https://news.example.com/world/story?gclid=1&id=7",
    ]
    assert {normalise_url(u) for u in same} == {"https://news.example.com/world/story?id=7"}
    assert normalise_url("http://a.org") == "http://a.org/"
    assert normalise_url("http://a.org/x?page=2") != normalise_url("http://a.org/x?page=3")
    assert host_of("https://A.org:8443/x") == "https://a.org:8443"


def test_sources_come_as_urls_or_files_of_urls(tmp_path: Path) -> None:
    listed = tmp_path / "feeds.txt"
    listed.write_text(
        "# world news\nhttps://a.org/rss  # the main feed\n\nhttps://b.org/sitemap.xml\n"
        "HTTPS://A.ORG/rss\n"
    )
    assert expand_sources([str(listed), "https://c.org/feed#x"]) == [
        "https://a.org/rss",
        "https://b.org/sitemap.xml",
        "https://c.org/feed",
    ]
    with pytest.raises(EventwireError, match="neither a feed URL nor a readable file"):
        expand_sources([str(tmp_path / "missing.txt")])


def test_the_example_feeds_file_lists_feed_urls() -> None:
    example = Path(__file__).resolve().parents[2] / "examples" / "feeds.txt"
    sources = expand_sources([str(example)])
    assert len(sources) >= 5 and all(s.startswith("https://") for s in sources)
