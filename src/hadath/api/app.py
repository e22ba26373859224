"""The HTTP API and the analyst's dashboard: a thin FastAPI shell over hadath's library (extraction and the corpus
store). Build it with :func:`create_app`; ``hadath serve`` runs it with uvicorn.

The server holds one connection to the store and gives each request its own cursor (DuckDB cursors are independent
connections to one database). Without an API key the store is opened read-only; with one it is opened for writing
(DuckDB allows one writing process) and ``POST /v1/documents`` writes under a lock, one request at a time, while
reads go on.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError

from hadath import __version__
from hadath.api.errors import ApiConfigError, ApiError, describe_validation, install_handlers
from hadath.api.middleware import BodyLimit, SecurityHeaders
from hadath.api.models import DocumentsRequest, ExtractRequest
from hadath.inputs import InputDocument
from hadath.ontology import EVENT_TYPES, MODES_BY_TYPE, SECTORS
from hadath.pipeline import Pipeline
from hadath.store.cameo import QUAD_CLASS_NAMES
from hadath.store.query import (
    MAX_LIMIT,
    EventFilter,
    actors,
    build_filter,
    count_events,
    dyads,
    provenance,
    query_events,
    timeline,
)
from hadath.store.store import Store

log = logging.getLogger(__name__)

#: Default limit of a request body (bytes); ``create_app(max_body=...)`` and ``hadath serve --max-body`` change it.
#: It admits the most documents a request may carry (``MAX_DOCUMENTS``) at news length, and one document of the
#: most characters extraction takes (``MAX_DOCUMENT_CHARS``), even \u-escaped.
DEFAULT_MAX_BODY = 10_000_000
#: Seconds a request body may take to arrive whole (408 after it).
DEFAULT_BODY_TIMEOUT = 30.0
#: Events per page of GET /v1/events when no ``limit`` is given (any larger limit is capped at ``MAX_LIMIT``).
DEFAULT_LIMIT = 50
#: The largest ``offset`` accepted (past any real store; keeps the value within SQL's integers).
MAX_OFFSET = 2**53
#: Extractions run at once (the others wait their turn).
EXTRACTION_THREADS = 2
STATIC = Path(__file__).parent / "static"


class _CursorStore(Store):
    """A :class:`Store` over one cursor of the server's connection: one per request, closed after it."""

    def __init__(self, path: str, con: Any) -> None:  # the connection exists: no file to open
        self.path = path
        self.con = con


class ServerStore:
    """The server's connection to its store: cursors for readers, a lock for the one writer."""

    def __init__(self, path: str | Path, writable: bool) -> None:
        self.store = Store(path, read_only=not writable)
        self.writable = writable
        self._cursor_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[Store]:
        with self._cursor_lock:
            con = self.store.con.cursor()
        try:
            yield _CursorStore(self.store.path, con)
        finally:
            con.close()

    @contextmanager
    def writer(self) -> Iterator[Store]:
        if not self.writable:
            raise ApiError(403, "read_only", "this server opened its store read-only")
        with self._write_lock:
            yield self.store

    def close(self) -> None:
        self.store.close()


class Library:
    """What the API needs of hadath's library beyond the store: one pipeline (built on first use and shared by
    every request: extraction keeps no state between documents) and English names of the codes."""

    def __init__(self, pipeline: Pipeline | None) -> None:
        self._pipeline = pipeline
        self._lock = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = Pipeline()
        return self._pipeline

    @cached_property
    def names(self) -> dict[str, str]:
        """English name of every country (ISO alpha-3) and organization code."""
        lex = self.pipeline.lexicons
        names: dict[str, str] = {}
        for form in lex.org_forms:  # the first organization listed under a code names it (UNO: United Nations)
            if form.org.code and form.org.kind == "igo":
                names.setdefault(form.org.code, form.org.name_en)
        names.update({iso3: c.name_en for iso3, c in lex.countries.items()})
        return names

    @cached_property
    def topics(self) -> list[str]:
        return sorted({t.topic for t in self.pipeline.lexicons.topics})


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def json_response(content: Any, status: int = 200) -> Response:
    """JSON with Arabic as it is (not \\u-escaped); dates as ISO strings."""
    body = json.dumps(content, ensure_ascii=False, default=_default, separators=(",", ":"))
    return Response(body.encode("utf-8"), status_code=status, media_type="application/json")


def _inline_refs(schema: dict[str, Any]) -> dict[str, Any]:
    """A pydantic JSON schema with its ``$defs`` inlined (an OpenAPI operation cannot point into them)."""
    defs = schema.pop("$defs", {})

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return walk(defs[ref.removeprefix("#/$defs/")])
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    result: dict[str, Any] = walk(schema)
    return result


def _filters(
    country: Annotated[
        list[str] | None,
        Query(
            description="Either side's country or organization code (BHR, ARL); repeat it or separate codes by commas."
        ),
    ] = None,
    source_country: Annotated[list[str] | None, Query(description="The source's code.")] = None,
    target_country: Annotated[list[str] | None, Query(description="The target's code.")] = None,
    sector: Annotated[list[str] | None, Query(description="Either side's sector (GOV, MIL, REB ...).")] = None,
    type: Annotated[list[str] | None, Query(description="PLOVER event type (CONSULT, ASSAULT ...).")] = None,
    mode: Annotated[list[str] | None, Query(description="PLOVER mode (visit, phone, aerial ...).")] = None,
    since: Annotated[str | None, Query(max_length=40, description="Events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[
        str | None, Query(max_length=40, description="Events on or before this date (YYYY-MM-DD).")
    ] = None,
    location: Annotated[str | None, Query(max_length=200, description="Country code or words of the place.")] = None,
    topic: Annotated[list[str] | None, Query(description="Topic id (gaza-war, ceasefire ...).")] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Words of the event's sentence (Arabic; compared "
            "after normalization, so hamza and ta marbuta spellings match).",
        ),
    ] = None,
) -> EventFilter:
    """The query filters of ``hadath query``, validated (an unknown type or a malformed date is a 422)."""
    return build_filter(
        country=country or (),
        source_country=source_country or (),
        target_country=target_country or (),
        sector=sector or (),
        type=type or (),
        mode=mode or (),
        since=since,
        until=until,
        location=location,
        topic=topic or (),
        text=q,
    )


Filters = Annotated[EventFilter, Depends(_filters)]


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
    library = Library(pipeline)
    # extraction is pure Python: more threads than cores only take turns at the interpreter lock
    extraction_slots = anyio.CapacityLimiter(EXTRACTION_THREADS)

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
    app.state.library = library
    install_handlers(app)
    app.add_middleware(BodyLimit, max_body=max_body, timeout=body_timeout)
    app.add_middleware(
        SecurityHeaders, dashboard_paths=("/", "/index.html"), docs_paths=("/docs", "/redoc", "/docs/oauth2-redirect")
    )

    def named(code: str | None) -> str | None:
        return library.names.get(code) if code else None

    # ---- reading ---------------------------------------------------------------------------------------------

    @app.get("/v1/health", tags=["service"])
    def health() -> Response:
        """Whether the server is up, its version, the store's counts and whether it accepts documents."""
        with stores.reader() as store:
            counts = store.counts()
        return json_response(
            {
                "status": "ok",
                "version": __version__,
                "store": Path(stores.store.path).name,
                "counts": counts,
                "accepts_documents": stores.writable,
            }
        )

    @app.get("/v1/events", tags=["events"])
    def list_events(
        f: Filters,
        limit: Annotated[
            int, Query(ge=1, description=f"Events per page (larger values are capped at {MAX_LIMIT:,}).")
        ] = DEFAULT_LIMIT,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events to skip.")] = 0,
        reports: Annotated[bool, Query(description="Every report instead of deduplicated events.")] = False,
    ) -> Response:
        """Matching events, newest first, as contract events with ``doc_id``, ``mentions``, ``sources``,
        ``documents``, ``sentence_text``, ``quad_class`` and ``goldstein``: ``{"items", "total", "limit",
        "offset", "next_offset"}``."""
        limit = min(limit, MAX_LIMIT)
        with stores.reader() as store:
            total = count_events(store, f, reports)
            items = query_events(store, f, limit, offset, reports)
        after = offset + len(items)
        return json_response(
            {
                "items": items,
                "total": total,
                "limit": limit,
                "offset": offset,
                "next_offset": after if after < total else None,
            }
        )

    @app.get("/v1/events/{event_id:path}", tags=["events"])
    def get_event(event_id: str) -> Response:
        """One event (a deduplicated event's id or any report's) with its provenance: the sentence's text, the
        document's metadata, every span it rests on (document offsets; ``in_sentence``), and every report of the
        same real-world event with why it was merged."""
        with stores.reader() as store:
            found = provenance(store, event_id)
        if found is None:
            shown = event_id if len(event_id) <= 80 else event_id[:80] + "..."
            raise ApiError(
                404, "not_found", f"no event with id {shown!r}; event ids look like DOC_ID:N (see GET /v1/events)"
            )
        for side in ("source", "target"):
            actor = found["event"][side]
            if actor is not None:
                actor["country_name"] = named(actor["country"] or actor["org"])
        return json_response(found)

    @app.get("/v1/actors", tags=["aggregates"])
    def list_actors(
        f: Filters,
        group: Annotated[
            Literal["actor", "country"],
            Query(description="Count by actor (a person, state or organization) or by country/organization code."),
        ] = "actor",
        limit: Annotated[int, Query(ge=1, description=f"Rows (capped at {MAX_LIMIT:,}).")] = 100,
    ) -> Response:
        """Actors of the matching deduplicated events, most frequent first, with their events as source and as
        target."""
        with stores.reader() as store:
            rows = actors(store, f, group, limit)
        if group == "country":
            for row in rows:
                row["name"] = named(row["code"])
        return json_response({"items": rows, "group": group})

    @app.get("/v1/dyads", tags=["aggregates"])
    def list_dyads(
        f: Filters,
        period: Annotated[
            Literal["all", "day", "week", "month", "year"],
            Query(description="One row per pair over the whole range (all), or per pair and period."),
        ] = "all",
        limit: Annotated[int, Query(ge=1, description=f"Rows (capped at {MAX_LIMIT:,}).")] = 200,
    ) -> Response:
        """Pairs of countries (or organizations), unordered, with their deduplicated events counted as
        cooperation (quad classes 1-2) and conflict (3-4), the mean Goldstein score and the balance
        ``(cooperation - conflict) / events``, from -1 to 1."""
        with stores.reader() as store:
            rows = dyads(store, f, None if period == "all" else period, limit)
        for row in rows:
            row["a_name"], row["b_name"] = named(row["a"]), named(row["b"])
        return json_response({"items": rows, "period": period})

    @app.get("/v1/timeline", tags=["aggregates"])
    def get_timeline(
        f: Filters,
        interval: Annotated[
            Literal["day", "week", "month", "year"],
            Query(description="Periods, named by their first day (weeks start on Monday)."),
        ] = "month",
        by: Annotated[Literal["type", "quad_class"], Query(description="What the counts are split by.")] = "type",
    ) -> Response:
        """Matching deduplicated events per period and per type or quad class (1 verbal cooperation, 2 material
        cooperation, 3 verbal conflict, 4 material conflict); undated events are counted apart."""
        with stores.reader() as store:
            return json_response(timeline(store, f, interval, by))

    @app.get("/v1/codes", tags=["service"])
    def codes() -> Response:
        """The codes filters accept and the dashboard shows: types, modes, sectors, quad classes, topics, and the
        English names of country and organization codes."""
        return json_response(
            {
                "types": sorted(EVENT_TYPES),
                "modes": {t: sorted(m) for t, m in sorted(MODES_BY_TYPE.items())},
                "sectors": sorted(SECTORS),
                "quad_classes": dict(QUAD_CLASS_NAMES),
                "topics": library.topics,
                "names": library.names,
            }
        )

    # ---- extraction and ingestion ------------------------------------------------------------------------------

    @app.post("/v1/extract", tags=["extraction"])
    async def extract(body: ExtractRequest) -> Response:
        """The contract record of one document (``{"text", "date"?, "id"?}``): its events and entities with
        character offsets into ``text``. Nothing is stored."""

        def work() -> Response:
            record = library.pipeline.extract(body.text, date=body.date, doc_id=body.id or "doc")
            return json_response(record.to_dict())

        return await anyio.to_thread.run_sync(work, limiter=extraction_slots)

    def authorize(request: Request) -> None:
        if api_key is None:
            raise ApiError(
                403,
                "read_only",
                "this server is read-only: it accepts documents only when started with "
                "--api-key KEY (or with HADATH_API_KEY set); otherwise add documents with 'hadath ingest'",
            )
        given = request.headers.get("x-api-key")
        if given is None:
            scheme, _, token = request.headers.get("authorization", "").partition(" ")
            given = token.strip() if scheme.lower() == "bearer" else None
        if not given or not hmac.compare_digest(given.encode("latin-1"), api_key.encode("utf-8")):
            raise ApiError(
                401,
                "unauthorized",
                "missing or wrong API key: send it in the X-API-Key header (or as 'Authorization: Bearer KEY')",
            )

    def ingest(body: DocumentsRequest) -> dict[str, Any]:
        from hadath.store.ingest import Ingester

        docs = [
            InputDocument(d.id, d.text, d.date, f"documents[{i}]", d.source, d.url, d.title)
            for i, d in enumerate(body.documents)
        ]
        with stores.writer() as store:
            summary = Ingester(store, pipeline=library.pipeline, dedup=store.dedup_config()).run(docs)
            ids = [d.doc_id for d in docs]
            stored = {
                r["doc_id"]: r["events"]
                for r in store.fetch(
                    """SELECT doc_id, list(event_id ORDER BY seq) AS events FROM events
                   WHERE doc_id IN (SELECT unnest(?)) GROUP BY doc_id""",
                    [ids],
                )
            }
            known = {
                r["doc_id"]
                for r in store.fetch("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
            }
        problems = [{"document": p.origin, "reason": p.reason, "skipped": p.lost} for p in summary.problems]
        if not known and problems:
            raise ApiError(
                422,
                "invalid_document",
                "no document could be stored: " + "; ".join(f"{p['document']}: {p['reason']}" for p in problems),
            )
        return {
            "stored": summary.stored,
            "replaced": summary.replaced,
            "unchanged": summary.unchanged,
            "duplicates": summary.duplicates,
            "superseded": summary.superseded,
            "skipped": summary.skipped,
            "events": summary.events,
            "documents": [{"id": i, "stored": i in known, "events": stored.get(i, [])} for i in dict.fromkeys(ids)],
            "problems": problems,
            "dedup": None
            if summary.dedup is None
            else {"groups": summary.dedup.groups, "reports": summary.dedup.reports, "clusters": summary.dedup.clusters},
        }

    @app.post(
        "/v1/documents",
        tags=["extraction"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _inline_refs(DocumentsRequest.model_json_schema())}},
            }
        },
    )
    async def post_documents(request: Request) -> Response:
        """Extract and store documents (``{"documents": [{"id", "text", "date"?, "source"?, "url"?, "title"?}]}``,
        at most 1,000), then deduplicate them with the store's settings. Only with the server's API key (header
        ``X-API-Key``); a server started without one is read-only (403). A stored document with the same id and
        text is left as it is; with another text it is replaced; an id given twice in one request keeps its later
        text (the rules of ``hadath ingest``, through the same code)."""
        authorize(request)
        if "json" not in request.headers.get("content-type", "").lower():
            raise ApiError(
                415, "unsupported_media_type", "the body must be JSON: send it with 'Content-Type: application/json'"
            )
        raw = await request.body()
        try:
            body = DocumentsRequest.model_validate_json(raw)
        except ValidationError as exc:
            errors = [{**e, "loc": ("body", *e["loc"])} for e in exc.errors()]
            message, code = describe_validation(errors)
            raise ApiError(422, code, message) from None
        return json_response(await run_in_threadpool(ingest, body))

    # ---- the dashboard ---------------------------------------------------------------------------------------

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


__all__ = ["DEFAULT_MAX_BODY", "create_app"]
