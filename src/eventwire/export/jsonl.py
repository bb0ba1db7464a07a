"""JSON Lines: one Event dict per line, keys exactly the record fields (records.to_dict)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from eventwire.records import Event, to_dict


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(to_dict(event), ensure_ascii=False) + "\n")
        count += 1
    return count
