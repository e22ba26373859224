"""Draw deduplicated events at random from stores of a corpus, for a blind reading by someone who did not write
the coder, and report how the emitted events are dated against their documents.

  python eval/tools/sample_store_events.py STORE.duckdb [STORE2.duckdb ...] --n 80 --seed 2026 --out DIR

For each store: ``n`` clusters (deduplicated events) drawn with the seed, each shown by its first report; the draws
of all stores are shuffled together and written to ``DIR/sample.jsonl`` without saying which store each came from
(the key is ``DIR/key.json``, for scoring after the reading). Also prints, per store, the share of reports dated after
their document or more than 30 days before it. The sample holds sentences of the corpus: keep DIR out of the
repository (the articles' licence).
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import duckdb


def _actor(row: tuple[str | None, str | None, str | None, str | None] | None) -> dict[str, str | None] | None:
    if row is None:
        return None
    text, country, org, sector = row
    return {"text": text, "code": f"{org or country or '---'}/{sector or 'UNK'}"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stores", nargs="+", type=Path)
    ap.add_argument("--n", type=int, default=80)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    items = []
    key = {}
    for store in args.stores:
        con = duckdb.connect(str(store), read_only=True)
        total, after, old = con.execute(
            "select count(*), count(*) filter (where e.event_date > d.date), "
            "count(*) filter (where e.event_date < d.date - interval 30 day) "
            "from events e join documents d using (doc_id)"
        ).fetchone()
        print(
            f"{store}: {total} reports; dated after their document {after / total:.1%}, "
            f"more than 30 days before it {old / total:.1%}"
        )
        clusters = [r[0] for r in con.execute("select distinct cluster_id from events order by cluster_id").fetchall()]
        rng = random.Random(args.seed)
        for cid in rng.sample(clusters, min(args.n, len(clusters))):
            ev = con.execute(
                "select event_id, doc_id, type, mode, source_code, target_code, trigger_text, trigger_start, "
                "sentence_start, sentence_end, date, event_date from events where cluster_id = ? "
                "order by date, doc_id, seq limit 1",
                [cid],
            ).fetchone()
            eid, doc_id, etype, mode, _src, tgt, trig, tstart, s0, s1, _day, eday = ev
            text, doc_date = con.execute("select text, date from documents where doc_id = ?", [doc_id]).fetchone()
            actors = {
                side: (t, c, o, sec)
                for side, t, c, o, sec in con.execute(
                    "select side, text, country, org, sector from actors where event_id = ?", [eid]
                ).fetchall()
            }
            item_id = f"item-{len(items) + 1:03d}"
            key[item_id] = {"store": str(store), "event_id": eid}
            items.append(
                {
                    "doc_id": doc_id,
                    "doc_date": str(doc_date),
                    "event_date": str(eday),
                    "sentence": text[s0:s1],
                    "trigger": trig,
                    "trigger_start": tstart,
                    "type": etype,
                    "mode": mode,
                    "source": _actor(actors.get("source")),
                    "target": _actor(actors.get("target")) if tgt else None,
                }
            )
        con.close()
    order = list(range(len(items)))
    random.Random(args.seed + 1).shuffle(order)
    args.out.mkdir(parents=True, exist_ok=True)
    ids = list(key)
    with (args.out / "sample.jsonl").open("w", encoding="utf-8") as fh:
        for new, k in enumerate(order, start=1):
            fh.write(json.dumps({"item": f"e{new:03d}", **items[k]}, ensure_ascii=False) + "\n")
    (args.out / "key.json").write_text(
        json.dumps({f"e{new:03d}": key[ids[k]] for new, k in enumerate(order, start=1)}, indent=1), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
