"""Query filters (always SQL parameters), contract events read back, provenance and statistics."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.store.query import FilterError, build_filter, count_events, query_events, reports_of, stats
from hadath.store.store import Store

from .conftest import MEETING_REPORTS, SECOND_MEETING


def ids(db: Path, reports: bool = False, **filters: object) -> list[str]:
    with Store(db, read_only=True) as store:
        return [e["doc_id"] for e in query_events(store, build_filter(**filters), limit=100, reports=reports)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["qna-0311-4", "spa-0306-3", "petra-0304-7", "wam-0302-9"]),
        ({"country": ["JOR"]}, ["qna-0311-4", "petra-0304-7"]),
        ({"country": ["egy,are"]}, ["spa-0306-3", "wam-0302-9"]),
        ({"source_country": ["SAU"]}, ["spa-0306-3"]),
        ({"target_country": ["SAU"]}, []),
        ({"type": ["agree", "ACCUSE"]}, ["spa-0306-3", "wam-0302-9"]),
        ({"mode": ["visit"]}, ["qna-0311-4", "petra-0304-7"]),
        ({"sector": ["GOV"], "type": ["CONSULT"]}, ["qna-0311-4", "petra-0304-7"]),
        ({"since": "2025-03-04", "until": "2025-03-06"}, ["spa-0306-3", "petra-0304-7"]),
        ({"location": "QAT"}, ["qna-0311-4", "petra-0304-7"]),
        ({"location": "الدوحة"}, ["qna-0311-4", "petra-0304-7"]),
        ({"topic": ["gaza-war"]}, ["petra-0304-7"]),
        ({"topic": ["energy"]}, ["spa-0306-3"]),
        ({"text": "الطاقة المتجددة"}, ["spa-0306-3"]),
        ({"text": "الطاقه المتجدده"}, ["spa-0306-3"]),  # spelled the normalized way: same match
        ({"text": "x' OR 1=1 --"}, []),
    ],
)
def test_filters(filled: Path, filters: dict[str, object], expected: list[str]) -> None:
    assert ids(filled, **filters) == expected


def test_deduplicated_event_is_returned_once_with_its_counts_and_documents(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        [meeting] = query_events(store, build_filter(country=["JOR"], until="2025-03-06"))
    assert (meeting["mentions"], meeting["sources"]) == (3, 3)
    assert meeting["documents"] == sorted(r["id"] for r in MEETING_REPORTS)
    assert meeting["id"] == meeting["cluster_id"]


def test_deduplicated_events_are_filtered_on_their_first_report(filled: Path) -> None:
    assert ids(filled, since="2025-03-05", until="2025-03-06") == ["spa-0306-3"]
    assert ids(filled, reports=True, since="2025-03-05", until="2025-03-06") == ["spa-0306-3", "kuna-0305-2"]


def test_reports_option_lists_every_report(filled: Path) -> None:
    assert sorted(ids(filled, reports=True, country=["JOR"])) == sorted(
        [r["id"] for r in MEETING_REPORTS] + [SECOND_MEETING["id"]]
    )
    with Store(filled, read_only=True) as store:
        assert count_events(store, build_filter(country=["JOR"]), reports=True) == 4
        assert count_events(store, build_filter(country=["JOR"])) == 2


def test_events_read_back_follow_the_contract(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        events = query_events(store, build_filter(), reports=True)
        texts = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    for ev in events:
        text = texts[ev["doc_id"]]
        assert {"id", "type", "mode", "cameo", "contexts", "source", "target", "location", "occasion", "date",
                "trigger", "sentence", "topics", "confidence", "evidence"} <= set(ev)  # fmt: skip
        spans = [ev["trigger"], ev["source"], ev["target"], ev["location"], ev["occasion"], *ev["evidence"]]
        for span in spans:
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
        assert text[ev["sentence"]["start"] : ev["sentence"]["end"]] == ev["sentence_text"]


def test_limit_and_offset_page_through_results(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        every = [e["id"] for e in query_events(store, build_filter(), limit=100)]
        pages = [e["id"] for off in range(0, 4, 2) for e in query_events(store, build_filter(), limit=2, offset=off)]
        assert pages == every
        assert query_events(store, build_filter(), limit=0) == []


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"type": ["MEET"]}, "not one of"),
        ({"mode": ["teleport"]}, "not one of"),
        ({"country": ["Jordan"]}, "not a country"),
        ({"since": "4 March"}, "not a date"),
        ({"sector": ["XYZ"]}, "not one of"),
    ],
)
def test_bad_filter_values_are_clear_errors(filters: dict[str, object], message: str) -> None:
    with pytest.raises(FilterError, match=message):
        build_filter(**filters)  # type: ignore[arg-type]


def test_reports_of_an_event_say_why_they_merged(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        rows = reports_of(store, "kuna-0305-2:1")
        assert reports_of(store, "nope:1") == []
    assert [r["doc_id"] for r in rows] == ["petra-0304-7", "qna-0304-1", "kuna-0305-2"]
    assert rows[0]["joined_with"] is None
    assert all(r["similarity"] >= 0.3 for r in rows[1:])
    assert rows[0]["outlet"] == "Petra"


def test_stats_count_by_type_dyad_and_month(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        result = stats(store)
    assert result["counts"]["events"] == 4
    assert {r["type"]: r["events"] for r in result["by_type"]} == {"CONSULT": 2, "AGREE": 1, "ACCUSE": 1}
    assert result["by_dyad"][0] == {"dyad": "JOR <-> QAT", "events": 2, "mean_goldstein": 1.9}
    assert result["by_month"] == [{"month": "2025-03", "events": 4, "cooperation": 3, "conflict": 1}]
