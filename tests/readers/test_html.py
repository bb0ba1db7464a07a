from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.readers import read_inputs
from eventwire.readers.html import parse_html
from eventwire.records import Article, Reject


def test_page_gives_main_text_title_site_and_date(fixtures: Path) -> None:
    [article] = read_inputs([str(fixtures / "page-dated.html")])
    assert isinstance(article, Article)
    assert article.title == "Ceasefire agreed in border dispute"
    assert article.published == date(2021, 7, 14)
    assert article.source == "Example Herald"
    assert article.text.startswith("The two governments agreed on Tuesday")
    assert "welcomed the news" in article.text
    # Boilerplate and the headline are not part of the body.
    assert "Copyright" not in article.text and "Sport" not in article.text
    assert "Ceasefire agreed" not in article.text


def test_declared_latin1_charset_is_decoded(fixtures: Path) -> None:
    [article] = read_inputs([str(fixtures / "page-latin1.html")])
    assert isinstance(article, Article)
    assert article.title == "Caf\u00e9 owners protest"
    assert "Caf\u00e9 owners marched" in article.text
    assert article.published == date(2018, 5, 2)


def test_undeclared_legacy_encoding_is_detected() -> None:
    body = "<p>Les propri\u00e9taires de caf\u00e9s ont manifest\u00e9 contre les r\u00e8gles.</p>"
    page = f"<html><body><article>{body * 3}</article></body></html>".encode("cp1252")
    item = parse_html(page, "p.html", "file", date(2020, 1, 1))
    assert isinstance(item, Article)
    assert "propri\u00e9taires" in item.text


def test_undated_page_takes_the_fallback_or_is_rejected(fixtures: Path) -> None:
    page = str(fixtures / "page-undated.html")
    [reject] = read_inputs([page])
    assert isinstance(reject, Reject) and reject.reason == "NO_DATE"
    [article] = read_inputs([page], published=date(2023, 2, 1))
    assert isinstance(article, Article)
    assert article.published == date(2023, 2, 1)
    assert article.title == "Parliament debates budget"


def test_page_without_main_text_is_empty(fixtures: Path) -> None:
    [item] = read_inputs([str(fixtures / "page-empty.html")], published=date(2020, 1, 1))
    assert isinstance(item, Reject) and item.reason == "EMPTY_TEXT"


def test_binary_bytes_in_an_html_file_are_undecodable() -> None:
    item = parse_html(b"<html>\x00\x01\x02\x03" * 50, "bin.html", "file", date(2020, 1, 1))
    assert isinstance(item, Reject) and item.reason == "UNDECODABLE"


def test_source_falls_back_to_the_url_host() -> None:
    page = (
        b"<html><body><p>The council approved the new budget after a long debate.</p></body></html>"
    )
    item = parse_html(page, "w", "byte 0", date(2020, 1, 1), url="https://www.paper.example/a")
    assert isinstance(item, Article)
    assert (item.source, item.url) == ("paper.example", "https://www.paper.example/a")


def test_declared_page_language_is_kept(fixtures: Path) -> None:
    page = (
        b'<html lang="de-DE"><body><article><p>Die Regierung hat am Montag neue Gesetze '
        b"beschlossen.</p></article></body></html>"
    )
    item = parse_html(page, "de.html", "file", date(2020, 1, 1))
    assert isinstance(item, Article) and item.language == "de"
    [english] = read_inputs([str(fixtures / "page-dated.html")])
    assert isinstance(english, Article) and english.language == "en"
