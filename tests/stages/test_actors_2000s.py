"""The 2000s in the actor knowledge base: titles alone in the style of 2007-2008 newswire resolve to that period's
holders in Africa, Iran, Turkey and Israel, and to later holders on later dates (sentences written for these
tests)."""

from __future__ import annotations

import pytest

from hadath import Pipeline

from .conftest import holder, persons

TITLES = [
    # (sentence with a title alone, a 2007-2008 date and its holder, a later date and that date's holder)
    ("القاهرة (رويترز) - قال رئيس الوزراء المصري إن الحكومة ستزيد دعم الخبز.",
     "2008-04-10", "Ahmed Nazif", "2013-05-01", "Hesham Qandil"),
    ("القاهرة (رويترز) - أمر وزير الداخلية المصري بتعزيز الأمن حول الكنائس.",
     "2007-12-20", "Habib el-Adly", "2014-01-15", "Mohamed Ibrahim Moustafa"),
    ("القدس (رويترز) - قال وزير الدفاع الإسرائيلي إن الجيش مستعد لعملية واسعة في غزة.",
     "2008-02-28", "Ehud Barak", "2005-02-01", "Shaul Mofaz"),
    ("القدس (رويترز) - رفض رئيس الوزراء الإسرائيلي دعوات إلى الاستقالة.",
     "2008-05-30", "Ehud Olmert", "2003-07-01", "Ariel Sharon"),
    ("طهران (رويترز) - قال الرئيس الإيراني إن بلاده لن توقف تخصيب اليورانيوم.",
     "2007-11-05", "Mahmoud Ahmadinejad", "2002-11-05", "Mohammad Khatami"),
    ("طهران (رويترز) - أجرى وزير الخارجية الإيراني محادثات مع المسؤولين الأوروبيين.",
     "2008-07-19", "Manouchehr Mottaki", "2012-07-19", "Ali Akbar Salehi"),
    ("أنقرة (رويترز) - دعا الرئيس التركي البرلمان إلى إقرار الإصلاحات.",
     "2008-01-15", "Abdullah Gul", "2005-01-15", "Ahmet Necdet Sezer"),
    ("الجزائر (رويترز) - أعلن رئيس الوزراء الجزائري خطة لمكافحة البطالة.",
     "2007-10-02", "Abdelaziz Belkhadem", "2010-10-02", "Ahmed Ouyahia"),
    ("الرباط (رويترز) - قال وزير الداخلية المغربي إن الشرطة فككت خلية متشددة.",
     "2008-03-01", "Chakib Benmoussa", "2012-03-01", "Mohand Laenser"),
    ("تونس (رويترز) - استقبل وزير الخارجية التونسي سفير الاتحاد الأوروبي.",
     "2008-06-11", "Abdelwaheb Abdallah", "2012-06-11", "Rafik Abdessalem"),
    ("الخرطوم (رويترز) - قال وزير الدفاع السوداني إن الجيش صد هجوما في دارفور.",
     "2008-05-12", "Abdel Rahim Mohammed Hussein", "2017-05-12", "Ahmed Awad Ibn Auf"),
    ("طرابلس (رويترز) - قال وزير الخارجية الليبي إن بلاده ستعوض ضحايا لوكربي.",
     "2008-08-14", "Abdel Rahman Shalgham", "2010-08-14", "Moussa Koussa"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "date", "name", "later", "later_name"), TITLES)
def test_a_2000s_title_names_that_periods_holder_and_a_later_one_later(
    pipeline: Pipeline, text: str, date: str, name: str, later: str, later_name: str
) -> None:
    assert holder(pipeline, text, date)["name"] == name
    assert holder(pipeline, text, later)["name"] == later_name


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("القدس (رويترز) - قال رئيس الوزراء الإسرائيلي إن الانتخابات ستجري في موعدها.", "2006-02-20"),
        ("طرابلس (رويترز) - أعلن رئيس الوزراء الليبي وقف إطلاق النار.", "2011-05-01"),
    ],
)
def test_two_prime_ministers_at_once_leave_the_title_unresolved(pipeline: Pipeline, text: str, date: str) -> None:
    """Olmert acting beside Sharon (January to April 2006); Gaddafi's and the rebels' governments (2011)."""
    p = holder(pipeline, text, date)
    assert p["name"] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("تونس (رويترز) - قال محمد الغنوشي إن الحكومة ستفرج عن السجناء السياسيين.", "Mohamed Ghannouchi"),
        ("تونس (رويترز) - قال راشد الغنوشي إن حركة النهضة ستشارك في الانتخابات.", "Rached Ghannouchi"),
    ],
)
def test_two_ghannouchis_resolve_by_full_name(pipeline: Pipeline, text: str, name: str) -> None:
    assert [p["name"] for p in persons(pipeline, text, "2011-02-01")] == [name]


def test_the_ghannouchi_surname_alone_names_neither(pipeline: Pipeline) -> None:
    found = persons(pipeline, "وقال الغنوشي في مؤتمر صحفي إن الحوار سيستمر.", "2011-02-01")
    assert all(p["name"] not in ("Mohamed Ghannouchi", "Rached Ghannouchi") for p in found)
