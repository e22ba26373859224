"""The learned event coder, component by component: annotations and their scores, word shapes, the linear model,
the features, the trained components run on their own, the models' versioning, and ``hadath eval corpus``.

The sentences are written for these tests in the style of the news; no corpus text is copied here.
"""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hadath import Pipeline, PipelineConfig
from hadath.cli import app
from hadath.coding.annotations import (
    SPLITS,
    CorpusScores,
    gold_keys,
    read_annotations,
    read_corpus,
    split_of,
)
from hadath.coding.features import FEATURE_VERSION, DocView
from hadath.coding.learned import (
    MODEL_DIR,
    STATUS_OF,
    LearnedEventExtractor,
    load_models,
)
from hadath.coding.linear import LinearModel
from hadath.coding.words import stem, words
from hadath.document import Actor, Document
from hadath.errors import InputError
from hadath.lexicon.lexicons import Lexicons

#: hadath's event statuses (the learned statuses map onto them; the rules' own pass through where they fire first)
EVENT_STATUSES = {"factual", "planned", "negated", "hypothetical", "background", "reference", "generic", "verbal"}

TEXT = (
    "الرياض - واس: أدانت المملكة العربية السعودية بشدة الهجوم الإرهابي الذي استهدف مسجدا في الكويت أمس، "
    "وطالبت المجتمع الدولي بالتصدي للإرهاب. واستقبل وزير الخارجية عادل الجبير في الرياض اليوم نظيره الفرنسي."
)


def _write(path: Path, rows: list[dict[str, object]], gz: bool = False) -> Path:
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if gz:
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _span(text: str, words_: str) -> dict[str, int]:
    start = text.index(words_)
    return {"start": start, "end": start + len(words_)}


@pytest.fixture()
def corpus_and_annotations(tmp_path: Path) -> tuple[Path, Path]:
    corpus = _write(tmp_path / "corpus.jsonl.gz", [{"id": "d1", "text": TEXT, "date": "2015-08-01"}], gz=True)
    accuse = {
        "type": "ACCUSE", "mode": None, "status": "reported", "optional": False,
        "trigger": _span(TEXT, "أدانت"),
        "source": {**_span(TEXT, "المملكة العربية السعودية"), "country": "SAU", "org": None, "sector": "GOV"},
        "target": None, "location": None,
    }  # fmt: skip
    attack = {
        "type": "ASSAULT", "mode": None, "status": "background", "optional": False,
        "trigger": _span(TEXT, "الهجوم"), "source": {"country": "KWT", "org": None, "sector": "UNK"},
        "target": {"country": "KWT", "org": None, "sector": "CVL"}, "location": {"country": "KWT"},
    }  # fmt: skip
    meeting = {
        "type": "CONSULT", "mode": "visit", "status": "reported", "optional": True,
        "trigger": _span(TEXT, "استقبل"),
        "source": {"country": "FRA", "org": None, "sector": "GOV"},
        "target": {**_span(TEXT, "عادل الجبير"), "country": "SAU", "org": None, "sector": "GOV"},
        "location": {"country": "SAU"},
    }  # fmt: skip
    ann = _write(
        tmp_path / "ann.jsonl", [{"id": "d1", "annotated_chars": len(TEXT), "events": [accuse, attack, meeting]}]
    )
    return corpus, ann


def test_split_is_fixed_by_the_id_and_near_its_shares() -> None:
    ids = [f"snn-{i:06x}" for i in range(4000)]
    splits = [split_of(i) for i in ids]
    assert splits == [split_of(i) for i in ids]
    assert set(splits) == set(SPLITS)
    assert 0.21 < splits.count("test") / len(ids) < 0.29
    assert 0.09 < splits.count("dev") / len(ids) < 0.16


def test_annotations_join_the_corpus_text_by_id(corpus_and_annotations: tuple[Path, Path]) -> None:
    corpus, ann = corpus_and_annotations
    docs = read_annotations([ann], read_corpus(corpus))
    assert [d.id for d in docs] == ["d1"]
    m = docs[0].mentions[0]
    assert docs[0].text[m.trigger[0] : m.trigger[1]] == "أدانت"
    assert docs[0].date == "2015-08-01"


def test_an_annotation_of_an_unknown_document_is_named_by_file_and_line(
    tmp_path: Path, corpus_and_annotations: tuple[Path, Path]
) -> None:
    corpus, _ = corpus_and_annotations
    bad = _write(tmp_path / "bad.jsonl", [{"id": "d1", "events": []}, {"id": "nope", "events": []}])
    with pytest.raises(InputError, match=r"bad\.jsonl:2.*'nope'"):
        read_annotations([bad], read_corpus(corpus))


def test_scores_follow_the_teams_agreement_measure(corpus_and_annotations: tuple[Path, Path]) -> None:
    corpus, ann = corpus_and_annotations
    (doc,) = read_annotations([ann], read_corpus(corpus))
    required, optional = gold_keys(doc, strict=True)
    assert required == {("ACCUSE", "SAU/GOV", "-")}  # the background attack is not an event
    assert optional == {("CONSULT", "FRA/GOV", "SAU/GOV")}
    sau = Actor("x", 0, 1, None, "SAU", None, "GOV", None, None)
    fra = Actor("x", 0, 1, None, "FRA", None, "GOV", None, None)
    kwt = Actor("x", 0, 1, None, "KWT", None, "MIL", None, None)
    scores = CorpusScores()
    # the optional meeting, coded in the other order, counts neither way; an attack is a false positive; an event
    # beyond the annotated part is not scored
    scores.add(
        doc, [("ACCUSE", sau, None, 0), ("CONSULT", sau, fra, 5), ("ASSAULT", kwt, None, 9), ("AID", sau, None, 10**6)]
    )
    assert (scores.strict.tp, scores.strict.fp, scores.strict.fn) == (1, 1, 0)
    assert (scores.country.tp, scores.country.fp, scores.country.fn) == (1, 1, 0)


def test_stems_drop_clitics_and_pronouns_but_keep_three_letters() -> None:
    assert stem("والمحتجين") == "محتجين"
    assert stem("اتهمتها") == "اتهمت"
    assert stem("بها") == "بها"
    assert words("أدانت المملكةُ الهجومَ ٣ مرات") == ["ادانت", "المملكه", "الهجوم", "3", "مرات"]


def test_a_linear_model_round_trips_and_gives_probabilities(tmp_path: Path) -> None:
    model = LinearModel(["no", "yes"], [0.0, 0.0], {"a": [-1.0, 1.0], "b": [0.5, -0.5]}, {"feature_version": 1})
    model.save(tmp_path / "m.json.gz")
    again = LinearModel.load(tmp_path / "m.json.gz")
    p = again.proba(["a", "a", "unknown"])
    assert p["yes"] > p["no"]
    assert abs(sum(p.values()) - 1.0) < 1e-9
    assert again.predict(["b"]) == "no"
    again.save(tmp_path / "n.json.gz")
    assert (tmp_path / "m.json.gz").read_bytes() == (tmp_path / "n.json.gz").read_bytes()  # deterministic files


def _analysed(lexicons: Lexicons, text: str) -> tuple[Pipeline, Document]:
    pipe = Pipeline(PipelineConfig(include_nonfactual=True), lexicons=lexicons)
    return pipe, pipe.analyse(Document(text=text, doc_id="t"))


def test_features_carry_the_rules_readings_and_positions(lexicons: Lexicons) -> None:
    pipe, doc = _analysed(lexicons, TEXT)
    view = DocView(doc, list(pipe.events_stage.candidates(doc)))  # type: ignore[attr-defined]
    i = next(k for k, t in enumerate(view.tokens) if t.text == "أدانت")
    feats = view.token_features(i)
    assert "rt=B-ACCUSE" in feats
    args = view.argument_features(view.sent_of[i], (i, i), "ACCUSE")
    sent = view.sentence_tokens[view.sent_of[i]]
    country = sent.index(next(k for k in sent if view.tokens[k].text == "المملكة"))
    assert "side=R" in args[country]
    assert any(f.startswith("actor=B-state") for f in args[country])
    assert "rule_src" in args[country]  # the rules take the kingdom as the condemner
    fact = view.factuality_features(i, i, "ACCUSE")
    assert "ty=ACCUSE" in fact and "rule_status=factual" in fact
    assert view.main_country == "SAU"


@pytest.fixture(scope="module")
def learned(lexicons: Lexicons) -> Pipeline:
    return Pipeline(PipelineConfig(coder="learned", include_nonfactual=True), lexicons=lexicons)


def test_the_learned_coder_keeps_every_span_exact_and_explains_each_mention(learned: Pipeline) -> None:
    doc = learned.process(Document(text=TEXT, doc_id="t"))
    for ev in doc.events:
        for span in (ev.trigger, ev.source, ev.target):
            if span is not None:
                assert TEXT[span.start : span.end] == span.text
        assert ev.status in EVENT_STATUSES
    stage = learned.events_stage
    assert isinstance(stage, LearnedEventExtractor)
    assert stage.last_explanation, "no mention detected in a sentence with three"
    for x in stage.last_explanation:
        assert TEXT[x["trigger"]["start"] : x["trigger"]["end"]] == x["trigger"]["text"]
        assert x["status"] in {*STATUS_OF, "none", *EVENT_STATUSES}  # the rules' own, where they fire first
    again = learned.process(Document(text=TEXT, doc_id="t"))
    assert again.events == doc.events  # deterministic


def test_components_run_on_their_own(lexicons: Lexicons) -> None:
    models = load_models()
    pipe, doc = _analysed(lexicons, TEXT)
    view = DocView(doc, list(pipe.events_stage.candidates(doc)))  # type: ignore[attr-defined]
    found = models.triggers.detect(view)
    assert all(0 <= t.first <= t.last < len(view.tokens) and 0 < t.confidence <= 1 for t in found)
    for t in found:
        status, p = models.factuality.status(view, t)
        assert status in {"reported", "background", "planned", "negated", "hypothetical", "nonpolitical", "none"}
        assert 0 < p <= 1
        args = models.arguments.link(view, t)
        for span in (args.source, args.target):
            if span:
                assert all(view.sent_of[i] == view.sent_of[t.first] for i in span)
                assert not set(span) & set(range(t.first, t.last + 1)), "an actor is never the trigger word"


def test_models_refuse_features_of_another_version(tmp_path: Path) -> None:
    folder = tmp_path / "coder"
    shutil.copytree(MODEL_DIR, folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["feature_version"] = FEATURE_VERSION + 1
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(RuntimeError, match="retrain"):
        load_models(folder)


def test_the_two_learned_configurations_differ_only_in_where_triggers_come_from(lexicons: Lexicons) -> None:
    learned = Pipeline(PipelineConfig(coder="learned"), lexicons=lexicons).events_stage
    news = Pipeline(PipelineConfig(coder="learned-news"), lexicons=lexicons).events_stage
    assert isinstance(learned, LearnedEventExtractor) and isinstance(news, LearnedEventExtractor)
    assert learned.models is news.models  # one set of models, loaded once
    assert learned.trigger_source == "rules-first"
    assert news.trigger_source == "both"


def test_an_unknown_coder_is_refused_clearly() -> None:
    with pytest.raises(InputError, match="unknown event coder 'neural'"):
        Pipeline(PipelineConfig(coder="neural"))


def test_eval_corpus_scores_events_and_components(corpus_and_annotations: tuple[Path, Path]) -> None:
    corpus, ann = corpus_and_annotations
    result = CliRunner().invoke(app, ["eval", "corpus", str(ann), "--corpus", str(corpus), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["events"]["documents"] == 1
    assert scores["events"]["strict"]["tp"] + scores["events"]["strict"]["fn"] == 1
    assert set(scores) == {"events", "triggers", "factuality", "arguments"}
    rules = CliRunner().invoke(app, ["eval", "corpus", str(ann), "--corpus", str(corpus), "--coder", "rules", "--json"])
    assert rules.exit_code == 0, rules.output


def test_eval_corpus_names_a_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "corpus", str(tmp_path / "none.jsonl"), "--corpus", str(tmp_path)])
    assert result.exit_code != 0
    assert "none.jsonl" in result.output


def test_extract_explain_shows_every_mention_the_components_read(tmp_path: Path) -> None:
    doc = tmp_path / "d.txt"
    doc.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(doc), "--coder", "learned", "--explain"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert record["explain"], "no mention explained"
    for x in record["explain"]:
        assert TEXT[x["trigger"]["start"] : x["trigger"]["end"]] == x["trigger"]["text"]
        assert 0 < x["status_confidence"] <= 1
    refused = CliRunner().invoke(app, ["extract", str(doc), "--explain"])
    assert refused.exit_code != 0
    assert "--coder learned" in refused.output
