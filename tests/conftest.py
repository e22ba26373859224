"""Shared fixtures: the packaged lexicons and one pipeline, loaded once per test session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hadath import Pipeline, PipelineConfig, load_lexicons
from hadath.lexicon.lexicons import Lexicons

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "bna-bahrain-fm-gaza-conference.txt"
EXAMPLE_META = ROOT / "examples" / "bna-bahrain-fm-gaza-conference.meta.json"


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    return load_lexicons()


@pytest.fixture(scope="session")
def pipeline(lexicons: Lexicons) -> Pipeline:
    return Pipeline(lexicons=lexicons)


@pytest.fixture(scope="session")
def pipeline_nonfactual(lexicons: Lexicons) -> Pipeline:
    return Pipeline(PipelineConfig(include_nonfactual=True), lexicons=lexicons)


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_meta() -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(EXAMPLE_META.read_text(encoding="utf-8"))
    return meta


def iter_spans(obj: Any) -> Iterator[dict[str, Any]]:
    """Every object with text/start/end inside a contract record (actors, triggers, locations, mentions...)."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys():
            yield obj
        for value in obj.values():
            yield from iter_spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from iter_spans(value)


def assert_spans_hold(record: dict[str, Any], text: str) -> int:
    """Assert ``text[start:end] == span text`` for every span of a record; return how many were checked."""
    n = 0
    for span in iter_spans(record):
        assert text[span["start"] : span["end"]] == span["text"], span
        n += 1
    for event in record.get("events", []):
        s, e = event["sentence"]["start"], event["sentence"]["end"]
        assert 0 <= s < e <= len(text)
        assert s <= event["trigger"]["start"] and event["trigger"]["end"] <= e
    return n


@pytest.fixture(scope="session")
def check_spans() -> Any:
    """The span-property checker, as a fixture (tests do not import conftest)."""
    return assert_spans_hold
