"""Clusters ranked in SQL on the stored cluster_id are exactly the clusters cluster_events()
makes from every event in Python (the way they were read before), on DuckDB and PostgreSQL."""

from __future__ import annotations

import dataclasses
import random

import pytest
from store_samples import RUS, SYR, TUR, article, event

from eventwire import clusters
from eventwire.clusters import cluster_events, store_outlets, stored_clusters, top_clusters
from eventwire.records import Actor
from eventwire.store.base import CodedArticle, EventQuery

UNK = Actor("masked gunmen", 0, 13, "UNK", None, None, None, None, "group")
UNK_2 = Actor("Masked  Gunmen", 0, 14, "UNK", None, None, None, None, "group")  # same words
TUR_MIL = Actor("Turkish troops", 0, 14, "TURMIL", "TUR", "MIL", None, None, "group")


def _fill(store) -> None:  # noqa: ANN001 - either backend
    rng = random.Random(3)
    sides = [RUS, TUR, TUR_MIL, SYR, UNK, UNK_2]
    coded = []
    n = 0
    for a in range(30):
        source = "Wire" if a % 3 else None  # None: the outlet is the url's domain
        url = f"https://www.outlet{a % 7}.example/{a}"
        art = dataclasses.replace(article(f"a{a:02d}", day=1 + a % 5), source=source, url=url)
        events = []
        for _ in range(rng.randint(1, 4)):
            n += 1
            src, tgt = rng.sample(sides, 2)
            events.append(
                dataclasses.replace(
                    event(
                        f"e{n:03d}",
                        art.id,
                        date_value=rng.choice(["2020-01-02", "2020-01-03", "2020-01", None]),
                        source=src,
                        target=rng.choice([tgt, None]),
                        cameo=rng.choice(["040", "190"]),
                    ),
                    mentions=rng.randint(1, 3),
                    confidence=rng.choice([0.5, 0.75, 0.9]),
                )
            )
        coded.append(CodedArticle(art, events))
    # near-duplicate copies, stored uncoded, count as articles of their original's clusters
    for c in range(6):
        copy = article(f"copy{c}", url=f"https://copies{c % 2}.example/{c}")
        coded.append(CodedArticle(copy, [], duplicate_of=f"a{c * 4:02d}"))
    store.write_batch(coded, [])


QUERIES = [
    EventQuery(),
    EventQuery(actor="TUR"),
    EventQuery(date_from="2020-01-03"),
    EventQuery(cameo="19", text="russia"),
]


@pytest.mark.parametrize("query", QUERIES, ids=["all", "actor", "date", "cameo-text"])
def test_stored_clusters_equal_the_python_clusters(store, query, monkeypatch) -> None:
    _fill(store)
    expected = cluster_events(store.events(query), *store_outlets(store))
    assert len(expected) > 5 and any(c.num_articles > 1 for c in expected)
    assert top_clusters(store.rows, query, 1, 5) == expected[:5]
    several = [c for c in expected if c.num_articles >= 2]
    assert top_clusters(store.rows, query, 2, 1000) == several
    monkeypatch.setattr(clusters, "PAGE", 3)  # many pages, each continuing the last
    assert list(stored_clusters(store.rows, query)) == expected
