"""hadath (حدث): Arabic news text to political event records (PLOVER/CAMEO) with exact character spans."""

from __future__ import annotations

__version__ = "0.1.0"

from hadath.config import PipelineConfig
from hadath.document import Actor, Document, Entity, Event, Location, Record, ReportedBy, Span
from hadath.errors import HadathError, InputError, ResourceError
from hadath.lexicon.lexicons import Lexicons, load_lexicons
from hadath.pipeline import Pipeline, extract

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
    "__version__",
    "extract",
    "load_lexicons",
]
