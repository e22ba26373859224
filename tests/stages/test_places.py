"""Places and event locations (stages/context.py, stages/places.py, the location rules of stages/events.py):
datelines, ambiguous names, sidelines meetings, towns with coordinates, no place inside a person's name."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline
from hadath.document import Document


def record(pipeline: Pipeline, text: str, date: str = "2024-06-11") -> dict[str, Any]:
    return pipeline.extract(text, date=date, doc_id="t").to_dict()


def consult(pipeline: Pipeline, text: str) -> dict[str, Any]:
    (event,) = [e for e in record(pipeline, text)["events"] if e["type"] == "CONSULT"]
    return event


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("المنامة في 12 مايو /بنا/ - استقبل وزير الخارجية البحريني نظيره الأردني أيمن الصفدي.", "BHR", "Manama"),
        ("الرياض في 17 يوليو /واس/ - استقبل وزير الخارجية السعودي نظيره التركي هاكان فيدان.", "SAU", "Riyadh"),
        ("عمان - بترا: استقبل وزير الخارجية الأردني أيمن الصفدي نظيره العماني.", "JOR", "Amman"),
        ("عمان (بترا) - استقبل وزير الخارجية الأردني أيمن الصفدي نظيره القطري.", "JOR", "Amman"),
        ("عمّان 2 أيار (بترا) - استقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري.", "JOR", "Amman"),
        ("الكويت - 4 - 1 (كونا) -- استقبل وزير الخارجية الكويتي نظيره البحريني.", "KWT", "Kuwait City"),
        ("تونس في 3 مارس /وات/ - استقبل وزير الخارجية التونسي نظيره الجزائري.", "TUN", "Tunis"),
        ("الجزائر في 5 جوان /واج/ - استقبل وزير الخارجية الجزائري نظيره التونسي.", "DZA", "Algiers"),
        ("رام الله 7 أيار 2024 (وفا) - استقبل الرئيس محمود عباس وزير الخارجية الأردني أيمن الصفدي.", "PSE", "Ramallah"),
        ("العقبة في 26 شباط (بترا) - استقبل وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري.", "JOR", "Aqaba"),
    ],
)
def test_dateline_place_is_where_a_meeting_without_a_place_happened(
    pipeline: Pipeline, text: str, country: str, place: str
) -> None:
    loc = consult(pipeline, text)["location"]
    assert (loc["country"], loc["place"]) == (country, place)
    assert loc["lat"] is not None and loc["lon"] is not None and loc["geonames_id"] is not None
    assert text[loc["start"] : loc["end"]] == loc["text"]


def test_dateline_amman_is_not_oman_anywhere_in_the_report(pipeline: Pipeline) -> None:
    text = "عمان - بترا: أكد وزير الخارجية الأردني أيمن الصفدي أن عمان ترحب بالقرار."
    entities = {e["id"] for e in record(pipeline, text)["entities"]}
    assert "state:OMN" not in entities


def test_bare_oman_stays_oman_outside_jordanian_reports(pipeline: Pipeline) -> None:
    text = "مسقط في 3 مايو /العمانية/ - استقبل وزير الخارجية العماني في عمان نظيره الإيراني."
    assert consult(pipeline, text)["location"]["country"] == "OMN"


def test_jordanian_capital_named_in_full_is_amman(pipeline: Pipeline) -> None:
    text = "التقى وزير الخارجية القطري في العاصمة الأردنية عمان نظيره الإيراني."
    loc = consult(pipeline, text)["location"]
    assert (loc["country"], loc["place"]) == ("JOR", "Amman")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("التقى وزير الخارجية الإيطالي في طرابلس رئيس الحكومة الليبية.", "LBY"),
        ("التقى وزير الخارجية الإيطالي في طرابلس شمال لبنان رئيس الحكومة اللبنانية.", "LBN"),
        ("التقى وزير الخارجية الفرنسي في طرابلس الشام رئيس الحكومة اللبنانية.", "LBN"),
        ("التقى وزير الخارجية المصري في طرابلس الليبية رئيس الحكومة الليبية.", "LBY"),
    ],
)
def test_tripoli_is_read_from_its_context_libya_by_default(pipeline: Pipeline, text: str, country: str) -> None:
    assert consult(pipeline, text)["location"]["country"] == country


@pytest.mark.parametrize(
    ("text", "country", "place"),
    [
        ("التقى وزير الخارجية الأردني أيمن الصفدي في جنيف نظيره المصري سامح شكري.", "CHE", "Geneva"),
        ("بحث وزير الخارجية الأردني أيمن الصفدي في نيويورك مع نظيره المصري سامح شكري الأوضاع.", "USA", "New York"),
        ("التقى وزير الخارجية المصري سامح شكري في مدينة العلمين نظيره الأردني أيمن الصفدي.", "EGY", "El Alamein"),
    ],
)
def test_meeting_in_a_third_countrys_city_is_third_party(
    pipeline: Pipeline, text: str, country: str, place: str
) -> None:
    event = consult(pipeline, text)
    assert (event["location"]["country"], event["location"]["place"]) == (country, place)
    expected = "visit" if country in ("EGY", "JOR") else "third-party"
    assert event["mode"] == expected


def test_meeting_in_one_partys_city_is_a_visit(pipeline: Pipeline) -> None:
    event = consult(pipeline, "التقى وزير الخارجية الأردني أيمن الصفدي في الإسكندرية نظيره المصري سامح شكري.")
    assert event["location"]["place"] == "Alexandria"
    assert (event["mode"], event["cameo"]) == ("visit", "042")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # a place named after the occasion
        ("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري على هامش مؤتمر «دعم السودان» المنعقد في"
         " جنيف.", "CHE"),
        # the place of the conference, named in an earlier sentence
        ("انطلقت في البحر الميت أعمال المنتدى الاقتصادي العالمي. وعلى هامش المنتدى التقى وزير الخارجية البحريني"
         " نظيره القطري.", "JOR"),
    ],
)  # fmt: skip
def test_sidelines_meeting_takes_the_occasions_place(pipeline: Pipeline, text: str, country: str) -> None:
    event = consult(pipeline, text)
    assert event["location"]["country"] == country
    assert event["occasion"] is not None
    assert event["mode"] == "third-party"


@pytest.mark.parametrize(
    ("text", "occasion"),
    [
        ("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري على هامش مؤتمر «دعم السودان» في جنيف.",
         "مؤتمر «دعم السودان»"),
        ("التقى وزير الخارجية الأردني أيمن الصفدي نظيره المصري سامح شكري خلال مشاركته في قمة \"العلا\" في السعودية.",
         "قمة \"العلا\""),
        ("التقى وزير الخارجية القطري نظيره الفرنسي على هامش أعمال منتدى الدوحة.", "منتدى الدوحة"),
    ],
)  # fmt: skip
def test_occasion_names_quoted_conferences_summits_and_forums(pipeline: Pipeline, text: str, occasion: str) -> None:
    assert consult(pipeline, text)["occasion"]["text"] == occasion


@pytest.mark.parametrize(
    "text",
    [
        # "سيرجي" and "اللورد" are town names somewhere; a person's name is never a place
        "التقى وزير الخارجية البحريني مع سيرجي فيرشينين، نائب وزير خارجية روسيا الاتحادية.",
        "التقى وزير الخارجية البحريني مع اللورد طارق أحمد، وزير الدولة البريطاني.",
        "استقبل وزير الخارجية المصري سامح شكري السفير رشيد الخليل.",
        "وقال أيمن الصفدي إن الأردن يرحب بالقرار.",
    ],
)
def test_no_place_inside_a_persons_name(pipeline: Pipeline, text: str) -> None:
    doc = pipeline.process(Document(text=text, doc_id="t"))
    persons = [a.extent for a in doc.actors if a.kind == "person"]
    assert persons
    for pm in doc.places:
        assert not any(a <= pm.nstart and pm.nend <= b for a, b in persons), pm


@pytest.mark.parametrize(
    "text",
    [
        "وأكد في بيان صحفي أهمية التعاون.",  # بيان: a town of Kuwait
        "وقال في إطار زيارته إن العلاقات متينة.",  # إطار: a town of Mauritania
        "واستخدمت الشرطة الغاز المسيل للدموع.",
        "ودعا إلى تسوية سلمية للأزمة.",
    ],
)
def test_ordinary_words_that_are_town_names_are_not_places(pipeline: Pipeline, text: str) -> None:
    assert pipeline.process(Document(text=text, doc_id="t")).places == ()


def test_town_location_carries_coordinates_and_geonames_id(pipeline: Pipeline) -> None:
    text = "وخرج آلاف المتظاهرين في مدينة البصرة للمطالبة بتحسين الخدمات."
    (event,) = record(pipeline, text)["events"]
    loc = event["location"]
    assert (loc["country"], loc["place"], loc["text"]) == ("IRQ", "Basra", "البصرة")
    assert isinstance(loc["geonames_id"], int) and 29 < loc["lat"] < 32 and 46 < loc["lon"] < 49


def test_place_a_statement_is_about_is_not_its_location(pipeline: Pipeline) -> None:
    text = "القاهرة في 9 سبتمبر /أ ش أ/ - أدانت مصر بأشد العبارات القصف الإسرائيلي في غزة."
    (event,) = record(pipeline, text)["events"]
    assert event["type"] == "ACCUSE" and event["location"] is None


def test_call_has_no_location(pipeline: Pipeline) -> None:
    text = (
        "عمّان 2 أيار (بترا) - تلقى وزير الخارجية أيمن الصفدي اتصالا هاتفيا من نظيره المصري سامح شكري"
        " بحثا خلاله الأوضاع في غزة."
    )
    (event,) = record(pipeline, text)["events"]
    assert event["mode"] == "phone" and event["location"] is None


def test_towns_regions_and_capitals_are_location_entities(pipeline: Pipeline) -> None:
    text = "وشنت طائرات إسرائيلية غارات على مدينة خان يونس جنوب قطاع غزة وعلى بلدة بنت جبيل في جنوب لبنان."
    names = {e["name"] for e in record(pipeline, text)["entities"] if e["kind"] == "location"}
    assert {"Khan Yunis", "Bint Jbeil", "South Lebanon"} <= names
