"""Analysts' corrections in the store: kept beside the machine's coding, applied to queries, aggregates and
exports (unless raw), surviving re-ingest of the document, exported as ANNOTATION.md records."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from hadath import Pipeline
from hadath.errors import CorrectionError
from hadath.store.corrections import annotation_records, build_correction
from hadath.store.export import export
from hadath.store.query import actors, build_filter, dyads, provenance, query_events, timeline
from hadath.store.store import Store

from .conftest import OTHER_REPORTS, run_ingest, write_jsonl

SHARED_CHECKER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "check_annotations.py"
CAMEO = {"COOPERATE": "061", "ACCUSE": "112", "AGREE": "057"}
AGREEMENT = "spa-0306-3:1"  # SAU signs an energy agreement with EGY (AGREE sign 057)


def correct(db: Path, event_id: str, changes: dict[str, Any], analyst: str = "amal", when: int = 0) -> None:
    with Store(db) as store:
        c = build_correction(store, event_id, changes, analyst, CAMEO, now=datetime(2026, 1, 1, 12, when))
        store.add_correction(c.row())


def ids(db: Path, **filters: Any) -> list[str]:
    with Store(db, read_only=True) as store:
        return [e["id"] for e in query_events(store, build_filter(**filters), None)]


def test_a_correction_changes_what_queries_see_and_keeps_the_machine_coding(filled: Path) -> None:
    correct(db := filled, AGREEMENT, {"type": "COOPERATE", "mode": "economic", "target": {"country": "JOR"}})
    assert AGREEMENT in ids(db, type=["COOPERATE"]) and AGREEMENT not in ids(db, type=["AGREE"])
    assert AGREEMENT in ids(db, type=["AGREE"], raw=True)  # the machine's coding is still there
    assert AGREEMENT in ids(db, target_country=["JOR"]) and AGREEMENT not in ids(db, target_country=["EGY"])
    with Store(db, read_only=True) as store:
        found = provenance(store, AGREEMENT)
        assert found is not None
        event = found["event"]
        assert (event["type"], event["mode"], event["cameo"], event["goldstein"]) == (
            "COOPERATE",
            "economic",
            "061",
            6.4,
        )
        # the target keeps the highlighted words, loses the machine's name (another actor) and keeps its sector
        assert event["target"]["country"] == "JOR" and event["target"]["name"] is None
        assert event["target"]["text"] == found["machine"]["target"]["text"]
        assert event["corrected"]["analyst"] == "amal"
        assert found["machine"]["type"] == "AGREE" and found["machine"]["target"]["country"] == "EGY"
        assert [c["type"] for c in found["corrections"]] == ["COOPERATE"]
        # aggregates count the corrected coding
        pairs = {(d["a"], d["b"]) for d in dyads(store, build_filter())}
        assert ("JOR", "SAU") in pairs and ("EGY", "SAU") not in pairs
        assert ("EGY", "SAU") in {(d["a"], d["b"]) for d in dyads(store, build_filter(raw=True))}
        kinds = {i["key"] for i in timeline(store, build_filter(since="2025-03-06", until="2025-03-06"))["items"]}
        assert kinds == {"COOPERATE"}
        codes = {a["code"] for a in actors(store, build_filter(since="2025-03-06", until="2025-03-06"), "country")}
        assert codes == {"SAU", "JOR"}


def test_the_latest_correction_is_in_force_and_the_history_is_kept(filled: Path) -> None:
    correct(filled, AGREEMENT, {"type": "COOPERATE"}, "amal", when=0)
    correct(filled, AGREEMENT, {"type": "ACCUSE", "note": "it is a complaint"}, "omar", when=5)
    with Store(filled, read_only=True) as store:
        found = provenance(store, AGREEMENT)
    assert found is not None
    assert found["event"]["type"] == "ACCUSE" and found["event"]["corrected"]["analyst"] == "omar"
    assert [(c["analyst"], c["type"]) for c in found["corrections"]] == [("omar", "ACCUSE"), ("amal", "COOPERATE")]


def test_an_event_marked_wrong_leaves_queries_and_aggregates_but_not_the_raw_coding(filled: Path) -> None:
    correct(filled, AGREEMENT, {"wrong": True})
    assert AGREEMENT not in ids(filled) and AGREEMENT in ids(filled, raw=True)
    correct(filled, "wam-0302-9:1", {"status": "background"}, when=1)
    assert "wam-0302-9:1" not in ids(filled)
    with Store(filled, read_only=True) as store:
        assert not [d for d in dyads(store, build_filter()) if "EGY" in (d["a"], d["b"])]


def test_exports_carry_the_correction_unless_raw(filled: Path, tmp_path: Path) -> None:
    correct(filled, AGREEMENT, {"type": "COOPERATE", "mode": "economic"})
    with Store(filled, read_only=True) as store:
        export(store, "csv", tmp_path / "fixed.csv", build_filter())
        export(store, "csv", tmp_path / "raw.csv", build_filter(raw=True))
        export(store, "plover", tmp_path / "fixed.jsonl", build_filter())
    fixed = {r["event_id"]: r for r in csv.DictReader((tmp_path / "fixed.csv").open(encoding="utf-8"))}
    raw = {r["event_id"]: r for r in csv.DictReader((tmp_path / "raw.csv").open(encoding="utf-8"))}
    assert fixed[AGREEMENT]["type"] == "COOPERATE" and raw[AGREEMENT]["type"] == "AGREE"
    plover = [json.loads(line) for line in (tmp_path / "fixed.jsonl").open(encoding="utf-8")]
    assert next(p for p in plover if p["id"] == AGREEMENT)["event"] == ["COOPERATE"]  # a list in the PLOVER manual


def test_a_correction_survives_re_ingest_of_its_document(filled: Path, tmp_path: Path, pipeline: Pipeline) -> None:
    correct(filled, AGREEMENT, {"type": "COOPERATE", "mode": "economic"})
    spa = next(r for r in OTHER_REPORTS if r["id"] == "spa-0306-3")
    # the same text again: nothing changes; a longer text (a sentence added) is extracted anew and replaces it
    run_ingest(filled, [write_jsonl(tmp_path / "same.jsonl", [spa])], pipeline)
    longer = {**spa, "text": spa["text"] + " وأكد الجانبان أهمية تعزيز العلاقات الثنائية."}
    summary = run_ingest(filled, [write_jsonl(tmp_path / "longer.jsonl", [longer])], pipeline)
    assert summary.replaced == 1
    assert AGREEMENT in ids(filled, type=["COOPERATE"]) and AGREEMENT in ids(filled, type=["AGREE"], raw=True)
    # a text that moves the sentence: the correction no longer finds its report, and the machine's coding shows
    moved = {**spa, "text": "عاجل: " + spa["text"]}
    run_ingest(filled, [write_jsonl(tmp_path / "moved.jsonl", [moved])], pipeline)
    assert AGREEMENT not in ids(filled, type=["COOPERATE"]) and AGREEMENT in ids(filled, type=["AGREE"])
    with Store(filled, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM corrections") == 1  # kept, never deleted
        assert list(annotation_records(store)) == []  # its offsets would not fit the new text


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"type": "MEET"}, "type: 'MEET' is not a PLOVER type"),
        ({"mode": "phone"}, "mode: 'phone' is not a mode of AGREE"),
        ({"source": {"country": "XX1"}}, "source.country: 'XX1' is not a known country or organization code"),
        ({"source": {"sector": "ARMY"}}, "source.sector: 'ARMY' is not one of"),
        ({"source": None}, "source: an event has a source"),
        ({"target": {"start": 0}}, "target: give both start and end"),
        ({"target": {"start": 5, "end": 99999}}, "target: offsets 5..99999 outside the document"),
        ({"status": "rumoured"}, "status: 'rumoured' is not one of"),
        ({"colour": "red"}, "colour: not a field a correction can change"),
    ],
)
def test_a_bad_correction_names_its_field(filled: Path, changes: dict[str, Any], message: str) -> None:
    with Store(filled) as store, pytest.raises(CorrectionError, match=message.replace("(", r"\(")):
        build_correction(store, AGREEMENT, changes, "amal", CAMEO)


def test_a_correction_needs_an_analyst_and_a_known_event(filled: Path) -> None:
    with Store(filled) as store:
        with pytest.raises(CorrectionError, match="analyst"):
            build_correction(store, AGREEMENT, {}, "  ", CAMEO)
        with pytest.raises(KeyError):
            build_correction(store, "nope:1", {}, "amal", CAMEO)


def test_corrections_export_as_annotation_records_the_team_checker_accepts(filled: Path, tmp_path: Path) -> None:
    correct(filled, AGREEMENT, {"type": "COOPERATE", "mode": "economic", "target": {"country": "EGY",
                                                                                     "sector": "BUS"}})  # fmt: skip
    correct(filled, "wam-0302-9:1", {"wrong": True}, when=1)
    with Store(filled, read_only=True) as store:
        records = list(annotation_records(store))
        texts = {r["id"]: store.scalar("SELECT text FROM documents WHERE doc_id = ?", [r["id"]]) for r in records}
    assert [r["id"] for r in records] == ["spa-0306-3", "wam-0302-9"]
    spa = records[0]["events"][0]
    assert (spa["type"], spa["mode"], spa["status"], spa["target"]["sector"]) == ("COOPERATE", "economic",
                                                                                   "reported", "BUS")  # fmt: skip
    assert texts["spa-0306-3"][spa["trigger"]["start"] : spa["trigger"]["end"]] == "وقعت"
    assert records[1]["events"][0]["status"] == "nonpolitical"
    assert all(r["partial"] and r["annotator"] == ["amal"] for r in records)
    if not SHARED_CHECKER.exists():
        pytest.skip(f"{SHARED_CHECKER} is not beside the repository")
    # the records carry no text (the store has it); the checker reads it from the record when given
    path = write_jsonl(tmp_path / "corrections.jsonl", [{**r, "text": texts[r["id"]]} for r in records])
    done = subprocess.run([sys.executable, str(SHARED_CHECKER), str(path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 documents, 2 events" in done.stdout and "0 problem(s)" in done.stdout
