"""Exports of a store's events: contract JSON Lines, flat CSV and Parquet, PLOVER JSON Lines, Phoenix TSV.

Every format writes one row (or line) per deduplicated event by default, or per report with ``reports=True``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from hadath.errors import StoreError
from hadath.store.query import EventFilter, event_ids, load_events
from hadath.store.store import Store

FORMATS = ("jsonl", "csv", "parquet", "plover", "phoenix")

#: Phoenix's columns (the Phoenix event data set's TSV), with the quad class in place of its penta class.
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)  # fmt: skip

#: The flat columns of the CSV and Parquet exports (one row per event, actor fields flattened).
FLAT_SQL = """
SELECT e.event_id, e.doc_id, e.cluster_id, e.type, e.mode, e.cameo, e.quad_class, e.goldstein,
       array_to_string(e.contexts, ';') AS contexts, e.date, e.event_date, e.confidence,
       s.text AS source_text, s.name AS source_name, s.country AS source_country, s.org AS source_org,
       s.sector AS source_sector, s.role AS source_role, s.entity_id AS source_entity_id,
       s.start AS source_start, s."end" AS source_end,
       t.text AS target_text, t.name AS target_name, t.country AS target_country, t.org AS target_org,
       t.sector AS target_sector, t.role AS target_role, t.entity_id AS target_entity_id,
       t.start AS target_start, t."end" AS target_end,
       e.location_text, e.location_country, e.location_place, e.location_lat, e.location_lon,
       e.location_geonames_id, e.occasion_text, e.trigger_text, e.trigger_start, e.trigger_end,
       e.sentence_start, e.sentence_end, e.sentence_text,
       (SELECT string_agg(topic, ';' ORDER BY topic) FROM topics tp WHERE tp.event_id = e.event_id) AS topics,
       coalesce(c.mentions, 1) AS mentions, coalesce(c.sources, 1) AS sources,
       coalesce(c.documents, 1) AS documents,
       d.source AS outlet, d.reported_by_name, d.url, d.title, d.date AS publication_date
FROM _export_ids x JOIN events e ON e.event_id = x.event_id
LEFT JOIN actors s ON s.event_id = e.event_id AND s.side = 'source'
LEFT JOIN actors t ON t.event_id = e.event_id AND t.side = 'target'
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
JOIN documents d ON d.doc_id = e.doc_id
ORDER BY x.n
"""


def export(store: Store, fmt: str, out: Path, f: EventFilter | None = None, reports: bool = False) -> int:
    """Write the events matching ``f`` to ``out`` in format ``fmt``; return how many were written."""
    if fmt not in FORMATS:
        raise StoreError(str(out), f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    ids = event_ids(store, f or EventFilter(), limit=None, reports=reports)
    ids.reverse()  # oldest first, as event data sets are ordered
    try:
        if fmt in ("csv", "parquet"):
            _copy_flat(store, ids, out, fmt)
        else:
            with out.open("w", encoding="utf-8", newline="") as fh:
                writer = {"jsonl": _write_jsonl, "plover": _write_plover, "phoenix": _write_phoenix}[fmt]
                writer(store, ids, fh)
    except OSError as exc:
        raise StoreError(str(out), f"cannot write the export: {exc.strerror}") from None
    return len(ids)


def _copy_flat(store: Store, ids: list[str], out: Path, fmt: str) -> None:
    store.con.execute(
        "CREATE OR REPLACE TEMP TABLE _export_ids AS SELECT unnest($1) AS event_id, unnest($2) AS n",
        [ids, list(range(len(ids)))],
    )
    target = str(out).replace("'", "''")  # a file name, not a value: COPY takes no parameter for it
    options = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet, COMPRESSION zstd"
    store.con.execute(f"COPY ({FLAT_SQL}) TO '{target}' ({options})")
    store.con.execute("DROP TABLE _export_ids")


def _chunks(store: Store, ids: list[str], size: int = 2000) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Events with the metadata of their documents, ``size`` at a time."""
    for i in range(0, len(ids), size):
        events = load_events(store, ids[i : i + size])
        docs = {
            d["doc_id"]: d
            for d in store.fetch(
                """SELECT doc_id, date, source, url, title, reported_by_name FROM documents
                   WHERE doc_id IN (SELECT unnest($1))""",
                [sorted({e["doc_id"] for e in events})],
            )
        }
        yield events, docs


def _write_jsonl(store: Store, ids: list[str], fh: TextIO) -> None:
    for events, _ in _chunks(store, ids):
        for ev in events:
            fh.write(json.dumps(ev, ensure_ascii=False, default=str) + "\n")


def _outlet(doc: dict[str, Any]) -> str | None:
    return doc.get("source") or doc.get("reported_by_name")


def plover_event(ev: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER data format (actor, recipient, event, mode, context, event_loc, event_text,
    text_info), with hadath's richer fields alongside."""
    src, tgt, loc = ev["source"] or {}, ev["target"] or {}, ev["location"]
    return {
        "id": ev["id"],
        "date": ev["date"],
        "event": ev["type"],
        "mode": ev["mode"],
        "context": ev["contexts"],
        "actor": src.get("country") or src.get("org"),
        "actor_name": src.get("name") or src.get("text"),
        "actor_sector": src.get("sector"),
        "actor_role": src.get("role"),
        "actor_text": src.get("text"),
        "recipient": (tgt.get("country") or tgt.get("org")) if tgt else None,
        "recipient_name": (tgt.get("name") or tgt.get("text")) if tgt else None,
        "recipient_sector": tgt.get("sector") if tgt else None,
        "recipient_role": tgt.get("role") if tgt else None,
        "recipient_text": tgt.get("text") if tgt else None,
        "event_loc": None
        if loc is None
        else {
            "name": loc["place"] or loc["text"],
            "country": loc["country"],
            "lat": loc["lat"],
            "lon": loc["lon"],
            "geonames_id": loc["geonames_id"],
        },
        "event_text": ev["sentence_text"],
        "cameo": ev["cameo"],
        "text_info": {
            "doc_id": ev["doc_id"],
            "source": _outlet(doc),
            "publication_date": doc["date"].isoformat() if doc.get("date") else None,
            "url": doc.get("url"),
            "title": doc.get("title"),
            "language": "ar",
            "trigger": ev["trigger"],
        },
        "topics": ev["topics"],
        "mentions": ev["mentions"],
        "sources": ev["sources"],
        "documents": ev["documents"],
    }


def _write_plover(store: Store, ids: list[str], fh: TextIO) -> None:
    for events, docs in _chunks(store, ids):
        for ev in events:
            fh.write(json.dumps(plover_event(ev, docs[ev["doc_id"]]), ensure_ascii=False) + "\n")


def phoenix_row(ev: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    """One event as a Phoenix TSV row (values as strings; empty for unknown)."""

    def actor(a: dict[str, Any] | None) -> list[str]:
        if not a:
            return ["", "", "", ""]
        entity = a["country"] or a["org"] or ""
        return [f"{entity}{a['sector'] or ''}", entity, a["sector"] or "", ""]

    day = ev["date"] or (doc["date"].isoformat() if doc.get("date") else "")
    y, m, d = [*day.split("-"), "", "", ""][:3] if day else ("", "", "")
    loc = ev["location"] or {}
    sentence_no = f"{ev['doc_id']}:{ev['sentence']['start']}"
    return [
        ev["id"], day.replace("-", ""), y, m, d, *actor(ev["source"]), *actor(ev["target"]), ev["cameo"],
        ev["cameo"][:2], _str(ev["quad_class"]), _str(ev["goldstein"]), ";".join(ev["topics"]),
        _str(loc.get("lat")), _str(loc.get("lon")), loc.get("place") or loc.get("text") or "", "",
        loc.get("country") or "", sentence_no, doc.get("url") or "", _outlet(doc) or "",
    ]  # fmt: skip


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _write_phoenix(store: Store, ids: list[str], fh: TextIO) -> None:
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(PHOENIX_COLUMNS)
    for events, docs in _chunks(store, ids):
        for ev in events:
            writer.writerow(phoenix_row(ev, docs[ev["doc_id"]]))
