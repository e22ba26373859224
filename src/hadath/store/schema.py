"""The DuckDB schema of a hadath store, and the migrations that bring an older store up to date.

Tables (one row per ...):

- ``meta``: store settings (``schema_version``, ``created_by``); key/value.
- ``documents``: ingested document, with its text, a hash of the text, metadata and the reporting agency.
- ``events``: event report (one event of one document), with the contract fields flattened, the sentence text,
  its normalized form (for text search) and the dedup context terms; ``cluster_id`` links the report to the
  real-world event it was merged into (``NULL`` until deduplication has run).
- ``actors``: source and target of each event report, with every contract actor field.
- ``spans``: every span an event report rests on (trigger, source, target, location, occasion, evidence).
- ``entities`` and ``entity_mentions``: the document-level entity registry of the contract.
- ``topics``: topic of an event report.
- ``shards``: Parquet shards written by the Dask engine's workers and loaded into the store.
- ``clusters``: deduplicated real-world event: its representative report and ``mentions`` / ``sources`` /
  ``documents`` counts; ``mentions`` links each report to its cluster with why it was merged.
- ``corrections``: an analyst's correction of an event report, with who made it and when (never deleted; the
  latest correction of a report is the one in force). A correction is anchored to what the machine coded (the
  document, the trigger's offsets, the machine's type and dyad), not to the report's id, so it finds its report
  again when the document is extracted anew (re-ingested with another text that keeps that sentence, or by
  another coder that codes it the same way). The views ``coded_events`` and ``coded_actors`` are ``events`` and
  ``actors`` with the corrections in force applied (``retracted``: marked wrong, or not a reported event); the
  tables themselves always keep the machine's coding.

A store records its schema version; :func:`migrate` applies, in one transaction, every migration newer than the
store's version, so a store written by an older hadath opens with a newer one.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from hadath.errors import StoreError

#: Each migration: (version it brings the store to, statements). Never edit a released migration; append one.
MIGRATIONS: tuple[tuple[int, Sequence[str]], ...] = (
    (
        1,
        (
            "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
            """CREATE TABLE documents (
                doc_id VARCHAR PRIMARY KEY, text_hash VARCHAR NOT NULL, text VARCHAR NOT NULL, date DATE,
                source VARCHAR, url VARCHAR, title VARCHAR, language VARCHAR,
                reported_by_name VARCHAR, reported_by_text VARCHAR, reported_by_start INTEGER,
                reported_by_end INTEGER, origin VARCHAR, ingested_at TIMESTAMP, hadath_version VARCHAR)""",
            """CREATE TABLE events (
                event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, seq INTEGER NOT NULL, type VARCHAR NOT NULL,
                mode VARCHAR, cameo VARCHAR NOT NULL, quad_class TINYINT, goldstein DOUBLE, contexts VARCHAR[],
                date DATE, event_date DATE, confidence DOUBLE, status VARCHAR,
                trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
                sentence_start INTEGER, sentence_end INTEGER, sentence_text VARCHAR, sentence_norm VARCHAR,
                source_code VARCHAR, source_country VARCHAR, source_org VARCHAR, source_sector VARCHAR,
                target_code VARCHAR, target_country VARCHAR, target_org VARCHAR, target_sector VARCHAR,
                dyad_key VARCHAR NOT NULL,
                location_text VARCHAR, location_start INTEGER, location_end INTEGER, location_country VARCHAR,
                location_place VARCHAR, location_lat DOUBLE, location_lon DOUBLE, location_geonames_id BIGINT,
                occasion_text VARCHAR, occasion_start INTEGER, occasion_end INTEGER,
                terms VARCHAR[], cluster_id VARCHAR)""",
            """CREATE TABLE actors (
                event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, side VARCHAR NOT NULL, text VARCHAR,
                start INTEGER, "end" INTEGER, name VARCHAR, country VARCHAR, org VARCHAR, sector VARCHAR,
                role VARCHAR, entity_id VARCHAR)""",
            """CREATE TABLE spans (
                event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, kind VARCHAR NOT NULL, text VARCHAR,
                start INTEGER, "end" INTEGER)""",
            """CREATE TABLE entities (
                doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, kind VARCHAR, name VARCHAR, country VARCHAR,
                org VARCHAR, sector VARCHAR, role VARCHAR)""",
            """CREATE TABLE entity_mentions (
                doc_id VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, text VARCHAR, start INTEGER, "end" INTEGER)""",
            "CREATE TABLE topics (event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, topic VARCHAR NOT NULL)",
            """CREATE TABLE clusters (
                cluster_id VARCHAR PRIMARY KEY, type VARCHAR, dyad_key VARCHAR, first_date DATE, last_date DATE,
                mentions INTEGER, sources INTEGER, documents INTEGER)""",
            """CREATE TABLE mentions (
                cluster_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, outlet VARCHAR,
                joined_with VARCHAR, similarity DOUBLE, day_gap INTEGER)""",
            "CREATE INDEX events_doc ON events (doc_id)",
            "CREATE INDEX events_group ON events (type, dyad_key)",
            "CREATE INDEX actors_event ON actors (event_id)",
            "CREATE INDEX mentions_cluster ON mentions (cluster_id)",
        ),
    ),
    (
        2,
        (
            # Document-level topics: every topic named anywhere in the text, not only in event sentences.
            "CREATE TABLE document_topics (doc_id VARCHAR NOT NULL, topic VARCHAR NOT NULL)",
        ),
    ),
    (
        3,
        (
            # Parquet shards of the Dask engine loaded into this store (a re-run loads only the missing ones).
            """CREATE TABLE shards (name VARCHAR PRIMARY KEY, loaded_at TIMESTAMP, documents INTEGER,
               skipped_unchanged INTEGER)""",
        ),
    ),
    (
        4,
        (
            """CREATE TABLE corrections (
                correction_id VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL, analyst VARCHAR NOT NULL,
                note VARCHAR, doc_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL,
                trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, machine_type VARCHAR NOT NULL,
                machine_dyad VARCHAR NOT NULL, wrong BOOLEAN NOT NULL, status VARCHAR NOT NULL,
                type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR NOT NULL, quad_class TINYINT, goldstein DOUBLE,
                source_code VARCHAR NOT NULL, source_country VARCHAR, source_org VARCHAR, source_sector VARCHAR,
                source_text VARCHAR, source_start INTEGER, source_end INTEGER, source_name VARCHAR,
                source_role VARCHAR, source_entity_id VARCHAR,
                target_code VARCHAR NOT NULL, target_country VARCHAR, target_org VARCHAR, target_sector VARCHAR,
                target_text VARCHAR, target_start INTEGER, target_end INTEGER, target_name VARCHAR,
                target_role VARCHAR, target_entity_id VARCHAR, dyad_key VARCHAR NOT NULL)""",
            "CREATE INDEX corrections_doc ON corrections (doc_id)",
            """CREATE VIEW current_corrections AS SELECT * FROM corrections
               QUALIFY row_number() OVER (PARTITION BY doc_id, trigger_start, trigger_end, machine_type, machine_dyad
                                          ORDER BY created_at DESC, correction_id DESC) = 1""",
            f"""CREATE VIEW coded_events AS
                SELECT e.* REPLACE (
                    CASE WHEN c.doc_id IS NULL THEN e.type ELSE c.type END AS type,
                    CASE WHEN c.doc_id IS NULL THEN e.mode ELSE c.mode END AS mode,
                    CASE WHEN c.doc_id IS NULL THEN e.cameo ELSE c.cameo END AS cameo,
                    CASE WHEN c.doc_id IS NULL THEN e.quad_class ELSE c.quad_class END AS quad_class,
                    CASE WHEN c.doc_id IS NULL THEN e.goldstein ELSE c.goldstein END AS goldstein,
                    CASE WHEN c.doc_id IS NULL THEN e.status WHEN c.status = 'reported' THEN 'factual'
                         ELSE c.status END AS status,
                    {
                ", ".join(
                    f"CASE WHEN c.doc_id IS NULL THEN e.{col} ELSE c.{col} END AS {col}"
                    for col in (
                        "source_code",
                        "source_country",
                        "source_org",
                        "source_sector",
                        "target_code",
                        "target_country",
                        "target_org",
                        "target_sector",
                        "dyad_key",
                    )
                )
            }),
                    c.correction_id, coalesce(c.wrong OR c.status <> 'reported', false) AS retracted
                FROM events e LEFT JOIN current_corrections c
                  ON c.doc_id = e.doc_id AND c.trigger_start = e.trigger_start AND c.trigger_end = e.trigger_end
                 AND c.machine_type = e.type AND c.machine_dyad = e.dyad_key""",
            f"""CREATE VIEW coded_actors AS
                WITH sides AS (
                    SELECT e.event_id, e.doc_id, s.side,
                           {
                ", ".join(
                    f"CASE s.side WHEN 'source' THEN c.source_{col} ELSE c.target_{col} END AS {col}"
                    for col in ("text", "start", "end", "name", "country", "org", "sector", "role", "entity_id")
                ).replace("AS end", 'AS "end"')
            }
                    FROM events e JOIN current_corrections c
                      ON c.doc_id = e.doc_id AND c.trigger_start = e.trigger_start
                     AND c.trigger_end = e.trigger_end AND c.machine_type = e.type AND c.machine_dyad = e.dyad_key
                    CROSS JOIN (VALUES ('source'), ('target')) s(side))
                SELECT coalesce(a.event_id, s.event_id) AS event_id, coalesce(a.doc_id, s.doc_id) AS doc_id,
                       coalesce(a.side, s.side) AS side,
                       {
                ", ".join(
                    f"CASE WHEN s.event_id IS NULL THEN a.{col} ELSE s.{col} END AS {col}"
                    for col in ("text", "start", '"end"', "name", "country", "org", "sector", "role", "entity_id")
                )
            }
                FROM actors a FULL OUTER JOIN sides s ON s.event_id = a.event_id AND s.side = a.side
                WHERE s.event_id IS NULL OR s.country IS NOT NULL OR s.org IS NOT NULL""",
        ),
    ),
)

SCHEMA_VERSION = MIGRATIONS[-1][0]


def store_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of the store behind ``con`` (0 for an empty database)."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta' AND table_schema = 'main'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, path: str, target: int = SCHEMA_VERSION) -> int:
    """Bring the store to version ``target`` (default: the current one); return the version it had."""
    before = store_version(con)
    if before > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"the store has schema version {before}, newer than this hadath knows ({SCHEMA_VERSION}); "
            "upgrade hadath to open it",
        )
    pending = [(v, stmts) for v, stmts in MIGRATIONS if before < v <= target]
    if not pending:
        return before
    con.execute("BEGIN TRANSACTION")
    try:
        for version, statements in pending:
            for statement in statements:
                con.execute(statement)
            con.execute(
                "INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [str(version)],
            )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(path, f"could not migrate the store to schema version {target}: {exc}") from exc
    return before
