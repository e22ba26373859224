"""``hadath corrections``: the analysts' corrections of a store as ANNOTATION.md training records (a thin shell over
:mod:`hadath.store.corrections`). Corrections are made in the dashboard or with ``POST /v1/corrections``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from hadath.errors import HadathError


def register(app: typer.Typer, err: Console, fail: Callable[[str], NoReturn]) -> None:
    """Add the ``corrections`` command to the CLI ``app``."""

    @app.command()
    def corrections(
        db: Annotated[Path, typer.Option("--db", help="The store: a DuckDB file (created by 'hadath ingest').")],
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="The JSON Lines file to write ('-' or none: stdout).")
        ] = None,
    ) -> None:
        """Write the analysts' corrections in force as training records in the format of ANNOTATION.md: one JSON
        object a line per corrected document, {"id", "events", "annotator", "partial": true}, with offsets into the
        stored text (only the corrected events of a document are listed; one marked wrong has status
        'nonpolitical')."""
        from hadath.store.corrections import annotation_records
        from hadath.store.store import Store

        try:
            with Store(db, read_only=True) as store:
                records = list(annotation_records(store))
        except HadathError as exc:
            fail(str(exc))
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if output is None or str(output) == "-":
            sys.stdout.write(lines)
        else:
            try:
                output.write_text(lines, encoding="utf-8")
            except OSError as exc:
                fail(f"{output}: cannot write: {exc.strerror}")
        events = sum(len(r["events"]) for r in records)
        err.print(f"{events} corrected event(s) in {len(records)} document(s)")
