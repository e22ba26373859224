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

    assert ids == ["k", "wire.jsonl:2", "wire.jsonl:3"]


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
