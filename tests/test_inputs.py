"""The input readers: .txt (+ .meta.json sidecar), .jsonl / .jsonl.gz, folders and streams.

Every input either becomes an InputDocument or a Problem naming where it is (file, file:line) and why;
nothing is dropped silently and one bad line never stops the others.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

from hadath.inputs import InputDocument, Item, Problem, read_paths, read_stream

# Short agency-style sentences written for these tests.
RECEPTION = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم سفير جمهورية مصر العربية لدى المملكة."
TALKS = "بحث وزير الخارجية العماني مع نظيره الإيراني في مسقط تطورات الأوضاع الإقليمية."
PRAISE = "أشاد وزير الخارجية القطري بالجهود التي تبذلها جمهورية مصر العربية لإحلال السلام في المنطقة."


def docs_of(items: list[Item]) -> list[InputDocument]:
    return [i for i in items if isinstance(i, InputDocument)]


def problems_of(items: list[Item]) -> list[Problem]:
    return [i for i in items if isinstance(i, Problem)]


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row, ensure_ascii=False) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- .txt and its sidecar


def test_txt_sidecar_gives_id_date_and_metadata(tmp_path: Path) -> None:
    txt = tmp_path / "petra-talks.txt"
    txt.write_text(TALKS, encoding="utf-8")
    meta = {"id": "petra-2024-10-01-7", "date": "2024-10-01", "source": "Petra", "url": "https://x.example/7"}
    (tmp_path / "petra-talks.meta.json").write_text(json.dumps(meta), encoding="utf-8")

    items = list(read_paths([txt]))

    assert items == [
        InputDocument(
            doc_id="petra-2024-10-01-7",
            text=TALKS,
            date="2024-10-01",
            origin=str(txt),
            source="Petra",
            url="https://x.example/7",
            title=None,
        )
    ]


def test_txt_without_sidecar_is_named_after_the_file(tmp_path: Path) -> None:
    txt = tmp_path / "wam-0412.txt"
    txt.write_text(PRAISE, encoding="utf-8")

    [doc] = list(read_paths([txt]))

    assert isinstance(doc, InputDocument)
    assert (doc.doc_id, doc.text, doc.date, doc.origin) == ("wam-0412", PRAISE, None, str(txt))


def test_txt_date_and_id_options_apply_to_a_file_without_sidecar(tmp_path: Path) -> None:
    txt = tmp_path / "note.txt"
    txt.write_text(PRAISE, encoding="utf-8")

    [doc] = list(read_paths([txt], date="2024-05-02", doc_id="qna-55"))

    assert isinstance(doc, InputDocument)
    assert (doc.doc_id, doc.date) == ("qna-55", "2024-05-02")


def test_id_option_wins_over_sidecar_id(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text(PRAISE, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text(json.dumps({"id": "from-sidecar", "date": "2024-01-09"}), encoding="utf-8")

    [doc] = list(read_paths([txt], doc_id="from-option"))

    assert isinstance(doc, InputDocument)
    assert (doc.doc_id, doc.date) == ("from-option", "2024-01-09")


def test_txt_keeps_its_exact_text(tmp_path: Path) -> None:
    text = "  " + RECEPTION + "\r\n" + PRAISE + "\n"
    txt = tmp_path / "crlf.txt"
    txt.write_bytes(text.encode("utf-8"))

    [doc] = list(read_paths([txt]))

    assert isinstance(doc, InputDocument)
    assert doc.text == text  # offsets index this exact string


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "invalid metadata JSON"), ('["a", "list"]', "must be a JSON object")],
)
def test_bad_sidecar_is_reported_and_the_text_still_read(tmp_path: Path, content: str, expected: str) -> None:
    txt = tmp_path / "doc.txt"
    txt.write_text(PRAISE, encoding="utf-8")
    meta = tmp_path / "doc.meta.json"
    meta.write_text(content, encoding="utf-8")

    items = list(read_paths([txt]))

    [problem] = problems_of(items)
    assert problem.origin == str(meta)
    assert expected in problem.reason
    [doc] = docs_of(items)
    assert (doc.doc_id, doc.text) == ("doc", PRAISE)


def test_non_utf8_txt_is_a_problem(tmp_path: Path) -> None:
    txt = tmp_path / "cp1256.txt"
    txt.write_bytes(PRAISE.encode("cp1256"))

    [problem] = list(read_paths([txt]))

    assert isinstance(problem, Problem)
    assert problem.origin == str(txt)
    assert "UTF-8" in problem.reason


@pytest.mark.parametrize("content", ["", "   \n\t\n"])
def test_empty_txt_is_a_problem(tmp_path: Path, content: str) -> None:
    txt = tmp_path / "blank.txt"
    txt.write_text(content, encoding="utf-8")

    [problem] = list(read_paths([txt]))

    assert isinstance(problem, Problem)
    assert problem.origin == str(txt)
    assert "empty" in problem.reason


# --------------------------------------------------------------------------- size limit


def test_size_limit_on_txt(tmp_path: Path) -> None:
    at_limit = tmp_path / "at.txt"
    at_limit.write_text("أ" * 50, encoding="utf-8")
    over = tmp_path / "over.txt"
    over.write_text("أ" * 51, encoding="utf-8")

    items = list(read_paths([at_limit, over], max_chars=50))

    assert [d.doc_id for d in docs_of(items)] == ["at"]
    [problem] = problems_of(items)
    assert problem.origin == str(over)
    assert "51" in problem.reason and "50" in problem.reason and "limit" in problem.reason


def test_size_limit_on_jsonl_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "feed.jsonl",
        [{"id": "short", "text": "أ" * 40}, {"id": "long", "text": "أ" * 41}, {"id": "after", "text": "ب" * 5}],
    )

    items = list(read_paths([path], max_chars=40))

    assert [d.doc_id for d in docs_of(items)] == ["short", "after"]
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:2"
    assert "limit" in problem.reason


def test_size_limit_on_stream() -> None:
    items = list(read_stream(io.BytesIO(("ب" * 31).encode("utf-8")), max_chars=30))

    [problem] = items
    assert isinstance(problem, Problem)
    assert problem.origin == "<stdin>"
    assert "limit" in problem.reason


# --------------------------------------------------------------------------- JSON Lines


def test_jsonl_documents_in_order_with_their_ids_and_dates(tmp_path: Path) -> None:
    rows = [
        {"id": "spa-1", "date": "2024-03-01", "text": RECEPTION, "source": "SPA", "title": "استقبال"},
        {"id": "spa-2", "date": "2024-03-02", "text": TALKS, "url": "https://x.example/2"},
        {"id": "spa-3", "text": PRAISE},
    ]
    path = write_jsonl(tmp_path / "spa.jsonl", rows)

    items = list(read_paths([path], date="2024-12-31"))

    assert items == [
        InputDocument("spa-1", RECEPTION, "2024-03-01", f"{path}:1", source="SPA", title="استقبال"),
        InputDocument("spa-2", TALKS, "2024-03-02", f"{path}:2", url="https://x.example/2"),
        InputDocument("spa-3", PRAISE, "2024-12-31", f"{path}:3"),  # the option fills a missing date only
    ]


def test_jsonl_line_without_id_is_named_by_file_and_line(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "wire.jsonl", [{"id": "k", "text": TALKS}, {"text": PRAISE}, {"id": "", "text": TALKS}]
    )

    ids = [d.doc_id for d in docs_of(list(read_paths([path])))]

    assert ids == ["k", f"{path.as_posix()}:2", f"{path.as_posix()}:3"]  # the path as given: unique per file


def test_jsonl_gz_is_read_like_jsonl(tmp_path: Path) -> None:
    rows = [{"id": f"kuna-{n}", "date": f"2024-07-0{n}", "text": text} for n, text in enumerate([TALKS, PRAISE], 1)]
    plain = write_jsonl(tmp_path / "kuna.jsonl", rows)
    packed = tmp_path / "kuna.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))

    from_plain = docs_of(list(read_paths([plain])))
    from_gz = docs_of(list(read_paths([packed])))

    assert [(d.doc_id, d.date, d.text) for d in from_gz] == [(d.doc_id, d.date, d.text) for d in from_plain]
    assert [d.origin for d in from_gz] == [f"{packed}:1", f"{packed}:2"]


def test_truncated_gz_is_a_problem(tmp_path: Path) -> None:
    rows = [{"id": str(n), "text": PRAISE} for n in range(20)]
    data = gzip.compress(write_jsonl(tmp_path / "full.jsonl", rows).read_bytes())
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) // 2])

    [problem] = list(read_paths([cut]))

    assert isinstance(problem, Problem)
    assert problem.origin == str(cut)


def test_bad_jsonl_lines_are_reported_with_their_line_and_the_rest_read(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "mixed.jsonl",
        [
            {"id": "ok-1", "text": RECEPTION},
            '{"id": "broken", "text": "أشاد',
            {"id": "no-text", "date": "2024-01-01"},
            {"id": "empty", "text": ""},
            {"id": "number", "text": 42},
            '["not", "an", "object"]',
            "",
            {"id": "ok-2", "text": PRAISE},
        ],
    )

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["ok-1", "ok-2"]
    assert docs_of(items)[1].origin == f"{path}:8"  # the blank line 7 is skipped without complaint
    reasons = {p.origin: p.reason for p in problems_of(items)}
    assert sorted(reasons) == [f"{path}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in reasons[f"{path}:2"]
    assert "'text'" in reasons[f"{path}:3"]
    assert "empty" in reasons[f"{path}:4"]
    assert "'text'" in reasons[f"{path}:5"]
    assert "object" in reasons[f"{path}:6"]


def test_non_utf8_jsonl_line_is_reported_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    good = json.dumps({"id": "a", "text": PRAISE}, ensure_ascii=False).encode("utf-8")
    bad = json.dumps({"id": "b", "text": TALKS}, ensure_ascii=False).encode("cp1256")
    path.write_bytes(good + b"\n" + bad + b"\n" + good.replace(b'"a"', b'"c"') + b"\n")

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["a", "c"]
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:2"
    assert "UTF-8" in problem.reason


def test_jsonl_with_bom_reads_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": TALKS}, ensure_ascii=False).encode())

    assert [d.doc_id for d in docs_of(list(read_paths([path])))] == ["first"]


# --------------------------------------------------------------------------- paths, folders


def test_missing_file_is_a_problem_and_the_next_file_is_read(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    present = tmp_path / "here.txt"
    present.write_text(PRAISE, encoding="utf-8")

    items = list(read_paths([missing, present]))

    [problem] = problems_of(items)
    assert problem.origin == str(missing)
    assert "no such file" in problem.reason
    assert [d.doc_id for d in docs_of(items)] == ["here"]


@pytest.mark.parametrize("name", ["report.docx", "report.md", "report.txt.gz"])
def test_unknown_extension_is_a_problem(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(PRAISE.encode("utf-8"))

    [problem] = list(read_paths([path]))

    assert isinstance(problem, Problem)
    assert problem.origin == str(path)
    assert "unknown file type" in problem.reason


def test_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "wires"
    (folder / "2024" / "06").mkdir(parents=True)
    (folder / "b.txt").write_text(PRAISE, encoding="utf-8")
    (folder / "a.txt").write_text(TALKS, encoding="utf-8")
    (folder / "a.meta.json").write_text(json.dumps({"id": "a-id"}), encoding="utf-8")
    (folder / "README.md").write_text("not news", encoding="utf-8")
    write_jsonl(folder / "2024" / "06" / "day.jsonl", [{"id": "j1", "text": RECEPTION}])

    items = list(read_paths([folder]))

    assert problems_of(items) == []
    assert [d.doc_id for d in docs_of(items)] == ["j1", "a-id", "b"]


def test_folder_without_documents_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.md").write_text("x", encoding="utf-8")

    [problem] = list(read_paths([folder]))

    assert isinstance(problem, Problem)
    assert problem.origin == str(folder)


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    z = tmp_path / "z.txt"
    z.write_text(TALKS, encoding="utf-8")
    feed = write_jsonl(tmp_path / "a.jsonl", [{"id": "a1", "text": PRAISE}, {"id": "a2", "text": RECEPTION}])

    ids = [d.doc_id for d in docs_of(list(read_paths([z, feed])))]

    assert ids == ["z", "a1", "a2"]


def test_id_option_with_several_files_is_reported_and_not_applied(tmp_path: Path) -> None:
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    first.write_text(TALKS, encoding="utf-8")
    second.write_text(PRAISE, encoding="utf-8")

    items = list(read_paths([first, second], doc_id="same"))

    [problem] = problems_of(items)
    assert problem.origin == "--id"
    assert [d.doc_id for d in docs_of(items)] == ["one", "two"]


# --------------------------------------------------------------------------- streams


def test_stream_of_plain_text_is_one_document() -> None:
    text = RECEPTION + "\n" + TALKS + "\n"

    [doc] = list(read_stream(io.BytesIO((text).encode("utf-8")), date="2024-02-02", doc_id="bna-9"))

    assert isinstance(doc, InputDocument)
    assert (doc.doc_id, doc.date, doc.text, doc.origin) == ("bna-9", "2024-02-02", text, "<stdin>")


def test_stream_without_id_is_named_stdin() -> None:
    [doc] = list(read_stream(io.BytesIO((PRAISE).encode("utf-8"))))

    assert isinstance(doc, InputDocument)
    assert doc.doc_id == "stdin"


def test_stream_starting_with_brace_is_jsonl() -> None:
    data = "\n  " + "\n".join(
        [
            json.dumps({"id": "s1", "date": "2024-04-04", "text": TALKS}, ensure_ascii=False),
            "{oops",
            json.dumps({"text": PRAISE}, ensure_ascii=False),
        ]
    )

    items = list(read_stream(io.BytesIO((data).encode("utf-8")), date="2024-09-09"))

    assert [(d.doc_id, d.date, d.text) for d in docs_of(items)] == [
        ("s1", "2024-04-04", TALKS),
        ("<stdin>:4", "2024-09-09", PRAISE),
    ]
    [problem] = problems_of(items)
    assert problem.origin == "<stdin>:3"
    assert "malformed JSON" in problem.reason


def test_stream_that_is_not_utf8_is_a_problem() -> None:
    stream = io.BytesIO(PRAISE.encode("cp1256"))

    [problem] = list(read_stream(stream))

    assert isinstance(problem, Problem)
    assert problem.origin == "<stdin>"
    assert "UTF-8" in problem.reason


def test_empty_stream_is_a_problem() -> None:
    [problem] = list(read_stream(io.BytesIO(b" \n")))

    assert isinstance(problem, Problem)
    assert "empty" in problem.reason


def test_problem_reads_as_origin_and_reason() -> None:
    assert str(Problem("feed.jsonl:3", "field 'text' is missing")) == "feed.jsonl:3: field 'text' is missing"


# --------------------------------------------------------------------------- hostile input (issue 16)


def test_issue16_1_a_deeply_nested_line_is_named_and_the_lines_after_it_are_read(tmp_path: Path) -> None:
    deep = '{"id": "d", "text": "x", "n": ' + "[" * 100_000 + "]" * 100_000 + "}"
    path = write_jsonl(tmp_path / "deep.jsonl", [{"id": "a", "text": TALKS}, deep, {"id": "b", "text": PRAISE}])

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["a", "b"]
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:2" and "nested" in problem.reason


@pytest.mark.parametrize("field", ["text", "id", "title", "source", "url"])
def test_issue16_2_a_lone_surrogate_costs_its_line_only_and_is_named_by_field(tmp_path: Path, field: str) -> None:
    bad = json.dumps({"id": "s", "text": TALKS, field: "x \ud800"})  # json.dumps escapes it as \ud800
    path = write_jsonl(tmp_path / "s.jsonl", [{"id": "a", "text": TALKS}, bad, {"id": "b", "text": PRAISE}])

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["a", "b"]
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:2"
    assert f"field '{field}' is not valid Unicode" in problem.reason and "\\ud800" in problem.reason


def _csv_rows(n: int) -> list[str]:
    return ["id,text"] + [f"r{i},{TALKS} {i}" for i in range(1, n + 1)]


@pytest.mark.parametrize(
    ("bad_row", "reason"),
    [
        (b"r500,\xff\xfe bad bytes", "byte 0xff, which is not UTF-8"),
        (b'r500,"an unterminated quote', "malformed CSV row"),
        (b"r500," + b"x" * 4_100_000, "malformed CSV row (field larger than field limit"),
    ],
)
def test_issue16_4_a_bad_csv_row_costs_that_row_only_with_its_line(tmp_path: Path, bad_row: bytes,
                                                                   reason: str) -> None:  # fmt: skip
    lines = [line.encode("utf-8") for line in _csv_rows(1000)]
    lines[500] = bad_row  # row 500 is on line 501 (after the header)
    lines.insert(300, b'r-multi,"a text\nover two lines"')  # a legitimate quoted line break, before it
    path = tmp_path / "rows.csv"
    path.write_bytes(b"\n".join(lines) + b"\n")

    items = list(read_paths([path]))

    docs = docs_of(items)
    assert len(docs) == 1000  # 999 good rows and the two-line one
    assert "r500" not in {d.doc_id for d in docs}
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:503"  # line 501, moved down by the two-line row
    assert reason in problem.reason
    assert [d.origin for d in docs if d.doc_id == "r501"] == [f"{path}:504"]


def test_issue16_5_generated_ids_differ_for_files_of_one_name_in_two_folders(tmp_path: Path) -> None:
    for folder, text in (("x", TALKS), ("y", PRAISE)):
        (tmp_path / folder).mkdir()
        write_jsonl(tmp_path / folder / "f.jsonl", [{"text": text}])

    items = list(read_paths([tmp_path / "x", tmp_path / "y"]))

    ids = [d.doc_id for d in docs_of(items)]
    assert ids == [f"{(tmp_path / 'x' / 'f.jsonl').as_posix()}:1", f"{(tmp_path / 'y' / 'f.jsonl').as_posix()}:1"]


@pytest.mark.parametrize("field", ["id", "source", "url", "title", "date"])
@pytest.mark.parametrize(("value", "kind"), [(["a"], "a list"), ({"a": 1}, "an object"), (True, "a boolean"),
                                             (1.5, "a number")])  # fmt: skip
def test_issue16_8_a_wrong_typed_field_is_refused_by_name(tmp_path: Path, field: str, value: Any, kind: str) -> None:
    path = write_jsonl(tmp_path / "t.jsonl", [{"id": "a", "text": TALKS, field: value}, {"id": "b", "text": PRAISE}])

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["b"]
    [problem] = problems_of(items)
    assert problem.origin == f"{path}:1" and f"field '{field}' is {kind}, not a string" in problem.reason


def test_issue16_10_dangling_links_loops_and_empty_files_are_named(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "good.jsonl", [{"id": "g", "text": TALKS}])
    (folder / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (folder / "loop.jsonl").symlink_to(folder / "loop.jsonl")
    (folder / "empty.jsonl").write_bytes(b"")
    (folder / "blank.jsonl").write_text("\n  \n", encoding="utf-8")
    (folder / "header.csv").write_text("id,text\n", encoding="utf-8")

    items = list(read_paths([folder]))

    assert [d.doc_id for d in docs_of(items)] == ["g"]
    reasons = {Path(p.origin).name: p.reason for p in problems_of(items)}
    assert all(p.lost for p in problems_of(items))
    assert "dangling symbolic link" in reasons["dangling.jsonl"]
    assert "symbolic link loop" in reasons["loop.jsonl"]
    assert "empty file" in reasons["empty.jsonl"]
    assert "no documents" in reasons["blank.jsonl"]
    assert "no documents" in reasons["header.csv"]


def test_issue16_11_a_number_too_long_for_python_is_named(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "n.jsonl", ['{"id": "n", "text": "x", "n": ' + "9" * 5000 + "}",
                                              {"id": "b", "text": PRAISE}])  # fmt: skip

    items = list(read_paths([path]))

    assert [d.doc_id for d in docs_of(items)] == ["b"]
    [problem] = problems_of(items)
    assert "more than 4,300 digits" in problem.reason
