"""Check that two versions of hadath write the same records, byte for byte, on the same inputs.

    python tools/check_identical.py --baseline REV [--coder rules learned learned-news] [--limit 2000]
        [--include-nonfactual] [--cache DIR] [FILES...]

``REV`` is a git revision of this repository (``main``, a commit hash): its ``src/`` is exported with
``git archive`` into a temporary folder and run with ``PYTHONPATH`` pointing there; the version under test is this
checkout's ``src/``. Each input is run through ``python -m hadath extract --coder C`` by both, and the output
files are compared line by line: the first differing line of each file is reported with its document id.

FILES default to ``eval/gold/*.jsonl`` and the first ``--limit`` lines (file order) of
``../shared/data/saudinewsnet/saudinewsnet.jsonl.gz``, the corpus of ``benchmarks/bench_corpus.py``. A ``.gz`` input
is cut to its first ``--limit`` lines too. ``--cache DIR`` keeps the baseline's outputs (named by revision hash,
coder and input) so that a second check reruns only the code under test. Exit status 0 when every output is
identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
CODERS = ("rules", "learned", "learned-news")

# the corpus head and the revision export are the benchmark's (benchmarks/bench_corpus.py), not copies of them
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_corpus import export_src, first_lines  # noqa: E402


def run_extract(src: Path, coder: str, nonfactual: bool, infile: Path, outfile: Path) -> None:
    """``python -m hadath extract`` with ``src`` first on the path."""
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "hadath", "extract", "--coder", coder, str(infile), "-o", str(outfile)]
    if nonfactual:
        cmd.append("--include-nonfactual")
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"hadath extract ({src}, --coder {coder}) on {infile} failed:\n{proc.stderr}")


def first_difference(a: Path, b: Path) -> str | None:
    """``None`` when the files are byte-identical, else where they first differ."""
    if a.read_bytes() == b.read_bytes():
        return None
    with a.open(encoding="utf-8") as fa, b.open(encoding="utf-8") as fb:
        for n, (la, lb) in enumerate(zip(fa, fb, strict=False), start=1):
            if la != lb:
                doc = json.loads(la).get("doc_id", "?") if la.strip() else "?"
                return f"line {n} (document {doc}) differs"
    return "one output has more lines than the other"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL inputs (default: the gold sets and SNN)")
    parser.add_argument("--baseline", required=True, help="git revision whose output is the reference")
    parser.add_argument("--coder", nargs="+", default=list(CODERS), choices=CODERS)
    parser.add_argument("--limit", type=int, default=2000, help="lines kept of a .gz input (default 2000)")
    parser.add_argument("--include-nonfactual", action="store_true", help="also compare the non-factual events")
    parser.add_argument("--cache", type=Path, help="folder keeping the baseline's outputs between runs")
    args = parser.parse_args()

    files = args.files or [*sorted((ROOT / "eval" / "gold").glob("*.jsonl")), SNN]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        parser.error(f"no such input: {', '.join(missing)}")
    with tempfile.TemporaryDirectory(prefix="hadath-identical-") as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "base").mkdir()
        commit = export_src(args.baseline, tmp / "base")
        cache = args.cache or tmp / "cache"
        cache.mkdir(parents=True, exist_ok=True)
        inputs = []
        for f in files:
            if f.suffix == ".gz":
                head = tmp / f"{f.name.removesuffix('.jsonl.gz')}-first{args.limit}.jsonl"
                first_lines(f, args.limit, head)
                f = head
            inputs.append(f)
        failures = 0
        for coder in args.coder:
            for f in inputs:
                tag = f"{coder}{'-nonfactual' if args.include_nonfactual else ''}-{f.stem}"
                ref = cache / f"{commit}-{tag}.jsonl"
                if not ref.exists():
                    run_extract(tmp / "base" / "src", coder, args.include_nonfactual, f, ref)
                new = tmp / f"new-{tag}.jsonl"
                run_extract(ROOT / "src", coder, args.include_nonfactual, f, new)
                lines = sum(1 for _ in new.open(encoding="utf-8"))
                why = first_difference(ref, new)
                print(f"--coder {coder:12} {f.name:40} {lines:5} records  {'identical' if why is None else why}")
                failures += why is not None
        print(f"baseline {commit}: {'all identical' if not failures else f'{failures} outputs differ'}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
