"""Extraction on a real corpus in CPU time: per document, against a plain pass, stage by stage, and beside a baseline.

    python benchmarks/bench_corpus.py [--corpus FILE.jsonl[.gz]] [--limit 2000] [--coder rules] [--baseline REV]
        [--repeat 1] [--workers 1 2] [--profile] [--cprofile N] [--json]

Input: the first ``--limit`` non-empty lines, in file order, of any JSONL corpus with ``id``, ``text`` and
optionally ``date`` (default: ``../shared/data/saudinewsnet/saudinewsnet.jsonl.gz``, its first 2,000 articles),
copied once into a temporary file that every measure reads.

Each version of the code (this checkout's ``src/``, and with ``--baseline REV`` that git revision's ``src/``,
exported with ``git archive``) runs in a fresh interpreter of its own, in turn, ``--repeat`` times (the medians are
reported). Inside it, one after the other on the same file: a plain read-tokenize-write pass (``json.loads``,
``re.findall(r"\\w+")``, ``json.dumps``) and the extraction pass (read, extract, write the record), each timed in
CPU seconds of the process (all its threads: a library that spins threads shows here) and in wall seconds. Reported:
CPU ms per document, the ratio to the same process's plain pass in CPU time, the CPU/wall ratio (cores used), and
with ``--profile`` the CPU time of every stage (the stages are then run one by one, as ``Pipeline.process`` runs
them; the romanizer's share of the actor stage is timed apart). Both versions' records are compared byte for byte.

``--workers 1 2`` also runs ``hadath extract --workers N`` of this checkout (and of the baseline at one worker) as a
child process: wall time, CPU time of the process and its workers (``getrusage``), cores used, and the speed-up of N
workers over one. ``--cprofile N`` prints the N functions of the checkout's extraction with the most own time.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
WARM_UP = "بحث وزير الخارجية مع نظيره الأردني العلاقات الثنائية."


def first_lines(path: Path, limit: int, dst: Path) -> int:
    """Copy the first ``limit`` non-empty lines of ``path`` (gzip or plain JSONL) to ``dst``; returns how many."""
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "rt", encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            if not line.strip():
                continue
            fout.write(line if line.endswith("\n") else line + "\n")
            n += 1
            if n == limit:
                break
    return n


def export_src(rev: str, dst: Path) -> str:
    """``rev``'s ``src/`` exported into ``dst``; returns the commit's short hash."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short=12", "--verify", f"{rev}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(dst)], input=archive.stdout, check=True)
    return commit


# ------------------------------------------------------------------------------------------------ the child process
class _TimedRomanizer:
    """Stands in for the actor stage's romanizer and adds up the CPU time spent in it."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.cpu = 0.0

    def romanize(self, name: str, country: str | None = None) -> Any:
        start = time.process_time()
        try:
            return self.inner.romanize(name, country)
        finally:
            self.cpu += time.process_time() - start


def plain_pass(src: Path, dst: Path) -> None:
    """Read each JSON line, tokenize its text with a regex, write the tokens as a JSON line."""
    word = re.compile(r"\w+")
    with src.open(encoding="utf-8") as fin, dst.open("w", encoding="utf-8") as fout:
        for line in fin:
            doc = json.loads(line)
            fout.write(json.dumps({"id": doc["id"], "tokens": word.findall(doc["text"])}, ensure_ascii=False) + "\n")


def child(args: argparse.Namespace) -> None:
    """Measure one version of the code (imported from ``args.src``); print the figures as one JSON object."""
    sys.path.insert(0, str(args.src))
    started = time.process_time()
    from hadath import Pipeline, PipelineConfig
    from hadath.document import Document
    from hadath.pipeline import parse_date

    pipeline = Pipeline(PipelineConfig(coder=args.coder))
    pipeline.extract(WARM_UP, date="2015-08-01")
    load_cpu = time.process_time() - started

    out = Path(args.output)
    c0, w0 = time.process_time(), time.perf_counter()
    plain_pass(args.input, out.with_suffix(".plain"))
    plain_cpu, plain_wall = time.process_time() - c0, time.perf_counter() - w0

    stages: dict[str, float] = {}
    romanizer = None
    if args.profile:
        for stage in pipeline.stages:
            if getattr(stage, "romanizer", None) is not None:
                romanizer = stage.romanizer = _TimedRomanizer(stage.romanizer)  # type: ignore[attr-defined]
    profiler = None
    if args.cprofile:
        import cProfile

        profiler = cProfile.Profile()
    docs = 0
    c0, w0 = time.process_time(), time.perf_counter()
    if profiler is not None:
        profiler.enable()
    with args.input.open(encoding="utf-8") as fin, out.open("w", encoding="utf-8") as fout:
        for line in fin:
            item = json.loads(line)
            if args.profile:
                doc = Document(text=item["text"], doc_id=item["id"], date=parse_date(item.get("date")))
                for stage in pipeline.stages:
                    t = time.process_time()
                    doc = stage(doc)
                    name = type(stage).__name__
                    stages[name] = stages.get(name, 0.0) + time.process_time() - t
                record = doc.to_record()
            else:
                record = pipeline.extract(item["text"], date=item.get("date"), doc_id=item["id"])
            fout.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            docs += 1
    if profiler is not None:
        profiler.disable()
    cpu, wall = time.process_time() - c0, time.perf_counter() - w0
    if profiler is not None:
        import pstats

        pstats.Stats(profiler, stream=sys.stderr).sort_stats("tottime").print_stats(args.cprofile)
    result = {
        "docs": docs,
        "chars": sum(len(json.loads(line)["text"]) for line in args.input.open(encoding="utf-8")),
        "load_cpu": load_cpu,
        "plain_cpu": plain_cpu,
        "plain_wall": plain_wall,
        "cpu": cpu,
        "wall": wall,
        "stages": stages,
        "romanizer_cpu": romanizer.cpu if romanizer is not None else None,
    }
    print(json.dumps(result))


# ----------------------------------------------------------------------------------------------- the parent process
def run_child(src: Path, corpus: Path, output: Path, args: argparse.Namespace, cprofile: int = 0) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", "--src", str(src), "--input", str(corpus), "--output", str(output)]
    cmd += ["--coder", args.coder] + (["--profile"] if args.profile else []) + ["--cprofile", str(cprofile)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(src)))
    if proc.returncode != 0:
        raise SystemExit(f"the measuring process ({src}) failed:\n{proc.stderr}")
    if cprofile:
        print(proc.stderr, file=sys.stderr)
    result: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    return result


def run_cli(src: Path, corpus: Path, output: Path, coder: str, workers: int) -> dict[str, float]:
    """``hadath extract --workers N`` in a child process: wall seconds and CPU seconds of it and its workers."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "hadath", "extract", "--coder", coder, "--workers", str(workers), str(corpus)]
    proc = subprocess.run(
        [*cmd, "-o", str(output)], capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(src))
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"hadath extract --workers {workers} ({src}) failed:\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SNN, help="a JSONL corpus (.jsonl or .jsonl.gz)")
    parser.add_argument("--limit", type=int, default=2000, help="documents taken, from the top of the file")
    parser.add_argument("--coder", default="rules", help="rules, learned or learned-news")
    parser.add_argument("--baseline", help="a git revision to measure beside this checkout (e.g. main)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each version (medians reported)")
    parser.add_argument("--workers", type=int, nargs="*", default=[], help="also time hadath extract --workers N")
    parser.add_argument("--profile", action="store_true", help="CPU time of each stage")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="top N functions by own time")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--src", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    if not args.corpus.is_file():
        parser.error(f"--corpus {args.corpus}: no such file (give a .jsonl or .jsonl.gz corpus)")

    with tempfile.TemporaryDirectory(prefix="hadath-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        n = first_lines(args.corpus, args.limit, corpus)
        versions = {"this checkout": ROOT / "src"}
        if args.baseline:
            (tmp / "base").mkdir()
            commit = export_src(args.baseline, tmp / "base")
            versions[f"baseline {args.baseline} ({commit})"] = tmp / "base" / "src"
        print(f"corpus: the first {n} documents of {args.corpus}; --coder {args.coder}")
        runs: dict[str, list[dict[str, Any]]] = {label: [] for label in versions}
        for r in range(args.repeat):
            for k, (label, src) in enumerate(versions.items()):
                cprofile = args.cprofile if (r == 0 and k == 0) else 0
                runs[label].append(run_child(src, corpus, tmp / f"out-{k}.jsonl", args, cprofile))
        if args.baseline:
            same = (tmp / "out-0.jsonl").read_bytes() == (tmp / "out-1.jsonl").read_bytes()
            print(f"records of the two versions: {'byte-identical' if same else 'DIFFERENT'}")
        figures: dict[str, Any] = {"docs": n, "coder": args.coder, "versions": {}}
        for label, results in runs.items():
            med = {key: statistics.median(x[key] for x in results) for key in ("cpu", "wall", "plain_cpu", "load_cpu")}
            ratio = statistics.median(x["cpu"] / x["plain_cpu"] for x in results)
            per_doc = 1000 * med["cpu"] / n
            figures["versions"][label] = {**med, "cpu_ms_per_doc": per_doc, "ratio_to_plain_cpu": ratio}
            print(f"{label}: {per_doc:.2f} CPU ms/doc ({n / med['cpu']:.0f} docs per CPU-second), "
                  f"{ratio:.1f}x the plain pass in CPU time ({1000 * med['plain_cpu'] / n:.3f} ms/doc), "
                  f"{med['cpu'] / med['wall']:.2f} cores used, load {med['load_cpu']:.2f} CPU s")  # fmt: skip
            if args.profile:
                stages = {s: statistics.median(x["stages"].get(s, 0.0) for x in results) for s in results[0]["stages"]}
                total = sum(stages.values())
                rom = [x["romanizer_cpu"] for x in results if x["romanizer_cpu"] is not None]
                split = "  ".join(f"{s} {1000 * v / n:.2f} ({100 * v / total:.0f}%)" for s, v in stages.items())
                print(f"  stages, CPU ms/doc: {split}")
                if rom:
                    print(f"  of which the romanizer (in the actor stage): {1000 * statistics.median(rom) / n:.2f}")
                figures["versions"][label]["stages_cpu"] = stages
        if args.baseline:
            labels = list(versions)
            new, old = (figures["versions"][label]["cpu"] for label in labels)
            print(f"CPU per document: this checkout {new / old:.2f}x the baseline ({old / new:.2f}x faster)")
        if args.workers:
            figures["cli"] = {}
            for label, src in versions.items():
                for w in args.workers if label == "this checkout" else [1]:
                    t = run_cli(src, corpus, tmp / "cli.jsonl", args.coder, w)
                    figures["cli"][f"{label} --workers {w}"] = t
                    print(f"hadath extract --workers {w} ({label}): {t['wall']:.1f} s wall, {t['cpu']:.1f} CPU s, "
                          f"{t['cpu'] / t['wall']:.2f} cores used")  # fmt: skip
            ones = figures["cli"].get("this checkout --workers 1")
            for w in args.workers:
                t = figures["cli"][f"this checkout --workers {w}"]
                if w != 1 and ones:
                    print(f"--workers {w}: {ones['wall'] / t['wall']:.2f}x the speed of --workers 1 (wall time)")
        if args.json:
            print(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
