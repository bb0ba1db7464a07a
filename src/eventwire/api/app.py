"""The HTTP API and the dashboard: `create_app(store)` returns the FastAPI app uvicorn serves.

Read routes: /events (filters, sort, cursor pages, JSON/CSV/JSON Lines), /events/{id} (with its
evidence), /stats/timeline, /stats/network, /actors, /places, /clusters (clusters.py). Write
routes live in writes.py.
The dashboard is the static folder, served at /.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from eventwire.api import queries
from eventwire.api.cache import PAGES_CACHED, STALE_AFTER, VersionedCache, version_of
from eventwire.api.clusters import cluster_router
from eventwire.api.errors import ERROR_RESPONSES, ApiError, install_error_handlers
from eventwire.api.evidence import highlights
from eventwire.api.hosts import HostAllowList
from eventwire.api.limits import BodyLimit
from eventwire.api.params import (
    DEFAULT_PAGE,
    MAX_PAGE,
    SORTS,
    Filters,
    check_text,
    decode_cursor,
    encode_cursor,
    event_filters,
    response_format,
    strict_query,
)
from eventwire.api.render import event_json, events_response
from eventwire.api.vocabulary import load_vocabulary
from eventwire.api.writes import CoderHolder, write_router
from eventwire.links import web_link
from eventwire.store.base import Store

STATIC = Path(__file__).parent / "static"
FilterDep = Annotated[Filters, Depends(event_filters)]


def create_app(
    store: Store,
    *,
    token: str | None = None,
    coder_factory: Callable[[], Any] | None = None,
    max_body_bytes: int = 1_000_000,
    hosts: Collection[str] | None = None,
) -> FastAPI:
    """The API over `store`. Writes need `token` (off without one; an empty token is refused);
    bodies over `max_body_bytes` get 413; `coder_factory` builds the Coder for POST /code on
    first use; `hosts` (hosts.allowed_hosts) are the Host names answered, None: any."""
    if token is not None and not token.strip():
        raise ValueError("the token is empty: give a secret, or no token to keep writes off")
    app = FastAPI(
        title="eventwire",
        version="0.1.0",
        description="Political event data (CAMEO/PLOVER) coded from news, with evidence.",
        responses=ERROR_RESPONSES,
    )
    install_error_handlers(app)
    app.state.vocabulary = load_vocabulary()
    lock = threading.Lock()
    rows = queries.rows_of(store, lock)
    cache = VersionedCache(version_of(rows), stale_after=STALE_AFTER)
    app.include_router(read_router(rows, cache))
    app.include_router(cluster_router(rows, cache))
    app.include_router(write_router(store, token, CoderHolder(coder_factory), lock))
    mount_dashboard(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    if hosts is not None:
        app.add_middleware(HostAllowList, hosts=frozenset(hosts))  # outermost: checked first
    return app


def mount_dashboard(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def _next_url(request: Request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    return str(request.url.include_query_params(cursor=cursor))


def read_router(rows: queries.Rows, cache: VersionedCache) -> APIRouter:
    """The read routes; aggregates and pages come from caches while the store is unchanged
    (pages in a smaller one, always fresh: a page holds up to 1000 events)."""
    router = APIRouter(dependencies=[Depends(strict_query)])
    pages = cache.sibling(PAGES_CACHED)

    @router.get(
        "/events",
        tags=["events"],
        summary="Events matching the filters, one page at a time",
        responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}},
    )
    def list_events(
        request: Request,
        filters: FilterDep,
        sort: Annotated[Literal[SORTS], Query(description="order; - for descending")] = "-date",  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")] = DEFAULT_PAGE,
        cursor: Annotated[
            str | None, Query(max_length=2000, description="`next` of the previous page")
        ] = None,
        format: Annotated[Literal["json", "csv", "jsonl"] | None, Query()] = None,
        accept: Annotated[str | None, Header()] = None,
    ) -> Response:
        after = decode_cursor(cursor, sort) if cursor is not None else None
        page = pages.get(
            (filters.query, sort, limit, after),
            lambda: queries.events_page(rows, filters.query, sort, limit, after),
        )
        next_cursor = None
        if page.last_id is not None:
            next_cursor = encode_cursor(sort, page.last_key, page.last_id)
        fmt = response_format(format, accept)
        return events_response(page.events, fmt, next_cursor, _next_url(request, next_cursor))

    @router.get("/events/count", tags=["events"], summary="How many events match the filters")
    def count_events(filters: FilterDep) -> dict[str, int]:
        query = filters.query
        return {"count": cache.get(("count", query), lambda: queries.count_events(rows, query))}

    @router.get("/events/{event_id}", tags=["events"], summary="One event with its evidence")
    def get_event(event_id: str) -> dict[str, Any]:
        check_text("event_id", event_id)
        event = queries.event_by_id(rows, event_id)
        if event is None:
            raise ApiError(404, f"no event with id {event_id!r}", parameter="event_id")
        article = queries.article_by_id(rows, event.article_id)
        return {
            "event": event_json(event),
            "evidence": {
                "sentence": event.sentence,
                "trigger": event.evidence.trigger,
                "rule": event.evidence.rule,
                "confidence": event.confidence,
                "highlights": highlights(event, article.text if article else None),
            },
            "article": None
            if article is None
            else {
                "id": article.id,
                "title": article.title,
                "url": web_link(article.url),  # a store written before may hold others
                "source": article.source,
                "published": article.published.isoformat() if article.published else None,
            },
        }

    @router.get("/vocabulary", tags=["stats"], summary="PLOVER types and CAMEO roots to filter on")
    def vocabulary(request: Request) -> dict[str, Any]:
        return request.app.state.vocabulary.as_json()

    @router.get("/stats/timeline", tags=["stats"], summary="Event counts per period and group")
    def timeline(
        filters: FilterDep,
        interval: Literal["day", "week", "month"] = "day",
        by: Literal["quad_class", "plover", "none"] = "quad_class",
    ) -> dict[str, Any]:
        found = cache.get(
            ("timeline", filters.query, interval, by),
            lambda: queries.timeline(rows, filters.query, interval, by),
        )
        # left_out: matching events not drawn (a date coarser than the interval, or none);
        # under_min_confidence: events the other filters select that min_confidence left out
        return {
            "interval": interval,
            "by": by,
            "counts": found.counts,
            "left_out": found.left_out,
            "under_min_confidence": found.under_min_confidence,
        }

    @router.get("/stats/network", tags=["stats"], summary="Actor-to-actor counts, mean Goldstein")
    def network(
        filters: FilterDep,
        level: Literal["country", "actor"] = "country",
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        edges = cache.get(
            ("network", filters.query, level, limit),
            lambda: queries.network(rows, filters.query, level, limit),
        )
        return {"level": level, "edges": edges}

    @router.get("/actors", tags=["stats"], summary="Actors on either side, with event counts")
    def actors(
        filters: FilterDep, limit: Annotated[int, Query(ge=1, le=1000)] = 100
    ) -> dict[str, Any]:
        found = cache.get(
            ("actors", filters.query, limit), lambda: queries.actors(rows, filters.query, limit)
        )
        return {"actors": found}

    @router.get("/places", tags=["stats"], summary="Located places with event counts")
    def places(
        filters: FilterDep, limit: Annotated[int, Query(ge=1, le=5000)] = 500
    ) -> dict[str, Any]:
        found = cache.get(
            ("places", filters.query, limit), lambda: queries.places(rows, filters.query, limit)
        )
        return {"places": found}

    return router
