"""Event rules on news-style sentences written for these tests: what is produced and what is not."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline


def events(pipeline: Pipeline, text: str, date: str = "2024-03-10") -> list[dict[str, Any]]:
    return list(pipeline.extract(text, date=date, doc_id="t").to_dict(include_status=True)["events"])


def canon(d: tuple[str, str, str]) -> tuple[str, str, str]:
    """CONSULT, COOPERATE and AGREE compare as unordered pairs: sides in alphabetical order."""
    etype, a, b = d
    return (etype, b, a) if etype in {"CONSULT", "COOPERATE", "AGREE"} and b < a else d


def dyad(event: dict[str, Any]) -> tuple[str, str, str]:
    """``(type, source, target)``, symmetric types as unordered pairs."""
    src, tgt = event["source"], event["target"]
    return canon((event["type"], src["country"] or src["org"], tgt["country"] or tgt["org"]))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # VSO with مع
        ("بحث وزير الخارجية المصري سامح شكري مع نظيره الأردني أيمن الصفدي الأوضاع في غزة.", ("CONSULT", "EGY", "JOR")),
        # SVO after an attribution verb: the agency is the reporter, not the source
        (
            "وذكرت وكالة الأنباء الكويتية أن وزير الخارجية الكويتي التقى مع وزير الخارجية القطري في الدوحة.",
            ("CONSULT", "KWT", "QAT"),
        ),
        # the host receives the visitor
        (
            "استقبل جلالة الملك عبدالله الثاني ابن الحسين، في قصر الحسينية، وزير الخارجية الأمريكي أنتوني بلينكن.",
            ("CONSULT", "USA", "JOR"),
        ),
        # a phone call with من
        (
            "تلقى وزير الخارجية الأردني أيمن الصفدي اتصالا هاتفيا من وزير الخارجية البريطاني ديفيد كاميرون.",
            ("CONSULT", "JOR", "GBR"),
        ),
        # praise: the target is the first actor after the trigger in its clause
        ("أشاد وزير الخارجية الكويتي بالجهود التي تبذلها مصر لوقف إطلاق النار في قطاع غزة.", ("SUPPORT", "KWT", "EGY")),
        # a state named as such is a government actor
        ("رحبت مصر بقرار مجلس الأمن الدولي بشأن غزة.", ("SUPPORT", "EGY", "UNO")),
    ],
)
def test_event_is_coded_with_its_dyad(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    found = [dyad(e) for e in events(pipeline, text) if e["status"] == "factual"]
    assert found == [canon(expected)]


def test_list_of_participants_gives_one_event_per_dyad(pipeline: Pipeline) -> None:
    text = (
        "التقى وزير الخارجية العماني بدر البوسعيدي، في مسقط، مع كل من: وزير الخارجية الإيراني، "
        "ووزير الخارجية القطري، ووزير الخارجية الأردني أيمن الصفدي."
    )
    found = {dyad(e) for e in events(pipeline, text)}
    assert found == {
        canon(d) for d in [("CONSULT", "OMN", "IRN"), ("CONSULT", "OMN", "QAT"), ("CONSULT", "OMN", "JOR")]
    }


def test_repeated_mentions_of_one_meeting_are_one_event_with_evidence(pipeline: Pipeline) -> None:
    text = (
        "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري تطورات الأوضاع في المنطقة. "
        "كما بحث الجانبان سبل تعزيز التعاون الثنائي. وأكد الصفدي خلال لقائه مع شكري أهمية التنسيق."
    )
    found = events(pipeline, text)
    assert len(found) == 1
    assert len(found[0]["evidence"]) >= 1


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("لم يلتق وزير الخارجية الإيراني مع وزير الخارجية السعودي خلال الزيارة.", "negated"),
        ("سيبحث وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية التركي هاكان فيدان التطورات الإقليمية.", "planned"),
        (
            "ومن المقرر أن يلتقي وزير الخارجية الأردني أيمن الصفدي مع وزير الخارجية المصري سامح شكري الأسبوع المقبل.",
            "planned",
        ),
        ("وكان وزير الخارجية المصري سامح شكري قد بحث مع نظيره الأردني أيمن الصفدي الأوضاع في غزة.", "background"),
        ("وفي حال التقى وزير الخارجية التركي مع نظيره السوري فسيكون ذلك تحولا كبيرا.", "hypothetical"),
        (
            "وجاء ذلك في ضوء نتائج زيارة العاهل البحريني الملك حمد بن عيسى آل خليفة، إلى روسيا الاتحادية.",
            "background",
        ),
    ],
)
def test_nonfactual_mentions_are_not_events(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, status: str
) -> None:
    assert events(pipeline, text) == []
    kept = events(pipeline_nonfactual, text)
    assert kept, "kept with --include-nonfactual"
    assert {e["status"] for e in kept} == {status}


def test_denied_contact_is_not_an_event(pipeline_nonfactual: Pipeline) -> None:
    assert events(pipeline_nonfactual, "نفت وزارة الخارجية القطرية وجود أي اتصال بين الدوحة وتل أبيب.") == []


@pytest.mark.parametrize(
    ("text", "mode", "cameo"),
    [
        (
            "بحث وزير الخارجية الأردني أيمن الصفدي، في باريس، مع وزير الخارجية المصري سامح شكري الأوضاع.",
            "third-party",
            "044",
        ),
        (
            "بحث وزير الخارجية الأردني أيمن الصفدي، في القاهرة، مع وزير الخارجية المصري سامح شكري الأوضاع.",
            "visit",
            "042",
        ),
        ("أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع الرئيس المصري عبد الفتاح السيسي.", "phone", "041"),
        ("استقبل وزير الخارجية الأردني أيمن الصفدي وزير الخارجية المصري سامح شكري.", "visit", "042"),
    ],
)
def test_consult_mode_and_cameo(pipeline: Pipeline, text: str, mode: str, cameo: str) -> None:
    (event,) = events(pipeline, text)
    assert (event["mode"], event["cameo"]) == (mode, cameo)


def test_sentence_location_and_its_span(pipeline: Pipeline) -> None:
    text = "بحث وزير الخارجية الأردني أيمن الصفدي، في باريس، مع وزير الخارجية المصري سامح شكري الأوضاع."
    (event,) = events(pipeline, text)
    loc = event["location"]
    assert loc["country"] == "FRA"
    assert text[loc["start"] : loc["end"]] == loc["text"] == "باريس"


def test_participial_clause_takes_the_sentence_subject(pipeline: Pipeline) -> None:
    text = "أثنى وزير الخارجية الأمريكي على دور قطر، مشيدا بجهود مصر في الوساطة."
    found = {dyad(e) for e in events(pipeline, text)}
    assert found == {("SUPPORT", "USA", "QAT"), ("SUPPORT", "USA", "EGY")}


def test_event_needs_a_counterpart(pipeline: Pipeline) -> None:
    # a discussion with no named participant is not a dyadic event
    assert events(pipeline, "كما جرى خلال اللقاء بحث الأوضاع الإنسانية في قطاع غزة.") == []
