"""Long texts are parsed in pieces cut between paragraphs: spaCy's memory per parse is bounded,
its E088 (text over nlp.max_length) is never reached, and the article is still one Doc."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from eventwire.longtext import split_pieces
from eventwire.readers import read_inputs
from eventwire.readers.base import MAX_ARTICLE_CHARS
from eventwire.readers.text import parse_text
from eventwire.records import Article, Reject

ROOT = Path(__file__).resolve().parents[1]


@given(st.text(alphabet="ab .\n\r\t", max_size=400), st.integers(min_value=1, max_value=60))
def test_pieces_join_back_to_the_text_and_respect_the_size(text: str, size: int) -> None:
    pieces = split_pieces(text, size)
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)
    assert all(pieces[:-1])  # no empty piece, except the one piece of an empty text


def test_pieces_are_cut_after_a_paragraph_break() -> None:
    paragraphs = [f"Paragraph {n} says something. It goes on a while." for n in range(40)]
    text = "\n\n".join(paragraphs) + "\n"
    pieces = split_pieces(text, 500)
    assert len(pieces) > 3
    for piece in pieces[:-1]:
        assert piece.endswith(".\n\n") and piece[0] == "P"


def test_a_text_without_breaks_or_spaces_is_cut_at_the_size() -> None:
    assert split_pieces("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_pieces("one two three four", 8) == ["one two ", "three ", "four"]


def test_a_long_article_is_coded_in_pieces_as_one_doc_without_e088(coder) -> None:
    bodies = [
        parse_text(path.read_text(encoding="utf-8"), path.name, None)
        for path in sorted((ROOT / "examples/articles").glob("*.txt"))
    ]
    text = "\n\n".join(body.text.strip() for body in bodies if isinstance(body, Article))
    article = Article("long", None, None, date(2022, 1, 11), "Long", text)
    whole = coder.analyse(article)
    pieces = dataclasses.replace(coder, piece_chars=600)
    max_length = coder.nlp.max_length
    coder.nlp.max_length = 700  # spaCy refuses a longer text in one parse (E088)
    try:
        doc = pieces.parse(article.text)
        cut = pieces.analyse(article)
    finally:
        coder.nlp.max_length = max_length
    assert doc.text == article.text
    assert len(split_pieces(article.text, 600)) > 5
    # Every cut falls between paragraphs here: the same analysis as one parse.
    assert (cut.events, cut.times, cut.places, cut.actors) == (
        whole.events,
        whole.times,
        whole.places,
        whole.actors,
    )
    assert len(cut.events) > 10


def test_an_article_over_the_character_limit_is_an_oversized_reject(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    record = {"id": "big", "published": "2020-01-01", "text": "word " * (MAX_ARTICLE_CHARS // 5)}
    small = {"id": "small", "published": "2020-01-01", "text": "A short text."}
    record["text"] += "!"
    path.write_text(json.dumps(record) + "\n" + json.dumps(small) + "\n")
    big, kept = list(read_inputs([str(path)]))
    assert isinstance(big, Reject) and big.reason == "OVERSIZED"
    assert big.position == "line 1" and f"{MAX_ARTICLE_CHARS:,} characters" in big.message
    assert isinstance(kept, Article) and kept.published == date(2020, 1, 1)
