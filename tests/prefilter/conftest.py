"""Session fixtures for the pre-filter tests: the trigger words and a coder with the filter on."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.events import Lexicon
from eventwire.prefilter import TriggerWords


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="session")
def words(lexicon: Lexicon) -> TriggerWords:
    return TriggerWords.load(lexicon)


@pytest.fixture(scope="session")
def filtering_coder(coder):  # type: ignore[no-untyped-def]
    """The suite's Coder (tests/conftest.py) with the pre-filter on; the loaded data is shared."""
    return dataclasses.replace(coder, prefilter=True)


@pytest.fixture(scope="session")
def plain_coder(coder):  # type: ignore[no-untyped-def]
    return dataclasses.replace(coder, prefilter=False)


@pytest.fixture(scope="session")
def nlp(coder):  # type: ignore[no-untyped-def]
    return coder.nlp
