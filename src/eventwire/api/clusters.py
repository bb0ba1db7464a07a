"""GET /clusters: the same happening reported by many articles, counted once (eventwire.clusters).

Clusters are ranked inside the store on the cluster id each event got at ingest, so a request
reads back only the members of the clusters it returns, whatever the number of events the
filters select; answers are cached per store version (cache.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from eventwire.api.cache import VersionedCache
from eventwire.api.params import Filters, event_filters, strict_query
from eventwire.api.queries import Rows, count_events
from eventwire.clusters import cluster_dict, top_clusters

FilterDep = Annotated[Filters, Depends(event_filters)]


def cluster_router(rows: Rows, cache: VersionedCache) -> APIRouter:
    router = APIRouter(dependencies=[Depends(strict_query)])

    @router.get(
        "/clusters",
        tags=["events"],
        summary="Cross-article clusters of the matching events, largest first",
    )
    def clusters(
        filters: FilterDep,
        min_articles: Annotated[int, Query(ge=1, le=100_000)] = 1,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        def compute() -> dict[str, Any]:
            found = top_clusters(rows, filters.query, min_articles, limit)
            return {
                "events_scanned": count_events(rows, filters.query),
                "clusters": [cluster_dict(c) for c in found],
            }

        return cache.get(("clusters", filters.query, min_articles, limit), compute)

    return router
