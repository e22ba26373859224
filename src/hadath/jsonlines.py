"""JSON Lines parsing shared by every reader (documents, gold files, resources): one object per line, with the
line number and a readable reason for each line that is not one."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any


def parse_lines(lines: Iterable[str], first_line: int = 1) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """``(line_number, object, None)`` for each JSON object, ``(line_number, None, reason)`` for each bad line;
    blank lines are skipped."""
    for number, line in enumerate(lines, start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"malformed JSON ({exc.msg}, column {exc.colno})"
            continue
        if not isinstance(obj, dict):
            yield number, None, "the line is not a JSON object"
            continue
        yield number, obj, None
