"""The ``hadath`` command line, as a user sees it: exit codes, messages on stderr, JSON lines on stdout.

Exit codes: 0 when every document was processed, 2 when some input was skipped (each one named on stderr
with its file and line), 1 for an unusable invocation (e.g. an invalid --date).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from hadath import __version__
from hadath.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bna-bahrain-fm-gaza-conference.txt"

# Agency-style reports written for these tests (not taken from any corpus).
RECEPTION = (
    "استقبل الرئيس عبد الفتاح السيسي في القاهرة اليوم وزير الخارجية الأردني أيمن الصفدي، "
    "وبحث معه سبل تعزيز العلاقات الثنائية بين البلدين الشقيقين."
)
FM_TALKS = (
    "بحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية المصري بدر عبد العاطي "
    "سبل تعزيز التعاون المشترك بين البلدين في مختلف المجالات."
)
PHONE_CALL = (
    "تلقى وزير الخارجية أيمن الصفدي اتصالا هاتفيا من وزير الخارجية المصري بدر عبد العاطي، "
    "بحثا خلاله الأوضاع في المنطقة."
)
PRAISE = "أشاد وزير الخارجية القطري بالجهود التي تبذلها جمهورية مصر العربية لإحلال السلام في المنطقة."
WELCOME = "رحبت دولة الإمارات العربية المتحدة بالاتفاق الذي توصلت إليه المملكة العربية السعودية والجمهورية اليمنية."
MEETING = (
    "التقى رئيس الوزراء محمد شياع السوداني في بغداد مع وزير الخارجية التركي هاكان فيدان، "
    "وناقش الجانبان القضايا ذات الاهتمام المشترك."
)
PLANNED = (
    "سيبحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية المصري بدر عبد العاطي "
    "الأسبوع المقبل تطورات الأوضاع في المنطقة."
)
WEATHER = "ارتفعت درجات الحرارة اليوم في معظم مناطق المملكة، وتوقعت الأرصاد هطول أمطار خفيفة على المرتفعات."

runner = CliRunner()
Parse = Callable[[str, dict[str, str]], list[dict[str, Any]]]


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in tmp_path so that file names in messages are short relative paths."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def parse(check_spans: Any) -> Parse:
    """stdout -> records; every line must be a JSON record whose spans hold on its input text (by doc_id)."""

    def _parse(stdout: str, texts: dict[str, str]) -> list[dict[str, Any]]:
        records = []
        for line in stdout.splitlines():
            record = json.loads(line)
            check_spans(record, texts[record["doc_id"]])
            records.append(record)
        return records

    return _parse


def extract(*args: str, stdin: str | bytes | None = None) -> Result:
    result = runner.invoke(app, ["extract", *args], input=stdin)
    assert not isinstance(result.exception, Exception), result.exc_info  # SystemExit only, never a crash
    assert "Traceback" not in result.stderr
    return result


def said(result: Result) -> str:
    """stderr as one line: colours removed and Rich's line wrapping undone."""
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stderr).split())


def write_jsonl(path: Path, rows: list[Any]) -> dict[str, str]:
    """Write rows (dicts, or raw strings for broken lines); return {id: text} of the well-formed ones."""
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {row["id"]: row["text"] for row in rows if isinstance(row, dict) and "id" in row and "text" in row}


SIX = [
    {"id": "petra-1", "date": "2024-10-01", "text": RECEPTION},
    {"id": "petra-2", "date": "2024-10-02", "text": FM_TALKS},
    {"id": "petra-3", "date": "2024-10-03", "text": PHONE_CALL},
    {"id": "qna-4", "date": "2024-10-04", "text": PRAISE},
    {"id": "wam-5", "date": "2024-10-05", "text": WELCOME},
    {"id": "ina-6", "date": "2024-10-06", "text": MEETING},
]


# --------------------------------------------------------------------------- version, help


def test_version() -> None:
    result = runner.invoke(app, ["--version"])

    assert result.exit_code == 0
    assert result.stdout.strip() == f"hadath {__version__}"


def test_no_arguments_show_help() -> None:
    result = runner.invoke(app, [])

    assert "extract" in result.output
    assert "Usage" in result.output


# --------------------------------------------------------------------------- .txt, sidecar, --date, --id


def test_txt_with_sidecar_takes_id_and_date_from_it(workdir: Path, parse: Parse) -> None:
    Path("petra-0412.txt").write_text(FM_TALKS, encoding="utf-8")
    Path("petra-0412.meta.json").write_text(json.dumps({"id": "petra-2024-10-01-0412", "date": "2024-10-01"}))

    result = extract("petra-0412.txt")

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"petra-2024-10-01-0412": FM_TALKS})
    assert record["date"] == "2024-10-01"
    assert record["events"], "the talks are an event"
    assert {e["date"] for e in record["events"]} == {"2024-10-01"}
    assert all(e["id"].startswith("petra-2024-10-01-0412:") for e in record["events"])
    assert "1 document(s) processed" in said(result)


def test_txt_without_sidecar_is_named_after_the_file_and_undated(workdir: Path, parse: Parse) -> None:
    Path("wam-88.txt").write_text(WELCOME, encoding="utf-8")

    result = extract("wam-88.txt")

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"wam-88": WELCOME})
    assert record["date"] is None


def test_date_and_id_options(workdir: Path, parse: Parse) -> None:
    Path("note.txt").write_text(PRAISE, encoding="utf-8")

    result = extract("note.txt", "--date", "2024-06-11", "--id", "qna-2024-06-11-3")

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"qna-2024-06-11-3": PRAISE})
    assert record["date"] == "2024-06-11"
    assert all(e["id"].startswith("qna-2024-06-11-3:") for e in record["events"])


def test_id_option_wins_over_sidecar_id(workdir: Path, parse: Parse) -> None:
    Path("a.txt").write_text(PRAISE, encoding="utf-8")
    Path("a.meta.json").write_text(json.dumps({"id": "sidecar-id", "date": "2024-02-03"}))

    result = extract("a.txt", "--id", "option-id")

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"option-id": PRAISE})
    assert record["date"] == "2024-02-03"


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "11/06/2024", "2024-02-30"])
def test_invalid_date_option_is_a_clear_error(workdir: Path, bad: str) -> None:
    Path("note.txt").write_text(PRAISE, encoding="utf-8")

    result = extract("note.txt", "--date", bad)

    assert result.exit_code == 1
    assert result.stdout == ""
    message = said(result)
    assert "--date" in message and bad in message and "YYYY-MM-DD" in message


def test_id_option_with_several_files_is_not_applied_and_said(workdir: Path, parse: Parse) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    Path("two.txt").write_text(PRAISE, encoding="utf-8")

    result = extract("one.txt", "two.txt", "--id", "same")

    records = parse(result.stdout, {"one": FM_TALKS, "two": PRAISE})
    assert [r["doc_id"] for r in records] == ["one", "two"]
    assert "--id" in said(result)


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_one_record_per_document_in_input_order(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(Path("feed.jsonl"), SIX)

    result = extract("feed.jsonl")

    assert result.exit_code == 0
    records = parse(result.stdout, texts)
    assert [(r["doc_id"], r["date"]) for r in records] == [(row["id"], row["date"]) for row in SIX]
    assert "6 document(s) processed" in said(result)


def test_jsonl_gz_gives_the_same_records_as_jsonl(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(Path("feed.jsonl"), SIX[:3])
    Path("feed.jsonl.gz").write_bytes(gzip.compress(Path("feed.jsonl").read_bytes()))

    plain = extract("feed.jsonl")
    packed = extract("feed.jsonl.gz")

    assert packed.exit_code == 0
    assert [r["doc_id"] for r in parse(packed.stdout, texts)] == ["petra-1", "petra-2", "petra-3"]
    assert packed.stdout == plain.stdout


def test_jsonl_line_date_wins_and_the_option_fills_the_others(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(
        Path("feed.jsonl"), [{"id": "dated", "date": "2024-10-01", "text": PRAISE}, {"id": "undated", "text": WELCOME}]
    )

    result = extract("feed.jsonl", "--date", "2023-05-05")

    assert result.exit_code == 0
    assert [(r["doc_id"], r["date"]) for r in parse(result.stdout, texts)] == [
        ("dated", "2024-10-01"),
        ("undated", "2023-05-05"),
    ]


def test_jsonl_bad_lines_are_reported_and_the_others_processed(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(
        Path("feed.jsonl"),
        [
            {"id": "good-1", "date": "2024-10-01", "text": FM_TALKS},
            '{"id": "broken", "text": "أشاد وزير',
            {"id": "no-text", "date": "2024-10-03"},
            {"id": "empty", "date": "2024-10-04", "text": ""},
            {"id": "good-2", "date": "2024-10-05", "text": PRAISE},
        ],
    )

    result = extract("feed.jsonl")

    assert result.exit_code == 2
    assert [r["doc_id"] for r in parse(result.stdout, texts)] == ["good-1", "good-2"]
    message = said(result)
    assert "feed.jsonl:2: malformed JSON" in message
    assert "feed.jsonl:3: field 'text' is missing" in message
    assert "feed.jsonl:4: empty document" in message
    assert "feed.jsonl:1" not in message and "feed.jsonl:5" not in message
    assert "2 document(s) processed, 3 skipped" in message


def test_jsonl_line_with_invalid_date_is_skipped_with_its_line(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(
        Path("feed.jsonl"),
        [
            {"id": "a", "date": "2024-10-01", "text": PRAISE},
            {"id": "b", "date": "soon", "text": WELCOME},
            {"id": "c", "date": "2024-10-03", "text": FM_TALKS},
        ],
    )

    result = extract("feed.jsonl")

    assert result.exit_code == 2
    assert [r["doc_id"] for r in parse(result.stdout, texts)] == ["a", "c"]
    message = said(result)
    assert "feed.jsonl:2" in message and "'soon'" in message


# --------------------------------------------------------------------------- unreadable inputs


def test_non_utf8_txt_is_skipped_and_named(workdir: Path, parse: Parse) -> None:
    Path("cp1256.txt").write_bytes(PRAISE.encode("cp1256"))
    Path("ok.txt").write_text(WELCOME, encoding="utf-8")

    result = extract("cp1256.txt", "ok.txt")

    assert result.exit_code == 2
    assert [r["doc_id"] for r in parse(result.stdout, {"ok": WELCOME})] == ["ok"]
    assert "cp1256.txt: not UTF-8" in said(result)


def test_missing_file_is_skipped_and_named(workdir: Path, parse: Parse) -> None:
    Path("ok.txt").write_text(WELCOME, encoding="utf-8")

    result = extract("gone.txt", "ok.txt")

    assert result.exit_code == 2
    assert [r["doc_id"] for r in parse(result.stdout, {"ok": WELCOME})] == ["ok"]
    assert "gone.txt: no such file" in said(result)


def test_unknown_extension_is_skipped_and_named(workdir: Path) -> None:
    Path("story.docx").write_bytes(PRAISE.encode("utf-8"))

    result = extract("story.docx")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "story.docx: unknown file type" in said(result)


def test_folder_of_txt_files_in_name_order(workdir: Path, parse: Parse) -> None:
    folder = Path("wires")
    folder.mkdir()
    for name, text in [("c.txt", PRAISE), ("a.txt", FM_TALKS), ("b.txt", WEATHER)]:
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "README.md").write_text("not news", encoding="utf-8")

    result = extract("wires")

    assert result.exit_code == 0
    records = parse(result.stdout, {"a": FM_TALKS, "b": WEATHER, "c": PRAISE})
    assert [r["doc_id"] for r in records] == ["a", "b", "c"]
    assert next(r for r in records if r["doc_id"] == "b")["events"] == []  # a weather report has no event
    assert "README" not in said(result)


def test_folder_without_documents_is_reported(workdir: Path) -> None:
    Path("empty").mkdir()

    result = extract("empty")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "empty: folder has no" in said(result)


def test_document_over_the_size_limit_is_rejected_not_processed(workdir: Path, parse: Parse) -> None:
    big = (PRAISE + "\n") * (1_000_000 // len(PRAISE) + 1)
    assert len(big) > 1_000_000
    Path("big.txt").write_text(big, encoding="utf-8")
    Path("ok.txt").write_text(WELCOME, encoding="utf-8")

    result = extract("big.txt", "ok.txt")

    assert result.exit_code == 2
    assert [r["doc_id"] for r in parse(result.stdout, {"ok": WELCOME})] == ["ok"]
    message = said(result)
    assert f"big.txt: document has {len(big):,} characters" in message
    assert "1,000,000" in message and "limit" in message


# --------------------------------------------------------------------------- stdin


@pytest.mark.parametrize("dash", [[], ["-"]])
def test_stdin_plain_text(dash: list[str], parse: Parse) -> None:
    text = RECEPTION + "\n" + PRAISE + "\n"

    result = extract(*dash, stdin=text)

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"stdin": text})
    assert record["date"] is None
    assert record["events"]


def test_stdin_plain_text_with_id_and_date(parse: Parse) -> None:
    result = extract("--id", "spa-1203", "--date", "2024-12-03", stdin=FM_TALKS)

    assert result.exit_code == 0
    [record] = parse(result.stdout, {"spa-1203": FM_TALKS})
    assert record["date"] == "2024-12-03"


def test_stdin_jsonl_when_it_starts_with_a_brace(parse: Parse) -> None:
    rows = [SIX[0], '{"id": "cut", "text": ', SIX[3]]
    data = "\n".join(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows) + "\n"

    result = extract(stdin=data)

    assert result.exit_code == 2
    records = parse(result.stdout, {"petra-1": RECEPTION, "qna-4": PRAISE})
    assert [(r["doc_id"], r["date"]) for r in records] == [("petra-1", "2024-10-01"), ("qna-4", "2024-10-04")]
    assert "<stdin>:2: malformed JSON" in said(result)


def test_empty_stdin_is_reported(workdir: Path) -> None:
    result = extract(stdin="  \n")

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "<stdin>: empty document" in said(result)


# --------------------------------------------------------------------------- output options


def test_pretty_prints_a_table_of_the_events(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(Path("feed.jsonl"), [SIX[1], SIX[3]])
    as_json = parse(extract("feed.jsonl").stdout, texts)
    types = {e["type"] for r in as_json for e in r["events"]}
    n_events = sum(len(r["events"]) for r in as_json)
    assert types == {"CONSULT", "SUPPORT"}

    result = extract("feed.jsonl", "--pretty")

    assert result.exit_code == 0
    assert "{" not in result.stdout  # a table, not JSON
    assert "hadath events" in result.stdout
    for etype in types:
        assert etype in result.stdout
    assert f"2 document(s) processed, {n_events} event(s)" in said(result)


def test_output_file_gets_the_json_lines(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(Path("feed.jsonl"), SIX[:4])
    to_stdout = extract("feed.jsonl")

    result = extract("feed.jsonl", "-o", "out.jsonl")

    assert result.exit_code == 0
    assert result.stdout == ""
    written = Path("out.jsonl").read_text(encoding="utf-8")
    assert written == to_stdout.stdout
    assert [r["doc_id"] for r in parse(written, texts)] == ["petra-1", "petra-2", "petra-3", "qna-4"]


def test_output_file_gets_the_pretty_table(workdir: Path) -> None:
    Path("talks.txt").write_text(FM_TALKS, encoding="utf-8")

    result = extract("talks.txt", "--pretty", "--output", "table.txt")

    assert result.exit_code == 0
    assert result.stdout == ""
    table = Path("table.txt").read_text(encoding="utf-8")
    assert "CONSULT" in table


def test_two_workers_give_the_same_records_as_one(workdir: Path, parse: Parse) -> None:
    # a long first document: a pool that let the short ones overtake it would change the output order
    digest = "".join(row["text"] + "\n" for row in SIX) * 8
    rows = [{"id": "digest", "date": "2024-10-07", "text": digest}, *SIX[1:]]
    texts = write_jsonl(Path("feed.jsonl"), rows)

    one = extract("feed.jsonl", "--workers", "1")
    two = extract("feed.jsonl", "--workers", "2")

    assert one.exit_code == two.exit_code == 0
    records = parse(two.stdout, texts)
    assert [r["doc_id"] for r in records] == [row["id"] for row in rows]
    assert records == parse(one.stdout, texts)
    assert all(r["events"] for r in records)


def test_workers_must_be_positive(workdir: Path) -> None:
    Path("note.txt").write_text(PRAISE, encoding="utf-8")

    result = runner.invoke(app, ["extract", "note.txt", "--workers", "0"])

    assert result.exit_code == 2
    assert result.stdout == ""
    assert "--workers" in said(result)


def test_include_nonfactual_adds_status(workdir: Path, parse: Parse) -> None:
    texts = write_jsonl(
        Path("feed.jsonl"),
        [{"id": "planned", "text": PLANNED}, {"id": "held", "text": FM_TALKS}],
    )

    factual = {r["doc_id"]: r for r in parse(extract("feed.jsonl").stdout, texts)}
    result = extract("feed.jsonl", "--include-nonfactual")

    assert result.exit_code == 0
    everything = {r["doc_id"]: r for r in parse(result.stdout, texts)}
    # by default: a planned meeting is no event, and events carry no status
    assert factual["planned"]["events"] == []
    assert factual["held"]["events"]
    assert not any("status" in e for r in factual.values() for e in r["events"])
    # with the option: the planned meeting is kept, marked; every event says its status
    assert all("status" in e for r in everything.values() for e in r["events"])
    assert {e["status"] for e in everything["planned"]["events"]} == {"planned"}
    held = [{k: v for k, v in e.items() if k != "status"} for e in everything["held"]["events"]]
    assert held == factual["held"]["events"]


# --------------------------------------------------------------------------- the installed script


def test_installed_script_codes_the_canonical_example(check_spans: Any, example_text: str) -> None:
    script = shutil.which("hadath", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]))
    assert script is not None, "the hadath script is not installed"

    done = subprocess.run(
        [script, "extract", str(EXAMPLE.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    [line] = done.stdout.splitlines()
    record = json.loads(line)
    assert (record["doc_id"], record["date"]) == ("bna-2024-06-11-001", "2024-06-11")
    assert Counter(e["type"] for e in record["events"]) == {"CONSULT": 3, "SUPPORT": 1}
    assert check_spans(record, example_text) > 0
    assert "Traceback" not in done.stderr


# --------------------------------------------------------------------------- regressions found in review


def test_warnings_do_not_count_as_skipped_documents(workdir: Path, parse: Parse) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    Path("two.txt").write_text(PRAISE, encoding="utf-8")
    Path("two.meta.json").write_text("[1, 2]", encoding="utf-8")

    result = extract("one.txt", "two.txt", "--id", "same")

    assert result.exit_code == 0
    assert len(parse(result.stdout, {"one": FM_TALKS, "two": PRAISE})) == 2
    assert "warning" in said(result)
    assert "skipped" not in said(result)


def test_square_brackets_in_names_are_printed_verbatim(workdir: Path) -> None:
    result = extract("missing[/x].txt", "reports[draft]/x.txt")
    assert result.exit_code == 2
    assert "missing[/x].txt" in said(result)
    assert "reports[draft]/x.txt" in said(result)


def test_output_into_a_missing_folder_is_a_clear_error(workdir: Path) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    result = extract("one.txt", "-o", "no/such/folder/out.jsonl")
    assert result.exit_code == 1
    assert "cannot write" in said(result)


@pytest.mark.parametrize("bad", ["2024-06-11garbage", "2024-06-111", "11/06/2024"])
def test_date_with_trailing_junk_is_refused(workdir: Path, bad: str) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    result = extract("one.txt", "--date", bad)
    assert result.exit_code == 1
    assert result.stdout == ""


def test_sidecar_date_wins_over_the_date_option(workdir: Path, parse: Parse) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    Path("one.meta.json").write_text('{"id": "petra-1", "date": "2024-10-02"}', encoding="utf-8")
    [record] = parse(extract("one.txt", "--date", "2024-01-01").stdout, {"petra-1": FM_TALKS})
    assert record["date"] == "2024-10-02"


def test_non_utf8_stdin_is_reported_not_processed(workdir: Path) -> None:
    result = extract(stdin=PRAISE.encode("cp1256"))
    assert result.exit_code == 2
    assert "not UTF-8" in said(result)
    assert result.stdout == ""


def test_output_that_is_an_input_is_refused(workdir: Path) -> None:
    Path("one.txt").write_text(FM_TALKS, encoding="utf-8")
    result = extract("one.txt", "-o", "one.txt")
    assert result.exit_code == 1
    assert "is one of the inputs" in said(result)
    assert Path("one.txt").read_text(encoding="utf-8") == FM_TALKS


def test_usage_errors_exit_1_from_the_installed_script(workdir: Path) -> None:
    script = shutil.which("hadath")
    assert script is not None
    result = subprocess.run([script, "extract", "--no-such-option"], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert "no-such-option" in result.stderr
    assert "Traceback" not in result.stderr
