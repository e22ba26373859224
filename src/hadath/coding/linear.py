"""A multinomial linear model over string features, stored as JSON: trained by scikit-learn in ``tools/``, read
and applied here without it (no pickles, nothing but the weights)."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Any


class LinearModel:
    """``classes``, ``bias`` per class and ``weights`` (feature -> weight per class)."""

    def __init__(self, classes: list[str], bias: list[float], weights: dict[str, list[float]], meta: dict[str, Any]):
        self.classes = classes
        self.bias = bias
        self.weights = weights
        self.meta = meta

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["classes"], data["bias"], data["weights"], data.get("meta", {}))

    def save(self, path: Path) -> None:
        data = {"meta": self.meta, "classes": self.classes, "bias": self.bias, "weights": self.weights}
        with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
            fh.write(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8"))

    def scores(self, features: list[str]) -> list[float]:
        out = list(self.bias)
        for f in set(features):
            w = self.weights.get(f)
            if w is not None:
                for k, v in enumerate(w):
                    out[k] += v
        return out

    def proba(self, features: list[str]) -> dict[str, float]:
        s = self.scores(features)
        if len(self.classes) == 2 and len(s) == 1:  # a binary model keeps one column: the second class
            p = 1.0 / (1.0 + math.exp(-s[0]))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(s)
        e = [math.exp(v - top) for v in s]
        z = sum(e)
        return {c: v / z for c, v in zip(self.classes, e, strict=True)}

    def predict(self, features: list[str]) -> str:
        p = self.proba(features)
        return max(p, key=lambda c: p[c])
