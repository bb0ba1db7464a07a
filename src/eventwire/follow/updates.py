"""Update files as GDELT 2.0 publishes them, so tools that read GDELT's feed can read eventwire's.

After a poll that stored events, DIR gets `YYYYMMDDHHMMSS.export.CSV.zip`: one zipped CSV (tab
separated, no header, the 61 columns of `eventwire.export.gdelt`) named by the start of the poll
interval (UTC) it belongs to, with DATEADDED set to that same stamp; and `lastupdate.txt`, one
line "SIZE MD5 NAME" for the newest file, as GDELT's. A second poll in the same interval (a
restart) adds its rows to that interval's file. Files are written under a temporary name and
renamed, so a reader never sees half of one.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from eventwire.export.gdelt import COLUMNS, gdelt_row
from eventwire.records import Event

LAST_UPDATE = "lastupdate.txt"
_DATEADDED = COLUMNS.index("DATEADDED")


def interval_start(moment: datetime, every: timedelta) -> datetime:
    """The start of the interval of length `every` (counted from midnight UTC) holding
    `moment`: 12:07 with 15 minutes gives 12:00."""
    moment = moment.astimezone(UTC)
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    step = max(int(every.total_seconds()), 1)
    into = int((moment - midnight).total_seconds()) // step * step
    return midnight + timedelta(seconds=into)


def write_update(
    out_dir: Path,
    events: Sequence[Event],
    urls: Mapping[str, str],
    moment: datetime,
    every: timedelta,
) -> Path:
    """Write (or extend) the update file of the interval holding `moment`; returns its path."""
    stamp = interval_start(moment, every).strftime("%Y%m%d%H%M%S")
    inner = f"{stamp}.export.CSV"
    path = out_dir / f"{inner}.zip"
    out_dir.mkdir(parents=True, exist_ok=True)
    text = _earlier_rows(path, inner) + "".join(_line(e, urls, stamp) for e in events)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(inner, text)
    data = buffer.getvalue()
    _replace(path, data)
    line = f"{len(data)} {hashlib.md5(data).hexdigest()} {path.name}\n"  # noqa: S324 - GDELT's
    _replace(out_dir / LAST_UPDATE, line.encode("ascii"))
    return path


def _line(event: Event, urls: Mapping[str, str], stamp: str) -> str:
    row = gdelt_row(event, urls.get(event.article_id, ""))
    row[_DATEADDED] = stamp
    return "\t".join(row) + "\n"


def _earlier_rows(path: Path, inner: str) -> str:
    if not path.exists():
        return ""
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(inner).decode("utf-8")
    except (zipfile.BadZipFile, KeyError, OSError):
        return ""  # not ours or damaged: this interval's file starts again


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
