"""How the actor knowledge base does on a store of real news (issue 15): titled person mentions resolved, the persons
with the most events, and a random sample of resolved mentions for a reader who did not write the code.

  python eval/tools/actors_on_store.py STORE.duckdb --top eval/ACTORS_TOP50.md --out DIR [--n 100 --seed 2026]
                                       [--titled-sample 3000]

- **Titled person mentions**: the stored documents (or ``--titled-sample`` of them, drawn with ``--seed``) are read
  again up to the actors stage (no events) with the installed hadath and every
  person named with a role title ("الوزير X"، "X، وزير ..."، "ولي العهد الأمير X") is counted: the share whose name
  the knowledge base resolves (the others are persons no knowledge base knows, kept with their title's country,
  sector and role and a romanized name). Titles standing alone are not counted (they have no name to resolve).
- **Top persons**: the knowledge-base persons with the most stored events (as source or target), with their reports
  and deduplicated events, written to ``--top`` (a Markdown table; names and counts only, no article text).
- **Sample**: ``--n`` mentions the store's entity registry credits to a knowledge-base person, drawn at random with
  ``--seed`` among all such mentions, each with its sentence, the person's name and dated terms, written to
  ``DIR/sample.jsonl`` (and ``DIR/sample.md`` to read). DIR holds corpus sentences: keep it out of the repository
  (the articles' licence). The reader marks each line right (the mention names that person) or wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb

from hadath.document import Document
from hadath.lexicon.lexicons import load_lexicons
from hadath.pipeline import Pipeline

_SENTENCE_END = re.compile(r"[.!?؟\n]")


def titled_share(
    con: duckdb.DuckDBPyConnection, pipeline: Pipeline, sample: int, seed: int
) -> tuple[int, int, int, Counter[str]]:
    """(documents read, titled name mentions, of them resolved to a knowledge-base person, the unresolved ones'
    countries and roles); ``sample`` documents drawn with ``seed`` (0: every document)."""
    titled = resolved = 0
    unknown_roles: Counter[str] = Counter()
    ids = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    if 0 < sample < len(ids):
        ids = sorted(random.Random(seed).sample(ids, sample))
    for doc_id in ids:
        text, day = con.execute("SELECT text, date FROM documents WHERE doc_id = ?", [doc_id]).fetchone() or ("", None)
        doc = pipeline.analyse(Document(text=text, doc_id=doc_id, date=day))
        role_spans = [(m.nstart, m.nend) for m in doc.mentions if m.kind == "title" and m.entry.kind == "role"]
        for a in doc.actors:
            if a.kind != "person" or not a.resolved or a.actor.entity_id is None:
                continue
            lo, hi = a.extent
            if not any(lo <= s and e <= hi and (e <= a.nstart or s >= a.nend) for s, e in role_spans):
                continue  # no title beside the name
            titled += 1
            if a.actor.entity_id.startswith("person:ar:"):
                unknown_roles[f"{a.actor.country or '---'} {a.actor.role}"] += 1
            else:
                resolved += 1
    return len(ids), titled, resolved, unknown_roles


def top_persons(con: duckdb.DuckDBPyConnection, n: int) -> list[tuple[str, str, int, int, int]]:
    """(entity id, name, reports, deduplicated events, documents) of the ``n`` persons with the most reports."""
    return con.execute(
        """SELECT a.entity_id, any_value(a.name), count(DISTINCT a.event_id), count(DISTINCT e.cluster_id),
                  count(DISTINCT a.doc_id)
           FROM actors a JOIN events e USING (event_id)
           WHERE a.entity_id LIKE 'person:%' AND a.entity_id NOT LIKE 'person:ar:%'
           GROUP BY a.entity_id ORDER BY 3 DESC, 1 LIMIT ?""",
        [n],
    ).fetchall()


def _sentence(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence around ``text[start:end]`` and the mention's offsets in it."""
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = _SENTENCE_END.search(text, end)
    stop = right.end() if right else len(text)
    segment = text[left:stop]
    lead = len(segment) - len(segment.lstrip())
    return segment.strip(), start - left - lead, end - left - lead


def sample(con: duckdb.DuckDBPyConnection, n: int, seed: int) -> tuple[list[dict[str, Any]], int]:
    persons = {p.id: p for p in load_lexicons().persons}
    rows = con.execute(
        """SELECT m.doc_id, m.entity_id, m.text, m.start, m."end", d.date FROM entity_mentions m
           JOIN documents d USING (doc_id)
           WHERE m.entity_id LIKE 'person:%' AND m.entity_id NOT LIKE 'person:ar:%'
           ORDER BY m.doc_id, m.start, m.entity_id"""
    ).fetchall()
    rows = [r for r in rows if r[1] in persons]
    out = []
    for i, (doc_id, pid, mention, start, end, day) in enumerate(random.Random(seed).sample(rows, min(n, len(rows)))):
        (text,) = con.execute("SELECT text FROM documents WHERE doc_id = ?", [doc_id]).fetchone() or ("",)
        sentence, s0, s1 = _sentence(text, start, end)
        person = persons[pid]
        out.append(
            {
                "n": i + 1, "doc_id": doc_id, "date": str(day), "mention": mention, "start": start, "end": end,
                "sentence": sentence, "marked": sentence[:s0] + "[[" + sentence[s0:s1] + "]]" + sentence[s1:],
                "person": pid, "name": person.name,
                "terms": [
                    f"{t.role} of {t.country or t.org} {t.start or '...'} to {t.end or 'now'}" for t in person.terms
                ],
                "judgement": None,
            }
        )  # fmt: skip
    return out, len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("store", type=Path)
    ap.add_argument("--top", type=Path, required=True, help="Markdown file for the top persons")
    ap.add_argument("--out", type=Path, required=True, help="folder for the sample (outside the repository)")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--top-n", type=int, default=50)
    ap.add_argument("--skip-titled", action="store_true", help="do not read the documents again")
    ap.add_argument("--titled-sample", type=int, default=0, help="read only this many documents again (0: all)")
    args = ap.parse_args()
    con = duckdb.connect(str(args.store), read_only=True)
    (docs,) = con.execute("SELECT count(*) FROM documents").fetchone() or (0,)
    top = top_persons(con, args.top_n)
    lines = [
        f"# Persons with the most events in `{args.store.name}` ({docs} documents)",
        "",
        "| # | person | id | reports | events (deduplicated) | documents | most frequent mentions in events |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, (pid, name, r, c, d) in enumerate(top, start=1):
        texts = con.execute(
            "SELECT text, count(*) FROM actors WHERE entity_id = ? GROUP BY text ORDER BY 2 DESC, 1 LIMIT 4", [pid]
        ).fetchall()
        shown = "; ".join(f"{t} ({k})" for t, k in texts)
        lines.append(f"| {i} | {name} | `{pid}` | {r} | {c} | {d} | {shown} |")
    args.top.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"top {len(top)} persons -> {args.top}")
    drawn, pool = sample(con, args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "sample.jsonl").open("w", encoding="utf-8") as fh:
        for item in drawn:
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    md = [f"# {len(drawn)} mentions credited to knowledge-base persons (seed {args.seed}, of {pool})", ""]
    for item in drawn:
        md += [
            f"## {item['n']}. {item['doc_id']} ({item['date']}): «{item['mention']}» -> {item['name']}",
            "",
            f"> {item['marked']}",
            "",
            "terms: " + "; ".join(item["terms"]),
            "",
            "right / wrong: ",
            "",
        ]
    (args.out / "sample.md").write_text("\n".join(md), encoding="utf-8")
    print(f"{len(drawn)} of {pool} resolved mentions -> {args.out}/sample.jsonl, sample.md")
    if not args.skip_titled:
        read, titled, resolved, unknown = titled_share(con, Pipeline(), args.titled_sample, args.seed)
        print(f"{read} documents read again: titled person mentions {titled}, resolved to a knowledge-base person "
              f"{resolved} ({resolved / max(titled, 1):.1%})")  # fmt: skip
        print("most frequent titles of unresolved titled persons:", unknown.most_common(15))


if __name__ == "__main__":
    main()
