"""Names no lexicon knows, found by the NER tagger, as actors and in the entity registry."""

from __future__ import annotations

from typing import Any

import pytest

from hadath import Pipeline, PipelineConfig
from hadath.lexicon.lexicons import Lexicons

# A name no lexicon knows (the 2008 minister was Jawad al-Bolani, whom the knowledge base now resolves by name).
TITLED = "وقال وزير الداخلية العراقي جواد الحمداني إن الوضع الأمني تحسن، والتقى في بغداد السفير الفرنسي."


@pytest.fixture(scope="module")
def without_ner(lexicons: Lexicons) -> Pipeline:
    return Pipeline(PipelineConfig(ner=False), lexicons=lexicons)


@pytest.fixture(scope="module")
def pipeline(lexicons: Lexicons) -> Pipeline:
    """NER in extraction is an option (off by default): these tests turn it on."""
    return Pipeline(PipelineConfig(ner=True), lexicons=lexicons)


def persons(pipeline: Pipeline, text: str) -> dict[str, dict[str, Any]]:
    record = pipeline.extract(text, date="2008-04-02", doc_id="t").to_dict()
    for e in record["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    return {e["id"]: e for e in record["entities"] if e["kind"] == "person"}


def test_person_after_a_title_is_found_by_the_tagger(pipeline: Pipeline, without_ner: Pipeline) -> None:
    found = persons(pipeline, TITLED)
    person = found["person:ar:جواد-الحمداني"]
    assert person["country"] == "IRQ" and person["role"] == "interior minister"
    assert person["mentions"] == [{"text": "جواد الحمداني", "start": 27, "end": 40}]
    assert person["name_source"] == "romanized"
    # the rules alone read it too now: a given name and a family name right after a title (issue 15), not the
    # title's holder of the day (Jawad al-Bolani, whose given name it shares)
    alone = persons(without_ner, TITLED)
    assert alone["person:ar:جواد-الحمداني"]["role"] == "interior minister"
    assert "person:jawad-al-bolani" not in alone


def test_tagger_names_an_event_actor_with_its_title(pipeline: Pipeline) -> None:
    text = "التقى وزير الداخلية العراقي جواد الحمداني في بغداد أمس السفير الفرنسي."
    events = pipeline.extract(text, date="2008-04-02").to_dict()["events"]
    sides = {(e["source"]["text"], e["source"]["country"], e["source"]["role"]) for e in events} | {
        (e["target"]["text"], e["target"]["country"], e["target"]["role"]) for e in events if e["target"]
    }
    assert ("جواد الحمداني", "IRQ", "interior minister") in sides


def test_tagger_is_not_run_without_a_gap_to_fill(pipeline: Pipeline) -> None:
    """A sentence whose titles all have known names around them is not tagged."""
    text = "بحث وزير الخارجية الأردني أيمن الصفدي مع نظيره المصري سامح شكري العلاقات الثنائية."
    tagger = next(s for s in pipeline.stages if type(s).__name__ == "NameTagger")
    from hadath.document import Document

    doc = Document(text=text, doc_id="t")
    for stage in pipeline.stages[: pipeline.stages.index(tagger)]:
        doc = stage(doc)
    assert tagger.windows(doc) == []
