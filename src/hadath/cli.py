"""The ``hadath`` command line: a thin shell over the library (Typer + Rich)."""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from hadath import __version__
from hadath.cli_corrections import register as register_corrections_command
from hadath.cli_ner import register as register_ner_commands
from hadath.cli_serve import register as register_serve_command
from hadath.cli_store import register as register_store_commands
from hadath.config import PipelineConfig
from hadath.errors import HadathError
from hadath.inputs import InputDocument, Item, Problem, read_paths, read_stream
from hadath.pipeline import Pipeline, coder_problem, parse_date

T = TypeVar("T")

app = typer.Typer(
    name="hadath",
    help="hadath (حدث): Arabic news text to political event records (PLOVER/CAMEO) with exact spans.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)

#: The numerical libraries' thread-pool sizes, set to one thread per process unless the environment sets them:
#: ``--workers N`` is the parallelism, and the models hadath runs are too small to gain from more threads.
ONE_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")

#: Show a progress bar from this many documents on (when stderr is a terminal).
PROGRESS_THRESHOLD = 100


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hadath {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log what the stages do.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    for variable in ONE_THREAD_VARIABLES:  # set before any numerical library starts its thread pool
        os.environ.setdefault(variable, "1")


# Worker processes build their pipeline once (lexicons loaded once per process).
_WORKER: dict[str, Pipeline] = {}


def _init_worker(config: PipelineConfig) -> None:
    _WORKER["pipeline"] = Pipeline(config)


def _extract_one(doc: InputDocument) -> tuple[str, dict[str, Any] | None, str | None]:
    pipeline = _WORKER["pipeline"]
    try:
        record = pipeline.extract(doc.text, date=doc.date, doc_id=doc.doc_id, source=doc.source)
    except HadathError as exc:
        return doc.origin, None, str(exc)
    except Exception as exc:  # a bug in hadath: report it for this document and go on with the others
        logging.getLogger(__name__).debug("internal error on %s", doc.origin, exc_info=True)
        return doc.origin, None, f"internal error ({type(exc).__name__}: {exc}); please report it with this document"
    out = record.to_dict(include_status=pipeline.config.include_nonfactual)
    if pipeline.config.explain:
        # the learned components' reading of every mention: trigger, type, status, source and target spans
        out["explain"] = list(getattr(pipeline.events_stage, "last_explanation", []))
    return doc.origin, out, None


def _results(
    docs: list[InputDocument], config: PipelineConfig, workers: int
) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    if workers <= 1 or len(docs) < 2:
        yield from map(_extract_one, docs)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(config,)) as pool:
        yield from pool.imap(_extract_one, docs, chunksize=max(1, min(32, len(docs) // (workers * 4))))


@app.command()
def extract(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files or folders: .txt (one document each), .jsonl / .jsonl.gz (one per line). "
            "None or '-' reads stdin."
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that carry none."),
    ] = None,
    doc_id: Annotated[str | None, typer.Option("--id", help="Document id (single .txt or stdin input).")] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write JSON Lines here (default: stdout).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Parallel processes.")] = 1,
    pretty: Annotated[bool, typer.Option("--pretty", help="Print a readable table of events instead of JSON.")] = False,
    include_nonfactual: Annotated[
        bool,
        typer.Option(
            "--include-nonfactual",
            help="Also emit negated, planned, hypothetical, background and reference events, with 'status'.",
        ),
    ] = False,
    ner: Annotated[
        bool,
        typer.Option(
            "--ner/--no-ner",
            help="Let the NER tagger find persons the lexicons do not know (about 1.3x extraction time).",
        ),
    ] = False,
    romanize: Annotated[
        bool,
        typer.Option(
            "--romanize/--no-romanize", help="Spell unknown persons' names in Latin (name_source: romanized)."
        ),
    ] = True,
    engine: Annotated[
        str, typer.Option("--engine", help="local, or dask: write Parquet shards into the folder -o names.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address; default: a local cluster.")
    ] = None,
    partition_size: Annotated[
        int, typer.Option("--partition-size", min=1, help="Dask: documents (lines) per partition.")
    ] = 1000,
    coder: Annotated[
        str,
        typer.Option(
            "--coder",
            help="Event coder: rules (default), learned (models trained on annotated real news, the rules first "
            "where they fire) or learned-news (the models everywhere, for newspaper text); see the README.",
        ),
    ] = "rules",
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="With --coder learned: add 'explain' to each record, every mention the components read (trigger, "
            "type, status with its probability, source and target spans).",
        ),
    ] = False,
) -> None:
    """Extract events from Arabic news documents; one JSON line (the event record) per document."""
    if (why := coder_problem(coder)) is not None:
        _fail(f"--coder: {why}")
    if explain and not coder.startswith("learned"):
        _fail("--explain shows the learned components' reading: add --coder learned")
    config = PipelineConfig(
        include_nonfactual=include_nonfactual, ner=ner, romanize=romanize, coder=coder, explain=explain
    )
    if engine not in ("local", "dask"):
        _fail(f"--engine {engine!r}: use local or dask")
    if engine == "dask":
        _extract_dask(paths or [], output, config, date, scheduler, workers, partition_size)
        return
    if date is not None:
        try:
            parse_date(date, "--date")
        except HadathError as exc:
            _fail(str(exc))
    items: list[Item]
    if output is not None and paths and any(_same_file(output, p) for p in paths if p != Path("-")):
        _fail(f"--output {output} is one of the inputs; write the records to another file")
    if not paths and sys.stdin.isatty():
        _fail(
            "no input: give files or folders, or pipe a document or JSON Lines into stdin (see hadath extract --help)"
        )
    if not paths or paths == [Path("-")]:
        items = list(read_stream(sys.stdin.buffer, date=date, doc_id=doc_id, max_chars=config.max_chars))
    else:
        items = list(read_paths(paths, date=date, doc_id=doc_id, max_chars=config.max_chars))
    problems = [i for i in items if isinstance(i, Problem)]
    docs = [i for i in items if isinstance(i, InputDocument)]
    for p in problems:
        _report("skipped" if p.lost else "warning", str(p))
    try:
        _init_worker(config)  # fails early on a broken lexicon; reused when running in this process
    except HadathError as exc:
        _fail(str(exc))
    try:
        handle = output.open("w", encoding="utf-8") if output is not None else None
    except OSError as exc:
        _fail(f"cannot write {output}: {exc.strerror}; check the folder exists and is writable")
    out: TextIO = handle if handle is not None else sys.stdout
    skipped = sum(p.lost for p in problems)
    records: list[dict[str, Any]] = []
    show_progress = err.is_terminal and len(docs) > PROGRESS_THRESHOLD
    try:
        processed = _write_records(docs, config, workers, pretty, out, handle, records, show_progress)
    except OSError as exc:
        _fail(f"cannot write the output: {exc.strerror}")
    skipped += len(docs) - processed
    sys.stdout.flush()
    if docs or problems:
        summary = f"{processed} document(s) processed"
        if pretty:
            summary += f", {sum(len(r['events']) for r in records)} event(s)"
        if skipped:
            summary += f", {skipped} skipped (see above)"
        err.print(escape(summary))
    if skipped:
        raise typer.Exit(2)


def _write_records(
    docs: list[InputDocument],
    config: PipelineConfig,
    workers: int,
    pretty: bool,
    out: TextIO,
    handle: TextIO | None,
    records: list[dict[str, Any]],
    show_progress: bool,
) -> int:
    """Extract and write every document (JSON lines, or the table at the end); return how many were processed."""
    written = 0
    try:
        with Progress(
            TextColumn("[bold]extract"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"),
            TimeRemainingColumn(), console=err, disable=not show_progress, transient=True,
        ) as progress:  # fmt: skip
            task = progress.add_task("extract", total=len(docs), rate="-")
            for origin, record, error in _results(docs, config, workers):
                progress.advance(task)
                elapsed = progress.tasks[0].elapsed or 0.0
                if elapsed:
                    progress.update(task, rate=f"{progress.tasks[0].completed / elapsed:.0f}")
                if record is None:
                    _report("skipped", f"{origin}: {error}")
                    continue
                written += 1
                if pretty:
                    records.append(record)
                else:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if pretty:
            _print_table(records, Console(file=out, width=200 if handle is not None or not out.isatty() else None),
                         config.include_nonfactual)  # fmt: skip
    finally:
        if handle is not None:
            handle.close()
    return written


def _extract_dask(paths: list[Path], output: Path | None, config: PipelineConfig, date: str | None,
                  scheduler: str | None, workers: int, partition_size: int) -> None:  # fmt: skip
    """``extract --engine dask``: Parquet shards (one folder per partition) for a data lake, no store."""
    from hadath.store.distributed import extract_shards

    if output is None or not paths or paths == [Path("-")]:
        _fail("--engine dask reads files (not stdin) and writes Parquet shards into the folder given by -o DIR")
    if output.exists() and not output.is_dir():
        _fail(f"-o {output} is a file; --engine dask writes a folder of Parquet shards")
    try:
        partitions, _, summary = extract_shards(paths, output, config, date, scheduler, max(workers, 1),
                                                partition_size)  # fmt: skip
    except HadathError as exc:
        _fail(str(exc))
    for p in summary.problems:
        _report("skipped" if p.lost else "warning", str(p))
    for name, attempts in summary.retried.items():
        err.print(f"partition {name} was retried ({attempts} attempts; a worker was lost); written once")
    err.print(escape(f"{len(partitions)} partition(s) in {output}: {summary.extracted} extracted, {summary.reused} "
                     f"already there; query them with 'hadath query --parquet {output}'"))  # fmt: skip
    if summary.skipped:
        raise typer.Exit(2)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.resolve() == b.resolve()
    except OSError:
        return False


def _report(kind: str, message: str) -> None:
    """A line on stderr about one input: ``skipped`` (lost) or ``warning`` (read anyway)."""
    err.print(f"[yellow]{kind}[/yellow] {escape(message)}")


def _fail(message: str) -> NoReturn:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(1)


def _actor_label(actor: dict[str, Any] | None) -> str:
    if actor is None:
        return "-"
    code = f"{actor['country'] or actor['org'] or '---'}/{actor['sector'] or 'UNK'}"
    who = actor["name"] or actor["text"]
    role = f", {actor['role']}" if actor.get("role") else ""
    return f"{code}  {who}{role}"


def _print_table(records: list[dict[str, Any]], console: Console, with_status: bool = False) -> None:
    table = Table(title="hadath events", show_lines=False)
    columns = ["doc", "type", "mode", "cameo", "source", "target", "location", "trigger"]
    for col in [*columns, "status"] if with_status else columns:
        table.add_column(col)
    for rec in records:
        for ev in rec["events"]:
            loc = ev["location"]["country"] if ev["location"] else "-"
            row = [
                rec["doc_id"], ev["type"], ev["mode"] or "-", ev["cameo"], _actor_label(ev["source"]),
                _actor_label(ev["target"]), loc, ev["trigger"]["text"],
            ]  # fmt: skip
            table.add_row(*row, *([ev.get("status", "factual")] if with_status else []))
    console.print(table)


eval_app = typer.Typer(help="Measure hadath on annotated data (see the README for the formats).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _scored(compute: Callable[[], T]) -> T:
    """Run a scoring function; a bad input file ends the command with its message, not a traceback."""
    try:
        return compute()
    except HadathError as exc:
        _fail(str(exc))


def _prf_row(table: Table, name: str, prf: dict[str, Any]) -> None:
    table.add_row(
        name, f"{prf['precision']:.3f}", f"{prf['recall']:.3f}", f"{prf['f1']:.3f}", str(prf["tp"]), str(prf["fp"]),
        str(prf["fn"]),
    )  # fmt: skip


def _prf_table(title: str) -> Table:
    table = Table(title=title)
    for col in ("", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="right" if col else "left")
    return table


@eval_app.command("corpus")
def eval_corpus(
    annotations: Annotated[
        list[Path], typer.Argument(help="Annotation JSONL files (ANNOTATION.md's record: id, offsets, no text).")
    ],
    corpus: Annotated[
        Path, typer.Option("--corpus", help="The corpus JSONL (.gz too) whose ids the annotations name.")
    ] = Path("../shared/data/saudinewsnet/saudinewsnet.jsonl.gz"),
    split: Annotated[
        str | None, typer.Option("--split", help="Score only this split: train, dev or test (by document id).")
    ] = None,
    coder: Annotated[str, typer.Option("--coder", help="rules, learned or learned-news.")] = "learned",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the event coder on annotated real news: events (strict, country) and, for the learned coder, each
    component (trigger detection, factuality, source and target)."""
    from hadath.coding.annotations import SPLITS, iter_split, read_annotations, read_corpus
    from hadath.coding.evaluate import score_corpus

    if split is not None and split not in SPLITS:
        _fail(f"--split {split!r}: use one of {', '.join(SPLITS)}")
    if (why := coder_problem(coder)) is not None:
        _fail(f"--coder: {why}")
    for path in [*annotations, corpus]:
        if not path.is_file():
            _fail(f"{path}: no such file")
    wanted: set[str] = set()
    for path in annotations:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                with contextlib.suppress(ValueError, KeyError, TypeError):  # read_annotations names the line
                    wanted.add(str(json.loads(line)["id"]))
    docs = _scored(lambda: list(iter_split(read_annotations(annotations, read_corpus(corpus, wanted)), split)))
    pipeline = Pipeline(PipelineConfig(coder=coder, include_nonfactual=True))
    with Progress(TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), console=err, transient=True) as bar:
        task = bar.add_task("", total=len(docs))
        scores = _scored(lambda: score_corpus(pipeline, docs, lambda: bar.advance(task)))
    result = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    console = Console()
    table = _prf_table(f"events on {result['events']['documents']} documents ({coder} coder)")
    _prf_row(table, "strict", result["events"]["strict"])
    _prf_row(table, "country", result["events"]["country"])
    if coder != "rules":
        _prf_row(table, "triggers", result["triggers"])
    console.print(table)
    if coder != "rules":
        fa, ar = result["factuality"], result["arguments"]
        console.print(
            f"factuality on {fa['mentions']} detected mentions: reported-or-not {fa['reported_or_not_accuracy']}, "
            f"status {fa['status_accuracy']}; arguments on {ar['events']} detected reported events: source "
            f"{ar['source_accuracy']}, target {ar['target_accuracy']}"
        )


@eval_app.command("events")
def eval_events(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSONL: id, text, date, events [{type, mode, source, target ...}].")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[int, typer.Option("--errors", help="List this many missed/spurious events.")] = 0,
) -> None:
    """Event-level precision, recall and F1, overall and per type, strict (country+sector) and country-level."""
    from hadath.evaluation import load_gold, score_events

    scores = _scored(lambda: score_events(Pipeline(), list(load_gold(gold))))
    result = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        console = Console()
        for level in ("strict", "country"):
            table = _prf_table(f"events ({level}) on {scores.documents} documents")
            _prf_row(table, "overall", result["overall"][level])
            for etype, by_level in result["by_type"].items():
                _prf_row(table, etype, by_level[level])
            console.print(table)
        if result["mode_accuracy"] is not None:
            console.print(f"mode accuracy on matched events: {result['mode_accuracy']:.3f}")
        if result["location_accuracy"] is not None:
            line = f"location accuracy on matched events (country): {result['location_accuracy']:.3f}"
            line += f" ({result['location_events']} events)"
            if result["place_accuracy"] is not None:
                line += f", place: {result['place_accuracy']:.3f} ({result['place_events']} events)"
            console.print(line)
    for row in scores.errors[:show_errors]:
        err.print(escape(f"{row['id']}: {row['event']}  missed={row['missed']} spurious={row['spurious']}"))


@eval_app.command("detection")
def eval_detection(
    csv_path: Annotated[Path, typer.Argument(help="Sentence CSV of the arabic_event_gsr format (label, text).")],
    event_type: Annotated[str, typer.Option("--type", help="PLOVER type to detect, e.g. PROTEST.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        int, typer.Option("--errors", help="List this many misclassified sentences, with the triggers read.")
    ] = 0,
    coder: Annotated[str, typer.Option("--coder", help="rules (default), learned or learned-news.")] = "rules",
) -> None:
    """Sentence-level detection: positive = label yes, negative = easy no + difficult no, ambiguous left out."""
    from hadath.evaluation import load_detection_rows, score_detection
    from hadath.ontology import EVENT_TYPES

    etype = event_type.upper()
    if etype not in EVENT_TYPES:
        _fail(f"--type {event_type!r} is not a PLOVER type ({', '.join(sorted(EVENT_TYPES))})")
    # with --errors, non-factual mentions are kept (and not counted) to show why a sentence was not coded
    if (why := coder_problem(coder)) is not None:
        _fail(f"--coder: {why}")
    pipeline = Pipeline(PipelineConfig(include_nonfactual=show_errors > 0, coder=coder))
    scores = _scored(lambda: score_detection(pipeline, load_detection_rows(csv_path), etype))
    result = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        table = _prf_table(f"{etype} detection ({scores.prf.tp + scores.prf.fn} positive sentences)")
        _prf_row(table, etype, result)
        Console().print(table)
        Console().print(f"true negatives {scores.tn}, ambiguous left out {scores.left_out}")
    for row in scores.errors[:show_errors]:
        why = ", ".join(row["triggers"]) or "no trigger"
        err.print(escape(f"line {row['line']} [{row['label']}] {row['error']} ({why}): {row['text']}"))


@eval_app.command("arguments")
def eval_arguments(
    spans_path: Annotated[
        Path, typer.Argument(help="Span file of the arabic_event_gsr format (a JSON list: text, spans ...).")
    ],
    event_type: Annotated[str, typer.Option("--type", help="PLOVER type the file annotates, e.g. ASSAULT.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_errors: Annotated[
        int, typer.Option("--errors", help="List this many sentences where hadath's arguments disagree.")
    ] = 0,
) -> None:
    """Source and target codes (country, sector) of hadath's event against the annotators' majority codes."""
    from hadath.evaluation import ARGUMENT_FIELDS, load_argument_sentences, score_arguments
    from hadath.ontology import EVENT_TYPES

    etype = event_type.upper()
    if etype not in EVENT_TYPES:
        _fail(f"--type {event_type!r} is not a PLOVER type ({', '.join(sorted(EVENT_TYPES))})")
    sentences = _scored(lambda: load_argument_sentences(spans_path))  # the whole file is checked before scoring
    scores = _scored(lambda: score_arguments(Pipeline(), sentences, etype))
    result = scores.as_dict()
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        console = Console()
        table = Table(title=f"{etype} arguments: {scores.sentences} sentences, {scores.with_event} with a hadath event")
        for col in ("field", "scored", "correct", "accuracy"):
            table.add_column(col, justify="right" if col != "field" else "left")
        for name in ARGUMENT_FIELDS:
            row = result["fields"][name]
            accuracy = "-" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
            table.add_row(name.replace("_", " "), str(row["scored"]), str(row["correct"]), accuracy)
        console.print(table)
        found = result["source_found"]
        rate = "-" if found["rate"] is None else f"{found['rate']:.3f}"
        console.print(f"source found (gold names one): {found['found']}/{found['named']} = {rate}")
        for kind, codes in result["gold_codes_without_equivalent"].items():
            if codes:
                console.print(escape(f"gold {kind} codes hadath has no equivalent for (misses): {', '.join(codes)}"))
        for code, reading in result["gold_sectors_read_as"].items():
            console.print(escape(f"gold sector {code} read as hadath's {reading['as']} ({reading['times']} time(s))"))
        if scores.other_type:
            console.print(f"{scores.other_type} item(s) annotated for another event type left out")
    for row in scores.errors[:show_errors]:
        err.print(escape(_argument_error(row, etype)))


def _argument_error(row: dict[str, Any], etype: str) -> str:
    """One line of ``eval arguments --errors``: the sentence's start, then gold against hadath."""
    words = row["text"].split()
    start = " ".join(words[:8]) + (" ..." if len(words) > 8 else "")
    if row["event"] is None:
        gold = ", ".join(f"{name} {code}" for name, code in row["gold"].items()) or "no majority code"
        return f"items[{row['item']}] {start}: no {etype} event (gold: {gold})"
    wrong = ", ".join(f"{w['field']} {w['gold']} != {w['hadath'] or '-'}" for w in row["wrong"])
    return f"items[{row['item']}] {start} [{row['event']}]: {wrong} (gold != hadath)"


register_store_commands(app, err, _fail, _report)
register_ner_commands(app, eval_app, err, _fail)
register_serve_command(app, err, _fail)
register_corrections_command(app, err, _fail)


def main() -> None:
    """Entry point of the ``hadath`` script. Exit codes: 0 all processed, 2 some input skipped, 1 an unusable
    invocation (a wrong option or argument, an unreadable lexicon, an output that cannot be written)."""
    try:
        code = app(standalone_mode=False)
    except Exception as exc:  # the CLI framework's usage errors carry `show` and `exit_code`
        show, exit_code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if not callable(show) or exit_code is None:
            raise
        show()
        sys.exit(0 if type(exc).__name__ == "NoArgsIsHelpError" else 1)
    except HadathError as exc:  # a lexicon or model that cannot be read, wherever a command meets it
        err.print(f"error: {exc}", markup=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
