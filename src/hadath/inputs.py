"""Reading documents from files and streams: .txt (one document each, with an optional ``NAME.meta.json``
beside it), .jsonl and .jsonl.gz (one document per line), .csv (``id,text[,date,source,url,title]``), folders of
those, and stdin. Files are read as streams: a large corpus is never held in memory.

Nothing is lost silently: every input that cannot be read becomes a :class:`Problem` naming the file, the line
and what to do, and the readers go on with the next line or file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hadath.config import MAX_DOCUMENT_CHARS
from hadath.jsonlines import parse_lines

TEXT_SUFFIXES = (".txt",)
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
CSV_SUFFIXES = (".csv",)


@dataclass(frozen=True, slots=True)
class InputDocument:
    doc_id: str
    text: str
    date: str | None
    origin: str  # "file" or "file:line", for messages
    source: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the input that could not be used. ``lost`` is False for warnings (the document was still
    read, e.g. with its broken metadata ignored) and True when a document or line was skipped."""

    origin: str
    reason: str
    lost: bool = True

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = InputDocument | Problem


def read_paths(
    paths: list[Path], date: str | None = None, doc_id: str | None = None, max_chars: int = MAX_DOCUMENT_CHARS
) -> Iterator[Item]:
    """Documents (or problems) from files and folders, in the order given; folders sorted by name."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p) is not None)
            if not found:
                yield Problem(str(path), "folder has no .txt, .jsonl, .jsonl.gz or .csv files")
            files.extend(found)
        else:
            files.append(path)
    if doc_id is not None and len(files) > 1:
        yield Problem("--id", "--id names one document; it is ignored with several input files", lost=False)
        doc_id = None
    for path in files:
        if not path.exists():
            yield Problem(str(path), "no such file; check the path")
            continue
        kind = _kind(path)
        if kind == "jsonl" and doc_id is not None:
            yield Problem("--id", f"--id is ignored for {path.name} (each JSON line has its own id)", lost=False)
        if kind == "jsonl":
            yield from _read_jsonl_file(path, date, max_chars)
        elif kind == "text":
            yield from _read_text_file(path, date, doc_id, max_chars)
        elif kind == "csv":
            yield from _read_csv_file(path, date, max_chars)
        else:
            yield Problem(str(path), "unknown file type; use .txt (one document), .jsonl / .jsonl.gz or .csv")


def read_stream(
    stream: IO[bytes],
    origin: str = "<stdin>",
    date: str | None = None,
    doc_id: str | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Iterator[Item]:
    """Documents from a byte stream (UTF-8): JSON Lines if it starts with ``{``, else one plain-text document."""
    raw = stream.read()
    try:
        data = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Problem(origin, f"input is not UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8")
        return
    if data.lstrip().startswith("{"):
        if doc_id is not None:
            yield Problem("--id", "--id is ignored for JSON Lines input (each line has its own id)", lost=False)
        yield from _parse_jsonl_lines(io.StringIO(data), origin, date, max_chars)
    else:
        yield _text_document(data, doc_id or "stdin", date, origin, max_chars)


def input_kind(path: Path) -> str | None:
    """``jsonl``, ``text`` or ``csv`` for the file types hadath reads, else ``None``."""
    return _kind(path)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    if name.endswith(CSV_SUFFIXES):
        return "csv"
    return None


def _text_document(text: str, doc_id: str, date: str | None, origin: str, max_chars: int,
                   meta: dict[str, Any] | None = None) -> Item:  # fmt: skip
    if not text.strip():
        return Problem(origin, "empty document (no text); remove it or fill it")
    if len(text) > max_chars:
        return Problem(origin, f"document has {len(text):,} characters, over the {max_chars:,} limit; split it")
    meta = meta or {}
    return InputDocument(
        doc_id=str(meta.get("id") or doc_id),
        text=text,
        date=_str_or_none(meta.get("date")) or date,
        origin=origin,
        source=_str_or_none(meta.get("source")),
        url=_str_or_none(meta.get("url")),
        title=_str_or_none(meta.get("title")),
    )


def _read_text_file(path: Path, date: str | None, doc_id: str | None, max_chars: int) -> Iterator[Item]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror}")
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Problem(str(path), f"not UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8")
        return
    meta: dict[str, Any] = {}
    meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json")
    if meta_path.exists():
        try:
            loaded = json.loads(meta_path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                meta = loaded
            else:
                yield Problem(str(meta_path), "metadata must be a JSON object; ignored", lost=False)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Problem(str(meta_path), f"invalid metadata JSON ({exc}); ignored", lost=False)
    if doc_id:
        meta = {**meta, "id": doc_id}
    yield _text_document(text, path.stem, date, str(path), max_chars, meta)


def _read_jsonl_file(path: Path, date: str | None, max_chars: int) -> Iterator[Item]:
    """Line by line (a large file is never held in memory); a truncated .gz keeps the lines before the cut."""
    yield from read_jsonl_range(path, date=date, max_chars=max_chars)


def read_jsonl_range(
    path: Path,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
    date: str | None = None,
    max_chars: int = MAX_DOCUMENT_CHARS,
) -> Iterator[Item]:
    """Documents of a JSON Lines file (``.gz`` too), or of the lines in bytes ``[start, end)`` of an uncompressed
    one (``start`` at a line start, numbered ``first_line``): how a partition of a large file is read."""
    number = first_line - 1
    try:
        with gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb") as fh:
            if start:
                fh.seek(start)
            position = start
            for number, line in enumerate(fh, start=first_line):
                if end is not None and position >= end:
                    break
                position += len(line)
                try:
                    decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    yield Problem(f"{path}:{number}", f"line is not UTF-8 ({exc.reason}); convert the file to UTF-8")
                    continue
                yield from _parse_jsonl_lines(io.StringIO(decoded), str(path), date, max_chars, first_line=number)
    except (OSError, EOFError) as exc:
        where = f" after line {number}" if number else ""
        yield Problem(str(path), f"cannot read{where} ({exc}); is the file complete? Lines before it were read")


def _read_csv_file(path: Path, date: str | None, max_chars: int) -> Iterator[Item]:
    """CSV with a header naming ``id`` and ``text`` (and optionally ``date``, ``source``, ``url``, ``title``)."""
    csv.field_size_limit(max(csv.field_size_limit(), max_chars * 4 + 1024))  # a long article is one cell
    try:
        fh = path.open("r", encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror}")
        return
    with fh:
        reader = csv.DictReader(fh)
        try:
            header = reader.fieldnames or []
            if "text" not in header:
                yield Problem(str(path), f"CSV header has no 'text' column (found {header}); expected id,text[,date,"
                              "source,url,title]")  # fmt: skip
                return
            line = reader.line_num
            for row in reader:
                where = f"{path}:{line + 1}"
                line = reader.line_num
                if None in row:
                    yield Problem(where, "row has more cells than the header; quote texts that contain commas")
                    continue
                text = row.get("text")
                if text is None:
                    yield Problem(where, "row has fewer cells than the header (no 'text')")
                    continue
                doc_id = row.get("id") or f"{path.name}:{line}"
                yield _text_document(text, doc_id, _str_or_none(row.get("date")) or date, where, max_chars, {
                    "source": row.get("source"), "url": row.get("url"), "title": row.get("title"),
                })  # fmt: skip
        except UnicodeDecodeError as exc:
            yield Problem(f"{path}:{reader.line_num + 1}", f"not UTF-8 ({exc.reason}); convert the file to UTF-8; "
                          "the rows before it were read")  # fmt: skip
        except csv.Error as exc:
            yield Problem(f"{path}:{reader.line_num}", f"malformed CSV ({exc}); the rows before it were read")


def _parse_jsonl_lines(stream: IO[str], origin: str, date: str | None, max_chars: int,
                       first_line: int = 1) -> Iterator[Item]:  # fmt: skip
    for number, obj, error in parse_lines(stream, first_line):
        where = f"{origin}:{number}"
        if obj is None:
            yield Problem(where, f"{error}; fix or remove the line (each line is a JSON object with 'id' and 'text')")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            yield Problem(where, "field 'text' is missing or not a string")
            continue
        doc_id = obj.get("id")
        doc_id = str(doc_id) if doc_id not in (None, "") else f"{Path(origin).name}:{number}"
        yield _text_document(text, doc_id, _str_or_none(obj.get("date")) or date, where, max_chars, {
            "source": obj.get("source"), "url": obj.get("url"), "title": obj.get("title"),
        })  # fmt: skip


def _str_or_none(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


def estimate_documents(paths: list[Path]) -> int | None:
    """A quick count of the documents in ``paths`` for progress bars (lines of .jsonl/.csv, one per .txt);
    ``None`` when it cannot be told cheaply (compressed files)."""
    total = 0
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(p for p in path.rglob("*") if p.is_file() and _kind(p)) if path.is_dir() else [path])
    for path in files:
        kind = _kind(path)
        if kind == "text":
            total += 1
        elif kind in ("jsonl", "csv") and not path.name.lower().endswith(".gz"):
            try:
                with path.open("rb") as fh:
                    while chunk := fh.read(1 << 20):
                        total += chunk.count(b"\n")
            except OSError:
                continue
            total -= kind == "csv"  # the header
        elif kind is not None:
            return None
    return total
