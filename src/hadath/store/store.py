"""The event store: one DuckDB file holding documents, event reports, actors, spans, entities, topics and the
deduplicated events (clusters). The only module that writes to the database."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from hadath.config import PipelineConfig
from hadath.errors import StoreError
from hadath.store.dedup import Cluster, DedupConfig, Report, cluster_reports
from hadath.store.rows import COLUMNS, DocumentRows
from hadath.store.schema import SCHEMA_VERSION, migrate, store_version

if TYPE_CHECKING:
    from hadath.store.ingest import IngestSummary

log = logging.getLogger(__name__)

#: Deduplication reads the reports of this many events at a time (groups are never split).
DEDUP_CHUNK = 100_000

#: Tables that hold a document's rows (deleted together when its text changes).
DOCUMENT_TABLES = ("actors", "spans", "topics", "entity_mentions", "entities", "document_topics", "events", "documents")


@dataclass(frozen=True)
class DedupSummary:
    groups: int
    reports: int
    clusters: int


class Store:
    """A hadath store in a DuckDB file (created when missing; migrated when written by an older hadath).

    Use as a context manager, or call :meth:`close`. ``read_only`` stores can be queried while nothing writes.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(self.path, "no such store; create it with 'hadath ingest ... --db FILE'")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            reason = str(exc).splitlines()[0]
            if "lock" in reason.lower():
                reason = "the store is in use by another process (DuckDB allows one writer); wait for it or copy it"
            raise StoreError(self.path, f"cannot open: {reason}") from None
        except duckdb.Error as exc:
            raise StoreError(self.path, f"not a hadath store or a damaged one ({exc})") from None
        try:
            if read_only:
                version = store_version(self.con)
                if version != SCHEMA_VERSION:
                    raise StoreError(
                        self.path,
                        f"store has schema version {version}, this hadath uses {SCHEMA_VERSION}; open it once for "
                        "writing (e.g. 'hadath ingest --db FILE' with no input) to migrate it",
                    )
            else:
                before = migrate(self.con, self.path)
                if before < SCHEMA_VERSION:
                    log.info("store %s migrated from schema version %d to %d", self.path, before, SCHEMA_VERSION)
        except BaseException:
            self.con.close()
            raise

    @classmethod
    def over_parquet(cls, folder: str | Path) -> Store:
        """A read-only view of the Parquet shards in ``folder`` (written by ``hadath extract --engine dask`` or
        staged by a Dask ingest): DuckDB reads the files where they lie. Not deduplicated: every report is an event."""
        root = Path(folder)
        shards = sorted(root.glob("part-*/documents.parquet"))
        if not shards:
            raise StoreError(str(root), "no Parquet shards here (part-*/documents.parquet); write them with "
                             "'hadath extract ... --engine dask -o DIR'")  # fmt: skip
        store = cls.__new__(cls)
        store.path = str(root)
        store.con = duckdb.connect()
        migrate(store.con, ":memory:")
        for table in COLUMNS:
            pattern = str(root / "part-*" / f"{table}.parquet").replace("'", "''")
            store.con.execute(f"DROP TABLE {table}")
            store.con.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
        return store

    def cursor(self) -> Store:
        """Another handle on the same open database, for use from another thread (DuckDB connections are not
        shared between threads; cursors are)."""
        other = Store.__new__(Store)
        other.path, other.con = self.path, self.con.cursor()
        return other

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:  # fmt: skip
        self.close()

    # ---- the Python API: ingest, and events as a DataFrame --------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | Path],
        workers: int = 1,
        date: str | None = None,
        config: PipelineConfig | None = None,
        dedup: DedupConfig | None = None,
    ) -> IngestSummary:
        """Extract and store the documents of ``paths`` (files or folders, as ``hadath ingest`` reads them), skip
        those stored already and deduplicate (with ``dedup``, default :class:`DedupConfig`). ``workers=1`` (the
        default) extracts in this process; more workers fork processes on Linux (elsewhere they are spawned, and a
        script must then call this under ``if __name__ == "__main__":``). Bad input is listed in the summary's
        ``problems``, never raised."""
        from hadath.inputs import read_paths
        from hadath.store.ingest import Ingester

        if date is not None:
            from hadath.pipeline import parse_date

            parse_date(date, "date")
        ingester = Ingester(self, config, workers, dedup=dedup or DedupConfig())
        return ingester.run(read_paths([Path(p) for p in paths], date=date))

    def events(self, limit: int | None = None, offset: int = 0, reports: bool = False, **filters: Any) -> Any:
        """Every matching event (all of them unless ``limit`` is given; ``offset`` skips the newest first) as a
        pandas DataFrame, one row per deduplicated event (per report with ``reports=True``), oldest first, with the
        columns of the CSV and Parquet exports (:func:`hadath.store.export.flat_columns`): list columns hold lists,
        dates are ``datetime64``, integers nullable ``Int64``, CAMEO codes strings. ``filters`` are those of
        ``hadath query`` (``country``, ``source_country``, ``target_country``, ``sector``, ``type``, ``mode``,
        ``since``, ``until``, ``location``, ``topic``, ``text``, ``actor``; ``raw=True`` for the machine's coding
        without the analysts' corrections), each a value or a list; an unknown code raises
        :class:`hadath.store.query.FilterError` naming the closest known ones. Needs ``hadath[frames]``."""
        table = self.events_arrow(limit=limit, offset=offset, reports=reports, **filters)
        import pandas as pd
        import pyarrow as pa

        nullable = {pa.int64(): pd.Int64Dtype(), pa.float64(): pd.Float64Dtype()}
        return table.to_pandas(date_as_object=False, types_mapper=nullable.get)

    def events_arrow(self, limit: int | None = None, offset: int = 0, reports: bool = False, **filters: Any) -> Any:
        """The same events as :meth:`events`, as a ``pyarrow.Table``."""
        from hadath.store.export import arrow_table, selected_ids
        from hadath.store.query import build_filter

        f = build_filter(**filters)
        return arrow_table(self, selected_ids(self, f, reports, limit, offset), reports, f.raw)

    def count(self, reports: bool = False, **filters: Any) -> int:
        """How many events (or reports) match ``filters`` (those of :meth:`events`)."""
        from hadath.store.query import build_filter, count_events

        return count_events(self, build_filter(**filters), reports)

    # ---- reading helpers ------------------------------------------------------------------------------------

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a parameterized query as dicts (parameters are never pasted into the SQL)."""
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def known_hashes(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """``doc_id -> text hash`` of the given documents that are already stored."""
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, text_hash FROM documents WHERE doc_id IN (SELECT unnest($1))", [list(doc_ids)]
        ).fetchall()
        return {d: h for d, h in rows}

    def counts(self) -> dict[str, int]:
        return {
            "documents": int(self.scalar("SELECT count(*) FROM documents")),
            "reports": int(self.scalar("SELECT count(*) FROM events")),
            "events": int(self.scalar("SELECT count(*) FROM clusters")),
            "undeduplicated": int(self.scalar("SELECT count(*) FROM events WHERE cluster_id IS NULL")),
        }

    def setting(self, key: str) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", [key])
        return None if value is None else str(value)

    def dedup_config(self) -> DedupConfig:
        """The deduplication settings the store was last deduplicated with (defaults if never)."""
        raw = self.setting("dedup_config")
        return DedupConfig(**json.loads(raw)) if raw else DedupConfig()

    # ---- writing --------------------------------------------------------------------------------------------

    def write(self, batch: Sequence[DocumentRows]) -> list[tuple[DocumentRows, str]]:
        """Store a batch of documents in one transaction; a stored document with the same id is replaced (its
        old events leave their clusters, which deduplication then rebuilds). A value the database refuses costs
        its document only: the documents that could not be stored are returned with the reason."""
        if not batch:
            return []
        doc_ids = [rows.doc_id for rows in batch]
        if len(set(doc_ids)) != len(doc_ids):
            raise ValueError("a batch holds a document id twice")
        return write_documents(self.con, batch, self._forget)

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        insert_rows(self.con, table, columns, rows)

    def _forget(self, doc_ids: list[str]) -> None:
        """Delete these documents' rows; the clusters their events were in are dissolved for re-deduplication."""
        ids = [doc_ids]
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE _gone AS SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest($1))",
            ids,
        )
        if not self.scalar("SELECT count(*) FROM _gone"):
            return  # all new documents: nothing to replace
        self.con.execute(
            """CREATE OR REPLACE TEMP TABLE _dissolved AS SELECT DISTINCT cluster_id FROM events
               WHERE doc_id IN (SELECT doc_id FROM _gone) AND cluster_id IS NOT NULL"""
        )
        if self.scalar("SELECT count(*) FROM _dissolved"):
            self.con.execute("DELETE FROM mentions WHERE cluster_id IN (SELECT cluster_id FROM _dissolved)")
            self.con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _dissolved)")
            self.con.execute(
                """UPDATE events SET cluster_id = NULL WHERE cluster_id IN (SELECT cluster_id FROM _dissolved)
                   AND doc_id NOT IN (SELECT doc_id FROM _gone)"""
            )
        for table in DOCUMENT_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _gone)")

    def add_correction(self, row: dict[str, Any]) -> None:
        """Store an analyst's correction (a row of ``corrections``, built by
        :func:`hadath.store.corrections.build_correction`); earlier ones are kept as its history."""
        columns = tuple(row)
        with transaction(self.con):
            insert_rows(self.con, "corrections", columns, [tuple(row[c] for c in columns)])

    # ---- deduplication --------------------------------------------------------------------------------------

    def deduplicate(self, config: DedupConfig | None = None, rebuild: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> DedupSummary:  # fmt: skip
        """Cluster the reports of every (type, dyad) group that has reports not yet clustered (all groups when
        ``rebuild``, e.g. after changing the settings). Each chunk of groups is written in one transaction, so an
        interrupted run leaves a consistent store and the next run finishes the rest."""
        config = config or DedupConfig()
        if rebuild or self.setting("dedup_config") not in (None, json.dumps(asdict(config), sort_keys=True)):
            with transaction(self.con):
                self.con.execute("UPDATE events SET cluster_id = NULL")
                self.con.execute("DELETE FROM mentions")
                self.con.execute("DELETE FROM clusters")
        self.con.execute(
            "INSERT INTO meta VALUES ('dedup_config', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [json.dumps(asdict(config), sort_keys=True)],
        )
        groups = self.con.execute(
            """SELECT type, dyad_key, count(*) FROM events WHERE (type, dyad_key) IN
               (SELECT type, dyad_key FROM events WHERE cluster_id IS NULL) GROUP BY ALL ORDER BY ALL"""
        ).fetchall()
        total = sum(n for _, _, n in groups)
        done = clusters = 0
        for chunk in _chunks(groups, DEDUP_CHUNK):
            clusters += self._dedup_chunk(chunk, config)
            done += sum(n for _, _, n in chunk)
            if progress:
                progress(done, total)
        return DedupSummary(len(groups), total, clusters)

    def _dedup_chunk(self, groups: list[tuple[str, str, int]], config: DedupConfig) -> int:
        self.con.execute(
            "CREATE OR REPLACE TEMP TABLE _groups AS SELECT unnest($1) AS type, unnest($2) AS dyad_key",
            [[g[0] for g in groups], [g[1] for g in groups]],
        )
        rows = self.con.execute(
            """SELECT e.type, e.dyad_key, e.event_id, e.doc_id,
                      coalesce(d.source, d.reported_by_name, 'doc:' || e.doc_id), e.event_date, e.mode,
                      e.location_country, e.terms
               FROM events e JOIN _groups g USING (type, dyad_key) JOIN documents d USING (doc_id)
               ORDER BY e.type, e.dyad_key, e.event_date, e.event_id"""
        ).fetchall()
        by_group: dict[tuple[str, str], list[Report]] = {}
        for etype, dyad, event_id, doc_id, outlet, day, mode, loc, terms in rows:
            by_group.setdefault((etype, dyad), []).append(
                Report(event_id, doc_id, outlet, day, mode, loc, frozenset(terms or ()))
            )
        found: list[tuple[str, str, Cluster]] = [
            (etype, dyad, c) for (etype, dyad), reports in by_group.items() for c in cluster_reports(reports, config)
        ]
        with transaction(self.con):
            self.con.execute(
                """DELETE FROM mentions WHERE cluster_id IN (SELECT cluster_id FROM events e
                   JOIN _groups g USING (type, dyad_key) WHERE cluster_id IS NOT NULL)"""
            )
            self.con.execute("""DELETE FROM clusters WHERE (type, dyad_key) IN (SELECT type, dyad_key FROM _groups)""")
            if found:
                self._insert("clusters", (
                    "cluster_id", "type", "dyad_key", "first_date", "last_date", "mentions", "sources", "documents",
                ), [
                    (c.cluster_id, etype, dyad, c.first_day, c.last_day, len(c.members), c.sources, c.documents)
                    for etype, dyad, c in found
                ])  # fmt: skip
                members = [
                    (c.cluster_id, m.event_id, m.doc_id, m.outlet, m.joined_with, m.similarity, m.day_gap)
                    for _, _, c in found
                    for m in c.members
                ]
                self.con.execute(
                    "CREATE OR REPLACE TEMP TABLE _members AS SELECT unnest($1) AS cluster_id, unnest($2) AS event_id",
                    [[m[0] for m in members], [m[1] for m in members]],
                )
                self._insert("mentions", (
                    "cluster_id", "event_id", "doc_id", "outlet", "joined_with", "similarity", "day_gap",
                ), members)  # fmt: skip
                self.con.execute(
                    """UPDATE events SET cluster_id = m.cluster_id FROM _members m
                       WHERE events.event_id = m.event_id AND events.cluster_id IS DISTINCT FROM m.cluster_id"""
                )
        return len(found)


def _chunks(groups: list[tuple[str, str, int]], size: int) -> Iterator[list[tuple[str, str, int]]]:
    chunk: list[tuple[str, str, int]] = []
    count = 0
    for group in groups:
        if chunk and count + group[2] > size:
            yield chunk
            chunk, count = [], 0
        chunk.append(group)
        count += group[2]
    if chunk:
        yield chunk


def write_documents(con: duckdb.DuckDBPyConnection, batch: Sequence[DocumentRows],
                    before: Callable[[list[str]], None] | None = None) -> list[tuple[DocumentRows, str]]:  # fmt: skip
    """Insert the rows of ``batch`` in one transaction (``before`` runs first inside it, given the ids). When the
    database refuses a value, the transaction is rolled back and each document is written in its own, so one bad
    value costs its document only; those are returned with the reason."""

    def write(docs: Sequence[DocumentRows]) -> None:
        with transaction(con):
            if before is not None:
                before([d.doc_id for d in docs])
            for table, columns in COLUMNS.items():
                rows = [row for doc in docs for row in doc.tables.get(table, ())]
                if rows:
                    insert_rows(con, table, columns, rows)

    try:
        write(batch)
        return []
    except (duckdb.Error, UnicodeError) as exc:
        if len(batch) == 1:
            return [(batch[0], _refused(exc))]
        log.warning("a batch of %d documents was refused (%s); writing them one by one", len(batch), exc)
    failed: list[tuple[DocumentRows, str]] = []
    for doc in batch:
        try:
            write([doc])
        except (duckdb.Error, UnicodeError) as exc:
            failed.append((doc, _refused(exc)))
    return failed


def _refused(exc: BaseException) -> str:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"cannot be stored: the database refused a value ({first[:300]}); please report it with this document"


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...],
                rows: list[tuple[Any, ...]]) -> None:  # fmt: skip
    """Insert rows column-wise (one list parameter per column: far faster than ``executemany``)."""
    if not rows:
        return
    quoted = ", ".join(f'"{c}"' for c in columns)
    selects = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    values = [list(col) for col in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} ({quoted}) SELECT {selects}", values)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One transaction: committed when the block ends, rolled back when it raises. Ctrl-C while DuckDB runs a
    statement arrives as DuckDB's ``InterruptException``; it leaves as ``KeyboardInterrupt``, like anywhere else."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except duckdb.InterruptException:
        con.execute("ROLLBACK")
        raise KeyboardInterrupt from None
    except BaseException:
        con.execute("ROLLBACK")
        raise
