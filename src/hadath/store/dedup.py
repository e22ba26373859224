"""Cross-document deduplication: event reports of one real-world event become one cluster (pure functions).

Two reports are the same event when (all of):

1. same PLOVER type and the same dyad (country or organization codes; an unordered pair for CONSULT, COOPERATE
   and AGREE) -- the store only compares reports within such a group;
2. they come from different documents (one document never reports one event twice: extraction merged those);
3. their dates (the event's date, else the document's) are at most ``window_days`` apart; undated reports are
   never merged;
4. their modes and location countries do not contradict each other (both known and different);
5. their sentences overlap: the overlap coefficient ``|A & B| / min(|A|, |B|)`` of their context terms (content
   words of the sentence, clitics split off, function words dropped, plus the actors' entity ids) reaches
   ``min_similarity`` with at least one report already in the cluster.

A report joins the most similar open cluster; the cluster's id is its earliest report's event id. Every merge
keeps its reason (``joined_with``, ``similarity``, ``day_gap``) so that ``hadath query --explain-dedup`` can show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class DedupConfig:
    """Settings of deduplication (``hadath ingest --dedup-window/--dedup-similarity``)."""

    window_days: int = 2
    min_similarity: float = 0.3
    #: Compare a report with at most this many of a cluster's latest reports (bounds the work on huge clusters).
    max_compare: int = 10


@dataclass(frozen=True, slots=True)
class Report:
    """What deduplication needs of one stored event report."""

    event_id: str
    doc_id: str
    outlet: str  # the reporting outlet, or ``doc:<id>`` when unknown
    day: date | None
    mode: str | None
    location_country: str | None
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Membership:
    """One report in a cluster, and why it is there (``joined_with`` is ``None`` for the first report)."""

    event_id: str
    doc_id: str
    outlet: str
    joined_with: str | None
    similarity: float | None
    day_gap: int | None


@dataclass(slots=True)
class Cluster:
    members: list[Membership] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)
    first_day: date | None = None
    last_day: date | None = None

    @property
    def cluster_id(self) -> str:
        return self.members[0].event_id

    @property
    def documents(self) -> int:
        return len({m.doc_id for m in self.members})

    @property
    def sources(self) -> int:
        return len({m.outlet for m in self.members})


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The overlap coefficient of two term sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _conflict(cluster: Cluster, report: Report) -> bool:
    for other in cluster.reports:
        if report.mode and other.mode and report.mode != other.mode:
            return True
        if report.location_country and other.location_country and report.location_country != other.location_country:
            return True
    return False


def cluster_reports(reports: Sequence[Report], config: DedupConfig | None = None) -> list[Cluster]:
    """Cluster the reports of one (type, dyad) group. Order-independent: reports are taken by date, then id."""
    config = config or DedupConfig()
    ordered = sorted(reports, key=lambda r: (r.day or date.max, r.event_id))
    done: list[Cluster] = []
    open_: list[Cluster] = []
    for report in ordered:
        if report.day is None:
            done.append(_new_cluster(report))
            continue
        still_open = []
        for c in open_:
            if c.last_day is not None and (report.day - c.last_day).days > config.window_days:
                done.append(c)
            else:
                still_open.append(c)
        open_ = still_open
        best: tuple[float, Cluster, Report] | None = None
        for c in open_:
            if any(m.doc_id == report.doc_id for m in c.members) or _conflict(c, report):
                continue
            for other in c.reports[-config.max_compare :]:
                sim = overlap(report.terms, other.terms)
                if sim >= config.min_similarity and (best is None or sim > best[0]):
                    best = (sim, c, other)
        if best is None:
            open_.append(_new_cluster(report))
            continue
        sim, c, other = best
        gap = (report.day - c.first_day).days if c.first_day else None
        c.members.append(Membership(report.event_id, report.doc_id, report.outlet, other.event_id, round(sim, 3), gap))
        c.reports.append(report)
        c.last_day = report.day
    done.extend(open_)
    return sorted(done, key=lambda c: c.cluster_id)


def _new_cluster(report: Report) -> Cluster:
    return Cluster(
        members=[Membership(report.event_id, report.doc_id, report.outlet, None, None, 0 if report.day else None)],
        reports=[report],
        first_day=report.day,
        last_day=report.day,
    )


def explain(cluster_rows: Iterable[tuple[str, str, str, str | None, float | None, int | None]],
            config: DedupConfig) -> list[str]:  # fmt: skip
    """Readable lines for ``--explain-dedup``: one per report, saying why it joined the cluster."""
    lines = [
        f"rule: same type and dyad, dates within {config.window_days} day(s), no contradicting mode or location, "
        f"context overlap >= {config.min_similarity}"
    ]
    for event_id, doc_id, outlet, joined_with, similarity, gap in cluster_rows:
        if joined_with is None:
            lines.append(f"{event_id} (document {doc_id}, {outlet}): first report")
        else:
            lines.append(
                f"{event_id} (document {doc_id}, {outlet}): joined, overlap {similarity:.2f} with {joined_with}, "
                f"{gap} day(s) after the first report"
            )
    return lines
