"""GDELT-style update files: a zipped 61-column CSV named by its interval, and lastupdate.txt."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from ingest_helpers import sentence_events

from eventwire.export.gdelt import COLUMNS
from eventwire.follow.updates import LAST_UPDATE, interval_start, write_update
from eventwire.records import Article

FIFTEEN = timedelta(minutes=15)


def events_of(number: int) -> list:
    article = Article(f"a{number}", "wire", None, date(2024, 5, 1), "T", f"Envoys met {number}.")
    return sentence_events(article)


def rows(path: Path) -> list[list[str]]:
    with zipfile.ZipFile(path) as archive:
        (name,) = archive.namelist()
        assert name == path.name.removesuffix(".zip")
        text = archive.read(name).decode("utf-8")
    return [line.split("\t") for line in text.splitlines()]


def test_intervals_start_on_the_quarter_hour_in_utc() -> None:
    moment = datetime(2024, 5, 1, 12, 7, 31, tzinfo=UTC)
    assert interval_start(moment, FIFTEEN) == datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
    assert interval_start(moment, timedelta(hours=1)) == datetime(2024, 5, 1, 12, tzinfo=UTC)


def test_an_update_file_is_named_by_its_interval_and_listed_with_size_and_md5(
    tmp_path: Path,
) -> None:
    moment = datetime(2024, 5, 1, 12, 7, tzinfo=UTC)
    path = write_update(tmp_path, events_of(1), {"a1": "http://x/1"}, moment, FIFTEEN)
    assert path.name == "20240501120000.export.CSV.zip"
    (row,) = rows(path)
    assert len(row) == len(COLUMNS) == 61
    assert row[COLUMNS.index("DATEADDED")] == "20240501120000"
    assert row[COLUMNS.index("SOURCEURL")] == "http://x/1"
    size, md5, name = (tmp_path / LAST_UPDATE).read_text().split()
    data = path.read_bytes()
    assert (int(size), md5, name) == (len(data), hashlib.md5(data).hexdigest(), path.name)


def test_a_second_poll_in_the_same_interval_adds_its_rows(tmp_path: Path) -> None:
    moment = datetime(2024, 5, 1, 12, 7, tzinfo=UTC)
    write_update(tmp_path, events_of(1), {}, moment, FIFTEEN)
    path = write_update(tmp_path, events_of(2), {}, moment + timedelta(minutes=5), FIFTEEN)
    later = write_update(tmp_path, events_of(3), {}, moment + FIFTEEN, FIFTEEN)
    assert len(rows(path)) == 2 and len(rows(later)) == 1
    assert (tmp_path / LAST_UPDATE).read_text().split()[2] == "20240501121500.export.CSV.zip"
    assert not list(tmp_path.glob(".*tmp"))
