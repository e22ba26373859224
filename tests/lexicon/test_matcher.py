"""The gazetteer: lexicon forms found in normalized text behind proclitics, as whole words, longest first."""

from __future__ import annotations

import pytest

from hadath.lang.ar.normalize import Normalizer, normalize
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import ENTITY_KINDS, EVENT_KINDS, Gazetteer, Match, select


@pytest.fixture(scope="module")
def gazetteer(lexicons: Lexicons) -> Gazetteer:
    return Gazetteer(lexicons)


def entities(gazetteer: Gazetteer, original: str) -> list[tuple[str, str, str]]:
    """(matched normalized text, kind, prefix) of the entity matches the pipeline keeps."""
    text = normalize(original)
    return [(text[m.start : m.end], m.kind, m.prefix) for m in select(gazetteer.find(text), ENTITY_KINDS)]


def only(gazetteer: Gazetteer, original: str, kinds: tuple[str, ...] = ENTITY_KINDS) -> Match:
    matches = select(gazetteer.find(normalize(original)), kinds)
    assert len(matches) == 1, matches
    return matches[0]


def code(m: Match) -> str | None:
    """ISO3 of a country form, or the organization code of an organization form."""
    if m.kind in ("country", "demonym", "capital"):
        iso3: str = m.entry.iso3
        return iso3
    if m.kind == "org":
        org_code: str | None = m.entry.org.code
        return org_code
    return None


# ---------------------------------------------------------------------------------------- proclitics


@pytest.mark.parametrize(
    ("original", "matched", "prefix", "kind", "iso3"),
    [
        ("البحرين", "البحرين", "", "country", "BHR"),
        ("والبحرين", "البحرين", "و", "country", "BHR"),
        ("فالبحرين", "البحرين", "ف", "country", "BHR"),
        ("بالبحرين", "البحرين", "ب", "country", "BHR"),
        ("كالبحرين", "البحرين", "ك", "country", "BHR"),
        ("وبالبحرين", "البحرين", "وب", "country", "BHR"),
        # ل + ال with the alef dropped: the match starts after the proclitic ل
        ("للبحرين", "لبحرين", "ل", "country", "BHR"),
        ("وللبحرين", "لبحرين", "ول", "country", "BHR"),
        ("فللبحرين", "لبحرين", "فل", "country", "BHR"),
        ("وبالمملكة المتحدة", "المملكه المتحده", "وب", "country", "GBR"),
        ("وللمملكة المتحدة", "لمملكه المتحده", "ول", "country", "GBR"),
        ("والمملكة الأردنية الهاشمية", "المملكه الاردنيه الهاشميه", "و", "country", "JOR"),
        ("ولروسيا", "روسيا", "ول", "country", "RUS"),
        ("بلبنان", "لبنان", "ب", "country", "LBN"),
        ("للبنان", "لبنان", "ل", "country", "LBN"),
        ("بتونس", "تونس", "ب", "country", "TUN"),
        ("لواشنطن", "واشنطن", "ل", "capital", "USA"),
        ("وبموسكو", "موسكو", "وب", "capital", "RUS"),
        ("وطهران", "طهران", "و", "capital", "IRN"),
        ("والبحرينيين", "البحرينيين", "و", "demonym", "BHR"),
    ],
)
def test_country_forms_are_found_behind_proclitics(
    gazetteer: Gazetteer, original: str, matched: str, prefix: str, kind: str, iso3: str
) -> None:
    m = only(gazetteer, original)
    text = normalize(original)
    assert (text[m.start : m.end], m.prefix, m.kind, code(m)) == (matched, prefix, kind, iso3)
    # the prefix is exactly the letters of the word before the match
    assert text[m.start - len(m.prefix) : m.start] == m.prefix
    assert m.end == len(text)


def test_a_match_behind_a_proclitic_maps_to_the_name_in_the_original(gazetteer: Gazetteer) -> None:
    original = "وأشاد الوزير بالدعم الذي تقدمه للــبحرينِ وبالمملكةِ المتحدةِ"
    nt = Normalizer().normalize(original)
    found = [
        original[slice(*nt.to_original(m.start, m.end))]
        for m in select(gazetteer.find(nt.text), ENTITY_KINDS)
        if m.kind == "country"
    ]
    assert found == ["لــبحرينِ", "المملكةِ المتحدةِ"]


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("وبلينكن", ("بلينكن", "person", "و")),
        ("والزياني", ("الزياني", "person", "و")),
        ("واللورد", ("اللورد", "title", "و")),
        ("والأمم المتحدة", ("الامم المتحده", "org", "و")),
        ("للأمم المتحدة", ("لامم المتحده", "org", "ل")),
    ],
)
def test_persons_titles_and_organizations_are_found_behind_proclitics(
    gazetteer: Gazetteer, original: str, expected: tuple[str, str, str]
) -> None:
    assert entities(gazetteer, original) == [expected]


# ------------------------------------------------------------------------------------------ whole words


@pytest.mark.parametrize(
    "original",
    [
        "كلية الهندسة",  # الهند
        "قطرات المطر",  # قطر
        "الحركة السوريالية",  # سوريا
        "زاد التركيز على الملف",  # التركي
        "يمنح الجائزة",
        "بحرينيات",
    ],
)
def test_no_country_inside_another_word(gazetteer: Gazetteer, original: str) -> None:
    assert [m for m in gazetteer.find(normalize(original)) if m.kind in ("country", "demonym", "capital")] == []


def test_a_country_inside_a_longer_word_is_not_found_but_the_real_one_is(gazetteer: Gazetteer) -> None:
    # مصرف (bank) contains مصر; البحرين is the country
    found = entities(gazetteer, "أعلن مصرف البحرين المركزي")
    assert found == [("البحرين", "country", "")]


def test_a_demonym_is_not_read_as_its_country(gazetteer: Gazetteer) -> None:
    m = only(gazetteer, "وزير الخارجية البحرينية", ("country", "demonym"))
    assert (m.kind, code(m)) == ("demonym", "BHR")
    assert normalize("وزير الخارجية البحرينية")[m.start : m.end] == "البحرينيه"


@pytest.mark.parametrize("original", ["سالبحرين", "سروسيا", "سلقاء", "مالبحرين", "تالبحرين"])
def test_a_non_proclitic_before_a_noun_blocks_the_match(gazetteer: Gazetteer, original: str) -> None:
    assert gazetteer.find(normalize(original)) == []


def test_a_match_must_end_at_the_end_of_a_word(gazetteer: Gazetteer) -> None:
    assert [m.kind for m in gazetteer.find(normalize("البحرينيات"))] == []
    assert [m.kind for m in gazetteer.find(normalize("(البحرين)"))] == ["country"]
    assert [m.kind for m in gazetteer.find(normalize("البحرين،"))] == ["country"]


# ------------------------------------------------------------------------------------------ longest match


@pytest.mark.parametrize(
    ("original", "kind", "expected_code"),
    [
        ("روسيا الاتحادية", "country", "RUS"),
        ("الولايات المتحدة الأمريكية", "country", "USA"),
        ("المملكة الأردنية الهاشمية", "country", "JOR"),
        ("مملكة البحرين", "country", "BHR"),
        ("وكالة أنباء البحرين", "org", None),
        ("مجلس الأمن الدولي", "org", "UNO"),
        ("نائب وزير الخارجية", "title", None),
    ],
)
def test_the_longest_form_wins(gazetteer: Gazetteer, original: str, kind: str, expected_code: str | None) -> None:
    text = normalize(original)
    everything = gazetteer.find(text)
    assert len(everything) > 1  # the shorter forms inside are found too ...
    m = only(gazetteer, original)  # ... but only the longest is kept
    assert (m.start, m.end, m.kind) == (0, len(text), kind)
    if expected_code is not None:
        assert code(m) == expected_code


def test_the_longest_form_wins_in_a_sentence(gazetteer: Gazetteer) -> None:
    found = entities(gazetteer, "وذكرت وكالة أنباء البحرين أن نائب وزير خارجية روسيا الاتحادية زار المنامة")
    assert found == [
        ("وكاله انباء البحرين", "org", ""),
        ("نائب وزير خارجيه", "title", ""),
        ("روسيا الاتحاديه", "country", ""),
        ("المنامه", "capital", ""),
    ]


def test_the_news_agency_is_identified(gazetteer: Gazetteer) -> None:
    m = only(gazetteer, "وكالة أنباء البحرين")
    assert (m.entry.org.kind, m.entry.org.country) == ("agency", "BHR")


def test_ties_on_the_same_span_go_to_the_higher_priority_kind(gazetteer: Gazetteer) -> None:
    # جيبوتي is both the country and its demonym
    text = normalize("جيبوتي")
    assert {m.kind for m in gazetteer.find(text)} >= {"country", "demonym"}
    assert only(gazetteer, "جيبوتي").kind == "country"


def test_select_keeps_only_the_requested_kinds(gazetteer: Gazetteer) -> None:
    text = normalize("وسيبحث وزير الخارجية البحريني")
    kinds = [m.kind for m in select(gazetteer.find(text), ("trigger",))]
    assert kinds == ["trigger"]
    assert [m.kind for m in select(gazetteer.find(text), ENTITY_KINDS)] == ["title", "demonym"]


def test_find_reports_matches_in_text_order(gazetteer: Gazetteer, example_text: str) -> None:
    matches = gazetteer.find(normalize(example_text))
    starts = [m.start for m in matches]
    assert starts == sorted(starts)


# ---------------------------------------------------------------------------------------------- triggers


@pytest.mark.parametrize(
    ("original", "form", "prefix"),
    [
        ("يبحث", "يبحث", ""),
        ("سيبحث", "يبحث", "س"),
        ("وسيبحث", "يبحث", "وس"),
        ("فسيلتقي", "يلتقي", "فس"),
        ("ستبحث", "تبحث", "س"),
        ("ويبحث", "يبحث", "و"),
        ("ليبحث", "يبحث", "ل"),
    ],
)
def test_verb_triggers_accept_the_future_prefix(gazetteer: Gazetteer, original: str, form: str, prefix: str) -> None:
    m = only(gazetteer, original, ("trigger",))
    assert (m.entry.form, m.entry.pos, m.prefix) == (form, "verb", prefix)


def test_the_future_prefix_is_reported_so_the_event_can_be_planned(gazetteer: Gazetteer) -> None:
    now = only(gazetteer, "يبحث", ("trigger",))
    later = only(gazetteer, "سيبحث", ("trigger",))
    assert "س" not in now.prefix
    assert "س" in later.prefix


@pytest.mark.parametrize("original", ["بيبحث", "كيبحث", "بيلتقي"])
def test_verb_triggers_do_not_take_noun_proclitics(gazetteer: Gazetteer, original: str) -> None:
    assert select(gazetteer.find(normalize(original)), ("trigger",)) == []


@pytest.mark.parametrize(("original", "prefix"), [("لقاء", ""), ("ولقاء", "و"), ("بلقاء", "ب"), ("للقاء", "ل")])
def test_noun_triggers_take_noun_proclitics(gazetteer: Gazetteer, original: str, prefix: str) -> None:
    m = only(gazetteer, original, ("trigger",))
    assert (m.entry.pos, m.prefix) == ("noun", prefix)


def test_noun_triggers_do_not_take_the_future_prefix(gazetteer: Gazetteer) -> None:
    assert select(gazetteer.find(normalize("سلقاء")), EVENT_KINDS) == []


# ------------------------------------------------------------------------------------------ the example


def test_the_canonical_example_finds_every_state_of_the_contract(gazetteer: Gazetteer, example_text: str) -> None:
    matches = select(gazetteer.find(normalize(example_text)), ENTITY_KINDS)
    states = {code(m) for m in matches if m.kind in ("country", "demonym")}
    assert {"BHR", "JOR", "USA", "RUS", "GBR", "EGY"} <= states
    persons = {m.entry.id for m in matches if m.kind == "person"}
    assert {
        "person:abdullatif-al-zayani",
        "person:antony-blinken",
        "person:sergey-vershinin",
        "person:tariq-ahmad",
    } <= persons


def test_example_matches_map_back_to_original_text_that_normalizes_to_them(
    gazetteer: Gazetteer, example_text: str
) -> None:
    nt = Normalizer().normalize(example_text)
    matches = gazetteer.find(nt.text)
    assert matches
    for m in matches:
        a, b = nt.to_original(m.start, m.end)
        assert normalize(example_text[a:b]) == nt.text[m.start : m.end]


@pytest.mark.parametrize(("text", "kind"), [("للورد", "title"), ("للاجئين", "topic")])
def test_lam_initial_forms_are_found_after_the_preposition_lam(gazetteer: Gazetteer, text: str, kind: str) -> None:
    found = [m for m in gazetteer.find(normalize(text)) if m.kind == kind]
    assert found, f"{kind} not found in {text}"
    assert found[0].prefix == "ل"


def test_future_prefix_only_before_imperfect_verbs(gazetteer: Gazetteer) -> None:
    assert any(m.kind == "trigger" and "س" in m.prefix for m in gazetteer.find(normalize("سيبحث")))
    assert not any(m.kind == "trigger" for m in gazetteer.find(normalize("سبحث")))
