"""Cross-article clusters: the same happening reported by many outlets counted once.

GDELT counts one event per article that reports it, so a summit covered by 40 papers weighs 40
times; its NumArticles and NumSources then say how many papers, but its event table still repeats.
eventwire codes each article on its own (repeats inside one article are merged already) and
clusters across articles when reading: events with the same day, the same source and target
side, and the same CAMEO code are one happening (a state, its government and its military are one
side; rebels, opposition and other agents are sides of their own). Near-duplicate copies of an
article (syndicated wire copy, stored with `duplicate_of` and not coded) count as articles of
their original's clusters, as GDELT counts them.

The key is deliberately strict and explainable (no similarity threshold to tune): two reports
only join when a user reading both would code them the same way on the same day. Events whose
actor the dictionaries do not know (code UNK) are keyed by the words of the text, so two
unknown groups are never taken for one.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from eventwire.records import UNKNOWN_CODE, Actor, Event, Place, to_dict
from eventwire.store import schema
from eventwire.store.base import EventQuery, Store
from eventwire.store.query import event_filters


@dataclass(frozen=True, slots=True)
class Outlet:
    """Who published an article: its source name, else its web domain, else the article."""

    article_id: str
    name: str


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str  # stable: a hash of the key, the same in every run and store
    date: str | None
    source: str  # actor key: the code, or "UNK:<words>" for unknown actors
    target: str | None
    cameo: str
    event: Event  # the member reported with the most confidence: what the cluster shows
    event_ids: tuple[str, ...]
    article_ids: tuple[str, ...]  # coded articles and their near-duplicate copies
    outlets: tuple[str, ...]
    mentions: int  # sentences reporting it, over all its articles
    place: Place | None  # the place most members give

    @property
    def num_articles(self) -> int:
        return len(self.article_ids)

    @property
    def num_sources(self) -> int:
        return len(self.outlets)


# A state, its government and its armed forces are one side of a happening: "Ethiopia accused",
# "the Ethiopian government accused" and "Ethiopian troops shelled" are told of the same actor.
STATE_AGENTS = frozenset({"", "GOV", "MIL"})


def actor_key(actor: Actor | None) -> str | None:
    """The side an actor stands for: the country for a state, its government or its military;
    the code for any other actor (rebels, opposition, IGOs); the words for an unknown one."""
    if actor is None:
        return None
    if actor.code == UNKNOWN_CODE:
        return f"{UNKNOWN_CODE}:{' '.join(actor.text.lower().split())}"
    if actor.country and (actor.agent or "") in STATE_AGENTS:
        return actor.country
    return actor.code


def cluster_key(event: Event) -> tuple[str | None, str | None, str | None, str]:
    """(day, source, target, CAMEO code): what makes two reports one happening."""
    return (event.date, actor_key(event.source), actor_key(event.target), event.cameo)


def cluster_id(key: tuple[str | None, ...]) -> str:
    text = "\x1f".join("" if part is None else part for part in key)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def cluster_events(
    events: Iterable[Event],
    outlets: Mapping[str, Outlet] | None = None,
    copies: Mapping[str, list[Outlet]] | None = None,
) -> list[Cluster]:
    """Group events into clusters, largest first (then by date and id).

    `outlets` maps an article id to its outlet (default: each article its own outlet); `copies`
    maps an article id to the near-duplicate copies stored for it.
    """
    outlets, copies = outlets or {}, copies or {}
    groups: dict[tuple[str | None, str | None, str | None, str], list[Event]] = {}
    for event in events:
        groups.setdefault(cluster_key(event), []).append(event)
    clusters = [_cluster(key, members, outlets, copies) for key, members in groups.items()]
    clusters.sort(key=lambda c: (-c.num_articles, -c.mentions, c.date or "", c.id))
    return clusters


def _cluster(
    key: tuple[str | None, str | None, str | None, str],
    members: list[Event],
    outlets: Mapping[str, Outlet],
    copies: Mapping[str, list[Outlet]],
) -> Cluster:
    shown = max(members, key=lambda e: (e.confidence, e.mentions, -_order(e.id)))
    articles: dict[str, str] = {}
    for event in members:
        for outlet in [outlets.get(event.article_id), *copies.get(event.article_id, [])]:
            outlet = outlet or Outlet(event.article_id, event.article_id)
            articles.setdefault(outlet.article_id, outlet.name)
    places = Counter(e.place.geonameid for e in members if e.place is not None)
    place = None
    if places:
        top = places.most_common(1)[0][0]
        place = next(e.place for e in members if e.place is not None and e.place.geonameid == top)
    return Cluster(
        id=cluster_id(key),
        date=key[0],
        source=key[1] or "",
        target=key[2],
        cameo=key[3],
        event=shown,
        event_ids=tuple(sorted(e.id for e in members)),
        article_ids=tuple(sorted(articles)),
        outlets=tuple(sorted(set(articles.values()))),
        mentions=sum(e.mentions for e in members),
        place=place,
    )


def _order(event_id: str) -> int:
    # a tie on confidence and mentions goes to the smallest id, the same in every run
    return int(hashlib.sha1(event_id.encode()).hexdigest()[:8], 16)


def outlet_name(article_id: str, source: str | None, url: str | None) -> str:
    """ "Reuters" from the source field; else "www.bbc.co.uk" -> "bbc.co.uk"; else the id."""
    if source and source.strip():
        return source.strip()
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return article_id


def store_outlets(
    store: Store, article_ids: Iterable[str] | None = None
) -> tuple[dict[str, Outlet], dict[str, list[Outlet]]]:
    """The outlet of each article, and the near-duplicate copies of each original, from a store:
    of every article, or (`article_outlets`) of `article_ids` and their copies only, so
    clustering the events of a query reads the articles of those events and not the table."""
    if article_ids is not None:
        return article_outlets(store.rows, sorted(set(article_ids)))
    outlets: dict[str, Outlet] = {}
    copies: dict[str, list[Outlet]] = {}
    _add_outlets(store.rows("SELECT id, source, url, duplicate_of FROM articles"), outlets, copies)
    return outlets, copies


def _add_outlets(
    found: Iterable[tuple[Any, ...]],
    outlets: dict[str, Outlet],
    copies: dict[str, list[Outlet]],
) -> None:
    """(id, source, url, duplicate_of) rows into outlets of originals and copies of each."""
    for article_id, source, url, original in found:
        outlet = Outlet(article_id, outlet_name(article_id, source, url))
        if original is None:
            outlets[article_id] = outlet
        else:
            copies.setdefault(original, []).append(outlet)


def cluster_dict(cluster: Cluster) -> dict[str, Any]:
    """A cluster as JSON: its key and counts, and the event it shows (with its evidence)."""
    return {
        "id": cluster.id,
        "date": cluster.date,
        "source": cluster.source,
        "target": cluster.target,
        "cameo": cluster.cameo,
        "num_articles": cluster.num_articles,
        "num_sources": cluster.num_sources,
        "mentions": cluster.mentions,
        "outlets": list(cluster.outlets),
        "article_ids": list(cluster.article_ids),
        "event_ids": list(cluster.event_ids),
        "place": to_dict(cluster.place) if cluster.place is not None else None,
        "event": to_dict(cluster.event),
    }


# -- clusters read from a store: ranked in SQL on the stored cluster_id, built in Python ------
# Each event's cluster id is computed once, at ingest (eventwire.store, schema 2), so ranking
# the clusters of any filter is a GROUP BY inside the database; only the members of the
# clusters returned come back to Python, where cluster_events() builds them exactly as above.
Rows = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]
PAGE = 2000  # clusters built per round trip when iterating over all of them

_RANKED = """
WITH per AS (SELECT cluster_id, article_id, sum(mentions) AS m, min(date) AS d
             FROM events{where} GROUP BY cluster_id, article_id),
copies AS (SELECT duplicate_of AS article_id, count(*) AS n FROM articles
           WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of),
ranked AS (SELECT p.cluster_id, count(*) + coalesce(sum(c.n), 0) AS num_articles,
                  sum(p.m) AS mentions, coalesce(min(p.d), '') AS day
           FROM per p LEFT JOIN copies c ON c.article_id = p.article_id GROUP BY p.cluster_id)
SELECT cluster_id, num_articles, mentions, day FROM ranked
WHERE num_articles >= ?{after}
ORDER BY num_articles DESC, mentions DESC, day, cluster_id LIMIT ?
"""
# strictly after the (num_articles, mentions, day, id) of the previous page, in that order
_AFTER = (
    " AND (num_articles < ? OR (num_articles = ? AND (mentions < ? OR (mentions = ?"
    " AND (day > ? OR (day = ? AND cluster_id > ?))))))"
)


def ranked_clusters(
    rows: Rows,
    query: EventQuery,
    min_articles: int,
    limit: int,
    after: tuple[int, int, str, str] | None = None,
) -> list[tuple[str, int, int, str]]:
    """(cluster id, articles, mentions, day) of the largest clusters of the events `query`
    selects, in cluster_events() order; continues after `after` (a previous last row)."""
    conds, params = event_filters(query)
    where = " WHERE " + " AND ".join(conds) if conds else ""
    params = [*params, min_articles]
    if after is not None:
        n, m, day, ident = after
        params += [n, n, m, m, day, day, ident]
    sql = _RANKED.format(where=where, after=_AFTER if after is not None else "")
    return [(c, int(n), int(m), d) for c, n, m, d in rows(sql, [*params, limit])]


def clusters_by_id(rows: Rows, query: EventQuery, ids: Sequence[str]) -> list[Cluster]:
    """The clusters with these ids, built from the events `query` selects (largest first)."""
    if not ids:
        return []
    conds, params = event_filters(query)
    marks = ", ".join("?" for _ in ids)
    conds = [*conds, f"cluster_id IN ({marks})"]
    columns = ", ".join(schema.EVENT_NAMES)
    found = rows(f"SELECT {columns} FROM events WHERE {' AND '.join(conds)}", [*params, *ids])
    events = [schema.event_from_row(row) for row in found]
    outlets, copies = article_outlets(rows, sorted({e.article_id for e in events}))
    return cluster_events(events, outlets, copies)


def article_outlets(
    rows: Rows, article_ids: Sequence[str]
) -> tuple[dict[str, Outlet], dict[str, list[Outlet]]]:
    """The outlets of these articles and of their near-duplicate copies (store_outlets, for
    only the articles a page of clusters needs)."""
    outlets: dict[str, Outlet] = {}
    copies: dict[str, list[Outlet]] = {}
    for start in range(0, len(article_ids), 1000):
        part = list(article_ids[start : start + 1000])
        marks = ", ".join("?" for _ in part)
        found = rows(
            f"SELECT id, source, url, duplicate_of FROM articles WHERE id IN ({marks})"
            f" OR duplicate_of IN ({marks}) ORDER BY id",
            [*part, *part],
        )
        _add_outlets(found, outlets, copies)
    return outlets, copies


def top_clusters(rows: Rows, query: EventQuery, min_articles: int, limit: int) -> list[Cluster]:
    """The `limit` largest clusters with at least `min_articles` articles."""
    ranked = ranked_clusters(rows, query, min_articles, limit)
    return clusters_by_id(rows, query, [r[0] for r in ranked])


def stored_clusters(rows: Rows, query: EventQuery, min_articles: int = 1) -> Iterator[Cluster]:
    """Every cluster of the events `query` selects, largest first, a page at a time: memory
    stays bounded by the page, whatever the size of the store."""
    after = None
    while True:
        ranked = ranked_clusters(rows, query, min_articles, PAGE, after)
        yield from clusters_by_id(rows, query, [r[0] for r in ranked])
        if len(ranked) < PAGE:
            return
        last = ranked[-1]
        after = (last[1], last[2], last[3], last[0])
