"""The HTTP API and the analyst's dashboard: a thin FastAPI shell over hadath's library (extraction and the corpus
store). Build it with :func:`create_app`; ``hadath serve`` runs it with uvicorn. The endpoints live in one router
per group (``hadath.api.routes``): service, events, aggregates, extraction, and the dashboard's page.

The server holds one connection to the store and gives each request its own cursor (DuckDB cursors are independent
connections to one database). Without an API key the store is opened read-only; with one it is opened for writing
(DuckDB allows one writing process) and ``POST /v1/documents`` writes under a lock, one request at a time, while
reads go on.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from hadath import __version__
from hadath.api.deps import Library, ServerStore, Settings
from hadath.api.errors import ApiConfigError, install_handlers
from hadath.api.middleware import BodyLimit, SecurityHeaders
from hadath.api.routes import aggregates, corrections, dashboard, events, export, extraction, service
from hadath.api.routes.dashboard import STATIC
from hadath.pipeline import Pipeline
from hadath.store.query import MAX_LIMIT

log = logging.getLogger(__name__)

#: Default limit of a request body (bytes); ``create_app(max_body=...)`` and ``hadath serve --max-body`` change it.
#: It admits the most documents a request may carry (``MAX_DOCUMENTS``) at news length, and one document of the
#: most characters extraction takes (``MAX_DOCUMENT_CHARS``), even \u-escaped.
DEFAULT_MAX_BODY = 10_000_000
#: Seconds a request body may take to arrive whole (408 after it).
DEFAULT_BODY_TIMEOUT = 30.0
#: Extractions run at once (the others wait their turn).
EXTRACTION_THREADS = 2


def create_app(
    db_path: str | Path,
    api_key: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    pipeline: Pipeline | None = None,
    body_timeout: float = DEFAULT_BODY_TIMEOUT,
) -> FastAPI:
    """The API and dashboard over the store ``db_path``.

    ``api_key``: when given, the store is opened for writing and ``POST /v1/documents`` accepts documents from
    requests carrying the key (``X-API-Key`` header, or ``Authorization: Bearer KEY``); without it the server is
    read-only; spaces around the key are stripped, with a warning (header values arrive stripped, so such a key
    could never match). ``max_body``: the largest request body, in bytes (413 over it); ``body_timeout``: the
    seconds a body may take to arrive whole (408 after it). ``pipeline``: the extraction
    pipeline to use (default: one built on first use). Raises :class:`hadath.errors.StoreError` when the store
    cannot be opened (read-only: it must exist; for writing it is created when missing)."""
    if api_key is not None and not api_key.strip():
        raise ApiConfigError("the API key is empty; give a non-empty key, or none for a read-only server")
    if api_key is not None and api_key != api_key.strip():
        log.warning("the API key has spaces around it; they are stripped (HTTP header values arrive without them)")
        api_key = api_key.strip()
    if max_body < 1:
        raise ApiConfigError(f"the body size limit must be a positive number of bytes, not {max_body}")
    if body_timeout <= 0:
        raise ApiConfigError(f"the body timeout must be a positive number of seconds, not {body_timeout}")
    stores = ServerStore(db_path, writable=api_key is not None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app: FastAPI = FastAPIOffline(
        title="hadath",
        version=__version__,
        summary="Arabic news text to political event records (PLOVER/CAMEO) with exact character spans.",
        description=(
            "Events of a hadath store, with the provenance of every coded field, and extraction of pasted text. "
            f'Errors are JSON `{{"error": {{"status", "code", "message"}}}}`; bodies over {max_body:,} bytes '
            f"are refused (413); `limit` is capped at {MAX_LIMIT:,}. The dashboard is at `/`."
        ),
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.library = Library(pipeline)
    # extraction is pure Python: more threads than cores only take turns at the interpreter lock
    app.state.settings = Settings(api_key, anyio.CapacityLimiter(EXTRACTION_THREADS))
    install_handlers(app)
    app.add_middleware(BodyLimit, max_body=max_body, timeout=body_timeout)
    app.add_middleware(
        SecurityHeaders, dashboard_paths=("/", "/index.html"), docs_paths=("/docs", "/redoc", "/docs/oauth2-redirect")
    )
    routers = (service, events, export, corrections, aggregates, extraction, dashboard)
    for router in (r.router for r in routers):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


__all__ = ["DEFAULT_MAX_BODY", "STATIC", "create_app"]
