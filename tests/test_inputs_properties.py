"""Properties of the input layer over hostile bytes (issue 16): whatever a file or stream holds, reading it never
raises; every bad record is named by its file and line; every good record is read once, in order; and the store
holds exactly the good records, the later text of an id winning."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath import Pipeline
from hadath.inputs import InputDocument, Problem, check_document, read_paths, read_stream
from hadath.store.ingest import ingest
from hadath.store.store import Store

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = ["بحث", "وزير", "الخارجية", "الأردني", "مع", "نظيره", "المصري", "في", "عمان", "،", "x", "1"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join)
junk = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)  # fmt: skip

#: Lines no reader may accept, each with the reason's telltale.
BAD_LINES: list[tuple[bytes, str]] = [
    (b'{"id": "d", "text": "x", "n": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested"),
    (b'{"id": "s", "text": "x \\ud800"}', "field 'text' is not valid Unicode"),
    (b'{"id": "s\\udfff", "text": "x"}', "field 'id' is not valid Unicode"),
    (b'{"id": "n", "text": "x", "n": ' + b"7" * 5000 + b"}", "4,300 digits"),
    (b'{"id": "u", "text": "\xff\xfe"}', "not UTF-8"),
    (b'{"id": "m", "text": ', "malformed JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"id": "e", "text": "  "}', "empty document"),
    (b'{"id": "t"}', "field 'text' is missing"),
]


@st.composite
def jsonl_lines(draw: Any) -> tuple[list[bytes], list[tuple[str, str] | str]]:
    """Lines of a JSON Lines file, and what each must become: ``(id, text)`` or the telltale of its problem."""
    lines: list[bytes] = []
    expected: list[tuple[str, str] | str] = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["good", "good", "bad", "typed"]))
        if kind == "good":
            doc_id, text = draw(st.sampled_from(["a", "b", "c", "d"])), draw(texts)
            lines.append(json.dumps({"id": doc_id, "text": text}, ensure_ascii=draw(st.booleans())).encode())
            expected.append((doc_id, text))
        elif kind == "bad":
            line, telltale = draw(st.sampled_from(BAD_LINES))
            lines.append(line)
            expected.append(telltale)
        else:
            field, value = draw(st.sampled_from(["id", "source", "url", "title", "date"])), draw(junk)
            if value is None or (field == "id" and type(value) is int):
                continue
            lines.append(json.dumps({"id": "z", "text": "x", field: value}).encode())
            expected.append(f"field '{field}' is")
    if not lines:  # a file of blank lines is a problem of the file, tested apart
        lines.append(json.dumps({"id": "a", "text": "x"}).encode())
        expected.append(("a", "x"))
    return lines, expected


@FAST
@given(case=jsonl_lines())
def test_every_jsonl_line_becomes_its_document_or_a_problem_naming_it(case: Any) -> None:
    lines, expected = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        items = list(read_paths([path]))
    assert len(items) == len(expected)
    for number, (item, want) in enumerate(zip(items, expected, strict=True), start=1):
        assert item.origin == f"{path}:{number}"
        if isinstance(want, tuple):
            assert isinstance(item, InputDocument) and (item.doc_id, item.text) == want
        else:
            assert isinstance(item, Problem) and item.lost and want in item.reason, (item, want)


@FAST
@given(data=st.lists(st.binary(max_size=40), max_size=8))
def test_no_bytes_make_the_jsonl_reader_raise_and_each_line_is_accounted_for(data: list[bytes]) -> None:
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in data]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        items = list(read_paths([path]))
    numbered = [i for i in items if i.origin.startswith(f"{path}:")]
    blank = sum(not line.decode("utf-8", "replace").strip() for line in lines)
    assert len(numbered) == len(lines) - blank or (blank == len(lines) and len(items) == 1)
    for item in items:
        assert isinstance(item, Problem) or check_document(item) is None


@st.composite
def csv_rows(draw: Any) -> tuple[bytes, list[tuple[str, str] | str]]:
    """A CSV file (header id,text) and what each row must become."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "text"])
    chunks = [out.getvalue().encode()]
    expected: list[tuple[str, str] | str] = []
    rows = draw(st.integers(1, 10))
    for n in range(rows):
        kind = draw(st.sampled_from(["good", "good", "bytes", "cells", "quote"]))
        if kind == "quote" and n < rows - 1:
            kind = "good"  # an unterminated quote swallows what follows up to a closing quote: last row only
        if kind == "good":
            doc_id = f"r{n}"
            text = draw(texts) + draw(st.sampled_from(["", ", with a comma", ' "quoted"', "\nover two lines"]))
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerow([doc_id, text])
            chunks.append(out.getvalue().encode())
            expected.append((doc_id, text))
        elif kind == "bytes":
            chunks.append(f"r{n},bad ".encode() + b"\xff\xfe\n")
            expected.append("not UTF-8")
        elif kind == "cells":
            chunks.append(f"r{n},a,b,c\n".encode())
            expected.append("more cells than the header")
        else:
            chunks.append(f'r{n},"never closed\n'.encode())
            expected.append("malformed CSV row")
    return b"".join(chunks), expected


@FAST
@given(case=csv_rows())
def test_a_bad_csv_row_costs_that_row_only(case: Any) -> None:
    data, expected = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(data)
        items = list(read_paths([path]))
    assert len(items) == len(expected), items
    for item, want in zip(items, expected, strict=True):
        if isinstance(want, tuple):
            assert isinstance(item, InputDocument) and (item.doc_id, item.text) == want, (item, want)
        else:
            assert isinstance(item, Problem) and item.lost and want in item.reason, (item, want)


@FAST
@given(data=st.binary(max_size=300))
def test_no_bytes_make_the_csv_reader_raise(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.csv"
        path.write_bytes(b"id,text\n" + data)
        items = list(read_paths([path]))
    for item in items:
        assert item.origin == str(path) or item.origin.startswith(f"{path}:")
        assert isinstance(item, Problem) or check_document(item) is None


@FAST
@given(data=st.binary(max_size=300), as_text=st.booleans())
def test_no_bytes_make_the_stream_or_text_readers_raise(data: bytes, as_text: bool) -> None:
    if as_text:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "in.txt"
            path.write_bytes(data)
            items = list(read_paths([path]))
    else:
        items = list(read_stream(io.BytesIO(data)))
    assert items
    for item in items:
        assert isinstance(item, Problem) or check_document(item) is None


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=jsonl_lines())
def test_the_store_holds_each_good_record_once_the_later_text_winning(case: Any, pipeline: Pipeline) -> None:
    lines, expected = case
    latest = {want[0]: want[1] for want in expected if isinstance(want, tuple)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        path.write_bytes(b"\n".join(lines) + b"\n")
        with Store(Path(folder) / "s.duckdb") as store:
            summary = ingest(read_paths([path]), store, pipeline=pipeline)
            held = dict(store.con.execute("SELECT doc_id, text FROM documents").fetchall())
    assert held == latest
    assert summary.stored == len(latest)
    assert summary.skipped == sum(not isinstance(w, tuple) for w in expected)
