"""Extraction throughput, as ratios measured in one run on the same input.

    python benchmarks/bench_extract.py [--docs N] [--repeat R]

Input: the canonical example, and that example repeated 16 and 300 times as one long document. Reported:
documents/s and characters/s of the full pipeline, and its cost relative to two baselines run in the same
process on the same input: normalization alone (the floor: reading the text once), and a keyword detector
(one regex of every trigger form over the normalized text: what a dictionary keyword coder costs).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from hadath import Pipeline
from hadath.lang.ar.normalize import Normalizer, normalize

ROOT = Path(__file__).resolve().parent.parent


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``repeat`` runs (seconds)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="documents per timed run")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per measure (median kept)")
    args = parser.parse_args()

    text = (ROOT / "examples" / "bna-bahrain-fm-gaza-conference.txt").read_text(encoding="utf-8")
    pipeline = Pipeline()
    normalizer = Normalizer()
    triggers = sorted({normalize(t.form) for t in pipeline.lexicons.triggers}, key=len, reverse=True)
    keyword = re.compile("|".join(re.escape(t) for t in triggers))

    inputs = (
        ("example (2.9k chars)", text),
        ("example x16 (46k chars)", "\n".join([text] * 16)),
        ("example x300 (0.86M chars)", "\n".join([text] * 300)),
    )
    for label, doc in inputs:
        n = max(1, args.docs * len(text) // len(doc))
        docs = [doc] * n
        full = median_time(lambda docs=docs: [pipeline.extract(d, date="2024-06-11") for d in docs], args.repeat)
        norm = median_time(lambda docs=docs: [normalizer.normalize(d) for d in docs], args.repeat)
        kw = median_time(lambda docs=docs: [keyword.findall(normalize(d)) for d in docs], args.repeat)
        print(f"{label}: {n} documents per run, median of {args.repeat} runs")
        print(f"  hadath pipeline   {n / full:10.1f} docs/s  {n * len(doc) / full / 1000:8.0f} kchars/s")
        print(f"  baseline normalize{n / norm:10.1f} docs/s  -> pipeline costs {full / norm:6.1f}x normalization")
        print(f"  baseline keywords {n / kw:10.1f} docs/s  -> pipeline costs {full / kw:6.1f}x a keyword scan")


if __name__ == "__main__":
    main()
