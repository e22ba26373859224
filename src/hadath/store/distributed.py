"""The Dask engine: the same ingest, with extraction spread over a Dask cluster and the results staged as Parquet.

1. **Plan** (client): inputs are split into partitions: an uncompressed JSON Lines file by line ranges of
   ``docs_per_partition`` lines, a ``.jsonl.gz`` or ``.csv`` file whole, ``.txt`` files in groups. Each partition
   is named by its position and a hash of its bytes and the extraction settings (``part-00003-<hash>``).
2. **Extract** (workers): each partition is read where it lies (paths must be visible to the workers), extracted,
   and written as a shard: a folder of Parquet files, one per store table, and a ``_SUCCESS.json`` written last.
   A shard is written under a temporary name and renamed, so a partition retried after its worker died is
   written once; a partition whose shard exists is not extracted again (a re-run reuses the staging folder).
3. **Load** (client): each shard not yet recorded in the store's ``shards`` table is loaded in one transaction
   (documents whose id and text are already stored are left as they are; changed ones are replaced), then
   deduplication runs as for the local engine. An interrupted load is completed by the next run.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from hadath import __version__
from hadath.config import PipelineConfig
from hadath.document import Document
from hadath.errors import HadathError, StoreError
from hadath.inputs import (
    InputDocument,
    InputFile,
    Item,
    Problem,
    SameId,
    check_document,
    input_files,
    read_files,
    read_jsonl_range,
)
from hadath.pipeline import Pipeline, outlet_metadata, parse_date
from hadath.store.dedup import DedupConfig
from hadath.store.rows import COLUMNS, DocumentMeta, DocumentRows, document_rows, text_hash
from hadath.store.schema import migrate
from hadath.store.store import DedupSummary, Store, transaction, write_documents

log = logging.getLogger(__name__)

DOCS_PER_PARTITION = 1000
SUCCESS = "_SUCCESS.json"
ATTEMPTS = ".attempts"


class EngineError(HadathError):
    """The Dask engine cannot run as asked (no dask installed, a scheduler that cannot be reached ...)."""


@dataclass(frozen=True)
class Partition:
    """A piece of the input that one task extracts."""

    name: str
    index: int
    kind: str  # jsonl-range | file | text-files
    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1


@dataclass
class ShardResult:
    """What a worker reports for one partition (also stored as the shard's ``_SUCCESS.json``)."""

    name: str
    documents: int = 0
    events: int = 0
    duplicates: int = 0
    problems: list[tuple[str, str, bool]] = field(default_factory=list)
    attempt: str = ""
    reused: bool = False


@dataclass
class DaskSummary:
    partitions: int = 0
    extracted: int = 0
    reused: int = 0
    loaded: int = 0
    already_loaded: int = 0
    documents: int = 0
    unchanged: int = 0
    events: int = 0
    duplicates: int = 0
    skipped: int = 0
    retried: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    dedup: DedupSummary | None = None


# ---- planning (client) ----------------------------------------------------------------------------------------


def _settings_digest(config: PipelineConfig, date: str | None) -> bytes:
    return json.dumps(
        [__version__, config.include_nonfactual, config.max_chars, config.coder, date], sort_keys=True
    ).encode()


def plan_partitions(
    paths: list[Path], docs_per_partition: int = DOCS_PER_PARTITION, config: PipelineConfig | None = None,
    date: str | None = None,
) -> tuple[list[Partition], list[Problem]]:  # fmt: skip
    """Split the inputs into partitions; problems are inputs that cannot be read at all (missing files ...)."""
    config = config or PipelineConfig()
    settings = _settings_digest(config, date)
    files: list[Path] = []
    problems: list[Problem] = []
    for entry in input_files(paths):  # the local engine's listing: the same files and problems
        if isinstance(entry, Problem):
            problems.append(entry)
        else:
            files.append(entry.path)
    pieces: list[tuple[str, tuple[str, ...], int, int | None, int, bytes]] = []
    texts: list[Path] = []
    for path in files:
        kind = _kind(path)
        if kind == "text":
            texts.append(path)
        elif kind == "jsonl" and not path.name.lower().endswith(".gz"):
            pieces.extend(("jsonl-range", (str(path),), s, e, first, digest)
                          for s, e, first, digest in _line_ranges(path, docs_per_partition))  # fmt: skip
        else:
            pieces.append(("file", (str(path),), 0, None, 1, _file_digest(path)))
    for i in range(0, len(texts), docs_per_partition):
        group = texts[i : i + docs_per_partition]
        h = hashlib.blake2b(digest_size=16)
        for p in group:
            h.update(str(p).encode() + b"\0" + _file_digest(p))
        pieces.append(("text-files", tuple(str(p) for p in group), 0, None, 1, h.digest()))
    partitions = []
    for index, (kind, ps, start, end, first, digest) in enumerate(pieces):
        h = hashlib.blake2b(digest + settings + json.dumps([kind, ps, start, end]).encode(), digest_size=8)
        partitions.append(Partition(f"part-{index:05d}-{h.hexdigest()}", index, kind, ps, start, end, first))
    return partitions, problems


def _kind(path: Path) -> str:
    return "text" if path.name.lower().endswith(".txt") else "csv" if path.name.lower().endswith(".csv") else "jsonl"


def _file_digest(path: Path) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.digest()


def _line_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int, bytes]]:
    """``(start, end, first_line, digest)`` of consecutive ranges of ``size`` lines."""
    start = position = 0
    first = line_no = 1
    h = hashlib.blake2b(digest_size=16)
    count = 0
    with path.open("rb") as fh:
        for line in fh:
            h.update(line)
            position += len(line)
            count += 1
            line_no += 1
            if count == size:
                yield start, position, first, h.digest()
                start, first, count = position, line_no, 0
                h = hashlib.blake2b(digest_size=16)
    if count:
        yield start, position, first, h.digest()


# ---- extraction (workers) -------------------------------------------------------------------------------------

# One pipeline per worker process and configuration, built on first use (lexicons loaded once per process).
_PIPELINES: dict[PipelineConfig, Pipeline] = {}


def _pipeline(config: PipelineConfig) -> Pipeline:
    if config not in _PIPELINES:
        _PIPELINES[config] = Pipeline(config)
    return _PIPELINES[config]


def _items(partition: Partition, date: str | None, max_chars: int) -> Iterator[Item]:
    if partition.kind == "jsonl-range":
        yield from read_jsonl_range(
            Path(partition.paths[0]), partition.start, partition.end, partition.first_line, date, max_chars
        )
    else:
        files = [InputFile(Path(p), _kind(Path(p)), Path(p).stem if _kind(Path(p)) == "text" else Path(p).as_posix())
                 for p in partition.paths]  # fmt: skip
        yield from read_files(files, date=date, max_chars=max_chars)


def run_partition(partition: Partition, staging: str, config: PipelineConfig, date: str | None = None) -> ShardResult:
    """Extract one partition and write its shard (a task on a Dask worker). Idempotent: returns the existing
    shard's result when an earlier attempt or run wrote it."""
    root = Path(staging)
    final = root / partition.name
    attempt = uuid.uuid4().hex[:12]
    if (final / SUCCESS).exists():
        return _read_result(final, reused=True)
    attempts = root / ATTEMPTS / partition.name
    attempts.mkdir(parents=True, exist_ok=True)
    (attempts / attempt).touch()
    pipeline = _pipeline(config)
    result = ShardResult(partition.name, attempt=attempt)
    batch: dict[str, DocumentRows] = {}
    same_id = SameId()
    for item in _items(partition, date, config.max_chars):
        problem = item if isinstance(item, Problem) else check_document(item, config.max_chars)
        if problem is not None:
            result.problems.append((problem.origin, problem.reason, problem.lost))
            continue
        assert isinstance(item, InputDocument)
        kind, note = same_id.meet(item, text_hash(item.text))
        if note is not None:
            result.problems.append((note.origin, note.reason, note.lost))
        if kind == "duplicate":
            result.duplicates += 1
            continue
        rows = _extract(pipeline, item, result)
        if rows is not None:
            batch.pop(rows.doc_id, None)  # the same id with another text: the later one wins
            batch[rows.doc_id] = rows
    _write_shard(root, final, attempt, list(batch.values()), result)
    return _read_result(final)


def _extract(pipeline: Pipeline, doc: InputDocument, result: ShardResult) -> DocumentRows | None:
    try:
        processed = pipeline.process(
            Document(text=doc.text, doc_id=doc.doc_id, date=parse_date(doc.date), metadata=outlet_metadata(doc.source))
        )
        return document_rows(processed, DocumentMeta(doc.source, doc.url, doc.title, doc.origin))
    except HadathError as exc:
        result.problems.append((doc.origin, str(exc), True))
    except Exception as exc:  # a bug in hadath: report it for this document and go on
        log.debug("internal error on %s", doc.origin, exc_info=True)
        result.problems.append(
            (doc.origin, f"internal error ({type(exc).__name__}: {exc}); please report it with this document", True)
        )
    return None


def _write_shard(root: Path, final: Path, attempt: str, docs: list[DocumentRows], result: ShardResult) -> None:
    tmp = root / f".tmp-{final.name}-{attempt}"
    tmp.mkdir(parents=True)
    con = duckdb.connect()
    try:
        con.execute("SET threads = 1")
        migrate(con, ":memory:")
        for rows, reason in write_documents(con, docs):  # a value the database refuses costs its document only
            result.problems.append((rows.origin, reason, True))
            docs = [d for d in docs if d is not rows]
        result.documents = len(docs)
        result.events = sum(d.events for d in docs)
        for table in COLUMNS:
            target = str(tmp / f"{table}.parquet").replace("'", "''")
            con.execute(f"COPY {table} TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
    finally:
        con.close()
    (tmp / SUCCESS).write_text(json.dumps(asdict(result), ensure_ascii=False), encoding="utf-8")
    try:
        os.rename(tmp, final)  # atomic: the shard appears whole or not at all
    except OSError:
        if not (final / SUCCESS).exists():
            raise
        shutil.rmtree(tmp, ignore_errors=True)  # another attempt finished first: its shard stands


def _read_result(folder: Path, reused: bool = False) -> ShardResult:
    data = json.loads((folder / SUCCESS).read_text(encoding="utf-8"))
    data["problems"] = [tuple(p) for p in data["problems"]]
    data["reused"] = reused
    return ShardResult(**data)


def attempts_of(staging: Path, name: str) -> int:
    folder = staging / ATTEMPTS / name
    return len(list(folder.iterdir())) if folder.exists() else 0


# ---- the client -----------------------------------------------------------------------------------------------


def _client(scheduler: str | None, workers: int) -> Any:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError("the Dask engine needs dask: pip install 'hadath[dask]'") from None
    if not log.isEnabledFor(logging.DEBUG):  # Dask's own INFO chatter only with -v
        logging.getLogger("distributed").setLevel(logging.ERROR)
    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
    return Client(cluster)


def extract_shards(
    paths: list[Path],
    staging: Path,
    config: PipelineConfig | None = None,
    date: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    docs_per_partition: int = DOCS_PER_PARTITION,
    client: Any = None,
    on_partition: Callable[[ShardResult], None] | None = None,
) -> tuple[list[Partition], list[ShardResult], DaskSummary]:
    """Plan the partitions and have the cluster write every missing shard into ``staging``."""
    config = config or PipelineConfig()
    if date is not None:
        parse_date(date, "--date")
    summary = DaskSummary()
    partitions, problems = plan_partitions(paths, docs_per_partition, config, date)
    summary.partitions = len(partitions)
    summary.problems.extend(problems)
    summary.skipped += sum(p.lost for p in problems)
    staging.mkdir(parents=True, exist_ok=True)
    own = client is None
    client = client or _client(scheduler, workers)
    results: list[ShardResult] = []
    try:
        from distributed import as_completed

        futures = client.map(
            run_partition, partitions, staging=str(staging), config=config, date=date,
            key=[f"hadath-{p.name}" for p in partitions], retries=3,
        )  # fmt: skip
        for future in as_completed(futures):
            result: ShardResult = future.result()
            results.append(result)
            if on_partition:
                on_partition(result)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    by_name = {r.name: r for r in results}
    ordered = [by_name[p.name] for p in partitions]
    for r in ordered:
        summary.reused += r.reused
        summary.extracted += not r.reused
        summary.duplicates += r.duplicates
        for origin, reason, lost in r.problems:
            summary.problems.append(Problem(origin, reason, lost))
            summary.skipped += lost
        n = attempts_of(staging, r.name)
        if n > 1:
            summary.retried[r.name] = n
            log.warning("partition %s was attempted %d times (a worker was lost); its shard was written once",
                        r.name, n)  # fmt: skip
    return partitions, ordered, summary


def load_shards(store: Store, staging: Path, partitions: list[Partition], summary: DaskSummary,
                on_loaded: Callable[[str], None] | None = None) -> None:  # fmt: skip
    """Load every shard not yet in the store, in partition order, one transaction per shard."""
    loaded = {r[0] for r in store.con.execute("SELECT name FROM shards").fetchall()}
    for partition in partitions:
        if partition.name in loaded:
            summary.already_loaded += 1
            continue
        folder = staging / partition.name
        if not (folder / SUCCESS).exists():
            raise StoreError(str(folder), "shard missing or incomplete; run the ingest again to extract it")
        documents, unchanged = _load_shard(store, folder, partition.name)
        summary.loaded += 1
        summary.documents += documents
        summary.unchanged += unchanged
        if on_loaded:
            on_loaded(partition.name)


def _load_shard(store: Store, folder: Path, name: str) -> tuple[int, int]:
    con = store.con

    def parquet(table: str) -> str:
        return "read_parquet('" + str(folder / f"{table}.parquet").replace("'", "''") + "')"

    with transaction(con):
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _shard_new AS SELECT s.doc_id FROM {parquet("documents")} s
                WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = s.doc_id AND d.text_hash = s.text_hash)"""
        )
        new = [r[0] for r in con.execute("SELECT doc_id FROM _shard_new").fetchall()]
        total = int(store.scalar(f"SELECT count(*) FROM {parquet('documents')}"))
        store._forget(new)
        for table, columns in COLUMNS.items():
            quoted = ", ".join(f'"{c}"' for c in columns)
            con.execute(
                f"""INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {parquet(table)}
                    WHERE doc_id IN (SELECT doc_id FROM _shard_new)"""
            )
        con.execute("INSERT INTO shards VALUES (?, ?, ?, ?)", [name, datetime.now(), len(new), total - len(new)])
    return len(new), total - len(new)


def ingest_dask(
    paths: list[Path],
    store: Store,
    staging: Path,
    config: PipelineConfig | None = None,
    date: str | None = None,
    scheduler: str | None = None,
    workers: int = 2,
    docs_per_partition: int = DOCS_PER_PARTITION,
    dedup: DedupConfig | None = None,
    client: Any = None,
    on_partition: Callable[[ShardResult], None] | None = None,
    on_loaded: Callable[[str], None] | None = None,
) -> DaskSummary:
    """Extract on the cluster, load the shards into ``store``, deduplicate (unless ``dedup`` is ``None``)."""
    partitions, _, summary = extract_shards(
        paths, staging, config, date, scheduler, workers, docs_per_partition, client, on_partition
    )
    load_shards(store, staging, partitions, summary, on_loaded)
    summary.events = int(store.scalar("SELECT count(*) FROM events"))
    if dedup is not None:
        summary.dedup = store.deduplicate(dedup)
    return summary
