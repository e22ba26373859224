"""Corpus throughput: extraction on one and on all cores, store ingest, peak memory and cold start, as ratios.

    python benchmarks/bench_store.py [--docs N] [--repeat R] [--ingest-repeat R] [--coder rules|learned] [--json]

Input: news-length documents (>= 650 characters each) built from ``eval/gold/dev.jsonl`` by joining consecutive
documents with a blank line, cycling through the file until there are N of them, written as one JSONL file.
Every figure is relative to something measured in the same run on the same input:

- extraction (read JSONL, extract, write a JSON line per document) against a plain read-tokenize-write pass
  (``json.loads``, ``re.findall(r"\\w+")``, ``json.dumps``): the floor of any tool that reads the corpus once;
- extraction on all cores (a spawn pool, one pipeline per worker) against one process;
- ``Ingester`` into a fresh DuckDB store with 2 workers against 1 worker (each in a child process, which also
  gives the peak RSS of the ingest and its workers);
- cold start (import, lexicon load, first document, in a fresh interpreter) against ``python -c pass``.

Targets: >= 250 docs/s and <= 60x the baseline on one process, ingest with 2 workers >= 1.5x one worker,
peak RSS < 1.5 GB.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import multiprocessing
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_extract import median_time

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "eval" / "gold" / "dev.jsonl"
MIN_CHARS = 650
COLD_DOC = "بحث وزير الخارجية مع نظيره الأردني العلاقات الثنائية."
CHUNKSIZE = 16
#: Iterations of the pure-Python loop that measures how well this machine runs processes in parallel.
BURN = 4_000_000

# Targets the project must meet.
TARGET_DOCS_PER_S = 250.0
TARGET_BASELINE_RATIO = 60.0
TARGET_INGEST_SPEEDUP = 1.5
TARGET_PEAK_MB = 1536.0


def build_corpus(n: int) -> list[dict[str, str]]:
    """``n`` documents of >= MIN_CHARS characters, each consecutive dev documents joined by a blank line."""
    with DEV.open(encoding="utf-8") as f:
        source = [json.loads(line) for line in f if line.strip()]
    corpus, i = [], 0
    for k in range(n):
        first = source[i % len(source)]
        parts = []
        while sum(len(p) for p in parts) + 2 * max(0, len(parts) - 1) < MIN_CHARS:
            parts.append(source[i % len(source)]["text"])
            i += 1
        corpus.append({"id": f"bench-{k:05d}", "text": "\n\n".join(parts), "date": first["date"]})
    return corpus


def timed(fn: Callable[[], object]) -> float:
    """Wall time of one run of ``fn`` (seconds)."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def baseline_pass(src: Path, dst: Path) -> None:
    """Read each JSON line, tokenize its text with a regex, write the tokens as a JSON line."""
    word = re.compile(r"\w+")
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            doc = json.loads(line)
            tokens = word.findall(doc["text"])
            fout.write(json.dumps({"id": doc["id"], "tokens": tokens}, ensure_ascii=False) + "\n")


def extract_pass(pipeline: Any, src: Path, dst: Path) -> None:
    """Read each JSON line, extract its events, write the record as a JSON line."""
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            doc = json.loads(line)
            record = pipeline.extract(doc["text"], date=doc["date"], doc_id=doc["id"])
            fout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")


def burn(n: int) -> int:
    """Pure-Python CPU work with no I/O and no data passed: the machine's ceiling for a parallel speedup."""
    total = 0
    for i in range(n):
        total += i * i
    return total


# The pipeline of a pool worker, built once by the initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(coder: str = "rules") -> None:
    from hadath import Pipeline, PipelineConfig

    _WORKER["pipeline"] = Pipeline(PipelineConfig(coder=coder))


def _extract_line(line: str) -> str:
    doc = json.loads(line)
    record = _WORKER["pipeline"].extract(doc["text"], date=doc["date"], doc_id=doc["id"])
    return json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def parallel_pass(pool: Any, src: Path, dst: Path) -> None:
    """The extraction pass with the extraction spread over ``pool`` (reading and writing stay in this process)."""
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for out in pool.imap(_extract_line, fin, chunksize=CHUNKSIZE):
            fout.write(out)


def count_events(path: Path) -> int:
    """Events in a file of extraction records (a check that every pass extracted the same)."""
    with path.open(encoding="utf-8") as f:
        return sum(len(json.loads(line)["events"]) for line in f)


def child_ingest(jsonl: Path, db: Path, workers: int) -> None:
    """Ingest ``jsonl`` into a fresh store ``db`` (run in a child process); print a JSON summary on stdout."""
    from hadath.inputs import read_paths
    from hadath.store.dedup import DedupConfig
    from hadath.store.ingest import Ingester
    from hadath.store.store import Store

    start = time.perf_counter()
    with Store(db) as store:
        summary = Ingester(store, workers=workers, dedup=DedupConfig()).run(read_paths([jsonl]))
    wall = time.perf_counter() - start
    dedup = summary.dedup
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {
        "workers": workers,
        "read": summary.read,
        "stored": summary.stored,
        "skipped": summary.skipped,
        "unchanged": summary.unchanged,
        "duplicates": summary.duplicates,
        "events": summary.events,
        "seconds": summary.seconds,
        "wall_seconds": wall,
        "dedup": None if dedup is None else dataclasses.asdict(dedup),
        "problems": [str(p) for p in summary.problems[:5]],
        # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN covers the pool workers (joined when the pool closes).
        "maxrss_self_kib": own.ru_maxrss,
        "maxrss_children_kib": kids.ru_maxrss,
        "cpu_self_seconds": own.ru_utime + own.ru_stime,
        "cpu_workers_seconds": kids.ru_utime + kids.ru_stime,
    }
    print(json.dumps(out))


def run_ingest(jsonl: Path, tmp: Path, workers: int, run: int) -> dict[str, Any]:
    db = tmp / f"store-w{workers}-{run}.duckdb"
    cmd = [sys.executable, __file__, "--child-ingest", str(jsonl), str(db), str(workers)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"ingest with {workers} worker(s) failed (exit {proc.returncode}):\n{proc.stderr}")
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    result["peak_mb"] = max(result["maxrss_self_kib"], result["maxrss_children_kib"]) / 1024
    result["docs_per_s"] = result["stored"] / result["seconds"]
    return result


def startup_time(code: str, repeat: int) -> float:
    """Median wall time of ``python -c code`` in a fresh interpreter (seconds)."""

    def once() -> None:
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)

    return median_time(once, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per extraction measure (median kept)")
    parser.add_argument("--ingest-repeat", type=int, default=1, help="timed runs per ingest measure (median kept)")
    parser.add_argument("--cold-repeat", type=int, default=3, help="timed runs per cold start measure (median kept)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--coder", default="rules", choices=("rules", "learned", "learned-news"), help="the event coder to time"
    )
    parser.add_argument("--child-ingest", nargs=3, metavar=("JSONL", "DB", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child_ingest:
        jsonl, db, workers = args.child_ingest
        child_ingest(Path(jsonl), Path(db), int(workers))
        return

    from hadath import Pipeline, PipelineConfig

    def say(text: str) -> None:
        if not args.json:
            print(text, flush=True)

    total_start = time.perf_counter()
    corpus = build_corpus(args.docs)
    n = len(corpus)
    chars = sum(len(d["text"]) for d in corpus)
    cores = os.cpu_count() or 1
    figures: dict[str, Any] = {"docs": n, "mean_chars": chars / n, "cores": cores}
    say(
        f"corpus: {n} documents, mean {chars / n:.0f} chars (min {min(len(d['text']) for d in corpus)}), "
        f"{chars / 1e6:.2f}M chars; {cores} cores"
    )

    with tempfile.TemporaryDirectory(prefix="hadath-bench-") as tmpdir:
        tmp = Path(tmpdir)
        jsonl = tmp / "corpus.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for doc in corpus:
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
        out = tmp / "out.jsonl"

        # 2-4. Baseline, extraction on one process and on all cores, all read-process-write over the same file.
        # The three are interleaved in each round, so that a slower or faster spell of the machine hits them alike.
        pipeline = Pipeline(PipelineConfig(coder=args.coder))
        figures["coder"] = args.coder
        ctx = multiprocessing.get_context("spawn")
        times: dict[str, list[float]] = {"base": [], "one": [], "par": [], "burn_1": [], "burn_all": []}
        events_1 = events_all = -1
        with ctx.Pool(cores, initializer=_init_worker, initargs=(args.coder,)) as pool:
            extract_pass(pipeline, jsonl, out)  # warm-up
            parallel_pass(pool, jsonl, out)  # warm-up: workers started and pipelines built
            for _ in range(args.repeat):
                times["burn_1"].append(timed(lambda: [burn(BURN) for _ in range(cores)]))
                times["burn_all"].append(timed(lambda: pool.map(burn, [BURN] * cores, chunksize=1)))
                times["base"].append(timed(lambda: baseline_pass(jsonl, out)))
                times["one"].append(timed(lambda: extract_pass(pipeline, jsonl, out)))
                events_1 = count_events(out)
                times["par"].append(timed(lambda: parallel_pass(pool, jsonl, out)))
                events_all = count_events(out)
        base, one, par, burn_1, burn_all = (statistics.median(v) for v in times.values())
        ceiling = burn_1 / burn_all
        figures["machine_parallel_ceiling"] = ceiling
        figures["baseline"] = {"seconds": base, "docs_per_s": n / base}
        figures["extract_1"] = {"seconds": one, "docs_per_s": n / one, "x_baseline": one / base, "events": events_1}
        figures["extract_all"] = {
            "workers": cores,
            "seconds": par,
            "docs_per_s": n / par,
            "speedup": one / par,
            "events": events_all,
        }
        say(
            f"  machine: a pure-Python CPU loop on {cores} processes runs {ceiling:.2f}x one process "
            f"(the ceiling for any speedup below; median of {args.repeat})"
        )
        say(f"\nextraction, read-extract-write, median of {args.repeat} interleaved runs")
        say(f"  baseline read-tokenize-write {n / base:9.0f} docs/s")
        ok = n / one >= TARGET_DOCS_PER_S and one / base <= TARGET_BASELINE_RATIO
        say(
            f"  hadath, 1 process            {n / one:9.0f} docs/s  {chars / one / 1000:6.0f} kchars/s  "
            f"-> {one / base:5.1f}x the baseline  [target >= {TARGET_DOCS_PER_S:.0f} docs/s, "
            f"<= {TARGET_BASELINE_RATIO:.0f}x: {'ok' if ok else 'MISSED'}]"
        )
        say(
            f"  hadath, {cores} processes          {n / par:9.0f} docs/s  {chars / par / 1000:6.0f} kchars/s  "
            f"-> {one / par:5.2f}x one process (spawn pool, chunksize {CHUNKSIZE}, warm workers)"
        )

        # 5-6. Ingest, each run in its own child process.
        # 1 and 2 workers alternate, for the same reason as above.
        all_runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for r in range(args.ingest_repeat):
            for workers in (1, 2):
                all_runs[workers].append(run_ingest(jsonl, tmp, workers, r))
        ingests: dict[int, dict[str, Any]] = {}
        for workers, runs in all_runs.items():
            result = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
            result["peak_mb"] = max(r["peak_mb"] for r in runs)
            ingests[workers] = result
        one_w, two_w = ingests[1], ingests[2]
        speedup = one_w["seconds"] / two_w["seconds"]
        figures["ingest"] = {"1": one_w, "2": two_w, "speedup_2_vs_1": speedup}
        say(f"\ningest into a fresh DuckDB store, dedup on, child process, median of {args.ingest_repeat} run(s)")
        for workers, r in ingests.items():
            d = r["dedup"] or {}
            say(
                f"  {workers} worker(s) {r['docs_per_s']:8.0f} docs/s  ({r['seconds']:.1f} s)  stored {r['stored']}"
                f"/{r['read']}, skipped {r['skipped']}, {r['events']} events, {d.get('clusters')} clusters of "
                f"{d.get('reports')} reports; peak RSS {r['peak_mb']:.0f} MB, CPU {r['cpu_self_seconds']:.1f} s main + "
                f"{r['cpu_workers_seconds']:.1f} s workers"
            )
            for problem in r["problems"]:
                say(f"    problem: {problem}")
        counts = {"extract, 1 process": events_1, f"extract, {cores} processes": events_all}
        counts.update({f"ingest, {w} worker(s)": r["events"] for w, r in ingests.items()})
        figures["events_agree"] = len(set(counts.values())) == 1
        if not figures["events_agree"] or any(r["stored"] != n for r in ingests.values()):
            say(f"  MISMATCH: documents stored {[r['stored'] for r in ingests.values()]} of {n}; events {counts}")
        say(
            f"  2 workers / 1 worker: {speedup:.2f}x  [target >= {TARGET_INGEST_SPEEDUP}x: "
            f"{'ok' if speedup >= TARGET_INGEST_SPEEDUP else 'MISSED'}]"
        )
        peak = max(one_w["peak_mb"], two_w["peak_mb"])
        figures["peak_mb"] = peak
        say(
            f"  peak RSS (ingest process and its workers): {peak:.0f} MB  [target < {TARGET_PEAK_MB:.0f} MB: "
            f"{'ok' if peak < TARGET_PEAK_MB else 'MISSED'}]"
        )

        # 7. Cold start.
        empty = startup_time("pass", args.cold_repeat)
        cold = startup_time(f"from hadath import Pipeline; Pipeline().extract({COLD_DOC!r})", args.cold_repeat)
        figures["cold_start"] = {"seconds": cold, "python_seconds": empty, "x_python": cold / empty}
        say(
            f"\ncold start (import, lexicons, first document), median of {args.cold_repeat}: {cold:.2f} s "
            f"= {cold / empty:.0f}x 'python -c pass' ({empty * 1000:.0f} ms)"
        )

    figures["total_seconds"] = time.perf_counter() - total_start
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        print(f"\nbenchmark ran in {figures['total_seconds']:.0f} s")


if __name__ == "__main__":
    main()
