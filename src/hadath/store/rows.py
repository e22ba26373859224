"""Flattening one extracted document into the rows of the store's tables (pure; runs in worker processes).

Worker processes return :class:`DocumentRows` (tuples of plain values, cheap to send between processes) so that
the process that owns the database only inserts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from hadath import __version__
from hadath.document import Actor, Document, Event
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import default_resource_dir
from hadath.lexicon.tsv import read_tsv
from hadath.ontology import SYMMETRIC_TYPES
from hadath.store.cameo import CameoTable, load_cameo

#: Column order of each table, as :data:`hadath.store.schema.MIGRATIONS` creates them.
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": (
        "doc_id", "text_hash", "text", "date", "source", "url", "title", "language", "reported_by_name",
        "reported_by_text", "reported_by_start", "reported_by_end", "origin", "ingested_at", "hadath_version",
    ),
    "events": (
        "event_id", "doc_id", "seq", "type", "mode", "cameo", "quad_class", "goldstein", "contexts", "date",
        "event_date", "confidence", "status", "trigger_text", "trigger_start", "trigger_end", "sentence_start",
        "sentence_end", "sentence_text", "sentence_norm", "source_code", "source_country", "source_org",
        "source_sector", "target_code", "target_country", "target_org", "target_sector", "dyad_key",
        "location_text", "location_start", "location_end", "location_country", "location_place", "location_lat",
        "location_lon", "location_geonames_id", "occasion_text", "occasion_start", "occasion_end", "terms",
        "cluster_id",
    ),
    "actors": (
        "event_id", "doc_id", "side", "text", "start", "end", "name", "country", "org", "sector", "role", "entity_id",
    ),
    "spans": ("event_id", "doc_id", "kind", "text", "start", "end"),
    "entities": ("doc_id", "entity_id", "kind", "name", "country", "org", "sector", "role"),
    "entity_mentions": ("doc_id", "entity_id", "text", "start", "end"),
    "topics": ("event_id", "doc_id", "topic"),
    "document_topics": ("doc_id", "topic"),
}  # fmt: skip

_ORIGIN = COLUMNS["documents"].index("origin")

#: Context terms shorter than this (in letters) are not compared by deduplication.
MIN_TERM_LENGTH = 3


def text_hash(text: str) -> str:
    """The hash that tells whether a document's text changed since it was stored."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(slots=True)
class DocumentRows:
    """The rows one document adds to each table."""

    doc_id: str
    text_hash: str
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)

    @property
    def events(self) -> int:
        return len(self.tables.get("events", ()))

    @property
    def origin(self) -> str:
        """Where the document came from (``file:line``), for messages."""
        docs = self.tables.get("documents")
        return str(docs[0][_ORIGIN] or self.doc_id) if docs else self.doc_id


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What the input said about a document beyond its text."""

    source: str | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None


def actor_code(actor: Actor | None) -> str:
    """The actor's code in a dyad: its country, else its organization, else ``---``; ``-`` for no actor."""
    if actor is None:
        return "-"
    return actor.country or actor.org or "---"


def dyad_key(event_type: str, source: Actor, target: Actor | None) -> str:
    """``SRC|TGT``; for symmetric types (CONSULT, COOPERATE, AGREE) the pair in sorted order."""
    a, b = actor_code(source), actor_code(target)
    if event_type in SYMMETRIC_TYPES and target is not None and b < a:
        a, b = b, a
    return f"{a}|{b}"


@cache
def stopwords(folder: Path | None = None) -> frozenset[str]:
    """Normalized function words that deduplication leaves out of context terms (``resources/stopwords.tsv``)."""
    path = (folder or default_resource_dir()) / "stopwords.tsv"
    return frozenset(normalize(row["form"]) for _, row in read_tsv(path, ("form",)) if row["form"])


def context_terms(doc: Document, start: int, end: int, stop: frozenset[str]) -> list[str]:
    """Sorted distinct normalized words (clitics split off) of ``doc.text[start:end]``, function words left out."""
    terms = {
        t.norm
        for t in doc.tokens
        if t.kind == "word" and t.start >= start and t.end <= end and len(t.norm) >= MIN_TERM_LENGTH
    }
    return sorted(terms - stop)


def document_rows(
    doc: Document, meta: DocumentMeta | None = None, cameo: CameoTable | None = None, now: datetime | None = None
) -> DocumentRows:
    """Rows for a document that went through the whole pipeline (``doc.events`` and ``doc.entities`` set)."""
    meta = meta or DocumentMeta()
    cameo = cameo or load_cameo()
    stop = stopwords()
    rows = DocumentRows(doc.doc_id, text_hash(doc.text), {name: [] for name in COLUMNS})
    rb = doc.reported_by
    rows.tables["documents"].append((
        doc.doc_id, rows.text_hash, doc.text, doc.date, meta.source, meta.url, meta.title, doc.language,
        rb.name if rb else None, rb.text if rb else None, rb.start if rb else None, rb.end if rb else None,
        meta.origin, now or datetime.now(), __version__,
    ))  # fmt: skip
    for seq, event in enumerate(doc.events, start=1):
        _event_rows(rows, doc, seq, event, cameo, stop)
    for entity in doc.entities:
        rows.tables["entities"].append(
            (doc.doc_id, entity.id, entity.kind, entity.name, entity.country, entity.org, entity.sector, entity.role)
        )
        for m in entity.mentions:
            rows.tables["entity_mentions"].append((doc.doc_id, entity.id, m.text, m.start, m.end))
    doc_topics = sorted({m.entry.topic for m in doc.mentions if m.kind == "topic"})
    rows.tables["document_topics"].extend((doc.doc_id, t) for t in doc_topics)
    return rows


def _event_rows(
    rows: DocumentRows, doc: Document, seq: int, ev: Event, cameo: CameoTable, stop: frozenset[str]
) -> None:
    sent_start, sent_end = ev.sentence
    sentence = doc.text[sent_start:sent_end]
    loc, occ, src, tgt = ev.location, ev.occasion, ev.source, ev.target
    rows.tables["events"].append((
        ev.id, doc.doc_id, seq, ev.type, ev.mode, ev.cameo, cameo.quad_class(ev.cameo), cameo.goldstein(ev.cameo),
        list(ev.contexts), ev.date, ev.date or doc.date, round(ev.confidence, 2), ev.status,
        ev.trigger.text, ev.trigger.start, ev.trigger.end, sent_start, sent_end, sentence, normalize(sentence),
        actor_code(src), src.country, src.org, src.sector,
        actor_code(tgt), tgt.country if tgt else None, tgt.org if tgt else None, tgt.sector if tgt else None,
        dyad_key(ev.type, src, tgt),
        loc.text if loc else None, loc.start if loc else None, loc.end if loc else None,
        loc.country if loc else None, loc.place if loc else None, loc.lat if loc else None,
        loc.lon if loc else None, loc.geonames_id if loc else None,
        occ.text if occ else None, occ.start if occ else None, occ.end if occ else None,
        context_terms(doc, sent_start, sent_end, stop) + _entity_terms(src, tgt), None,
    ))  # fmt: skip
    for side, actor in (("source", src), ("target", tgt)):
        if actor is None:
            continue
        rows.tables["actors"].append((
            ev.id, doc.doc_id, side, actor.text, actor.start, actor.end, actor.name, actor.country, actor.org,
            actor.sector, actor.role, actor.entity_id,
        ))  # fmt: skip
    spans = [("trigger", ev.trigger.text, ev.trigger.start, ev.trigger.end)]
    spans += [(side, a.text, a.start, a.end) for side, a in (("source", src), ("target", tgt)) if a is not None]
    if loc is not None:
        spans.append(("location", loc.text, loc.start, loc.end))
    if occ is not None:
        spans.append(("occasion", occ.text, occ.start, occ.end))
    spans += [("evidence", s.text, s.start, s.end) for s in ev.evidence]
    rows.tables["spans"].extend((ev.id, doc.doc_id, *s) for s in spans)
    rows.tables["topics"].extend((ev.id, doc.doc_id, t) for t in ev.topics)


def _entity_terms(*actors: Actor | None) -> list[str]:
    """The actors' entity ids as context terms (``@person:ayman-safadi``): reports naming the same people agree."""
    return sorted({f"@{a.entity_id}" for a in actors if a is not None and a.entity_id})
