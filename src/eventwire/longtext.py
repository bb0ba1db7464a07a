"""Long articles parsed in pieces, so that spaCy's memory per parse stays bounded.

spaCy's parser and NER take temporary memory in proportion to the length of the text they parse
(about 1 GB per 100,000 characters by spaCy's own estimate) and refuse texts over
`nlp.max_length` (1,000,000 characters, error E088). A text longer than `PIECE_CHARS` is cut into
consecutive pieces of at most `PIECE_CHARS` characters, cut between paragraphs where it can be;
every piece is parsed on its own (pieces of many texts share batches of at most `BATCH_CHARS`
characters) and the pieces' Docs are joined into one Doc of the
whole text (`Doc.from_docs`): text, offsets, sentences, entities and parses are those of the
pieces, and every stage after the parse sees one article.

A cut between paragraphs changes the parse of nothing but the few words on each side of the cut,
which no longer see the words across it (the small model's token vectors look four words each
way); a paragraph break ends a sentence anyway. Where a piece holds no paragraph break it is cut
at a line break, else after a sentence end, else at a space, else (a text without spaces) at
`PIECE_CHARS`.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

PIECE_CHARS = 20_000
# Characters parsed in one batch at most (a batch of 32 news articles is about 80,000): what
# bounds spaCy's memory, since the pieces of one long text would otherwise share a batch.
BATCH_CHARS = 100_000
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")  # linear: each run is scanned once
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` as consecutive pieces of at most `size` characters; "".join(pieces) == text."""
    if size < 1:
        raise ValueError("size must be at least 1")
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start, start + size)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where the piece starting at `start` ends (start < cut <= limit)."""
    window = text[start:limit]
    last = None
    for last in _PARAGRAPH_BREAK.finditer(window):  # noqa: B007 - the last break is wanted
        pass
    if last is not None:
        end = last.end()
        while end < len(window) and window[end].isspace():  # the blank run stays in this piece
            end += 1
        return start + end
    for finder in (lambda w: w.rfind("\n") + 1, _after_sentence_end, _after_space):
        end = finder(window)
        if end > 0:
            return start + end
    return limit


def _after_sentence_end(window: str) -> int:
    last = None
    for last in _SENTENCE_END.finditer(window):  # noqa: B007
        pass
    return last.end() if last is not None else 0


def _after_space(window: str) -> int:
    for index in range(len(window) - 1, 0, -1):
        if window[index].isspace():
            return index + 1
    return 0


def parse_texts(
    nlp: Language,
    texts: Iterable[str],
    batch_size: int = 32,
    *,
    piece_chars: int = PIECE_CHARS,
    batch_chars: int = BATCH_CHARS,
    prepare: Callable[[str], str | Doc] | None = None,
) -> Iterator[Doc]:
    """One parsed Doc per text, in order, each text parsed in pieces of <= `piece_chars`, at
    most `batch_size` pieces and (unless one piece is longer) `batch_chars` characters a batch.

    `prepare` turns a piece into what `nlp.pipe` takes (a Doc with preset sentence starts, say).
    """
    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_pieces(text, piece_chars)
            counts.append(len(parts))
            yield from parts

    def parsed() -> Iterator[Doc]:
        batch: list[str] = []
        chars = 0
        for piece in pieces():
            if batch and (len(batch) >= batch_size or chars + len(piece) > batch_chars):
                yield from _pipe(nlp, batch, prepare)
                batch, chars = [], 0
            batch.append(piece)
            chars += len(piece)
        if batch:
            yield from _pipe(nlp, batch, prepare)

    docs = parsed()
    for first in docs:
        count = counts.popleft()
        if count == 1:
            yield first
            continue
        parts = [first, *(next(docs) for _ in range(count - 1))]
        yield Doc.from_docs(parts, ensure_whitespace=False)


def _pipe(
    nlp: Language, batch: list[str], prepare: Callable[[str], str | Doc] | None
) -> Iterator[Doc]:
    inputs = [prepare(piece) for piece in batch] if prepare is not None else batch
    return nlp.pipe(inputs, batch_size=len(batch))
