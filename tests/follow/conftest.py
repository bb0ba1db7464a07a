"""Follow tests: local news sites, a quick etiquette, and the PostgreSQL server fixture."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "store"))
sys.path.insert(0, str(HERE.parent / "ingest"))

from news_site import NewsSite, news_sites  # noqa: E402
from pg_server import postgres_url  # noqa: E402, F401 - a session fixture


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with news_sites(1) as (one,):
        yield one


@pytest.fixture
def sites() -> Iterator[list[NewsSite]]:
    with news_sites(5) as five:
        yield five
