from __future__ import annotations

import pytest

from eventwire.errors import EventwireError, RejectReason


def test_every_reason_has_its_name_as_code_and_a_hint() -> None:
    for reason in RejectReason:
        assert reason.value == reason.name
        assert reason == reason.name  # a str: stored and compared as plain text
        assert reason.hint and "\n" not in reason.hint


def test_reasons_round_trip_from_their_code() -> None:
    assert RejectReason("NO_DATE") is RejectReason.NO_DATE
    with pytest.raises(ValueError):
        RejectReason("NOT_A_REASON")


def test_error_message_carries_code_and_hint() -> None:
    error = EventwireError("no such file: x.txt", code="NOT_FOUND", hint="check the path")
    assert str(error) == "NOT_FOUND: no such file: x.txt (check the path)"
    assert (error.code, error.hint, error.message) == ("NOT_FOUND", "check the path", error.message)
    assert str(EventwireError("plain")) == "ERROR: plain"


def test_error_from_a_reject_reason_uses_its_hint() -> None:
    error = EventwireError.from_reason(RejectReason.NO_DATE, "a.txt has no date")
    assert error.code == "NO_DATE"
    assert "--published" in error.hint
