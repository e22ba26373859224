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

Arguments (``hadath eval arguments``) read the arabic_event_gsr span files: a JSON list of sentences, each with
``text``, ``event_type`` and ``spans``, one per annotator judgement, whose ``source_role`` and ``target_role`` are
``{"main": country, "role": sector}`` (``"None"`` or empty when not given; a role that is a string, not an object,
is unknown). For each sentence and each of the four fields (source country, source sector, target country, target
sector) the gold code is the one most annotators gave; a tie, or no annotator giving one, leaves the field unscored.
hadath's factual events of the type are read from the sentence; the one agreeing on most gold fields (the first on
a tie) is compared, code by code. A sentence without such an event is counted as "no event" and not scored further.
A country field compares with the actor's ``country``, else its ``org`` (non-state groups such as IMG); a gold code
hadath cannot emit at all is a miss, listed in the scores; gold sectors in :data:`GOLD_SECTOR_READINGS` are read as
hadath's code for the same sector, and that reading is reported too.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from hadath.document import Actor, Event, Record
from hadath.errors import InputError
from hadath.jsonlines import parse_lines
from hadath.ontology import EVENT_TYPES, SECTORS, SYMMETRIC_TYPES
from hadath.pipeline import Pipeline
from hadath.scores import PRF

LEVELS = ("strict", "country")
POSITIVE_LABELS = frozenset({"yes"})
NEGATIVE_LABELS = frozenset({"easy no", "difficult no"})
#: The argument fields ``eval arguments`` scores, each compared code by code.
ARGUMENT_FIELDS = ("source_country", "source_sector", "target_country", "target_sector")
#: What annotators write for "no code given" (compared case-insensitively).
NO_CODE = frozenset({"", "none"})
#: Gold sector codes hadath spells otherwise. CAMEO's MED is the media, which hadath codes JRN (its own MED is
#: health workers, see EVENT_FORMAT.md). Every reading used is reported with the scores.
GOLD_SECTOR_READINGS = MappingProxyType({"MED": "JRN"})


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


@dataclass(frozen=True, slots=True)
class RoleCodes:
    """One annotator's codes for one argument; ``None`` where the annotator gave none."""

    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True)
class Judgement:
    """One annotator's reading of a sentence's arguments (a span of the arabic_event_gsr files)."""

    source: RoleCodes
    target: RoleCodes


@dataclass(frozen=True, slots=True)
class AnnotatedSentence:
    index: int  # position in the file's list (items[index])
    text: str
    event_type: str | None
    judgements: tuple[Judgement, ...]

    def gold(self) -> dict[str, str]:
        """The majority code of each of :data:`ARGUMENT_FIELDS` that has one (see :func:`majority`)."""
        votes = {
            "source_country": [j.source.country for j in self.judgements],
            "source_sector": [j.source.sector for j in self.judgements],
            "target_country": [j.target.country for j in self.judgements],
            "target_sector": [j.target.sector for j in self.judgements],
        }
        found = {name: majority(codes) for name, codes in votes.items()}
        return {name: code for name, code in found.items() if code is not None}


@dataclass
class ArgumentScores:
    event_type: str
    sentences: int = 0
    with_event: int = 0
    other_type: int = 0  # items of the file annotated for another event type, left out
    scored: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    source_named: int = 0  # sentences with an event whose gold names a source country or sector
    source_found: int = 0  # ... and whose hadath source is not unknown
    #: scored gold codes hadath cannot emit (counted as misses), by kind: "country" or "sector"
    no_equivalent: dict[str, set[str]] = field(default_factory=lambda: {"country": set(), "sector": set()})
    #: scored gold sector codes read as hadath's (:data:`GOLD_SECTOR_READINGS`), with how often
    readings: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.event_type,
            "sentences": self.sentences,
            "with_event": self.with_event,
            "left_out_other_type": self.other_type,
            "fields": {
                name: {
                    "scored": self.scored[name],
                    "correct": self.correct[name],
                    "accuracy": _ratio(self.correct[name], self.scored[name]),
                }
                for name in ARGUMENT_FIELDS
            },
            "source_found": {
                "named": self.source_named,
                "found": self.source_found,
                "rate": _ratio(self.source_found, self.source_named),
            },
            "gold_codes_without_equivalent": {kind: sorted(codes) for kind, codes in self.no_equivalent.items()},
            "gold_sectors_read_as": {
                code: {"as": GOLD_SECTOR_READINGS[code], "times": n} for code, n in sorted(self.readings.items())
            },
        }


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


def load_argument_sentences(path: Path) -> list[AnnotatedSentence]:
    """Read an arabic_event_gsr span file (a JSON list) whole; a malformed item is an :class:`InputError`
    naming the file and the item (``items[3]``, counted from 0), raised before anything is scored."""
    try:
        raw = path.read_text(encoding="utf-8-sig")  # a byte-order mark is no error
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(
            str(path), f"not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); expected a list of sentences"
        ) from None
    if not isinstance(data, list):
        raise InputError(str(path), f"expected a JSON list of sentences, found {_json_kind(data)}")
    return [_annotated_sentence(path, i, item) for i, item in enumerate(data)]


def _json_kind(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _annotated_sentence(path: Path, index: int, item: Any) -> AnnotatedSentence:
    where = f"items[{index}]"
    if not isinstance(item, dict):
        raise InputError(str(path), f"{where} is {_json_kind(item)}; each item is an object with text and spans")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(str(path), f"{where} has no 'text' (a non-empty string); each item needs text and spans")
    event_type = item.get("event_type")
    if event_type is not None and not isinstance(event_type, str):
        raise InputError(str(path), f"{where}.event_type must be a string such as ASSAULT")
    spans = item.get("spans")
    if not isinstance(spans, list):
        raise InputError(str(path), f"{where}.spans must be a list of annotator judgements")
    judgements = []
    for j, span in enumerate(spans):
        if not isinstance(span, dict):
            raise InputError(str(path), f"{where}.spans[{j}] must be an object with source_role and target_role")
        source = _role_codes(path, f"{where}.spans[{j}].source_role", span.get("source_role"))
        target = _role_codes(path, f"{where}.spans[{j}].target_role", span.get("target_role"))
        judgements.append(Judgement(source, target))
    return AnnotatedSentence(index, text, event_type, tuple(judgements))


def _role_codes(path: Path, where: str, value: Any) -> RoleCodes:
    if value is None or isinstance(value, str):  # a few judgements give a bare word ("UNKNOWN"): no code
        return RoleCodes(None, None)
    if not isinstance(value, dict):
        raise InputError(str(path), f"{where} must be an object {{main, role}}, a string or null")
    return RoleCodes(_code(path, f"{where}.main", value.get("main")), _code(path, f"{where}.role", value.get("role")))


def _code(path: Path, where: str, value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(str(path), f'{where} must be a code string (or "None")')
    code = value.strip()
    return None if code.casefold() in NO_CODE else code


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


def majority(codes: Iterable[str | None]) -> str | None:
    """The code given most often, ignoring codes not given (``None``); ``None`` on a tie or when none is given."""
    ranked = Counter(code for code in codes if code).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _reading(name: str, code: str) -> str:
    """A gold code as hadath spells it (:data:`GOLD_SECTOR_READINGS`); other codes are compared as given."""
    return GOLD_SECTOR_READINGS.get(code, code) if name.endswith("_sector") else code


def _argument_codes(event: Event) -> dict[str, str | None]:
    """hadath's code for each argument field: the country (else the org, as IMG), the sector (UNK is none)."""
    codes: dict[str, str | None] = {}
    for side, actor in (("source", event.source), ("target", event.target)):
        codes[f"{side}_country"] = (actor.country or actor.org) if actor is not None else None
        codes[f"{side}_sector"] = actor.sector if actor is not None and actor.sector != "UNK" else None
    return codes


def score_arguments(pipeline: Pipeline, sentences: Iterable[AnnotatedSentence], event_type: str) -> ArgumentScores:
    """Compare the arguments of hadath's event of ``event_type`` in each sentence with the annotators' majority
    codes (see the module docstring). Sentences annotated for another type are left out and counted."""
    scores = ArgumentScores(event_type)
    countries = set(pipeline.lexicons.countries) | {f.org.code for f in pipeline.lexicons.org_forms if f.org.code}
    for sentence in sentences:
        if sentence.event_type is not None and sentence.event_type.upper() != event_type:
            scores.other_type += 1
            continue
        scores.sentences += 1
        raw = sentence.gold()
        gold = {name: _reading(name, code) for name, code in raw.items()}
        record = pipeline.extract(sentence.text, doc_id=f"item-{sentence.index}")
        events = [e for e in record.events if e.type == event_type and e.status == "factual"]
        if not events:
            scores.errors.append({"item": sentence.index, "text": sentence.text, "event": None, "gold": gold,
                                  "wrong": []})  # fmt: skip
            continue
        scores.with_event += 1
        codes = [_argument_codes(e) for e in events]
        # the event agreeing on most gold fields (the first on a tie) is the one the annotators read
        pick = max(range(len(events)), key=lambda i: sum(codes[i][name] == g for name, g in gold.items()))
        hadath = codes[pick]
        wrong: list[dict[str, Any]] = []
        for name, code in gold.items():
            scores.scored[name] += 1
            sector = name.endswith("_sector")
            if code != raw[name]:
                scores.readings[raw[name]] += 1
            elif code not in (SECTORS if sector else countries):
                scores.no_equivalent["sector" if sector else "country"].add(code)
            if hadath[name] == code:
                scores.correct[name] += 1
            else:
                wrong.append({"field": name, "gold": code, "hadath": hadath[name]})
        if "source_country" in gold or "source_sector" in gold:
            scores.source_named += 1
            scores.source_found += int(hadath["source_country"] is not None or hadath["source_sector"] is not None)
        if wrong:
            scores.errors.append(
                {"item": sentence.index, "text": sentence.text, "event": events[pick].trigger.text, "gold": gold,
                 "wrong": wrong}
            )  # fmt: skip
    return scores
