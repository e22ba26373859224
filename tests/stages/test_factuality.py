"""Factuality rules on news-style sentences written for these tests.

Each rule is checked both ways: the default pipeline emits no event for a non-factual mention, the pipeline
built with ``include_nonfactual`` keeps it with the rule's ``status``, and a factual twin of the sentence (the
same report without the cue, or in a reported form) is emitted with status ``factual``.
"""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline

DATE = "2024-03-10"


def events(pipeline: Pipeline, text: str, date: str = DATE) -> list[dict[str, Any]]:
    return list(pipeline.extract(text, date=date, doc_id="t").to_dict(include_status=True)["events"])


def of_type(found: list[dict[str, Any]], etype: str | None) -> list[dict[str, Any]]:
    return [e for e in found if etype is None or e["type"] == etype]


def assert_not_factual(
    pipeline: Pipeline,
    pipeline_nonfactual: Pipeline,
    text: str,
    status: str,
    etype: str | None = None,
    date: str = DATE,
) -> None:
    """No event (of ``etype``, if given) by default; kept with ``status`` when non-factual events are asked for."""
    assert of_type(events(pipeline, text, date), etype) == []
    kept = of_type(events(pipeline_nonfactual, text, date), etype)
    assert kept, "kept with include_nonfactual"
    assert {e["status"] for e in kept} == {status}


def assert_factual(pipeline: Pipeline, text: str, etype: str, date: str = DATE) -> None:
    found = of_type(events(pipeline, text, date), etype)
    assert found, f"a factual {etype} event"
    assert {e["status"] for e in found} == {"factual"}


# ------------------------------------------------------------------------------------------------ negation


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        (
            "لم يلتق وزير الخارجية الأردني أيمن الصفدي مع نظيره التركي هاكان فيدان خلال زيارته.",
            "التقى وزير الخارجية الأردني أيمن الصفدي مع نظيره التركي هاكان فيدان خلال زيارته.",
        ),
        (
            "لن يجتمع الرئيس التركي رجب طيب أردوغان مع الرئيس السوري بشار الأسد قبل الانتخابات.",
            "اجتمع الرئيس التركي رجب طيب أردوغان مع الرئيس السوري بشار الأسد قبل الانتخابات.",
        ),
        (
            "ولا يلتقي الرئيس الفرنسي إيمانويل ماكرون خلال جولته مع الرئيس الإيراني.",
            "والتقى الرئيس الفرنسي إيمانويل ماكرون خلال جولته مع الرئيس الإيراني.",
        ),
    ],
)
def test_negation_particle_makes_an_event_negated(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "negated")
    assert_factual(pipeline, twin, "CONSULT")


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        # a denial right before a verbal noun
        (
            "نفت إيران إجراء محادثات مع الولايات المتحدة في مسقط.",
            "أجرت إيران محادثات مع الولايات المتحدة في مسقط.",
        ),
        # "عدم" + verbal noun
        (
            "وأكدت الخارجية القطرية عدم لقاء وزير الخارجية القطري مع نظيره الإسرائيلي.",
            "وأجرى وزير الخارجية القطري اتصالا هاتفيا مع نظيره الإسرائيلي.",
        ),
    ],
)
def test_denial_and_absence_make_an_event_negated(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "negated")
    assert_factual(pipeline, twin, "CONSULT")


# ------------------------------------------------------------------------------------------------- future


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        (
            "سيلتقي وزير الخارجية السعودي فيصل بن فرحان مع نظيره الإيراني في بكين.",
            "التقى وزير الخارجية السعودي فيصل بن فرحان مع نظيره الإيراني في بكين.",
        ),
        (
            "وسوف يبحث وزير الخارجية الكويتي مع نظيره العماني بدر البوسعيدي ملفات التعاون.",
            "وبحث وزير الخارجية الكويتي مع نظيره العماني بدر البوسعيدي ملفات التعاون.",
        ),
    ],
)
def test_future_prefix_and_sawfa_make_an_event_planned(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "planned")
    assert_factual(pipeline, twin, "CONSULT")


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        (
            "ومن المقرر أن يجتمع الرئيس الأمريكي جو بايدن مع الرئيس الصيني شي جين بينغ في سان فرانسيسكو.",
            "واجتمع الرئيس الأمريكي جو بايدن مع الرئيس الصيني شي جين بينغ في سان فرانسيسكو.",
        ),
        (
            "ومن المرتقب أن يلتقي الرئيس الأمريكي جو بايدن مع الرئيس الصيني شي جين بينغ.",
            "والتقى الرئيس الأمريكي جو بايدن مع الرئيس الصيني شي جين بينغ.",
        ),
        (
            "ويعتزم الرئيس التركي القيام بزيارة إلى مصر الشهر المقبل.",
            "وبدأ الرئيس التركي زيارة إلى مصر.",
        ),
        (
            "وتناول اللقاء التحضيرات لزيارة الرئيس العراقي إلى الكويت.",
            "واختتم الرئيس العراقي زيارة إلى الكويت.",
        ),
    ],
)
def test_future_cue_makes_an_event_planned(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "planned")
    assert_factual(pipeline, twin, "CONSULT")


# ----------------------------------------------------------------------------------------------- condition


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        (
            "وإذا اجتمع وزير الخارجية السوري مع نظيره التركي فستكون خطوة مهمة.",
            "واجتمع وزير الخارجية السوري مع نظيره التركي في موسكو.",
        ),
        (
            "ولو التقى الرئيس الروسي فلاديمير بوتين مع الرئيس الأوكراني لتغير الموقف.",
            "والتقى الرئيس الروسي فلاديمير بوتين مع الرئيس الأوكراني في إسطنبول.",
        ),
        (
            "وحذر من أنه في حال هاجمت إسرائيل لبنان فإن الرد سيكون قاسيا.",
            "وهاجمت إسرائيل لبنان.",
        ),
    ],
)
def test_condition_makes_an_event_hypothetical(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "hypothetical")
    etype = events(pipeline_nonfactual, text)[0]["type"]
    assert_factual(pipeline, twin, etype)


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        # purpose: ل + imperfect
        (
            "وأوفد الرئيس الأمريكي جو بايدن وزير الخارجية أنتوني بلينكن ليلتقي مع رئيس الوزراء الإسرائيلي.",
            "والتقى وزير الخارجية الأمريكي أنتوني بلينكن مع رئيس الوزراء الإسرائيلي.",
        ),
        # subjunctive: أن + imperfect
        (
            "وتأمل أنقرة أن يلتقي الرئيس التركي رجب طيب أردوغان مع الرئيس السوري بشار الأسد قريبا.",
            "والتقى الرئيس التركي رجب طيب أردوغان مع الرئيس السوري بشار الأسد.",
        ),
        (
            "وتخشى تل أبيب أن يقصف الحوثيون ميناء إيلات.",
            "وقصف الحوثيون ميناء إيلات.",
        ),
    ],
)
def test_purpose_and_subjunctive_verbs_are_hypothetical(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "hypothetical")
    etype = events(pipeline_nonfactual, text)[0]["type"]
    assert_factual(pipeline, twin, etype)


# ---------------------------------------------------------------------------------------------- background


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        # كان ... قد + verb: a pluperfect recalls an earlier event
        (
            "وكان الرئيس الفرنسي إيمانويل ماكرون قد التقى مع الرئيس المصري عبد الفتاح السيسي في القاهرة.",
            "والتقى الرئيس الفرنسي إيمانويل ماكرون مع الرئيس المصري عبد الفتاح السيسي في القاهرة.",
        ),
        (
            "وكانت إسرائيل قد قصفت مواقع في جنوب لبنان.",
            "وقصفت إسرائيل مواقع في جنوب لبنان.",
        ),
        # في ضوء نتائج / على ضوء نتائج
        (
            "ويأتي ذلك في ضوء نتائج اجتماع وزير الخارجية الكويتي مع نظيره السعودي.",
            "واجتمع وزير الخارجية الكويتي مع نظيره السعودي فيصل بن فرحان في الرياض.",
        ),
    ],
)
def test_background_cue_makes_an_event_background(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "background")
    etype = events(pipeline_nonfactual, text)[0]["type"]
    assert_factual(pipeline, twin, etype)


# ----------------------------------------------------------------------------------------------- reference


@pytest.mark.parametrize(
    ("text", "etype", "twin"),
    [
        # a bare definite verbal noun names an event reported elsewhere
        (
            "وأدان الرئيس المصري الهجوم على الكنيسة في الإسكندرية.",
            "ASSAULT",
            "وشن مسلحون هجوما على كنيسة في الإسكندرية.",
        ),
        (
            "وشدد الوزير على أن المظاهرات حق مكفول للمواطنين.",
            "PROTEST",
            "وشهدت مدينة البصرة مظاهرات احتجاجا على انقطاع الكهرباء.",
        ),
    ],
)
def test_bare_definite_violent_noun_is_a_reference(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, etype: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "reference", etype)
    assert_factual(pipeline, twin, etype)


@pytest.mark.parametrize(
    ("text", "etype", "twin", "date"),
    [
        (
            "وتواصل الشرطة العراقية التحقيقات بعد الهجوم على السوق في بغداد.",
            "ASSAULT",
            "وقتل خمسة أشخاص في هجوم على سوق في بغداد.",
            DATE,
        ),
        (
            "وتشهد البلاد فراغا سياسيا منذ اغتيال الرئيس الهايتي.",
            "ASSAULT",
            "وأسفر اغتيال الرئيس الهايتي عن إصابة زوجته واثنين من الحراس.",
            "2021-07-08",
        ),
        (
            "وتعهدت الحكومة بحماية السفن ضد هجمات الحوثيين.",
            "ASSAULT",
            "وشن الحوثيون هجمات على سفن في البحر الأحمر.",
            DATE,
        ),
        (
            "واعتقلت قوات الأمن ثلاثة أشخاص على خلفية التفجيرات التي شهدتها المدينة.",
            "ASSAULT",
            "وأسفرت تفجيرات متزامنة عن مقتل 12 شخصا في كابول.",
            DATE,
        ),
        (
            "وحذرت واشنطن من حشد عسكري روسي على الحدود مع أوكرانيا.",
            "MOBILIZE",
            "وأكد أن إيران أرسلت تعزيزات إلى الحدود مع أفغانستان.",
            DATE,
        ),
    ],
)
def test_violent_noun_after_a_reference_word_is_a_reference(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, etype: str, twin: str, date: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "reference", etype, date)
    assert_factual(pipeline, twin, etype, date)


@pytest.mark.parametrize(
    ("text", "etype", "twin"),
    [
        (
            "وأعلن تنظيم داعش مسؤوليته عن الهجوم الذي استهدف مسجدا في قندهار.",
            "ASSAULT",
            "واستهدف هجوم انتحاري مسجدا في قندهار.",
        ),
        (
            "وأفرجت السلطات عن المحتجين الذين تظاهروا أمام البرلمان.",
            "PROTEST",
            "وتظاهر مئات المحتجين أمام البرلمان.",
        ),
    ],
)
def test_verb_in_a_relative_clause_is_a_reference(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, etype: str, twin: str
) -> None:
    assert_not_factual(pipeline, pipeline_nonfactual, text, "reference", etype)
    assert_factual(pipeline, twin, etype)


Side = tuple[str | None, str | None] | None


def side(actor: dict[str, Any] | None) -> Side:
    return None if actor is None else (actor["country"], actor["sector"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun carried by a light verb
        # "في جنوب لبنان" is where the towns are: their people are the victims, not the Lebanese state
        ("وشن الطيران الإسرائيلي غارات على بلدات في جنوب لبنان.", ("ASSAULT", ("ISR", "MIL"), ("LBN", "CVL"))),
        ("وتعرضت دورية لهجوم في العراق.", ("ASSAULT", ("IRQ", "UNK"), ("IRQ", "CVL"))),
        # a noun with a result verb after it
        # the army named without a country is that of the place (Mosul)
        ("وقال مصدر أمني إن عبوة ناسفة انفجرت قرب دورية للجيش في الموصل.", ("ASSAULT", ("IRQ", "UNK"), ("IRQ", "MIL"))),
        # a noun with a toll
        ("وأفادت مصادر طبية بمقتل 5 أشخاص في هجوم على مسجد في كابول.", ("ASSAULT", ("AFG", "UNK"), ("AFG", "CVL"))),
        # a clause-initial verb
        ("واعتقلت الشرطة التركية عشرات الصحفيين في إسطنبول.", ("COERCE", ("TUR", "COP"), ("TUR", "JRN"))),
        # a protest with its crowd
        # a demand with no addressee named is made of the authorities of the place
        ("تظاهر آلاف المواطنين في بغداد للمطالبة بتحسين الخدمات.", ("PROTEST", ("IRQ", "CVL"), ("IRQ", "GOV"))),
        ("وخرجت مظاهرات حاشدة في الرباط شارك فيها الآلاف.", ("PROTEST", ("MAR", "CVL"), None)),
    ],
)
def test_reported_violent_event_is_factual(pipeline: Pipeline, text: str, expected: tuple[str, Side, Side]) -> None:
    etype = expected[0]
    found = of_type(events(pipeline, text), etype)
    assert len(found) == 1, found
    (event,) = found
    assert event["status"] == "factual"
    assert (etype, side(event["source"]), side(event["target"])) == expected


def test_cue_window_reaches_over_a_named_subject(pipeline: Pipeline, pipeline_nonfactual: Pipeline) -> None:
    text = "ويعتزم الرئيس التركي رجب طيب أردوغان القيام بزيارة إلى مصر الشهر المقبل."
    assert [e for e in pipeline.extract(text, date="2024-03-10").to_dict()["events"]] == []
    kept = pipeline_nonfactual.extract(text, date="2024-03-10").to_dict(include_status=True)["events"]
    assert {e["status"] for e in kept} == {"planned"}


# ------------------------------------------------------------- sentence-level readings (stages/factuality.py)


@pytest.mark.parametrize(
    ("text", "status", "twin"),
    [
        # a clause dated to an earlier year, or long ago
        (
            "وفي عام 2019 قتل 12 شخصا في هجوم انتحاري استهدف سوقا شعبية في كابول.",
            "background",
            "وقتل أمس 12 شخصا في هجوم انتحاري استهدف سوقا شعبية في كابول.",
        ),
        (
            "في سنة 1982، اغتال مسلحون السفير في بيروت.",
            "background",
            "اغتال مسلحون السفير في بيروت أمس.",
        ),
        (
            "وقتل مسلحون ثلاثة من عناصر الشرطة في المدينة العام الماضي.",
            "background",
            "وقتل مسلحون ثلاثة من عناصر الشرطة في المدينة أمس.",
        ),
        (
            "واختطف مسلحون الصحفي في الموصل قبل عامين.",
            "background",
            "واختطف مسلحون الصحفي في الموصل صباح اليوم.",
        ),
        # an anniversary
        (
            "وأحيت الكويت الذكرى الخامسة لتفجير المسجد الذي أسفر عن مقتل 27 مصليا.",
            "background",
            "وأسفر تفجير المسجد اليوم عن مقتل 27 مصليا.",
        ),
        # the target of a condemnation, the subject of a comment
        (
            "وأدانت مصر بشدة هجوما انتحاريا أسفر عن مقتل 30 شخصا في كابول.",
            "reference",
            "قتل 30 شخصا في هجوم انتحاري في كابول.",
        ),
        (
            "وقال المتحدث تعليقا على مقتل 3 جنود بانفجار عبوة ناسفة إن التحقيق جار.",
            "reference",
            "وقال المتحدث إن 3 جنود قتلوا بانفجار عبوة ناسفة.",
        ),
        # the day after a known attack
        (
            "وقطعت الحكومة علاقاتها مع جارتها غداة هجوم شنه متمردون على العاصمة أسفر عن سقوط 200 قتيل.",
            "reference",
            "وشن متمردون هجوما على العاصمة أسفر عن سقوط 200 قتيل.",
        ),
        # a habit, a question, a title
        (
            "ويقصف الطيران الحربي القرى الحدودية يوميا.",
            "generic",
            "وقصف الطيران الحربي القرى الحدودية أمس.",
        ),
        (
            "وقصفت الطائرات الحربية المستشفى مرتين في يوم واحد؟",
            "hypothetical",
            "وقصفت الطائرات الحربية المستشفى مرتين في يوم واحد.",
        ),
        (
            "وشارك الفنان في مسلسل «اغتالوا الحلم» الذي يعرض في رمضان.",
            "reference",
            "واغتال مسلحون الحلم في رمضان.",
        ),
        # an attack in words
        (
            "وهاجم وزير الخارجية قرار المحكمة ووصفه بأنه مسيس.",
            "verbal",
            "وهاجم مسلحون نقطة تفتيش للشرطة في ديالى وقتلوا ثلاثة من عناصرها.",
        ),
    ],
)
def test_sentence_that_names_an_attack_without_reporting_it(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, status: str, twin: str
) -> None:
    assert of_type(events(pipeline, text), "ASSAULT") == []
    # the rule's reading is kept; other mentions of the sentence may be non-factual for their own reasons
    # ("هجوم ... استهدف": a relative clause without its pronoun)
    kept = {e["status"] for e in of_type(events(pipeline_nonfactual, text), "ASSAULT")}
    assert status in kept and "factual" not in kept
    assert_factual(pipeline, twin, "ASSAULT")


def test_year_of_the_documents_own_date_is_no_recall(pipeline: Pipeline, pipeline_nonfactual: Pipeline) -> None:
    text = "وقتل مسلحون خمسة جنود في 3 مارس 2024 بهجوم على ثكنة في ديالى."
    assert_factual(pipeline, text, "ASSAULT", date="2024-03-10")
    assert_not_factual(pipeline, pipeline_nonfactual, text, "background", "ASSAULT", date="2025-03-10")


def test_chronology_item_reports_the_event_of_its_date(pipeline: Pipeline) -> None:
    assert_factual(pipeline, "* 14 فبراير 2005: قتل 22 شخصا في تفجير شاحنة مفخخة في بيروت.", "ASSAULT")


@pytest.mark.parametrize(
    ("text", "twin", "etype"),
    [
        (
            "وكان مسلحون قد قتلوا أمس ثلاثة من عناصر الشرطة في ديالى.",
            "وكان مسلحون قد قتلوا ثلاثة من عناصر الشرطة في ديالى.",
            "ASSAULT",
        ),
        (
            "وكان آلاف المتظاهرين قد خرجوا السبت إلى شوارع الخرطوم.",
            "وكان آلاف المتظاهرين قد خرجوا إلى شوارع الخرطوم.",
            "PROTEST",
        ),
    ],
)
def test_pluperfect_dated_to_a_recent_day_is_reported(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str, etype: str
) -> None:
    assert_factual(pipeline, text, etype)
    assert_not_factual(pipeline, pipeline_nonfactual, twin, "background", etype)


@pytest.mark.parametrize(
    ("text", "twin"),
    [
        # the noun's relative clause stepped over to its own predicate
        (
            "وقال الجيش إن الهجوم الذي وقع الأسبوع الماضي، أسفر عن مقتل 14 جنديا.",
            "وقال الجيش إن الهجوم الذي أسفر عن مقتل 14 جنديا وقع الأسبوع الماضي.",
        ),
        # a temporal clause telling how the casualties named before it came about
        (
            "وأصيب السفير بجروح أمس عندما تعرض موكبه لهجوم في وسط المدينة.",
            "وتحدث السفير أمس عندما تعرض موكبه لهجوم في وسط المدينة.",
        ),
        # the entry of a chronology, in telegraphic nouns
        (
            "* 3 أيار 2006: اغتيال نائب في البرلمان بتفجير عبوة ناسفة بسيارته.",
            "وشجب النائب اغتيال نائب في البرلمان بتفجير عبوة ناسفة بسيارته.",
        ),
    ],
)
def test_violent_noun_reported_by_its_sentence(
    pipeline: Pipeline, pipeline_nonfactual: Pipeline, text: str, twin: str
) -> None:
    assert_factual(pipeline, text, "ASSAULT", date="2006-05-10")
    assert of_type(events(pipeline, twin, date="2006-05-10"), "ASSAULT") == []


# ------------------------------------------------------------------------------------------- dates and news


@pytest.mark.parametrize("coder", ["rules", "learned", "learned-news"])
def test_a_meeting_dated_months_before_its_report_is_background(coder: str) -> None:
    from hadath.config import PipelineConfig

    text = "والتقى وزير الخارجية السعودي عادل الجبير في 5 يناير الماضي نظيره الأمريكي جون كيري في الرياض."
    plain = Pipeline(PipelineConfig(coder=coder))
    kept = Pipeline(PipelineConfig(coder=coder, include_nonfactual=True))
    # kept as background where the mention is detected (learned-news's factuality model drops it as no event)
    consults = of_type(events(kept, text, "2015-07-20"), "CONSULT")
    assert {e["status"] for e in consults} <= {"background"}
    if coder != "learned-news":
        assert consults
    assert of_type(events(plain, text, "2015-07-20"), "CONSULT") == []
    # the same sentence in a report of the next week is news
    assert of_type(events(plain, text, "2015-01-08"), "CONSULT")


@pytest.mark.parametrize("coder", ["rules", "learned", "learned-news"])
def test_a_factual_event_is_never_dated_after_its_report(coder: str) -> None:
    """A date of another clause (the truce starts tomorrow) is not the welcome's: the welcome is of the report's day."""
    from hadath.config import PipelineConfig

    text = "ورحبت وزارة الخارجية السعودية أمس بإعلان الأمم المتحدة عن هدنة إنسانية في اليمن تبدأ يوم الجمعة المقبل."
    found = events(Pipeline(PipelineConfig(coder=coder)), text, "2015-07-08")
    assert found, "the welcome is reported"
    for e in found:
        assert e["date"] <= "2015-07-08", e
