"""Features of the NER tagger on Arabic tokens: normalized and clitic-stripped forms, affixes, shape, lexicon
membership and title/reporting context. Sentences are agency style, written for these tests."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from hadath.errors import ResourceError
from hadath.lexicon.lexicons import Lexicons
from hadath.ner.features import (
    NER_CLUSTER_SIZES,
    FeatureConfig,
    FeatureExtractor,
    NerLexicon,
    ner_clusters,
    strip_proclitics,
    word_shape,
)

SENTENCE = [
    "قال",
    "وزير",
    "الخارجية",
    "الأردني",
    "أيمن",
    "الصفدي",
    "في",
    "القاهرة",
    "إن",
    "الأردن",
    "يدعم",
    "جهود",
    "الأمم",
    "المتحدة",
]


@pytest.fixture(scope="module")
def ner_lexicon(lexicons: Lexicons) -> NerLexicon:
    return NerLexicon.from_lexicons(lexicons)


@pytest.fixture(scope="module")
def extractor(ner_lexicon: NerLexicon) -> FeatureExtractor:
    return FeatureExtractor(ner_lexicon, FeatureConfig(window=2))


def feats_of(extractor: FeatureExtractor, tokens: list[str], word: str) -> list[str]:
    return extractor.sentence(tokens)[tokens.index(word)]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبالقاهره", ("وبال", "قاهره")),
        ("والبحرين", ("وال", "بحرين")),
        ("البحرين", ("ال", "بحرين")),
        ("للامم", ("لل", "امم")),
        ("بفرنسا", ("ب", "فرنسا")),
        ("وفلسطين", ("و", "فلسطين")),
        # known words and short stems stay whole
        ("فلسطين", ("", "فلسطين")),
        ("لبنان", ("", "لبنان")),
        ("ولد", ("", "ولد")),
        ("الله", ("", "الله")),
        # ف and ك before a short stem begin names more often than they are clitics
        ("فادي", ("", "فادي")),
        ("كمال", ("", "كمال")),
    ],
)
def test_strip_proclitics_uses_the_lexicon_vocabulary(ner_lexicon: NerLexicon, word: str,
                                                      expected: tuple[str, str]) -> None:  # fmt: skip
    assert strip_proclitics(word, ner_lexicon.vocabulary) == expected


def test_strip_proclitics_without_vocabulary_takes_the_longest_proclitic() -> None:
    assert strip_proclitics("وبالقاهره") == ("وبال", "قاهره")
    assert strip_proclitics("فلسطين") == ("فل", "سطين")  # no lexicon: a feature, not an analysis


@pytest.mark.parametrize(
    ("token", "shape"),
    [
        ("القاهرة", "arabic"),
        ("2024", "num"),
        ("٢٠٢٤", "num"),
        ("اعتداءات11", "mixed"),
        ("CNN", "latin"),
        ("،", "punct"),
        ("«", "punct"),
        ("\u200f", "other"),
    ],
)
def test_word_shape(token: str, shape: str) -> None:
    assert word_shape(token) == shape


def test_forms_are_normalized_and_stripped(extractor: FeatureExtractor) -> None:
    tokens = ["وصل", "الوفد", "إلى", "وبالقاهرة", "أمس"]
    feats = feats_of(extractor, tokens, "وبالقاهرة")
    assert {"w=وبالقاهره", "stem=قاهره", "pro=وبال", "shape=arabic", "p2=وب", "s2=ره"} <= set(feats)
    assert "w=الي" in feats_of(extractor, tokens, "إلى")  # alef and alef maqsura folded


def test_lexicon_membership_marks_persons_titles_places_and_organizations(extractor: FeatureExtractor) -> None:
    assert "gaz=person:B" in feats_of(extractor, SENTENCE, "أيمن")
    assert "gaz=person:I" in feats_of(extractor, SENTENCE, "الصفدي")
    assert "gaz=name_word" in feats_of(extractor, SENTENCE, "أيمن")
    assert "gaz=title:role:B" in feats_of(extractor, SENTENCE, "وزير")
    assert "gaz=title:role:I" in feats_of(extractor, SENTENCE, "الخارجية")
    assert "gaz=demonym:B" in feats_of(extractor, SENTENCE, "الأردني")
    assert "gaz=country:B" in feats_of(extractor, SENTENCE, "الأردن")
    assert "gaz=capital:B" in feats_of(extractor, SENTENCE, "القاهرة")
    assert {"gaz=org:B"} <= set(feats_of(extractor, SENTENCE, "الأمم"))
    assert "gaz=org:I" in feats_of(extractor, SENTENCE, "المتحدة")
    assert not [f for f in feats_of(extractor, SENTENCE, "جهود") if f.startswith("gaz=")]


def test_lexicon_forms_are_found_behind_proclitics(extractor: FeatureExtractor) -> None:
    tokens = ["وأكد", "دعمه", "للأمم", "المتحدة", "وللبحرين"]
    assert "gaz=org:B" in feats_of(extractor, tokens, "للأمم")
    assert "gaz=country:B" in feats_of(extractor, tokens, "وللبحرين")


def test_title_and_reporting_context(extractor: FeatureExtractor) -> None:
    # a title, then a demonym, then the name
    assert "ctx=title_place_before" in feats_of(extractor, SENTENCE, "أيمن")
    assert "ctx=speaker-1" in feats_of(extractor, SENTENCE, "وزير")
    tokens = ["أعلن", "الشيخ", "محمد", "أن"]
    assert "ctx=title_before" in feats_of(extractor, tokens, "محمد")
    assert "ctx=speaker-2" in feats_of(extractor, tokens, "محمد")
    tokens = ["وأضاف", "الصفدي", "،", "وزير", "الخارجية", "،", "أن"]
    assert "ctx=title_after" in feats_of(extractor, tokens, "الصفدي")
    assert not [f for f in feats_of(extractor, tokens, "أن") if f.startswith("ctx=title")]


def test_neighbours_are_seen_within_the_window(ner_lexicon: NerLexicon) -> None:
    tokens = ["التقى", "الرئيس", "ماكرون", "نظيره", "الفرنسي"]
    wide = FeatureExtractor(ner_lexicon, FeatureConfig(window=2)).sentence(tokens)
    narrow = FeatureExtractor(ner_lexicon, FeatureConfig(window=1)).sentence(tokens)
    assert {"-1:w=الرئيس", "-2:w=التقي", "1:w=نظيره", "2:w=الفرنسي"} <= set(wide[2])
    assert "-1:w=الرئيس" in narrow[2] and not [f for f in narrow[2] if f.startswith(("-2:", "2:"))]
    assert "-1:BOS" in wide[0] and "2:EOS" in wide[3]
    assert "w-1|w=الرئيس|ماكرون" in wide[2]


def test_extraction_is_deterministic_and_handles_edge_sentences(extractor: FeatureExtractor) -> None:
    assert extractor.sentence(SENTENCE) == extractor.sentence(list(SENTENCE))
    assert extractor.sentence([]) == []
    [only] = extractor.sentence(["\u200f"])
    assert "w=_" in only and "shape=other" in only


def test_lexicon_fingerprint_follows_the_lexicons(lexicons: Lexicons) -> None:
    from dataclasses import replace

    full = NerLexicon.from_lexicons(lexicons)
    fewer = NerLexicon.from_lexicons(replace(lexicons, persons=lexicons.persons[1:]))
    assert full.fingerprint == NerLexicon.from_lexicons(lexicons).fingerprint
    assert full.fingerprint != fewer.fingerprint


def test_places_of_the_gazetteer_and_name_cues_are_marked_when_asked(ner_lexicon: NerLexicon) -> None:
    tokens = ["وصل", "الوفد", "إلى", "مدينة", "إربد", "قادما", "من", "المكلا"]
    with_places = FeatureExtractor(ner_lexicon, FeatureConfig(places=1)).sentence(tokens)
    without = FeatureExtractor(ner_lexicon, FeatureConfig(places=0)).sentence(tokens)
    assert "gaz=place:B" in with_places[4] and "gaz=place:B" in with_places[7]  # إربد، المكلا (behind the article)
    assert {"gaz=cue:place_noun", "gaz=cue:named_after"} <= set(with_places[3])  # مدينة
    assert "-1:gaz=cue:place_noun" in with_places[4]  # the town sees the word announcing it
    assert not [f for row in without for f in row if "place" in f]
    tokens = ["وقعت", "الوزارة", "عقدا", "مع", "شركة", "الرافدين", "للإنشاءات"]
    assert "-1:gaz=cue:business_noun" in FeatureExtractor(ner_lexicon, FeatureConfig(places=1)).sentence(tokens)[5]


def test_ner_clusters_describe_the_token_at_every_size_and_its_neighbours_coarsely(ner_lexicon: NerLexicon) -> None:
    clusters = ner_clusters()
    assert clusters, "the NER word clusters are packaged"
    tokens = ["وأكد", "رئيس", "الوزراء", "في", "بيان", "صدر", "عن", "مكتبه", "أمس"]
    feats = FeatureExtractor(ner_lexicon, FeatureConfig(ner_clusters=1)).sentence(tokens)
    expected = clusters["رئيس"][: len(NER_CLUSTER_SIZES)]
    assert [f"n{size}={c}" for size, c in zip(NER_CLUSTER_SIZES, expected, strict=True)] == [
        f for f in feats[1] if f.startswith("n") and f[1].isdigit()
    ]
    assert f"-1:n{NER_CLUSTER_SIZES[1]}={expected[1]}" in feats[2]  # الوزراء sees the coarse class of رئيس
    assert not [f for f in feats[2] if f.startswith(f"-1:n{NER_CLUSTER_SIZES[2]}=")]
    finer = FeatureExtractor(ner_lexicon, FeatureConfig(ner_clusters=2)).sentence(tokens)
    assert f"-1:n{NER_CLUSTER_SIZES[2]}={expected[2]}" in finer[2]
    assert not [f for f in finer[2] if f.startswith(f"-1:n{NER_CLUSTER_SIZES[3]}=")]
    finest = FeatureExtractor(ner_lexicon, FeatureConfig(ner_clusters=3)).sentence(tokens)
    assert f"-1:n{NER_CLUSTER_SIZES[3]}={expected[3]}" in finest[2]
    # a made-up name raw news never showed has no cluster, and says so
    [unknown] = FeatureExtractor(ner_lexicon, FeatureConfig(ner_clusters=1)).sentence(["زغلوريفان"])
    assert "n=none" in unknown and not [f for f in unknown if f.startswith("n32=")]


def test_cluster_window_reaches_further_than_the_word_window(ner_lexicon: NerLexicon) -> None:
    tokens = ["قال", "المتحدث", "باسم", "الحكومة", "إن", "الاجتماع", "انتهى"]
    feats = FeatureExtractor(ner_lexicon, FeatureConfig(window=1, cluster_window=2)).sentence(tokens)
    far = [f for f in feats[3] if f.startswith(("-2:", "2:"))]
    assert far and all(f.split(":", 1)[1].startswith(("c64=", "n")) for f in far)  # clusters only at distance 2
    assert "-1:w=باسم" in feats[3] and not [f for f in feats[3] if f.startswith("-2:w=")]
    assert "-2:BOS" in feats[0] and "2:EOS" in feats[5]


def test_a_malformed_cluster_file_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "clusters.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("# header\nوزير\t1\t2\t3\t4\nسفير\t1\t2\n")
    with pytest.raises(ResourceError, match=r"clusters\.tsv\.gz:3: expected a stem and 4 cluster numbers"):
        ner_clusters(path)
    assert ner_clusters(tmp_path / "absent.tsv.gz") == {}
