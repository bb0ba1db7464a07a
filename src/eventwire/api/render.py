"""Events as JSON, CSV or JSON Lines responses."""

from __future__ import annotations

import dataclasses
import io
import json
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from fastapi.responses import JSONResponse, Response

from eventwire.export.csv_format import write_csv
from eventwire.records import Event

_SCALARS = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(value_type: type) -> tuple[str, ...] | None:
    """The field names of a record type, None for anything else (cached per type)."""
    if not dataclasses.is_dataclass(value_type):
        return None
    return tuple(f.name for f in dataclasses.fields(value_type))


def record_json(value: Any) -> Any:
    """The same dict as records.to_dict (a test pins that), built without asdict's deep copies:
    a page of events is serialised several times faster."""
    value_type = type(value)
    if value_type in _SCALARS:
        return value
    names = _field_names(value_type)
    if names is not None:
        return {name: record_json(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [record_json(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def event_json(event: Event) -> dict[str, Any]:
    return record_json(event)


def events_csv(events: Sequence[Event]) -> str:
    """The export's CSV columns (dates split, export.csv_format), escaped for spreadsheets: a
    download is opened in one, and its text comes from articles anyone may write."""
    out = io.StringIO()
    write_csv(events, out, spreadsheet_safe=True)
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
