"""hadath (حدث): Arabic news text to political event records (PLOVER/CAMEO) with exact character spans."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

from hadath.config import PipelineConfig
from hadath.document import Actor, Document, Entity, Event, Location, Record, ReportedBy, Span
from hadath.errors import HadathError, InputError, ResourceError
from hadath.lexicon.lexicons import Lexicons, load_lexicons
from hadath.pipeline import Pipeline, extract

if TYPE_CHECKING:
    from hadath.store.store import Store


def __getattr__(name: str) -> Any:
    """``hadath.Store`` is imported on first use (it brings DuckDB)."""
    if name == "Store":
        from hadath.store.store import Store

        return Store
    raise AttributeError(f"module 'hadath' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Document",
    "Entity",
    "Event",
    "HadathError",
    "InputError",
    "Lexicons",
    "Location",
    "Pipeline",
    "PipelineConfig",
    "Record",
    "ReportedBy",
    "ResourceError",
    "Span",
    "Store",
    "__version__",
    "extract",
    "load_lexicons",
]
