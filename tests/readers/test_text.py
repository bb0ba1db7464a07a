from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.readers import read_inputs
from eventwire.readers.text import parse_text
from eventwire.records import Article, Reject

from .conftest import SHARED


def test_seed_layout_header_gives_date_and_title(fixtures: Path) -> None:
    [article] = read_inputs([str(fixtures / "seed-layout.txt")])
    assert isinstance(article, Article)
    assert article.published == date(2021, 3, 4)
    assert article.title == "Ministers meet in Geneva over water rights"
    # The blank lines after the header are dropped, the rest is the body exactly as read.
    assert article.text.startswith("The foreign ministers")
    assert article.text.endswith("next month.\n")


def test_seed_layout_header_date_wins_over_fallback(fixtures: Path) -> None:
    [article] = read_inputs([str(fixtures / "seed-layout.txt")], published=date(2000, 1, 1))
    assert article.published == date(2021, 3, 4)


def test_body_offsets_index_the_file_body() -> None:
    raw = "date 2019-12-24 Head\r\n\r\nLine one.\r\nLine two (23/12).\r\n"
    article = parse_text(raw, "x.txt", None)
    assert isinstance(article, Article)
    assert article.text == "Line one.\r\nLine two (23/12).\r\n"
    start = article.text.index("(23/12)")
    assert raw[raw.index("Line one") + start :].startswith("(23/12)")


def test_seed_header_with_impossible_date_is_rejected() -> None:
    item = parse_text("date 2019-02-30 Head\nBody text.\n", "bad.txt", date(2020, 1, 1))
    assert isinstance(item, Reject)
    assert (item.reason, item.position) == ("BAD_DATE", "line 1")


def test_plain_text_without_header_needs_a_fallback_date(fixtures: Path) -> None:
    [item] = read_inputs([str(fixtures / "plain.txt")])
    assert isinstance(item, Reject)
    assert item.reason == "NO_DATE"
    assert "plain.txt" in item.message


def test_plain_text_is_read_whole_with_first_line_as_title(fixtures: Path) -> None:
    [article] = read_inputs([str(fixtures / "plain.txt")], published=date(2022, 5, 1))
    assert isinstance(article, Article)
    assert article.title == "Talks resume after a long pause"
    assert article.text == (fixtures / "plain.txt").read_text()
    assert article.published == date(2022, 5, 1)


def test_header_only_file_is_empty_text() -> None:
    item = parse_text("date 2019-12-24 Only a headline\n\n\n", "h.txt", None)
    assert isinstance(item, Reject)
    assert item.reason == "EMPTY_TEXT"


def test_same_text_gets_the_same_id() -> None:
    first = parse_text("date 2019-12-24 Head\nBody.\n", "a.txt", None)
    second = parse_text("date 2019-12-24 Head\nBody.\n", "b.txt", None)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


def test_seed_article_reads_with_its_title_and_date() -> None:
    seed = SHARED / "seed" / "seed-article.txt"
    if not seed.exists():
        pytest.skip("shared seed article not present")
    [article] = read_inputs([str(seed)], published=date(2019, 12, 24))
    assert isinstance(article, Article)
    assert article.published == date(2019, 12, 24)
    assert article.title == (
        "Russian and Turkish FM\u2019s discuss Idlib and Libya as Turkey loses control of both"
    )
    assert article.text.startswith("MOSCOW")
    body = seed.read_text(encoding="utf-8").split("\n", 1)[1].lstrip("\n")
    assert article.text == body
