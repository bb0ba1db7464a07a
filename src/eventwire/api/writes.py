"""POST /code (code text, store nothing) and POST /articles (code and store), with the token.

Writes are off unless the app has a token; then a request needs `Authorization: Bearer <token>`.
When a token is set, /code needs it too (it costs a parse per request). The token is checked
before the body is read (TokenRoute), so a client without it learns nothing of the body's schema.
`published` is read by the one date parser (eventwire.dates); an article without one is refused,
never dated today.
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.routing import APIRoute
from fastapi.security import HTTPBearer
from pydantic import BaseModel, Field, field_validator

from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.params import strict_query
from eventwire.api.render import event_json
from eventwire.dates import FORMS, parse_user_date
from eventwire.links import web_link
from eventwire.readers.base import MAX_ARTICLE_CHARS
from eventwire.records import Article, Reject, article_id, to_dict
from eventwire.store.base import CodedArticle

log = logging.getLogger(__name__)
MAX_TEXT = MAX_ARTICLE_CHARS  # characters of one article's text: the readers' limit
MAX_ARTICLES = 100  # articles in one POST /articles
_BEARER = HTTPBearer(auto_error=False, description="the token the server was started with")


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article body")
    published: date | None = Field(
        None, description=f"publication date (required to code): {FORMS}"
    )
    title: str = Field("", max_length=2000)
    url: str | None = Field(None, max_length=2000, description="kept only if http(s)")
    source: str | None = Field(None, max_length=500)

    @field_validator("published", mode="before")
    @classmethod
    def _read_date(cls, value: object) -> date | None:
        return parse_user_date(value)  # a DateError (a ValueError) is a 422 saying why


class ArticleIn(CodeRequest):
    id: str | None = Field(None, max_length=200, description="stable id; a hash if absent")


class ArticlesRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class CoderHolder:
    """Loads the coder on first use (it is heavy) and lets one request use it at a time."""

    def __init__(self, factory: Callable[[], Any] | None) -> None:
        self._factory = factory
        self._coder: Any = None
        self.lock = threading.Lock()

    def get(self) -> Any:
        if self._coder is None:
            try:
                factory = self._factory or _default_factory()
                self._coder = factory()
            except (ImportError, AttributeError, OSError) as exc:
                raise ApiError(503, f"the coder cannot be loaded: {exc}") from None
        return self._coder


def _default_factory() -> Callable[[], Any]:
    from eventwire.pipeline import Coder

    return Coder.load


def check_token(token: str | None, authorization: str | None, *, write: bool) -> None:
    if token is None:
        if write:
            raise ApiError(
                403,
                "writes are off: start the server with a token to allow them",
                code="writes_disabled",
            )
        return
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
        raise ApiError(401, "send Authorization: Bearer <token>", parameter="Authorization")


def _article(item: CodeRequest, given_id: str | None) -> Article:
    ident = given_id or article_id(item.source, item.title, item.text)
    return Article(
        id=ident,
        source=item.source,
        url=web_link(item.url),
        published=item.published,
        title=item.title,
        text=item.text,
    )


def token_route(token: str | None, *, write: bool) -> type[APIRoute]:
    """A route class that checks the token before FastAPI reads or validates the body."""

    class TokenRoute(APIRoute):
        def get_route_handler(self) -> Callable[[Request], Any]:
            handler = super().get_route_handler()

            async def guarded(request: Request) -> Response:
                check_token(token, request.headers.get("authorization"), write=write)
                return await handler(request)

            return guarded

    return TokenRoute


def write_router(
    store: Any, token: str | None, coder: CoderHolder, store_lock: threading.Lock
) -> APIRouter:
    router = APIRouter(responses=ERROR_RESPONSES)
    # the bearer scheme documents the token in the OpenAPI schema; TokenRoute checks it
    documented = [Depends(_BEARER), Depends(strict_query)]
    code_routes = APIRouter(route_class=token_route(token, write=False), dependencies=documented)
    write_routes = APIRouter(route_class=token_route(token, write=True), dependencies=documented)

    @code_routes.post("/code", tags=["write"], summary="Code posted text; nothing is stored")
    def code(body: CodeRequest) -> dict[str, Any]:
        if body.published is None:
            raise ApiError(
                422,
                "published is required: eventwire never guesses when an article was reported "
                f"(give {FORMS})",
                parameter="published",
            )
        article = _article(body, None)
        with coder.lock:
            events = coder.get().code_article(article)
        return {
            "article_id": article.id,
            "published": article.published.isoformat() if article.published else None,
            "events": [event_json(e) for e in events],
        }

    @write_routes.post("/articles", tags=["write"], summary="Code posted articles and store them")
    def ingest(body: ArticlesRequest) -> dict[str, Any]:
        coded: list[CodedArticle] = []
        rejects: list[Reject] = []
        with coder.lock:
            the_coder = coder.get()
            for position, item in enumerate(body.articles):
                if item.published is None:
                    rejects.append(
                        Reject(
                            "POST /articles",
                            f"record {position}",
                            "NO_DATE",
                            "the article has no publication date",
                        )
                    )
                    continue
                article = _article(item, item.id)
                coded.append(CodedArticle(article, the_coder.code_article(article)))
        with store_lock:
            try:
                stored = store.write_batch(coded, rejects)
            except Exception as exc:  # read-only, locked or failing store: a 503 that says why
                log.exception("POST /articles: the store refused the batch")
                raise ApiError(503, f"the store refused the write: {exc}") from None
        return {
            "stored": stored,
            "articles": [{"id": c.article.id, "events": len(c.events)} for c in coded],
            "rejects": [to_dict(r) for r in rejects],
        }

    router.include_router(code_routes)
    router.include_router(write_routes)
    return router
