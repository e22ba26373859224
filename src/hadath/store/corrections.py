"""Analysts' corrections of coded events: building one from the coding in force and the analyst's changes
(validated), and exporting them as training records in the format of the team's ANNOTATION.md.

A correction never overwrites the machine's coding: it is a row of its own (``corrections``) with who made it and
when, holding the whole corrected coding; the latest one of a report is in force. The store's views
``coded_events`` and ``coded_actors`` apply it (see :mod:`hadath.store.schema`), so queries, aggregates and exports
see the corrected coding unless asked for the raw one. Writing goes through :meth:`Store.add_correction`.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from hadath.errors import CorrectionError
from hadath.ontology import EVENT_TYPES, MODES_BY_TYPE, SECTORS, SYMMETRIC_TYPES
from hadath.store.cameo import load_cameo
from hadath.store.store import Store

log = logging.getLogger(__name__)

#: The statuses of ANNOTATION.md: ``reported``, or why the mention is not an event.
STATUSES = ("reported", "negated", "planned", "hypothetical", "background", "nonpolitical")
#: The store's statuses (the pipeline's factuality) in ANNOTATION.md's words.
_STATUS_OF_STORE = {"factual": "reported", "reference": "background", "generic": "nonpolitical"}
_CODE = re.compile(r"^[A-Z]{3,4}$")
_CAMEO = re.compile(r"^\d{2,4}$")
#: What a correction may change (anything else in a request is an error).
FIELDS = frozenset({"wrong", "status", "type", "mode", "cameo", "source", "target", "note"})
ACTOR_FIELDS = frozenset({"country", "org", "sector", "name", "start", "end"})


@dataclass(frozen=True)
class CorrectedActor:
    code: str  # country, else organization
    country: str | None
    org: str | None
    sector: str | None
    text: str | None
    start: int | None
    end: int | None
    name: str | None
    role: str | None
    entity_id: str | None


@dataclass(frozen=True)
class Correction:
    """One analyst's correction of one event report: the whole coding in force after it, who and when, and the
    anchor (document, trigger offsets, the machine's type and dyad) that finds the report again after re-ingest."""

    correction_id: str
    created_at: datetime
    analyst: str
    note: str | None
    doc_id: str
    event_id: str
    trigger_start: int
    trigger_end: int
    machine_type: str
    machine_dyad: str
    wrong: bool
    status: str
    type: str
    mode: str | None
    cameo: str
    quad_class: int | None
    goldstein: float | None
    source: CorrectedActor
    target: CorrectedActor | None

    @property
    def dyad_key(self) -> str:
        a, b = self.source.code, self.target.code if self.target else "-"
        if self.type in SYMMETRIC_TYPES and self.target is not None and b < a:
            a, b = b, a
        return f"{a}|{b}"

    def row(self) -> dict[str, Any]:
        """The row of the ``corrections`` table."""
        out = {k: v for k, v in asdict(self).items() if k not in ("source", "target")}
        for side, actor in (("source", self.source), ("target", self.target)):
            values = asdict(actor) if actor else dict.fromkeys(asdict(self.source))
            out.update({f"{side}_{k}": v for k, v in values.items()})
            if actor is None:
                out[f"{side}_code"] = "-"
        out["dyad_key"] = self.dyad_key
        return out


def default_cameo_codes(trigger_cameos: Mapping[str, list[str]]) -> dict[str, str]:
    """Each type's most frequent CAMEO code among the trigger lexicon's entries (given as type -> codes)."""
    return {t: max(sorted(set(codes)), key=codes.count) for t, codes in trigger_cameos.items() if codes}


def build_correction(
    store: Store,
    event_id: str,
    changes: Mapping[str, Any],
    analyst: str,
    default_cameo: Mapping[str, str],
    known_codes: frozenset[str] | None = None,
    now: datetime | None = None,
) -> Correction:
    """A correction of report ``event_id`` (a deduplicated event's id is its first report's): the coding in force
    (the machine's, or the latest correction) with ``changes`` applied. ``changes`` may hold ``wrong`` (bool),
    ``status`` (ANNOTATION.md's), ``type``, ``mode``, ``cameo``, ``source`` and ``target`` (``{country | org,
    sector, name?, start?, end?}``; a ``null`` target: none), ``note``. A changed type takes ``default_cameo[type]``
    unless a ``cameo`` is given and drops its mode unless one is given. A changed actor keeps the span of the actor
    it replaces unless ``start``/``end`` are given (``null`` for an actor the text only implies), and loses its
    name unless one is given. Codes are checked against ``known_codes`` when given. Raises
    :class:`CorrectionError` naming the field; ``KeyError`` when the event is unknown."""
    analyst = (analyst or "").strip()
    if not analyst or len(analyst) > 100:
        raise CorrectionError("analyst: say who makes the correction (1 to 100 characters)")
    unknown = set(changes) - FIELDS
    if unknown:
        allowed = ", ".join(sorted(FIELDS))
        raise CorrectionError(f"{sorted(unknown)[0]}: not a field a correction can change ({allowed})")
    rows = store.fetch("SELECT * FROM coded_events WHERE event_id = ?", [event_id])
    if not rows:
        raise KeyError(event_id)
    now_row = rows[0]
    machine = store.fetch("SELECT type, dyad_key FROM events WHERE event_id = ?", [event_id])[0]
    actors = {a["side"]: a for a in store.fetch("SELECT * FROM coded_actors WHERE event_id = ?", [event_id])}
    text = str(store.scalar("SELECT text FROM documents WHERE doc_id = ?", [now_row["doc_id"]]))

    etype = _upper(changes.get("type", now_row["type"]), "type")
    if etype not in EVENT_TYPES:
        raise CorrectionError(f"type: {etype!r} is not a PLOVER type ({', '.join(sorted(EVENT_TYPES))})")
    type_changed = etype != now_row["type"]
    mode = changes["mode"] if "mode" in changes else (None if type_changed else now_row["mode"])
    if mode is not None:
        mode = str(mode).strip().lower() or None
    if mode is not None and mode not in MODES_BY_TYPE.get(etype, frozenset()):
        allowed = ", ".join(sorted(MODES_BY_TYPE.get(etype, ()))) or "none"
        raise CorrectionError(f"mode: {mode!r} is not a mode of {etype} ({allowed})")
    cameo = changes.get("cameo") or (default_cameo.get(etype, now_row["cameo"]) if type_changed else now_row["cameo"])
    cameo = str(cameo).strip()
    table = load_cameo()
    if not _CAMEO.match(cameo) or table.name(cameo) is None:
        raise CorrectionError(f"cameo: {cameo!r} is not a CAMEO code (2 to 4 digits, e.g. 040)")
    status = changes.get("status") or _STATUS_OF_STORE.get(now_row["status"], now_row["status"] or "reported")
    if status not in STATUSES:
        raise CorrectionError(f"status: {status!r} is not one of: {', '.join(STATUSES)}")
    wrong = changes.get("wrong", False)
    if not isinstance(wrong, bool):
        raise CorrectionError("wrong: true or false")
    note = changes.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > 2000):
        raise CorrectionError("note: a text of at most 2,000 characters")

    def side(name: str) -> CorrectedActor | None:
        current = actors.get(name)
        before = _actor_of(current) if current else None
        if name not in changes:
            return before
        given = changes[name]
        if given is None:
            if name == "source":
                raise CorrectionError("source: an event has a source; give its code and sector")
            return None
        return _changed_actor(name, given, before, text, known_codes)

    source = side("source")
    if source is None:
        raise CorrectionError("source: the event has no source; give one")
    return Correction(
        correction_id=uuid.uuid4().hex,
        created_at=now or datetime.now(),
        analyst=analyst,
        note=(note or "").strip() or None,
        doc_id=now_row["doc_id"],
        event_id=event_id,
        trigger_start=now_row["trigger_start"],
        trigger_end=now_row["trigger_end"],
        machine_type=machine["type"],
        machine_dyad=machine["dyad_key"],
        wrong=wrong,
        status=status,
        type=etype,
        mode=mode,
        cameo=cameo,
        quad_class=table.quad_class(cameo),
        goldstein=table.goldstein(cameo),
        source=source,
        target=side("target"),
    )


def _upper(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise CorrectionError(f"{field}: a text code")
    return value.strip().upper()


def _actor_of(row: Mapping[str, Any]) -> CorrectedActor:
    return CorrectedActor(
        code=row["country"] or row["org"] or "---",
        country=row["country"],
        org=row["org"],
        sector=row["sector"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        name=row["name"],
        role=row["role"],
        entity_id=row["entity_id"],
    )


def _changed_actor(
    side: str, given: Any, before: CorrectedActor | None, text: str, known: frozenset[str] | None
) -> CorrectedActor:
    if not isinstance(given, Mapping):
        raise CorrectionError(f"{side}: an object {{country or org, sector, name?, start?, end?}}")
    extra = set(given) - ACTOR_FIELDS
    if extra:
        raise CorrectionError(f"{side}.{sorted(extra)[0]}: not a field of an actor ({', '.join(sorted(ACTOR_FIELDS))})")
    codes: dict[str, str | None] = {}
    for field in ("country", "org"):
        value = given.get(field, before.country if before and field == "country" else before.org if before else None)
        value = _upper(value, f"{side}.{field}") or None if value is not None else None
        if value is not None and (not _CODE.match(value) or (known is not None and value not in known)):
            raise CorrectionError(f"{side}.{field}: {value!r} is not a known country or organization code")
        codes[field] = value
    country, org = codes["country"], codes["org"]
    if country is None and org is None:
        raise CorrectionError(f"{side}: give a country or an organization code")
    sector = given.get("sector", before.sector if before else None)
    sector = _upper(sector, f"{side}.sector") if sector is not None else None
    if sector is not None and sector not in SECTORS:
        raise CorrectionError(f"{side}.sector: {sector!r} is not one of: {', '.join(sorted(SECTORS))}")
    start, end, span_text = (before.start, before.end, before.text) if before else (None, None, None)
    if "start" in given or "end" in given:
        start, end = given.get("start"), given.get("end")
        if (start is None) != (end is None):
            raise CorrectionError(f"{side}: give both start and end, or neither (an implied actor)")
        if start is not None and not (
            isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
        ):
            raise CorrectionError(f"{side}: offsets {start}..{end} outside the document (length {len(text)})")
        span_text = text[start:end] if start is not None and end is not None else None
    same = before is not None and (before.country, before.org) == (country, org)
    name = given.get("name")
    if name is not None and (not isinstance(name, str) or len(name) > 200):
        raise CorrectionError(f"{side}.name: a text of at most 200 characters")
    return CorrectedActor(
        code=country or org or "---",
        country=country,
        org=org,
        sector=sector,
        text=span_text,
        start=start,
        end=end,
        name=(name or "").strip() or (before.name if same and before else None),
        role=before.role if same and before else None,
        entity_id=before.entity_id if same and before else None,
    )


def annotation_records(store: Store) -> Iterator[dict[str, Any]]:
    """The corrections in force as ANNOTATION.md training records, one per document: ``{"id", "events",
    "annotator", "partial": true}``. ``partial``: only the corrected events of the document are listed (the others
    were not reviewed). An event marked wrong is listed with status ``nonpolitical`` (not an event) and its
    trigger, so that it trains the models as a negative; an actor the analyst left without a code (``---``) is
    ``null``, as ANNOTATION.md writes an actor only with a country or an organization. Offsets are into the
    stored document's text; a correction whose report is gone (its document's text changed there) or whose spans
    no longer match the text is left out (and logged)."""
    rows = store.fetch(
        """SELECT c.*, e.location_country, e.location_start, e.location_end FROM current_corrections c
           JOIN events e ON c.doc_id = e.doc_id AND c.trigger_start = e.trigger_start
                AND c.trigger_end = e.trigger_end AND c.machine_type = e.type AND c.machine_dyad = e.dyad_key
           ORDER BY c.doc_id, c.trigger_start, c.created_at, c.correction_id"""
    )
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    for doc_id, corrections in by_doc.items():
        text = str(store.scalar("SELECT text FROM documents WHERE doc_id = ?", [doc_id]))
        kept = [c for c in corrections if _spans_match(c, text)]
        if kept:
            yield {
                "id": doc_id,
                "events": [_annotation_event(c) for c in kept],
                "annotator": sorted({c["analyst"] for c in kept}),
                "partial": True,
            }


def _spans_match(c: Mapping[str, Any], text: str) -> bool:
    for side in ("source", "target"):
        start, end = c[f"{side}_start"], c[f"{side}_end"]
        if start is not None and text[start:end] != c[f"{side}_text"]:
            log.warning("correction %s of %s left out: its %s span no longer matches the text", c["correction_id"],
                        c["doc_id"], side)  # fmt: skip
            return False
    return True


def _annotation_event(c: Mapping[str, Any]) -> dict[str, Any]:
    def actor(side: str) -> dict[str, Any] | None:
        if c[f"{side}_country"] is None and c[f"{side}_org"] is None:  # no actor, or one of no known code
            return None
        out: dict[str, Any] = {}
        if c[f"{side}_start"] is not None:
            out.update(start=c[f"{side}_start"], end=c[f"{side}_end"])
        out.update(country=c[f"{side}_country"], org=c[f"{side}_org"], sector=c[f"{side}_sector"] or "UNK")
        return out

    location = None
    if c["location_country"] is not None:
        location = {"country": c["location_country"]}
        if c["location_start"] is not None:
            location.update(start=c["location_start"], end=c["location_end"])
    return {
        "type": c["type"],
        "mode": c["mode"],
        "status": "nonpolitical" if c["wrong"] else c["status"],
        "optional": False,
        "trigger": {"start": c["trigger_start"], "end": c["trigger_end"]},
        "source": actor("source"),
        "target": actor("target"),
        "location": location,
        "correction": {"id": c["correction_id"], "analyst": c["analyst"], "at": c["created_at"].isoformat()},
    }
