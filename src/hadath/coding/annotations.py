"""Annotated real news (ANNOTATION.md's record): reading, the document splits, and event scores.

An annotation file holds one JSON object per document: ``id``, ``annotated_chars`` (events beyond it are not
annotated) and ``events``, each with ``type``, ``mode``, ``status`` (``reported`` or why not), ``optional``,
``trigger``, ``source``, ``target`` (``{start?, end?, country, org, sector}`` or null) and ``location``. Texts are
not in the annotations: they are joined by ``id`` from a corpus JSONL (gzip or plain), as the licence requires.

Scores follow the team's ``check_annotations.py --agree``: events are keyed by (type, source code, target code),
codes ``COUNTRY/SECTOR`` (``ORG/IGO`` for organizations; ``strict``) or ``COUNTRY``/``ORG`` (``country``), unordered
for CONSULT, COOPERATE and AGREE, compared as sets per document; optional gold events count neither way.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hadath.errors import InputError
from hadath.ontology import SYMMETRIC_TYPES
from hadath.scores import PRF

SPLITS = ("train", "dev", "test")
STATUSES = ("reported", "background", "planned", "negated", "hypothetical", "nonpolitical")


@dataclass(frozen=True, slots=True)
class GoldArg:
    start: int | None
    end: int | None
    country: str | None
    org: str | None
    sector: str | None

    def code(self, strict: bool = True) -> str:
        return actor_code(self.country, self.org, self.sector, strict)


@dataclass(frozen=True, slots=True)
class GoldMention:
    type: str
    mode: str | None
    status: str
    optional: bool
    trigger: tuple[int, int]
    source: GoldArg | None
    target: GoldArg | None
    location: str | None


@dataclass(frozen=True, slots=True)
class AnnotatedDoc:
    id: str
    text: str
    date: str | None
    source: str | None
    annotated_chars: int
    mentions: tuple[GoldMention, ...]
    annotator: str | None = None


def split_of(doc_id: str) -> str:
    """The split of a document, fixed by its id: a quarter test, an eighth dev, the rest train."""
    h = int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 8
    return "test" if h < 2 else "dev" if h == 2 else "train"


def read_corpus(path: Path, wanted: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """``id -> {text, date, source}`` of a JSONL corpus (``.gz`` read as gzip)."""
    opener = gzip.open if path.suffix == ".gz" else open
    out: dict[str, dict[str, Any]] = {}
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if wanted is None or rec["id"] in wanted:
                out[rec["id"]] = {"text": rec["text"], "date": rec.get("date"), "source": rec.get("source")}
    return out


def _arg(value: Any, where: str) -> GoldArg | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise InputError(where, "an actor must be an object or null")
    return GoldArg(value.get("start"), value.get("end"), value.get("country"), value.get("org"), value.get("sector"))


def read_annotations(paths: Iterable[Path], corpus: dict[str, dict[str, Any]]) -> list[AnnotatedDoc]:
    """Every annotated document of the files, the first annotation of an id kept; texts from ``corpus``."""
    docs: dict[str, AnnotatedDoc] = {}
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(where, f"not JSON ({exc.msg})") from None
            doc_id = rec.get("id")
            if doc_id in docs:
                continue
            if doc_id not in corpus:
                raise InputError(where, f"id {doc_id!r} is not in the corpus")
            text = corpus[doc_id]["text"]
            mentions = []
            for i, ev in enumerate(rec.get("events", [])):
                w = f"{where}: events[{i}]"
                trig = ev.get("trigger") or {}
                if not (isinstance(trig.get("start"), int) and isinstance(trig.get("end"), int)):
                    raise InputError(w, "trigger needs integer start and end")
                loc = ev.get("location")
                mentions.append(
                    GoldMention(
                        type=ev["type"],
                        mode=ev.get("mode"),
                        status=ev.get("status", "reported"),
                        optional=bool(ev.get("optional")),
                        trigger=(trig["start"], trig["end"]),
                        source=_arg(ev.get("source"), f"{w}.source"),
                        target=_arg(ev.get("target"), f"{w}.target"),
                        location=loc.get("country") if isinstance(loc, dict) else None,
                    )
                )
            docs[doc_id] = AnnotatedDoc(
                id=doc_id,
                text=text,
                date=corpus[doc_id]["date"],
                source=corpus[doc_id]["source"],
                annotated_chars=int(rec.get("annotated_chars") or len(text)),
                mentions=tuple(mentions),
                annotator=rec.get("annotator"),
            )
    return list(docs.values())


def event_key(etype: str, source: str, target: str) -> tuple[str, str, str]:
    if etype in SYMMETRIC_TYPES:
        a, b = sorted((source, target))
        return (etype, a, b)
    return (etype, source, target)


def actor_code(country: str | None, org: str | None, sector: str | None, strict: bool) -> str:
    if org:
        return f"{org}/IGO" if strict else org
    who = country or "UNK"
    return f"{who}/{sector or 'UNK'}" if strict else who


def gold_keys(doc: AnnotatedDoc, strict: bool) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """The required and the optional event keys of a document (reported mentions only)."""
    req: set[tuple[str, str, str]] = set()
    opt: set[tuple[str, str, str]] = set()
    for m in doc.mentions:
        if m.status != "reported":
            continue
        s = m.source.code(strict) if m.source else "-"
        t = m.target.code(strict) if m.target else "-"
        (opt if m.optional else req).add(event_key(m.type, s, t))
    return req, opt


@dataclass
class CorpusScores:
    documents: int = 0
    strict: PRF = field(default_factory=PRF)
    country: PRF = field(default_factory=PRF)

    def add(self, doc: AnnotatedDoc, predicted: Iterable[tuple[str, Any, Any, int]]) -> None:
        """``predicted``: (type, source actor, target actor, trigger start) of the factual events emitted."""
        self.documents += 1
        preds = [p for p in predicted if p[3] < doc.annotated_chars]
        for strict, prf in ((True, self.strict), (False, self.country)):
            req, opt = gold_keys(doc, strict)
            got = set()
            for etype, src, tgt, _ in preds:
                s = actor_code(src.country, src.org, src.sector, strict) if src is not None else "-"
                t = actor_code(tgt.country, tgt.org, tgt.sector, strict) if tgt is not None else "-"
                got.add(event_key(etype, s, t))
            prf.tp += len(req & got)
            prf.fn += len(req - got)
            prf.fp += len(got - req - opt)

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "strict": self.strict.as_dict(), "country": self.country.as_dict()}


def iter_split(docs: Iterable[AnnotatedDoc], split: str | None) -> Iterator[AnnotatedDoc]:
    for d in docs:
        if split is None or split_of(d.id) == split:
            yield d
