"""``hadath ner --conll`` and ``hadath eval ner`` as a user runs them, on tiny CoNLL files written here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from hadath.cli import app

runner = CliRunner()

TOKENS = """-DOCSTART- -X- -X- -X- O

قال O
وزير O
الخارجية O
أيمن B-PERS
الصفدي I-PERS
إن O
الأردن B-LOC
يرفض O
التهجير O
. O

وأعلنت O
وزارة B-ORG
الخارجية I-ORG
الأردنية I-ORG
ذلك O
في O
عمان B-LOC
"""

# gold vs predicted: PERS right, LOC cut short (fp + fn), ORG right, an extra MISC (fp), LOC missed (fn)
SCORED = """قال\tO\tO
أيمن\tB-PERS\tB-PERS
الصفدي\tI-PERS\tI-PERS
في\tO\tO
جبل\tB-LOC\tB-LOC
عمان\tI-LOC\tO

وزارة\tB-ORG\tB-ORG
الخارجية\tI-ORG\tI-ORG
العربي\tO\tB-MISC
القاهرة\tB-LOC\tO
"""


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception), result.exc_info  # SystemExit only, never a crash
    assert "Traceback" not in result.stderr
    return result


def said(result: Result) -> str:
    """stderr as one line: colours removed and Rich's line wrapping undone."""
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stderr).split())


@pytest.fixture
def tokens_file(tmp_path: Path) -> Path:
    path = tmp_path / "tokens.conll"
    path.write_text(TOKENS, encoding="utf-8")
    return path


def test_ner_writes_token_gold_predicted_with_blank_lines_between_sentences(tokens_file: Path) -> None:
    result = run("ner", "--conll", str(tokens_file))
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    assert lines[10] == "" and lines[18] == "" and lines[19:] == [""]
    rows = [line.split("\t") for line in lines if line]
    assert len(rows) == 17 and all(len(r) == 3 for r in rows)
    assert [r[0] for r in rows[:3]] == ["قال", "وزير", "الخارجية"]
    assert rows[3][1:] == ["B-PERS", "B-PERS"] and rows[4][1:] == ["I-PERS", "I-PERS"]
    assert "2 sentence(s), 17 token(s) tagged" in said(result)


def test_ner_output_file_and_tokens_without_tags(tmp_path: Path) -> None:
    source = tmp_path / "raw.txt"
    source.write_text("قال\nوزير\nالخارجية\nأيمن\nالصفدي\n", encoding="utf-8")
    out = tmp_path / "tagged.tsv"
    result = run("ner", "--conll", str(source), "-o", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines() if line]
    assert [r[1] for r in rows] == ["O"] * 5  # no gold given: written as O
    assert [r[2] for r in rows[3:]] == ["B-PERS", "I-PERS"]
    assert "without gold tags" in said(result)


def test_eval_ner_scores_a_scored_file_as_conlleval(tmp_path: Path) -> None:
    path = tmp_path / "scored.tsv"
    path.write_text(SCORED, encoding="utf-8")
    result = run("eval", "ner", str(path), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    # 4 gold entities, 4 predicted, 2 correct
    assert scores["overall"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 2, "fp": 2, "fn": 2}
    assert scores["by_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 2}
    assert scores["by_type"]["MISC"]["fp"] == 1
    assert scores["by_type"]["PERS"]["f1"] == 1.0


def test_eval_ner_prints_a_table_per_type_and_overall(tmp_path: Path) -> None:
    path = tmp_path / "scored.tsv"
    path.write_text(SCORED, encoding="utf-8")
    result = run("eval", "ner", str(path))
    assert result.exit_code == 0
    for row in ("LOC", "MISC", "ORG", "PERS", "overall"):
        assert re.search(rf"{row}\s.*\d\.\d{{4}}", result.stdout), row
    assert "0.5000" in result.stdout


def test_eval_ner_tags_a_two_column_file_with_the_model(tokens_file: Path) -> None:
    result = run("eval", "ner", str(tokens_file), "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["by_type"]["PERS"]["tp"] == 1
    assert scores["overall"]["tp"] + scores["overall"]["fn"] == 4  # the gold entities of the file


def test_ner_then_eval_agree(tokens_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "tagged.tsv"
    run("ner", "--conll", str(tokens_file), "-o", str(out))
    direct = json.loads(run("eval", "ner", str(tokens_file), "--json").stdout)
    scored = json.loads(run("eval", "ner", str(out), "--json").stdout)
    assert direct == scored


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("أيمن B-PERS\nالصفدي I-PER S\n", r"bad.conll:2: 3 columns"),
        ("أيمن B-PERS\nالصفدي PERSON\n", r"bad.conll:2: tag 'PERSON' is not O, B-TYPE or I-TYPE"),
        (b"\xd8\xa3\xd9\x8a\xd9\x85\xd9\x86 B-PERS\n\xe1\xea O\n", r"bad.conll:2: not UTF-8"),
    ],
)
def test_bad_input_is_named_with_file_and_line(tmp_path: Path, content: str | bytes, message: str) -> None:
    path = tmp_path / "bad.conll"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    for args in (["ner", "--conll", str(path)], ["eval", "ner", str(path)]):
        result = run(*args)
        assert result.exit_code == 1
        assert re.search(message, said(result)), said(result)


def test_missing_file_and_missing_option_are_clear_errors(tmp_path: Path) -> None:
    absent = tmp_path / "absent.conll"
    for args in (["ner", "--conll", str(absent)], ["eval", "ner", str(absent)]):
        result = run(*args)
        assert result.exit_code == 1
        assert f"{absent}: no such file" in said(result)
    result = run("ner")
    assert result.exit_code == 1
    assert "--conll FILE" in said(result)


def test_scored_line_with_two_columns_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "scored.tsv"
    path.write_text("أيمن\tB-PERS\tB-PERS\nالصفدي\tI-PERS\n", encoding="utf-8")
    result = run("eval", "ner", str(path))
    assert result.exit_code == 1
    assert "scored.tsv:2: 2 column(s), expected 3" in said(result)
