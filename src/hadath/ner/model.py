"""The trained NER model: a CRFsuite file and its metadata, loaded on first use.

``NerTagger()`` costs nothing; the model file, its metadata and (unless given) the lexicons are read the first
time it tags. The metadata (``anercorp.json`` beside ``anercorp.crfsuite``) says how the model was trained and
which feature set it expects; a model trained with another feature version is refused with a message saying
how to retrain it (``python tools/train_ner.py``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

from hadath.errors import ResourceError
from hadath.lexicon.lexicons import Lexicons, load_lexicons
from hadath.ner.features import FEATURE_VERSION, FeatureConfig, FeatureExtractor, NerLexicon
from hadath.ner.scoring import Entity, entities

log = logging.getLogger(__name__)

#: Base name of the shipped model: ``anercorp.crfsuite`` and ``anercorp.json``.
MODEL_NAME = "anercorp"


def default_model_dir() -> Path:
    """The ``resources/ner/`` folder shipped inside the installed package."""
    return Path(str(resources.files("hadath") / "resources" / "ner"))


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """What a model's metadata file says: its feature set, labels and the lexicons it was trained with."""

    path: Path
    features: FeatureConfig
    labels: tuple[str, ...]
    lexicon_fingerprint: str
    metadata: dict[str, Any]


def read_model_info(model: Path) -> ModelInfo:
    """Read and check the metadata JSON beside a ``.crfsuite`` model file."""
    meta_path = model.with_suffix(".json")
    if not model.is_file():
        raise ResourceError(str(model), None, "NER model file not found; train one with tools/train_ner.py")
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ResourceError(str(meta_path), None, "the model's metadata file is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ResourceError(str(meta_path), None, f"unreadable model metadata ({exc})") from None
    feats = meta.get("features") if isinstance(meta, dict) else None
    names = {f.name for f in fields(FeatureConfig)}
    version = feats.get("version") if isinstance(feats, dict) else None
    if isinstance(version, int) and version != FEATURE_VERSION:
        # checked first: a model of another version may also have another set of fields
        raise ResourceError(
            str(meta_path), None,
            f"the model was trained with feature version {version}, this hadath computes version "
            f"{FEATURE_VERSION}; retrain it with tools/train_ner.py",
        )  # fmt: skip
    if not isinstance(feats, dict) or set(feats) != names or not all(isinstance(v, int) for v in feats.values()):
        raise ResourceError(str(meta_path), None, f"field 'features' must give the integers {', '.join(sorted(names))}")
    labels = meta.get("labels")
    if not isinstance(labels, list) or not all(isinstance(t, str) for t in labels):
        raise ResourceError(str(meta_path), None, "field 'labels' must be a list of tags")
    config = FeatureConfig(**feats)
    return ModelInfo(model, config, tuple(labels), str(meta.get("lexicon_fingerprint", "")), meta)


class NerTagger:
    """Tags whitespace tokens with IOB entity tags (PERS, LOC, ORG, MISC) using the CRF model.

    ``model`` defaults to the packaged ``resources/ner/anercorp.crfsuite``; ``lexicons`` to the packaged
    lexicons (pass the pipeline's to share them). Nothing is read until the first call to :meth:`tag`.
    """

    def __init__(self, model: Path | None = None, lexicons: Lexicons | None = None) -> None:
        self.model_path = model or default_model_dir() / f"{MODEL_NAME}.crfsuite"
        self._lexicons = lexicons
        self._loaded: tuple[Any, FeatureExtractor, ModelInfo] | None = None

    @property
    def info(self) -> ModelInfo:
        return self._load()[2]

    def _load(self) -> tuple[Any, FeatureExtractor, ModelInfo]:
        if self._loaded is None:
            import pycrfsuite

            info = read_model_info(self.model_path)
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(self.model_path))
            except (OSError, ValueError) as exc:
                raise ResourceError(str(self.model_path), None, f"not a CRFsuite model ({exc})") from None
            lexicon = NerLexicon.from_lexicons(self._lexicons or load_lexicons())
            if info.lexicon_fingerprint and lexicon.fingerprint != info.lexicon_fingerprint:
                log.warning(
                    "the lexicons changed since the NER model %s was trained; it still works, but retrain it "
                    "with tools/train_ner.py to let it learn from the new forms",
                    self.model_path.name,
                )
            self._loaded = (tagger, FeatureExtractor(lexicon, info.features), info)
            log.debug("loaded NER model %s", self.model_path)
        return self._loaded

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB tags of one sentence's tokens (``[]`` for no tokens)."""
        if not tokens:
            return []
        tagger, extractor, _ = self._load()
        return list(tagger.tag(extractor.sentence(tokens)))

    def tag_many(self, sentences: Iterable[Sequence[str]]) -> list[list[str]]:
        """IOB tags of several sentences."""
        return [self.tag(s) for s in sentences]

    def entities(self, tokens: Sequence[str]) -> list[tuple[Entity, str]]:
        """The entities found in one sentence, each with its text (tokens joined by spaces)."""
        tags = self.tag(tokens)
        return [(e, " ".join(tokens[e.start : e.end])) for e in entities(tags)]
