"""POST /code (code text, store nothing) and POST /articles (code and store), with the token.

Writes are off unless the app has a token; then a request needs `Authorization: Bearer <token>`.
When a token is set, /code needs it too (it costs a parse per request).
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Header
from pydantic import BaseModel, Field

from eventwire.api.errors import ERROR_RESPONSES, ApiError
from eventwire.api.render import event_json
from eventwire.readers.base import MAX_ARTICLE_CHARS
from eventwire.records import Article, Reject, article_id, to_dict
from eventwire.store.base import CodedArticle

log = logging.getLogger(__name__)
MAX_TEXT = MAX_ARTICLE_CHARS  # characters of one article's text: the readers' limit
MAX_ARTICLES = 100  # articles in one POST /articles


class CodeRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article body")
    published: date | None = Field(None, description="publication date; today (UTC) if absent")
    title: str = Field("", max_length=2000)
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(None, max_length=500)


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
    published = item.published or datetime.now(UTC).date()
    ident = given_id or article_id(item.source, item.title, item.text)
    return Article(
        id=ident,
        source=item.source,
        url=item.url,
        published=published,
        title=item.title,
        text=item.text,
    )


def write_router(
    store: Any, token: str | None, coder: CoderHolder, store_lock: threading.Lock
) -> APIRouter:
    router = APIRouter(responses=ERROR_RESPONSES)

    @router.post("/code", tags=["write"], summary="Code posted text; nothing is stored")
    def code(body: CodeRequest, authorization: str | None = Header(None)) -> dict[str, Any]:
        check_token(token, authorization, write=False)
        article = _article(body, None)
        with coder.lock:
            events = coder.get().code_article(article)
        return {
            "article_id": article.id,
            "published": article.published.isoformat() if article.published else None,
            "events": [event_json(e) for e in events],
        }

    @router.post("/articles", tags=["write"], summary="Code posted articles and store them")
    def ingest(body: ArticlesRequest, authorization: str | None = Header(None)) -> dict[str, Any]:
        check_token(token, authorization, write=True)
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

    return router
