"""The 2007-2008 period of the arabic_event_gsr newswire: a title alone resolves to that period's holder, never to
a later or earlier one (sentences written for these tests in the style of the agency wires of the time)."""

from __future__ import annotations

import pytest

from hadath import Pipeline


def persons(pipeline: Pipeline, text: str, date: str) -> list[str | None]:
    record = pipeline.extract(text, date=date, doc_id="gsr").to_dict()
    return [e["name"] for e in record["entities"] if e["kind"] == "person"]


@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        ("واشنطن (رويترز) - قال الرئيس الأمريكي إن قواته ستبقى في العراق حتى استقرار الأوضاع.", "2007-09-10",
         "George W. Bush"),
        ("القدس (أ ف ب) - أعلنت وزيرة الخارجية الأمريكية أنها ستزور المنطقة الأسبوع المقبل.", "2007-10-14",
         "Condoleezza Rice"),
        ("واشنطن - قال وزير الدفاع الأمريكي إن زيادة عدد القوات حققت نتائج.", "2007-11-20", "Robert Gates"),
        ("لندن - قال رئيس الوزراء البريطاني إن بلاده ستسحب جزءا من قواتها من البصرة.", "2007-10-08", "Gordon Brown"),
        ("باريس - قال الرئيس الفرنسي إن فرنسا تدعم قيام الدولة الفلسطينية.", "2008-01-15", "Nicolas Sarkozy"),
        ("صنعاء - قال الرئيس اليمني إن الحوار مع المعارضة مستمر.", "2008-03-01", "Ali Abdullah Saleh"),
        ("موسكو - قال الرئيس الروسي إن بلاده تعارض العقوبات.", "2007-10-01", "Vladimir Putin"),
        ("موسكو - قال الرئيس الروسي إن بلاده تعارض العقوبات.", "2008-10-01", "Dmitry Medvedev"),
        ("نيويورك - دعا الأمين العام للأمم المتحدة إلى وقف العنف في دارفور.", "2008-06-01", "Ban Ki-moon"),
        ("الرياض - استقبل العاهل السعودي وفدا أمريكيا.", "2008-01-15", "Abdullah bin Abdulaziz Al Saud"),
        ("الرياض - استقبل وزير الخارجية السعودي وفدا أمريكيا.", "2008-01-15", "Saud al-Faisal"),
        ("بغداد - قال رئيس الوزراء العراقي إن الأمن تحسن.", "2008-04-01", "Nouri al-Maliki"),
        ("رام الله - قال الرئيس الفلسطيني إن السلام خيار استراتيجي.", "2008-02-10", "Mahmoud Abbas"),
    ],
)  # fmt: skip
def test_a_title_alone_names_the_holder_of_2007_2008(pipeline: Pipeline, text: str, date: str, name: str) -> None:
    assert persons(pipeline, text, date) == [name]


@pytest.mark.parametrize(
    ("text", "date", "later"),
    [
        ("واشنطن - قال الرئيس الأمريكي إن قواته ستبقى في العراق.", "2008-06-10", "Barack Obama"),
        ("واشنطن - قالت وزيرة الخارجية الأمريكية إنها ستزور المنطقة.", "2008-06-10", "Hillary Clinton"),
        ("الرياض - استقبل العاهل السعودي وفدا أمريكيا.", "2008-01-15", "Salman bin Abdulaziz Al Saud"),
        ("الرياض - استقبل ولي العهد السعودي وفدا أمريكيا.", "2008-01-15", "Mohammed bin Salman Al Saud"),
        ("صنعاء - قال الرئيس اليمني إن الحوار مستمر.", "2008-03-01", "Abdrabbuh Mansur Hadi"),
        ("نيويورك - دعا الأمين العام للأمم المتحدة إلى وقف العنف.", "2008-06-01", "Antonio Guterres"),
    ],
)
def test_a_title_alone_never_names_a_later_holder(pipeline: Pipeline, text: str, date: str, later: str) -> None:
    assert later not in persons(pipeline, text, date)
