"""Session fixtures for the actor tests: the spaCy model and the actor dictionary, loaded once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorDictionary, find_actors
from eventwire.nlp import load_nlp
from eventwire.records import Actor


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def dictionary() -> ActorDictionary:
    return ActorDictionary.load()


@pytest.fixture(scope="session")
def actors_of(nlp: Language, dictionary: ActorDictionary) -> Callable[..., list[Actor]]:
    """Parse a text and find its actors on a date (default 2019-12-24)."""

    def run(
        text: str, day: date = date(2019, 12, 24), using: ActorDictionary | None = None
    ) -> list[Actor]:
        return find_actors(nlp(text), day, using or dictionary)

    return run


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Callable[[str], Doc]:
    return nlp
