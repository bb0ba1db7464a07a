"""Ingest test helpers are plain modules beside the tests (pytest uses --import-mode=importlib);
the PostgreSQL server fixture comes from the store tests' folder."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "store"))

from pg_server import postgres_url  # noqa: E402, F401 - a session fixture
