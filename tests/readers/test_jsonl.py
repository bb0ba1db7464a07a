from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from eventwire.readers import read_inputs
from eventwire.readers.jsonl import read_jsonl
from eventwire.records import Article, Reject, article_id


def _by_position(items: list[Article | Reject]) -> dict[str, Reject]:
    return {item.position: item for item in items if isinstance(item, Reject)}


def test_good_lines_become_articles(fixtures: Path) -> None:
    items = list(read_inputs([str(fixtures / "articles.jsonl")]))
    articles = {item.id: item for item in items if isinstance(item, Article)}
    first = articles["a-1"]
    assert first.published == date(2020, 1, 5)
    assert (first.source, first.url) == ("Example News", "https://news.example.org/a-1")
    assert first.title == "Troops withdraw"
    # A date-time keeps its day.
    assert articles["a-2"].published == date(1987, 2, 26)
    # No id: a stable hash of source, title and text.
    expected = article_id(None, "No id", "An article without an id gets a stable one.")
    assert expected in articles


def test_bad_lines_are_rejects_with_their_line_number(fixtures: Path) -> None:
    rejects = _by_position(list(read_inputs([str(fixtures / "articles.jsonl")])))
    assert rejects["line 3"].reason == "MALFORMED"
    assert rejects["line 3"].excerpt == "this line is not JSON"
    assert rejects["line 4"].reason == "NO_DATE"
    assert rejects["line 6"].reason == "BAD_DATE"
    assert rejects["line 7"].reason == "EMPTY_TEXT"
    assert rejects["line 8"].reason == "MALFORMED"
    # The blank line 5 is neither an article nor a reject.
    assert "line 5" not in rejects


def test_null_date_takes_the_fallback(fixtures: Path) -> None:
    items = list(read_inputs([str(fixtures / "articles.jsonl")], published=date(2021, 6, 1)))
    articles = {item.id: item for item in items if isinstance(item, Article)}
    assert articles["a-4"].published == date(2021, 6, 1)
    assert articles["a-1"].published == date(2020, 1, 5)


def test_published_wins_over_date_when_both_given() -> None:
    line = b'{"id": "x", "published": "2020-01-02", "date": "1999-01-01", "text": "Body."}\n'
    [article] = read_jsonl(io.BytesIO(line), "x.jsonl", None, 1000)
    assert isinstance(article, Article)
    assert article.published == date(2020, 1, 2)


def test_oversized_line_is_rejected_and_reading_goes_on() -> None:
    big = b'{"id": "big", "date": "2020-01-01", "text": "' + b"x" * 5000 + b'"}\n'
    small = b'{"id": "ok", "date": "2020-01-01", "text": "Fine."}\n'
    items = list(read_jsonl(io.BytesIO(big + small), "x.jsonl", None, 1000))
    assert isinstance(items[0], Reject)
    assert (items[0].reason, items[0].position) == ("OVERSIZED", "line 1")
    assert isinstance(items[1], Article) and items[1].id == "ok"


def test_non_utf8_line_is_undecodable() -> None:
    line = b'{"id": "x", "date": "2020-01-01", "text": "caf\xe9"}\n'
    [item] = read_jsonl(io.BytesIO(line), "x.jsonl", None, 1000)
    assert isinstance(item, Reject) and item.reason == "UNDECODABLE"


def test_wrong_field_type_is_malformed() -> None:
    line = b'{"id": "x", "date": "2020-01-01", "text": ["a", "list"]}\n'
    [item] = read_jsonl(io.BytesIO(line), "x.jsonl", None, 1000)
    assert isinstance(item, Reject) and item.reason == "MALFORMED"
    assert "'text'" in item.message


def test_language_is_kept_and_defaults_to_english() -> None:
    lines = (
        b'{"id": "x", "date": "2020-01-01", "text": "Texte.", "language": "fr"}\n'
        b'{"id": "y", "date": "2020-01-01", "text": "Text."}\n'
    )
    french, english = read_jsonl(io.BytesIO(lines), "x.jsonl", None, 1000)
    assert isinstance(french, Article) and isinstance(english, Article)
    assert (french.language, english.language) == ("fr", "en")
