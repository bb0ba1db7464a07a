"""Coding on more cores and on a Dask cluster gives the store a single process would give.

Real coders in real worker processes (spawned, and Dask's LocalCluster); the stores are compared
event by event with a store coded in this process.
"""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from multiprocessing import get_context
from pathlib import Path

import pytest

from cli_runner import eventwire
from eventwire.errors import EventwireError
from eventwire.ingest import ingest
from eventwire.records import Article
from eventwire.scale import CoderSpec, CodingFailure, ProcessPool, code_safely
from eventwire.scale.pools import _Guarded
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles.jsonl"
ALL = ("--min-confidence", "0")  # the command line keeps every event, as the library does


def article(article_id: str, published: date | None = date(2024, 5, 1)) -> Article:
    return Article(
        id=article_id,
        text="Iran accused Israel of an attack.",
        published=published,
        source=None,
        url=None,
        title="",
    )


def undated(article_id: str) -> Article:
    """An article the coder refuses (no date): how a bad article is made to fail in a worker."""
    return article(article_id, published=None)


@pytest.fixture(scope="module")
def inline_events(coder, tmp_path_factory) -> list:
    """The examples coded in this process: what every other way of coding must equal."""
    path = tmp_path_factory.mktemp("inline") / "inline.duckdb"
    with open_store(path) as store:
        ingest([str(EXAMPLES)], store, coder.code_batch, batch_size=4)
        return list(store.events())


def test_a_failing_batch_is_coded_article_by_article(coder) -> None:
    good = article("good")
    outcomes = code_safely(coder.code_batch, [good, undated("bad"), good])
    assert isinstance(outcomes[1], CodingFailure) and outcomes[1].article_id == "bad"
    assert "no published date" in outcomes[1].message
    assert [e.cameo for e in outcomes[0]] == [e.cameo for e in outcomes[2]] == ["112"]


def test_process_pool_stores_what_one_process_stores(inline_events, tmp_path: Path) -> None:
    pool = ProcessPool(CoderSpec(), workers=2)
    try:
        with open_store(tmp_path / "pool.duckdb") as store:
            report = ingest([str(EXAMPLES)], store, pool, batch_size=3)
            assert report.stored == 13 and report.rejects == 0
            assert list(store.events()) == inline_events
        # a failing article comes back as its own failure; its batch mates are coded
        good = article("g")
        outcomes = pool.submit([good, undated("bad")]).result()
        assert isinstance(outcomes[1], CodingFailure) and outcomes[0][0].cameo == "112"
    finally:
        pool.close()


def test_a_dead_worker_is_a_clear_error_not_a_traceback() -> None:
    with (
        ProcessPoolExecutor(1, mp_context=get_context("spawn")) as executor,
        pytest.raises(EventwireError) as caught,
    ):
        _Guarded(executor.submit(os._exit, 1)).result()
    assert caught.value.code == "WORKER_DIED" and "--workers" in caught.value.hint


def test_cli_workers_gives_the_same_store(inline_events, tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    run = eventwire(
        "ingest", str(EXAMPLES), *ALL, "--db", str(db), "--workers", "2", "--batch-size", "5"
    )
    assert run.returncode == 0, run.stderr
    assert "stored 13" in run.stderr
    with open_store(db, read_only=True) as store:
        assert list(store.events()) == inline_events
    again = eventwire("ingest", str(EXAMPLES), "--db", str(db), "--workers", "2")
    assert again.returncode == 0 and "inputs unchanged" in again.stderr


@pytest.mark.slow
def test_dask_cluster_gives_the_same_store(inline_events, tmp_path: Path) -> None:
    from distributed import LocalCluster

    db = tmp_path / "dask.duckdb"
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        run = eventwire(
            "ingest", str(EXAMPLES), *ALL, "--db", str(db),
            "--scheduler", cluster.scheduler_address, "--batch-size", "3",
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        with open_store(db, read_only=True) as store:
            events = list(store.events())
            summary = store.summary()
        from eventwire.scale.cluster import DaskPool

        pool = DaskPool(CoderSpec(), cluster.scheduler_address)
        try:
            good = article("g")
            outcomes = pool.submit([undated("bad"), good]).result()
        finally:
            pool.close()
    assert events == inline_events and summary.articles == 13
    assert isinstance(outcomes[0], CodingFailure) and outcomes[1][0].cameo == "112"
    assert dataclasses.is_dataclass(outcomes[1][0])


def test_bad_scale_options_are_clear_errors(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    negative = eventwire("ingest", str(EXAMPLES), "--db", db, "--workers", "-1")
    assert negative.returncode == 2 and "--workers" in negative.stderr
    nowhere = eventwire("ingest", str(EXAMPLES), "--db", db, "--scheduler", "tcp://127.0.0.1:9")
    assert nowhere.returncode == 2 and "SCHEDULER_UNREACHABLE" in nowhere.stderr
    assert "Traceback" not in nowhere.stderr


def test_cli_code_on_workers_prints_what_one_process_prints() -> None:
    one = eventwire("code", str(EXAMPLES), "--format", "jsonl")
    two = eventwire("code", str(EXAMPLES), "--format", "jsonl", "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and one.stdout.count("\n") > 20
