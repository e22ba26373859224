"""Reading validated data files: TSV with a header row and ``#`` comments, and JSON Lines."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from hadath.errors import ResourceError
from hadath.jsonlines import parse_lines


def read_tsv(path: Path, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; fail on a wrong header or a wrong number of cells."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ResourceError(str(path), None, "file not found; reinstall hadath or pass the right folder") from None
    except UnicodeDecodeError as exc:
        raise ResourceError(str(path), None, f"not UTF-8 ({exc.reason}); save it as UTF-8") from None
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != tuple(columns):
                raise ResourceError(str(path), number, f"header is {cells!r}; expected the columns {list(columns)!r}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            raise ResourceError(
                str(path),
                number,
                f"{len(cells)} cells where the header has {len(columns)} ({', '.join(columns)})",
            )
        yield number, {c: v.strip() for c, v in zip(columns, cells, strict=True)}
    if not header_seen:
        raise ResourceError(str(path), None, f"no header row; expected the columns {list(columns)!r}")


def read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-empty line; fail on invalid JSON or a non-object."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise ResourceError(str(path), None, "file not found; reinstall hadath or pass the right folder") from None
    content = ("" if line.lstrip().startswith("#") else line for line in lines)  # comments keep their numbers
    for number, obj, error in parse_lines(content):
        if obj is None:
            raise ResourceError(str(path), number, f"{error}; each line must be a JSON object")
        yield number, obj


def require(path: Path, line: int, field: str, value: str, allowed: frozenset[str] | None = None) -> str:
    """Check a required cell (non-empty, and in ``allowed`` when given) and return it."""
    if not value:
        raise ResourceError(str(path), line, f"field {field!r} is empty")
    if allowed is not None and value not in allowed:
        raise ResourceError(
            str(path), line, f"field {field!r} is {value!r}; expected one of {', '.join(sorted(allowed))}"
        )
    return value


def parse_date(path: Path, line: int, field: str, value: object) -> date | None:
    """Parse an ISO date cell; ``None``/empty means open-ended."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ResourceError(str(path), line, f"field {field!r} must be an ISO date string or null")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ResourceError(str(path), line, f"field {field!r} is {value!r}, not an ISO date (YYYY-MM-DD)") from None
