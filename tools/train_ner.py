"""Train hadath's NER model (a linear-chain CRF, python-crfsuite) on ANERcorp and print its dev scores.

    pip install -e .                                 # python-crfsuite is a dependency of hadath
    python tools/train_ner.py [DATA_DIR]            # default ../shared/data/anercorp; writes the packaged model
    python tools/train_ner.py --search              # the small grid of c1, c2 and window, scored on dev
    python tools/train_ner.py --folds 5             # k-fold cross-validation on the train split (a sanity check)
    python tools/train_ner.py --no-clusters --output /tmp/x   # without the word clusters (to compare)
    python tools/train_ner.py --feature places=0 --output /tmp/x   # any field of FeatureConfig changed (to compare)

DATA_DIR holds ``train_data.txt`` and ``dev_data.txt`` (``token TAG`` per line, blank line between sentences).
The data are read where they lie; nothing of them is copied into the repository but the trained weights.
Training is deterministic (L-BFGS from zero weights): the same data, parameters and lexicons give the same
model. The model is written to ``src/hadath/resources/ner/anercorp.crfsuite`` with ``anercorp.json`` beside it
(parameters, feature set, lexicon fingerprint, dev scores).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pycrfsuite

from hadath import __version__, load_lexicons
from hadath.errors import HadathError
from hadath.ner.conll import ConllSentence, read_conll
from hadath.ner.features import NER_CLUSTERS_FILE, FeatureConfig, FeatureExtractor, NerLexicon
from hadath.ner.model import MODEL_NAME, default_model_dir
from hadath.ner.scoring import NerScores, score

DEFAULT_DATA = Path("../shared/data/anercorp")


@dataclass(frozen=True)
class CrfParams:
    """The CRF's training parameters. The defaults are those of the shipped model, chosen on the dev split."""

    c1: float = 0.03  # L1: drops useless features (smaller model); 0.01, 0.02 and 0.05 scored lower on dev
    c2: float = 0.05  # L2
    max_iterations: int = 70  # stopping early regularizes; dev F1 after 50/60/70/85 iterations: 0.825/0.828/0.828/0.828
    minfreq: int = 1  # dropping features seen once (2) cost 2 points of dev F1

    def crfsuite(self) -> dict[str, Any]:
        return {
            "c1": self.c1, "c2": self.c2, "max_iterations": self.max_iterations, "feature.minfreq": self.minfreq,
            "feature.possible_transitions": True,
        }  # fmt: skip


#: The grid --search scores on dev (small on purpose: the test split is held back).
GRID_C1 = (0.01, 0.02, 0.05, 0.1)
GRID_C2 = (0.01, 0.05, 0.1)
GRID_WINDOW = (1, 2)

Featured = list[tuple[list[list[str]], list[str]]]


def featurize(sentences: Sequence[ConllSentence], extractor: FeatureExtractor) -> Featured:
    return [(extractor.sentence(s.words), s.gold) for s in sentences]


def train(data: Featured, model_path: Path, params: CrfParams) -> tuple[float, int]:
    """Train a CRF on featurized sentences and write it to ``model_path``; return the seconds and the L-BFGS
    iterations it took."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params(params.crfsuite())
    started = time.perf_counter()
    trainer.train(str(model_path))
    return time.perf_counter() - started, int(trainer.logparser.last_iteration["num"])


def evaluate(model_path: Path, data: Featured) -> NerScores:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    try:
        return score((yseq, tagger.tag(xseq)) for xseq, yseq in data)
    finally:
        tagger.close()


def report(title: str, scores: NerScores) -> None:
    print(f"{title}: {scores.sentences} sentences, {scores.tokens} tokens, token accuracy {scores.accuracy:.4f}")
    print(f"  {'type':8} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for etype, counts in sorted(scores.by_type.items()):
        print(f"  {etype:8} {counts.precision:7.4f} {counts.recall:7.4f} {counts.f1:7.4f} {counts.tp + counts.fn:6d}")
    o = scores.overall
    print(f"  {'overall':8} {o.precision:7.4f} {o.recall:7.4f} {o.f1:7.4f} {o.tp + o.fn:6d}", flush=True)


def search(train_sents: list[ConllSentence], dev_sents: list[ConllSentence], lexicon: NerLexicon,
           base: CrfParams, config: FeatureConfig) -> None:  # fmt: skip
    """Score every point of the small grid on dev; print one line each and the best."""
    results: list[tuple[float, int, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for window in GRID_WINDOW:
            extractor = FeatureExtractor(lexicon, replace(config, window=window))
            train_data, dev_data = featurize(train_sents, extractor), featurize(dev_sents, extractor)
            for c1 in GRID_C1:
                for c2 in GRID_C2:
                    path = Path(tmp) / "m.crfsuite"
                    seconds, _ = train(train_data, path, replace(base, c1=c1, c2=c2))
                    f1 = evaluate(path, dev_data).overall.f1
                    results.append((f1, window, c1, c2))
                    print(f"window={window} c1={c1} c2={c2}: dev F1 {f1:.4f} ({seconds:.0f} s)", flush=True)
    best = max(results)
    print(f"best: window={best[1]} c1={best[2]} c2={best[3]} dev F1 {best[0]:.4f}")


def cross_validate(sentences: list[ConllSentence], extractor: FeatureExtractor, folds: int,
                   params: CrfParams) -> None:  # fmt: skip
    """K-fold cross-validation on the train split (contiguous folds: articles stay together)."""
    data = featurize(sentences, extractor)
    size = -(-len(data) // folds)
    total = NerScores()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(folds):
            held = data[k * size : (k + 1) * size]
            path = Path(tmp) / f"fold{k}.crfsuite"
            train(data[: k * size] + data[(k + 1) * size :], path, params)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            fold = NerScores()
            for xseq, yseq in held:
                predicted = tagger.tag(xseq)
                fold.add(yseq, predicted)
                total.add(yseq, predicted)
            tagger.close()
            print(f"fold {k + 1}/{folds}: F1 {fold.overall.f1:.4f}", flush=True)
    report(f"{folds}-fold cross-validation on train (pooled)", total)


def _split_info(name: str, sentences: list[ConllSentence]) -> dict[str, Any]:
    return {"file": name, "sentences": len(sentences), "tokens": sum(len(s.tokens) for s in sentences)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help=f"default: {DEFAULT_DATA}")
    parser.add_argument("--output", type=Path, default=default_model_dir(), help="folder the model is written to")
    parser.add_argument("--c1", type=float, default=CrfParams.c1, help="L1 regularization")
    parser.add_argument("--c2", type=float, default=CrfParams.c2, help="L2 regularization")
    parser.add_argument("--window", type=int, default=FeatureConfig().window, help="neighbours on each side")
    parser.add_argument("--resources", type=Path, default=None, help="lexicons folder (default: the packaged one)")
    parser.add_argument("--no-clusters", action="store_true", help="without the word-cluster features (to compare)")
    parser.add_argument(
        "--feature",
        action="append",
        default=[],
        metavar="NAME=INT",
        help="change one field of the feature set (window, places, ner_clusters, ...); repeatable",
    )
    parser.add_argument("--max-iterations", type=int, default=CrfParams.max_iterations)
    parser.add_argument("--search", action="store_true", help="score the parameter grid on dev; write nothing")
    parser.add_argument("--folds", type=int, default=0, help="k-fold cross-validation on train; write nothing")
    args = parser.parse_args(argv)
    params = CrfParams(c1=args.c1, c2=args.c2, max_iterations=args.max_iterations)

    try:
        train_sents = read_conll(args.data / "train_data.txt")
        dev_sents = read_conll(args.data / "dev_data.txt")
        lexicon = NerLexicon.from_lexicons(load_lexicons(args.resources))
    except HadathError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"train: {len(train_sents)} sentences; dev: {len(dev_sents)} sentences", flush=True)
    config = FeatureConfig(window=args.window, clusters=0 if args.no_clusters else 1)
    names = {f.name for f in fields(FeatureConfig)} - {"version"}
    for change in args.feature:
        name, _, value = change.partition("=")
        if name not in names or not value.lstrip("-").isdigit():
            print(f"error: --feature {change!r}: expected NAME=INT with NAME one of {', '.join(sorted(names))}",
                  file=sys.stderr)  # fmt: skip
            return 2
        config = replace(config, **{name: int(value)})
    extractor = FeatureExtractor(lexicon, config)
    if args.search:
        search(train_sents, dev_sents, lexicon, params, config)
        return 0
    if args.folds:
        cross_validate(train_sents, extractor, args.folds, params)
        return 0

    started = time.perf_counter()
    train_data, dev_data = featurize(train_sents, extractor), featurize(dev_sents, extractor)
    feature_seconds = time.perf_counter() - started
    args.output.mkdir(parents=True, exist_ok=True)
    model_path = args.output / f"{MODEL_NAME}.crfsuite"
    seconds, iterations = train(train_data, model_path, params)
    dev = evaluate(model_path, dev_data)
    report("dev", dev)
    print(f"features {feature_seconds:.0f} s, training {seconds:.0f} s ({iterations} L-BFGS iterations)")
    meta: dict[str, Any] = {
        "model": f"{MODEL_NAME}.crfsuite",
        "trained": date.today().isoformat(),
        "hadath": __version__,
        "data": {
            "corpus": "ANERcorp (Benajiba et al. 2007), the split of ../shared/data/anercorp",
            "train": _split_info("train_data.txt", train_sents),
            "dev": _split_info("dev_data.txt", dev_sents),
            "word_clusters": {
                "file": NER_CLUSTERS_FILE.name if config.ner_clusters else None,
                "corpus": "SaudiNewsNet (raw text, no labels; CC BY-NC-SA 4.0), tools/build_ner_clusters.py",
            },
        },
        "tagging": "IOB2",
        "labels": sorted({t for _, y in train_data for t in y}),
        "features": config.as_dict(),
        "lexicon_fingerprint": lexicon.fingerprint,
        "crf": {"algorithm": "lbfgs", **params.crfsuite(), "iterations": iterations},
        "training_seconds": round(seconds),
        "dev_scores": dev.as_dict(),
    }
    (args.output / f"{MODEL_NAME}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    size = model_path.stat().st_size
    print(f"wrote {model_path} ({size / 1e6:.1f} MB) and {MODEL_NAME}.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
