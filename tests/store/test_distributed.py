"""The Dask engine on a real LocalCluster: same events as the local engine, a killed worker, an interrupted load,
partition planning, Parquet shards queried in place."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

distributed = pytest.importorskip("distributed", reason="the Dask engine needs hadath[dask]")

from hadath import Pipeline  # noqa: E402
from hadath.store.dedup import DedupConfig  # noqa: E402
from hadath.store.distributed import ShardResult, ingest_dask, plan_partitions  # noqa: E402
from hadath.store.store import Store  # noqa: E402

from .conftest import MEETING_REPORTS, OTHER_REPORTS, SECOND_MEETING, run_ingest, write_jsonl  # noqa: E402

ALL = [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS]
#: Lines each engine must report and go past.
HOSTILE = [
    '{"id": "d", "text": "x", "n": ' + "[" * 3000 + "]" * 3000 + "}",
    '{"id": "s\\ud800", "text": "x"}',
    '{"id": ["l"], "text": "x"}',
    '{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}",
    '{"id": "e", "text": ""}',
]


def corpus_file(tmp_path: Path, copies: int = 10, bad: bool = False) -> Path:
    rows: list[Any] = [dict(r, id=f"{r['id']}-{n}") for n in range(copies) for r in ALL]
    path = write_jsonl(tmp_path / "corpus.jsonl", rows)
    if bad:
        lines = path.read_text(encoding="utf-8").splitlines()
        lines.insert(7, '{"id": "broken", "text": ')
        lines.insert(20, '{"id": "empty", "text": ""}')
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def content(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Everything extraction decided, without ingest times."""
    with Store(db, read_only=True) as store:
        return {
            "documents": store.con.execute(
                "SELECT doc_id, text_hash, date, source FROM documents ORDER BY ALL"
            ).fetchall(),
            "events": store.con.execute(
                """SELECT event_id, type, mode, cameo, dyad_key, event_date, trigger_start, location_country, terms,
                          cluster_id FROM events ORDER BY ALL"""
            ).fetchall(),
            "actors": store.con.execute("SELECT * FROM actors ORDER BY ALL").fetchall(),
            "spans": store.con.execute("SELECT * FROM spans ORDER BY ALL").fetchall(),
            "entities": store.con.execute("SELECT * FROM entity_mentions ORDER BY ALL").fetchall(),
            "clusters": store.con.execute("SELECT * FROM clusters ORDER BY ALL").fetchall(),
        }


def test_partitions_cover_the_file_and_are_named_by_content(tmp_path: Path) -> None:
    path = corpus_file(tmp_path, copies=5)  # 30 lines
    parts, problems = plan_partitions([path], docs_per_partition=8)
    assert problems == []
    assert [(p.start, p.first_line) for p in parts][:2] == [(0, 1), (parts[0].end, 9)]
    assert [p.kind for p in parts] == ["jsonl-range"] * 4
    assert parts[-1].end == path.stat().st_size
    again, _ = plan_partitions([path], docs_per_partition=8)
    assert [p.name for p in again] == [p.name for p in parts]
    with path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(dict(ALL[0], id="late"), ensure_ascii=False) + "\n")
    changed, _ = plan_partitions([path], docs_per_partition=8)
    assert [p.name for p in changed][:3] == [p.name for p in parts][:3]
    assert changed[3].name != parts[3].name


def test_missing_and_unknown_inputs_are_problems(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"x")
    _, problems = plan_partitions([tmp_path / "none.jsonl", tmp_path / "notes.docx"])
    assert [p.reason.split(";")[0] for p in problems] == ["no such file", "unknown file type"]


def test_dask_engine_stores_what_the_local_engine_stores(tmp_path: Path, client: Any, pipeline: Pipeline) -> None:
    path = corpus_file(tmp_path, bad=True)
    local = tmp_path / "local.duckdb"
    run_ingest(local, [path], pipeline)
    dask_db = tmp_path / "dask.duckdb"
    with Store(dask_db) as store:
        summary = ingest_dask([path], store, tmp_path / "staging", docs_per_partition=9, dedup=DedupConfig(),
                              client=client)  # fmt: skip

    assert summary.partitions == 7 and summary.loaded == 7  # 62 lines, 9 a partition
    assert summary.skipped == 2  # the broken line and the empty document, reported with their lines
    assert sorted(p.origin for p in summary.problems if p.lost) == [f"{path}:21", f"{path}:8"]
    assert content(dask_db) == content(local)


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(tmp_path: Path, pipeline: Pipeline) -> None:
    path = corpus_file(tmp_path, copies=20)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    killed: list[int] = []
    with distributed.Client(cluster) as client:
        pids = list(client.run(os.getpid).values())

        def kill_once(result: ShardResult) -> None:
            if not killed:
                killed.append(pids[0])
                os.kill(pids[0], signal.SIGKILL)

        with Store(tmp_path / "dask.duckdb") as store:
            summary = ingest_dask([path], store, tmp_path / "staging", docs_per_partition=4, dedup=DedupConfig(),
                                  client=client, on_partition=kill_once)  # fmt: skip
    cluster.close()

    assert killed and summary.partitions == 30 and summary.loaded == 30
    reference = tmp_path / "local.duckdb"
    run_ingest(reference, [path], pipeline)
    assert content(tmp_path / "dask.duckdb") == content(reference)
    # every partition has exactly one shard, whatever was retried
    shards = sorted(p.name for p in (tmp_path / "staging").iterdir() if p.name.startswith("part-"))
    assert len(shards) == 30
    assert not [p for p in (tmp_path / "staging").iterdir() if p.name.startswith(".tmp-")] or summary.retried


def test_an_interrupted_load_is_completed_by_the_rerun(tmp_path: Path, client: Any, pipeline: Pipeline) -> None:
    path = corpus_file(tmp_path)
    db = tmp_path / "dask.duckdb"
    loaded: list[str] = []

    def stop_after_two(name: str) -> None:
        loaded.append(name)
        if len(loaded) == 2:
            raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        ingest_dask([path], store, tmp_path / "staging", docs_per_partition=9, client=client, on_loaded=stop_after_two)
    with Store(db, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM shards") == 2
    with Store(db) as store:
        rerun = ingest_dask([path], store, tmp_path / "staging", docs_per_partition=9, client=client,
                            dedup=DedupConfig())  # fmt: skip
    assert (rerun.reused, rerun.extracted, rerun.already_loaded, rerun.loaded) == (7, 0, 2, 5)
    reference = tmp_path / "local.duckdb"
    run_ingest(reference, [path], pipeline)
    assert content(db) == content(reference)


def test_rerun_over_a_loaded_store_changes_nothing(tmp_path: Path, client: Any) -> None:
    path = corpus_file(tmp_path, copies=3)
    db = tmp_path / "dask.duckdb"
    for _ in range(2):
        with Store(db) as store:
            ingest_dask([path], store, tmp_path / "staging", docs_per_partition=9, client=client, dedup=DedupConfig())
    other = tmp_path / "other-staging"  # new shards of the same documents: stored ones are left as they are
    with Store(db) as store:
        summary = ingest_dask([path], store, other, docs_per_partition=5, client=client, dedup=DedupConfig())
        assert (summary.documents, summary.unchanged) == (0, len(ALL) * 3)
        assert store.scalar("SELECT count(*) FROM documents") == len(ALL) * 3
        assert store.scalar("SELECT count(*) - count(DISTINCT event_id) FROM events") == 0


def test_shards_are_queried_in_place(tmp_path: Path, client: Any) -> None:
    from hadath.store.distributed import extract_shards
    from hadath.store.query import build_filter, query_events

    path = corpus_file(tmp_path, copies=2)
    extract_shards([path], tmp_path / "lake", docs_per_partition=5, client=client)
    with Store.over_parquet(tmp_path / "lake") as store:
        events = query_events(store, build_filter(country=["JOR"]), limit=100)
    assert len(events) == 2 * 4  # every report is an event: no deduplication without a store
    assert all(e["mentions"] == 1 for e in events)


def test_cli_dask_ingest_and_extract_to_parquet(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from hadath.cli import app

    runner = CliRunner()
    path = corpus_file(tmp_path, copies=2, bad=True)
    db = tmp_path / "s.duckdb"
    ingest = runner.invoke(app, ["ingest", str(path), "--db", str(db), "--engine", "dask", "--workers", "2",
                                 "--partition-size", "5"])  # fmt: skip
    assert ingest.exit_code == 2, ingest.stderr  # two bad lines, reported
    assert f"skipped {path}:8" in ingest.stderr and "Traceback" not in ingest.stderr
    assert "12 document(s) stored" in ingest.stderr
    assert not (tmp_path / "s.duckdb.staging").exists()  # the default staging folder goes once loaded
    lake = tmp_path / "lake"
    extract = runner.invoke(app, ["extract", str(path), "--engine", "dask", "-o", str(lake), "--partition-size", "5"])
    assert extract.exit_code == 2 and "query them with 'hadath query --parquet" in extract.stderr
    query = runner.invoke(app, ["query", "--parquet", str(lake), "--type", "AGREE", "--format", "jsonl"])
    assert query.exit_code == 0
    assert len(query.stdout.splitlines()) == 2
    both = runner.invoke(app, ["query", "--parquet", str(lake), "--db", str(db)])
    assert both.exit_code == 1 and "--db FILE, or a folder of Parquet shards" in both.stderr


def test_issue16_hostile_lines_cost_only_themselves_and_the_later_text_wins_as_locally(
    tmp_path: Path, client: Any, pipeline: Pipeline
) -> None:
    """Reproductions 1, 2 and 3 on the Dask engine: a deeply nested line, a lone surrogate in an id, and an id
    given twice (the later text equal to the stored one) leave the store the local engine leaves."""
    first = write_jsonl(tmp_path / "b.jsonl", [{"id": "X", "text": ALL[1]["text"]}])
    lines = [
        json.dumps(ALL[0]),
        '{"id": "d", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": "s\\ud800", "text": "x"}',
        json.dumps({"id": "X", "text": ALL[2]["text"]}),
        json.dumps({"id": "X", "text": ALL[1]["text"]}),
        json.dumps(ALL[3]),
    ]
    second = tmp_path / "hostile.jsonl"
    second.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = tmp_path / "local.duckdb"
    run_ingest(local, [first], pipeline)
    run_ingest(local, [second], pipeline)
    dask_db = tmp_path / "dask.duckdb"
    with Store(dask_db) as store:
        ingest_dask([first], store, tmp_path / "staging1", dedup=DedupConfig(), client=client)
        summary = ingest_dask([second], store, tmp_path / "staging2", docs_per_partition=2, dedup=DedupConfig(),
                              client=client)  # fmt: skip
        assert store.scalar("SELECT text FROM documents WHERE doc_id = 'X'") == ALL[1]["text"]

    assert sorted(p.origin for p in summary.problems if p.lost) == [f"{second}:2", f"{second}:3"]
    assert content(dask_db) == content(local)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(6)), hostile=st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3))
def test_the_dask_engine_and_the_local_one_store_the_same_from_hostile_input(
    tmp_path_factory: pytest.TempPathFactory, client: Any, pipeline: Pipeline, order: list[int], hostile: list[str]
) -> None:
    """Property (issue 16): good, hostile and repeated records in any order; both engines keep the same store."""
    folder = tmp_path_factory.mktemp("prop")
    good = [json.dumps(dict(ALL[i % 4], id=f"id{i % 3}")) for i in order]
    lines = good[:3] + hostile + good[3:]
    path = folder / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local = folder / "local.duckdb"
    summary = run_ingest(local, [path], pipeline)
    with Store(folder / "dask.duckdb") as store:
        dask = ingest_dask([path], store, folder / "staging", docs_per_partition=2, dedup=DedupConfig(), client=client)
    assert content(folder / "dask.duckdb") == content(local)
    assert sorted(p.origin for p in dask.problems if p.lost) == sorted(p.origin for p in summary.problems if p.lost)
