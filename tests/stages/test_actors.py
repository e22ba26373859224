"""Actor recognition patterns of news style, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline


def entities(pipeline: Pipeline, text: str, date: str = "2024-03-10") -> list[dict[str, Any]]:
    return list(pipeline.extract(text, date=date, doc_id="t").to_dict()["entities"])


def person(pipeline: Pipeline, text: str, date: str = "2024-03-10") -> dict[str, Any]:
    found = [e for e in entities(pipeline, text, date) if e["kind"] == "person"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "country", "role"),
    [
        # NAME، TITLE (apposition), name unknown to the knowledge base
        (
            "وصل خالد بن سالم المنصوري، وزير الدولة للشؤون الخارجية العماني، إلى الرياض.",
            "OMN",
            "minister of state for foreign affairs",
        ),
        # TITLE DEMONYM NAME with an honorific kept out of the name
        ("وأكد سفير المملكة العربية السعودية لدى الأردن الدكتور نايف السديري أن ...", "SAU", "ambassador"),
    ],
)
def test_person_gets_country_and_role_from_title(pipeline: Pipeline, text: str, country: str, role: str) -> None:
    p = person(pipeline, text)
    assert (p["country"], p["role"]) == (country, role)
    assert all(not m["text"].startswith("الدكتور") for m in p["mentions"])


def test_unknown_name_span_excludes_conjunction_and_title(pipeline: Pipeline) -> None:
    text = "التقى الوزير مع كل من: فهد العتيبي، سفير الكويت، وسالم الهاجري، سفير قطر."
    people = [e for e in entities(pipeline, text) if e["kind"] == "person"]
    names = sorted(m["text"] for p in people for m in p["mentions"])
    assert names == ["سالم الهاجري", "فهد العتيبي"]
    assert {p["country"] for p in people} == {"KWT", "QAT"}


@pytest.mark.parametrize(
    ("date", "name"),
    # issue 4's acceptance: the same sentence dated 2024 and 2026 names different secretaries of state
    [("2024-06-11", "Antony Blinken"), ("2025-06-11", "Marco Rubio"), ("2026-03-01", "Marco Rubio")],
)
def test_title_alone_resolves_to_the_holder_on_the_document_date(pipeline: Pipeline, date: str, name: str) -> None:
    p = person(pipeline, "وصل وزير الخارجية الأمريكي إلى عمّان.", date)
    assert p["name"] == name
    assert p["country"] == "USA"


def test_counterpart_takes_the_role_of_the_last_person(pipeline: Pipeline) -> None:
    text = "بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني التطورات."
    people = {e["name"]: e for e in entities(pipeline, text) if e["kind"] == "person"}
    assert "Ayman Safadi" in people
    assert people["Ayman Safadi"]["country"] == "JOR"


def test_lord_is_an_honorific_not_a_name(pipeline: Pipeline, example_text: str) -> None:
    found = pipeline.extract(example_text, date="2024-06-11").to_dict()["entities"]
    tariq = next(e for e in found if e["id"] == "person:tariq-ahmad")
    assert {m["text"] for m in tariq["mentions"]} == {"طارق أحمد"}


def test_news_agency_is_a_reporter_not_an_actor(pipeline: Pipeline) -> None:
    rec = pipeline.extract(
        "وذكرت وكالة الأنباء القطرية أن أمير قطر استقبل وزير الخارجية التركي.", date="2024-03-10"
    ).to_dict()
    assert rec["reported_by"]["name"]
    sources = {e["source"]["entity_id"] for e in rec["events"]} | {e["target"]["entity_id"] for e in rec["events"]}
    assert not any(s and "agency" in s for s in sources)
    assert all(e["source"]["sector"] != "JRN" and e["target"]["sector"] != "JRN" for e in rec["events"])


def test_the_same_sentence_in_2024_and_2026_resolves_to_different_people(pipeline: Pipeline) -> None:
    sentence = "وصل وزير الخارجية الأمريكي إلى القاهرة اليوم في زيارة رسمية يلتقي خلالها كبار المسؤولين."
    in_2024 = person(pipeline, sentence, "2024-03-10")
    in_2026 = person(pipeline, sentence, "2026-03-10")
    assert in_2024["id"] != in_2026["id"]
    assert (in_2024["name"], in_2026["name"]) == ("Antony Blinken", "Marco Rubio")
