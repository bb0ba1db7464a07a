"""One JSON shape for every error the API returns, and the handlers that produce it.

    {"error": {"status": 400, "code": "bad_parameter", "message": "...", "parameter": "bbox"}}

`parameter` is present only when one request parameter is to blame. No handler ever returns a
stack trace: unexpected exceptions become a plain 500 with a generic message.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)

_CODES = {
    400: "bad_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_body",
    500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    parameter: str | None = None


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error the API reports to the client as it is."""

    def __init__(
        self, status: int, message: str, *, code: str | None = None, parameter: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or _CODES.get(status, "error")
        self.message = message
        self.parameter = parameter


def bad_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(400, message, parameter=parameter)


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    parameter: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    detail: dict[str, Any] = {
        "status": status,
        "code": code or _CODES.get(status, "error"),
        "message": message,
    }
    if parameter is not None:
        detail["parameter"] = parameter
    return JSONResponse({"error": detail}, status_code=status, headers=headers)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in _CODES.items()
    if status in (400, 404, 413, 422)
}


def _validation_response(exc: RequestValidationError) -> JSONResponse:
    """Query/path/header problems are the client's parameter (400); a bad JSON body is 422."""
    first = exc.errors()[0] if exc.errors() else {}
    loc = [str(part) for part in first.get("loc", ())]
    message = str(first.get("msg", "invalid request"))
    if loc and loc[0] in ("query", "path", "header"):
        name = loc[1] if len(loc) > 1 else loc[0]
        return error_response(400, f"{name}: {message}", parameter=name)
    where = ".".join(loc[1:]) or "body"
    return error_response(422, f"{where}: {message}", parameter=where if loc[1:] else None)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, code=exc.code, parameter=exc.parameter)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _validation_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(500, "internal error: the server log has the details")
