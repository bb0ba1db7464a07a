"""Spans.overlaps: the overlap test the actor and place stages share."""

from eventwire.spans import Spans


def test_overlap_by_bisection_matches_a_scan() -> None:
    spans = [(10, 20), (0, 3), (15, 40), (50, 55)]
    found = Spans(spans)
    for start in range(0, 60):
        for end in range(start + 1, 61):
            scan = any(s < end and start < e for s, e in spans)
            assert found.overlaps(start, end) == scan, (start, end)
    assert not Spans([]).overlaps(0, 10)
