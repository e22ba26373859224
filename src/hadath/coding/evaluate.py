"""Scores of the event coder on annotated real news, whole and component by component.

- ``events``: strict and country-level event F1 (:class:`CorpusScores`), the team's agreement measure.
- ``triggers``: trigger detection, typed: a predicted mention is right when its tokens overlap a gold mention's
  trigger of the same type (gold mentions of every status; an event mention is detected whatever its status).
- ``factuality``: on correctly detected mentions, the accuracy of "reported or not" and of the exact status.
- ``arguments``: on correctly detected mentions the gold reports (non-optional), the accuracy of the source's and
  the target's code (``COUNTRY/SECTOR``; ``-`` for none), as the final events carry them.
Only the annotated part of each document (``annotated_chars``) is scored.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hadath.coding.annotations import AnnotatedDoc, CorpusScores, actor_code
from hadath.document import Document
from hadath.pipeline import Pipeline, outlet_metadata, parse_date
from hadath.scores import PRF


@dataclass
class ComponentScores:
    events: CorpusScores = field(default_factory=CorpusScores)
    triggers: PRF = field(default_factory=PRF)
    reported_correct: int = 0
    status_correct: int = 0
    status_total: int = 0
    source_correct: int = 0
    target_correct: int = 0
    args_total: int = 0

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "events": self.events.as_dict(),
            "triggers": self.triggers.as_dict(),
            "factuality": {
                "mentions": self.status_total,
                "reported_or_not_accuracy": ratio(self.reported_correct, self.status_total),
                "status_accuracy": ratio(self.status_correct, self.status_total),
            },
            "arguments": {
                "events": self.args_total,
                "source_accuracy": ratio(self.source_correct, self.args_total),
                "target_accuracy": ratio(self.target_correct, self.args_total),
            },
        }


def _code(actor: Any) -> str:
    if actor is None:
        return "-"
    return actor_code(actor.country, actor.org, actor.sector, True)


def score_corpus(pipeline: Pipeline, docs: Iterable[AnnotatedDoc], progress: Any = None) -> ComponentScores:
    """Extract each document (with non-factual mentions kept for the component scores) and score it."""
    from hadath.coding.learned import LearnedEventExtractor

    scores = ComponentScores()
    learned = isinstance(pipeline.events_stage, LearnedEventExtractor)
    for d in docs:
        doc = Document(
            text=d.text,
            doc_id=d.id,
            date=parse_date(d.date[:10] if d.date else None),
            metadata=outlet_metadata(d.source),
        )
        out = pipeline.process(doc)
        factual = [e for e in out.events if e.status == "factual"]
        scores.events.add(d, [(e.type, e.source, e.target, e.trigger.start) for e in factual])
        if progress is not None:
            progress()
        if not learned:
            continue
        _score_components(scores, d, pipeline.events_stage, out)
    return scores


def _score_components(scores: ComponentScores, d: AnnotatedDoc, stage: Any, out: Document) -> None:
    limit = d.annotated_chars
    predicted = [x for x in stage.last_explanation if x["trigger"]["start"] < limit]
    gold = [m for m in d.mentions if m.trigger[0] < limit]
    matched_gold: set[int] = set()
    for p in predicted:
        ps, pe = p["trigger"]["start"], p["trigger"]["end"]
        hit = next(
            (
                k
                for k, m in enumerate(gold)
                if k not in matched_gold and m.type == p["type"] and m.trigger[0] < pe and ps < m.trigger[1]
            ),
            None,
        )
        if hit is None:
            scores.triggers.fp += 1
            continue
        scores.triggers.tp += 1
        matched_gold.add(hit)
        m = gold[hit]
        scores.status_total += 1
        scores.status_correct += int(p["status"] == m.status)
        scores.reported_correct += int((p["status"] == "reported") == (m.status == "reported"))
        if m.status == "reported" and not m.optional and p["status"] == "reported":
            ev = next((e for e in out.events if e.trigger.start == ps and e.type == p["type"]), None)
            scores.args_total += 1
            gs = m.source.code(True) if m.source else "-"
            gt = m.target.code(True) if m.target else "-"
            if ev is not None:
                scores.source_correct += int(_code(ev.source) == gs)
                scores.target_correct += int(_code(ev.target) == gt)
    scores.triggers.fn += len(gold) - len(matched_gold)
