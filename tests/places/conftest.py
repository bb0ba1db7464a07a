"""Shared fixtures of the places tests: spaCy and the gazetteer are loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.nlp import load_nlp
from eventwire.places.gazetteer import Gazetteer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()
