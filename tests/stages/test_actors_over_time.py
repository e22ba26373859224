"""Time awareness of the actor knowledge base: one sentence, two dates, two holders (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from hadath import Pipeline

from .conftest import holder, persons


@pytest.mark.parametrize(
    ("text", "date", "name", "country"),
    [
        # the same title on two dates: Hulusi Akar, then Yasar Guler
        ("أنقرة - بحث وزير الدفاع التركي مع وفد عسكري تعزيز التعاون.", "2019-05-14", "Hulusi Akar", "TUR"),
        ("أنقرة - بحث وزير الدفاع التركي مع وفد عسكري تعزيز التعاون.", "2024-05-14", "Yasar Guler", "TUR"),
        # an Arab interior minister, title alone with the demonym
        ("الرباط - ترأس وزير الداخلية المغربي اجتماعا أمنيا.", "2022-02-08", "Abdelouafi Laftit", "MAR"),
        ("بيروت - تفقد وزير الداخلية اللبناني مراكز الاقتراع.", "2022-05-15", "Bassam Mawlawi", "LBN"),
        ("بيروت - تفقد وزير الداخلية اللبناني مراكز الاقتراع.", "2025-05-04", "Ahmad al-Hajjar", "LBN"),
        # a head of government, named by "رئيس الحكومة" and the demonym
        ("تونس - استقبل رئيس الحكومة التونسي وفدا من رجال الأعمال.", "2017-03-02", "Youssef Chahed", "TUN"),
        ("تونس - استقبل رئيس الحكومة التونسي وفدا من رجال الأعمال.", "2022-03-02", "Najla Bouden", "TUN"),
        # the German chancellor answers the "رئيس الحكومة" title through the role family
        ("برلين - أكد رئيس الحكومة الألماني دعم بلاده للحل السياسي.", "2023-01-10", "Olaf Scholz", "DEU"),
        # the Home Secretary is the British interior minister
        ("لندن - أعلنت وزيرة الداخلية البريطانية إجراءات جديدة.", "2020-02-19", "Priti Patel", "GBR"),
    ],
)
def test_a_title_alone_names_its_holder_on_the_document_date(
    pipeline: Pipeline, text: str, date: str, name: str, country: str
) -> None:
    p = holder(pipeline, text, date)
    assert (p["name"], p["country"]) == (name, country)


@pytest.mark.parametrize(
    ("date", "role"),
    [("2016-05-01", "foreign minister"), ("2023-05-01", "foreign minister"), ("2025-05-01", "chairperson")],
)
def test_a_persons_role_follows_the_document_date(pipeline: Pipeline, date: str, role: str) -> None:
    found = persons(pipeline, "استقبل محمود علي يوسف في مكتبه وفدا برلمانيا.", date)
    p = next(f for f in found if f["name"] == "Mahmoud Ali Youssouf")
    assert p["role"] == role


def test_rival_prime_ministers_leave_the_title_alone_unresolved(pipeline: Pipeline) -> None:
    """Libya had two prime ministers in 2022: the title alone names neither."""
    p = holder(pipeline, "طرابلس - أعلن رئيس الوزراء الليبي خطة لإعادة الإعمار.", "2022-06-01")
    assert p["name"] is None
    assert p["country"] == "LBY"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("بحث نوري المالكي مع وفد حزبي الانتخابات المقبلة.", "Nouri al-Maliki"),
        ("بحث رياض المالكي مع وفد أوروبي الاعتراف بالدولة.", "Riyad al-Maliki"),
    ],
)
def test_a_full_name_resolves_though_its_surname_is_shared(pipeline: Pipeline, text: str, name: str) -> None:
    assert any(p["name"] == name for p in persons(pipeline, text, "2016-03-01"))


def test_a_shared_surname_alone_resolves_to_no_one(pipeline: Pipeline) -> None:
    found = persons(pipeline, "وقال المالكي في تصريح صحفي إن المحادثات كانت مثمرة.", "2016-03-01")
    assert all(p["name"] not in ("Nouri al-Maliki", "Riyad al-Maliki") for p in found)
