"""Exports of a store's events: contract JSON Lines, flat CSV and Parquet (and the same table as a pandas
DataFrame or an Arrow table), PLOVER JSON Lines and Phoenix TSV.

Every format writes one row (or line) per deduplicated event by default, or per report with ``reports=True``,
oldest first, as the analysts corrected it (with the filter's ``raw``: as the machine coded it). Every format is
made from the contract events that :func:`hadath.store.query.load_events` reads back, with their documents'
metadata and every report of their real-world event (URL and outlet).
The flat table's columns and types are declared once (:data:`FLAT_COLUMNS`): the CSV header, the dtypes to read
the CSV with (:func:`csv_dtypes`), the Parquet schema and the DataFrame all follow them.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from hadath import __version__
from hadath.errors import StoreError
from hadath.store.codes import lexicons_of
from hadath.store.plover import CODEBOOK, entity, event_loc, plover_contexts, plover_mode
from hadath.store.query import EventFilter, event_ids, load_events
from hadath.store.store import Store

if TYPE_CHECKING:
    import pyarrow

log = logging.getLogger(__name__)

FORMATS = ("jsonl", "csv", "parquet", "plover", "phoenix")

#: Events read from the store at a time.
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    """A column of the flat table: its name, its type (``string``, ``integer``, ``float``, ``date`` or ``list``,
    a list of strings) and what it holds."""

    name: str
    kind: str
    doc: str


FLAT_COLUMNS: tuple[Column, ...] = tuple(
    Column(*c)
    for c in (
        ("event_id", "string", "the event's id (its earliest report's), or the report's with reports=True"),
        ("doc_id", "string", "the document of this report"),
        ("cluster_id", "string", "reports=True only: the id of the deduplicated event this report belongs to"),
        ("type", "string", "PLOVER event type"),
        ("mode", "string", "hadath's mode (see the PLOVER export for the manual's)"),
        ("cameo", "string", "CAMEO code, with its leading zero (042)"),
        ("quad_class", "integer", "1, 2: verbal, material cooperation; 3, 4: verbal, material conflict"),
        ("goldstein", "float", "Goldstein score of the CAMEO code"),
        ("contexts", "list", "PLOVER contexts (hadath's)"),
        ("date", "date", "the event's date (from the text, else the document's)"),
        ("publication_date", "date", "the document's date"),
        ("confidence", "float", "the coder's confidence"),
        *(
            (f"{side}_{name}", kind, f"{side}: {doc}")
            for side in ("source", "target")
            for name, kind, doc in (
                ("text", "string", "the Arabic text of the actor"),
                ("name", "string", "English name"),
                ("country", "string", "ISO alpha-3 country code"),
                ("org", "string", "organization code"),
                ("sector", "string", "sector code"),
                ("role", "string", "role (foreign minister ...)"),
                ("entity_id", "string", "hadath's entity id"),
                ("start", "integer", "character offset of the text in the document"),
                ("end", "integer", "character offset of the end of the text"),
            )
        ),
        ("location_text", "string", "the Arabic text of the place"),
        ("location_country", "string", "ISO alpha-3 code of the place's country"),
        ("location_place", "string", "English name of the town or region"),
        ("location_lat", "float", "latitude"),
        ("location_lon", "float", "longitude"),
        ("location_geonames_id", "integer", "GeoNames id"),
        ("occasion_text", "string", "the occasion (a conference, a visit)"),
        ("trigger_text", "string", "the word that reports the event"),
        ("trigger_start", "integer", "its character offset"),
        ("trigger_end", "integer", "its end"),
        ("sentence_start", "integer", "character offset of the sentence"),
        ("sentence_end", "integer", "end of the sentence"),
        ("sentence_text", "string", "the sentence"),
        ("topics", "list", "topic ids"),
        ("mentions", "integer", "reports of the event"),
        ("sources", "integer", "distinct outlets that reported it"),
        ("documents", "list", "ids of the documents that reported it"),
        ("outlet", "string", "the outlet of this report (the input's source, else the agency the text cites)"),
        ("reported_by", "string", "the agency the text cites"),
        ("url", "string", "this report's URL"),
        ("title", "string", "this report's title"),
        ("urls", "list", "every report's URL, oldest report first"),
        ("outlets", "list", "every report's outlet, once each"),
    )
)


def flat_columns(reports: bool = False) -> tuple[Column, ...]:
    """The columns of the flat table: ``cluster_id`` only for reports (a deduplicated event's is its ``event_id``)."""
    return FLAT_COLUMNS if reports else tuple(c for c in FLAT_COLUMNS if c.name != "cluster_id")


#: The quote-free separator of list values in the CSV export (Parquet and DataFrames hold real lists).
LIST_SEPARATOR = ";"


def csv_dtypes() -> dict[str, str]:
    """The pandas dtypes to read the CSV export with (``pd.read_csv(path, dtype=csv_dtypes(),
    parse_dates=DATE_COLUMNS)``): every string and list column as ``string`` (so CAMEO 042 stays 042 and an
    empty cell stays missing), integers as nullable ``Int64``, decimals as ``float64``."""
    kinds = {"string": "string", "list": "string", "integer": "Int64", "float": "float64"}
    return {c.name: kinds[c.kind] for c in FLAT_COLUMNS if c.kind in kinds}


#: The date columns of the flat table (``YYYY-MM-DD`` in the CSV).
DATE_COLUMNS = tuple(c.name for c in FLAT_COLUMNS if c.kind == "date")

#: The Phoenix daily files' columns, in their order (the files have no header row; ``header=True`` adds one).
PHOENIX_COLUMNS = (
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
)  # fmt: skip


@dataclass(frozen=True)
class Gazetteer:
    """What exports name in English: countries and organizations by code, places by GeoNames id (kind, region)."""

    names: MappingProxyType[str, str]
    place_kinds: MappingProxyType[int, str]
    #: Kinds of places by (country, English name), for curated places without a GeoNames id.
    named_kinds: MappingProxyType[tuple[str, str], str]

    def place_kind(self, loc: dict[str, Any]) -> str | None:
        """The kind of a location's place (country, capital, region, city), or ``None`` when unknown."""
        if loc.get("geonames_id") is not None and loc["geonames_id"] in self.place_kinds:
            return self.place_kinds[loc["geonames_id"]]
        if loc.get("place") is None:
            return "country" if loc.get("country") else None
        return self.named_kinds.get((loc.get("country") or "", loc["place"]))


@cache
def gazetteer(folder: Path | None = None) -> Gazetteer:
    """English names of the packaged lexicons (or of ``folder``), loaded once per process."""
    lex = lexicons_of(folder)
    names = {f.org.code: f.org.name_en for f in reversed(lex.org_forms) if f.org.code}
    names.update({iso3: c.name_en for iso3, c in lex.countries.items()})
    kinds: dict[int, str] = {}
    named: dict[tuple[str, str], str] = {}
    for readings in lex.place_readings.values():
        for form in readings:
            if form.place.geonames_id is not None:
                kinds.setdefault(form.place.geonames_id, form.place.kind)
            named.setdefault((form.place.country, form.place.name_en), form.place.kind)
    for place in lex.country_places.values():
        if place.geonames_id is not None:
            kinds[place.geonames_id] = "country"
    return Gazetteer(MappingProxyType(names), MappingProxyType(kinds), MappingProxyType(named))


@dataclass
class ExportSummary:
    """What an export wrote: ``written`` events, and those ``left_out`` (PLOVER requires a date: an event whose
    text and document give none is left out of that format), with why."""

    written: int = 0
    left_out: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Batch:
    """Contract events with their documents and the reports of their real-world events."""

    events: list[dict[str, Any]]
    docs: dict[str, dict[str, Any]]
    reports: dict[str, list[dict[str, Any]]]  # by cluster id (or event id when not deduplicated)

    def doc(self, ev: dict[str, Any]) -> dict[str, Any]:
        return self.docs[ev["doc_id"]]

    def reports_of(self, ev: dict[str, Any]) -> list[dict[str, Any]]:
        return self.reports.get(ev["cluster_id"] or ev["id"]) or [
            {"event_id": ev["id"], "doc_id": ev["doc_id"], **_report_fields(self.doc(ev))}
        ]


def _report_fields(doc: dict[str, Any]) -> dict[str, Any]:
    return {"outlet": _outlet(doc), "url": doc.get("url"), "title": doc.get("title"), "date": doc.get("date")}


def _outlet(doc: dict[str, Any]) -> str | None:
    return doc.get("source") or doc.get("reported_by_name")


def batches(store: Store, ids: Sequence[str], size: int = CHUNK, raw: bool = False) -> Iterator[Batch]:
    """The events of ``ids`` (corrected, or ``raw``), ``size`` at a time, with what every format needs besides them."""
    for i in range(0, len(ids), size):
        events = load_events(store, ids[i : i + size], raw=raw)
        docs = {
            d["doc_id"]: d
            for d in store.fetch(
                """SELECT doc_id, date, source, url, title, reported_by_name, ingested_at, hadath_version
                   FROM documents WHERE doc_id IN (SELECT unnest($1))""",
                [sorted({e["doc_id"] for e in events})],
            )
        }
        reports: dict[str, list[dict[str, Any]]] = {}
        for r in store.fetch(
            """SELECT m.cluster_id, m.event_id, m.doc_id, d.source, d.reported_by_name, d.url, d.title, d.date
               FROM mentions m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = m.doc_id
               WHERE m.cluster_id IN (SELECT unnest($1))
               ORDER BY m.cluster_id, e.event_date NULLS LAST, d.date NULLS LAST, m.event_id""",
            [sorted({e["cluster_id"] for e in events if e["cluster_id"]})],
        ):
            reports.setdefault(r["cluster_id"], []).append(
                {"event_id": r["event_id"], "doc_id": r["doc_id"], **_report_fields(r)}
            )
        yield Batch(events, docs, reports)


def selected_ids(store: Store, f: EventFilter | None, reports: bool, limit: int | None = None,
                 offset: int = 0) -> list[str]:  # fmt: skip
    """Ids of the events to export, oldest first (event data sets are ordered so)."""
    ids = event_ids(store, f or EventFilter(), limit=limit, offset=offset, reports=reports)
    ids.reverse()
    return ids


def export(store: Store, fmt: str, out: Path | BinaryIO, f: EventFilter | None = None, reports: bool = False,
           excel: bool = False, header: bool = False) -> ExportSummary:  # fmt: skip
    """Write the events matching ``f`` to ``out`` (a path, or a binary stream such as ``sys.stdout.buffer``) in
    format ``fmt``. ``excel`` writes the CSV with a byte order mark and CRLF line ends (Excel then reads it as
    UTF-8); ``header`` gives the Phoenix TSV a header row (the daily files have none)."""
    if fmt not in FORMATS:
        raise StoreError(str(out), f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    ids = selected_ids(store, f, reports)
    raw = f.raw if f is not None else False
    summary = ExportSummary()
    try:
        if isinstance(out, Path):
            with out.open("wb") as fh:
                _write(store, fmt, ids, fh, summary, excel, header, reports, raw)
        else:
            _write(store, fmt, ids, out, summary, excel, header, reports, raw)
    except BrokenPipeError:
        raise  # the reader stopped reading (``| head``): the caller decides what that means
    except OSError as exc:
        name = str(out) if isinstance(out, Path) else getattr(out, "name", "the output stream")
        raise StoreError(str(name), f"cannot write the export: {exc.strerror or exc}") from None
    return summary


def _write(store: Store, fmt: str, ids: list[str], fh: BinaryIO, summary: ExportSummary, excel: bool,
           header: bool, reports: bool, raw: bool) -> None:  # fmt: skip
    if fmt == "parquet":
        summary.written = _write_parquet(store, ids, fh, reports, raw)
        return
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if excel and fmt == "csv" else "utf-8", newline="")
    try:
        if fmt == "csv":
            _write_csv(store, ids, text, summary, "\r\n" if excel else "\n", reports, raw)
        elif fmt == "phoenix":
            _write_phoenix(store, ids, text, summary, header, raw)
        elif fmt == "plover":
            _write_plover(store, ids, text, summary, raw)
        else:
            _write_jsonl(store, ids, text, summary, raw)
        text.flush()
    finally:
        text.detach()  # the caller owns the stream


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


# ---- contract JSON Lines --------------------------------------------------------------------------------------


def report_list(ev: dict[str, Any], batch: Batch) -> list[dict[str, Any]]:
    """Every report of an event, oldest first: event and document ids, outlet, URL and date."""
    return [
        {"event_id": r["event_id"], "doc_id": r["doc_id"], "outlet": r["outlet"], "url": r["url"],
         "date": _iso(r["date"])}
        for r in batch.reports_of(ev)
    ]  # fmt: skip


def _write_jsonl(store: Store, ids: list[str], fh: IO[str], summary: ExportSummary, raw: bool = False) -> None:
    for batch in batches(store, ids, raw=raw):
        for ev in batch.events:
            record = {**ev, "reports": report_list(ev, batch)}
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            summary.written += 1


# ---- the flat table: CSV, Parquet, DataFrame ------------------------------------------------------------------


def flat_row(ev: dict[str, Any], batch: Batch) -> dict[str, Any]:
    """One event as a row of :data:`FLAT_COLUMNS` (lists as lists, dates as dates)."""
    doc = batch.doc(ev)
    reps = batch.reports_of(ev)
    row: dict[str, Any] = {
        "event_id": ev["id"],
        "doc_id": ev["doc_id"],
        "cluster_id": ev["cluster_id"] or ev["id"],
        "type": ev["type"],
        "mode": ev["mode"],
        "cameo": ev["cameo"],
        "quad_class": ev["quad_class"],
        "goldstein": ev["goldstein"],
        "contexts": ev["contexts"],
        "date": date.fromisoformat(ev["date"]) if ev["date"] else doc["date"],
        "publication_date": doc["date"],
        "confidence": ev["confidence"],
    }
    for side in ("source", "target"):
        actor = ev[side] or {}
        for key in ("text", "name", "country", "org", "sector", "role", "entity_id", "start", "end"):
            row[f"{side}_{key}"] = actor.get(key)
    loc = ev["location"] or {}
    row.update(
        location_text=loc.get("text"), location_country=loc.get("country"), location_place=loc.get("place"),
        location_lat=loc.get("lat"), location_lon=loc.get("lon"), location_geonames_id=loc.get("geonames_id"),
        occasion_text=(ev["occasion"] or {}).get("text"), trigger_text=ev["trigger"]["text"],
        trigger_start=ev["trigger"]["start"], trigger_end=ev["trigger"]["end"],
        sentence_start=ev["sentence"]["start"], sentence_end=ev["sentence"]["end"],
        sentence_text=ev["sentence_text"], topics=ev["topics"], mentions=ev["mentions"], sources=ev["sources"],
        documents=ev["documents"], outlet=_outlet(doc), reported_by=doc.get("reported_by_name"), url=doc.get("url"),
        title=doc.get("title"), urls=[r["url"] for r in reps if r["url"]],
        outlets=list(dict.fromkeys(r["outlet"] for r in reps if r["outlet"])),
    )  # fmt: skip
    return row


def flat_rows(store: Store, ids: Sequence[str], raw: bool = False) -> Iterator[dict[str, Any]]:
    for batch in batches(store, ids, raw=raw):
        for ev in batch.events:
            yield flat_row(ev, batch)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _write_csv(store: Store, ids: list[str], fh: IO[str], summary: ExportSummary, line_end: str,
               reports: bool, raw: bool = False) -> None:  # fmt: skip
    columns = flat_columns(reports)
    writer = csv.writer(fh, lineterminator=line_end)
    writer.writerow([c.name for c in columns])
    for row in flat_rows(store, ids, raw):
        writer.writerow([_csv_cell(row[c.name]) for c in columns])
        summary.written += 1


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise StoreError("parquet", "Parquet and DataFrames need pyarrow: pip install 'hadath[frames]'") from None
    return pyarrow


def arrow_schema(reports: bool = False) -> pyarrow.Schema:
    """The Arrow schema of the flat table (Parquet and DataFrames)."""
    pa = _pyarrow()
    kinds = {"string": pa.string(), "integer": pa.int64(), "float": pa.float64(), "date": pa.date32(),
             "list": pa.list_(pa.string())}  # fmt: skip
    return pa.schema([pa.field(c.name, kinds[c.kind]) for c in flat_columns(reports)])


def arrow_batches(store: Store, ids: Sequence[str], reports: bool = False,
                  raw: bool = False) -> Iterator[pyarrow.RecordBatch]:  # fmt: skip
    pa = _pyarrow()
    schema = arrow_schema(reports)
    for batch in batches(store, ids, raw=raw):
        rows = [flat_row(ev, batch) for ev in batch.events]
        yield pa.RecordBatch.from_pylist(rows, schema=schema)


def arrow_table(store: Store, ids: Sequence[str], reports: bool = False, raw: bool = False) -> pyarrow.Table:
    """The flat table of these events (corrected, or ``raw``) as an Arrow table (list columns as lists, dates as
    dates)."""
    pa = _pyarrow()
    return pa.Table.from_batches(list(arrow_batches(store, ids, reports, raw)), schema=arrow_schema(reports))


def _write_parquet(store: Store, ids: list[str], fh: BinaryIO, reports: bool, raw: bool = False) -> int:
    _pyarrow()
    import pyarrow.parquet as pq

    n = 0
    with pq.ParquetWriter(fh, arrow_schema(reports), compression="zstd") as writer:
        for rb in arrow_batches(store, ids, reports, raw):
            writer.write_batch(rb)
            n += rb.num_rows
    return n


# ---- PLOVER -----------------------------------------------------------------------------------------------------


def plover_event(ev: dict[str, Any], batch: Batch, names: Gazetteer | None = None) -> dict[str, Any] | None:
    """One event as a PLOVER record (see :mod:`hadath.store.plover`); ``None`` for an event without a date."""
    names = names or gazetteer()
    doc = batch.doc(ev)
    day = ev["date"] or _iso(doc.get("date"))
    if day is None:
        return None
    mode = plover_mode(ev["type"], ev["mode"])
    loc = ev["location"]
    coded: datetime | None = doc.get("ingested_at")
    version = doc.get("hadath_version") or __version__
    record: dict[str, Any] = {
        "id": ev["id"],
        "date": day,
        "actor": entity(ev["source"]),
        "recipient": entity(ev["target"]),
        "event": [ev["type"]],
        "mode": [mode] if mode else [],
        "context": plover_contexts(ev["type"], ev["mode"], ev["contexts"]),
        "event_loc": None
        if loc is None
        else event_loc(loc, names.place_kind(loc), names.names.get(loc.get("country") or "")),
        "event_text": [ev["sentence_text"]],
        "quad_code": ev["quad_class"],
        "event_scale": ev["goldstein"],
        "text_info": {"start": ev["sentence"]["start"], "end": ev["sentence"]["end"]},
        "cite_info": {
            k: v
            for k, v in {
                "citation": ev["doc_id"],
                "url": doc.get("url"),
                "title": doc.get("title"),
                "language": "ar",
                "publication": _outlet(doc),
                "coder": f"hadath {version}",
                "codebook": CODEBOOK,
            }.items()
            if v is not None
        },
        "coder": f"hadath {version}",
        "coded_date": coded.date().isoformat() if coded else None,
        "coded_time": coded.time().isoformat(timespec="seconds") if coded else None,
        # hadath's additions (the manual invites named fields beyond its own)
        "cameo": ev["cameo"],
        "trigger": ev["trigger"],
        "topics": ev["topics"],
        "mentions": ev["mentions"],
        "sources": ev["sources"],
        "reports": [{("publication" if k == "outlet" else k): v for k, v in r.items()} for r in report_list(ev, batch)],
    }
    if ev["mode"] is not None and ev["mode"] != mode:
        record["hadath_mode"] = ev["mode"]
    dropped = [c for c in ev["contexts"] if c not in record["context"]]
    if dropped:
        record["hadath_contexts"] = ev["contexts"]
    return {k: v for k, v in record.items() if v is not None}


def _write_plover(store: Store, ids: list[str], fh: IO[str], summary: ExportSummary, raw: bool = False) -> None:
    names = gazetteer()
    for batch in batches(store, ids, raw=raw):
        for ev in batch.events:
            record = plover_event(ev, batch, names)
            if record is None:
                summary.left_out += 1
                continue
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            summary.written += 1
    if summary.left_out:
        summary.notes.append(f"{summary.left_out} event(s) without a date left out (PLOVER requires a date)")


# ---- Phoenix ----------------------------------------------------------------------------------------------------


def penta_class(cameo: str, quad_class: int | None) -> int | None:
    """Phoenix's PentaClass: 0 for the neutral CAMEO roots 01 (make a statement) and 02 (appeal), else the quad
    class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)."""
    return 0 if cameo[:2] in ("01", "02") else quad_class


def phoenix_row(ev: dict[str, Any], batch: Batch, names: Gazetteer | None = None) -> list[str]:
    """One event as a row of :data:`PHOENIX_COLUMNS` (values as strings; empty for unknown). ``LocationName`` and
    ``StateName`` are English (the town or region, and the region); ``URLs`` and ``NewsSources`` list every
    report of the event, separated by ``;``."""
    names = names or gazetteer()
    doc = batch.doc(ev)

    def actor(a: dict[str, Any] | None) -> list[str]:
        if not a:
            return ["", "", "", ""]
        entity = a["country"] or a["org"] or ""
        return [f"{entity}{a['sector'] or ''}", entity, a["sector"] or "", ""]

    day = ev["date"] or _iso(doc.get("date")) or ""
    y, m, d = day.split("-") if day else ("", "", "")
    loc = ev["location"] or {}
    kind = names.place_kind(loc) if loc else None
    place = loc.get("place") or names.names.get(loc.get("country") or "") or ""
    reps = batch.reports_of(ev)
    return [
        ev["id"], day.replace("-", ""), y, m, d, *actor(ev["source"]), *actor(ev["target"]), ev["cameo"],
        ev["cameo"][:2], _str(penta_class(ev["cameo"], ev["quad_class"])), _str(ev["goldstein"]),
        LIST_SEPARATOR.join(ev["topics"]), _str(loc.get("lat")), _str(loc.get("lon")), place,
        loc.get("place") or "" if kind == "region" else "", loc.get("country") or "",
        f"{ev['doc_id']}_{ev['sentence']['start']}", LIST_SEPARATOR.join(r["url"] for r in reps if r["url"]),
        LIST_SEPARATOR.join(dict.fromkeys(r["outlet"] for r in reps if r["outlet"])),
    ]  # fmt: skip


def _str(value: Any) -> str:
    return "" if value is None else str(value)


def _write_phoenix(store: Store, ids: list[str], fh: IO[str], summary: ExportSummary, header: bool,
                   raw: bool = False) -> None:  # fmt: skip
    names = gazetteer()
    writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(PHOENIX_COLUMNS)
    for batch in batches(store, ids, raw=raw):
        for ev in batch.events:
            writer.writerow(phoenix_row(ev, batch, names))
            summary.written += 1
