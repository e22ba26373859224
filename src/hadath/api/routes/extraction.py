"""``POST /v1/extract`` (the record of a pasted text, nothing stored) and ``POST /v1/documents`` (extract and store
documents; only with the API key)."""

from __future__ import annotations

from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import ValidationError

from hadath.api.deps import Config, Lib, Library, ServerStore, Stores, authorize, json_response
from hadath.api.errors import ApiError, describe_validation
from hadath.api.models import DocumentsRequest, ExtractRequest
from hadath.inputs import InputDocument

router = APIRouter(tags=["extraction"])


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


@router.post("/v1/extract")
async def extract(body: ExtractRequest, library: Lib, settings: Config) -> Response:
    """The contract record of one document (``{"text", "date"?, "id"?}``): its events and entities with
    character offsets into ``text``. Nothing is stored."""

    def work() -> Response:
        record = library.pipeline.extract(body.text, date=body.date, doc_id=body.id or "doc")
        return json_response(record.to_dict())

    return await anyio.to_thread.run_sync(work, limiter=settings.extraction_slots)


def _ingest(body: DocumentsRequest, stores: ServerStore, library: Library) -> dict[str, Any]:
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
            r["doc_id"] for r in store.fetch("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [ids])
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


@router.post(
    "/v1/documents",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _inline_refs(DocumentsRequest.model_json_schema())}},
        }
    },
)
async def post_documents(request: Request, stores: Stores, library: Lib, settings: Config) -> Response:
    """Extract and store documents (``{"documents": [{"id", "text", "date"?, "source"?, "url"?, "title"?}]}``,
    at most 1,000), then deduplicate them with the store's settings. Only with the server's API key (header
    ``X-API-Key``); a server started without one is read-only (403). A stored document with the same id and
    text is left as it is; with another text it is replaced; an id given twice in one request keeps its later
    text (the rules of ``hadath ingest``, through the same code)."""
    authorize(request, settings.api_key)
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
    return json_response(await run_in_threadpool(_ingest, body, stores, library))
