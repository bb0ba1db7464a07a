"""CSV: one event per row, flat columns with a header; empty where there is no value."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from eventwire.export.flat import FLAT_COLUMNS, flat_row
from eventwire.records import Event


def write_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    count = 0
    for event in events:
        writer.writerow(["" if v is None else v for v in flat_row(event)])
        count += 1
    return count
