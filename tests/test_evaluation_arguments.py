"""`hadath eval arguments`: annotators' majority codes against hadath's source and target, on a span file
written here (tests/fixtures/gsr_spans.json, in the arabic_event_gsr format). Its four sentences:

0. an army fires on journalists: every field has a majority, the target sector MED (CAMEO's media) is hadath's JRN;
1. an army attacks armed opposition posts: the source country is a tie (not scored), the target country INT has no
   hadath code, the annotators' REB is hadath's OPP;
2. a planned strike: hadath codes no event, nothing else is scored;
3. a protest, annotated for PROTEST: left out when ASSAULT is scored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath import InputError, Pipeline
from hadath.cli import app
from hadath.evaluation import load_argument_sentences, majority, score_arguments

SPANS = Path(__file__).resolve().parent / "fixtures" / "gsr_spans.json"


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        (["USA", "USA", "IRQ"], "USA"),
        (["USA", None, None], "USA"),  # codes not given do not vote
        (["USA", "IRQ"], None),  # a tie
        (["USA", "IRQ", "IRQ", "USA", "ISR"], None),
        ([None, None], None),
        ([], None),
    ],
)
def test_majority_is_the_most_given_code_and_none_on_a_tie(codes: list[str | None], expected: str | None) -> None:
    assert majority(codes) == expected


def test_majority_codes_of_a_sentence_ignore_none_strings_and_bare_word_roles() -> None:
    first, second, *_ = load_argument_sentences(SPANS)
    assert first.gold() == {
        "source_country": "ISR", "source_sector": "MIL", "target_country": "PSE", "target_sector": "MED",
    }  # fmt: skip
    # "None" is no code; the role "UNKNOWN" (a string, not an object) is no code either
    assert first.judgements[2].source.country is None and first.judgements[2].target.country is None
    assert second.gold() == {"source_sector": "MIL", "target_country": "INT", "target_sector": "REB"}


def test_score_arguments_on_written_sentences(pipeline: Pipeline) -> None:
    scores = score_arguments(pipeline, load_argument_sentences(SPANS), "ASSAULT")
    result = scores.as_dict()
    assert (result["sentences"], result["with_event"], result["left_out_other_type"]) == (3, 2, 1)
    fields = {name: (f["scored"], f["correct"]) for name, f in result["fields"].items()}
    assert fields == {
        "source_country": (1, 1), "source_sector": (2, 2), "target_country": (2, 1), "target_sector": (2, 1),
    }  # fmt: skip
    assert result["fields"]["target_country"]["accuracy"] == 0.5
    assert result["source_found"] == {"named": 2, "found": 2, "rate": 1.0}
    assert result["gold_codes_without_equivalent"] == {"country": ["INT"], "sector": []}
    assert result["gold_sectors_read_as"] == {"MED": {"as": "JRN", "times": 1}}
    by_item = {e["item"]: e for e in scores.errors}
    assert sorted(by_item) == [1, 2]
    assert by_item[2]["event"] is None
    assert {(w["field"], w["gold"], w["hadath"]) for w in by_item[1]["wrong"]} == {
        ("target_country", "INT", "SYR"), ("target_sector", "REB", "OPP"),
    }  # fmt: skip


def test_score_arguments_leaves_out_sentences_annotated_for_another_type(pipeline: Pipeline) -> None:
    result = score_arguments(pipeline, load_argument_sentences(SPANS), "PROTEST").as_dict()
    assert (result["sentences"], result["left_out_other_type"]) == (1, 3)
    assert result["fields"]["target_sector"] == {"scored": 1, "correct": 1, "accuracy": 1.0}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("[{not json", "not JSON"),
        ('{"text": "نص", "spans": []}', "expected a JSON list of sentences, found an object"),
        ('[{"text": "نص", "spans": []}, {"spans": []}]', "items[1] has no 'text'"),
        ('[{"text": "نص", "spans": []}, 7]', "items[1] is a number"),
        ('[{"text": "نص", "spans": {}}]', "items[0].spans must be a list"),
        ('[{"text": "نص", "spans": [{"source_role": 3}]}]', "items[0].spans[0].source_role must be an object"),
        ('[{"text": "نص", "spans": [{"target_role": {"main": 5}}]}]', "items[0].spans[0].target_role.main"),
    ],
)
def test_bad_span_file_names_file_and_item(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_argument_sentences(path)
    assert str(path) in str(err.value)
    assert reason in str(err.value)


def test_cli_eval_arguments_json() -> None:
    result = CliRunner().invoke(app, ["eval", "arguments", str(SPANS), "--type", "assault", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["type"] == "ASSAULT"
    assert scores["fields"]["source_sector"]["accuracy"] == 1.0


def test_cli_eval_arguments_table_and_errors() -> None:
    result = CliRunner().invoke(app, ["eval", "arguments", str(SPANS), "--type", "ASSAULT", "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "source found (gold names one): 2/2" in result.stdout
    assert "INT" in result.stdout and "MED read as hadath's JRN" in result.stdout
    assert "items[1] هاجم الجيش السوري" in result.stderr
    assert "target_sector REB != OPP" in result.stderr
    assert "items[2]" in result.stderr and "no ASSAULT event" in result.stderr


def test_cli_eval_arguments_broken_file_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "spans.json"
    path.write_text('[{"text": "نص", "spans": []}, {"event_type": "ASSAULT", "spans": []}]', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "arguments", str(path), "--type", "ASSAULT"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    message = " ".join(result.stderr.split())  # Rich may wrap a long line
    assert f"error: {path}: items[1] has no 'text'" in message


def test_cli_eval_arguments_rejects_unknown_type() -> None:
    result = CliRunner().invoke(app, ["eval", "arguments", str(SPANS), "--type", "PARTY"])
    assert result.exit_code == 1
    assert "not a PLOVER type" in result.stderr
