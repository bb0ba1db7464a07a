"""The weight of an event's sides in its confidence (events/confidence.py)."""

from __future__ import annotations

from eventwire.events.confidence import no_target, side_weight
from eventwire.records import Actor


def actor(
    code: str, country: str | None = None, agent: str | None = None, name: str | None = None
) -> Actor:
    return Actor("x", 0, 1, code, country, agent, name, None, "organisation")


def test_a_named_body_counts_fully_and_a_bare_sector_code_does_not() -> None:
    assert side_weight(actor("IGOUNO")) == side_weight(actor("NGOHRIAMN")) == 1.0
    assert side_weight(actor("GBRGOV", "GBR", "GOV")) == 1.0
    # "an international agency", "a rights group", "the government" with no country
    assert side_weight(actor("IGO")) == side_weight(actor("NGO")) == side_weight(actor("GOV")) < 1
    assert side_weight(actor("UNK")) < side_weight(actor("GOV"))
    # a body the tables name with the bare code is named all the same
    assert side_weight(actor("IGO", name="Paris Club")) == 1.0


def test_a_missing_target_costs_most_where_the_act_needs_a_counterpart() -> None:
    assert no_target("111") < no_target("172") < no_target("190")
