"""Reading events back from a store: filters (always as SQL parameters), contract events with their
deduplication counts, one event with its provenance, and statistics."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from hadath.errors import HadathError
from hadath.lang.ar.normalize import normalize
from hadath.ontology import EVENT_TYPES, MODES, SECTORS, SYMMETRIC_TYPES
from hadath.store.codes import KnownCodes, known_codes, suggest
from hadath.store.store import Store

#: The most events one query returns (``--limit`` and the HTTP API's ``limit`` are capped to it).
MAX_LIMIT = 10_000


class FilterError(HadathError):
    """A query filter has a value that cannot match anything (an unknown type, a malformed date ...)."""


@dataclass(frozen=True)
class EventFilter:
    """Filters of ``hadath query`` (and ``GET /v1/events``); ``None`` means no filter. List-valued filters
    match any of their values."""

    country: tuple[str, ...] = ()  # either side
    source_country: tuple[str, ...] = ()
    target_country: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()  # either side
    type: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    location: str | None = None  # a country code, or words of the place name
    topic: tuple[str, ...] = ()
    text: str | None = None  # words of the sentence (compared after normalization)
    actor: str | None = None  # words of either side's name (English or Arabic as written), or its code
    raw: bool = False  # the machine's coding, without the analysts' corrections

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in ((), None, False) for f in fields(self))

    @property
    def events_table(self) -> str:
        """The relation events are read from: the machine's coding (``raw``), or with the corrections applied."""
        return "events" if self.raw else "coded_events"

    @property
    def actors_table(self) -> str:
        return "actors" if self.raw else "coded_actors"


def build_filter(
    country: Sequence[str] | str = (),
    source_country: Sequence[str] | str = (),
    target_country: Sequence[str] | str = (),
    sector: Sequence[str] | str = (),
    type: Sequence[str] | str = (),
    mode: Sequence[str] | str = (),
    since: str | date | None = None,
    until: str | date | None = None,
    location: str | None = None,
    topic: Sequence[str] | str = (),
    text: str | None = None,
    codes: KnownCodes | None = None,
    actor: str | None = None,
    raw: bool = False,
) -> EventFilter:
    """Validate user-given filter values (a value, a list, or comma-separated values) into an
    :class:`EventFilter`. Codes are checked against the known ones (``codes``, default: the packaged lexicons'):
    an unknown code is a :class:`FilterError` that names the closest known ones."""
    return EventFilter(
        country=_actor_codes(country, "country", codes),
        source_country=_actor_codes(source_country, "source-country", codes),
        target_country=_actor_codes(target_country, "target-country", codes),
        sector=_enum(sector, "sector", SECTORS),
        type=_enum(type, "type", EVENT_TYPES),
        mode=_enum(mode, "mode", MODES, upper=False),
        since=_date(since, "since"),
        until=_date(until, "until"),
        location=(location or "").strip() or None,
        topic=_topics(topic, codes),
        text=(text or "").strip() or None,
        actor=(actor or "").strip() or None,
        raw=raw,
    )


def _split(values: Sequence[str] | str) -> list[str]:
    if isinstance(values, str):
        values = [values]
    return [part.strip() for v in values for part in v.split(",") if part.strip()]


def _did_you_mean(options: list[str]) -> str:
    if not options:
        return ""
    return "; did you mean " + " or ".join(options) + "?"


def _actor_codes(values: Sequence[str] | str, name: str, codes: KnownCodes | None) -> tuple[str, ...]:
    out = tuple(v.upper() for v in _split(values))
    if not out:
        return out  # the lexicons are read only when there is a code to check
    known = codes or known_codes()
    for v in out:
        if v not in known.actors:
            hint = _did_you_mean([known.actor_label(c) for c in known.suggest_actor(v)])
            raise FilterError(
                f"--{name} {v!r} is not a country or organization code{hint} (codes are ISO 3166 alpha-3 such as "
                "BHR, or organization codes such as ARL; GET /v1/codes lists them)"
            )
    return out


def _topics(values: Sequence[str] | str, codes: KnownCodes | None) -> tuple[str, ...]:
    out = tuple(v.lower() for v in _split(values))
    if not out:
        return out
    known = codes or known_codes()
    for v in out:
        if v not in known.topics:
            hint = _did_you_mean(known.suggest_topic(v))
            raise FilterError(f"--topic {v!r} is not a known topic{hint} (GET /v1/codes lists the topics)")
    return out


def _enum(values: Sequence[str] | str, name: str, allowed: frozenset[str], upper: bool = True) -> tuple[str, ...]:
    out = tuple(v.upper() if upper else v.lower() for v in _split(values))
    for v in out:
        if v not in allowed:
            hint = _did_you_mean(suggest(v, allowed))
            raise FilterError(f"--{name} {v!r} is not one of: {', '.join(sorted(allowed))}{hint}")
    return out


def _date(value: str | date | None, name: str) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise FilterError(f"--{name} {value!r} is not a date (YYYY-MM-DD)") from None


def where(f: EventFilter, alias: str = "e") -> tuple[str, list[Any]]:
    """The SQL condition of a filter over ``events AS alias`` and its parameters."""
    conds: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        conds.append(sql)
        params.extend(values)

    e = alias
    if f.country:
        add(f"({e}.source_code IN (SELECT unnest(?)) OR {e}.target_code IN (SELECT unnest(?)))",
            list(f.country), list(f.country))  # fmt: skip
    if f.source_country:
        add(f"{e}.source_code IN (SELECT unnest(?))", list(f.source_country))
    if f.target_country:
        add(f"{e}.target_code IN (SELECT unnest(?))", list(f.target_country))
    if f.sector:
        add(f"({e}.source_sector IN (SELECT unnest(?)) OR {e}.target_sector IN (SELECT unnest(?)))",
            list(f.sector), list(f.sector))  # fmt: skip
    if f.type:
        add(f"{e}.type IN (SELECT unnest(?))", list(f.type))
    if f.mode:
        add(f"{e}.mode IN (SELECT unnest(?))", list(f.mode))
    if f.since:
        add(f"{e}.event_date >= ?", f.since)
    if f.until:
        add(f"{e}.event_date <= ?", f.until)
    if f.location:
        loc = f.location
        add(
            f"({e}.location_country = upper(?) OR strpos(lower({e}.location_place), lower(?)) > 0 "
            f"OR strpos({e}.location_text, ?) > 0)",
            loc, loc, loc,
        )  # fmt: skip
    if f.topic:
        add(f"EXISTS (SELECT 1 FROM topics t WHERE t.event_id = {e}.event_id AND t.topic IN (SELECT unnest(?)))",
            list(f.topic))  # fmt: skip
    if f.text:
        add(f"strpos({e}.sentence_norm, ?) > 0", normalize(f.text))
    if f.actor:
        add(
            f"""EXISTS (SELECT 1 FROM {f.actors_table} a WHERE a.event_id = {e}.event_id AND (
                strpos(lower(a.name), lower(?)) > 0 OR strpos(a.text, ?) > 0 OR a.entity_id = ?
                OR a.country = upper(?) OR a.org = upper(?)))""",
            *([f.actor] * 5),
        )
    if not f.raw:
        conds.append(f"NOT {e}.retracted")
    return (" AND ".join(conds) or "TRUE"), params


def _selection(f: EventFilter, reports: bool) -> tuple[str, list[Any]]:
    """SQL selecting the event ids to return: every matching report, or every matching deduplicated event.
    A deduplicated event is shown as, and filtered on, its first report (what is shown is what matched)."""
    cond, params = where(f)
    rel = f.events_table
    if reports:
        return f"SELECT e.event_id FROM {rel} e WHERE {cond}", params
    return f"SELECT e.event_id FROM {rel} e WHERE coalesce(e.cluster_id, e.event_id) = e.event_id AND {cond}", params


def count_events(store: Store, f: EventFilter, reports: bool = False) -> int:
    sql, params = _selection(f, reports)
    return int(store.scalar(f"SELECT count(*) FROM ({sql})", params))


#: What events can be sorted by: a name the caller gives -> an SQL expression over ``events e`` and
#: ``clusters c`` (from this fixed table only, never from user text). Ties: newest first, then by id.
SORT_KEYS = {
    "date": "e.event_date",
    "type": "e.type",
    "source": "e.source_code",
    "target": "e.target_code",
    "location": "coalesce(e.location_place, e.location_text)",
    "trigger": "e.trigger_text",
    "mentions": "coalesce(c.mentions, 1)",
    "goldstein": "e.goldstein",
}


def parse_sort(sort: str) -> tuple[str, bool]:
    """``"-mentions"`` -> ``("mentions", True)``: a key of :data:`SORT_KEYS`, descending when prefixed by ``-``."""
    key = sort.strip()
    descending = key.startswith("-")
    key = key.lstrip("-+ ")
    if key not in SORT_KEYS:
        raise FilterError(f"sort {sort!r} is not one of: {', '.join(SORT_KEYS)} (prefix '-' for descending)")
    return key, descending


def event_ids(store: Store, f: EventFilter, limit: int | None = None, offset: int = 0,
              reports: bool = False, sort: str = "-date") -> list[str]:  # fmt: skip
    """Ids of the matching events in the order of ``sort`` (newest first by default; see :func:`parse_sort`), over
    the whole store: all of them (``limit=None``), or the page of ``limit`` events after ``offset``. Callers that
    serve pages to others cap ``limit`` themselves (at :data:`MAX_LIMIT`)."""
    key, descending = parse_sort(sort)
    sql, params = _selection(f, reports)
    page = ""
    if limit is not None or offset:
        page = " LIMIT ? OFFSET ?"
        params = [*params, None if limit is None else max(0, limit), max(0, offset)]
    order = f"{SORT_KEYS[key]} {'DESC' if descending else 'ASC'} NULLS LAST"
    rows = store.con.execute(
        f"""SELECT s.event_id FROM ({sql}) s JOIN {f.events_table} e USING (event_id)
            LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
            ORDER BY {order}, e.event_date DESC NULLS LAST, e.event_id{page}""",
        params,
    ).fetchall()
    return [r[0] for r in rows]


def query_events(store: Store, f: EventFilter, limit: int | None = None, offset: int = 0,
                 reports: bool = False, sort: str = "-date") -> list[dict[str, Any]]:  # fmt: skip
    """Matching events as contract events with ``doc_id``, ``mentions``, ``sources`` and ``documents`` (and
    ``corrected``), in the order of ``sort``: all of them by default, or the page of ``limit`` after ``offset``."""
    return load_events(store, event_ids(store, f, limit, offset, reports, sort), raw=f.raw)


def iter_events(store: Store, f: EventFilter, reports: bool = False, chunk: int = 2000) -> Iterator[dict[str, Any]]:
    """Every matching event (for exports), read ``chunk`` at a time."""
    ids = event_ids(store, f, None, 0, reports)
    for i in range(0, len(ids), chunk):
        yield from load_events(store, ids[i : i + chunk], raw=f.raw)


def _actor(row: dict[str, Any] | None) -> dict[str, Any] | None:
    if row is None:
        return None
    keys = ("text", "start", "end", "name", "country", "org", "sector", "role", "entity_id")
    return {k: row[k] for k in keys}


def _span(text: str | None, start: int | None, end: int | None) -> dict[str, Any] | None:
    return None if text is None else {"text": text, "start": start, "end": end}


#: The columns of ``events`` that contract events are made of (not the search and deduplication columns, which
#: are the bulk of a row).
_EVENT_COLUMNS = ", ".join(
    f"e.{c}"
    for c in (
        "event_id", "doc_id", "type", "mode", "cameo", "quad_class", "goldstein", "contexts", "date", "confidence",
        "trigger_text", "trigger_start", "trigger_end", "sentence_start", "sentence_end", "sentence_text",
        "location_text", "location_start", "location_end", "location_country", "location_place", "location_lat",
        "location_lon", "location_geonames_id", "occasion_text", "occasion_start", "occasion_end", "cluster_id",
    )
)  # fmt: skip


def load_events(store: Store, ids: Sequence[str], raw: bool = False) -> list[dict[str, Any]]:
    """Contract events (with store fields) for these event ids, in the given order: as the analysts corrected
    them (``corrected`` names the correction in force), or as the machine coded them (``raw``)."""
    if not ids:
        return []
    idl = [list(ids)]
    rel = EventFilter(raw=raw)
    rows = store.fetch(
        f"""SELECT {_EVENT_COLUMNS}, {"NULL" if raw else "e.correction_id"} AS correction_id, c.mentions,
                   c.sources FROM {rel.events_table} e
            LEFT JOIN clusters c ON c.cluster_id = e.cluster_id WHERE e.event_id IN (SELECT unnest($1))""",
        idl,
    )
    actors: dict[tuple[str, str], dict[str, Any]] = {
        (a["event_id"], a["side"]): a
        for a in store.fetch(f"SELECT * FROM {rel.actors_table} WHERE event_id IN (SELECT unnest($1))", idl)
    }
    corrections: dict[str, dict[str, Any]] = {}
    if not raw:
        for c in store.fetch(
            """SELECT correction_id, analyst, created_at, note, wrong, status FROM corrections
               WHERE correction_id IN (SELECT unnest($1))""",
            [[r["correction_id"] for r in rows if r["correction_id"]]],
        ):
            corrections[c["correction_id"]] = {**c, "created_at": c["created_at"].isoformat(timespec="seconds")}
    evidence: dict[str, list[dict[str, Any]]] = {}
    for s in store.fetch(
        """SELECT event_id, text, start, "end" FROM spans WHERE kind = 'evidence' AND event_id IN (SELECT unnest($1))
           ORDER BY event_id, start""",
        idl,
    ):
        evidence.setdefault(s["event_id"], []).append({"text": s["text"], "start": s["start"], "end": s["end"]})
    topics: dict[str, list[str]] = {}
    for t in store.fetch("SELECT event_id, topic FROM topics WHERE event_id IN (SELECT unnest($1))", idl):
        topics.setdefault(t["event_id"], []).append(t["topic"])
    documents: dict[str, list[str]] = {}
    for m in store.fetch(
        """SELECT cluster_id, list(DISTINCT doc_id ORDER BY doc_id) AS docs FROM mentions
           WHERE cluster_id IN (SELECT cluster_id FROM events WHERE event_id IN (SELECT unnest($1)))
           GROUP BY cluster_id""",
        idl,
    ):
        documents[m["cluster_id"]] = m["docs"]
    by_id = {r["event_id"]: r for r in rows}
    out = []
    for event_id in ids:
        r = by_id.get(event_id)
        if r is None:
            continue
        loc = None
        if r["location_text"] is not None:
            loc = {
                "text": r["location_text"], "start": r["location_start"], "end": r["location_end"],
                "country": r["location_country"], "place": r["location_place"], "lat": r["location_lat"],
                "lon": r["location_lon"], "geonames_id": r["location_geonames_id"],
            }  # fmt: skip
        out.append({
            "id": event_id,
            "doc_id": r["doc_id"],
            "type": r["type"],
            "mode": r["mode"],
            "cameo": r["cameo"],
            "contexts": list(r["contexts"] or ()),
            "source": _actor(actors.get((event_id, "source"))),
            "target": _actor(actors.get((event_id, "target"))),
            "location": loc,
            "occasion": _span(r["occasion_text"], r["occasion_start"], r["occasion_end"]),
            "date": r["date"].isoformat() if r["date"] else None,
            "trigger": _span(r["trigger_text"], r["trigger_start"], r["trigger_end"]),
            "sentence": {"start": r["sentence_start"], "end": r["sentence_end"]},
            "topics": sorted(topics.get(event_id, ())),
            "confidence": r["confidence"],
            "evidence": evidence.get(event_id, []),
            "sentence_text": r["sentence_text"],
            "quad_class": r["quad_class"],
            "goldstein": r["goldstein"],
            "cluster_id": r["cluster_id"],
            "mentions": r["mentions"] or 1,
            "sources": r["sources"] or 1,
            "documents": documents.get(r["cluster_id"], [r["doc_id"]]),
            "corrected": None if raw else corrections.get(r["correction_id"]),
        })  # fmt: skip
    return out


def reports_of(store: Store, event_id: str) -> list[dict[str, Any]]:
    """Every report of the real-world event that ``event_id`` (a report or a cluster id) belongs to, with why it
    was merged; empty when the id is unknown."""
    cid = store.scalar("SELECT coalesce(cluster_id, event_id) FROM events WHERE event_id = ?", [event_id])
    if cid is None:
        return []
    rows = store.fetch(
        """SELECT m.event_id, m.doc_id, m.outlet, m.joined_with, m.similarity, m.day_gap, e.event_date, d.url, d.title
           FROM mentions m JOIN events e USING (event_id) JOIN documents d ON d.doc_id = m.doc_id
           WHERE m.cluster_id = ? ORDER BY e.event_date, m.event_id""",
        [cid],
    )
    if rows:
        return rows
    return store.fetch(
        """SELECT e.event_id, e.doc_id, coalesce(d.source, d.reported_by_name) AS outlet, NULL AS joined_with,
                  NULL AS similarity, NULL AS day_gap, e.event_date, d.url, d.title
           FROM events e JOIN documents d USING (doc_id) WHERE e.event_id = ?""",
        [event_id],
    )


def stats(store: Store, f: EventFilter | None = None, top: int = 20) -> dict[str, Any]:
    """Counts of deduplicated events by type, by dyad (the ``top`` most frequent) and by month."""
    f = f or EventFilter()
    base, params = _deduplicated(f)
    by_type = store.con.execute(
        f"SELECT type, count(*) FROM ({base}) GROUP BY type ORDER BY 2 DESC, 1", params
    ).fetchall()
    by_dyad = store.con.execute(
        f"""SELECT CASE WHEN type IN (SELECT unnest(?)) THEN replace(dyad_key, '|', ' <-> ')
                        ELSE replace(dyad_key, '|', ' -> ') END, count(*), round(avg(goldstein), 2)
            FROM ({base}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ?""",
        [sorted(SYMMETRIC_TYPES), *params, top],
    ).fetchall()
    by_month = store.con.execute(
        f"""SELECT coalesce(strftime(event_date, '%Y-%m'), 'undated'), count(*),
                   count(*) FILTER (WHERE quad_class <= 2), count(*) FILTER (WHERE quad_class >= 3)
            FROM ({base}) GROUP BY 1 ORDER BY 1""",
        params,
    ).fetchall()
    return {
        "counts": store.counts(),
        "by_type": [{"type": t, "events": n} for t, n in by_type],
        "by_dyad": [{"dyad": d, "events": n, "mean_goldstein": g} for d, n, g in by_dyad],
        "by_month": [{"month": m, "events": n, "cooperation": c, "conflict": k} for m, n, c, k in by_month],
    }


# ---- aggregates and provenance (the HTTP API's /v1/actors, /v1/dyads, /v1/timeline and /v1/events/{id}) -------

#: Periods that aggregates group dates by (the values are DuckDB ``date_trunc`` parts, passed as parameters).
PERIODS = ("day", "week", "month", "year")

#: What a timeline counts events by: a column of ``events`` (from this fixed list only, never from user text).
TIMELINE_KEYS = {"type": "type", "quad_class": "quad_class"}

#: What actors are grouped by.
ACTOR_GROUPS = ("actor", "country")


def _deduplicated(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL of the matching deduplicated events (all columns of ``events``), and its parameters."""
    sql, params = _selection(f, reports=False)
    return f"SELECT e.* FROM ({sql}) s JOIN {f.events_table} e USING (event_id)", params


def _check_period(period: str | None) -> None:
    if period is not None and period not in PERIODS:
        raise FilterError(f"period {period!r} is not one of: {', '.join(PERIODS)}")


def timeline(store: Store, f: EventFilter, interval: str = "month", by: str = "type") -> dict[str, Any]:
    """Deduplicated events counted per ``interval`` (day, week, month, year: periods named by their first day) and
    per ``by`` (``type`` or ``quad_class``) in ``items``; per period in ``periods``: events, cooperation (quad
    classes 1-2), conflict (3-4), the sum and count of Goldstein scores and their mean; undated events are counted
    apart."""
    _check_period(interval)
    if by not in TIMELINE_KEYS:
        raise FilterError(f"by {by!r} is not one of: {', '.join(TIMELINE_KEYS)}")
    base, params = _deduplicated(f)
    rows = store.fetch(
        f"""SELECT CAST(date_trunc(?, event_date) AS DATE) AS period, {TIMELINE_KEYS[by]} AS key, count(*) AS events
            FROM ({base}) WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY 1, 2""",
        [interval, *params],
    )
    undated = store.scalar(f"SELECT count(*) FROM ({base}) WHERE event_date IS NULL", params)
    periods = store.fetch(
        f"""SELECT CAST(date_trunc(?, event_date) AS DATE) AS period, count(*) AS events,
                   count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                   count(*) FILTER (WHERE quad_class >= 3) AS conflict,
                   coalesce(sum(goldstein), 0) AS goldstein_sum, count(goldstein) AS goldstein_n
            FROM ({base}) WHERE event_date IS NOT NULL GROUP BY ALL ORDER BY 1""",
        [interval, *params],
    )
    return {
        "interval": interval,
        "by": by,
        "items": [{"period": r["period"].isoformat(), "key": r["key"], "events": r["events"]} for r in rows],
        "periods": [
            {
                **r,
                "period": r["period"].isoformat(),
                "goldstein_sum": round(float(r["goldstein_sum"]), 2),
                "mean_goldstein": round(r["goldstein_sum"] / r["goldstein_n"], 2) if r["goldstein_n"] else None,
            }
            for r in periods
        ],
        "total": sum(r["events"] for r in rows) + int(undated),
        "undated": int(undated),
    }


def dyads(store: Store, f: EventFilter, period: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Pairs of actor codes (countries, or organizations such as ARL) with their deduplicated events counted as
    cooperation (quad classes 1-2) and conflict (3-4), the mean Goldstein score and the balance
    ``(cooperation - conflict) / events`` (from -1, all conflict, to 1, all cooperation). Pairs are unordered
    (``a`` < ``b``); ``a_to_b`` and ``b_to_a`` count the events by direction. With a ``period``, one row per pair
    and period. The ``limit`` pairs (or pair-periods) with the most events come first."""
    _check_period(period)
    base, params = _deduplicated(f)
    period_sql = "CAST(date_trunc(?, event_date) AS DATE)" if period else "CAST(NULL AS DATE)"
    period_params = [period] if period else []
    rows = store.fetch(
        f"""SELECT least(source_code, target_code) AS a, greatest(source_code, target_code) AS b,
                   {period_sql} AS period, count(*) AS events,
                   count(*) FILTER (WHERE source_code <= target_code) AS a_to_b,
                   count(*) FILTER (WHERE source_code > target_code) AS b_to_a,
                   count(*) FILTER (WHERE quad_class = 1) AS verbal_cooperation,
                   count(*) FILTER (WHERE quad_class = 2) AS material_cooperation,
                   count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
                   count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
                   round(avg(goldstein), 2) AS mean_goldstein
            FROM ({base}) WHERE source_code IS NOT NULL AND target_code IS NOT NULL
            GROUP BY ALL ORDER BY events DESC, period NULLS FIRST, a, b LIMIT ?""",
        [*period_params, *params, max(0, min(limit, MAX_LIMIT))],
    )
    out = []
    for r in rows:
        cooperation = r["verbal_cooperation"] + r["material_cooperation"]
        conflict = r["verbal_conflict"] + r["material_conflict"]
        out.append({
            **r,
            "period": r["period"].isoformat() if r["period"] else None,
            "cooperation": cooperation,
            "conflict": conflict,
            "balance": round((cooperation - conflict) / r["events"], 3),
        })  # fmt: skip
    return out


def places(store: Store, f: EventFilter, limit: int = 1000) -> dict[str, Any]:
    """The places of the matching deduplicated events that have coordinates (a town or region of the gazetteer),
    most events first: place, country, lat, lon, events, cooperation (quad classes 1-2), conflict (3-4) and the mean
    Goldstein score; ``without_coordinates`` counts the other events (a state's location has none)."""
    base, params = _deduplicated(f)
    rows = store.fetch(
        f"""SELECT location_place AS place, location_country AS country, round(location_lat, 4) AS lat,
                   round(location_lon, 4) AS lon, count(*) AS events,
                   count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
                   count(*) FILTER (WHERE quad_class >= 3) AS conflict,
                   round(avg(goldstein), 2) AS mean_goldstein
            FROM ({base}) WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL
            GROUP BY ALL ORDER BY events DESC, place LIMIT ?""",
        [*params, max(0, min(limit, MAX_LIMIT))],
    )
    without = store.scalar(f"SELECT count(*) FROM ({base}) WHERE location_lat IS NULL OR location_lon IS NULL", params)
    return {"items": rows, "without_coordinates": int(without)}


def actors(store: Store, f: EventFilter, group: str = "actor", limit: int = 100) -> list[dict[str, Any]]:
    """The actors of the matching deduplicated events, most frequent first: by ``actor`` (an entity: a person, a
    state, an organization; its most frequent mention and role) or by ``country`` (country or organization code)."""
    if group not in ACTOR_GROUPS:
        raise FilterError(f"group {group!r} is not one of: {', '.join(ACTOR_GROUPS)}")
    base, params = _deduplicated(f)
    if group == "country":
        key = "coalesce(a.country, a.org)"
        columns = f"{key} AS code, any_value(a.country) AS country, any_value(a.org) AS org"
    else:
        key = "coalesce(a.entity_id, coalesce(a.country, a.org, '---') || '/' || coalesce(a.sector, 'UNK'))"
        columns = (
            f"{key} AS key, any_value(a.entity_id) AS entity_id, mode(a.name) AS name, "
            "any_value(a.country) AS country, any_value(a.org) AS org, mode(a.sector) AS sector, mode(a.role) AS role, "
            "mode(a.text) AS text"
        )
    return store.fetch(
        f"""SELECT {columns}, count(DISTINCT a.event_id) AS events,
                   count(*) FILTER (WHERE a.side = 'source') AS as_source,
                   count(*) FILTER (WHERE a.side = 'target') AS as_target
            FROM {f.actors_table} a JOIN ({base}) e USING (event_id) WHERE {key} IS NOT NULL
            GROUP BY {key} ORDER BY events DESC, 1 LIMIT ?""",
        [*params, max(0, min(limit, MAX_LIMIT))],
    )


def actor_profile(store: Store, key: str, f: EventFilter, interval: str = "month") -> dict[str, Any] | None:
    """One actor across the matching deduplicated events: ``key`` is an entity id (``person:ayman-safadi``), a code
    and sector (``JOR/GOV``, as ``/v1/actors`` names actors without an entity) or a code (every actor of it). Its
    names, events per ``interval`` as source and as target, its counterparts (the other side of its events, with
    cooperation and conflict) and its roles by date (first and last event in each role). ``None`` when it has no
    matching event."""
    _check_period(interval)
    key = key.strip()
    if ":" in key:
        cond, key_params = "a.entity_id = ?", [key]
    elif "/" in key:
        code, sector = key.split("/", 1)
        cond = "coalesce(a.country, a.org, '---') = ? AND coalesce(a.sector, 'UNK') = ?"
        key_params = [code.upper(), sector.upper()]
    else:
        cond, key_params = "coalesce(a.country, a.org) = ?", [key.upper()]
    base, params = _deduplicated(f)
    mine = f"""SELECT a.*, e.event_date, e.quad_class, e.goldstein FROM {f.actors_table} a
               JOIN ({base}) e USING (event_id) WHERE {cond}"""
    all_params = [*params, *key_params]
    summary = store.fetch(
        f"""SELECT mode(name) AS name, mode(text) AS text, mode(coalesce(country, org)) AS code, mode(sector) AS sector,
                   any_value(entity_id) AS entity_id, count(DISTINCT event_id) AS events,
                   count(*) FILTER (WHERE side = 'source') AS as_source,
                   count(*) FILTER (WHERE side = 'target') AS as_target,
                   min(event_date) AS first_date, max(event_date) AS last_date,
                   list(DISTINCT text ORDER BY text) FILTER (WHERE text IS NOT NULL) AS texts
            FROM ({mine})""",
        all_params,
    )[0]
    if not summary["events"]:
        return None
    over_time = store.fetch(
        f"""SELECT CAST(date_trunc(?, event_date) AS DATE) AS period,
                   count(*) FILTER (WHERE side = 'source') AS as_source,
                   count(*) FILTER (WHERE side = 'target') AS as_target
            FROM ({mine}) WHERE event_date IS NOT NULL GROUP BY 1 ORDER BY 1""",
        [interval, *all_params],
    )
    counterparts = store.fetch(
        f"""SELECT coalesce(o.entity_id, coalesce(o.country, o.org, '---') || '/' || coalesce(o.sector, 'UNK')) AS key,
                   mode(o.name) AS name, mode(o.text) AS text, mode(coalesce(o.country, o.org)) AS code,
                   mode(o.sector) AS sector, count(DISTINCT me.event_id) AS events,
                   count(DISTINCT me.event_id) FILTER (WHERE me.quad_class <= 2) AS cooperation,
                   count(DISTINCT me.event_id) FILTER (WHERE me.quad_class >= 3) AS conflict
            FROM ({mine}) me JOIN {f.actors_table} o ON o.event_id = me.event_id AND o.side <> me.side
            GROUP BY 1 ORDER BY events DESC, 1 LIMIT 25""",
        all_params,
    )
    roles = store.fetch(
        f"""SELECT role, min(event_date) AS first_date, max(event_date) AS last_date, count(DISTINCT event_id) AS events
            FROM ({mine}) WHERE role IS NOT NULL GROUP BY role ORDER BY first_date NULLS LAST, role""",
        all_params,
    )

    def iso(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v.isoformat() if isinstance(v, date) else v for k, v in row.items()}

    return {
        "key": key,
        "interval": interval,
        **iso(summary),
        "over_time": [iso(r) for r in over_time],
        "counterparts": counterparts,
        "roles": [iso(r) for r in roles],
    }


def provenance(store: Store, event_id: str) -> dict[str, Any] | None:
    """Why an event was coded: the event (a report or a deduplicated event's id), its sentence's text, its
    document's metadata, every span it rests on (document offsets, and whether inside the sentence) and every
    report of the same real-world event. ``None`` when the id is unknown."""
    found = load_events(store, [event_id])
    if not found:
        return None
    event = found[0]
    doc = store.fetch(
        """SELECT doc_id, date, source, url, title, language, reported_by_name, reported_by_text, reported_by_start,
                  reported_by_end, ingested_at, hadath_version, length(text) AS length
           FROM documents WHERE doc_id = ?""",
        [event["doc_id"]],
    )[0]
    start, end = event["sentence"]["start"], event["sentence"]["end"]
    spans = [
        {**s, "in_sentence": start <= s["start"] and s["end"] <= end}
        for s in store.fetch(
            """SELECT kind, text, start, "end" FROM spans WHERE event_id = ? ORDER BY start, kind""", [event_id]
        )
    ]
    reported_by = None
    if doc["reported_by_text"] is not None:
        reported_by = {"text": doc["reported_by_text"], "start": doc["reported_by_start"],
                       "end": doc["reported_by_end"], "name": doc["reported_by_name"]}  # fmt: skip
    document = {
        "doc_id": doc["doc_id"],
        "date": doc["date"].isoformat() if doc["date"] else None,
        "source": doc["source"],
        "url": doc["url"],
        "title": doc["title"],
        "language": doc["language"],
        "reported_by": reported_by,
        "length": doc["length"],
        "ingested_at": doc["ingested_at"].isoformat() if doc["ingested_at"] else None,
        "hadath_version": doc["hadath_version"],
    }
    reports = [
        {**r, "event_date": r["event_date"].isoformat() if r["event_date"] else None}
        for r in reports_of(store, event_id)
    ]
    sentence = {"text": event["sentence_text"], "start": start, "end": end}
    machine = load_events(store, [event_id], raw=True)[0] if event["corrected"] else None
    return {
        "event": event,
        "sentence": sentence,
        "document": document,
        "spans": spans,
        "reports": reports,
        "machine": machine,
        "corrections": corrections_of(store, event_id),
    }


def corrections_of(store: Store, event_id: str) -> list[dict[str, Any]]:
    """Every correction made to the report ``event_id`` (as anchored now: by its document, trigger, machine type
    and dyad), newest first; the first is the one in force."""
    rows = store.fetch(
        """SELECT c.* FROM corrections c JOIN events e
             ON c.doc_id = e.doc_id AND c.trigger_start = e.trigger_start AND c.trigger_end = e.trigger_end
            AND c.machine_type = e.type AND c.machine_dyad = e.dyad_key
           WHERE e.event_id = ? ORDER BY c.created_at DESC, c.correction_id DESC""",
        [event_id],
    )
    return [{**r, "created_at": r["created_at"].isoformat(timespec="seconds")} for r in rows]
