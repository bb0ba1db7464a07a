"""Events as JSON, CSV or JSON Lines responses."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from fastapi.responses import JSONResponse, Response

from eventwire.records import Event, to_dict
from eventwire.store import schema

# CSV columns: the store's flat event columns, less its internal sort key
CSV_COLUMNS = [name for name in schema.EVENT_NAMES if name != "order_key"]


def event_json(event: Event) -> dict[str, Any]:
    return to_dict(event)


def events_csv(events: Sequence[Event]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row = dict(zip(schema.EVENT_NAMES, schema.event_row(event), strict=True))
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])
    return out.getvalue()


def events_jsonl(events: Sequence[Event]) -> str:
    return "".join(json.dumps(event_json(e), ensure_ascii=False) + "\n" for e in events)


def events_response(
    events: Sequence[Event], fmt: str, next_cursor: str | None, next_url: str | None
) -> Response:
    """A page of events; CSV and JSON Lines carry the next cursor in headers."""
    headers = {}
    if next_cursor is not None and next_url is not None:
        headers = {"X-Next-Cursor": next_cursor, "Link": f'<{next_url}>; rel="next"'}
    if fmt == "csv":
        return Response(events_csv(events), media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "jsonl":
        return Response(events_jsonl(events), media_type="application/x-ndjson", headers=headers)
    body = {
        "events": [event_json(e) for e in events],
        "count": len(events),
        "next": next_cursor,
        "next_url": next_url,
    }
    return JSONResponse(body, headers=headers)
