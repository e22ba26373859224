"""Helpers shared by the actor tests of this folder (imported as ``from .conftest import ...``)."""

from __future__ import annotations

from typing import Any

from hadath import Pipeline


def persons(pipeline: Pipeline, text: str, date: str) -> list[dict[str, Any]]:
    """The person entities of the record of ``text`` extracted on ``date``."""
    return [e for e in pipeline.extract(text, date=date, doc_id="t").to_dict()["entities"] if e["kind"] == "person"]


def holder(pipeline: Pipeline, text: str, date: str) -> dict[str, Any]:
    """The one person entity of ``text`` on ``date`` (fails when there is not exactly one)."""
    found = persons(pipeline, text, date)
    assert len(found) == 1, found
    return found[0]
