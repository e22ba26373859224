"""The JSON record follows ../shared/EVENT_FORMAT.md exactly: field names, order of keys and types."""

from __future__ import annotations

import json
from typing import Any

from hadath import Pipeline

RECORD_KEYS = ["doc_id", "date", "language", "reported_by", "events", "entities", "topics"]  # topics: an addition
EVENT_KEYS = [
    "id", "type", "mode", "cameo", "contexts", "source", "target", "location", "occasion", "date",
    "trigger", "sentence", "topics", "confidence",
]  # fmt: skip
ACTOR_KEYS = ["text", "start", "end", "name", "country", "org", "sector", "role", "entity_id"]
LOCATION_KEYS = ["text", "start", "end", "country", "place", "lat", "lon", "geonames_id"]
ENTITY_KEYS = ["id", "kind", "name", "country", "org", "sector", "role", "mentions"]


def test_record_has_the_contract_fields(pipeline: Pipeline, example_text: str) -> None:
    rec: dict[str, Any] = json.loads(pipeline.extract(example_text, date="2024-06-11", doc_id="bna-1").to_json())
    assert list(rec) == RECORD_KEYS
    assert rec["language"] == "ar"
    for event in rec["events"]:
        assert [k for k in event if k != "evidence"] == EVENT_KEYS
        assert event["id"].startswith("bna-1:")
        assert list(event["source"]) == ACTOR_KEYS
        assert list(event["target"]) == ACTOR_KEYS
        assert list(event["location"]) == LOCATION_KEYS
        assert set(event["sentence"]) == {"start", "end"}
        assert 0.0 < event["confidence"] <= 1.0
        assert "status" not in event
    for entity in rec["entities"]:
        assert list(entity) == ENTITY_KEYS
        assert entity["kind"] in {"person", "organization", "location", "state"}


def test_status_only_on_request(pipeline: Pipeline, example_text: str) -> None:
    rec = pipeline.extract(example_text, date="2024-06-11").to_dict(include_status=True)
    assert {e["status"] for e in rec["events"]} == {"factual"}


def test_no_events_gives_an_empty_list_and_null_reporter(pipeline: Pipeline) -> None:
    rec = pipeline.extract("ارتفعت درجات الحرارة اليوم في معظم المناطق.").to_dict()
    assert rec["events"] == []
    assert rec["reported_by"] is None
    assert rec["date"] is None
