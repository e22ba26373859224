"""The NER commands of the ``hadath`` CLI: ``hadath ner`` and ``hadath eval ner`` (a thin shell over hadath.ner)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, NoReturn, TextIO

import typer
from rich.console import Console
from rich.table import Table

from hadath.errors import HadathError

CONLL_HELP = "CoNLL input: 'token TAG' per line (TAG may be missing), blank line between sentences."
SCORED_HELP = (
    "'token gold predicted' lines (the output of 'hadath ner'), or 'token TAG' lines to tag with the model first."
)
ModelOpt = Annotated[
    Path | None, typer.Option("--model", help="A .crfsuite model (default: the packaged ANERcorp model).")
]


def register(app: typer.Typer, eval_app: typer.Typer, err: Console, fail: Callable[[str], NoReturn]) -> None:
    """Add ``ner`` to the CLI ``app`` and ``ner`` to its ``eval`` group."""

    @app.command("ner")
    def ner(
        conll: Annotated[Path | None, typer.Option("--conll", help=CONLL_HELP)] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write the tagged file here (default: stdout).")
        ] = None,
        model: ModelOpt = None,
    ) -> None:
        """Tag named entities (PERS, LOC, ORG, MISC); write 'token<TAB>gold<TAB>predicted' lines (conlleval)."""
        from hadath.ner.conll import read_conll, write_scored
        from hadath.ner.model import NerTagger

        if conll is None:
            fail("give the tokens to tag with --conll FILE ('token TAG' or 'token' per line)")
        if output is not None and output.exists() and output.resolve() == conll.resolve():
            fail(f"--output {output} is the input file; write the tagged tokens to another file")
        tagger = NerTagger(model)
        try:
            sentences = read_conll(conll)
            predicted = tagger.tag_many([s.words for s in sentences])
        except HadathError as exc:
            fail(str(exc))
        rows = ((s.words, s.gold, p) for s, p in zip(sentences, predicted, strict=True))
        try:
            handle = output.open("w", encoding="utf-8") if output is not None else None
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror}; check the folder exists and is writable")
        out: TextIO = handle if handle is not None else sys.stdout
        try:
            count = write_scored(rows, out)
        except OSError as exc:
            fail(f"cannot write the output: {exc.strerror}")
        finally:
            if handle is not None:
                handle.close()
        untagged = sum(not s.has_gold for s in sentences)
        note = f" ({untagged} without gold tags, written as O)" if untagged else ""
        err.print(f"{count} sentence(s), {sum(len(s.tokens) for s in sentences)} token(s) tagged{note}")

    @eval_app.command("ner")
    def eval_ner(
        path: Annotated[Path, typer.Argument(help=SCORED_HELP)],
        as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
        model: ModelOpt = None,
    ) -> None:
        """Entity-level precision, recall and F1 (exact match, conlleval), per type and overall."""
        from hadath.ner.conll import is_scored, read_conll
        from hadath.ner.model import NerTagger
        from hadath.ner.scoring import score

        try:
            if is_scored(path):
                sentences = read_conll(path, scored=True)
                scores = score((s.gold, s.predicted) for s in sentences)
                source = "predicted column"
            else:
                tagger = NerTagger(model)
                sentences = read_conll(path)
                predicted = tagger.tag_many([s.words for s in sentences])
                scores = score((s.gold, p) for s, p in zip(sentences, predicted, strict=True))
                source = f"model {tagger.model_path.name}"
        except HadathError as exc:
            fail(str(exc))
        result = scores.as_dict()
        if as_json:
            typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
            return
        table = Table(title=f"entities (exact match) in {path.name}, {source}: {scores.sentences} sentences, "
                      f"{scores.tokens} tokens")  # fmt: skip
        for col in ("", "precision", "recall", "F1", "tp", "fp", "fn"):
            table.add_column(col, justify="right" if col else "left")
        for name, prf in [*result["by_type"].items(), ("overall", result["overall"])]:
            table.add_row(
                name, f"{prf['precision']:.4f}", f"{prf['recall']:.4f}", f"{prf['f1']:.4f}", str(prf["tp"]),
                str(prf["fp"]), str(prf["fn"]),
            )  # fmt: skip
        console = Console()
        console.print(table)
        console.print(f"token accuracy {scores.accuracy:.4f}")
