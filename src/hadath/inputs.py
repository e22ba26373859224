"""Reading documents from files and streams: .txt (one document each, with an optional ``NAME.meta.json``
beside it), .jsonl and .jsonl.gz (one document per line), folders of those, and stdin.

Nothing is lost silently: every input that cannot be read becomes a :class:`Problem` naming the file, the line
and what to do, and the readers go on with the next line or file.
"""

from __future__ import annotations

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
                yield Problem(str(path), "folder has no .txt, .jsonl or .jsonl.gz files")
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
        else:
            yield Problem(str(path), "unknown file type; use .txt (one document) or .jsonl / .jsonl.gz")


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


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
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
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as fh:
                raw = fh.read()
        else:
            raw = path.read_bytes()
    except (OSError, EOFError) as exc:
        yield Problem(str(path), f"cannot read ({exc}); is the file complete?")
        return
    lines = raw.split(b"\n")
    for number, line in enumerate(lines, start=1):
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Problem(f"{path}:{number}", f"line is not UTF-8 ({exc.reason}); convert the file to UTF-8")
            continue
        yield from _parse_jsonl_lines(io.StringIO(decoded), str(path), date, max_chars, first_line=number)


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
