"""The store commands of the ``hadath`` CLI: ingest, query, stats, export (a thin shell over hadath.store)."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from hadath.config import PipelineConfig
from hadath.errors import HadathError

DbOption = Annotated[Path, typer.Option("--db", help="The store: a DuckDB file (created by 'hadath ingest').")]
CountryOpt = Annotated[list[str] | None, typer.Option("--country", help="Either side's country/org code (BHR, ARL).")]
SourceCountryOpt = Annotated[list[str] | None, typer.Option("--source-country", help="Source's country/org code.")]
TargetCountryOpt = Annotated[list[str] | None, typer.Option("--target-country", help="Target's country/org code.")]
SectorOpt = Annotated[list[str] | None, typer.Option("--sector", help="Either side's sector (GOV, MIL, REB ...).")]
TypeOpt = Annotated[list[str] | None, typer.Option("--type", help="PLOVER type (CONSULT, ASSAULT ...).")]
ModeOpt = Annotated[list[str] | None, typer.Option("--mode", help="PLOVER mode (visit, phone, aerial ...).")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events on or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events on or before this date (YYYY-MM-DD).")]
LocationOpt = Annotated[str | None, typer.Option("--location", help="Country code or words of the place name.")]
TopicOpt = Annotated[list[str] | None, typer.Option("--topic", help="Topic id (gaza-war, ceasefire ...).")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words of the event's sentence (Arabic, normalized).")]
ReportsOpt = Annotated[
    bool, typer.Option("--reports", help="One row per report instead of one per deduplicated event.")
]


def register(app: typer.Typer, err: Console, fail: Callable[[str], NoReturn],
             report: Callable[[str, str], None]) -> None:  # fmt: skip
    """Add the store commands to the CLI ``app``."""
    commands = StoreCommands(err, fail, report)
    for command in (commands.ingest, commands.query, commands.stats, commands.export):
        app.command()(command)


@dataclass(frozen=True)
class StoreCommands:
    """The store commands, one method each, sharing the CLI's error console, its ``fail`` (exit 1 with a message)
    and its ``report`` (one line about an input that was skipped or read with a warning)."""

    err: Console
    fail: Callable[[str], NoReturn]
    report: Callable[[str, str], None]

    # ---- shared ---------------------------------------------------------------------------------------------

    def _filters(self, lists: dict[str, list[str] | None], since: str | None, until: str | None,
                 location: str | None, text: str | None) -> Any:  # fmt: skip
        from hadath.store.query import build_filter

        try:
            return build_filter(
                country=lists["country"] or (), source_country=lists["source_country"] or (),
                target_country=lists["target_country"] or (), sector=lists["sector"] or (), type=lists["type"] or (),
                mode=lists["mode"] or (), topic=lists["topic"] or (), since=since, until=until, location=location,
                text=text,
            )  # fmt: skip
        except HadathError as exc:
            self.fail(str(exc))

    def _open_store(self, db: Path, read_only: bool = True) -> Any:
        from hadath.store.store import Store

        try:
            return Store(db, read_only=read_only)
        except HadathError as exc:
            self.fail(str(exc))

    def _store_summary(self, db: Path, dedup: Any, counts: dict[str, int]) -> None:
        """The last lines of every ingest: what deduplication did, and what the store now holds."""
        if dedup is not None:
            self.err.print(f"deduplicated {dedup.reports} report(s) of {dedup.groups} type-dyad group(s) into "
                           f"{dedup.clusters} event(s)")  # fmt: skip
        self.err.print(f"store {escape(str(db))}: {counts['documents']} documents, {counts['reports']} event "
                       f"reports, {counts['events']} deduplicated events")  # fmt: skip

    # ---- ingest ---------------------------------------------------------------------------------------------

    def ingest(
        self,
        paths: Annotated[
            list[Path] | None,
            typer.Argument(help="Files or folders: .jsonl, .jsonl.gz, .csv (id,text[,date,source,url,title]), .txt."),
        ] = None,
        db: DbOption = Path("hadath.duckdb"),
        workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Extraction processes.")] = 1,
        date: Annotated[str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for documents without one.")] = None,
        batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 500,
        dedup_window: Annotated[
            int, typer.Option("--dedup-window", min=0, help="Days apart two reports of one event may be.")
        ] = 2,
        dedup_similarity: Annotated[
            float,
            typer.Option("--dedup-similarity", min=0.0, max=1.0, help="Least sentence overlap of two reports."),
        ] = 0.3,
        no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Store only; deduplicate on a later run.")] = False,
        rebuild_dedup: Annotated[
            bool, typer.Option("--rebuild-dedup", help="Deduplicate the whole store again (after new settings).")
        ] = False,
        engine: Annotated[str, typer.Option("--engine", help="local (processes here) or dask (a cluster).")] = "local",
        scheduler: Annotated[
            str | None,
            typer.Option(
                "--scheduler",
                help="Dask scheduler address (tcp://HOST:8786); default: a local cluster of --workers processes.",
            ),
        ] = None,
        staging: Annotated[
            Path | None, typer.Option("--staging", help="Dask: folder for the Parquet shards (default DB.staging).")
        ] = None,
        partition_size: Annotated[
            int, typer.Option("--partition-size", min=1, help="Dask: documents (lines) per partition.")
        ] = 1000,
        keep_staging: Annotated[
            bool, typer.Option("--keep-staging", help="Dask: keep the shards after a complete load.")
        ] = False,
        coder: Annotated[
            str,
            typer.Option("--coder", help="Event coder: rules (default), learned or learned-news (see the README)."),
        ] = "rules",
    ) -> None:
        """Extract events from a corpus into a store; skip documents stored already; deduplicate across outlets.

        Safe to interrupt: every batch is committed on its own and running the command again completes the work.
        Exit code 2 when any input was skipped (each is listed with its file and line). A new store that ends up
        holding no document (every input missing or bad) is removed again."""
        from hadath.pipeline import coder_problem, parse_date
        from hadath.store.dedup import DedupConfig

        if date is not None:
            try:
                parse_date(date, "--date")
            except HadathError as exc:
                self.fail(str(exc))
        paths = paths or []
        if any(p.exists() and p.resolve() == db.resolve() for p in paths):
            self.fail(f"--db {db} is one of the inputs; give the store another name")
        dedup = None if no_dedup else DedupConfig(window_days=dedup_window, min_similarity=dedup_similarity)
        if (why := coder_problem(coder)) is not None:
            self.fail(f"--coder: {why}")
        config = PipelineConfig(coder=coder)
        if engine not in ("local", "dask"):
            self.fail(f"--engine {engine!r}: use local or dask")
        existed = db.exists()
        try:
            if engine == "dask":
                self._ingest_dask(paths, db, staging or db.with_name(db.name + ".staging"), date, scheduler, workers,
                                  partition_size, dedup, rebuild_dedup, keep_staging, staging is not None,
                                  config)  # fmt: skip
            else:
                self._ingest_local(paths, db, date, workers, batch_size, dedup, rebuild_dedup, config)
        finally:
            if not existed and _remove_if_empty(db):
                self.err.print(f"{escape(str(db))} removed: no document could be stored in it")

    def _ingest_local(self, paths: list[Path], db: Path, date: str | None, workers: int, batch_size: int,
                      dedup: Any, rebuild: bool, config: PipelineConfig) -> None:  # fmt: skip
        from hadath.inputs import estimate_documents, read_paths
        from hadath.store.ingest import Ingester

        store = self._open_store(db, read_only=False)
        total = estimate_documents(paths)
        with Progress(
            TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=self.err,
            disable=not self.err.is_terminal or not paths, transient=True,
        ) as progress:  # fmt: skip
            task = progress.add_task("ingest", total=total, rate="-")

            def advance(n: int) -> None:
                progress.advance(task, n)
                elapsed = progress.tasks[0].elapsed or 0.0
                if elapsed > 0.5:
                    progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:.0f}")

            ingester = Ingester(
                store, config, workers, batch_size, dedup=None,
                on_problem=lambda p: self.report("skipped" if p.lost else "warning", str(p)), on_progress=advance,
            )  # fmt: skip
            try:
                summary = ingester.run(read_paths(paths, date=date))
            except KeyboardInterrupt:
                s = ingester.summary
                store.close()
                self.err.print(f"interrupted: {s.stored} document(s) stored in this run; run the same command again "
                               "to complete the ingest")  # fmt: skip
                raise typer.Exit(130) from None
            except HadathError as exc:
                store.close()
                self.fail(str(exc))
        if dedup is not None:
            try:
                summary.dedup = store.deduplicate(dedup, rebuild=rebuild)
            except KeyboardInterrupt:
                store.close()
                self.err.print("interrupted during deduplication; run the command again to finish it")
                raise typer.Exit(130) from None
        counts = store.counts()
        store.close()
        s = summary
        line = (f"{s.stored} document(s) stored ({s.replaced} replaced), {s.events} event report(s); "
                f"{s.unchanged} unchanged, {s.duplicates} duplicate(s) in the input, {s.skipped} skipped "
                f"in {s.seconds:.1f} s")  # fmt: skip
        self.err.print(escape(line))
        self._store_summary(db, s.dedup, counts)
        if s.skipped:
            raise typer.Exit(2)

    def _ingest_dask(self, paths: list[Path], db: Path, staging: Path, date: str | None, scheduler: str | None,
                     workers: int, partition_size: int, dedup: Any, rebuild: bool, keep: bool,
                     staging_given: bool, config: PipelineConfig) -> None:  # fmt: skip
        import shutil

        from hadath.store.distributed import ingest_dask

        store = self._open_store(db, read_only=False)
        with Progress(
            TextColumn("[bold]ingest (dask)"), BarColumn(), MofNCompleteColumn(), TextColumn("partitions"),
            TimeElapsedColumn(), console=self.err, disable=not self.err.is_terminal, transient=True,
        ) as progress:  # fmt: skip
            task = progress.add_task("ingest", total=None)
            try:
                summary = ingest_dask(
                    paths, store, staging, config=config, date=date, scheduler=scheduler, workers=workers,
                    docs_per_partition=partition_size, dedup=None,
                    on_partition=lambda r: progress.advance(task),
                )  # fmt: skip
                if dedup is not None:
                    summary.dedup = store.deduplicate(dedup, rebuild=rebuild)
            except KeyboardInterrupt:
                store.close()
                self.err.print("interrupted: the shards written and loaded so far are kept; run the same command "
                               "again to complete the ingest")  # fmt: skip
                raise typer.Exit(130) from None
            except HadathError as exc:
                store.close()
                self.fail(str(exc))
        counts = store.counts()
        store.close()
        for p in summary.problems:
            self.report("skipped" if p.lost else "warning", str(p))
        for name, attempts in summary.retried.items():
            self.err.print(f"partition {name} was retried ({attempts} attempts; a worker was lost); written once")
        self.err.print(
            f"{summary.partitions} partition(s): {summary.extracted} extracted, {summary.reused} reused from "
            f"{escape(str(staging))}; {summary.loaded} shard(s) loaded ({summary.already_loaded} loaded before): "
            f"{summary.documents} document(s) stored, {summary.unchanged} unchanged, {summary.skipped} skipped"
        )
        self._store_summary(db, summary.dedup, counts)
        if not keep and not staging_given:
            shutil.rmtree(staging, ignore_errors=True)
        if summary.skipped:
            raise typer.Exit(2)

    # ---- query ----------------------------------------------------------------------------------------------

    def query(
        self,
        db: Annotated[Path | None, typer.Option("--db", help="The store (a DuckDB file).")] = None,
        parquet: Annotated[
            Path | None, typer.Option("--parquet", help="Query Parquet shards (hadath extract --engine dask).")
        ] = None,
        country: CountryOpt = None,
        source_country: SourceCountryOpt = None,
        target_country: TargetCountryOpt = None,
        sector: SectorOpt = None,
        type_: TypeOpt = None,
        mode: ModeOpt = None,
        since: SinceOpt = None,
        until: UntilOpt = None,
        location: LocationOpt = None,
        topic: TopicOpt = None,
        text: TextOpt = None,
        limit: Annotated[
            int,
            typer.Option("--limit", min=0, help="Most events to print (at most 10000; 'export' writes all)."),
        ] = 20,
        offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many events first.")] = 0,
        fmt: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
        reports: ReportsOpt = False,
        explain_dedup: Annotated[
            str | None, typer.Option("--explain-dedup", help="Show the reports of this event and why they merged.")
        ] = None,
    ) -> None:
        """Events of a store, newest first, filtered; lists accept repeated options or commas (--type A,B)."""
        from hadath.store.query import MAX_LIMIT, query_events

        if fmt not in ("table", "jsonl", "csv"):
            self.fail(f"--format {fmt!r}: use table, jsonl or csv")
        lists = {"country": country, "source_country": source_country, "target_country": target_country,
                 "sector": sector, "type": type_, "mode": mode, "topic": topic}  # fmt: skip
        f = self._filters(lists, since, until, location, text)
        if (db is None) == (parquet is None):
            self.fail("give the store with --db FILE, or a folder of Parquet shards with --parquet DIR")
        if parquet is not None:
            from hadath.store.store import Store

            try:
                store = Store.over_parquet(parquet)
            except HadathError as exc:
                self.fail(str(exc))
        else:
            assert db is not None
            store = self._open_store(db)
        try:
            if explain_dedup is not None:
                _explain(store, explain_dedup, self.fail)
                return
            events = query_events(store, f, limit=min(limit, MAX_LIMIT), offset=offset, reports=reports)
        finally:
            store.close()
        _print_events(events, fmt)

    # ---- stats ----------------------------------------------------------------------------------------------

    def stats(
        self,
        db: DbOption,
        as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
        top: Annotated[int, typer.Option("--top", min=1, help="Dyads to list.")] = 20,
    ) -> None:
        """Counts of deduplicated events by type, by dyad and by month."""
        from hadath.store.query import stats as compute

        store = self._open_store(db)
        try:
            result = compute(store, top=top)
        finally:
            store.close()
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
            return
        console = Console()
        c = result["counts"]
        console.print(f"{c['documents']} documents, {c['reports']} event reports, {c['events']} deduplicated events")
        for title, key, cols in (
            ("by type", "by_type", ("type", "events")),
            ("by dyad", "by_dyad", ("dyad", "events", "mean_goldstein")),
            ("by month", "by_month", ("month", "events", "cooperation", "conflict")),
        ):
            table = Table(title=title)
            for col in cols:
                table.add_column(col, justify="left" if col in ("type", "dyad", "month") else "right")
            for row in result[key]:
                table.add_row(*(str(row[col]) for col in cols))
            console.print(table)

    # ---- export ---------------------------------------------------------------------------------------------

    def export(
        self,
        db: DbOption,
        fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, plover or phoenix.")],
        output: Annotated[Path, typer.Option("--output", "-o", help="The file to write ('-': standard output).")],
        country: CountryOpt = None,
        source_country: SourceCountryOpt = None,
        target_country: TargetCountryOpt = None,
        sector: SectorOpt = None,
        type_: TypeOpt = None,
        mode: ModeOpt = None,
        since: SinceOpt = None,
        until: UntilOpt = None,
        location: LocationOpt = None,
        topic: TopicOpt = None,
        text: TextOpt = None,
        reports: ReportsOpt = False,
        excel: Annotated[
            bool, typer.Option("--excel", help="CSV: a byte order mark and CRLF, so Excel reads the Arabic as UTF-8.")
        ] = False,
        header: Annotated[
            bool, typer.Option("--header", help="Phoenix: a header row (the Phoenix daily files have none).")
        ] = False,
    ) -> None:
        """Write a store's events (all, or those the filters select), oldest first, for other tools: contract JSON
        Lines, flat CSV or Parquet, PLOVER JSON Lines, or Phoenix TSV (see the README for each layout)."""
        from hadath.store.export import FORMATS
        from hadath.store.export import export as run

        if fmt not in FORMATS:
            self.fail(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
        to_stdout = str(output) == "-"
        if not to_stdout and output.exists() and output.resolve() == db.resolve():
            self.fail("--output is the store itself; write the export to another file")
        lists = {"country": country, "source_country": source_country, "target_country": target_country,
                 "sector": sector, "type": type_, "mode": mode, "topic": topic}  # fmt: skip
        f = self._filters(lists, since, until, location, text)
        store = self._open_store(db)
        try:
            summary = run(store, fmt, sys.stdout.buffer if to_stdout else output, f, reports=reports, excel=excel,
                          header=header)  # fmt: skip
            if to_stdout:
                sys.stdout.buffer.flush()
        except BrokenPipeError:  # the reader of standard output stopped reading (| head): nothing more to say
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except HadathError as exc:
            self.fail(str(exc))
        finally:
            store.close()
        for note in summary.notes:
            self.report("warning", note)
        where = "standard output" if to_stdout else str(output)
        self.err.print(f"{summary.written} event(s) written to {escape(where)} ({fmt})")


def _remove_if_empty(db: Path) -> bool:
    """Remove a store this command created when it holds no document (nothing was read, or nothing was good)."""
    import duckdb

    if not db.exists():
        return False
    try:
        con = duckdb.connect(str(db), read_only=True)
        try:
            row = con.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            con.close()
    except duckdb.Error:
        return False  # not ours to judge (locked, or not a store): leave it
    if row is None or row[0] != 0:
        return False
    db.unlink()
    db.with_name(db.name + ".wal").unlink(missing_ok=True)
    return True


def _print_events(events: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "jsonl":
        for ev in events:
            sys.stdout.write(json.dumps(ev, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(_ROW_COLUMNS)
        writer.writerows(_row(ev) for ev in events)
    else:
        table = Table(title=f"{len(events)} event(s)")
        for col in _ROW_COLUMNS:
            table.add_column(col)
        for ev in events:
            table.add_row(*(escape(str(v)) for v in _row(ev)))
        console = Console()
        Console(width=200 if not console.is_terminal else None).print(table)


_ROW_COLUMNS = ("id", "date", "type", "mode", "cameo", "source", "target", "location", "mentions", "sources",
                "trigger")  # fmt: skip


def _label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return f"{actor['country'] or actor['org'] or '---'}/{actor['sector'] or 'UNK'} {actor['name'] or actor['text']}"


def _row(ev: dict[str, Any]) -> list[Any]:
    loc = ev["location"]["country"] if ev["location"] else "-"
    return [
        ev["id"], ev["date"] or "-", ev["type"], ev["mode"] or "-", ev["cameo"], _label(ev["source"]),
        _label(ev["target"]), loc, ev["mentions"], ev["sources"], ev["trigger"]["text"],
    ]  # fmt: skip


def _explain(store: Any, event_id: str, fail: Callable[[str], NoReturn]) -> None:
    from hadath.store.dedup import explain
    from hadath.store.query import reports_of

    rows = reports_of(store, event_id)
    if not rows:
        fail(f"no event {event_id!r} in the store; ids look like DOC_ID:N (see 'hadath query')")
    lines = explain(
        [(r["event_id"], r["doc_id"], r["outlet"] or "unknown outlet", r["joined_with"], r["similarity"],
          r["day_gap"]) for r in rows],
        store.dedup_config(),
    )  # fmt: skip
    for line in lines:
        typer.echo(line)
