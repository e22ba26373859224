"""The corpus store: ingest into DuckDB, deduplicate across documents, query and export."""

from hadath.store.dedup import DedupConfig
from hadath.store.ingest import IngestSummary, ingest
from hadath.store.query import EventFilter, build_filter, query_events
from hadath.store.store import Store

__all__ = ["DedupConfig", "EventFilter", "IngestSummary", "Store", "build_filter", "ingest", "query_events"]
