"""Sentence splitting of normalized Arabic news text: where sentences end, and where they do not."""

from __future__ import annotations

from itertools import pairwise

import pytest

from hadath.lang.ar.normalize import Normalizer, normalize
from hadath.lang.ar.sentences import MAX_QUOTE_SPAN, SentenceSplitter
from hadath.lexicon.lexicons import Lexicons


@pytest.fixture(scope="module")
def splitter(lexicons: Lexicons) -> SentenceSplitter:
    """The splitter as the pipeline builds it: the packaged abbreviations."""
    return SentenceSplitter(lexicons.cue_forms("abbreviation"))


def sentences(splitter: SentenceSplitter, original: str) -> list[str]:
    """Split the normalized text and return the sentences as normalized strings."""
    text = normalize(original)
    return [text[a:b] for a, b in splitter.split(text)]


# ------------------------------------------------------------------------------------------------- splits


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        (
            "وصل وزير الخارجية إلى المنامة. وبدأ زيارة رسمية تستمر يومين.",
            ["وصل وزير الخارجيه الي المنامه.", "وبدا زياره رسميه تستمر يومين."],
        ),
        (
            "رحب المجلس بالاتفاق! ودعا إلى تنفيذه فورا",
            ["رحب المجلس بالاتفاق!", "ودعا الي تنفيذه فورا"],
        ),
        (
            "هل تنجح المفاوضات؟ يرى المراقبون أنها صعبة.",
            ["هل تنجح المفاوضات?", "يري المراقبون انها صعبه."],
        ),
        (
            "هل انتهت الحرب؟! لم تنته بعد.",
            ["هل انتهت الحرب?!", "لم تنته بعد."],
        ),
        (
            "انتهى الاجتماع... وغادر الوفد",
            ["انتهي الاجتماع...", "وغادر الوفد"],
        ),
    ],
)
def test_splits_after_full_stop_exclamation_and_arabic_question_mark(
    splitter: SentenceSplitter, original: str, expected: list[str]
) -> None:
    assert sentences(splitter, original) == expected


def test_splits_at_line_breaks_without_keeping_them(splitter: SentenceSplitter) -> None:
    original = "المنامة - بنا\nبحث وزير الخارجية مع نظيره الأردني العلاقات الثنائية\n\nوأكد الجانبان أهمية التنسيق"
    assert sentences(splitter, original) == [
        "المنامه - بنا",
        "بحث وزير الخارجيه مع نظيره الاردني العلاقات الثنائيه",
        "واكد الجانبان اهميه التنسيق",
    ]


def test_the_canonical_example_has_one_sentence_per_paragraph(splitter: SentenceSplitter, example_text: str) -> None:
    paragraphs = [p for p in example_text.splitlines() if p.strip()]
    found = sentences(splitter, example_text)
    assert len(found) == len(paragraphs)
    assert found[0].startswith("بحث عبد اللطيف بن راشد الزياني")
    assert found[-1].endswith("في المنطقه.")


# ---------------------------------------------------------------------------------------- does not split


@pytest.mark.parametrize(
    "original",
    [
        # abbreviations listed in the lexicons
        "التقى د. محمد العلي بوزير الصحة في المنامة.",
        "ولد عام 1950 م. في مدينة المحرق.",
        "توفي سنة 570 ق.م. في أثينا.",
        # single Arabic letters: initials
        "قال ع. المحمود إن المحادثات كانت مثمرة.",
        "ووقع الاتفاق عن الجانب البحريني م. خالد الرميحي.",
    ],
)
def test_no_split_after_abbreviations_and_single_arabic_letters(splitter: SentenceSplitter, original: str) -> None:
    assert len(sentences(splitter, original)) == 1


def test_extra_abbreviations_can_be_passed_in_normalized_form() -> None:
    text = normalize("وتشمل المجالات الصحة والتعليم والطاقة إلخ. وهي أولويات مشتركة.")
    assert len(SentenceSplitter().split(text)) == 2
    assert len(SentenceSplitter([normalize("إلخ.")]).split(text)) == 1


def test_an_ordinary_word_before_a_full_stop_still_ends_the_sentence(splitter: SentenceSplitter) -> None:
    # "وفد" ends with د like the abbreviation د. but is a word
    assert len(sentences(splitter, "استقبل الوزير الوفد. ثم عقد مؤتمرا صحفيا.")) == 2


@pytest.mark.parametrize(
    "original",
    [
        "قال الوزير إن الاقتصاد نما بنسبة 3.5 في المئة خلال العام الماضي.",
        "قال الوزير إن الاقتصاد نما بنسبة ٣٫٥ في المئة خلال العام الماضي.",
        "قال الوزير إن الاقتصاد نما بنسبة ٣.٥ في المئة خلال العام الماضي.",
        "بلغ حجم التبادل التجاري 1.250.000 دينار.",
    ],
)
def test_no_split_inside_numbers(splitter: SentenceSplitter, original: str) -> None:
    assert len(sentences(splitter, original)) == 1


@pytest.mark.parametrize(
    "original",
    [
        "ونشرت الوزارة البيان على موقعها www.mofa.gov.bh أمس.",
        "ونشرت الوكالة الخبر على الرابط https://www.bna.bh/news.aspx?cms=q8FmFJgiscL2fwIzON1%2bDg%3d%3d أمس.",
    ],
)
def test_no_split_inside_urls(splitter: SentenceSplitter, original: str) -> None:
    assert len(sentences(splitter, original)) == 1


def test_a_url_at_the_end_of_a_sentence_still_ends_it(splitter: SentenceSplitter) -> None:
    found = sentences(splitter, "التفاصيل على الموقع www.bna.bh. وفي خبر آخر، وصل الوفد.")
    assert found == ["التفاصيل علي الموقع www.bna.bh.", "وفي خبر اخر, وصل الوفد."]


@pytest.mark.parametrize(
    "original",
    [
        "وقال الوزير «نحن ندعم السلام. ونرفض العنف بكل أشكاله» خلال المؤتمر الصحفي.",
        "وقال الوزير “هل يقبل العالم بهذا؟ لا يمكن ذلك” في كلمته أمام المجلس.",
        "وهتف المشاركون «لا للحرب! نعم للسلام!» أمام مقر الأمم المتحدة.",
        'وقال المتحدث "الاجتماع انتهى. والنتائج إيجابية" في تصريح للصحفيين.',
    ],
)
def test_no_split_inside_quoted_speech(splitter: SentenceSplitter, original: str) -> None:
    assert len(sentences(splitter, original)) == 1


def test_a_sentence_after_a_quotation_is_split(splitter: SentenceSplitter) -> None:
    found = sentences(splitter, "وقال الوزير: «السلام خيارنا. ولا بديل عنه». وغادر بعدها إلى عمّان.")
    assert found == ['وقال الوزير: "السلام خيارنا. ولا بديل عنه".', "وغادر بعدها الي عمان."]


def test_an_unclosed_quote_does_not_swallow_the_next_line(splitter: SentenceSplitter) -> None:
    found = sentences(splitter, "وقال الوزير «إن السلام خيارنا. وهو ثابت\nوفي خبر آخر، وصل الوفد. وعقد اجتماعا.")
    assert found == ['وقال الوزير "ان السلام خيارنا.', "وهو ثابت", "وفي خبر اخر, وصل الوفد.", "وعقد اجتماعا."]


def test_an_unclosed_quote_does_not_swallow_the_rest_of_a_long_paragraph(splitter: SentenceSplitter) -> None:
    sentence = "وأكد الجانبان أهمية مواصلة التنسيق والتشاور إزاء القضايا الإقليمية والدولية. "
    original = "وقال الوزير «" + sentence * (MAX_QUOTE_SPAN // len(sentence) + 3)
    found = sentences(splitter, original)
    assert len(found) == original.count(".")  # the quote is never closed: it opens nothing


def test_a_stray_quote_does_not_turn_later_quotations_inside_out(splitter: SentenceSplitter) -> None:
    # an opening guillemet never closed, then news, then quoted speech: the speech stays one sentence and the
    # sentences between are split (a parity count of quotes would glue them and split the speech)
    original = (
        "ونقلت الوكالة عن مصدر « مطلع أن الوفد وصل. وعقد الوفد اجتماعا مع وزير الخارجية. "
        + "وبحث الجانبان العلاقات الثنائية وسبل تعزيزها في المجالات كافة. " * 12
        + "وقال الوزير «نرحب بالوفد. ونأمل بنتائج طيبة» في ختام اللقاء."
    )
    found = sentences(splitter, original)
    assert found[1] == "وعقد الوفد اجتماعا مع وزير الخارجيه."
    assert found[-1] == 'وقال الوزير "نرحب بالوفد. ونامل بنتائج طيبه" في ختام اللقاء.'
    assert max(len(s) for s in found) < 200


# ------------------------------------------------------------------------------------------------ offsets


@pytest.mark.parametrize(
    "text",
    [
        "   وصل الوفد.   وغادر الوزير.   ",
        "\n\nبحث الجانبان العلاقات.\n  \n  وأكدا أهمية التعاون!  \n",
        "\t وصل الوفد \t",
    ],
)
def test_sentences_are_trimmed_and_never_empty(splitter: SentenceSplitter, text: str) -> None:
    bounds = splitter.split(text)
    assert bounds
    for a, b in bounds:
        assert a < b
        assert not text[a].isspace()
        assert not text[b - 1].isspace()
    # in order, not overlapping, and no non-space text is lost between them
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(bounds))
    assert "".join(text[a:b] for a, b in bounds).replace(" ", "") == "".join(text.split())


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t"])
def test_blank_text_has_no_sentences(splitter: SentenceSplitter, text: str) -> None:
    assert splitter.split(text) == []


def test_sentence_offsets_map_back_to_trimmed_original_sentences(splitter: SentenceSplitter) -> None:
    original = "  أكَّدَ الوزيرُ البحرينى دعمَ المبادرةِ.\u200f  وبحث الجانبــان التعاون الثنائي؟\n"
    nt = Normalizer().normalize(original)
    found = []
    for a, b in splitter.split(nt.text):
        start, end = nt.to_original(a, b)
        found.append(original[start:end])
    assert found == ["أكَّدَ الوزيرُ البحرينى دعمَ المبادرةِ.", "وبحث الجانبــان التعاون الثنائي؟"]


def test_blank_line_and_short_headline_end_sentences_but_a_wrapped_line_does_not() -> None:
    text = (
        "عاجل: مباحثات أردنية مصرية\n"
        "بحث وزير الخارجية الأردني مع نظيره المصري في عمّان اليوم سبل تعزيز\n"
        "التعاون بين البلدين\n\n"
        "وفي سياق آخر غادر الوزير"
    )
    parts = [text[a:b] for a, b in SentenceSplitter().split(text)]
    assert parts[0] == "عاجل: مباحثات أردنية مصرية"
    assert parts[1].startswith("بحث") and parts[1].endswith("التعاون بين البلدين")
    assert parts[2] == "وفي سياق آخر غادر الوزير"
