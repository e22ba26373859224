"""Every export format: row counts, the PLOVER records against a JSON Schema written from the PLOVER manual, the
Phoenix daily files' columns, and the CSV and Parquet files read back by pandas and pyarrow with the documented
types."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from hadath.errors import StoreError
from hadath.store.cameo import load_cameo
from hadath.store.export import DATE_COLUMNS, FORMATS, PHOENIX_COLUMNS, csv_dtypes, export, flat_columns
from hadath.store.plover import PLOVER_CONTEXTS, PLOVER_MODES, plover_contexts, plover_mode
from hadath.store.query import build_filter
from hadath.store.store import Store

SCHEMA = json.loads((Path(__file__).parent / "plover.schema.json").read_text(encoding="utf-8"))

#: The Phoenix daily files' columns, in order (the Phoenix data set's codebook).
PHOENIX_DAILY = [
    "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
    "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
    "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
]  # fmt: skip


def exported(store_path: Path, tmp_path: Path, fmt: str, **options: Any) -> Path:
    out = tmp_path / f"out.{fmt}"
    with Store(store_path, read_only=True) as store:
        export(store, fmt, out, **options)
    return out


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("reports", "expected"), [(False, 4), (True, 6)], ids=["events", "reports"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_one_row_per_event(filled: Path, tmp_path: Path, fmt: str, reports: bool,
                                               expected: int) -> None:  # fmt: skip
    out = tmp_path / f"out.{fmt}"
    with Store(filled, read_only=True) as store:
        assert export(store, fmt, out, reports=reports).written == expected
    if fmt == "parquet":
        assert pq.read_table(out).num_rows == expected
    elif fmt == "csv":
        assert len(pd.read_csv(out, dtype=csv_dtypes())) == expected
    elif fmt == "phoenix":  # no header row, as in the Phoenix daily files
        assert len(out.read_text(encoding="utf-8").splitlines()) == expected
    else:
        assert len(lines(out)) == expected


def test_jsonl_export_is_contract_events_with_store_fields(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.jsonl"
    with Store(filled, read_only=True) as store:
        export(store, "jsonl", out, build_filter(type=["CONSULT"]))
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    events = lines(out)
    assert [e["mentions"] for e in events] == [3, 1]  # oldest first
    assert [(r["outlet"], r["url"]) for r in events[0]["reports"]] == [
        ("Petra", "https://example.org/petra/7"), ("QNA", "https://example.org/qna/1"), ("KUNA", None)
    ]  # fmt: skip
    for ev in events:
        assert texts[ev["doc_id"]][ev["trigger"]["start"] : ev["trigger"]["end"]] == ev["trigger"]["text"]
        assert ev["source"]["country"] in ("JOR", "QAT")


# ---- PLOVER ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("reports", [False, True], ids=["events", "reports"])
def test_plover_records_validate_against_the_manuals_schema(filled: Path, tmp_path: Path, reports: bool) -> None:
    records = lines(exported(filled, tmp_path, "plover", reports=reports))
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for record in records:
        assert not list(validator.iter_errors(record)), record["id"]
    assert len(records) == (6 if reports else 4)


def test_the_schema_refuses_the_old_plover_export() -> None:
    old = {"id": "x:1", "date": "2025-03-06", "event": "AGREE", "actor": "SAU", "recipient": "EGY", "mode": "sign",
           "event_loc": {"name": "Riyadh", "country": "SAU"}, "text_info": {"source": "SPA"}}  # fmt: skip
    problems = {e.path[0] for e in jsonschema.Draft202012Validator(SCHEMA).iter_errors(old)}
    assert problems == {"event", "actor", "recipient", "mode", "event_loc", "text_info"}


def test_plover_record_fields(filled: Path, tmp_path: Path) -> None:
    [agree] = lines(exported(filled, tmp_path, "plover", f=build_filter(type=["AGREE"])))
    assert agree["actor"] == [{"code": "SAU", "sector": "GOV", "entity_text": "المملكة العربية السعودية",
                               "identifier_id": "state:SAU", "identifier_text": "Saudi Arabia"}]  # fmt: skip
    assert [r["code"] for r in agree["recipient"]] == ["EGY"]
    assert (agree["event"], agree["mode"], agree["hadath_mode"]) == (["AGREE"], [], "sign")  # AGREE has no modes
    assert agree["quad_code"] == 1 and agree["event_scale"] == load_cameo().goldstein(agree["cameo"])
    assert agree["cite_info"]["publication"] == "SPA" and agree["cite_info"]["language"] == "ar"
    assert agree["cite_info"]["codebook"] == "plover-base-2.0" and agree["coder"].startswith("hadath ")
    assert "اتفاقية" in agree["event_text"][0]
    [meeting, _] = lines(exported(filled, tmp_path, "plover", f=build_filter(type=["CONSULT"])))
    assert meeting["event_loc"]["country_code"] == "QAT" and meeting["event_loc"]["resolved_place"] == "Doha"
    assert meeting["event_loc"]["extracted_place"] == "الدوحة" and meeting["event_loc"]["resolution"] == 4
    assert [r["url"] for r in meeting["reports"]] == ["https://example.org/petra/7", "https://example.org/qna/1",
                                                      None]  # fmt: skip
    assert [r["publication"] for r in meeting["reports"]] == ["Petra", "QNA", "KUNA"]


@pytest.mark.parametrize(
    ("event_type", "ours", "manual"),
    [
        ("CONSULT", "visit", "visit"),
        ("ASSAULT", "missile", "heavy-weapons"),
        ("ASSAULT", "assassinate", "targeted"),
        ("ACCUSE", "condemn", "disapprove"),
        ("SANCTION", "recall", "withdraw"),
        ("COERCE", "detain", "arrest"),
        ("RETREAT", "resign", "resign"),
        ("CONCEDE", "resign", None),  # CONCEDE takes no mode in the manual
        ("REJECT", "veto", None),
        ("SUPPORT", "praise", None),
    ],
)
def test_modes_are_the_manuals(event_type: str, ours: str, manual: str | None) -> None:
    assert plover_mode(event_type, ours) == manual
    assert manual is None or manual in PLOVER_MODES[event_type]


def test_contexts_are_the_manuals() -> None:
    assert plover_contexts("AID", "humanitarian", ["humanitarian", "political", "religion", "diplomatic"]) == [
        "human_security", "religion_ethnicity", "diplomatic"
    ]  # fmt: skip
    assert plover_contexts("COOPERATE", "judicial", ["elections", "media"]) == ["legal", "election"]
    assert set(plover_contexts("ASSAULT", "cbrn", ["military", "refugees", "resources"])) <= PLOVER_CONTEXTS


def test_plover_leaves_out_an_undated_event_and_says_so(tmp_path: Path, pipeline: Any) -> None:
    from hadath.inputs import read_paths
    from hadath.store.ingest import ingest

    from .conftest import write_jsonl

    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "u1", "text": "وقعت المملكة العربية السعودية ومصر اتفاقية."}])
    with Store(tmp_path / "u.duckdb") as store:
        ingest(read_paths([corpus]), store, pipeline=pipeline)
        summary = export(store, "plover", tmp_path / "u.jsonl")
    assert (summary.written, summary.left_out) == (0, 1)
    assert "without a date" in summary.notes[0]


# ---- Phoenix ------------------------------------------------------------------------------------------------------


def test_phoenix_has_the_daily_files_columns(filled: Path, tmp_path: Path) -> None:
    assert list(PHOENIX_COLUMNS) == PHOENIX_DAILY
    bare = exported(filled, tmp_path, "phoenix")
    rows = list(csv.reader(bare.open(encoding="utf-8", newline=""), delimiter="\t"))
    assert all(len(r) == len(PHOENIX_DAILY) for r in rows) and rows[0][0] != "EventID"
    with_header = tmp_path / "h.tsv"
    with Store(filled, read_only=True) as store:
        export(store, "phoenix", with_header, header=True)
    table = list(csv.DictReader(with_header.open(encoding="utf-8", newline=""), delimiter="\t"))
    assert list(table[0]) == PHOENIX_DAILY and len(table) == len(rows)
    cameo = load_cameo()
    for row in table:
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert float(row["GoldsteinScore"]) == cameo.goldstein(row["EventCode"])
        neutral = row["EventRootCode"] in ("01", "02")
        assert row["PentaClass"] == str(0 if neutral else cameo.quad_class(row["EventCode"]))
        assert row["LocationName"].isascii()  # one language: English names only
    accuse = next(r for r in table if r["EventCode"].startswith("11"))
    assert (accuse["SourceActorFull"], accuse["PentaClass"], accuse["Date"]) == ("AREGOV", "3", "20250302")
    meeting = next(r for r in table if r["NewsSources"].count(";") == 2)
    assert meeting["URLs"] == "https://example.org/petra/7;https://example.org/qna/1"
    assert meeting["NewsSources"] == "Petra;QNA;KUNA" and meeting["LocationName"] == "Doha"


# ---- CSV and Parquet ----------------------------------------------------------------------------------------------


def test_csv_read_by_pandas_with_the_documented_dtypes_keeps_codes(filled: Path, tmp_path: Path) -> None:
    df = pd.read_csv(exported(filled, tmp_path, "csv"), dtype=csv_dtypes(), parse_dates=list(DATE_COLUMNS))
    assert list(df.columns) == [c.name for c in flat_columns()]
    assert set(df["cameo"]) >= {"042", "036"} or all(len(c) >= 3 for c in df["cameo"])
    assert all(isinstance(c, str) and len(c) >= 3 and c[0] in "012" for c in df["cameo"])
    assert str(df["mentions"].dtype) == "Int64" and str(df["date"].dtype).startswith("datetime64")
    meeting = df[df["mentions"] == 3].iloc[0]
    assert meeting["outlets"] == "Petra;QNA;KUNA" and meeting["cameo"].startswith("0")


def test_csv_read_by_pyarrow_with_the_documented_types(filled: Path, tmp_path: Path) -> None:
    path = exported(filled, tmp_path, "csv")
    strings = {name: pa.string() for name, dtype in csv_dtypes().items() if dtype == "string"}
    table = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(column_types=strings))
    assert table.schema.field("cameo").type == pa.string()
    assert all(c.startswith("0") or c.startswith("1") for c in table["cameo"].to_pylist())


def test_excel_csv_has_a_byte_order_mark(filled: Path, tmp_path: Path) -> None:
    raw = exported(filled, tmp_path, "csv", excel=True).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfevent_id,") and b"\r\n" in raw
    df = pd.read_csv(io.BytesIO(raw), dtype=csv_dtypes(), encoding="utf-8-sig")
    assert df.columns[0] == "event_id" and "الدوحة" in set(df["location_text"].dropna())


def test_parquet_has_list_columns_and_no_duplicated_column(filled: Path, tmp_path: Path) -> None:
    table = pq.read_table(exported(filled, tmp_path, "parquet"))
    names = table.schema.names
    assert names == [c.name for c in flat_columns()] and len(set(names)) == len(names)
    for column in ("contexts", "topics", "documents", "urls", "outlets"):
        assert pa.types.is_list(table.schema.field(column).type)
    assert table.schema.field("date").type == pa.date32() and table.schema.field("cameo").type == pa.string()
    rows = table.to_pylist()
    meeting = next(r for r in rows if r["mentions"] == 3)
    assert meeting["outlets"] == ["Petra", "QNA", "KUNA"] and len(meeting["documents"]) == 3
    assert "event_date" not in names and "cluster_id" not in names  # twins of date and event_id
    with Store(filled, read_only=True) as store:
        export(store, "parquet", tmp_path / "r.parquet", reports=True)
    by_report = pq.read_table(tmp_path / "r.parquet").to_pylist()
    assert sorted(r["cluster_id"] for r in by_report).count(meeting["event_id"]) == 3


def test_parquet_and_csv_hold_the_same_rows(filled: Path, tmp_path: Path) -> None:
    from_csv = pd.read_csv(exported(filled, tmp_path, "csv"), dtype=csv_dtypes())
    from_parquet = pq.read_table(exported(filled, tmp_path, "parquet")).to_pandas()
    assert list(from_csv["event_id"]) == list(from_parquet["event_id"])
    assert list(from_csv["cameo"]) == list(from_parquet["cameo"])
    assert ("spa-0306-3:1", "SAU", "Egypt") in set(
        zip(from_csv["event_id"], from_csv["source_country"], from_csv["target_name"], strict=True)
    )


def test_export_to_a_stream(filled: Path) -> None:
    buffer = io.BytesIO()
    with Store(filled, read_only=True) as store:
        assert export(store, "jsonl", buffer).written == 4
    assert len(buffer.getvalue().decode("utf-8").splitlines()) == 4


def test_unknown_format_and_unwritable_output_are_errors(filled: Path, tmp_path: Path) -> None:
    with Store(filled, read_only=True) as store:
        with pytest.raises(StoreError, match="unknown export format"):
            export(store, "xml", tmp_path / "x.xml")
        with pytest.raises(StoreError, match="cannot write"):
            export(store, "jsonl", tmp_path / "no" / "such" / "dir.jsonl")
