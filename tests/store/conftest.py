"""Fixtures of the store tests: news-style reports written for hadath (three outlets on one meeting, the same
pair meeting again a week later, and unrelated events), as JSON Lines corpora."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hadath import Pipeline
from hadath.inputs import read_paths
from hadath.store.dedup import DedupConfig
from hadath.store.ingest import IngestSummary, ingest
from hadath.store.store import Store

#: One meeting (Doha, 4 March 2025) as three outlets reported it.
MEETING_REPORTS: list[dict[str, Any]] = [
    {
        "id": "qna-0304-1", "date": "2025-03-04", "source": "QNA", "url": "https://example.org/qna/1",
        "text": "الدوحة - قنا: بحث معالي الشيخ محمد بن عبدالرحمن آل ثاني رئيس مجلس الوزراء وزير الخارجية مع "
        "معالي السيد أيمن الصفدي نائب رئيس الوزراء وزير الخارجية وشؤون المغتربين في المملكة الأردنية الهاشمية، "
        "خلال لقائهما اليوم في الدوحة، العلاقات الثنائية بين البلدين وتطورات الأوضاع في قطاع غزة.",
    },
    {
        "id": "petra-0304-7", "date": "2025-03-04", "source": "Petra", "url": "https://example.org/petra/7",
        "text": "عمان - بترا: بحث وزير الخارجية وشؤون المغتربين أيمن الصفدي مع رئيس مجلس الوزراء وزير الخارجية "
        "القطري الشيخ محمد بن عبدالرحمن آل ثاني في الدوحة اليوم العلاقات الأخوية بين البلدين والأوضاع في قطاع غزة.",
    },
    {
        "id": "kuna-0305-2", "date": "2025-03-05", "source": "KUNA",
        "text": "الدوحة - كونا: التقى رئيس مجلس الوزراء وزير الخارجية القطري الشيخ محمد بن عبدالرحمن آل ثاني "
        "وزير الخارجية الأردني أيمن الصفدي وبحث الجانبان العلاقات الثنائية وسبل وقف الحرب على قطاع غزة.",
    },
]  # fmt: skip

#: The same two ministers a week later, in Doha again: another meeting.
SECOND_MEETING: dict[str, Any] = {
    "id": "qna-0311-4", "date": "2025-03-11", "source": "QNA",
    "text": "الدوحة - قنا: بحث معالي الشيخ محمد بن عبدالرحمن آل ثاني رئيس مجلس الوزراء وزير الخارجية مع معالي "
    "السيد أيمن الصفدي وزير الخارجية الأردني، خلال لقائهما اليوم في الدوحة، العلاقات الثنائية بين البلدين.",
}  # fmt: skip

#: Unrelated events, for filters and exports.
OTHER_REPORTS: list[dict[str, Any]] = [
    {
        "id": "wam-0302-9", "date": "2025-03-02", "source": "WAM",
        "text": "أبوظبي - وام: أدانت دولة الإمارات العربية المتحدة بشدة الهجوم الإرهابي الذي استهدف مسجدا في "
        "باكستان وأسفر عن سقوط عدد من القتلى والجرحى.",
    },
    {
        "id": "spa-0306-3", "date": "2025-03-06", "source": "SPA",
        "text": "الرياض - واس: وقعت المملكة العربية السعودية ومصر اليوم اتفاقية للتعاون في مجال الطاقة المتجددة.",
    },
]  # fmt: skip


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", [*MEETING_REPORTS, SECOND_MEETING, *OTHER_REPORTS])


def run_ingest(db: Path, paths: list[Path], pipeline: Pipeline, dedup: DedupConfig | None = None) -> IngestSummary:
    with Store(db) as store:
        return ingest(read_paths(paths), store, dedup=dedup, pipeline=pipeline)


@pytest.fixture()
def filled(tmp_path: Path, corpus: Path, pipeline: Pipeline) -> Path:
    """A store holding the corpus, deduplicated."""
    db = tmp_path / "events.duckdb"
    run_ingest(db, [corpus], pipeline)
    return db
