"""Ingest: every input format, bad input reported and skipped, duplicates, parallel workers, interruptions."""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hadath import Pipeline
from hadath.inputs import Problem, read_paths
from hadath.store.ingest import Ingester
from hadath.store.store import Store

from .conftest import MEETING_REPORTS, OTHER_REPORTS, SECOND_MEETING, run_ingest, write_jsonl

ALL = [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS]


def stored(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as store:
        counts = store.counts()
        counts["distinct_docs"] = int(store.scalar("SELECT count(DISTINCT doc_id) FROM documents"))
        counts["distinct_events"] = int(store.scalar("SELECT count(DISTINCT event_id) FROM events"))
        counts["actors"] = int(store.scalar("SELECT count(*) FROM actors"))
        counts["mentions"] = int(store.scalar("SELECT count(*) FROM mentions"))
        return counts


def test_broken_lines_and_a_duplicate_are_reported_and_every_good_document_stored_once(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    path = tmp_path / "mixed.jsonl"
    good = [f'{{"id": "{r["id"]}", "date": "{r["date"]}", "text": "{r["text"]}"}}' for r in ALL]
    lines = [good[0], "{not json", good[1], '{"id": "no-text"}', good[2], good[0], '{"id": "e", "text": "  "}',
             *good[3:], '{"id": "bad-date", "date": "11/03/2025", "text": "نص"}']  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems: list[Problem] = []
    with Store(tmp_path / "s.duckdb") as store:
        summary = Ingester(store, pipeline=pipeline, on_problem=problems.append).run(read_paths([path]))

    assert summary.stored == len(ALL)
    assert summary.duplicates == 1
    assert summary.skipped == 4
    lost = {p.origin for p in problems if p.lost}
    assert lost == {f"{path}:{n}" for n in (2, 4, 7, 11)}
    assert any("already read" in p.reason and p.origin == f"{path}:6" for p in problems)
    counts = stored(tmp_path / "s.duckdb")
    assert counts["documents"] == counts["distinct_docs"] == len(ALL)


def test_csv_gz_and_text_folders_are_ingested(tmp_path: Path, pipeline: Pipeline) -> None:
    with (tmp_path / "wire.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "text", "date", "source", "url", "title"])
        for r in MEETING_REPORTS:
            writer.writerow([r["id"], r["text"], r["date"], r["source"], r.get("url", ""), ""])
        writer.writerow(["empty", "", "2025-03-04", "", "", ""])
    packed = tmp_path / "more.jsonl.gz"
    packed.write_bytes(gzip.compress(write_jsonl(tmp_path / "more.jsonl", OTHER_REPORTS).read_bytes()))
    (tmp_path / "more.jsonl").unlink()
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "qna-0311-4.txt").write_text(SECOND_MEETING["text"], encoding="utf-8")
    problems: list[Problem] = []
    with Store(tmp_path / "s.duckdb") as store:
        summary = Ingester(store, pipeline=pipeline, on_problem=problems.append).run(
            read_paths([tmp_path / "wire.csv", packed, folder], date="2025-03-11")
        )
        sources = dict(store.con.execute("SELECT doc_id, source FROM documents").fetchall())

    assert summary.stored == len(ALL)
    assert [(p.origin, p.lost) for p in problems] == [(f"{tmp_path / 'wire.csv'}:5", True)]
    assert sources["qna-0304-1"] == "QNA" and sources["wam-0302-9"] == "WAM" and sources["qna-0311-4"] is None


def test_two_workers_store_the_same_events_as_one(tmp_path: Path, pipeline: Pipeline) -> None:
    rows = [dict(r, id=f"{r['id']}-{n}") for n in range(8) for r in ALL]
    corpus = write_jsonl(tmp_path / "c.jsonl", rows)
    results = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        with Store(db) as store:
            Ingester(store, workers=workers, batch_size=7).run(read_paths([corpus]))
        with Store(db, read_only=True) as store:
            results.append(store.fetch(
                """SELECT e.event_id, e.type, e.mode, e.dyad_key, a.text, a.start FROM events e
                   JOIN actors a USING (event_id) ORDER BY ALL"""
            ))  # fmt: skip
    assert len(results[0]) > len(rows)
    assert results[0] == results[1]


def _hadath(*args: str) -> list[str]:
    return [sys.executable, "-m", "hadath", *args]


def _big_corpus(tmp_path: Path, copies: int = 60) -> tuple[Path, int]:
    rows = [dict(r, id=f"{r['id']}-{n}") for n in range(copies) for r in ALL]
    return write_jsonl(tmp_path / "big.jsonl", rows), len(rows)


def _start_and_stop_after_first_batch(cmd: list[str], sig: int) -> int:
    """Run an ingest, send ``sig`` once a batch is committed; return the exit code."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        if "stored a batch" in line or time.monotonic() > deadline:
            break
    os.kill(proc.pid, sig)
    proc.stderr.read()
    return proc.wait(timeout=60)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_ingest_loses_nothing_and_a_rerun_completes_it(tmp_path: Path, sig: int,
                                                                   pipeline: Pipeline) -> None:  # fmt: skip
    corpus, n = _big_corpus(tmp_path)
    db = tmp_path / "s.duckdb"
    code = _start_and_stop_after_first_batch(_hadath("-v", "ingest", str(corpus), "--db", str(db), "--batch-size",
                                                     "20"), sig)  # fmt: skip
    assert code == (-9 if sig == signal.SIGKILL else 130)
    with Store(db, read_only=True) as store:
        kept = int(store.scalar("SELECT count(*) FROM documents"))
    assert 20 <= kept < n  # committed batches survived; the rest was not done

    rerun = subprocess.run(_hadath("ingest", str(corpus), "--db", str(db)), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{kept} unchanged" in rerun.stderr

    reference = tmp_path / "ref.duckdb"
    run_ingest(reference, [corpus], pipeline)
    assert stored(db) == stored(reference)
    counts = stored(db)
    assert counts["documents"] == counts["distinct_docs"] == n
    assert counts["reports"] == counts["distinct_events"] == counts["mentions"]
    assert counts["undeduplicated"] == 0


def test_a_broken_lexicon_in_the_workers_stops_the_ingest_with_its_message(tmp_path: Path, corpus: Path) -> None:
    from hadath import PipelineConfig
    from hadath.lexicon.lexicons import default_resource_dir
    from hadath.store.ingest import WorkerSetupError

    broken = tmp_path / "resources"
    broken.mkdir()
    for f in default_resource_dir().iterdir():
        if f.is_file():
            (broken / f.name).write_bytes(f.read_bytes())
    shutil.copytree(default_resource_dir() / "actors", broken / "actors")
    (broken / "triggers.tsv").write_text("form\ttype\n", encoding="utf-8")
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(WorkerSetupError, match=r"triggers\.tsv"):
        Ingester(store, PipelineConfig(resource_dir=broken), workers=2).run(read_paths([corpus]))


# --------------------------------------------------------------------------- hostile input (issue 16)


def test_issue16_1_a_deeply_nested_line_does_not_stop_the_ingest(tmp_path: Path, pipeline: Pipeline) -> None:
    deep = '{"id": "d", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = write_jsonl(tmp_path / "deep.jsonl", ALL[:2])
    path.write_text(path.read_text(encoding="utf-8") + deep + "\n" + json.dumps(ALL[2]) + "\n", encoding="utf-8")

    summary = run_ingest(tmp_path / "d.duckdb", [path], pipeline)

    assert summary.stored == 3 and summary.skipped == 1 and summary.dedup is not None
    assert "nested" in summary.problems[0].reason and summary.problems[0].origin == f"{path}:3"


def test_issue16_2_a_lone_surrogate_in_id_or_title_costs_one_document(tmp_path: Path, pipeline: Pipeline) -> None:
    rows = [dict(ALL[0]), dict(ALL[1], id="bad \ud800"), dict(ALL[2], title="\udfff"), dict(ALL[3])]
    path = tmp_path / "s.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")

    summary = run_ingest(tmp_path / "s.duckdb", [path], pipeline)

    assert summary.stored == 2 and summary.skipped == 2
    assert stored(tmp_path / "s.duckdb")["documents"] == 2
    assert [p.origin for p in summary.problems] == [f"{path}:2", f"{path}:3"]


def test_issue16_3_the_later_text_wins_over_a_stored_copy_of_it(tmp_path: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "lw.duckdb"
    b = write_jsonl(tmp_path / "b.jsonl", [{"id": "X", "text": ALL[1]["text"]}])
    ab = write_jsonl(tmp_path / "ab.jsonl", [{"id": "X", "text": ALL[0]["text"]}, {"id": "X", "text": ALL[1]["text"]}])

    run_ingest(db, [b], pipeline)
    summary = run_ingest(db, [ab], pipeline)

    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT text FROM documents WHERE doc_id = 'X'") == ALL[1]["text"]
    assert (summary.stored, summary.replaced) == (1, 1)


def test_issue16_5_files_of_one_name_in_two_folders_are_both_stored(tmp_path: Path, pipeline: Pipeline) -> None:
    for folder, row in (("x", ALL[0]), ("y", ALL[1])):
        (tmp_path / folder).mkdir()
        write_jsonl(tmp_path / folder / "f.jsonl", [{"text": row["text"]}])

    summary = run_ingest(tmp_path / "f.duckdb", [tmp_path / "x", tmp_path / "y"], pipeline)

    assert summary.stored == 2 and stored(tmp_path / "f.duckdb")["documents"] == 2


def test_issue16_6_the_summary_counts_what_the_store_holds(tmp_path: Path, pipeline: Pipeline) -> None:
    path = write_jsonl(tmp_path / "o.jsonl", [ALL[0], dict(ALL[1], id=ALL[0]["id"]), ALL[2]])

    summary = run_ingest(tmp_path / "o.duckdb", [path], pipeline)

    assert summary.stored == stored(tmp_path / "o.duckdb")["documents"] == 2
    assert summary.superseded == 1
