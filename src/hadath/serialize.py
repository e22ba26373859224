"""JSON at the edge, in one place: the contract of ../shared/EVENT_FORMAT.md."""

from __future__ import annotations

import json
from typing import Any

from hadath.document import Actor, Entity, Event, Location, Record, ReportedBy, Span


def span_to_dict(span: Span | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    out = {
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "name": actor.name,
        "country": actor.country,
        "org": actor.org,
        "sector": actor.sector,
        "role": actor.role,
        "entity_id": actor.entity_id,
    }
    if actor.name_source is not None:
        out["name_source"] = actor.name_source  # an addition to the contract: "romanized" names
    return out


def location_to_dict(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {
        "text": loc.text,
        "start": loc.start,
        "end": loc.end,
        "country": loc.country,
        "place": loc.place,
        "lat": loc.lat,
        "lon": loc.lon,
        "geonames_id": loc.geonames_id,
    }


def reported_by_to_dict(rb: ReportedBy | None) -> dict[str, Any] | None:
    if rb is None:
        return None
    return {"text": rb.text, "start": rb.start, "end": rb.end, "name": rb.name}


def event_to_dict(event: Event, include_status: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "contexts": list(event.contexts),
        "source": actor_to_dict(event.source),
        "target": actor_to_dict(event.target),
        "location": location_to_dict(event.location),
        "occasion": span_to_dict(event.occasion),
        "date": event.date.isoformat() if event.date else None,
        "trigger": span_to_dict(event.trigger),
        "sentence": {"start": event.sentence[0], "end": event.sentence[1]},
        "topics": list(event.topics),
        "confidence": round(event.confidence, 2),
    }
    out["evidence"] = [span_to_dict(s) for s in event.evidence]
    if include_status:
        out["status"] = event.status
    return out


def entity_to_dict(entity: Entity) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": entity.id,
        "kind": entity.kind,
        "name": entity.name,
        "country": entity.country,
        "org": entity.org,
        "sector": entity.sector,
        "role": entity.role,
        "mentions": [span_to_dict(m) for m in entity.mentions],
    }
    if entity.name_source is not None:
        out["name_source"] = entity.name_source
    return out


def record_to_dict(record: Record, include_status: bool = False) -> dict[str, Any]:
    return {
        "doc_id": record.doc_id,
        "date": record.date.isoformat() if record.date else None,
        "language": record.language,
        "reported_by": reported_by_to_dict(record.reported_by),
        "events": [event_to_dict(e, include_status) for e in record.events],
        "entities": [entity_to_dict(e) for e in record.entities],
        "topics": list(record.topics),
    }


def record_to_json(record: Record, include_status: bool = False, indent: int | None = None) -> str:
    return json.dumps(record_to_dict(record, include_status), ensure_ascii=False, indent=indent)
