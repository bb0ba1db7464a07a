"""Cross-article clusters: two outlets reporting one happening are one cluster, counted twice;
a syndicated copy counts as an article; other days, actors or codes stay apart."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.clusters import cluster_events, cluster_key, outlet_name, store_outlets
from eventwire.export.gdelt import COLUMNS
from eventwire.ingest import ingest
from eventwire.readers.dedupe import Deduper
from eventwire.records import Article
from eventwire.store import open_store

ROOT = Path(__file__).resolve().parents[2]

WIRE = (
    "Ethiopia accused Eritrea on Tuesday of shelling the border town of Zalambessa, "
    "a government spokesman said in Addis Ababa."
)
PAPER = (
    "The Ethiopian government on Tuesday accused Eritrea of firing artillery at Zalambessa. "
    "Officials in Addis Ababa called the shelling a provocation."
)
LATER = "Ethiopia accused Eritrea of shelling Zalambessa again on Friday, officials said."


def article(article_id: str, text: str, source: str | None, url: str | None) -> Article:
    return Article(
        id=article_id, source=source, url=url, published=date(2024, 3, 14), title="", text=text
    )


@pytest.fixture(scope="module")
def store_path(coder, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("clusters") / "clusters.duckdb"
    feed = path.with_suffix(".jsonl")
    rows = [
        article("wire-1", WIRE, "Wire Agency", None),
        article("paper-1", PAPER, None, "https://www.dailypaper.example/world/1"),
        article("copy-1", WIRE + " ", "Reprint Weekly", None),  # a near-duplicate of wire-1
        article("wire-2", LATER, "Wire Agency", None),
    ]
    feed.write_text(
        "".join(
            json.dumps(
                {
                    "id": a.id,
                    "date": "2024-03-14",
                    "title": "",
                    "text": a.text,
                    "source": a.source,
                    "url": a.url,
                }
            )
            + "\n"
            for a in rows
        )  # fmt: skip
    )
    with open_store(path) as store:
        ingest([str(feed)], store, coder.code_batch, deduper=Deduper())
    return path


def accusations(store_path: Path) -> list:
    with open_store(store_path, read_only=True) as store:
        outlets, copies = store_outlets(store)
        return [c for c in cluster_events(store.events(), outlets, copies) if c.cameo == "112"]


def test_two_outlets_one_happening_is_one_cluster(store_path: Path) -> None:
    found = accusations(store_path)
    tuesday = [c for c in found if c.date == "2024-03-12"]
    assert len(tuesday) == 1, [(c.date, c.source, c.target) for c in found]
    cluster = tuesday[0]
    assert (cluster.source, cluster.target) == ("ETH", "ERI")  # "Ethiopia" and its government
    assert cluster.num_articles == 3  # wire, paper, and the reprint of the wire story
    assert cluster.outlets == ("Reprint Weekly", "Wire Agency", "dailypaper.example")
    assert cluster.num_sources == 3 and cluster.mentions >= 2


def test_another_day_is_another_cluster(store_path: Path) -> None:
    friday = [c for c in accusations(store_path) if c.date == "2024-03-08"]  # the Friday before
    assert len(friday) == 1 and friday[0].article_ids == ("wire-2",)


def test_rebels_and_their_government_are_different_sides(coder) -> None:
    texts = ["Sudanese rebels accused Chad of an attack.", "Sudan accused Chad of an attack."]
    events = [
        e
        for i, text in enumerate(texts)
        for e in coder.code_article(article(f"s{i}", text, None, None))
    ]
    assert sorted(cluster_key(e)[1] for e in events) == ["SDN", "SDNREB"]


def test_unknown_actors_are_keyed_by_their_words(coder) -> None:
    texts = ["The Blue Hand Brigade attacked Kudra.", "The Red Star Front attacked Kudra."]
    events = [
        e
        for i, text in enumerate(texts)
        for e in coder.code_article(article(f"a{i}", text, None, None))
    ]
    keys = {cluster_key(e) for e in events}
    assert len(keys) == len(events) == 2, keys


def test_outlet_is_the_source_else_the_domain_else_the_article() -> None:
    assert outlet_name("a", " Reuters ", "https://www.reuters.com/x") == "Reuters"
    assert outlet_name("a", None, "https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert outlet_name("a", "", None) == "a"


def test_cli_clusters_and_gdelt_export_carry_the_counts(store_path: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "eventwire.cli", *args],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
        )  # fmt: skip

    listed = run("clusters", "--db", str(store_path), "--min-articles", "2", "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert rows and all(r["num_articles"] >= 2 for r in rows)
    assert any(r["cameo"] == "112" and r["num_sources"] == 3 for r in rows)
    assert all(r["event"]["evidence"]["trigger"] for r in rows)  # each cluster says why

    out = tmp_path / "clusters.tsv"
    exported = run(
        "export", "--db", str(store_path), "--format", "gdelt", "--clusters", "-o", str(out)
    )
    assert exported.returncode == 0, exported.stderr
    lines = out.read_text().splitlines()
    table = [dict(zip(COLUMNS, line.split("\t"), strict=True)) for line in lines]
    accusation = [r for r in table if r["EventCode"] == "112" and r["SQLDATE"] == "20240312"]
    assert len(accusation) == 1
    assert (accusation[0]["NumArticles"], accusation[0]["NumSources"]) == ("3", "3")

    wrong = run("export", "--db", str(store_path), "--format", "csv", "--clusters", "-o", str(out))
    assert wrong.returncode == 2 and "--clusters" in wrong.stderr


def test_outlets_of_the_events_articles_only_are_the_same(store_path: Path) -> None:
    # Clustering read every article's outlet; a query's events need only theirs (and copies).
    with open_store(store_path, read_only=True) as store:
        every, every_copy = store_outlets(store)
        some, some_copies = store_outlets(store, ["wire-1", "wire-2"])
    assert set(some) == {"wire-1", "wire-2"} and len(every) > 2
    assert some == {k: every[k] for k in some}
    assert some_copies == {k: v for k, v in every_copy.items() if k in some}
    assert some_copies  # the reprint of the wire story comes with its original
