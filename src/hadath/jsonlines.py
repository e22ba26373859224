"""JSON Lines parsing shared by every reader (documents, gold files, resources): one object per line, with the
line number and a readable reason for each line that is not one.

Hostile lines never raise: a line nested deeper than :data:`MAX_DEPTH` is refused before it is parsed (Python's
parser would recurse once per level), and a number too long for Python's integers is named as such.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

#: The deepest nesting of arrays and objects a line may have (a record is a flat object: 2 is plenty).
MAX_DEPTH = 64

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deep arrays and objects nest in the JSON ``text``, counted up to ``limit + 1`` (brackets inside
    strings do not count). Cheap for ordinary records: they hold fewer brackets than the limit."""
    if text.count("[") + text.count("{") <= limit:
        return min(limit, text.count("[") + text.count("{"))
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub("", text)):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > limit:
                break
        else:
            depth -= 1
    return deepest


def json_failure(exc: BaseException) -> str | None:
    """Why parsing JSON failed, in words, for the errors JSON parsing raises; ``None`` for any other error."""
    if isinstance(exc, json.JSONDecodeError):
        return f"malformed JSON ({exc.msg}, column {exc.colno})"
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 ({exc.reason} at byte {exc.start})"
    if isinstance(exc, RecursionError):
        return "JSON nested too deeply"
    if isinstance(exc, ValueError) and "integer string conversion" in str(exc):
        return "a number has more than 4,300 digits, more than any value here can use; send it as a string"
    return None


def loads(text: str) -> tuple[Any, str | None]:
    """``(value, None)`` for JSON text, ``(None, reason)`` for text that is not JSON hadath can use (malformed,
    nested deeper than :data:`MAX_DEPTH`, a number too long to convert). Never raises for any ``str``."""
    depth = nesting_depth(text)
    if depth > MAX_DEPTH:
        return None, f"JSON nested more than {MAX_DEPTH} levels deep; a record is a flat object"
    try:
        return json.loads(text), None
    except (ValueError, RecursionError) as exc:
        reason = json_failure(exc)
        if reason is None:
            raise
        return None, reason


def parse_lines(lines: Iterable[str], first_line: int = 1) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """``(line_number, object, None)`` for each JSON object, ``(line_number, None, reason)`` for each bad line;
    blank lines are skipped."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        obj, error = loads(line)
        if error is not None:
            yield number, None, error
            continue
        if not isinstance(obj, dict):
            yield number, None, "the line is not a JSON object"
            continue
        yield number, obj, None
