"""The Arabic normalizer: each named step on news sentences, and the map back to original offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.lang.ar import chars
from hadath.lang.ar.normalize import (
    DEFAULT_STEPS,
    Normalizer,
    arabic_indic_to_ascii_digits,
    lowercase_ascii,
    normalize,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_keheh,
    normalize_punctuation,
    normalize_quotes,
    normalize_spaces,
    normalize_teh_marbuta,
    remove_diacritics,
    remove_tatweel,
    remove_zero_width,
)

NORMALIZER = Normalizer()
WORD = re.compile(r"\w+")

# ----------------------------------------------------------------------------------------- named functions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مُؤَكِّدًا", "مؤكدا"),
        (
            "أكَّدَ الوزيرُ دعمَ المملكةِ للمبادرةِ، مُؤَكِّدًا أهميةَ التعاونِ المشتركِ.",
            "أكد الوزير دعم المملكة للمبادرة، مؤكدا أهمية التعاون المشترك.",
        ),
        ("وَقَّعَ الجانبانِ مذكرةَ تفاهمٍ في المنامةِ", "وقع الجانبان مذكرة تفاهم في المنامة"),
        # the dagger alef of هٰذا is a mark, not a letter
        ("هٰذا الاتفاقُ تاريخيٌّ", "هذا الاتفاق تاريخي"),
    ],
)
def test_remove_diacritics_drops_harakat_tanwin_and_shadda(text: str, expected: str) -> None:
    assert remove_diacritics(text) == expected


def test_remove_diacritics_keeps_hamza_letters_and_other_steps_alone() -> None:
    text = "أعلنَ رئيسُ الــوزراء، في ٢٠٢٤، عن «مسؤوليةٍ»"
    assert remove_diacritics(text) == "أعلن رئيس الــوزراء، في ٢٠٢٤، عن «مسؤولية»"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("الــبحرين", "البحرين"),
        ("استقبل رئيس الــوزراء وفــداً بحرينيــاً رفيع المستوى", "استقبل رئيس الوزراء وفداً بحرينياً رفيع المستوى"),
        ("مـــؤتـمـر الـسـلام", "مؤتمر السلام"),
    ],
)
def test_remove_tatweel_joins_stretched_words(text: str, expected: str) -> None:
    assert remove_tatweel(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلن الوزير أن", "اعلن الوزير ان"),
        ("إيران وإسرائيل", "ايران واسرائيل"),
        ("آفاق التعاون مع دول آسيا", "افاق التعاون مع دول اسيا"),
        ("ٱلأمم المتحدة", "الامم المتحدة"),
        ("أكد إن آفاق ٱلتعاون", "اكد ان افاق التعاون"),
    ],
)
def test_normalize_alef_folds_hamza_and_madda_forms(text: str, expected: str) -> None:
    assert normalize_alef(text) == expected


def test_normalize_alef_leaves_hamza_on_waw_and_yeh() -> None:
    assert normalize_alef("رئيس الوزراء مسؤول عن الأمن") == "رئيس الوزراء مسؤول عن الامن"


@pytest.mark.parametrize(
    ("typo", "correct"),
    [
        ("وزير الخارجية البحرينى", "وزير الخارجية البحريني"),
        ("العاهل البحرينى الملك", "العاهل البحريني الملك"),
        ("الرئيس الروسى", "الرئيس الروسي"),
    ],
)
def test_normalize_alef_maqsura_fixes_final_yeh_typo(typo: str, correct: str) -> None:
    assert normalize_alef_maqsura(typo) == correct
    assert normalize(typo) == normalize(correct)


def test_normalize_alef_maqsura_folds_persian_yeh() -> None:
    assert normalize_alef_maqsura("ایران") == "ايران"


@pytest.mark.parametrize(
    ("with_teh", "with_heh"),
    [
        ("القمة العربية", "القمه العربيه"),
        ("المملكة الأردنية الهاشمية", "المملكه الاردنيه الهاشميه"),
    ],
)
def test_normalize_teh_marbuta_makes_both_spellings_equal(with_teh: str, with_heh: str) -> None:
    assert normalize_teh_marbuta("القمة") == "القمه"
    assert normalize(with_teh) == normalize(with_heh)


def test_normalize_keheh_folds_persian_kaf() -> None:
    assert normalize_keheh("کابول") == "كابول"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عقد الاجتماع في ١١ يونيو ٢٠٢٤", "عقد الاجتماع في 11 يونيو 2024"),
        ("وصل ۳۵ مسؤولا في ۲۰۲۴", "وصل 35 مسؤولا في 2024"),
        ("٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹", "0123456789 0123456789"),
    ],
)
def test_arabic_indic_and_persian_digits_become_ascii(text: str, expected: str) -> None:
    assert arabic_indic_to_ascii_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("على هامش مؤتمر «التجاوب العاجل»", 'على هامش مؤتمر "التجاوب العاجل"'),
        ("مؤتمر “التجاوب العاجل للمساعدات الإنسانية لغزة”", 'مؤتمر "التجاوب العاجل للمساعدات الإنسانية لغزة"'),
        ("وصف الخطة بأنها ‘واقعية’", "وصف الخطة بأنها 'واقعية'"),
    ],
)
def test_normalize_quotes_turns_guillemets_and_curly_quotes_ascii(text: str, expected: str) -> None:
    assert normalize_quotes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هل تنجح المفاوضات؟ نعم، بالتأكيد؛ لكن ببطء", "هل تنجح المفاوضات? نعم, بالتأكيد; لكن ببطء"),
        ("نما الاقتصاد ٣٫٥٪ وبلغ ١٬٢٠٠ مليون", "نما الاقتصاد ٣.٥% وبلغ ١,٢٠٠ مليون"),
    ],
)
def test_normalize_punctuation_uses_ascii_marks(text: str, expected: str) -> None:
    assert normalize_punctuation(text) == expected


def test_arabic_decimal_number_reads_as_ascii_number() -> None:
    assert normalize("نما الاقتصاد ٣٫٥٪") == "نما الاقتصاد 3.5%"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وزير\u00a0الخارجية", "وزير الخارجية"),
        ("رئيس\u202fالوزراء\u2009البحريني", "رئيس الوزراء البحريني"),
    ],
)
def test_normalize_spaces_turns_nbsp_and_thin_spaces_into_spaces(text: str, expected: str) -> None:
    assert normalize_spaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("البح\u200cرين", "البحرين"),
        ("\u200fوزير الخارجية\u200f", "وزير الخارجية"),
        ("مملكة\u200d البحرين\ufeff", "مملكة البحرين"),
        ("\u202bالأمم المتحدة\u202c", "الأمم المتحدة"),
    ],
)
def test_remove_zero_width_drops_joiners_and_bidi_marks_inside_words(text: str, expected: str) -> None:
    assert remove_zero_width(text) == expected


def test_lowercase_ascii_lowers_latin_only() -> None:
    assert lowercase_ascii("اتفاقية (C-SIPA) مع USA") == "اتفاقية (c-sipa) مع usa"


# ------------------------------------------------------------------------------------------- composition

RICH = "أكَّدَ\u00a0وزيرُ الــخارجية البحرينى، في ١١ يونيو ۲۰۲۴، دعمَ «مبادرة\u200c السلام»؟ (C-SIPA)"


def test_default_normalizer_applies_every_step_in_order() -> None:
    steps: list[Callable[[str], str]] = [
        remove_diacritics,
        remove_tatweel,
        remove_zero_width,
        normalize_spaces,
        normalize_alef,
        normalize_alef_maqsura,
        normalize_teh_marbuta,
        normalize_keheh,
        arabic_indic_to_ascii_digits,
        normalize_quotes,
        normalize_punctuation,
        lowercase_ascii,
    ]
    assert [name for name, _ in DEFAULT_STEPS] == [f.__name__ for f in steps]
    expected = RICH
    for step in steps:
        expected = step(expected)
    assert normalize(RICH) == expected
    assert expected == 'اكد وزير الخارجيه البحريني, في 11 يونيو 2024, دعم "مبادره السلام"? (c-sipa)'


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("وزير الخارجية البحرينى", "وزير الخارجية البحريني"),
        ("المملكه الاردنيه الهاشميه", "المملكة الأردنية الهاشمية"),
        ("مُؤَكِّدًا", "مؤكدا"),
        ("الــبحرين", "البحرين"),
        ("البح\u200cرين", "البحرين"),
        # a decomposed hamza (alef + combining hamza above) reads like the precomposed letter
        ("ا\u0654كد", "أكد"),
    ],
)
def test_spelling_variants_normalize_alike(variant: str, canonical: str) -> None:
    assert normalize(variant) == normalize(canonical)


def test_normalizer_rejects_a_step_that_maps_one_char_to_two() -> None:
    with pytest.raises(ValueError, match="U\\+0640"):
        Normalizer([("expand_tatweel", {0x0640: "--"})])


def test_custom_steps_only_apply_what_they_name() -> None:
    only_diacritics = Normalizer([DEFAULT_STEPS[0]])
    assert only_diacritics("أكَّدَ البحرينى") == "أكد البحرينى"


# --------------------------------------------------------------------------------------- offset mapping

SENTENCES = [
    "بحث عبد اللطيف بن راشد الزياني، وزير الخارجية البحرينى، في المملكة الأردنية الهاشمية، مع كل من: "
    "أنتوني بلينكن، وزير خارجية الولايات المتحدة الأمريكية",
    "على هامش مؤتمر “التجاوب العاجل للمساعدات الإنسانية لغزة”، الذي يتم تنظيمه بالتعاون",
    "أثنى وزير خارجية الولايات المتحدة الأمريكية على نجاح القمة العربية في مملكة البحرين، مؤكدًا دعم بلاده",
    "أكَّدَ الوزيرُ الــبحرينيُّ، مُؤَكِّدًا دعمَ المملكةِ للمبادرةِ.",
    "استقبل رئيس\u00a0الــوزراء في ١١ يونيو ٢٠٢٤ وفدًا من البح\u200cرين؟",
    "\u200fقال المتحدث باسم الخارجيــة «إن المحادثات كانت بنّاءة»\u200f",
    "وقال الوزير: هل تنجح المفاوضات؟ نعم، بالتأكيد؛ والتعاون مستمر",
]


@pytest.mark.parametrize("original", SENTENCES)
def test_every_normalized_word_maps_back_to_an_original_slice_that_normalizes_to_it(original: str) -> None:
    nt = NORMALIZER.normalize(original)
    assert nt.original == original
    assert nt.text == normalize(original)
    words = list(WORD.finditer(nt.text))
    assert words
    for m in words:
        a, b = nt.to_original(m.start(), m.end())
        piece = original[a:b]
        assert normalize(piece) == m.group(), (m.group(), piece)
        assert not piece[0].isspace() and not piece[-1].isspace()


@pytest.mark.parametrize(
    ("original", "word", "expected_slice"),
    [
        # a final haraka or tanwin stays with its word
        ("أكد الوزيرُ دعمَ بلاده", "دعم", "دعمَ"),
        ("مُؤَكِّدًا دعمَ", "مؤكدا", "مُؤَكِّدًا"),
        ("زار وفدٌ رسميٌّ المنامة", "رسمي", "رسميٌّ"),
        # a tatweel inside the word is inside the slice
        ("وصل إلى الــبحرين أمس", "البحرين", "الــبحرين"),
        # a zero-width non-joiner inside the word is inside the slice
        ("وصل إلى البح\u200cرين أمس", "البحرين", "البح\u200cرين"),
    ],
)
def test_to_original_covers_the_whole_written_word(original: str, word: str, expected_slice: str) -> None:
    nt = NORMALIZER.normalize(original)
    start = nt.text.index(word)
    a, b = nt.to_original(start, start + len(word))
    assert original[a:b] == expected_slice


def test_offsets_are_none_when_nothing_is_deleted() -> None:
    original = "وزير الخارجية البحرينى في ٢٠٢٤"
    nt = NORMALIZER.normalize(original)
    assert nt.offsets is None
    assert len(nt.text) == len(original)
    assert nt.to_original(5, 13) == (5, 13)
    assert nt.to_normalized(7) == 7


def test_to_normalized_finds_the_first_kept_character() -> None:
    original = "الــبحرين"
    nt = NORMALIZER.normalize(original)
    assert nt.text == "البحرين"
    assert nt.to_normalized(0) == 0
    assert nt.to_normalized(original.index("ب")) == nt.text.index("ب")
    # a deleted tatweel maps to the letter that follows it
    assert nt.to_normalized(2) == 2
    assert nt.original_index(len(nt.text)) == len(original)


def test_empty_range_maps_to_an_empty_original_range() -> None:
    nt = NORMALIZER.normalize("مُؤَكِّدًا دعمَ")
    a, b = nt.to_original(3, 3)
    assert a == b
    assert nt.to_original(len(nt.text), len(nt.text)) == (len(nt.original), len(nt.original))


@pytest.mark.parametrize("original", ["ـ", "ـــ", "\u064b\u0651", "\u200c\u200f"])
def test_text_made_only_of_deleted_marks_normalizes_to_nothing(original: str) -> None:
    nt = NORMALIZER.normalize(original)
    assert (nt.text, nt.offsets) == ("", ())
    assert nt.to_original(0, 0) == (len(original), len(original))


# ---------------------------------------------------------------------------------------------- property

_SPECIAL = chars.DIACRITICS + chars.TATWEEL + chars.ZERO_WIDTH + chars.SPACES + "«»“”‘’،؛؟٫٪ \n"
_ALPHABET = st.one_of(
    st.characters(),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),
    st.sampled_from(_SPECIAL),
    st.sampled_from(chars.ARABIC_LETTERS + chars.ALEF_VARIANTS + chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS),
)


@settings(max_examples=300, deadline=None)
@given(original=st.text(alphabet=_ALPHABET, max_size=80), data=st.data())
def test_offsets_map_any_normalized_range_back_to_an_equivalent_original_range(
    original: str, data: st.DataObject
) -> None:
    nt = NORMALIZER.normalize(original)
    assert nt.text == normalize(original)
    # None means nothing was deleted; () means everything was (a lone tatweel)
    offsets = range(len(original)) if nt.offsets is None else nt.offsets
    assert len(offsets) == len(nt.text)
    assert all(a < b for a, b in pairwise(offsets))
    assert all(0 <= o < len(original) for o in offsets)
    for k, o in enumerate(offsets):
        assert normalize(original[o]) == nt.text[k]

    i = data.draw(st.integers(0, len(nt.text)), label="i")
    j = data.draw(st.integers(i, len(nt.text)), label="j")
    a, b = nt.to_original(i, j)
    assert 0 <= a <= b <= len(original)
    assert normalize(original[a:b]) == nt.text[i:j]


@settings(max_examples=200, deadline=None)
@given(original=st.text(alphabet=_ALPHABET, max_size=80), data=st.data())
def test_ranges_mapped_together_map_as_each_one_alone(original: str, data: st.DataObject) -> None:
    nt = NORMALIZER.normalize(original)
    size = len(nt.text)
    ranges = data.draw(st.lists(st.tuples(st.integers(0, size), st.integers(0, size)), max_size=12), label="ranges")
    assert nt.to_original_many(ranges) == [nt.to_original(i, j) for i, j in ranges]


def test_ranges_mapped_together_keep_the_marks_after_their_last_letter() -> None:
    original = "قال مؤكدًا إن الــوفد وصلَّ"
    nt = NORMALIZER.normalize(original)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", nt.text)]
    assert [original[a:b] for a, b in nt.to_original_many(words)] == ["قال", "مؤكدًا", "إن", "الــوفد", "وصلَّ"]


@settings(max_examples=200, deadline=None)
@given(original=st.text(alphabet=_ALPHABET, max_size=80))
def test_normalize_is_idempotent(original: str) -> None:
    once = normalize(original)
    assert normalize(once) == once
