"""Schemathesis, in process: requests generated from the OpenAPI schema never get a 5xx.

The app has a token, so the write routes answer 401 to generated requests and no coder loads;
every read route is exercised with generated filters (valid and invalid) against the real
stores, DuckDB and PostgreSQL.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from eventwire.api.app import create_app

EXAMPLES = 25  # per operation and mode: bounded, so the run stays short


def _fuzz_operation(operation, mode: GenerationMode) -> bool:
    """Fuzz one operation; False when the schema admits no invalid request for it."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
    )
    def run(case) -> None:
        response = case.call()
        where = f"{case.method} {case.formatted_path} {case.query}"
        assert response.status_code < 500, f"{where}: {response.text[:300]}"
        if response.status_code >= 400:
            assert set(response.json()) == {"error"}, where

    try:
        run()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        return False
    return True


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["store", "pg_store"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_errors(
    request: pytest.FixtureRequest, backend: str, mode: GenerationMode
) -> None:
    store = request.getfixturevalue(backend)  # DuckDB, then PostgreSQL
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(store, token="fuzz"))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9
    fuzzed = [operation.label for operation in operations if _fuzz_operation(operation, mode)]
    assert len(fuzzed) >= 6, fuzzed
