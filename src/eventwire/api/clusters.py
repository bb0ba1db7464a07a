"""GET /clusters: the same happening reported by many articles, counted once (eventwire.clusters).

Clusters are computed from the events the filters select, so a request reads at most
`MAX_CLUSTER_EVENTS` events; a broader one is asked to narrow its filters (by date, say).
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from eventwire.api.errors import ApiError
from eventwire.api.params import Filters, event_filters, strict_query
from eventwire.clusters import cluster_dict, cluster_events, store_outlets
from eventwire.store.base import Store

MAX_CLUSTER_EVENTS = 200_000
FilterDep = Annotated[Filters, Depends(event_filters)]


def cluster_router(store: Store, lock: threading.Lock) -> APIRouter:
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
        with lock:  # the store has one connection; writes take the same lock
            scanned = store.count_events(filters.query)
            if scanned > MAX_CLUSTER_EVENTS:
                raise ApiError(
                    400,
                    f"{scanned} events match; clusters read at most {MAX_CLUSTER_EVENTS}: "
                    "narrow the filters (a date range, an actor, a code)",
                    parameter="date_from",
                )
            outlets, copies = store_outlets(store)
            events = list(store.events(filters.query))
        found = cluster_events(events, outlets, copies)
        found = [c for c in found if c.num_articles >= min_articles]
        return {
            "events_scanned": len(events),
            "clusters": [cluster_dict(c) for c in found[:limit]],
        }

    return router
