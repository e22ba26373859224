"""Tokenization with lexicon-guided proclitic splitting: split only when the remainder is a known word."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from hadath.lang.ar.normalize import Normalizer, normalize
from hadath.lang.ar.tokenize import RawToken, Tokenizer
from hadath.lexicon.lexicons import Lexicons

#: A small vocabulary, so that each case says exactly which stem is known.
KNOWN = frozenset(normalize(w) for w in ["البحرين", "المملكة", "روسيا", "يبحث", "تبحث", "وفد", "واشنطن", "لي"])


@pytest.fixture(scope="module")
def small() -> Tokenizer:
    return Tokenizer(KNOWN)


@pytest.fixture(scope="module")
def packaged(lexicons: Lexicons) -> Tokenizer:
    """The tokenizer as the pipeline builds it: the vocabulary of every lexicon."""
    return Tokenizer(lexicons.vocabulary())


def parts(tokens: list[RawToken]) -> list[tuple[str, str, str]]:
    return [(t.text, t.norm, t.kind) for t in tokens]


def split(word: str) -> list[tuple[str, str, str]]:
    """Expected tokens of a split word: every part but the last is a clitic."""
    pieces = word.split("+")
    out = [(p, p, "clitic") for p in pieces[:-1]]
    stem = pieces[-1]
    text, _, norm = stem.partition("=")
    out.append((text, norm or text, "word"))
    return out


# ---------------------------------------------------------------------------------------------- splitting


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # single proclitics
        ("وروسيا", "و+روسيا"),
        ("فروسيا", "ف+روسيا"),
        ("بروسيا", "ب+روسيا"),
        ("لروسيا", "ل+روسيا"),
        ("كروسيا", "ك+روسيا"),
        ("الوفد", "ال+وفد"),
        ("سيبحث", "س+يبحث"),
        # ل + ال with the alef dropped: the stem keeps its article in `norm`
        ("للبحرين", "ل+لبحرين=البحرين"),
        ("للمملكه", "ل+لمملكه=المملكه"),
        # combinations
        ("والبحرين", "و+البحرين"),
        ("فالبحرين", "ف+البحرين"),
        ("بالبحرين", "ب+البحرين"),
        ("كالبحرين", "ك+البحرين"),
        ("وبالبحرين", "و+ب+البحرين"),
        ("فبالبحرين", "ف+ب+البحرين"),
        ("وكالبحرين", "و+ك+البحرين"),
        ("وللبحرين", "و+ل+لبحرين=البحرين"),
        ("فللبحرين", "ف+ل+لبحرين=البحرين"),
        ("وبروسيا", "و+ب+روسيا"),
        ("ولواشنطن", "و+ل+واشنطن"),
        ("والوفد", "و+ال+وفد"),
        ("بالوفد", "ب+ال+وفد"),
        ("وسيبحث", "و+س+يبحث"),
        ("فستبحث", "ف+س+تبحث"),
    ],
)
def test_proclitics_split_from_a_known_stem(small: Tokenizer, word: str, expected: str) -> None:
    assert parts(small.tokenize(word)) == split(expected)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والبحرين", "و+البحرين"),
        ("وبالبحرين", "و+ب+البحرين"),
        ("للبحرين", "ل+لبحرين=البحرين"),
        ("فللبحرين", "ف+ل+لبحرين=البحرين"),
        ("بالمملكه", "ب+المملكه"),
        ("وبالمملكه", "و+ب+المملكه"),
        ("والولايات", "و+الولايات"),
        ("لروسيا", "ل+روسيا"),
        ("وواشنطن", "و+واشنطن"),
        ("وسيبحث", "و+س+يبحث"),
        ("والسفير", "و+السفير"),
        ("للسفير", "ل+لسفير=السفير"),
    ],
)
def test_proclitics_split_with_the_packaged_vocabulary(packaged: Tokenizer, word: str, expected: str) -> None:
    assert parts(packaged.tokenize(word)) == split(expected)


def test_the_same_word_stays_whole_when_its_stem_is_unknown() -> None:
    assert parts(Tokenizer().tokenize("وبالبحرين")) == [("وبالبحرين", "وبالبحرين", "word")]
    assert parts(Tokenizer({"البحرين"}).tokenize("وبالبحرين")) == split("و+ب+البحرين")


@pytest.mark.parametrize("name", ["وليد", "بلال", "فادي", "وسام", "بسام", "كمال", "لمياء", "سامي", "فاطمة", "كريم"])
def test_unknown_names_that_look_like_clitic_plus_word_are_never_split(packaged: Tokenizer, name: str) -> None:
    word = normalize(name)
    assert parts(packaged.tokenize(word)) == [(word, word, "word")]


@pytest.mark.parametrize("word", ["ولي", "وزير", "فلسطين", "لبنان", "بريطانيا", "كندا", "سوريا", "سلمان", "فيصل"])
def test_known_words_that_start_like_a_proclitic_stay_whole(packaged: Tokenizer, word: str) -> None:
    # ولي (ولي العهد) is not و + لي, لبنان is not ل + بنان
    assert parts(packaged.tokenize(word)) == [(word, word, "word")]


def test_a_known_whole_word_wins_over_a_known_remainder() -> None:
    tok = Tokenizer({"ولي", "لي"})
    assert parts(tok.tokenize("ولي")) == [("ولي", "ولي", "word")]
    assert parts(Tokenizer({"لي"}).tokenize("ولي")) == split("و+لي")


def test_a_remainder_shorter_than_min_stem_is_not_split() -> None:
    assert parts(Tokenizer({"لي"}, min_stem=3).tokenize("ولي")) == [("ولي", "ولي", "word")]


def test_the_longest_known_stem_wins() -> None:
    # وكان: و + كان, not و + ك + ان
    tok = Tokenizer({"كان", "ان"})
    assert parts(tok.tokenize("وكان")) == split("و+كان")


# -------------------------------------------------------------------------------------------------- kinds


def test_numbers_punctuation_and_latin_words_are_tokens_of_their_kind(packaged: Tokenizer) -> None:
    text = normalize("وقع الجانبان، في ١١ يونيو ٢٠٢٤، اتفاقية (C-SIPA) «الشاملة».")
    kinds = [(t.text, t.kind) for t in packaged.tokenize(text)]
    assert kinds == [
        ("وقع", "word"),
        ("الجانبان", "word"),
        (",", "punct"),
        ("في", "word"),
        ("11", "number"),
        ("يونيو", "word"),
        ("2024", "number"),
        (",", "punct"),
        ("اتفاقيه", "word"),
        ("(", "punct"),
        ("c", "word"),
        ("-", "punct"),
        ("sipa", "word"),
        (")", "punct"),
        ('"', "punct"),
        ("الشامله", "word"),
        ('"', "punct"),
        (".", "punct"),
    ]


def test_repeated_punctuation_is_one_token_per_mark(packaged: Tokenizer) -> None:
    assert [t.text for t in packaged.tokenize("ماذا بعد?!")] == ["ماذا", "بعد", "?", "!"]


# ------------------------------------------------------------------------------------------------ offsets

TEXTS = [
    "بحث عبد اللطيف بن راشد الزياني، وزير الخارجية البحرينى، في المملكة الأردنية الهاشمية، مع كل من: "
    "أنتوني بلينكن، وزير خارجية الولايات المتحدة الأمريكية، وسيرجي فيرشينين، نائب وزير خارجية روسيا الاتحادية، "
    "واللورد طارق أحمد، وزير الدولة لشؤون الشرق الأوسط وشمال أفريقيا وجنوب آسيا والأمم المتحدة بالمملكة المتحدة",
    "وأكَّدَ الجانبــان للبحرين وللمملكة المتحدة، فللبحرين دعمَهما «للمبادرة»؟ وسيبحث الوزير ٣ ملفات.",
    "وقال\u00a0الوزير: إن البح\u200cرين ستستضيف القمة العربية في ٢٠٢٤.",
]


def _check_offsets(text: str, tokens: list[RawToken]) -> None:
    assert tokens
    for tok in tokens:
        assert text[tok.start : tok.end] == tok.text
        if tok.kind != "word" or tok.norm == tok.text:
            continue
        # only a stem after لل differs from its text: its article's alef was dropped in writing
        assert tok.norm == "ا" + tok.text
        assert text[tok.start - 1] == "ل"
    for before, after in pairwise(tokens):
        assert before.end <= after.start
    # every non-space character is in exactly one token
    assert "".join(t.text for t in tokens) == re.sub(r"\s", "", text)


@pytest.mark.parametrize("original", TEXTS)
def test_every_token_slices_the_normalized_text_to_its_text(packaged: Tokenizer, original: str) -> None:
    text = normalize(original)
    _check_offsets(text, packaged.tokenize(text))


def test_tokens_of_the_canonical_example_slice_its_text(packaged: Tokenizer, example_text: str) -> None:
    text = normalize(example_text)
    _check_offsets(text, packaged.tokenize(text))


@pytest.mark.parametrize("original", TEXTS)
def test_every_token_maps_back_to_the_original_text(packaged: Tokenizer, original: str) -> None:
    nt = Normalizer().normalize(original)
    for tok in packaged.tokenize(nt.text):
        a, b = nt.to_original(tok.start, tok.end)
        assert normalize(original[a:b]) == tok.text


def test_split_word_offsets_are_relative_to_the_given_offset(small: Tokenizer) -> None:
    tokens = small.split_word("وللبحرين", offset=10)
    assert [(t.start, t.end) for t in tokens] == [(10, 11), (11, 12), (12, 18)]


@pytest.mark.parametrize("word", ["سكان", "سمع", "سلم", "سبل"])
def test_future_prefix_is_not_split_from_words_that_are_not_imperfect_verbs(packaged: Tokenizer, word: str) -> None:
    assert [t.norm for t in packaged.split_word(normalize(word))] == [normalize(word)]


@pytest.mark.parametrize("word", ["كرام", "كبرى", "ولاية", "بنت"])
def test_short_words_of_multiword_names_do_not_split_ordinary_words(packaged: Tokenizer, word: str) -> None:
    assert len(packaged.split_word(normalize(word))) == 1


def test_lam_before_a_lam_initial_noun_keeps_the_stem(lexicons: Lexicons) -> None:
    tokenizer = Tokenizer(frozenset({normalize("اللورد")}))
    assert [t.norm for t in tokenizer.split_word(normalize("للورد"))] == ["ل", normalize("اللورد")]


def test_spans_are_the_tokens_without_their_text(packaged: Tokenizer) -> None:
    text = normalize("وبحث وزير الخارجية مع نظيره البحريني، في 12 أيار، العلاقات وللبحرين والبحرين.")
    assert packaged.spans(text) == [(t.start, t.end, t.norm, t.kind) for t in packaged.tokenize(text)]


def test_a_repeated_word_is_split_alike_wherever_it_stands(small: Tokenizer) -> None:
    """Each form is split once and remembered: its second occurrence gets the same tokens at its own offsets."""
    text = "وللبحرين وفد وللبحرين"
    first, second = small.tokenize(text)[:3], small.tokenize(text)[-3:]
    assert parts(first) == parts(second) == split("و+ل+لبحرين=البحرين")
    assert [t.start - first[0].start for t in first] == [t.start - second[0].start for t in second]
    assert all(text[t.start : t.end] == t.text for t in first + second)
