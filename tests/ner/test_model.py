"""The shipped NER model: loaded on first use, tags names of the kind agency reports carry, and keeps its
documented dev score. Sentences are written for these tests."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from hadath.errors import ResourceError
from hadath.lexicon.lexicons import Lexicons
from hadath.ner.conll import read_conll
from hadath.ner.model import MODEL_NAME, NerTagger, default_model_dir, read_model_info
from hadath.ner.scoring import score

ROOT = Path(__file__).resolve().parents[2]
ANERCORP_DEV = ROOT.parent / "shared" / "data" / "anercorp" / "dev_data.txt"
SHIPPED = default_model_dir() / f"{MODEL_NAME}.crfsuite"


@pytest.fixture(scope="module")
def tagger(lexicons: Lexicons) -> NerTagger:
    return NerTagger(lexicons=lexicons)


def found(tagger: NerTagger, sentence: str) -> set[tuple[str, str]]:
    return {(e.type, text) for e, text in tagger.entities(sentence.split())}


def test_shipped_model_is_small_and_documented() -> None:
    assert SHIPPED.stat().st_size < 8_000_000
    info = read_model_info(SHIPPED)
    assert {"B-PERS", "I-PERS", "B-LOC", "B-ORG", "B-MISC", "O"} <= set(info.labels)
    assert info.metadata["dev_scores"]["overall"]["f1"] >= 0.825
    assert (default_model_dir() / "README.md").is_file()


def test_foreign_minister_is_tagged_as_a_person(tagger: NerTagger) -> None:
    sentence = "قال وزير الخارجية أيمن الصفدي إن الأردن يرفض أي محاولة لتهجير الفلسطينيين من أرضهم ."
    entities = found(tagger, sentence)
    assert ("PERS", "أيمن الصفدي") in entities
    assert ("LOC", "الأردن") in entities


def test_a_person_no_lexicon_knows_is_tagged_from_context(tagger: NerTagger) -> None:
    sentence = "وأعلن رئيس البلدية سمير الحداد أن أعمال الصيانة ستنتهي الشهر المقبل ."
    assert ("PERS", "سمير الحداد") in found(tagger, sentence)


def test_places_and_organizations(tagger: NerTagger) -> None:
    sentence = "وصل الأمين العام لجامعة الدول العربية إلى القاهرة أمس قادما من بيروت ."
    entities = found(tagger, sentence)
    assert ("LOC", "القاهرة") in entities and ("LOC", "بيروت") in entities
    assert any(t == "ORG" and "الدول العربية" in text for t, text in entities)


def test_sentences_are_tagged_apart(tagger: NerTagger) -> None:
    sentences = [["استقبل", "الملك", "عبدالله", "الثاني", "وفدا"], [], ["وغادر", "الوفد", "عمان", "."]]
    tags = tagger.tag_many(sentences)
    assert [len(t) for t in tags] == [5, 0, 4]
    assert tagger.tag([]) == []


def test_nothing_is_read_until_the_first_sentence(tmp_path: Path) -> None:
    lazy = NerTagger(tmp_path / "absent.crfsuite")  # no error yet: nothing is loaded at construction
    with pytest.raises(ResourceError, match=r"absent\.crfsuite: NER model file not found"):
        lazy.tag(["القاهرة"])


def test_a_model_of_another_feature_version_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "old.crfsuite"
    shutil.copy(SHIPPED, model)
    meta = json.loads(SHIPPED.with_suffix(".json").read_text(encoding="utf-8"))
    meta["features"]["version"] = 0
    model.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ResourceError, match=r"feature version 0.*retrain it with tools/train_ner\.py"):
        NerTagger(model).tag(["القاهرة"])


def test_a_model_of_an_older_feature_set_is_refused_for_its_version(tmp_path: Path) -> None:
    model = tmp_path / "v2.crfsuite"
    shutil.copy(SHIPPED, model)
    meta = json.loads(SHIPPED.with_suffix(".json").read_text(encoding="utf-8"))
    meta["features"] = {"window": 1, "affix": 4, "ngrams": 4, "clusters": 1, "version": 2}  # version 2's fields
    model.with_suffix(".json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ResourceError, match=r"feature version 2, this hadath computes version \d+; retrain"):
        NerTagger(model).tag(["القاهرة"])


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "junk.crfsuite"
    model.write_bytes(b"not a model")
    shutil.copy(SHIPPED.with_suffix(".json"), model.with_suffix(".json"))
    with pytest.raises(ResourceError, match="not a CRFsuite model"):
        NerTagger(model).tag(["القاهرة"])


@pytest.mark.skipif(
    not ANERCORP_DEV.is_file() and not os.environ.get("CI"),
    reason="needs ../shared/data/anercorp (always run in CI, where it must be present)",
)
def test_anercorp_dev_f1_reaches_acceptance(tagger: NerTagger) -> None:
    sentences = read_conll(ANERCORP_DEV)
    predicted = tagger.tag_many([s.words for s in sentences])
    scores = score((s.gold, p) for s, p in zip(sentences, predicted, strict=True))
    assert scores.overall.f1 >= 0.825
