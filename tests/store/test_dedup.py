"""Deduplication rules on hand-made reports (the pure clustering, without a store)."""

from __future__ import annotations

from datetime import date

from hadath.store.dedup import DedupConfig, Report, cluster_reports, explain, overlap

TERMS = frozenset({"بحث", "العلاقات", "الثنائيه", "الصفدي", "ثاني", "الدوحه", "غزه"})


def report(event_id: str, day: date | None, terms: frozenset[str] = TERMS, mode: str | None = "visit",
           loc: str | None = "QAT", doc: str | None = None, outlet: str | None = None) -> Report:  # fmt: skip
    doc = doc or event_id.split(":")[0]
    return Report(event_id, doc, outlet or f"doc:{doc}", day, mode, loc, terms)


def test_overlap_coefficient() -> None:
    assert overlap(frozenset("ab"), frozenset("abcd")) == 1.0
    assert overlap(frozenset("ab"), frozenset("bc")) == 0.5
    assert overlap(frozenset(), frozenset("a")) == 0.0


def test_reports_within_the_window_merge_and_the_earliest_names_the_cluster() -> None:
    reports = [report("b:1", date(2025, 3, 5)), report("a:1", date(2025, 3, 4)), report("c:1", date(2025, 3, 6))]
    [cluster] = cluster_reports(reports)
    assert cluster.cluster_id == "a:1"
    assert [m.event_id for m in cluster.members] == ["a:1", "b:1", "c:1"]
    assert [m.day_gap for m in cluster.members] == [0, 1, 2]


def test_a_week_apart_is_two_events() -> None:
    clusters = cluster_reports([report("a:1", date(2025, 3, 4)), report("b:1", date(2025, 3, 11))])
    assert len(clusters) == 2


def test_contradicting_mode_or_location_keeps_reports_apart() -> None:
    day = date(2025, 3, 4)
    assert len(cluster_reports([report("a:1", day), report("b:1", day, mode="phone")])) == 2
    assert len(cluster_reports([report("a:1", day), report("b:1", day, loc="JOR")])) == 2
    assert len(cluster_reports([report("a:1", day), report("b:1", day, mode=None, loc=None)])) == 1


def test_unrelated_sentences_do_not_merge() -> None:
    other = frozenset({"التعاون", "الاقتصادي", "الاستثمار", "الطاقه"})
    day = date(2025, 3, 4)
    assert len(cluster_reports([report("a:1", day), report("b:1", day, terms=other)])) == 2


def test_one_document_never_reports_one_event_twice() -> None:
    day = date(2025, 3, 4)
    clusters = cluster_reports([report("a:1", day, doc="a"), report("a:2", day, doc="a")])
    assert len(clusters) == 2


def test_undated_reports_stay_alone() -> None:
    assert len(cluster_reports([report("a:1", None), report("b:1", None)])) == 2


def test_result_does_not_depend_on_input_order() -> None:
    reports = [report(f"d{i}:1", date(2025, 3, 1 + i % 3), outlet=f"o{i % 2}") for i in range(6)]
    forward = [(c.cluster_id, [m.event_id for m in c.members]) for c in cluster_reports(reports)]
    backward = [(c.cluster_id, [m.event_id for m in c.members]) for c in cluster_reports(reports[::-1])]
    assert forward == backward


def test_sources_count_distinct_outlets() -> None:
    day = date(2025, 3, 4)
    reports = [report("a:1", day, outlet="QNA"), report("b:1", day, outlet="QNA"), report("c:1", day, outlet="SPA")]
    [cluster] = cluster_reports(reports)
    assert (len(cluster.members), cluster.sources, cluster.documents) == (3, 2, 3)


def test_explanation_names_each_report_and_the_rule() -> None:
    day = date(2025, 3, 4)
    [cluster] = cluster_reports([report("a:1", day, outlet="QNA"), report("b:1", day, outlet="KUNA")])
    lines = explain(
        [(m.event_id, m.doc_id, m.outlet, m.joined_with, m.similarity, m.day_gap) for m in cluster.members],
        DedupConfig(),
    )
    assert "within 2 day(s)" in lines[0]
    assert lines[1].startswith("a:1 (document a, QNA): first report")
    assert "b:1 (document b, KUNA): joined, overlap 1.00 with a:1" in lines[2]
