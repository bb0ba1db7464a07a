"""Shared paths for the readers' tests; fixtures are small files written by us."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
