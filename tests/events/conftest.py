"""Session fixtures for the events tests: spaCy, the lexicon and codebook, and a coder helper."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from eventwire.events import Codebook, Lexicon, code_events
from eventwire.events.arguments import SpanIndex
from eventwire.records import Article, Event

from .helpers import np_actors


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return Codebook.load()


@pytest.fixture(scope="session")
def code_text(nlp, lexicon, codebook) -> Callable[[str], list[Event]]:
    """Code a text as an article published 2020-03-02, with the test actor finder."""

    def run(text: str) -> list[Event]:
        doc = nlp(text)
        article = Article("t1", None, None, date(2020, 3, 2), "", text)
        actors = np_actors(doc)
        return code_events(doc, article, actors, lexicon, codebook, index=SpanIndex(actors))

    return run
