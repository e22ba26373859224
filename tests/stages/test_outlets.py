"""The outlet a report comes from (``source`` of the input record, ``resources/outlets.tsv``): a bare title or
ministry in its own report is its state's official (ANNOTATION.md), and a bare "المملكة" names the kingdom the
report is about (stages/context.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from hadath import Pipeline
from hadath.document import Document
from hadath.pipeline import outlet_metadata


def actors(pipeline: Pipeline, text: str, source: str | None) -> list[tuple[str, str | None]]:
    doc = Document(text=text, doc_id="t", date=date(2015, 7, 20), metadata=outlet_metadata(source))
    return [(a.actor.text, a.actor.country) for a in pipeline.process(doc).actors]


def events(pipeline: Pipeline, text: str, source: str | None) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = pipeline.extract(text, date="2015-07-20", doc_id="t", source=source).to_dict()[
        "events"
    ]
    return events


def test_a_bare_ministry_in_a_saudi_papers_own_report_is_saudi(pipeline: Pipeline) -> None:
    text = "أعلنت وزارة الداخلية القبض على خلية إرهابية تضم ستة أشخاص في محافظة القطيف."
    assert ("وزارة الداخلية", "SAU") in actors(pipeline, text, "okaz")
    # the same words with no outlet given, or an outlet the table does not know: no state is guessed
    assert ("وزارة الداخلية", None) in actors(pipeline, text, None)
    assert ("وزارة الداخلية", None) in actors(pipeline, text, "some-blog")


def test_an_agency_cited_in_the_report_wins_over_the_outlet(pipeline: Pipeline) -> None:
    text = "عمّان 2 أيار (بترا) - استقبل وزير الخارجية في مكتبه اليوم سفير اليابان لدى المملكة."
    found = actors(pipeline, text, "alriyadh")
    assert ("وزير الخارجية", "JOR") in found
    assert ("وزير الخارجية", "SAU") not in found


@pytest.mark.parametrize("source", ["okaz", "alriyadh", "was"])
def test_the_bare_kingdom_is_the_saudi_outlets_own_state(pipeline: Pipeline, source: str) -> None:
    text = "أدانت المملكة بشدة التفجير الإرهابي الذي استهدف مسجدا في الكويت، وأكدت وقوفها إلى جانب الكويت."
    assert ("المملكة", "SAU") in actors(pipeline, text, source)
    accuse = [e for e in events(pipeline, text, source) if e["type"] == "ACCUSE"]
    assert accuse and accuse[0]["source"]["country"] == "SAU"


def test_the_kingdom_a_report_names_in_full_is_the_bare_kingdom(pipeline: Pipeline) -> None:
    text = (
        "استقبل العاهل المغربي الملك محمد السادس في الرباط رئيس الوزراء الإسباني، وأكد حرص المملكة المغربية "
        "على تعزيز العلاقات، مشيرا إلى أن المملكة ماضية في الإصلاحات."
    )
    found = actors(pipeline, text, "okaz")
    assert ("المملكة", "MAR") in found
    assert ("المملكة", "SAU") not in found


def test_no_kingdom_is_guessed_without_a_kingdom_outlet_or_name(pipeline: Pipeline) -> None:
    text = "أكد وزير الخارجية المصري أن المملكة شريك أساسي في مكافحة الإرهاب."
    assert not [a for a in actors(pipeline, text, None) if a[0] == "المملكة"]
    # two kingdoms named in full: the bare word is left alone
    text2 = "التقى وزير خارجية المملكة الأردنية الهاشمية نظيره في المملكة المغربية، وقال إن المملكة تدعم الحل."
    assert not [a for a in actors(pipeline, text2, "okaz") if a[0] == "المملكة"]


def test_a_kingdom_inside_a_longer_name_is_not_read_twice(pipeline: Pipeline) -> None:
    text = "وصل إلى المملكة العربية السعودية وفد من المملكة المتحدة برئاسة وزير الدفاع البريطاني."
    found = actors(pipeline, text, "okaz")
    assert ("المملكة", "SAU") not in found and ("المملكة", "GBR") not in found


def test_recalling_the_kingdoms_own_envoy_targets_the_state_of_his_post(pipeline: Pipeline) -> None:
    # "سفير المملكة لدى إسرائيل" is one title phrase now that "المملكة" is Jordan in a Petra report: the recall
    # (SANCTION) still targets the state of the post, never the envoy's own state
    text = "عمّان 3 آذار (بترا) - قررت وزارة الخارجية استدعاء سفير المملكة لدى إسرائيل فورا احتجاجا على الاعتداءات."
    (sanction,) = [e for e in events(pipeline, text, None) if e["type"] == "SANCTION"]
    assert sanction["target"]["country"] == "ISR"
    assert sanction["source"]["country"] == "JOR"


def test_a_bare_leader_in_a_saudi_paper_is_not_a_saudi_leader(pipeline: Pipeline) -> None:
    # the knowledge base's Saudi "leader" is the Grand Mufti: a bare "زعيم" in a Saudi paper's report is a party's
    # or a movement's leader, never him
    text = "وقال زعيم الحركة في كلمة مسجلة إن المفاوضات مع الحكومة لن تستأنف قبل الإفراج عن المعتقلين."
    doc = Document(text=text, doc_id="t", date=date(2015, 7, 20), metadata=outlet_metadata("okaz"))
    found = pipeline.process(doc).actors
    assert not [a for a in found if a.actor.entity_id == "person:abdulaziz-al-ash-sheikh"]
    assert not [a for a in found if a.actor.text.startswith("زعيم") and a.actor.country == "SAU"]
