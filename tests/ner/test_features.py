"""Features of the NER tagger on Arabic tokens: normalized and clitic-stripped forms, affixes, shape, lexicon
membership and title/reporting context. Sentences are agency style, written for these tests."""

from __future__ import annotations

import pytest

from hadath.lexicon.lexicons import Lexicons
from hadath.ner.features import FeatureConfig, FeatureExtractor, NerLexicon, strip_proclitics, word_shape

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
