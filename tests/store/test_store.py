"""The store: schema and migrations, writing batches, replacing changed documents, deduplication across outlets."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from hadath import Pipeline
from hadath.errors import StoreError
from hadath.store.dedup import DedupConfig
from hadath.store.rows import COLUMNS
from hadath.store.schema import MIGRATIONS, SCHEMA_VERSION, migrate, store_version
from hadath.store.store import Store

from .conftest import MEETING_REPORTS, SECOND_MEETING, run_ingest, write_jsonl


def test_new_store_has_the_current_schema_version(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        assert store_version(store.con) == SCHEMA_VERSION
        assert store.counts() == {"documents": 0, "reports": 0, "events": 0, "undeduplicated": 0}


def test_store_written_by_an_older_schema_is_migrated_and_keeps_its_data(tmp_path: Path, corpus: Path,
                                                                          pipeline: Pipeline) -> None:  # fmt: skip
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    migrate(con, str(db), target=1)  # the store as the first released schema made it
    con.execute("INSERT INTO documents (doc_id, text_hash, text) VALUES ('old-1', 'h', 'نص قديم')")
    con.close()

    with Store(db) as store:
        assert store_version(store.con) == SCHEMA_VERSION > 1
        assert store.scalar("SELECT text FROM documents WHERE doc_id = 'old-1'") == "نص قديم"
        assert store.scalar("SELECT count(*) FROM document_topics") == 0  # the table version 2 added
    summary = run_ingest(db, [corpus], pipeline)
    assert summary.stored == 6


def test_store_from_a_newer_hadath_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with Store(db) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 5)])
    with pytest.raises(StoreError, match="newer than this hadath"):
        Store(db)


def test_read_only_store_must_exist(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match=str(junk.name)):
        Store(junk)


def test_migrations_are_numbered_in_order() -> None:
    versions = [v for v, _ in MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))


def test_ingest_stores_every_document_event_actor_and_span(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        assert store.scalar("SELECT count(*) FROM documents") == 6
        assert store.scalar("SELECT count(*) FROM events") == 6
        assert store.scalar("SELECT count(*) FROM actors WHERE side = 'source'") == 6
        kinds = {r[0] for r in store.con.execute("SELECT DISTINCT kind FROM spans").fetchall()}
        assert {"trigger", "source", "target", "location"} <= kinds


def test_every_stored_span_indexes_its_document(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        rows = store.con.execute(
            """SELECT d.text, s.text, s.start, s."end" FROM spans s JOIN documents d USING (doc_id)
               UNION ALL SELECT d.text, a.text, a.start, a."end" FROM actors a JOIN documents d USING (doc_id)
               UNION ALL SELECT d.text, m.text, m.start, m."end" FROM entity_mentions m JOIN documents d USING (doc_id)
               UNION ALL SELECT d.text, e.sentence_text, e.sentence_start, e.sentence_end
                         FROM events e JOIN documents d USING (doc_id)"""
        ).fetchall()
    assert len(rows) > 30
    for text, span, start, end in rows:
        assert text[start:end] == span


def test_three_outlets_reporting_one_meeting_make_one_event_with_three_mentions(filled: Path) -> None:
    with Store(filled, read_only=True) as store:
        clusters = store.fetch("SELECT * FROM clusters WHERE type = 'CONSULT' ORDER BY first_date")
        assert [(c["mentions"], c["sources"], c["documents"]) for c in clusters] == [(3, 3, 3), (1, 1, 1)]
        members = store.fetch("SELECT doc_id FROM mentions WHERE cluster_id = ? ORDER BY doc_id",
                              [clusters[0]["cluster_id"]])  # fmt: skip
        assert [m["doc_id"] for m in members] == sorted(r["id"] for r in MEETING_REPORTS)
        second = store.scalar("SELECT cluster_id FROM events WHERE doc_id = ?", [SECOND_MEETING["id"]])
        assert second == clusters[1]["cluster_id"]


def test_a_wider_window_merges_the_meetings_a_week_apart(tmp_path: Path, corpus: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "wide.duckdb"
    run_ingest(db, [corpus], pipeline, DedupConfig(window_days=10))
    with Store(db, read_only=True) as store:
        assert store.fetch("SELECT mentions FROM clusters WHERE type = 'CONSULT'") == [{"mentions": 4}]


def test_rebuilding_with_new_settings_reclusters_everything(filled: Path) -> None:
    with Store(filled) as store:
        summary = store.deduplicate(DedupConfig(min_similarity=1.01))  # nothing can be that similar
        assert summary.reports == 6
        assert store.scalar("SELECT max(mentions) FROM clusters") == 1
        assert store.dedup_config().min_similarity == 1.01


def test_ingesting_the_same_corpus_again_changes_nothing(tmp_path: Path, corpus: Path, pipeline: Pipeline) -> None:
    db = tmp_path / "twice.duckdb"
    first = run_ingest(db, [corpus], pipeline)
    with Store(db, read_only=True) as store:
        before = store.fetch("SELECT * FROM mentions ORDER BY event_id")
    second = run_ingest(db, [corpus], pipeline)

    assert (first.stored, second.stored, second.unchanged) == (6, 0, 6)
    with Store(db, read_only=True) as store:
        assert store.fetch("SELECT * FROM mentions ORDER BY event_id") == before
        assert store.scalar("SELECT count(*) FROM events") == 6


def test_changed_text_replaces_the_document_and_its_events(tmp_path: Path, filled: Path, pipeline: Pipeline) -> None:
    changed = dict(MEETING_REPORTS[2])
    changed["text"] = "الدوحة - كونا: أدانت دولة قطر بشدة الاعتداء على مدرسة في قطاع غزة."
    summary = run_ingest(filled, [write_jsonl(tmp_path / "fix.jsonl", [changed])], pipeline)

    assert (summary.stored, summary.replaced) == (1, 1)
    with Store(filled, read_only=True) as store:
        types = store.fetch("SELECT type FROM events WHERE doc_id = ?", [changed["id"]])
        assert {"type": "CONSULT"} not in types
        assert store.scalar("SELECT text FROM documents WHERE doc_id = ?", [changed["id"]]) == changed["text"]
        # the meeting is now reported by the two other outlets only
        assert store.scalar("SELECT max(mentions) FROM clusters WHERE type = 'CONSULT'") == 2
        assert store.counts()["undeduplicated"] == 0


def test_issue16_2_a_value_the_database_refuses_costs_only_its_document(tmp_path: Path, pipeline: Pipeline) -> None:
    from hadath.document import Document
    from hadath.store.rows import DocumentMeta, document_rows

    batch = [
        document_rows(pipeline.process(Document(text=r["text"], doc_id=r["id"])), DocumentMeta(None, None, None, "t"))
        for r in (*MEETING_REPORTS, SECOND_MEETING)
    ]
    row = list(batch[1].tables["documents"][0])
    row[COLUMNS["documents"].index("title")] = "\ud800"  # no reader lets one through; the write must survive it
    batch[1].tables["documents"][0] = tuple(row)

    with Store(tmp_path / "w.duckdb") as store:
        failed = store.write(batch)
        assert [(rows.doc_id, "cannot be stored" in reason) for rows, reason in failed] == [(batch[1].doc_id, True)]
        assert store.counts()["documents"] == 3
