"""The rule coder's four components, each on its own (news-style sentences written for these tests).

The event stage is trigger detection (``EventExtractor.candidates``), factuality (``FactualityRules``), argument
linking (``ArgumentRules``) and coding (``EventCoding``); here each is called directly on an analysed document.
"""

from __future__ import annotations

from datetime import date

import pytest

from hadath import Pipeline
from hadath.document import Document
from hadath.stages.event_arguments import ArgumentRules
from hadath.stages.event_coding import EventCoding
from hadath.stages.event_common import Candidate, _Scope
from hadath.stages.event_factuality import FactualityRules
from hadath.stages.events import EventExtractor


def analysed(pipeline: Pipeline, text: str, day: date = date(2015, 7, 20)) -> Document:
    return pipeline.analyse(Document(text=text, doc_id="t", date=day))


def stage(pipeline: Pipeline) -> EventExtractor:
    ext = pipeline.events_stage
    assert isinstance(ext, EventExtractor)
    return ext


def test_the_stage_is_made_of_the_four_components(pipeline: Pipeline) -> None:
    ext = stage(pipeline)
    assert isinstance(ext, FactualityRules) and isinstance(ext, ArgumentRules) and isinstance(ext, EventCoding)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("وبحث وزير الخارجية السعودي عادل الجبير مع نظيره الأمريكي جون كيري الأوضاع في اليمن.", "factual"),
        ("وسيبحث وزير الخارجية السعودي عادل الجبير مع نظيره الأمريكي جون كيري الأوضاع في اليمن.", "planned"),
        ("ولم يبحث وزير الخارجية السعودي عادل الجبير مع نظيره الأمريكي جون كيري الأوضاع في اليمن.", "negated"),
    ],
)
def test_factuality_component_reads_the_trigger(pipeline: Pipeline, text: str, status: str) -> None:
    doc = analysed(pipeline, text)
    scope = _Scope(doc)
    consult = [t for t in scope.triggers if t.entry.type == "CONSULT"]
    assert consult
    assert stage(pipeline)._status(scope, consult[0], doc.sentences[0].nstart) == status


def test_argument_component_finds_source_and_target(pipeline: Pipeline) -> None:
    doc = analysed(pipeline, "وأدانت وزارة الخارجية البحرينية الهجوم الإرهابي الذي استهدف مسجدا في الكويت.")
    scope = _Scope(doc)
    ext = stage(pipeline)
    trig = next(t for t in scope.triggers if t.entry.type == "ACCUSE")
    source, _how = ext._source(scope, trig, [], 0)
    assert source is not None and (source.actor.country, source.actor.sector) == ("BHR", "GOV")
    assert doc.text[source.actor.start : source.actor.end] == source.actor.text


def test_coding_component_merges_repeated_mentions_of_one_dyad(pipeline: Pipeline) -> None:
    text = (
        "واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة اليوم وزير الخارجية الأمريكي جون كيري. "
        "وجرى خلال الاستقبال بحث العلاقات الثنائية. والتقى الملك سلمان بن عبدالعزيز جون كيري مرة أخرى مساء اليوم."
    )
    doc = analysed(pipeline, text)
    ext = stage(pipeline)
    cands: list[Candidate] = [c for c in ext.candidates(doc) if c.status == "factual"]
    consults = [c for c in cands if c.trigger.entry.type == "CONSULT"]
    assert len(consults) >= 2, "two mentions of the meeting"
    events = [e for e in ext.build(doc, cands) if e.type == "CONSULT"]
    assert len(events) == 1, "one event per type and dyad per document"
    assert events[0].trigger.text == "استقبل"
    assert {s.text for s in events[0].evidence} & {"التقى", "الاستقبال"}, "the later mentions are its evidence"
    assert events[0].date == date(2015, 7, 20)
    assert events[0].source.country == "USA" and events[0].mode == "visit"
