"""The Dask engine on this machine: ingest with 1 and 2 workers over the same corpus, and what 10M documents a day
would need.

    python benchmarks/bench_dask.py [--docs N] [--partition-size P] [--repeat R] [--json]

Input: the news-length corpus of ``bench_store.py`` (documents of >= 650 characters built from
``eval/gold/dev.jsonl``). Each run ingests it into a fresh store through a fresh ``LocalCluster``: plan, extract on
the workers into Parquet shards, load the shards, deduplicate. Reported: documents/s for 1 and 2 workers and their
ratio, the time of each phase, and a paper estimate, from the measured per-document cost, of the cluster needed
for 10 million documents a day. Cluster start-up (about a second) is excluded: on a real cluster it is paid once.
"""

from __future__ import annotations

import argparse
import json
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_corpus
from hadath.store.dedup import DedupConfig
from hadath.store.distributed import extract_shards, load_shards
from hadath.store.store import Store

DOCS_PER_DAY = 10_000_000


def run(corpus: Path, workdir: Path, workers: int, partition_size: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    staging, db = workdir / f"staging-{workers}", workdir / f"store-{workers}.duckdb"
    shutil.rmtree(staging, ignore_errors=True)
    db.unlink(missing_ok=True)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    with Client(cluster) as client:
        client.run(lambda: __import__("hadath.pipeline"))  # imports paid before the clock starts
        start = time.perf_counter()
        partitions, _, summary = extract_shards([corpus], staging, docs_per_partition=partition_size, client=client)
        extracted = time.perf_counter()
    cluster.close()
    with Store(db) as store:
        load_start = time.perf_counter()
        load_shards(store, staging, partitions, summary)
        loaded = time.perf_counter()
        store.deduplicate(DedupConfig())
        done = time.perf_counter()
        docs = int(store.scalar("SELECT count(*) FROM documents"))
    return {
        "workers": workers,
        "documents": docs,
        "partitions": len(partitions),
        "extract_s": extracted - start,
        "load_s": loaded - load_start,
        "dedup_s": done - loaded,
        "total_s": (extracted - start) + (done - load_start),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000, help="documents in the corpus")
    parser.add_argument("--partition-size", type=int, default=250, help="documents per partition")
    parser.add_argument("--repeat", type=int, default=2, help="runs per worker count (median kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="hadath-bench-dask-"))
    try:
        corpus = workdir / "corpus.jsonl"
        rows = build_corpus(args.docs)
        corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for _ in range(args.repeat):  # interleaved, so that the machine's load falls on both alike
            for workers in (1, 2):
                runs[workers].append(run(corpus, workdir, workers, args.partition_size))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    def median(workers: int, key: str) -> float:
        return statistics.median(r[key] for r in runs[workers])

    one, two = median(1, "total_s"), median(2, "total_s")
    n = args.docs
    per_doc_worker = median(1, "extract_s") / n  # one worker's seconds per document, shards included
    per_doc_client = (median(1, "load_s") + median(1, "dedup_s")) / n  # the client's serial share
    rate_needed = DOCS_PER_DAY / 86_400
    worker_cores = rate_needed * per_doc_worker
    figures = {
        "documents": n,
        "mean_chars": round(sum(len(r["text"]) for r in rows) / n),
        "partition_size": args.partition_size,
        "docs_per_s_1_worker": n / one,
        "docs_per_s_2_workers": n / two,
        "ratio_2_over_1": one / two,
        "phases_1_worker_s": {k: median(1, k) for k in ("extract_s", "load_s", "dedup_s")},
        "phases_2_workers_s": {k: median(2, k) for k in ("extract_s", "load_s", "dedup_s")},
        "estimate": {
            "docs_per_day": DOCS_PER_DAY,
            "docs_per_s_needed": rate_needed,
            "worker_ms_per_doc": per_doc_worker * 1000,
            "client_ms_per_doc": per_doc_client * 1000,
            "worker_cores_at_full_use": worker_cores,
            "worker_cores_at_30pct_use": math.ceil(worker_cores / 0.3),
            "client_share_of_one_core": rate_needed * per_doc_client,
        },
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    est = figures["estimate"]
    print(f"corpus: {n} documents (mean {figures['mean_chars']} chars), partitions of {args.partition_size}")
    for w in (1, 2):
        phases = figures[f"phases_{w}_worker{'s' if w > 1 else ''}_s"]
        print(
            f"  {w} worker(s): {n / median(w, 'total_s'):6.0f} docs/s  (extract {phases['extract_s']:.1f} s, "
            f"load {phases['load_s']:.1f} s, dedup {phases['dedup_s']:.1f} s)"
        )
    print(f"  2 workers / 1 worker: {figures['ratio_2_over_1']:.2f}x")
    print(
        f"10M documents a day = {est['docs_per_s_needed']:.0f} docs/s. Measured: {est['worker_ms_per_doc']:.2f} ms of "
        f"worker time and {est['client_ms_per_doc']:.3f} ms of client time (load + dedup) per document ->\n"
        f"  {est['worker_cores_at_full_use']:.2f} worker cores at full use; {est['worker_cores_at_30pct_use']} cores "
        f"at 30% average use (headroom for bursts and re-runs); the client's load and dedup take "
        f"{est['client_share_of_one_core']:.0%} of one core."
    )


if __name__ == "__main__":
    main()
