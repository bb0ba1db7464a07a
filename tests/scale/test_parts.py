"""Workers that write Parquet parts themselves (`ingest --parquet-dir`) give the dataset that
`eventwire export --format parquet` gives for a one-process ingest, row for row; reruns and
resumed runs never add a copy; bad records are reported, recorded and skipped.

Real coders in real spawned processes and in Dask's LocalCluster; datasets compared as sorted rows.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from cli_runner import eventwire
from eventwire.errors import EventwireError
from eventwire.ingest import ingest
from eventwire.records import Article
from eventwire.scale import CodingFailure
from eventwire.scale.ledger import LEDGER, REJECTS, PartsLedger
from eventwire.scale.parts import batch_key, partition_dir
from eventwire.scale.pools import CoderSpec
from eventwire.scale.writers import InlineWriter, ProcessWriter
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles.jsonl"
ALL = ("--min-confidence", "0")  # the command line keeps every event, as the library does


def rows(dataset: Path) -> list[dict]:
    """Every row of a hive Parquet dataset (partition keys included), sorted by event id."""
    table = ds.dataset(dataset, format="parquet", partitioning="hive").to_table()
    return sorted(table.to_pylist(), key=lambda row: row["id"])


def files(dataset: Path) -> list[str]:
    return sorted(str(p.relative_to(dataset)) for p in dataset.rglob("*.parquet"))


def ingest_parts(out: Path, writer, inputs: list[Path], batch_size: int = 3):  # noqa: ANN001, ANN201
    with PartsLedger.open(out) as ledger:
        return ingest([str(p) for p in inputs], ledger, writer, batch_size=batch_size)


@pytest.fixture(scope="module")
def exported(coder, tmp_path_factory) -> list[dict]:
    """The examples ingested in one process into DuckDB, then `eventwire export --format
    parquet`: what every dataset written by workers must equal."""
    tmp = tmp_path_factory.mktemp("one")
    with open_store(tmp / "one.duckdb") as store:
        ingest([str(EXAMPLES)], store, coder.code_batch, batch_size=4)
    run = eventwire(
        "export",
        "--format",
        "parquet",
        "--out",
        str(tmp / "export"),
        "--db",
        str(tmp / "one.duckdb"),
    )
    assert run.returncode == 0, run.stderr
    exported = rows(tmp / "export")
    assert len(exported) > 50
    return exported


def test_inline_parts_equal_the_export_and_a_rerun_adds_nothing(
    coder, exported, tmp_path: Path
) -> None:
    out = tmp_path / "parts"
    report = ingest_parts(out, InlineWriter(coder.code_batch, out), [EXAMPLES])
    assert report.stored == 13 and report.events == len(exported) and report.rejects == 0
    assert rows(out) == exported
    written = files(out)
    again = ingest_parts(out, InlineWriter(coder.code_batch, out), [EXAMPLES])
    assert again.inputs_skipped == 1 and again.stored == 0
    assert files(out) == written and rows(out) == exported
    (out / LEDGER).unlink()  # the ledger lost: everything is coded again, into the same files
    lost = ingest_parts(out, InlineWriter(coder.code_batch, out), [EXAMPLES])
    assert lost.stored == 13 and files(out) == written and rows(out) == exported


def test_part_names_come_from_the_batch_article_ids(coder, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    ingest_parts(first, InlineWriter(coder.code_batch, first), [EXAMPLES], batch_size=5)
    ingest_parts(second, InlineWriter(coder.code_batch, second), [EXAMPLES], batch_size=5)
    assert files(first) == files(second)
    entry = json.loads((first / LEDGER).read_text().splitlines()[0])
    assert entry["key"] == batch_key(reversed(entry["articles"]))
    assert any(name.endswith(f"part-{entry['key']}.parquet") for name in files(first))
    assert (
        partition_dir(None, None)
        == "year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__"
    )


def test_process_workers_write_the_exported_dataset(exported, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    writer = ProcessWriter(CoderSpec(), 2, out)
    try:
        report = ingest_parts(out, writer, [EXAMPLES])
        # a batch with an article its worker cannot code: the rest is written, the bad one is not
        bad = Article(id="no-date", text="Iran accused Israel.", published=None, source=None,
                      url=None, title="")  # fmt: skip
        outcomes = writer.submit([bad]).result()
    finally:
        writer.close()
    assert report.stored == 13 and report.events == len(exported)
    assert rows(out) == exported
    assert isinstance(outcomes[0], CodingFailure) and "no published date" in outcomes[0].message


def test_a_killed_run_resumes_without_copies(coder, exported, tmp_path: Path) -> None:
    """What a run killed after the worker wrote batch 3 but before the ledger recorded it leaves
    (parts of an unrecorded batch, a half-written ledger line): the rerun deletes those parts,
    codes only what is missing and ends with the clean dataset."""
    out = tmp_path / "parts"
    ingest_parts(out, InlineWriter(coder.code_batch, out), [EXAMPLES])
    lines = (out / LEDGER).read_text().splitlines(keepends=True)
    (out / LEDGER).write_text("".join(lines[:2]) + lines[2][:40])  # killed mid-append
    stale = out / partition_dir(2030, 1) / f"part-{'0' * 16}.parquet"
    stale.parent.mkdir(parents=True)
    shutil.copy(next(out.glob("year=*/month=*/part-*.parquet")), stale)
    resumed = ingest_parts(out, InlineWriter(coder.code_batch, out), [EXAMPLES])
    assert resumed.skipped_existing == 6 and resumed.stored == 7
    assert not stale.exists()
    assert rows(out) == exported
    assert len((out / LEDGER).read_text().splitlines()) == 5


def test_a_run_killed_for_real_resumes_without_copies(exported, tmp_path: Path) -> None:
    out = tmp_path / "parts"
    args = [sys.executable, "-m", "eventwire.cli", "ingest", str(EXAMPLES), *ALL, "--parquet-dir"]
    child = subprocess.Popen([*args, str(out), "--batch-size", "1"], cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        while child.poll() is None and len(_ledger_lines(out)) < 2:
            time.sleep(0.02)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    done = len(_ledger_lines(out))
    rerun = eventwire("ingest", str(EXAMPLES), *ALL, "--parquet-dir", str(out), "--batch-size", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert f"already stored {done}" in rerun.stderr
    assert rows(out) == exported


def _ledger_lines(out: Path) -> list[str]:
    try:
        return (out / LEDGER).read_text().splitlines()
    except FileNotFoundError:
        return []


def test_duplicates_are_caught_before_dispatch_across_runs(coder, tmp_path: Path) -> None:
    from eventwire.readers.dedupe import Deduper

    first = json.loads(EXAMPLES.read_text().splitlines()[0])
    a, b, out = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "parts"
    a.write_text(json.dumps(first) + "\n" + json.dumps(first | {"id": "copy"}) + "\n")
    b.write_text(json.dumps(first | {"id": "later-copy"}) + "\n")
    reports = []
    for source in (a, b):  # the second run's deduper is seeded from the article parts
        with PartsLedger.open(out) as ledger:
            writer = InlineWriter(coder.code_batch, out)
            reports.append(ingest([str(source)], ledger, writer, deduper=Deduper()))
    assert [r.duplicates for r in reports] == [1, 1] and reports[1].events == 0
    assert {row["article_id"] for row in rows(out)} == {first["id"]}
    ledger_lines = [json.loads(line) for line in (out / LEDGER).read_text().splitlines()]
    assert ledger_lines[-1]["duplicates"] == {"later-copy": first["id"]}


def test_a_broken_record_is_reported_recorded_and_skipped(coder, exported, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    good = EXAMPLES.read_text().splitlines()
    source.write_text("\n".join([*good[:5], '{"id": "broken", "text": ', *good[5:]]) + "\n")
    out = tmp_path / "parts"
    run = eventwire("ingest", str(source), *ALL, "--parquet-dir", str(out), "--batch-size", "4")
    assert run.returncode == 0, run.stderr
    assert "stored 13" in run.stderr and "rejects 1" in run.stderr
    (reject,) = [json.loads(line) for line in (out / REJECTS).read_text().splitlines()]
    assert reject["reason"] == "MALFORMED" and reject["position"] == "line 6"
    assert rows(out) == exported
    strict = eventwire("ingest", str(source), "--parquet-dir", str(out), "--strict")
    assert strict.returncode == 0 and "inputs unchanged" in strict.stderr


def test_the_directory_is_guarded(tmp_path: Path) -> None:
    out = tmp_path / "parts"
    with PartsLedger.open(out), pytest.raises(EventwireError) as busy:
        PartsLedger.open(out)
    assert busy.value.code == "PARQUET_DIR" and "another ingest" in busy.value.message
    foreign = tmp_path / "export"
    (foreign / "year=2020" / "month=1").mkdir(parents=True)
    (foreign / "year=2020" / "month=1" / "part-0.parquet").write_bytes(b"PAR1")
    with pytest.raises(EventwireError, match="not written by --parquet-dir"):
        PartsLedger.open(foreign)
    both = eventwire("ingest", str(EXAMPLES), "--parquet-dir", str(out), "--db", "x.duckdb")
    assert both.returncode == 2 and "exclude each other" in both.stderr
    assert "--parquet-dir" in eventwire("ingest", "--help").stdout


@pytest.mark.slow
def test_dask_workers_write_the_exported_dataset(exported, tmp_path: Path) -> None:
    from distributed import LocalCluster

    out = tmp_path / "parts"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        args = ["ingest", str(EXAMPLES), *ALL, "--parquet-dir", str(out), "--batch-size", "3"]
        run = eventwire(*args, "--scheduler", cluster.scheduler_address)
        assert run.returncode == 0, run.stderr
        assert "stored 13" in run.stderr
        written = files(out)
        again = eventwire(*args, "--scheduler", cluster.scheduler_address)
    assert rows(out) == exported
    assert again.returncode == 0 and "inputs unchanged" in again.stderr
    assert files(out) == written


def test_the_ledger_drops_the_old_rejects_of_a_file_read_again(tmp_path: Path) -> None:
    from eventwire.records import Reject

    old = Reject("a.jsonl", "line 1", "NO_DATE", "no date")
    other = Reject("b.jsonl", "line 1", "MALFORMED", "bad")
    new = Reject("a.jsonl", "line 2", "MALFORMED", "bad")
    with PartsLedger.open(tmp_path) as ledger:
        ledger.write_batch([], [old, other])
        ledger.write_batch([], [new], clear_rejects=["a.jsonl"])
        assert ledger.rejects() == [other, new]
    with PartsLedger.open(tmp_path) as reopened:  # the same from the ledger file
        assert reopened.rejects() == [other, new]
    lines = (tmp_path / REJECTS).read_text().splitlines()
    assert [json.loads(line)["position"] for line in lines] == ["line 1", "line 2"]


def test_the_ledger_primes_dedupe_with_its_most_recent_articles_only(coder, tmp_path: Path) -> None:
    records = [json.loads(line) for line in EXAMPLES.read_text().splitlines()[:5]]
    source, out = tmp_path / "in.jsonl", tmp_path / "parts"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    with PartsLedger.open(out) as ledger:
        ingest([str(source)], ledger, InlineWriter(coder.code_batch, out), batch_size=2)
    with PartsLedger.open(out) as ledger:
        everything = [ident for ident, _ in ledger.known_texts()]
        assert sorted(everything) == sorted(r["id"] for r in records)
        assert [ident for ident, _ in ledger.known_texts(3)] == everything[-3:]
        assert list(ledger.known_texts(0)) == []
