"""``GET /v1/events`` (a page of matching events) and ``GET /v1/events/{id}`` (one event with its provenance)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from hadath.api.deps import Filters, Lib, Stores, json_response
from hadath.api.errors import ApiError
from hadath.store.query import MAX_LIMIT, SORT_KEYS, count_events, provenance, query_events

router = APIRouter(tags=["events"])

#: Events per page of GET /v1/events when no ``limit`` is given (any larger limit is capped at ``MAX_LIMIT``).
DEFAULT_LIMIT = 50
#: The largest ``offset`` accepted (past any real store; keeps the value within SQL's integers).
MAX_OFFSET = 2**53


@router.get("/v1/events")
def list_events(
    f: Filters,
    stores: Stores,
    limit: Annotated[
        int, Query(ge=1, description=f"Events per page (larger values are capped at {MAX_LIMIT:,}).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Events to skip.")] = 0,
    reports: Annotated[bool, Query(description="Every report instead of deduplicated events.")] = False,
    sort: Annotated[
        str,
        Query(
            max_length=20,
            description=f"Order over all matching events: {', '.join(SORT_KEYS)}; '-' before it for descending.",
        ),
    ] = "-date",
) -> Response:
    """Matching events, newest first (or in the order of ``sort``, over all matching events), as contract events
    with ``doc_id``, ``mentions``, ``sources``,
    ``documents``, ``sentence_text``, ``quad_class`` and ``goldstein``: ``{"items", "total", "limit",
    "offset", "next_offset"}``."""
    limit = min(limit, MAX_LIMIT)
    with stores.reader() as store:
        total = count_events(store, f, reports)
        items = query_events(store, f, limit, offset, reports, sort)
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


@router.get("/v1/events/{event_id:path}")
def get_event(event_id: str, stores: Stores, library: Lib) -> Response:
    """One event (a deduplicated event's id or any report's) with its provenance: the sentence's text, the
    document's metadata, every span it rests on (document offsets; ``in_sentence``), and every report of the
    same real-world event with why it was merged; when analysts corrected it, ``machine`` (the event as the machine
    coded it) and ``corrections`` (every correction, newest first)."""
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
            actor["country_name"] = library.named(actor["country"] or actor["org"])
    return json_response(found)
