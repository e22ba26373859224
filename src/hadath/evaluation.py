"""Measuring hadath: event-level scores against gold documents, and sentence-level detection scores.

Gold events (``hadath eval events``): JSON Lines, one document per line::

    {"id": "dev-001", "date": "2024-05-02", "text": "...",
     "events": [{"type": "CONSULT", "mode": "phone",
                 "source": {"country": "JOR", "org": null, "sector": "GOV"},
                 "target": {"country": "EGY", "org": null, "sector": "GOV"},
                 "location": "JOR", "optional": false}]}

``location`` is the ISO3 code of the country where the event took place (``null`` when the text does not say), or
an object ``{"country": "JOR", "place": "Amman"}`` when the gold also names the place (its English name).

Events match on type, source and target: ``strict`` compares country (or org) and sector, ``country`` compares
country (or org) only. CONSULT, COOPERATE and AGREE compare as unordered pairs. Optional gold events count
neither way. On matched events (strict level), the accuracy of the mode and of the location's country (a gold
``null`` is matched by no location) is reported, and of the place where the gold names one. Detection
(``hadath eval detection``) reads the arabic_event_gsr CSV format: a sentence is
positive when its ``label`` is ``yes``, negative for ``easy no`` and ``difficult no``; ``ambiguous`` rows are
left out; the prediction is positive when hadath emits a factual event of the type for the sentence.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.document import Actor, Record
from hadath.errors import InputError
from hadath.jsonlines import parse_lines
from hadath.ontology import EVENT_TYPES, SYMMETRIC_TYPES
from hadath.pipeline import Pipeline
from hadath.scores import PRF

LEVELS = ("strict", "country")
POSITIVE_LABELS = frozenset({"yes"})
NEGATIVE_LABELS = frozenset({"easy no", "difficult no"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    country: str | None
    org: str | None
    sector: str | None

    def code(self, level: str) -> str:
        who = self.country or self.org or "---"
        return who if level == "country" else f"{who}/{self.sector or 'UNK'}"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    mode: str | None
    source: GoldActor
    target: GoldActor | None
    location: str | None
    optional: bool
    place: str | None = None  # the English name of the place, when the gold gives one


@dataclass(frozen=True, slots=True)
class GoldDocument:
    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]


@dataclass
class EventScores:
    documents: int = 0
    overall: dict[str, PRF] = field(default_factory=lambda: {lv: PRF() for lv in LEVELS})
    by_type: dict[str, dict[str, PRF]] = field(default_factory=dict)
    mode_matched: int = 0
    mode_correct: int = 0
    location_matched: int = 0
    location_correct: int = 0
    place_matched: int = 0
    place_correct: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, level: str, etype: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for prf in (self.overall[level], self.by_type.setdefault(etype, {lv: PRF() for lv in LEVELS})[level]):
            prf.tp += tp
            prf.fp += fp
            prf.fn += fn

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "overall": {lv: prf.as_dict() for lv, prf in self.overall.items()},
            "by_type": {t: {lv: p.as_dict() for lv, p in v.items()} for t, v in sorted(self.by_type.items())},
            "mode_accuracy": round(self.mode_correct / self.mode_matched, 4) if self.mode_matched else None,
            "location_accuracy": _ratio(self.location_correct, self.location_matched),
            "location_events": self.location_matched,
            "place_accuracy": _ratio(self.place_correct, self.place_matched),
            "place_events": self.place_matched,
        }


def _ratio(good: int, total: int) -> float | None:
    return round(good / total, 4) if total else None


@dataclass
class DetectionScores:
    event_type: str
    prf: PRF = field(default_factory=PRF)
    tn: int = 0
    left_out: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.event_type, **self.prf.as_dict(), "tn": self.tn, "left_out_ambiguous": self.left_out}


# ------------------------------------------------------------------ reading
def _actor(value: Any, where: str, name: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError(where, f"field {name!r} must be an object with country, org, sector (or null)")
    return GoldActor(value.get("country") or None, value.get("org") or None, value.get("sector") or None)


def load_gold(path: Path) -> Iterator[GoldDocument]:
    """Read a gold JSONL file; a malformed line is an :class:`InputError` naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the gold file ({exc})") from None
    for number, obj, error in parse_lines(lines):
        where = f"{path}:{number}"
        if obj is None:
            raise InputError(where, f"{error}; fix the gold file")
        if not isinstance(obj.get("text"), str) or not isinstance(obj.get("events"), list):
            raise InputError(where, "each line needs 'id', 'text' (string) and 'events' (list)")
        events = []
        for i, ev in enumerate(obj["events"]):
            if not isinstance(ev, dict) or ev.get("type") not in EVENT_TYPES:
                raise InputError(where, f"events[{i}].type must be one of the 16 PLOVER types")
            source = _actor(ev.get("source"), where, f"events[{i}].source")
            if source is None:
                raise InputError(where, f"events[{i}].source is required")
            loc = ev.get("location")
            if isinstance(loc, dict):
                country, place = loc.get("country") or None, loc.get("place") or None
            elif loc is None or isinstance(loc, str):
                country, place = loc or None, None
            else:
                raise InputError(where, f"events[{i}].location must be an ISO3 code, an object or null")
            events.append(
                GoldEvent(
                    ev["type"],
                    ev.get("mode"),
                    source,
                    _actor(ev.get("target"), where, f"events[{i}].target"),
                    country,
                    bool(ev.get("optional", False)),
                    place,
                )
            )
        yield GoldDocument(str(obj.get("id") or number), obj["text"], obj.get("date"), tuple(events))


def load_detection_rows(path: Path) -> Iterator[tuple[int, str, str]]:
    """``(line, label, text)`` for each row of an arabic_event_gsr sentence CSV."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            missing = {"label", "text"} - set(reader.fieldnames or [])
            if missing:
                raise InputError(str(path), f"missing column(s) {sorted(missing)}; expected label and text")
            for row in reader:
                yield reader.line_num, (row["label"] or "").strip(), row["text"] or ""
        except UnicodeDecodeError as exc:
            raise InputError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8") from None
        except csv.Error as exc:
            raise InputError(str(path), f"malformed CSV near line {reader.line_num} ({exc})") from None


# ------------------------------------------------------------------ scoring
def _key(etype: str, source: str, target: str | None) -> tuple[str, Any]:
    if etype in SYMMETRIC_TYPES and target is not None:
        return (etype, frozenset({source, target}) if source != target else frozenset({source}))
    return (etype, (source, target))


def _pred_code(actor: Actor | None, level: str) -> str | None:
    if actor is None:
        return None
    who = actor.country or actor.org or "---"
    return who if level == "country" else f"{who}/{actor.sector or 'UNK'}"


def score_events(pipeline: Pipeline, gold: Iterable[GoldDocument]) -> EventScores:
    """Run extraction on each gold document and compare its events with the gold ones."""
    scores = EventScores()
    for doc in gold:
        scores.documents += 1
        record = pipeline.extract(doc.text, date=doc.date, doc_id=doc.id)
        for level in LEVELS:
            _score_document(scores, level, doc, record)
    return scores


def _score_document(scores: EventScores, level: str, doc: GoldDocument, record: Record) -> None:
    required: Counter[tuple[str, Any]] = Counter()
    optional: set[tuple[str, Any]] = set()
    modes: dict[tuple[str, Any], str | None] = {}
    places: dict[tuple[str, Any], tuple[str | None, str | None]] = {}
    for ev in doc.events:
        k = _key(ev.type, ev.source.code(level), ev.target.code(level) if ev.target else None)
        if ev.optional:
            optional.add(k)
        else:
            required[k] += 1
            modes[k] = ev.mode
            places[k] = (ev.location, ev.place)
    predicted: Counter[tuple[str, Any]] = Counter()
    pred_modes: dict[tuple[str, Any], str | None] = {}
    pred_places: dict[tuple[str, Any], tuple[str | None, str | None]] = {}
    for pe in record.events:
        k = _key(pe.type, _pred_code(pe.source, level) or "---", _pred_code(pe.target, level))
        predicted[k] += 1
        pred_modes.setdefault(k, pe.mode)
        loc = pe.location
        pred_places.setdefault(k, (loc.country, loc.place) if loc is not None else (None, None))
    for k in set(required) | set(predicted):
        tp = min(required[k], predicted[k])
        fp = max(0, predicted[k] - required[k]) if k not in optional else 0
        fn = max(0, required[k] - predicted[k])
        scores.add(level, k[0], tp, fp, fn)
        if level == "strict" and tp and modes.get(k) is not None:
            scores.mode_matched += 1
            scores.mode_correct += int(modes[k] == pred_modes.get(k))
        if level == "strict" and tp and k in places:
            (gold_country, gold_place), (country, place) = places[k], pred_places.get(k, (None, None))
            scores.location_matched += 1
            scores.location_correct += int(gold_country == country)
            if gold_place is not None:
                scores.place_matched += 1
                scores.place_correct += int(gold_place.casefold() == (place or "").casefold())
        if level == "strict" and (fp or fn):
            scores.errors.append({"id": doc.id, "event": _show(k), "missed": fn, "spurious": fp})


def _show(key: tuple[str, Any]) -> str:
    etype, pair = key
    parts = sorted(pair) if isinstance(pair, frozenset) else [str(p) for p in pair]
    return f"{etype} " + " - ".join(str(p) for p in parts)


def score_detection(pipeline: Pipeline, rows: Iterable[tuple[int, str, str]], event_type: str) -> DetectionScores:
    """Sentence-level detection of ``event_type`` on labelled sentences: a sentence is predicted positive when it
    yields a factual event of the type. Each error lists the triggers of that type read in the sentence with their
    status (a pipeline built with ``include_nonfactual`` shows the mentions it did not take as reports)."""
    scores = DetectionScores(event_type)
    for line, label, text in rows:
        if label in POSITIVE_LABELS:
            gold = True
        elif label in NEGATIVE_LABELS:
            gold = False
        else:
            scores.left_out += 1
            continue
        found = [e for e in pipeline.extract(text, doc_id=f"line-{line}").events if e.type == event_type]
        predicted = any(e.status == "factual" for e in found)
        if gold != predicted:
            # the triggers read, with their status: why a sentence was coded, or why a mention was not a report
            why = [f"{e.trigger.text} ({e.status})" for e in found]
            error = "false positive" if predicted else "false negative"
            scores.errors.append({"line": line, "label": label, "error": error, "triggers": why, "text": text})
        if gold and predicted:
            scores.prf.tp += 1
        elif predicted:
            scores.prf.fp += 1
        elif gold:
            scores.prf.fn += 1
        else:
            scores.tn += 1
    return scores
