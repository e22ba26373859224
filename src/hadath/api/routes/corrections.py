"""Analysts' corrections: ``POST /v1/corrections`` (with the API key) corrects an event or marks it wrong,
``GET /v1/corrections`` lists every correction with who made it and when, and ``GET /v1/corrections/annotations``
exports those in force as ANNOTATION.md training records (JSON Lines)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from hadath.api.deps import Config, Lib, Stores, authorize, json_response
from hadath.api.errors import ApiError
from hadath.errors import CorrectionError
from hadath.store.corrections import annotation_records, build_correction

router = APIRouter(tags=["corrections"])

#: The largest correction request (bytes): an event id, a few codes and a note.
MAX_CORRECTION_BODY = 20_000


@router.post(
    "/v1/corrections",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["event_id", "analyst"],
                        "properties": {
                            "event_id": {"type": "string"},
                            "analyst": {"type": "string", "maxLength": 100},
                            "wrong": {"type": "boolean"},
                            "status": {
                                "enum": ["reported", "negated", "planned", "hypothetical", "background", "nonpolitical"]
                            },
                            "type": {"type": "string"},
                            "mode": {"type": ["string", "null"]},
                            "cameo": {"type": "string"},
                            "source": {"type": "object"},
                            "target": {"type": ["object", "null"]},
                            "note": {"type": "string", "maxLength": 2000},
                        },
                    }
                }
            },
        }
    },
)
async def post_correction(request: Request, stores: Stores, library: Lib, settings: Config) -> Response:
    """Correct one event report as an analyst (only with the API key): ``{"event_id", "analyst", "wrong"?,
    "status"?, "type"?, "mode"?, "cameo"?, "source"?: {"code" (or "country" | "org"), "sector", "name"?, "start"?,
    "end"?},
    "target"?: {...} | null, "note"?}``. Fields left out keep the coding in force. The machine's coding is kept;
    the correction (with who and when) applies to queries, aggregates and exports unless they ask for
    ``raw=true``, and survives re-ingest of the document. Answers the event as corrected."""
    authorize(request, settings.api_key)
    if "json" not in request.headers.get("content-type", "").lower():
        raise ApiError(
            415, "unsupported_media_type", "the body must be JSON: send it with 'Content-Type: application/json'"
        )
    raw = await request.body()
    if len(raw) > MAX_CORRECTION_BODY:
        raise ApiError(413, "body_too_large", f"a correction is at most {MAX_CORRECTION_BODY:,} bytes")
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ApiError(422, "malformed_json", f"the body is not JSON: {exc}") from None
    if not isinstance(body, dict) or not isinstance(body.get("event_id"), str):
        raise ApiError(422, "invalid_request", "the body must be an object with 'event_id' and 'analyst'")
    event_id, analyst = body.pop("event_id"), body.pop("analyst", None)
    names = frozenset(library.names)
    countries = frozenset(library.pipeline.lexicons.countries)
    for side in ("source", "target"):  # {"code": X}: a country when X is one, else an organization
        given = body.get(side)
        if isinstance(given, dict) and "code" in given:
            code = str(given.pop("code") or "").strip().upper() or None
            given["country"], given["org"] = (code, None) if code in countries else (None, code)

    def work() -> dict[str, Any]:
        from hadath.store.query import provenance

        with stores.writer() as store:
            try:
                correction = build_correction(store, event_id, body, str(analyst or ""), library.default_cameo, names)
            except KeyError:
                raise ApiError(404, "not_found", f"no event with id {event_id[:80]!r}") from None
            except CorrectionError as exc:
                raise ApiError(422, "invalid_correction", str(exc)) from None
            store.add_correction(correction.row())
            found = provenance(store, event_id)
        assert found is not None
        return found

    return json_response(await run_in_threadpool(work))


@router.get("/v1/corrections")
def list_corrections(stores: Stores) -> Response:
    """Every correction ever made, newest first, with who made it and when (``in_force``: the latest of its
    report); the machine's type and dyad it was made on anchor it to its report."""
    with stores.reader() as store:
        rows = store.fetch(
            """SELECT c.*, c.correction_id IN (SELECT correction_id FROM current_corrections) AS in_force
               FROM corrections c ORDER BY c.created_at DESC, c.correction_id DESC"""
        )
    return json_response({"items": rows, "total": len(rows)})


@router.get("/v1/corrections/annotations")
def correction_annotations(stores: Stores) -> Response:
    """The corrections in force as training records in the format of the team's ANNOTATION.md, one JSON object a
    line per document: ``{"id", "events": [{"type", "mode", "status", "optional", "trigger", "source", "target",
    "location", "correction"}], "annotator", "partial": true}`` (only the corrected events of a document are
    listed; an event marked wrong has status ``nonpolitical``)."""
    with stores.reader() as store:
        lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in annotation_records(store)]
    return Response("".join(lines).encode("utf-8"), media_type="application/x-ndjson")
