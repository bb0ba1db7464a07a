"""CSV: one event per row, flat columns with a header; empty where there is no value.

Text comes from news articles anyone may write, and a spreadsheet runs a cell that starts with
`=`, `+`, `-` or `@` (or a tab or carriage return before them) as a formula. With
`spreadsheet_safe` such a text cell is written with a leading `'` (the usual escape: the
spreadsheet shows the text and runs nothing); numbers are written as they are. The API's CSV
downloads are always escaped; `eventwire export --format csv` writes the data exactly unless
asked (`--spreadsheet-safe`), since pandas, R and DuckDB read it as data and would keep the `'`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from eventwire.export.flat import FLAT_COLUMNS, flat_row
from eventwire.records import Event

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text cell a spreadsheet will show and not run; anything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(events: Iterable[Event], out: TextIO, *, spreadsheet_safe: bool = False) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    count = 0
    for event in events:
        row = ["" if v is None else v for v in flat_row(event)]
        writer.writerow([spreadsheet_cell(v) for v in row] if spreadsheet_safe else row)
        count += 1
    return count
