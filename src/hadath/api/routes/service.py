"""``GET /v1/health`` and ``GET /v1/codes``: the service's state and the codes the filters accept."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import Response

from hadath import __version__
from hadath.api.deps import Lib, Stores, json_response
from hadath.ontology import EVENT_TYPES, MODES_BY_TYPE, SECTORS
from hadath.store.cameo import QUAD_CLASS_NAMES

router = APIRouter(tags=["service"])


@router.get("/v1/health")
def health(stores: Stores) -> Response:
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


@router.get("/v1/codes")
def codes(library: Lib) -> Response:
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
