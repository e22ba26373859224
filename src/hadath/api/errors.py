"""Errors of the HTTP API: every failure is answered with a JSON body ``{"error": {"status", "code", "message"}}``
whose message says what was wrong and what to send instead. No request is answered with a traceback."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from hadath.errors import HadathError, InputError, StoreError
from hadath.jsonlines import json_failure
from hadath.store.query import FilterError

log = logging.getLogger(__name__)


class ApiError(HadathError):
    """A request the API refuses: ``status`` is the HTTP status, ``code`` a short stable name for clients."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class ApiConfigError(HadathError):
    """The server was configured with a value it cannot use (an empty API key, a non-positive body limit)."""


def error_body(status: int, code: str, message: str) -> dict[str, Any]:
    return {"error": {"status": status, "code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, code, message), status_code=status, headers=headers)


#: Names of HTTP statuses answered by the routing layer (unknown path, wrong method ...).
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


def _shown(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return repr(text[:limit] + "...") if len(text) > limit else repr(text)


def describe_validation(errors: Sequence[Any], body_is_json: bool = True) -> tuple[str, str]:
    """A readable message (and an error code) for pydantic's validation errors of a request."""
    parts: list[str] = []
    code = "invalid_request"
    for err in errors:
        loc = tuple(err.get("loc", ()))
        kind = err.get("type", "")
        if kind == "json_invalid":
            reason = (err.get("ctx") or {}).get("error", "not JSON")
            position = f" at character {loc[1]}" if len(loc) > 1 and isinstance(loc[1], int) else ""
            return f"malformed JSON body: {reason}{position}; send a JSON object", "malformed_json"
        if loc and loc[0] == "body" and not body_is_json:
            return "the body must be JSON: send it with 'Content-Type: application/json'", "unsupported_media_type"
        if loc == ("body",) and kind == "missing":
            return "the request has no body: send a JSON object (see /docs)", "invalid_request"
        if loc and loc[0] in ("query", "path", "header"):
            where = f"{loc[0]} parameter '{'.'.join(str(p) for p in loc[1:])}'"
        else:
            where = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc))
        message = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        if kind == "extra_forbidden":
            message = "unknown field; remove it"
        given = err.get("input")
        quiet = kind in ("missing", "extra_forbidden", "value_error") or given is None
        shown = "" if quiet else f" (got {_shown(given)})"
        parts.append(f"{where}: {message}{shown}")
    return "; ".join(parts) or "invalid request", code


def install_handlers(app: FastAPI) -> None:
    """Answer every error as JSON: validation errors 422, hadath's own errors by kind, HTTP errors of the routing
    layer with their status, and anything unexpected with a JSON 500 (a bug: it is logged with its traceback)."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        ctype = request.headers.get("content-type", "")
        body_is_json = request.method not in ("POST", "PUT", "PATCH") or "json" in ctype.lower()
        message, code = describe_validation(exc.errors(), body_is_json)
        status = 415 if code == "unsupported_media_type" else 422
        return error_response(status, code, message)

    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.code, exc.message, headers)

    @app.exception_handler(FilterError)
    async def _filter(request: Request, exc: FilterError) -> JSONResponse:
        return error_response(422, "invalid_filter", api_wording(str(exc)))

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return error_response(422, "invalid_document", exc.reason)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> JSONResponse:
        log.error("store error: %s", exc)
        return error_response(503, "store_unavailable", f"the event store cannot be read: {exc.reason}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.url.path}; the API is described at /docs"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed on {request.url.path}; see /docs for the methods it accepts"
        elif exc.status_code == 400 and "parsing the body" in message:
            cause = exc.__cause__
            reason = (json_failure(cause) if cause is not None else None) or "not JSON that can be parsed"
            return error_response(422, "malformed_json", f"malformed JSON body: {reason}; send a JSON object")
        return error_response(exc.status_code, code, message, dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(
            500,
            "internal_error",
            "internal error: this is a bug in hadath; please report it with the request that caused it",
        )


def api_wording(message: str) -> str:
    """A filter error worded for the API: the library names filters as command-line options (``--since``,
    ``--source-country``); the API's query parameters are ``since``, ``source_country``."""
    return re.sub(r"--([a-z][a-z-]*)", lambda m: m.group(1).replace("-", "_"), message)
