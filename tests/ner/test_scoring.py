"""Entity-level scoring as conlleval computes it: exact spans and types, boundary errors counted twice."""

from __future__ import annotations

import pytest

from hadath.ner.scoring import Entity, entities, score


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "O"], []),
        (["B-PERS", "I-PERS", "O", "B-LOC"], [Entity(0, 2, "PERS"), Entity(3, 4, "LOC")]),
        # IOB1: an I- after O opens an entity, as conlleval reads it
        (["O", "I-ORG", "I-ORG"], [Entity(1, 3, "ORG")]),
        # B- after B- of the same type: two entities
        (["B-PERS", "B-PERS"], [Entity(0, 1, "PERS"), Entity(1, 2, "PERS")]),
        # a change of type inside I- tags closes one entity and opens another
        (["B-PERS", "I-LOC", "I-LOC"], [Entity(0, 1, "PERS"), Entity(1, 3, "LOC")]),
        # an entity running to the end of the sentence is closed there
        (["O", "B-MISC", "I-MISC"], [Entity(1, 3, "MISC")]),
    ],
)
def test_entities_are_chunked_as_conlleval_chunks_them(tags: list[str], expected: list[Entity]) -> None:
    assert entities(tags) == expected


def test_exact_match_scores_one() -> None:
    tags = ["B-PERS", "I-PERS", "O", "B-LOC"]
    result = score([(tags, tags)]).as_dict()
    assert result["overall"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 2, "fp": 0, "fn": 0}


def test_boundary_error_counts_as_one_false_positive_and_one_false_negative() -> None:
    # gold "أيمن الصفدي" (two tokens), predicted "أيمن" alone
    scores = score([(["B-PERS", "I-PERS", "O"], ["B-PERS", "O", "O"])])
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (0, 1, 1)
    assert scores.overall.f1 == 0.0
    assert scores.accuracy == pytest.approx(2 / 3)


def test_type_error_is_a_false_positive_of_the_predicted_type_and_a_miss_of_the_gold_type() -> None:
    scores = score([(["B-LOC", "O"], ["B-ORG", "O"])])
    assert (scores.by_type["ORG"].fp, scores.by_type["ORG"].fn) == (1, 0)
    assert (scores.by_type["LOC"].fp, scores.by_type["LOC"].fn) == (0, 1)


def test_corpus_scores_match_a_hand_computed_conlleval_run() -> None:
    # sentence 1: PERS right, LOC right.   sentence 2: ORG cut short (fp + fn), an extra LOC (fp).
    # sentence 3: MISC missed (fn), PERS right.
    pairs = [
        (["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "I-PERS", "O", "B-LOC"]),
        (["B-ORG", "I-ORG", "I-ORG", "O", "O"], ["B-ORG", "I-ORG", "O", "O", "B-LOC"]),
        (["B-MISC", "O", "B-PERS"], ["O", "O", "B-PERS"]),
    ]
    result = score(pairs).as_dict()
    # 5 gold entities, 5 predicted, 3 correct: P = R = F1 = 0.6
    assert result["overall"] == {"precision": 0.6, "recall": 0.6, "f1": 0.6, "tp": 3, "fp": 2, "fn": 2}
    assert result["by_type"]["PERS"]["f1"] == 1.0
    assert result["by_type"]["LOC"] == {"precision": 0.5, "recall": 1.0, "f1": 0.6667, "tp": 1, "fp": 1, "fn": 0}
    assert result["by_type"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert result["by_type"]["MISC"]["fn"] == 1
    assert (result["sentences"], result["tokens"]) == (3, 12)
    assert result["accuracy"] == pytest.approx(9 / 12, abs=1e-4)


def test_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="2 gold tags but 1 predicted"):
        score([(["O", "O"], ["O"])])
