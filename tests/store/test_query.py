"""The shared WHERE builder: an inclusive date bound becomes a seekable bound on order_key."""

from __future__ import annotations

import pytest

from eventwire.store.base import EventQuery
from eventwire.store.query import event_filters, period_after


@pytest.mark.parametrize(
    ("bound", "after"),
    [
        ("2019", "2020"),
        ("2019-12", "2020-01"),
        ("2019-02", "2019-03"),
        ("2019-12-31", "2020-01-01"),
        ("2020-02-28", "2020-02-29"),
        ("2019-13", None),
        ("2019-02-30", None),
        ("2019-W05", None),
    ],
)
def test_period_after(bound: str, after: str | None) -> None:
    assert period_after(bound) == after


def test_date_to_is_a_plain_bound() -> None:
    conds, params = event_filters(EventQuery(date_to="2019-12"))
    assert conds == ["order_key < ?"] and params == ["2020-01"]
    conds, params = event_filters(EventQuery(date_to="2019-W05"))  # any other shape: cut compare
    assert conds[0].startswith("substr(order_key") and params[:2] == [8, "2019-W05"]
