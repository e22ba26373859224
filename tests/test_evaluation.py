"""`hadath eval`: scoring against gold events and sentence-level detection, on small files written here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from hadath import InputError, Pipeline
from hadath.cli import app
from hadath.config import PipelineConfig
from hadath.evaluation import PRF, load_detection_rows, load_gold, score_detection, score_events

MEETING = "بحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية المصري سامح شكري تطورات الأوضاع في المنطقة."
PRAISE = "أشاد وزير الخارجية الكويتي بالجهود التي تبذلها مصر لوقف إطلاق النار في قطاع غزة."
WEATHER = "ارتفعت درجات الحرارة اليوم في معظم المناطق."
PLANNED = "سيبحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية المصري سامح شكري التطورات."


def gov(country: str) -> dict[str, Any]:
    return {"country": country, "org": None, "sector": "GOV"}


def write_gold(path: Path, docs: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    return write_gold(
        tmp_path / "gold.jsonl",
        [
            # symmetric: written target-first, still a hit
            {"id": "a", "date": "2024-03-10", "text": MEETING,
             "events": [{"type": "CONSULT", "mode": None, "source": gov("EGY"), "target": gov("JOR")}]},
            # a required event hadath cannot find, and an optional one it does find
            {"id": "b", "date": "2024-03-10", "text": PRAISE,
             "events": [{"type": "SUPPORT", "source": gov("KWT"), "target": gov("EGY"), "optional": True},
                        {"type": "AID", "source": gov("KWT"), "target": gov("EGY")}]},
            {"id": "c", "date": "2024-03-10", "text": WEATHER, "events": []},
        ],
    )  # fmt: skip


def test_prf_arithmetic() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0


def test_score_events_counts_symmetric_optional_and_missed(pipeline: Pipeline, gold: Path) -> None:
    scores = score_events(pipeline, load_gold(gold)).as_dict()
    assert scores["documents"] == 3
    strict = scores["overall"]["strict"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (1, 0, 1)
    assert scores["by_type"]["CONSULT"]["strict"]["tp"] == 1
    assert scores["by_type"]["AID"]["strict"]["fn"] == 1
    assert "SUPPORT" not in scores["by_type"] or scores["by_type"]["SUPPORT"]["strict"]["fp"] == 0


def test_strict_needs_the_sector_country_level_does_not(pipeline: Pipeline, tmp_path: Path) -> None:
    wrong_sector = {"country": "JOR", "org": None, "sector": "MIL"}
    path = write_gold(
        tmp_path / "g.jsonl",
        [{"id": "a", "date": "2024-03-10", "text": MEETING,
          "events": [{"type": "CONSULT", "source": wrong_sector, "target": gov("EGY")}]}],
    )  # fmt: skip
    scores = score_events(pipeline, load_gold(path)).as_dict()["overall"]
    assert scores["strict"]["tp"] == 0
    assert scores["country"]["tp"] == 1


def test_nonfactual_mention_against_empty_gold_is_no_false_positive(pipeline: Pipeline, tmp_path: Path) -> None:
    path = write_gold(tmp_path / "g.jsonl", [{"id": "p", "date": "2024-03-10", "text": PLANNED, "events": []}])
    assert score_events(pipeline, load_gold(path)).as_dict()["overall"]["strict"]["fp"] == 0


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("{not json", "malformed JSON"),
        ('{"id": "x", "text": "نص"}', "'events'"),
        ('{"id": "x", "text": "نص", "events": [{"type": "PARTY"}]}', "PLOVER"),
        ('{"id": "x", "text": "نص", "events": [{"type": "AID"}]}', "source"),
    ],
)
def test_bad_gold_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "text": "نص", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        list(load_gold(path))
    assert f"{path}:2" in str(err.value)
    assert reason in str(err.value)


def write_csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    lines = ["accept,event_type,id,label,reject,text,total"]
    lines += [f'1,PROTEST,{i},{label},0,"{text}",1' for i, (label, text) in enumerate(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_detection_scores_yes_against_no_and_leaves_ambiguous_out(pipeline: Pipeline, tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "s.csv",
        [
            ("yes", "تظاهر آلاف المواطنين أمس في وسط العاصمة احتجاجا على ارتفاع الأسعار."),
            ("yes", "يناقش البرلمان اليوم مشروع قانون الموازنة."),
            ("easy no", WEATHER),
            ("difficult no", "وتشهد المنطقة منذ سنوات احتجاجات متكررة."),
            ("ambiguous", "خرجت مظاهرة صغيرة في المدينة."),
        ],
    )
    scores = score_detection(pipeline, load_detection_rows(path), "PROTEST")
    assert (scores.prf.tp, scores.prf.fn) == (1, 1)
    assert scores.prf.fp == 0
    assert scores.tn == 2
    assert scores.left_out == 1
    assert {e["error"] for e in scores.errors} == {"false negative"}


def test_detection_csv_without_label_column_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,text\n1,نص\n", encoding="utf-8")
    with pytest.raises(InputError, match="label"):
        list(load_detection_rows(path))


def test_cli_eval_events_json(gold: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["overall"]["strict"]["tp"] == 1


def test_cli_eval_detection_rejects_unknown_type(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "s.csv", [("yes", WEATHER)])
    result = CliRunner().invoke(app, ["eval", "detection", str(path), "--type", "PARTY"])
    assert result.exit_code == 1
    assert "not a PLOVER type" in result.stderr


def test_cli_eval_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 1
    assert "cannot read" in result.stderr


def test_detection_csv_not_utf8_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "latin.csv"
    path.write_bytes("label,text\nyes,caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        list(load_detection_rows(path))


IN_GENEVA = "التقى وزير الخارجية الأردني أيمن الصفدي في جنيف نظيره المصري سامح شكري."


@pytest.mark.parametrize(
    ("location", "accuracy", "place_accuracy"),
    [
        ("CHE", 1.0, None),
        ("JOR", 0.0, None),
        (None, 0.0, None),  # the gold says the text names no place; hadath found one
        ({"country": "CHE", "place": "Geneva"}, 1.0, 1.0),
        ({"country": "CHE", "place": "Lausanne"}, 1.0, 0.0),
    ],
)
def test_location_accuracy_on_matched_events(
    pipeline: Pipeline, tmp_path: Path, location: Any, accuracy: float, place_accuracy: float | None
) -> None:
    path = write_gold(
        tmp_path / "g.jsonl",
        [{"id": "g", "date": "2024-03-10", "text": IN_GENEVA,
          "events": [{"type": "CONSULT", "source": gov("JOR"), "target": gov("EGY"), "location": location}]}],
    )  # fmt: skip
    scores = score_events(pipeline, load_gold(path)).as_dict()
    assert scores["location_events"] == 1
    assert scores["location_accuracy"] == accuracy
    assert scores["place_accuracy"] == place_accuracy


def test_cli_eval_events_prints_location_accuracy(gold: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "events", str(gold)])
    assert result.exit_code == 0, result.output
    assert "location accuracy on matched events (country): 1.000 (1 events)" in result.stdout


def test_bad_gold_location_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    line = {"id": "x", "text": "نص", "events": [{"type": "AID", "source": gov("KWT"), "location": 3}]}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="location"):
        list(load_gold(path))


def test_detection_errors_name_the_triggers_read_and_their_status(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "s.csv",
        [
            ("yes", "وتشهد المنطقة منذ سنوات احتجاجات متكررة."),
            ("easy no", "تظاهر آلاف المواطنين أمس في وسط العاصمة احتجاجا على ارتفاع الأسعار."),
        ],
    )
    scores = score_detection(Pipeline(PipelineConfig(include_nonfactual=True)), load_detection_rows(path), "PROTEST")
    assert (scores.prf.tp, scores.prf.fp, scores.prf.fn) == (0, 1, 1)
    missed, spurious = sorted(scores.errors, key=lambda e: e["error"])
    assert missed["error"] == "false negative" and missed["triggers"] == ["احتجاجات (reference)"]
    assert spurious["error"] == "false positive" and "تظاهر (factual)" in spurious["triggers"]
