"""Entity-level scoring of IOB tag sequences with the semantics of conlleval (CoNLL-2000/2003).

An entity (a chunk) starts and ends where conlleval's ``startOfChunk``/``endOfChunk`` say: at ``B-``, at an
``I-`` after ``O`` or after another type, and so on. A predicted entity is correct only when an entity of the
gold tags has the same type and both the same first and the same last token: a boundary error counts once as
a false positive (the predicted span) and once as a false negative (the gold span).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hadath.ner.conll import OUTSIDE
from hadath.scores import PRF


@dataclass(frozen=True, slots=True, order=True)
class Entity:
    """A chunk of a tag sequence: tokens ``start`` to ``end`` (exclusive) of one ``type``."""

    start: int
    end: int
    type: str


def _split(tag: str) -> tuple[str, str]:
    if tag == OUTSIDE or "-" not in tag:
        return OUTSIDE, ""
    prefix, _, etype = tag.partition("-")
    return prefix, etype


def _ends(prev: str, prev_type: str, tag: str, etype: str) -> bool:
    """conlleval's endOfChunk: does a chunk end between the previous tag and this one?"""
    if prev in ("B", "I") and tag in ("B", OUTSIDE):
        return True
    return prev != OUTSIDE and prev_type != etype


def _starts(prev: str, prev_type: str, tag: str, etype: str) -> bool:
    """conlleval's startOfChunk: does a chunk start at this tag?"""
    if tag == "B" or (tag == "I" and prev == OUTSIDE):
        return True
    return tag != OUTSIDE and prev_type != etype


def entities(tags: Sequence[str]) -> list[Entity]:
    """The entities of one sentence's tags, as conlleval chunks them (``I-`` after ``O`` starts one)."""
    found: list[Entity] = []
    prev, prev_type, start = OUTSIDE, "", -1
    for i, raw in enumerate([*tags, OUTSIDE]):
        tag, etype = _split(raw)
        if start >= 0 and _ends(prev, prev_type, tag, etype):
            found.append(Entity(start, i, prev_type))
            start = -1
        if _starts(prev, prev_type, tag, etype):
            start = i
        prev, prev_type = tag, etype
    return found


@dataclass
class NerScores:
    """Entity-level scores over a corpus: overall, per type, and token accuracy."""

    overall: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)
    sentences: int = 0
    tokens: int = 0
    correct_tokens: int = 0

    @property
    def accuracy(self) -> float:
        return self.correct_tokens / self.tokens if self.tokens else 0.0

    def add(self, gold: Sequence[str], predicted: Sequence[str]) -> None:
        """Score one sentence."""
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold tags but {len(predicted)} predicted tags")
        self.sentences += 1
        self.tokens += len(gold)
        self.correct_tokens += sum(g == p for g, p in zip(gold, predicted, strict=True))
        gold_set, pred_set = set(entities(gold)), set(entities(predicted))
        for etype in {e.type for e in gold_set | pred_set}:
            self.by_type.setdefault(etype, PRF())
        for e in pred_set:
            key = "tp" if e in gold_set else "fp"
            _bump(self.overall, key)
            _bump(self.by_type[e.type], key)
        for e in gold_set - pred_set:
            _bump(self.overall, "fn")
            _bump(self.by_type[e.type], "fn")

    def as_dict(self) -> dict[str, Any]:
        return {
            "overall": self.overall.as_dict(),
            "by_type": {t: self.by_type[t].as_dict() for t in sorted(self.by_type)},
            "sentences": self.sentences,
            "tokens": self.tokens,
            "accuracy": round(self.accuracy, 4),
        }

    def gold_counts(self) -> Counter[str]:
        """Gold entities per type."""
        return Counter({t: c.tp + c.fn for t, c in self.by_type.items()})


def _bump(counts: PRF, key: str) -> None:
    setattr(counts, key, getattr(counts, key) + 1)


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> NerScores:
    """Score (gold tags, predicted tags) pairs, one per sentence."""
    scores = NerScores()
    for gold, predicted in pairs:
        scores.add(gold, predicted)
    return scores
