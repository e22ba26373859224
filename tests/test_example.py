"""Acceptance on the canonical example (../shared/examples/): exactly its required events, each person named."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline

REQUIRED = {
    ("CONSULT", frozenset({"BHR/GOV", "USA/GOV"})),
    ("CONSULT", frozenset({"BHR/GOV", "RUS/GOV"})),
    ("CONSULT", frozenset({"BHR/GOV", "GBR/GOV"})),
    ("SUPPORT", ("USA/GOV", "BHR/GOV")),
}
OPTIONAL = {("SUPPORT", ("USA/GOV", "ARL/IGO"))}


def code(actor: dict[str, Any]) -> str:
    return f"{actor['country'] or actor['org']}/{actor['sector']}"


def key(event: dict[str, Any]) -> tuple[str, Any]:
    pair = (code(event["source"]), code(event["target"]))
    return (event["type"], frozenset(pair) if event["type"] == "CONSULT" else pair)


@pytest.fixture(scope="module")
def record(pipeline: Pipeline, example_text: str, example_meta: dict[str, Any]) -> dict[str, Any]:
    return pipeline.extract(example_text, date=example_meta["date"], doc_id=example_meta["id"]).to_dict()


def test_example_gives_exactly_the_required_events(record: dict[str, Any]) -> None:
    found = [key(e) for e in record["events"]]
    assert len(found) == len(set(found)), "one event per type and dyad"
    assert set(found) - OPTIONAL == REQUIRED


def test_example_meetings_are_third_party_in_jordan(record: dict[str, Any]) -> None:
    meetings = [e for e in record["events"] if e["type"] == "CONSULT"]
    assert len(meetings) == 3
    for e in meetings:
        assert e["mode"] == "third-party"
        assert e["cameo"] == "044"
        assert e["location"]["country"] == "JOR"
        assert e["location"]["text"] == "المملكة الأردنية الهاشمية"
        assert e["occasion"]["text"] == "مؤتمر “التجاوب العاجل للمساعدات الإنسانية لغزة”"
        assert (e["occasion"]["start"], e["occasion"]["end"]) == (319, 366)


@pytest.mark.parametrize(
    ("country", "name", "role"),
    [
        ("USA", "Antony Blinken", "secretary of state"),
        ("RUS", "Sergey Vershinin", "deputy foreign minister"),
        ("GBR", "Tariq Ahmad, Lord Ahmad of Wimbledon", "minister of state for the Middle East, North Africa"),
    ],
)
def test_example_names_each_counterpart_with_role(record: dict[str, Any], country: str, name: str, role: str) -> None:
    (event,) = [e for e in record["events"] if e["type"] == "CONSULT" and e["target"]["country"] == country]
    assert event["source"]["name"] == "Abdullatif bin Rashid Al Zayani"
    assert event["source"]["role"] == "foreign minister"
    assert event["source"]["text"] == "عبد اللطيف بن راشد الزياني"
    assert (event["source"]["start"], event["source"]["end"]) == (4, 30)
    assert event["target"]["name"] == name
    assert event["target"]["role"].startswith(role)


def test_example_support_is_the_us_praise_of_bahrain(record: dict[str, Any]) -> None:
    (event,) = [e for e in record["events"] if e["type"] == "SUPPORT"]
    assert event["trigger"]["text"] == "أثنى"
    assert event["source"]["name"] == "Antony Blinken"
    assert event["target"]["country"] == "BHR"


def test_example_reporter_and_date(record: dict[str, Any]) -> None:
    assert record["reported_by"] == {
        "text": "وكالة أنباء البحرين",
        "start": 574,
        "end": 593,
        "name": "Bahrain News Agency",
    }
    assert record["date"] == "2024-06-11"
    assert all(e["date"] == "2024-06-11" for e in record["events"])


def test_example_background_and_planned_events_are_not_emitted(record: dict[str, Any]) -> None:
    # the King's earlier visit to Russia (background) and the planned peace conference (future)
    triggers = {e["trigger"]["text"] for e in record["events"]}
    assert "زيارة" not in triggers
    assert not any(e["source"]["name"] == "Hamad bin Isa Al Khalifa" for e in record["events"])


def test_example_keeps_nonfactual_events_with_status_on_request(
    pipeline_nonfactual: Pipeline, example_text: str
) -> None:
    rec = pipeline_nonfactual.extract(example_text, date="2024-06-11", doc_id="x").to_dict(include_status=True)
    statuses = {(e["type"], e["status"]) for e in rec["events"]}
    assert ("CONSULT", "background") in statuses
    factual = [e for e in rec["events"] if e["status"] == "factual"]
    assert {key(e) for e in factual} - OPTIONAL == REQUIRED


def test_example_topics_and_entities(record: dict[str, Any]) -> None:
    topics = {t for e in record["events"] for t in e["topics"]}
    assert {"gaza-war", "ceasefire", "humanitarian-aid", "hostages", "palestinian-statehood", "fintech"} <= topics
    people = {e["name"] for e in record["entities"] if e["kind"] == "person"}
    assert {"Antony Blinken", "Sergey Vershinin", "Hamad bin Isa Al Khalifa"} <= people
    zayani = next(e for e in record["entities"] if e["id"] == "person:abdullatif-al-zayani")
    # the surname alone and the title alone ("وزير الخارجية البحرينى") corefer with the full name
    assert {m["text"] for m in zayani["mentions"]} >= {
        "عبد اللطيف بن راشد الزياني",
        "الزياني",
        "وزير الخارجية البحرينى",
    }


def test_example_every_span_holds(record: dict[str, Any], example_text: str, check_spans: Any) -> None:
    assert check_spans(record, example_text) > 20


def test_example_hard_wrapped_at_80_columns_gives_the_same_events(pipeline: Pipeline, example_text: str) -> None:
    import textwrap

    wrapped = "\n".join(textwrap.wrap(example_text, 80))
    rec = pipeline.extract(wrapped, date="2024-06-11").to_dict()
    assert {key(e) for e in rec["events"]} - OPTIONAL == REQUIRED
    assert all(e["location"]["country"] == "JOR" for e in rec["events"] if e["type"] == "CONSULT")


def test_example_where_when_about_what_and_who_reports(record: dict[str, Any]) -> None:
    """Issue 5's acceptance on the canonical example: location, occasion, reporting agency and topics."""
    assert record["reported_by"]["name"] == "Bahrain News Agency"
    meetings = [e for e in record["events"] if e["type"] == "CONSULT"]
    assert {e["location"]["country"] for e in meetings} == {"JOR"}
    assert all("التجاوب العاجل للمساعدات الإنسانية لغزة" in e["occasion"]["text"] for e in meetings)
    topics = set(record["topics"]) | {t for e in record["events"] for t in e["topics"]}
    assert {"gaza-war", "humanitarian-aid", "ceasefire", "hostages", "palestinian-statehood"} <= topics
    assert {"gaza-war", "humanitarian-aid", "ceasefire", "hostages", "palestinian-statehood"} <= set(record["topics"])
    assert all(e["date"] == "2024-06-11" for e in record["events"])
