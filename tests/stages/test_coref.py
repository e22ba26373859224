"""Coreference within a document: which mentions join which entity, and which stay unlinked."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline, PipelineConfig
from hadath.lexicon.lexicons import Lexicons


def registry(pipeline: Pipeline, text: str, date: str | None = "2024-03-10") -> dict[str, list[str]]:
    record = pipeline.extract(text, date=date, doc_id="t").to_dict()
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    return {e["id"]: [m["text"] for m in e["mentions"]] for e in record["entities"]}


def entity(pipeline: Pipeline, text: str, date: str | None = "2024-03-10") -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in pipeline.extract(text, date=date, doc_id="t").to_dict()["entities"]}


def test_canonical_example_links_both_sides_and_the_speaker(pipeline: Pipeline, example_text: str) -> None:
    found = registry(pipeline, example_text, "2024-06-11")
    zayani, blinken = found["person:abdullatif-al-zayani"], found["person:antony-blinken"]
    assert {"الزياني", "الجانبان", "وزير الخارجية البحرينى"} <= set(zayani)
    assert {"بلينكن", "وزير خارجية الولايات المتحدة الأمريكية", "من جانبه"} <= set(blinken)
    assert "الجانبان" in found["person:sergey-vershinin"]  # "كما بحث الجانبان" follows the meeting with him
    assert "الجانبان" not in blinken and "من جانبه" not in zayani
    assert found["state:BHR"].count("البلدين") == 2 and found["state:USA"].count("البلدين") == 2


@pytest.mark.parametrize(
    "text",
    [
        "التقى وزير الخارجية الأردني أيمن الصفدي في عمان وزير الخارجية المصري سامح شكري. وبحث الجانبان تطورات الأوضاع"
        " في غزة.",
        "استقبل وزير الخارجية المصري سامح شكري في القاهرة اليوم نظيره الأردني أيمن الصفدي، واستعرض الطرفان العلاقات"
        " الثنائية.",
    ],
)
def test_both_sides_join_both_entities(pipeline: Pipeline, text: str) -> None:
    found = registry(pipeline, text, "2022-05-10")
    plural = next(w for w in ("الجانبان", "الطرفان") if w in text)
    assert plural in found["person:ayman-safadi"]
    assert plural in found["person:sameh-shoukry"]


def test_both_sides_with_one_known_party_stay_unlinked(pipeline: Pipeline) -> None:
    text = "أعلنت وزارة الخارجية القطرية أن الجانبين اتفقا على استئناف المحادثات الأسبوع المقبل."
    found = registry(pipeline, text)
    assert not any("الجانبين" in mentions for mentions in found.values())


def test_both_sides_after_a_meeting_with_several_guests_stay_unlinked(pipeline: Pipeline) -> None:
    text = (
        "بحث وزير الخارجية الأردني أيمن الصفدي في عمان مع كل من: سامح شكري، وزير الخارجية المصري، وفيصل بن فرحان،"
        " وزير الخارجية السعودي، الأوضاع في المنطقة. وأكد الجانبان أهمية التنسيق."
    )
    found = registry(pipeline, text, "2022-05-10")
    assert not any("الجانبان" in mentions for mentions in found.values())
    assert "أكد" not in found["person:ayman-safadi"]  # "الجانبان" is the subject of "وأكد", even unlinked


def test_both_states_are_the_states_of_both_sides(pipeline: Pipeline) -> None:
    text = "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري سبل تعزيز العلاقات بين البلدين."
    found = registry(pipeline, text, "2022-05-10")
    assert "البلدين" in found["state:JOR"]
    assert "البلدين" in found["state:EGY"]  # Egypt is not named as a state: the phrase brings it in


def test_for_his_part_is_the_next_speaker(pipeline: Pipeline) -> None:
    text = (
        "التقى وزير الخارجية الأردني أيمن الصفدي في عمان وزير الخارجية المصري سامح شكري. من جانبه، أشاد سامح شكري"
        " بالدور الأردني في دعم الاستقرار."
    )
    found = registry(pipeline, text, "2022-05-10")
    assert "من جانبه" in found["person:sameh-shoukry"]
    assert "من جانبه" not in found["person:ayman-safadi"]


def test_coordinated_verb_without_subject_is_a_mention_of_the_subject(pipeline: Pipeline) -> None:
    text = "التقى أيمن الصفدي في عمان اليوم سامح شكري، كما بحث مع فيصل بن فرحان الأوضاع الإقليمية."
    found = registry(pipeline, text, "2022-05-10")
    assert "بحث" in found["person:ayman-safadi"]
    assert "بحث" not in found["person:faisal-bin-farhan"]


def test_statement_without_subject_is_the_host_s(pipeline: Pipeline) -> None:
    text = "استقبل أيمن الصفدي في عمان اليوم سامح شكري. وبحث معه الأوضاع الإقليمية، وأكد أهمية التنسيق."
    found = registry(pipeline, text, "2022-05-10")
    assert "أكد" in found["person:ayman-safadi"]  # the host speaks, though the event is coded as Shoukry's visit
    assert "أكد" not in found["person:sameh-shoukry"]


def test_verb_with_its_own_subject_is_no_dropped_subject(pipeline: Pipeline) -> None:
    text = "التقى أيمن الصفدي في عمان سامح شكري. وبحث سامح شكري مع الصفدي الأوضاع في غزة."
    found = registry(pipeline, text, "2022-05-10")
    assert "بحث" not in found["person:ayman-safadi"] and "بحث" not in found["person:sameh-shoukry"]


def test_undated_title_links_to_the_person_named_with_it(pipeline: Pipeline) -> None:
    text = (
        "التقى أنتوني بلينكن، وزير الخارجية الأمريكي، في الرياض ولي العهد السعودي. وأكد وزير الخارجية الأمريكي"
        " التزام بلاده بأمن المنطقة."
    )
    found = registry(pipeline, text, None)
    assert found["person:antony-blinken"] == ["أنتوني بلينكن", "وزير الخارجية الأمريكي"]
    assert not any(key.startswith("role:USA") for key in found)


def test_undated_title_of_another_state_stays_a_role(pipeline: Pipeline) -> None:
    text = "التقى أنتوني بلينكن، وزير الخارجية الأمريكي، في الرياض. وأكد وزير الخارجية الفرنسي دعم بلاده للحل."
    found = registry(pipeline, text, None)
    assert found["person:antony-blinken"] == ["أنتوني بلينكن"]


def test_unknown_person_gets_a_romanized_name(pipeline: Pipeline) -> None:
    text = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم خالد سالم الدوسري، وزير الخارجية الكويتي."
    found = entity(pipeline, text, "2022-05-10")
    unknown = next(e for key, e in found.items() if key.startswith("person:ar:"))
    assert unknown["name"] and unknown["name"].isascii()
    assert unknown["name_source"] == "romanized"
    assert unknown["country"] == "KWT" and unknown["role"] == "foreign minister"
    assert "name_source" not in found["person:ayman-safadi"]  # the knowledge base's name is no romanization


def test_romanization_can_be_turned_off(lexicons: Lexicons) -> None:
    pipeline = Pipeline(PipelineConfig(romanize=False), lexicons=lexicons)
    text = "استقبل وزير الخارجية الأردني أيمن الصفدي في عمان اليوم خالد سالم الدوسري، وزير الخارجية الكويتي."
    found = entity(pipeline, text, "2022-05-10")
    unknown = next(e for key, e in found.items() if key.startswith("person:ar:"))
    assert unknown["name"] is None and "name_source" not in unknown
