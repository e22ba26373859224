"""``GET /v1/export``: the matching events as a file in one of the store's export formats (what the dashboard's
"Export these events" downloads: the current filters, every matching event, not one page)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from hadath.api.deps import Filters, Stores
from hadath.store.export import export

router = APIRouter(tags=["events"])

#: Media type and file suffix of each format.
KINDS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
    "plover": ("application/x-ndjson", "plover.jsonl"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "phoenix": ("text/tab-separated-values; charset=utf-8", "tsv"),
}


@router.get("/v1/export")
async def export_events(
    f: Filters,
    stores: Stores,
    format: Annotated[
        Literal["csv", "parquet", "plover", "jsonl", "phoenix"], Query(description="The export format.")
    ] = "csv",
    reports: Annotated[bool, Query(description="Every report instead of deduplicated events.")] = False,
) -> FileResponse:
    """Every event matching the filters (oldest first, as ``hadath export`` writes them), with the analysts'
    corrections applied unless ``raw=true``, as a download: CSV, Parquet, PLOVER JSON Lines, contract JSON Lines
    or Phoenix TSV."""
    media, suffix = KINDS[format]
    handle, name = tempfile.mkstemp(prefix="hadath-export-", suffix="." + suffix)
    os.close(handle)
    path = Path(name)

    def work() -> None:
        with stores.reader() as store:
            export(store, format, path, f, reports=reports)

    try:
        await run_in_threadpool(work)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return FileResponse(
        path, media_type=media, filename=f"hadath-events.{suffix}", background=BackgroundTask(path.unlink)
    )
