"""The command line as a user runs it: real subprocesses, real files, a real DuckDB store."""

from __future__ import annotations

import gzip
import json
import shutil
from io import BytesIO
from pathlib import Path

import pytest

from cli_runner import eventwire
from eventwire.readers import read_inputs
from eventwire.records import Article, Reject
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "readers" / "fixtures"


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2021-07-15T08:00:00Z"},
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good and broken files of every input kind in one directory tree."""
    root = tmp_path_factory.mktemp("mixed")
    for name in ("page-dated.html", "page-empty.html", "feed.rss", "feed-broken.rss"):
        shutil.copy(FIXTURES / name, root / name)
    (root / "wire").mkdir()
    shutil.copy(FIXTURES / "articles.jsonl", root / "wire" / "articles.jsonl")
    shutil.copy(ROOT / "examples" / "articles" / "07-belarus-sanctions.txt", root / "seed.txt")
    (root / "undated.txt").write_text("Troops crossed the border at dawn, officials said.\n")
    page = (FIXTURES / "page-dated.html").read_bytes().replace(b"Ceasefire", b"Truce")
    write_warc(root / "crawl.warc.gz", [("https://news.example.org/truce", page)])
    whole = (root / "crawl.warc.gz").read_bytes()
    (root / "cut.warc.gz").write_bytes(gzip.compress(gzip.decompress(whole)[:-200]))
    return root


def test_a_file_without_a_date_is_refused_naming_the_file(tmp_path: Path):
    undated = tmp_path / "undated.txt"
    undated.write_text("The army withdrew from the town on Monday.\n")
    done = eventwire("code", str(undated))
    assert done.returncode != 0
    assert "undated.txt" in done.stderr and "date" in done.stderr.lower()
    dated = eventwire("code", str(undated), "--published", "2020-01-08", "--format", "jsonl")
    assert dated.returncode == 0, dated.stderr


def test_a_bad_json_line_is_a_reject_and_the_other_lines_are_coded(tmp_path: Path):
    lines = [
        {
            "id": "ok-1",
            "published": "2021-03-02",
            "title": "t",
            "text": "Syrian rebels attacked a base.",
        },
        "{not json",
        {"id": "ok-2", "published": "2021-03-03", "title": "t", "text": "France condemned Iran."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x)) + "\n" for x in lines))
    done = eventwire("code", str(path), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert "line 2" in done.stderr and "batch.jsonl" in done.stderr
    coded = {json.loads(line)["article_id"] for line in done.stdout.splitlines()}
    assert coded == {"ok-1", "ok-2"}


def test_mixed_directory_is_stored_once_and_every_bad_record_is_a_reject(
    mixed_dir: Path, tmp_path: Path
):
    db = str(tmp_path / "mixed.duckdb")
    items = list(read_inputs([str(mixed_dir)]))
    good = {i.id for i in items if isinstance(i, Article)}
    bad = [i for i in items if isinstance(i, Reject)]
    assert good and bad
    assert {Path(r.source_file).name for r in bad} >= {"feed-broken.rss", "undated.txt"}

    first = eventwire("ingest", str(mixed_dir), "--db", db)
    assert first.returncode == 0, first.stderr
    store = open_store(db, read_only=True)
    try:
        stored = {row[0] for row in store.rows("SELECT id FROM articles")}
        rejects = store.rejects()
    finally:
        store.close()
    assert stored == good
    assert len(rejects) == len(bad) and all(r.reason for r in rejects)

    again = eventwire("ingest", str(mixed_dir), "--db", db)
    assert again.returncode == 0, again.stderr
    store = open_store(db, read_only=True)
    try:
        assert store.rows("SELECT count(*) FROM articles")[0][0] == len(good)
        assert len(store.rejects()) == len(bad)
    finally:
        store.close()


def test_strict_makes_a_reject_a_failure(mixed_dir: Path, tmp_path: Path):
    done = eventwire("ingest", str(mixed_dir), "--db", str(tmp_path / "s.duckdb"), "--strict")
    assert done.returncode != 0


def test_ingest_then_query_and_export(tmp_path: Path):
    db = str(tmp_path / "ex.duckdb")
    assert eventwire("ingest", str(ROOT / "examples" / "articles"), "--db", db).returncode == 0
    listed = eventwire("events", "--db", db, "--plover", "sanction", "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["plover"]["type"] == "SANCTION" for r in rows)
    out = tmp_path / "events.tsv"
    exported = eventwire("export", "--format", "gdelt", "--out", str(out), "--db", db)
    assert exported.returncode == 0, exported.stderr
    lines = out.read_text().splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    summary = eventwire("summary", "--db", db)
    assert summary.returncode == 0 and "events by PLOVER type" in summary.stdout


def test_bad_option_is_a_clear_error_without_traceback(tmp_path: Path):
    done = eventwire("code", str(tmp_path), "--published", "05/06/2019")  # May or June?
    assert done.returncode == 2
    assert "ambiguous" in done.stderr and "YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr


def test_max_bytes_turns_a_large_record_into_a_reject(tmp_path: Path):
    path = tmp_path / "big.jsonl"
    text = "Rebels attacked an army base. " * 40
    path.write_text(json.dumps({"id": "big", "published": "2021-03-02", "text": text}) + "\n")
    done = eventwire("code", str(path), "--max-bytes", "500", "--format", "jsonl")
    assert done.returncode != 0 and "OVERSIZED" in done.stderr


def test_eval_times_writes_disagreements(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2004-03-10">'
        '20040310</TIMEX3></DCT><TEXT>Envoys met <TIMEX3 tid="t1" type="DATE" '
        'value="2004-03-01">Monday</TIMEX3> in Rome.</TEXT></TimeML>',
        "utf-8",
    )
    errors = tmp_path / "errors.jsonl"
    run = eventwire("eval", "times", str(gold), "--errors", str(errors))
    assert run.returncode == 0, run.stderr
    assert "value F1 0.000" in run.stdout and "1 disagreements written" in run.stdout
    [row] = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert row["kind"] == "value" and row["document"] == "a"
    assert (row["gold"]["value"], row["system"]["value"]) == ("2004-03-01", "2004-03-08")


def test_eval_events_writes_wrongly_coded_sentences(tmp_path: Path) -> None:
    gold = tmp_path / "plv.tsv"
    gold.write_text(
        "sentence\tmarked_sentence\tgold_root\n"
        "Iran praised Iraq.\t<s>Iran</s> praised <t>Iraq</t>.\tASSAULT\n",
        "utf-8",
    )
    errors = tmp_path / "errors.jsonl"
    run = eventwire("eval", "events", str(gold), "--errors", str(errors))
    assert run.returncode == 0, run.stderr
    [row] = [json.loads(line) for line in errors.read_text("utf-8").splitlines()]
    assert (row["kind"], row["gold_type"]) == ("missed", "ASSAULT")
    assert [e["plover"]["type"] for e in row["events"]] == ["SUPPORT"]
    assert row["events"][0]["evidence"]["trigger"] == "praised"


def test_output_for_logs_never_wraps_or_cuts_a_line(tmp_path: Path) -> None:
    """Piped (no terminal, no COLUMNS), the ingest summary naming a long store path and the
    event table's long actor names stay whole, one line each."""
    deep = tmp_path / ("a-directory-name-long-enough-to-pass-eighty-columns-" * 3)
    deep.mkdir()
    db = deep / "store.duckdb"
    article = ROOT / "examples" / "articles" / "07-belarus-sanctions.txt"
    run = eventwire("ingest", str(article), "--db", str(db))
    assert run.returncode == 0, run.stderr
    summary = [line for line in run.stderr.splitlines() if line.startswith("read ")]
    assert len(summary) == 1 and f"-> {db}" in summary[0], run.stderr
    table = eventwire("events", "--db", str(db), "--limit", "50")
    assert table.returncode == 0, table.stderr
    assert "…" not in table.stdout  # no name cut short for a terminal that is not there
    widths = {len(line) for line in table.stdout.splitlines() if line.startswith("│")}
    assert len(widths) == 1 and max(widths) > 80  # one row per line, wider than a terminal


def test_min_confidence_leaves_out_remarks_and_says_how_many(tmp_path: Path) -> None:
    text = tmp_path / "remarks.txt"
    text.write_text("Iran criticised Israel on Monday.\n\nTurkey criticised the decision.\n")
    default = eventwire("code", str(text), "--published", "2024-05-01", "--format", "jsonl")
    assert default.returncode == 0, default.stderr
    assert [json.loads(line)["cameo"] for line in default.stdout.splitlines()] == ["111"]
    assert "1 events under confidence 0.5 left out" in default.stderr
    everything = eventwire(
        "code", str(text), "--published", "2024-05-01", "--format", "jsonl", "--min-confidence", "0"
    )
    assert len(everything.stdout.splitlines()) == 2 and "left out" not in everything.stderr
    stored = eventwire(
        "ingest", str(text), "--published", "2024-05-01", "--db", str(tmp_path / "s.duckdb")
    )
    assert "; 1 events -> " in stored.stderr and "1 events under confidence 0.5 left out" in (
        stored.stderr
    )
    wrong = eventwire("code", str(text), "--published", "2024-05-01", "--min-confidence", "2")
    assert wrong.returncode == 2 and "--min-confidence" in wrong.stderr


def test_rejects_lists_every_reject_page_by_page(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{}\n" * 1203)  # over the 1,000 kept per file: one more counts the rest
    db = str(tmp_path / "r.duckdb")
    assert eventwire("ingest", str(bad), "--db", db).returncode == 0
    lines = eventwire("rejects", "--db", db, "--format", "jsonl")
    assert lines.returncode == 0, lines.stderr
    rows = [json.loads(line) for line in lines.stdout.splitlines()]
    assert len(rows) == 1001 and rows[-1]["reason"] == "TOO_MANY_REJECTS"
    assert "203 more rejects" in rows[-1]["message"]
    table = eventwire("rejects", "--db", db, "--limit", "1001")
    assert "rejects 1-1,000 of 1,001" in table.stdout
    assert "rejects 1,001-1,001 of 1,001" in table.stdout
    assert eventwire("rejects", "--db", db, "--format", "csv").returncode == 2
