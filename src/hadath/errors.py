"""The one exception hierarchy of hadath.

Every message says what was wrong, where (file, line, field) and what to do about it.
"""

from __future__ import annotations


class HadathError(Exception):
    """Base class of every error hadath raises on purpose."""


class ResourceError(HadathError):
    """A lexicon or model file shipped with hadath (or passed by the user) is malformed."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


class InputError(HadathError):
    """A document given to hadath cannot be processed (missing, not UTF-8, empty, too large, malformed)."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")
        self.source = source
        self.line = line
        self.reason = reason


class StoreError(HadathError):
    """An event store (a DuckDB file) cannot be opened, read or written as asked."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CorrectionError(HadathError):
    """An analyst's correction of an event cannot be applied (an unknown code, a mode of another type, a span
    outside the document ...); the message names the field."""
