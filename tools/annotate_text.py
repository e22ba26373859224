"""Show a SaudiNewsNet article with character offsets, and find the offsets of a span, for annotators.

  python3 tools/annotate_text.py show ID [--upto N]      the text, each line prefixed by its start offset
  python3 tools/annotate_text.py find ID "exact words" [K] start and end of the K-th (0-based) occurrence
  python3 tools/annotate_text.py check FILE.jsonl        every span inside annotated_chars, and printable back

Articles are read from ../shared/data/saudinewsnet/saudinewsnet.jsonl.gz; nothing is copied into the repository.
"""

from __future__ import annotations

import gzip
import json
import sys
from functools import cache
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"


@cache
def corpus() -> dict[str, str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return {r["id"]: r["text"] for r in map(json.loads, fh)}


def show(doc_id: str, upto: int | None) -> None:
    text = corpus()[doc_id]
    if upto is not None:
        text = text[:upto]
    pos = 0
    for line in text.split("\n"):
        print(f"[{pos}] {line}")
        pos += len(line) + 1
    print(f"-- {len(corpus()[doc_id])} characters")


def find(doc_id: str, words: str, k: int) -> None:
    text = corpus()[doc_id]
    start = -1
    for _ in range(k + 1):
        start = text.find(words, start + 1)
        if start < 0:
            print("not found", file=sys.stderr)
            sys.exit(1)
    print(
        json.dumps(
            {"start": start, "end": start + len(words), "text": text[start : start + len(words)]}, ensure_ascii=False
        )
    )


def check(path: str) -> None:
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = corpus()[rec["id"]]
        for ev in rec["events"]:
            parts = [
                ("trigger", ev.get("trigger")),
                ("source", ev.get("source")),
                ("target", ev.get("target")),
                ("location", ev.get("location")),
            ]
            shown = []
            for name, sp in parts:
                if sp and sp.get("start") is not None:
                    shown.append(f"{name}={text[sp['start'] : sp['end']]!r}")
            print(rec["id"], ev["type"], ev["status"], " ".join(shown))


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "show":
        show(args[1], int(args[3]) if len(args) == 4 and args[2] == "--upto" else None)
    elif len(args) in (3, 4) and args[0] == "find":
        find(args[1], args[2], int(args[3]) if len(args) == 4 else 0)
    elif len(args) == 2 and args[0] == "check":
        check(args[1])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
