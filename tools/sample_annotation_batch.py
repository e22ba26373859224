"""Draw SaudiNewsNet articles to annotate: two in three with political vocabulary, one in three without.

Deterministic (seeded); skips articles annotated already (../shared/data/annotations and data/annotations).
  python3 tools/sample_annotation_batch.py N SEED > ids.txt
"""

from __future__ import annotations

import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
POLITICAL = re.compile(
    "وزير|رئيس|الملك|الأمير|حكوم|سفير|قوات|الجيش|هجوم|قصف|غارة|اعتقال|مظاهر|احتجاج|إدان|أدان|استنكر|ندد|"
    "اتفاق|مباحثات|بحث|استقبل|التقى|زيارة|الحوثي|داعش|التحالف|مجلس الأمن|الأمم المتحدة|عقوبات|انتخاب|برلمان"
)


def annotated() -> set[str]:
    ids: set[str] = set()
    for folder in (SHARED / "annotations", ROOT / "data" / "annotations"):
        for f in folder.glob("*.jsonl"):
            ids |= {json.loads(line)["id"] for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    return ids


def main(n: int, seed: int) -> None:
    seen = annotated()
    pol, other = [], []
    with gzip.open(SHARED / "saudinewsnet" / "saudinewsnet.jsonl.gz", "rt", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            if rec["id"] in seen or len(rec["text"]) < 200:
                continue
            (pol if len(POLITICAL.findall(rec["text"][:2500])) >= 3 else other).append(rec["id"])
    rng = random.Random(seed)
    n_pol = round(n * 2 / 3)
    chosen = rng.sample(sorted(pol), n_pol) + rng.sample(sorted(other), n - n_pol)
    rng.shuffle(chosen)
    print("\n".join(chosen))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
