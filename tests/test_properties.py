"""Properties over arbitrary input: extraction never raises, and every span indexes the exact input text."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hadath import Pipeline

# words that make the pipeline work hard: triggers, titles, names, countries, clitics, cues
NEWS_WORDS = [
    "بحث", "التقى", "استقبل", "أثنى", "أشاد", "مع", "كل", "من", ":", "،", ".", "«", "»", "“", "”", "وزير",
    "الخارجية", "البحرينى", "الأمريكي", "خارجية", "الولايات", "المتحدة", "مملكة", "البحرين", "والبحرين",
    "للبحرين", "بالمملكة", "المتحدة", "اللورد", "الدكتور", "نظيره", "الأردني", "الجانبان", "من جانبه",
    "لم", "سيبحث", "قد", "كان", "في ضوء نتائج", "زيارة", "إلى", "روسيا", "الاتحادية", "على هامش", "مؤتمر",
    "وكالة أنباء البحرين", "ذكرت", "بلينكن", "الزياني", "سيرجي", "فيرشينين", "اتصالا هاتفيا", "٢٠٢٤",
    "مُؤَكِّدًا", "الــبحرين", "\u200c", "\u00a0", "\n", "ـ", "أن", "في",
    # violent and contentious events, their cues and arguments
    "تعرضت", "لهجوم", "هجوم", "الهجوم", "قتل", "مقتل", "5", "أشخاص", "أدانت", "استنكرت", "مظاهرات", "تظاهر",
    "المتظاهرين", "آلاف", "الشرطة", "المصرية", "مسلحون", "مجهولون", "بين", "و", "عن", "على", "اتفاق", "وقع",
    "اتفاقية", "فرضت", "عقوبات", "قطعت", "علاقاتها", "استدعت", "سفير", "الذي", "بعد", "شن", "غارات", "إسرائيلية",
    "عبوة ناسفة", "انفجرت", "رصاص", "نظيرتها", "القوات", "داعيا", "قد", "الجنود", "(بترا)", "/واس/", " - ",
    "عبد الملك", "وزارة", "الخارجية", "حمّلت", "المسؤولية", "أفرجت", "تبادل الأسرى", "بين", "الجانبين",
    # coreference and names no lexicon knows
    "البلدين", "الطرفان", "من جهته", "بدورها", "كما", "فيما", "وأكد", "شدد", "جواد", "البولاني", "الداخلية",
    "العراقي", "خالد", "محمد", "الناصر",
]  # fmt: skip

arabicish = st.lists(
    st.one_of(
        st.sampled_from(NEWS_WORDS),
        st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=6),
    ),
    max_size=60,
).map(" ".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=arabicish)
def test_spans_index_the_input_for_arabic_like_text(pipeline: Pipeline, check_spans: Any, text: str) -> None:
    if not text.strip():
        return
    record = pipeline.extract(text, date="2024-06-11").to_dict(include_status=True)
    check_spans(record, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=300))
def test_extraction_never_raises_on_arbitrary_unicode(
    pipeline_nonfactual: Pipeline, check_spans: Any, text: str
) -> None:
    if not text.strip():
        return
    record = pipeline_nonfactual.extract(text).to_dict(include_status=True)
    check_spans(record, text)
