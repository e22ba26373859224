"""Date expressions of Arabic news resolved against the document's date (hadath/lang/ar/dates.py and the dates
stage). The document date of every case is Tuesday 11 June 2024 unless the case gives its own."""

from __future__ import annotations

from datetime import date

import pytest

from hadath import Pipeline
from hadath.document import DateMention, Document
from hadath.lang.ar.dates import DateReader
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons
from hadath.stages.dates import DateResolver

TUESDAY = date(2024, 6, 11)

CASES = [
    # Gregorian, Egyptian/Gulf month names, with and without a year (a year-less date is the latest one before)
    ("وصل الوفد في 5 يونيو 2024", "2024-06-05"),
    ("عقد الاجتماع في 17 يوليو 2023", "2023-07-17"),
    ("في 1 يناير 2024", "2024-01-01"),
    ("بتاريخ 29 فبراير 2024", "2024-02-29"),
    ("يوم 3 مارس 2024", "2024-03-03"),
    ("في 12 أبريل الماضي", "2024-04-12"),
    ("في 12 إبريل", "2024-04-12"),
    ("في 12 مايو", "2024-05-12"),
    ("منذ 10 يونيه", "2024-06-10"),
    ("في 4 يوليه", "2023-07-04"),
    ("في 15 أغسطس", "2023-08-15"),
    ("في 30 سبتمبر 2023", "2023-09-30"),
    ("في 7 أكتوبر", "2023-10-07"),
    ("في 20 نوفمبر 2023م", "2023-11-20"),
    ("في 31 ديسمبر", "2023-12-31"),
    ("الأحد 9 يونيو", "2024-06-09"),
    ("في 5 من شهر يونيو الجاري", "2024-06-05"),
    ("في 2 من يونيو", "2024-06-02"),
    ("في 11 يونيو", "2024-06-11"),
    # Levantine months
    ("في 2 أيار", "2024-05-02"),
    ("رام الله 7 أيار 2024", "2024-05-07"),
    ("في 22 تشرين الثاني 2023", "2023-11-22"),
    ("في 5 كانون الثاني", "2024-01-05"),
    ("في 25 كانون الأول 2023", "2023-12-25"),
    ("في 27 شباط 2023", "2023-02-27"),
    ("في 5 آذار", "2024-03-05"),
    ("في 19 نيسان", "2024-04-19"),
    ("في 3 حزيران", "2024-06-03"),
    ("في 19 تموز", "2023-07-19"),
    ("في 14 آب 2023", "2023-08-14"),
    ("في 9 أيلول", "2023-09-09"),
    ("في 6 تشرين الأول", "2023-10-06"),
    # combined forms
    ("في 11 حزيران/يونيو 2024", "2024-06-11"),
    ("في 5 يونيو (حزيران) 2024", "2024-06-05"),
    ("في 3 تموز/يوليو", "2023-07-03"),
    ("في 8 أيار / مايو 2024", "2024-05-08"),
    # Maghrebi and Moroccan months
    ("في 15 جانفي 2024", "2024-01-15"),
    ("في 2 فيفري", "2024-02-02"),
    ("في 13 أفريل 2025", "2025-04-13"),
    ("في 8 ماي", "2024-05-08"),
    ("في 10 جوان", "2024-06-10"),
    ("في 5 جويلية 2023", "2023-07-05"),
    ("في 3 أوت 2023", "2023-08-03"),
    ("في 20 يوليوز", "2023-07-20"),
    ("في 16 غشت", "2023-08-16"),
    ("في 24 شتنبر 2023", "2023-09-24"),
    ("في 18 نونبر", "2023-11-18"),
    ("في 12 دجنبر", "2023-12-12"),
    # Arabic-Indic digits
    ("في ١٢ مايو ٢٠٢٤", "2024-05-12"),
    ("في ٣ أوت ٢٠٢٣", "2023-08-03"),
    ("بتاريخ ١٧/٧/٢٠٢٣", "2023-07-17"),
    # numeric and ISO dates (day first)
    ("بتاريخ 17/7/2024", "2024-07-17"),
    ("بتاريخ 2024-06-01", "2024-06-01"),
    ("بتاريخ 5-6-2024", "2024-06-05"),
    # Hijri
    ("في 5 ذو القعدة 1445 هـ", "2024-05-13"),
    ("في 10 ذي الحجة 1445 هجرية", "2024-06-16"),
    ("في 1 رمضان 1445 هـ", "2024-03-11"),
    ("في 27 رمضان", "2024-04-06"),
    ("في 1 محرم 1446 هـ", "2024-07-07"),
    ("في 12 ربيع الأول 1445 هـ", "2023-09-27"),
    ("في 1 شوال 1444 هـ", "2023-04-21"),
    # relative days
    ("التقى اليوم رئيس الوزراء", "2024-06-11"),
    ("وصل مساء اليوم الثلاثاء", "2024-06-11"),
    ("أعلن أمس", "2024-06-10"),
    ("أعلن يوم أمس", "2024-06-10"),
    ("وكان قد وصل أمس الأول", "2024-06-09"),
    ("وصل أول أمس", "2024-06-09"),
    ("وصل أول من أمس", "2024-06-09"),
    ("قال البارحة", "2024-06-10"),
    ("ويصل غدا", "2024-06-12"),
    # weekdays: the last one on or before the document's date, or before it with الماضي
    ("وصل الثلاثاء الماضي", "2024-06-04"),
    ("وصل يوم الخميس", "2024-06-06"),
    ("وصل الأحد", "2024-06-09"),
    ("وصل يوم الاثنين الماضي", "2024-06-10"),
    ("يصل الخميس المقبل", "2024-06-13"),
    ("وصل الجمعة الماضية", "2024-06-07"),
    # units
    ("زار الأسبوع الماضي", "2024-06-04"),
    ("في مطلع الشهر الجاري", "2024-06-01"),
    ("في منتصف الشهر الماضي", "2024-05-15"),
    ("في أواخر الشهر الماضي", "2024-05-31"),
    ("في الشهر الماضي", "2024-05-11"),
    ("في مطلع العام الجاري", "2024-01-01"),
    ("في نهاية العام الماضي", "2023-12-31"),
    ("خلال العام الماضي", "2023-06-11"),
    # counted
    ("قبل يومين", "2024-06-09"),
    ("قبل ثلاثة أيام", "2024-06-08"),
    ("منذ 5 أيام", "2024-06-06"),
    ("قبل أسبوعين", "2024-05-28"),
    ("قبل شهر", "2024-05-11"),
]


@pytest.fixture(scope="module")
def reader(lexicons: Lexicons) -> DateReader:
    return DateReader(lexicons.months, lexicons.date_words)


def found_dates(pipeline: Pipeline, text: str, day: date | None = TUESDAY) -> list[DateMention]:
    """The date expressions the dates stage reads in ``text``, in every sentence (not only those with events)."""
    doc = Document(text=text, doc_id="d", date=day)
    for stage in pipeline.stages:
        if isinstance(stage, DateResolver):
            return stage.find(doc, day, stage.anchors(doc, everywhere=True))
        doc = stage(doc)
    raise AssertionError("the pipeline has no dates stage")


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_date_expression_resolves_against_the_document_date(pipeline: Pipeline, text: str, expected: str) -> None:
    dates = found_dates(pipeline, text)
    assert [d.value.isoformat() for d in dates] == [expected], [d.text for d in dates]
    for d in dates:
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_full_scan_finds_what_the_anchored_search_finds(reader: DateReader, text: str, expected: str) -> None:
    found = [f.value for f in reader.find(normalize(text), TUESDAY) if f.value is not None]
    assert [v.isoformat() for v in found] == [expected]


def test_at_least_sixty_expressions_are_tested() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    "text",
    [
        "قال الأمين العام للأمم المتحدة",  # العام: "general"
        "ارتفع الرأي العام",
        "صفر من الأهداف",  # a Hijri month's name without a day
        "مارس الضغوط على الحكومة",  # مارس: a verb
        "في الشهر الكريم",
    ],
)
def test_words_that_are_no_date_give_none(pipeline: Pipeline, text: str) -> None:
    assert found_dates(pipeline, text) == []


def test_relative_dates_need_a_document_date(pipeline: Pipeline) -> None:
    assert found_dates(pipeline, "وصل الوفد أمس إلى القاهرة.", None) == []


def test_invalid_day_is_ignored(reader: DateReader) -> None:
    assert [f.value for f in reader.find(normalize("في 31 فبراير 2024"), TUESDAY)] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("رام الله 7 أيار 2024 (وفا) - التقى الرئيس محمود عباس وفدا.", "2024-05-07"),
        ("القاهرة في 6 أغسطس 2020 /أ ش أ/ - وقع وزير الخارجية اتفاقا.", "2020-08-06"),
        ("الرياض في 17 يوليو /واس/ - استقبل وزير الخارجية نظيره.", None),  # no year, no metadata: unknown
    ],
)
def test_document_date_from_the_dateline(pipeline: Pipeline, text: str, expected: str | None) -> None:
    record = pipeline.extract(text)
    assert (record.date.isoformat() if record.date else None) == expected


def test_metadata_date_wins_over_the_dateline(pipeline: Pipeline) -> None:
    record = pipeline.extract("رام الله 7 أيار 2024 (وفا) - التقى الرئيس وفدا.", date="2024-05-08")
    assert record.date == date(2024, 5, 8)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("التقى وزير الخارجية الأردني أيمن الصفدي أمس في عمّان نظيره المصري سامح شكري.", "2024-06-10"),
        ("التقى وزير الخارجية الأردني أيمن الصفدي في عمّان نظيره المصري سامح شكري.", "2024-06-11"),
        ("التقى وزير الخارجية الأردني أيمن الصفدي الأحد الماضي في عمّان نظيره المصري سامح شكري.", "2024-06-09"),
    ],
)
def test_event_date_is_its_sentence_date_else_the_document_date(pipeline: Pipeline, text: str, expected: str) -> None:
    (event,) = pipeline.extract(text, date="2024-06-11").to_dict()["events"]
    assert event["date"] == expected
