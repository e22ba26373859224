"""Ingesting a corpus into a store: read, skip what is stored already, extract (in worker processes when asked),
write in one transaction per batch, then deduplicate.

Idempotent and resumable: a document whose id and text hash are stored is skipped; one whose text changed replaces
its old rows. Every batch is committed on its own, so an interrupted run (Ctrl-C, a killed process) loses only the
batch in flight, and running the same command again completes the work.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from hadath.config import PipelineConfig
from hadath.document import Document
from hadath.errors import HadathError
from hadath.inputs import InputDocument, Item, Problem, SameId, check_document
from hadath.pipeline import Pipeline, outlet_metadata, parse_date
from hadath.store.dedup import DedupConfig
from hadath.store.rows import DocumentMeta, DocumentRows, document_rows, text_hash
from hadath.store.store import DedupSummary, Store

log = logging.getLogger(__name__)

#: Documents per transaction, and the longest a finished document waits before its batch is written (seconds).
BATCH_SIZE = 500
BATCH_SECONDS = 5.0
_SETUP_FAILED = "cannot extract: "
#: Stored hashes are looked up this many documents at a time.
LOOKUP_CHUNK = 512
#: How worker processes start. Forked workers do not import the caller's ``__main__`` again, so a plain script
#: that ingests with workers runs once (spawned ones re-run an unguarded script in every worker). The workers
#: only extract: they never touch the parent's store or threads. Elsewhere than Linux fork is unsafe or missing.
_START_METHOD = "fork" if sys.platform == "linux" else "spawn"


@dataclass
class IngestSummary:
    """What an ingest did, in documents. ``stored``: distinct documents written in this run (new ones and
    ``replaced`` ones, that replaced a document stored before the run), so the store gains ``stored - replaced``;
    ``superseded``: earlier texts of an id replaced by a later one in the same run; ``duplicates``: the same id and
    text met again; ``skipped``: inputs lost (bad lines, empty or failing documents)."""

    read: int = 0
    stored: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    superseded: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0
    dedup: DedupSummary | None = None
    problems: list[Problem] = field(default_factory=list)


Outcome = tuple[str, DocumentRows | None, str | None]

# The pipeline of a worker process, built once by the pool initializer (lexicons loaded once per process), or
# the error that prevented building it (raised in a pool's initializer, it would make the pool respawn forever).
_WORKER: dict[str, Pipeline] = {}
_WORKER_ERROR: dict[str, HadathError] = {}


class WorkerSetupError(HadathError):
    """A worker process could not build its pipeline (e.g. a broken lexicon); the ingest cannot go on."""


def _init_worker(config: PipelineConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    try:
        _WORKER["pipeline"] = Pipeline(config)
    except HadathError as exc:
        _WORKER_ERROR["error"] = exc


def extract_rows(doc: InputDocument) -> Outcome:
    """Extract one document and flatten it into store rows (runs in a worker process, or in this one)."""
    if "error" in _WORKER_ERROR:
        return doc.origin, None, f"{_SETUP_FAILED}{_WORKER_ERROR['error']}"
    pipeline = _WORKER["pipeline"]
    try:
        processed = pipeline.process(
            Document(text=doc.text, doc_id=doc.doc_id, date=parse_date(doc.date), metadata=outlet_metadata(doc.source))
        )
        rows = document_rows(processed, DocumentMeta(doc.source, doc.url, doc.title, doc.origin))
    except HadathError as exc:
        return doc.origin, None, str(exc)
    except Exception as exc:  # a bug in hadath: report it for this document and go on with the others
        log.debug("internal error on %s", doc.origin, exc_info=True)
        return doc.origin, None, f"internal error ({type(exc).__name__}: {exc}); please report it with this document"
    return doc.origin, rows, None


class Ingester:
    """Runs one ingest. ``on_problem`` hears of every input that was skipped or read with a warning;
    ``on_progress`` of every document handled (processed, unchanged or skipped)."""

    def __init__(
        self,
        store: Store,
        config: PipelineConfig | None = None,
        workers: int = 1,
        batch_size: int = BATCH_SIZE,
        dedup: DedupConfig | None = None,
        on_problem: Callable[[Problem], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.config = pipeline.config if pipeline is not None else config or PipelineConfig()
        self.workers = max(1, workers)
        self.batch_size = max(1, batch_size)
        self.dedup = dedup
        self.on_problem = on_problem or (lambda p: None)
        self.on_progress = on_progress or (lambda n: None)
        self.summary = IngestSummary()
        self._lock = threading.Lock()
        self._existed: set[str] = set()  # ids stored before this run
        self._unchanged: set[str] = set()  # ids left as they were (so far)
        self._written: set[str] = set()  # ids written in this run

    def run(self, items: Iterable[Item]) -> IngestSummary:
        """Ingest every document of ``items``, then deduplicate (unless ``dedup`` is ``None``)."""
        start = time.perf_counter()
        if self.pipeline is not None:
            _WORKER["pipeline"] = self.pipeline
        elif self.workers == 1:
            _WORKER["pipeline"] = Pipeline(self.config)  # a broken lexicon fails here, before anything is read
        todo = self._todo(items)
        try:
            if self.workers == 1:
                self._consume(map(extract_rows, todo))
            else:
                # the workers have the cores: DuckDB's own threads would only compete with them for small writes
                self.store.con.execute("SET threads = 1")
                ctx = multiprocessing.get_context(_START_METHOD)
                with ctx.Pool(self.workers, initializer=_init_worker, initargs=(self.config,)) as pool:
                    self._consume(pool.imap(extract_rows, todo, chunksize=16))
        finally:
            if self.workers > 1:
                self.store.con.execute("RESET threads")
            self.summary.seconds = time.perf_counter() - start
        if self.dedup is not None:
            self.summary.dedup = self.store.deduplicate(self.dedup)
        self.summary.seconds = time.perf_counter() - start
        return self.summary

    def _problem(self, problem: Problem) -> None:
        with self._lock:  # called from the pool's feeder thread too
            self.summary.problems.append(problem)
            self.summary.skipped += problem.lost
        if problem.lost:
            self.on_progress(1)
        self.on_problem(problem)

    def _todo(self, items: Iterable[Item]) -> Iterator[InputDocument]:
        """The documents that need extracting: new ones and changed ones. May run in a pool's feeder thread,
        so it reads the store through its own cursor."""
        cursor = self.store.cursor()
        same_id = SameId()
        pending: list[tuple[InputDocument, str, bool]] = []

        def flush() -> Iterator[InputDocument]:
            stored = cursor.known_hashes([d.doc_id for d, _, first in pending if first])
            for doc, digest, first in pending:
                if first and doc.doc_id in stored:
                    self._existed.add(doc.doc_id)
                    if stored[doc.doc_id] == digest:
                        self._unchanged.add(doc.doc_id)
                        self.summary.unchanged += 1
                        self.on_progress(1)
                        continue
                yield doc
            pending.clear()

        try:
            for item in items:
                if isinstance(item, Problem):
                    self._problem(item)
                    continue
                self.summary.read += 1
                problem = check_document(item, self.config.max_chars)  # documents given in Python or by the API too
                if problem is not None:
                    self._problem(problem)
                    continue
                digest = text_hash(item.text)
                kind, note = same_id.meet(item, digest)
                if note is not None:
                    self.on_problem(note)
                if kind == "duplicate":
                    self.summary.duplicates += 1
                    self.on_progress(1)
                    continue
                if kind == "supersedes":
                    self.summary.superseded += 1
                pending.append((item, digest, kind == "first"))
                if len(pending) >= LOOKUP_CHUNK:
                    yield from flush()
            yield from flush()
        finally:
            cursor.close()

    def _consume(self, outcomes: Iterable[Outcome]) -> None:
        batch: dict[str, DocumentRows] = {}
        try:
            self._consume_into(outcomes, batch)
        except KeyboardInterrupt:
            self._write(batch)  # keep what was extracted before the interruption
            raise
        self._write(batch)

    def _consume_into(self, outcomes: Iterable[Outcome], batch: dict[str, DocumentRows]) -> None:
        oldest = time.monotonic()
        for origin, rows, error in outcomes:
            if rows is None:
                if error and error.startswith(_SETUP_FAILED):
                    self._write(batch)
                    raise WorkerSetupError(error[len(_SETUP_FAILED) :])
                self._problem(Problem(origin, error or "not processed"))
                continue
            self.on_progress(1)
            if rows.doc_id in batch:  # the same id again, with another text: the earlier one goes in first
                self._write(batch)
            if not batch:
                oldest = time.monotonic()
            batch[rows.doc_id] = rows
            if len(batch) >= self.batch_size or time.monotonic() - oldest > BATCH_SECONDS:
                self._write(batch)

    def _write(self, batch: dict[str, DocumentRows]) -> None:
        if not batch:
            return
        failed = self.store.write(list(batch.values()))
        for rows, reason in failed:
            self._problem(Problem(rows.origin, reason))
            batch.pop(rows.doc_id)
        for doc_id in batch:
            if doc_id in self._unchanged:  # left as it was, then superseded by a later text of the run
                self._unchanged.discard(doc_id)
                self.summary.unchanged -= 1
            if doc_id not in self._written:
                self._written.add(doc_id)
                self.summary.stored += 1
                self.summary.replaced += doc_id in self._existed
        log.info("stored a batch of %d document(s); %d in this run", len(batch), self.summary.stored)
        self.summary.events += sum(rows.events for rows in batch.values())
        batch.clear()


def ingest(
    items: Iterable[Item],
    store: Store,
    config: PipelineConfig | None = None,
    workers: int = 1,
    dedup: DedupConfig | None = None,
    pipeline: Pipeline | None = None,
) -> IngestSummary:
    """Ingest ``items`` (from :func:`hadath.inputs.read_paths`) into ``store`` and deduplicate."""
    ingester = Ingester(store, config, workers, dedup=dedup or DedupConfig(), pipeline=pipeline)
    return ingester.run(items)
