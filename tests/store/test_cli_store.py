"""The store commands as a user runs them: ingest, query, stats, export; exit codes and messages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from hadath.cli import app

from .conftest import MEETING_REPORTS, write_jsonl

runner = CliRunner()


def run(*args: str) -> Result:
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.stderr, result.stderr
    return result


def said(result: Result) -> str:
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", result.stderr).split())


def test_ingest_reports_what_it_did(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.duckdb"
    first = run("ingest", str(corpus), "--db", str(db))
    again = run("ingest", str(corpus), "--db", str(db))

    assert first.exit_code == 0
    assert "6 document(s) stored (0 replaced), 6 event report(s)" in said(first)
    assert "deduplicated 6 report(s) of 3 type-dyad group(s) into 4 event(s)" in said(first)
    assert again.exit_code == 0
    assert "0 document(s) stored" in said(again) and "6 unchanged" in said(again)


def test_ingest_with_a_broken_line_stores_the_rest_and_exits_2(tmp_path: Path, corpus: Path) -> None:
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "cut", "text": "بحث وزير\n')
    result = run("ingest", str(corpus), "--db", str(tmp_path / "s.duckdb"))
    assert result.exit_code == 2
    assert f"skipped {corpus}:7: malformed JSON" in said(result)
    assert "6 document(s) stored" in said(result) and "1 skipped" in said(result)


def test_ingest_refuses_the_store_as_an_input(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "s.duckdb"
    run("ingest", str(corpus), "--db", str(db))
    result = run("ingest", str(db), "--db", str(db))
    assert result.exit_code == 1
    assert "is one of the inputs" in said(result)


def test_query_formats(filled: Path) -> None:
    table = run("query", "--db", str(filled), "--country", "JOR")
    lines = run("query", "--db", str(filled), "--country", "JOR", "--format", "jsonl")
    rows = run("query", "--db", str(filled), "--type", "CONSULT", "--format", "csv", "--reports")

    assert table.exit_code == 0 and "2 event(s)" in table.stdout and "CONSULT" in table.stdout
    events = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [(e["doc_id"], e["mentions"]) for e in events] == [("qna-0311-4", 1), ("petra-0304-7", 3)]
    parsed = list(csv.DictReader(io.StringIO(rows.stdout)))
    assert len(parsed) == 4 and parsed[0]["type"] == "CONSULT"


def test_query_explains_a_deduplicated_event(filled: Path) -> None:
    result = run("query", "--db", str(filled), "--explain-dedup", "qna-0304-1:1")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("rule: same type and dyad")
    assert [line.split(" ")[0] for line in lines[1:]] == ["petra-0304-7:1", "qna-0304-1:1", "kuna-0305-2:1"]
    assert "joined, overlap" in lines[2]
    unknown = run("query", "--db", str(filled), "--explain-dedup", "nope:9")
    assert unknown.exit_code == 1 and "no event 'nope:9'" in said(unknown)


def test_query_errors_are_clear(tmp_path: Path, filled: Path) -> None:
    missing = run("query", "--db", str(tmp_path / "none.duckdb"))
    bad_type = run("query", "--db", str(filled), "--type", "MEETING")
    bad_date = run("query", "--db", str(filled), "--since", "yesterday")
    bad_format = run("query", "--db", str(filled), "--format", "xml")
    for result, message in ((missing, "no such store"), (bad_type, "'MEETING' is not one of"),
                            (bad_date, "not a date"), (bad_format, "use table, jsonl or csv")):  # fmt: skip
        assert result.exit_code == 1
        assert message in said(result)


def test_stats_as_json(filled: Path) -> None:
    result = run("stats", "--db", str(filled), "--json")
    data = json.loads(result.stdout)
    assert data["counts"]["events"] == 4
    assert data["by_type"][0] == {"type": "CONSULT", "events": 2}
    table = run("stats", "--db", str(filled))
    assert "by dyad" in table.stdout and "JOR <-> QAT" in table.stdout


def test_export_writes_the_file_and_says_how_many(tmp_path: Path, filled: Path) -> None:
    out = tmp_path / "events.tsv"
    result = run("export", "--db", str(filled), "--format", "phoenix", "-o", str(out), "--type", "CONSULT")
    assert result.exit_code == 0
    assert "2 event(s) written" in said(result)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2  # Phoenix daily files have no header row
    run("export", "--db", str(filled), "--format", "phoenix", "-o", str(out), "--type", "CONSULT", "--header")
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("EventID\tDate\tYear")
    bad = run("export", "--db", str(filled), "--format", "xml", "-o", str(out))
    assert bad.exit_code == 1 and "use one of jsonl, csv, parquet, plover, phoenix" in said(bad)


def test_changed_document_is_replaced_on_the_next_ingest(tmp_path: Path, filled: Path) -> None:
    changed = dict(MEETING_REPORTS[0], text="الدوحة - قنا: أشاد وزير الخارجية القطري بالجهود المصرية.")
    result = run("ingest", str(write_jsonl(tmp_path / "fix.jsonl", [changed])), "--db", str(filled))
    assert result.exit_code == 0
    assert "1 document(s) stored (1 replaced)" in said(result)


# --------------------------------------------------------------------------- hostile input (issue 16)


def test_issue16_1_ingest_and_extract_go_past_a_deeply_nested_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "deep.jsonl", MEETING_REPORTS[:1])
    deep = '{"id":"d","text":"x","n":' + "[" * 100_000 + "]" * 100_000 + "}\n"
    path.write_text(path.read_text(encoding="utf-8") + deep + json.dumps(MEETING_REPORTS[1]) + "\n", encoding="utf-8")

    result = run("ingest", str(path), "--db", str(tmp_path / "d.duckdb"))
    assert result.exit_code == 2, result.stderr
    assert f"{path}:2" in said(result) and "2 document(s) stored" in said(result)
    assert "deduplicated" in said(result)

    out = tmp_path / "out.jsonl"
    result = run("extract", str(path), "-o", str(out))
    assert result.exit_code == 2 and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_issue16_2_extract_goes_past_a_lone_surrogate(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text('{"id":"s","text":"x \\ud800"}\n' + json.dumps(MEETING_REPORTS[0]) + "\n", encoding="utf-8")

    out = tmp_path / "out.jsonl"
    result = run("extract", str(path), "-o", str(out))

    assert result.exit_code == 2 and "field 'text' is not valid Unicode" in said(result)
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.parametrize("name", ["empty.jsonl", "empty.txt", "empty.csv"])
def test_issue16_10_an_empty_file_of_any_type_exits_2(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")

    result = run("ingest", str(tmp_path / name), "--db", str(tmp_path / "e.duckdb"))

    assert result.exit_code == 2 and "empty file" in said(result)


def test_issue16_10_a_dangling_link_in_a_folder_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "good.jsonl", MEETING_REPORTS[:1])
    (folder / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")

    result = run("ingest", str(folder), "--db", str(tmp_path / "l.duckdb"))

    assert result.exit_code == 2 and "dangling symbolic link" in said(result)


def test_issue17_unknown_codes_exit_1_with_close_matches(filled: Path) -> None:
    for args, message in (
        (("--country", "KSA"), "'KSA' is not a country or organization code; did you mean SAU (Saudi Arabia)?"),
        (("--country", "SAUD"), "did you mean SAU"),
        (("--topic", "gaza"), "'gaza' is not a known topic; did you mean gaza-war?"),
    ):
        for command in (("query",), ("export", "--format", "csv", "-o", "-")):
            result = run(*command, "--db", str(filled), *args)
            assert result.exit_code == 1, result.stdout
            assert message in said(result)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "plover", "phoenix", "parquet"])
def test_issue17_export_to_standard_output(tmp_path: Path, filled: Path, fmt: str) -> None:
    result = runner.invoke(app, ["export", "--db", str(filled), "--format", fmt, "-o", "-", "--type", "CONSULT"])
    assert result.exit_code == 0, result.stderr
    assert not (Path.cwd() / "-").exists()
    assert "2 event(s) written to standard output" in said(result)
    if fmt == "parquet":
        assert result.stdout_bytes.startswith(b"PAR1")
    else:
        rows = result.stdout_bytes.decode("utf-8").splitlines()
        assert len(rows) == (3 if fmt == "csv" else 2)


def test_issue17_ingest_of_nothing_readable_leaves_no_store(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "x.duckdb"
    result = run("ingest", str(tmp_path / "missing.jsonl"), "--db", str(db))
    assert result.exit_code == 2 and "missing.jsonl" in said(result)
    assert not db.exists() and "removed" in said(result)
    kept = run("ingest", str(corpus), str(tmp_path / "missing.jsonl"), "--db", str(db))
    assert kept.exit_code == 2 and db.exists()  # a store with documents stays, whatever else was missing
