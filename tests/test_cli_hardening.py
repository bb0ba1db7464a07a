"""The command line is as strict as the API and reads dates as every input does: real
subprocesses on a real DuckDB store."""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from cli_runner import eventwire
from eventwire.store.base import CodedArticle
from eventwire.store.duckdb import DuckDBStore

sys.path.insert(0, str(Path(__file__).resolve().parent / "store"))
from store_samples import SYRIA, article, event  # noqa: E402

KABUL = "KABUL, Aug. 15, 2021 (Reuters) - Taliban fighters entered Kabul on Sunday.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    store = DuckDBStore(path)
    events = [
        event("e1", date_value="2020-01-02"),
        event("e2", date_value="2016-12-17", cameo="190", plover="ASSAULT", quad=4),
        event("e3", date_value="2016", place=SYRIA),
    ]
    store.write_batch([CodedArticle(article("a1"), events)], [])
    store.close()
    return str(path)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["events", "--from", "17/12/2016"], ["--from", "YYYY-MM-DD", "2016-12-17"]),
        (["events", "--to", "2016-13"], ["--to", "not a calendar date"]),
        (["events", "--plover", "FIGHT"], ["--plover", "CONSULT", "ASSAULT"]),
        (["events", "--quad", "7"], ["--quad", "1 (verbal cooperation)", "4 (material conflict)"]),
        (["events", "--cameo", "19x"], ["--cameo", "2 to 4 digits"]),
        (["events", "--actor", "R;DROP"], ["--actor", "3-15 letters"]),
        (["events", "--limit", "0"], ["--limit"]),
        (["export", "--format", "jsonl", "-o", "-", "--plover", "FIGHT"], ["--plover"]),
        (["export", "--format", "csv", "-o", "-", "--from", "yesterday"], ["--from"]),
        (["clusters", "--quad", "7"], ["--quad", "4 (material conflict)"]),
        (["clusters", "--from", "2017", "--to", "2016-12"], ["--to is before --from"]),
    ],
)
def test_bad_filters_exit_2_naming_the_valid_values(db: str, args: list[str], says: list[str]):
    done = eventwire(*args, "--db", db)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == ""
    for words in says:
        assert words in done.stderr, done.stderr


def test_good_filters_still_select(db: str):
    done = eventwire("events", "--db", db, "--from", "2016-12", "--quad", "4", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ["e2"]
    lower = eventwire("events", "--db", db, "--plover", "consult", "--format", "jsonl")
    assert {json.loads(line)["id"] for line in lower.stdout.splitlines()} == {"e1", "e3"}


def test_geojson_export_says_how_many_events_it_left_out(db: str, tmp_path: Path):
    out = tmp_path / "events.geojson"
    done = eventwire("export", "--db", db, "--format", "geojson", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert len(json.loads(out.read_text())["features"]) == 2
    assert "1 matching events were left out" in done.stderr.replace("\n", " ")


def test_csv_export_spreadsheet_safe_is_an_option(db: str, tmp_path: Path):
    done = eventwire("export", "--db", db, "--format", "jsonl", "-o", "-", "--spreadsheet-safe")
    assert done.returncode == 2 and "csv" in done.stderr
    done = eventwire("export", "--db", db, "--format", "csv", "-o", "-", "--spreadsheet-safe")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split(",")[28:32] == [
        "date",
        "date_precision",
        "time_of_day",
        "date_value",
    ]


def test_version():
    done = eventwire("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"eventwire {version('eventwire')}"


@pytest.mark.parametrize("token", ["", "  "])
def test_serve_refuses_an_empty_token(db: str, token: str):
    done = eventwire("serve", "--db", db, "--token", token, timeout=60)
    assert done.returncode == 2
    assert "--token is empty" in done.stderr


def test_times_without_a_date_names_its_own_option_and_standard_input():
    done = eventwire("times", "-", stdin="Troops crossed the border on Monday.\n")
    assert done.returncode != 0
    assert "--dct" in done.stderr and "standard input" in done.stderr
    assert "--published" not in done.stderr and "- file" not in done.stderr


def test_times_reads_the_date_of_a_wire_dateline(tmp_path: Path):
    path = tmp_path / "kabul.txt"
    path.write_text(KABUL)
    done = eventwire("times", str(path))
    assert done.returncode == 0, done.stderr
    values = [json.loads(line)["value"] for line in done.stdout.splitlines()]
    assert "2021-08-15" in values  # "Sunday" resolved against the dateline's date


def test_published_in_a_written_form(tmp_path: Path):
    path = tmp_path / "undated.txt"
    path.write_text("Russian Foreign Minister Sergey Lavrov met Wang Yi in Beijing on Monday.\n")
    done = eventwire("code", str(path), "--published", "Aug 16, 2021", "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["date"] for line in done.stdout.splitlines()] == ["2021-08-16"]
    bad = eventwire("code", str(path), "--published", "05/06/2021")
    assert bad.returncode == 2 and "ambiguous" in bad.stderr
