"""Every export format: row counts, fields, spans, and the Parquet file read back by DuckDB."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest

from hadath.errors import StoreError
from hadath.store.cameo import load_cameo
from hadath.store.export import FORMATS, PHOENIX_COLUMNS, export
from hadath.store.query import build_filter
from hadath.store.store import Store


@pytest.mark.parametrize(("reports", "expected"), [(False, 4), (True, 6)], ids=["events", "reports"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_one_row_per_event(filled: Path, tmp_path: Path, fmt: str, reports: bool,
                                               expected: int) -> None:  # fmt: skip
    out = tmp_path / f"out.{fmt}"
    with Store(filled, read_only=True) as store:
        assert export(store, fmt, out, reports=reports) == expected
    if fmt == "parquet":
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}')").fetchall() == [(expected,)]
    elif fmt in ("csv", "phoenix"):
        with out.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t" if fmt == "phoenix" else ","))
        assert len(rows) == expected + 1
    else:
        assert len(out.read_text(encoding="utf-8").splitlines()) == expected


def test_jsonl_export_is_contract_events_with_store_fields(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    with Store(filled, read_only=True) as store:
        export(store, "jsonl", out, build_filter(type=["CONSULT"]))
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [e["mentions"] for e in events] == [3, 1]  # oldest first
    for ev in events:
        assert texts[ev["doc_id"]][ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert ev["source"]["country"] in ("JOR", "QAT")


def test_flat_csv_and_parquet_have_the_same_rows(filled: Path, tmp_path: Path) -> None:
    with Store(filled, read_only=True) as store:
        export(store, "csv", tmp_path / "e.csv")
        export(store, "parquet", tmp_path / "e.parquet")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as fh:
        from_csv = [(r["event_id"], r["source_country"], r["target_name"], r["mentions"]) for r in csv.DictReader(fh)]
    from_parquet = duckdb.sql(
        f"SELECT event_id, source_country, target_name, mentions FROM read_parquet('{tmp_path / 'e.parquet'}')"
    ).fetchall()
    assert [(a, b, c or "", str(d)) for a, b, c, d in from_parquet] == from_csv
    assert ("spa-0306-3:1", "SAU", "Egypt", "1") in from_csv


def test_plover_export_has_the_plover_fields(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    with Store(filled, read_only=True) as store:
        export(store, "plover", out, build_filter(type=["AGREE"]))
    [event] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {"actor", "recipient", "event", "mode", "context", "event_loc", "event_text", "text_info"} <= set(event)
    assert (event["actor"], event["recipient"], event["event"], event["mode"]) == ("SAU", "EGY", "AGREE", "sign")
    assert event["text_info"]["source"] == "SPA"
    assert "اتفاقية" in event["event_text"]


def test_phoenix_export_has_cameo_quad_class_and_goldstein(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.tsv"
    with Store(filled, read_only=True) as store:
        export(store, "phoenix", out)
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert tuple(rows[0].keys()) == PHOENIX_COLUMNS
    cameo = load_cameo()
    for row in rows:
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert float(row["GoldsteinScore"]) == cameo.goldstein(row["EventCode"])
        assert row["QuadClass"] == str(cameo.quad_class(row["EventCode"]))
    accuse = next(r for r in rows if r["EventCode"].startswith("11"))
    assert (accuse["SourceActorFull"], accuse["QuadClass"], accuse["Date"]) == ("AREGOV", "3", "20250302")


def test_unknown_format_and_unwritable_output_are_errors(filled: Path, tmp_path: Path) -> None:
    with Store(filled, read_only=True) as store:
        with pytest.raises(StoreError, match="unknown export format"):
            export(store, "xml", tmp_path / "x.xml")
        with pytest.raises(StoreError, match="cannot write"):
            export(store, "jsonl", tmp_path / "no" / "such" / "dir.jsonl")
