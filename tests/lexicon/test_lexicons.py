"""The packaged lexicons: what the contract needs is there, and a malformed resource file fails loudly."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from hadath.errors import ResourceError
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons, default_resource_dir, load_lexicons

# ------------------------------------------------------------------------------------------- contents

_UN_MEMBER_CODES = """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR
    BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU
    EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND
    IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS
    MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK
    PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP
    SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
    GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())


def _forms(lexicons: Lexicons, kind: str) -> dict[str, set[str]]:
    """Normalized country form -> the ISO3 codes it names, for one kind (name, demonym, capital)."""
    out: dict[str, set[str]] = {}
    for f in lexicons.country_forms:
        if f.kind == kind:
            out.setdefault(normalize(f.form), set()).add(f.iso3)
    return out


def test_every_un_member_state_is_a_member(lexicons: Lexicons) -> None:
    assert len(UN_MEMBERS) == 193
    members = {code for code, c in lexicons.countries.items() if c.status == "member"}
    assert members == UN_MEMBERS


@pytest.mark.parametrize(
    ("iso3", "status"),
    [("PSE", "observer"), ("VAT", "observer"), ("XKX", "territory"), ("TWN", "territory"), ("ESH", "territory")],
)
def test_observers_and_territories_are_present(lexicons: Lexicons, iso3: str, status: str) -> None:
    assert lexicons.countries[iso3].status == status


def test_every_country_has_an_arabic_name(lexicons: Lexicons) -> None:
    named = {f.iso3 for f in lexicons.country_forms if f.kind == "name"}
    assert set(lexicons.countries) <= named


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("البحرين", "BHR"),
        ("مملكة البحرين", "BHR"),
        ("الأردن", "JOR"),
        ("المملكة الأردنية الهاشمية", "JOR"),
        ("روسيا", "RUS"),
        ("روسيا الاتحادية", "RUS"),
        ("الولايات المتحدة", "USA"),
        ("الولايات المتحدة الأمريكية", "USA"),
        ("المملكة المتحدة", "GBR"),
        ("بريطانيا", "GBR"),
        ("فلسطين", "PSE"),
    ],
)
def test_country_names_of_the_contract(lexicons: Lexicons, form: str, iso3: str) -> None:
    assert _forms(lexicons, "name")[normalize(form)] == {iso3}


@pytest.mark.parametrize(
    ("form", "iso3"),
    [
        ("البحريني", "BHR"),
        ("البحرينية", "BHR"),
        ("البحرينيين", "BHR"),
        ("البحرينيون", "BHR"),
        ("الأردني", "JOR"),
        ("الروسي", "RUS"),
        ("الأمريكي", "USA"),
        ("الأميركية", "USA"),
        ("البريطاني", "GBR"),
    ],
)
def test_demonyms_name_their_country(lexicons: Lexicons, form: str, iso3: str) -> None:
    assert _forms(lexicons, "demonym")[normalize(form)] == {iso3}


def test_the_typo_spelling_of_a_demonym_finds_the_same_country(lexicons: Lexicons) -> None:
    # البحرينى (alef maqsura) is how the canonical example writes it
    assert _forms(lexicons, "demonym")[normalize("البحرينى")] == {"BHR"}


@pytest.mark.parametrize(("form", "iso3"), [("واشنطن", "USA"), ("موسكو", "RUS"), ("طهران", "IRN"), ("المنامة", "BHR")])
def test_capitals_name_their_government(lexicons: Lexicons, form: str, iso3: str) -> None:
    assert _forms(lexicons, "capital")[normalize(form)] == {iso3}


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("الأمم المتحدة", "UNO"),
        ("جامعة الدول العربية", "ARL"),
        ("مجلس التعاون لدول الخليج العربية", "GCC"),
        ("الاتحاد الأوروبي", "EUR"),
        ("حلف شمال الأطلسي", "NATO"),
        ("الاتحاد الأفريقي", "AFU"),
        ("منظمة التعاون الإسلامي", "OIC"),
    ],
)
def test_international_organizations_carry_their_codes(lexicons: Lexicons, form: str, code: str) -> None:
    orgs = [f.org for f in lexicons.org_forms if normalize(f.form) == normalize(form)]
    assert len(orgs) == 1
    assert orgs[0].code == code
    assert orgs[0].kind == "igo"
    assert orgs[0].sector == "IGO"
    assert orgs[0].country is None


def test_the_bahrain_news_agency_is_a_bahraini_agency(lexicons: Lexicons) -> None:
    (org,) = [f.org for f in lexicons.org_forms if normalize(f.form) == normalize("وكالة أنباء البحرين")]
    assert (org.kind, org.country) == ("agency", "BHR")


@pytest.mark.parametrize(
    ("form", "role"),
    [
        ("وزير الخارجية", "foreign minister"),
        ("نائب وزير الخارجية", "deputy foreign minister"),
        ("وزير الدولة", "minister of state"),
        ("رئيس الوزراء", "prime minister"),
        ("ولي العهد", "crown prince"),
        ("الملك", "king"),
        ("السفير", "ambassador"),
        ("المتحدث باسم", "spokesperson"),
    ],
)
def test_role_titles_of_the_contract(lexicons: Lexicons, form: str, role: str) -> None:
    (title,) = [t for t in lexicons.titles if normalize(t.form) == normalize(form)]
    assert (title.kind, title.role, title.sector) == ("role", role, "GOV")


@pytest.mark.parametrize("form", ["اللورد", "الدكتور", "الشيخ"])
def test_honorifics_carry_no_role(lexicons: Lexicons, form: str) -> None:
    (title,) = [t for t in lexicons.titles if normalize(t.form) == normalize(form)]
    assert (title.kind, title.role, title.sector) == ("honorific", None, None)


def test_role_families_group_specific_roles(lexicons: Lexicons) -> None:
    assert lexicons.family("secretary of state") == "foreign minister"
    assert lexicons.family("a role nobody listed") == "a role nobody listed"


def test_holders_of_a_title_include_the_person_of_the_example(lexicons: Lexicons) -> None:
    us = {p.id for p in lexicons.holders("USA", "foreign minister")}
    bh = {p.id for p in lexicons.holders("BHR", "foreign minister")}
    assert "person:antony-blinken" in us
    assert "person:abdullatif-al-zayani" in bh
    assert lexicons.holders("ZZZ", "foreign minister") == ()


def test_vocabulary_is_normalized_words_of_the_forms(lexicons: Lexicons) -> None:
    vocab = lexicons.vocabulary()
    assert {"البحرين", "المملكه", "الاردنيه", "الهاشميه", "يبحث", "وزير"} <= vocab
    assert all(w == normalize(w) and " " not in w and len(w) > 1 for w in vocab)


def test_cue_forms_are_normalized(lexicons: Lexicons) -> None:
    assert normalize("د.") in lexicons.cue_forms("abbreviation")
    assert lexicons.cue_forms("no such kind") == frozenset()


# ------------------------------------------------------------------------------------------- validation


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    """A private, writable copy of the packaged resources."""
    folder = tmp_path / "resources"
    shutil.copytree(default_resource_dir(), folder)
    return folder


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _append(path: Path, line: str) -> int:
    """Append one line; return its (1-based) line number."""
    lines = _lines(path)
    lines.append(line)
    _write(path, lines)
    return len(lines)


def _header_index(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("#"))


def _rows(path: Path) -> list[list[str]]:
    lines = _lines(path)
    start = _header_index(lines) + 1
    return [line.split("\t") for line in lines[start:] if line.strip() and not line.startswith("#")]


def _first_row(path: Path) -> list[str]:
    return _rows(path)[0]


def bad_header(name: str) -> Callable[[Path], int]:
    """The header's columns in the wrong order."""

    def corrupt(folder: Path) -> int:
        path = folder / name
        lines = _lines(path)
        i = _header_index(lines)
        lines[i] = "\t".join(reversed(lines[i].split("\t")))
        _write(path, lines)
        return i + 1

    return corrupt


def missing_cell(name: str) -> Callable[[Path], int]:
    """A copy of the first data row with its last cell dropped."""

    def corrupt(folder: Path) -> int:
        return _append(folder / name, "\t".join(_first_row(folder / name)[:-1]))

    return corrupt


def extra_cell(name: str) -> Callable[[Path], int]:
    def corrupt(folder: Path) -> int:
        return _append(folder / name, "\t".join([*_first_row(folder / name), "extra"]))

    return corrupt


def duplicate_row(name: str) -> Callable[[Path], int]:
    """The first data row, written again at the end."""

    def corrupt(folder: Path) -> int:
        return _append(folder / name, "\t".join(_first_row(folder / name)))

    return corrupt


def row(name: str, line: str) -> Callable[[Path], int]:
    def corrupt(folder: Path) -> int:
        return _append(folder / name, line)

    return corrupt


#: A knowledge-base file of the test's own, read after the shipped ones (the loader reads every actors/*.jsonl).
PERSONS = "actors/zz-test.jsonl"


def shared_form_declared_by_one_side(folder: Path) -> int:
    first = json.loads(_lines(sorted((folder / "actors").glob("*.jsonl"))[0])[0])
    obj = _person(forms=[first["forms"][0]], shared_forms=[first["forms"][0]])
    return _append(folder / PERSONS, json.dumps(obj, ensure_ascii=False))


def person(obj: object) -> Callable[[Path], int]:
    def corrupt(folder: Path) -> int:
        return _append(folder / PERSONS, json.dumps(obj, ensure_ascii=False))

    return corrupt


def raw_person_line(line: str) -> Callable[[Path], int]:
    return row(PERSONS, line)


def person_with_a_taken_form(folder: Path) -> int:
    path = folder / PERSONS
    first = json.loads(_lines(sorted((folder / "actors").glob("*.jsonl"))[0])[0])
    obj = {"id": "person:someone-else", "name": "Someone Else", "forms": [first["forms"][0]], "terms": []}
    return _append(path, json.dumps(obj, ensure_ascii=False))


def duplicate_person_id(folder: Path) -> int:
    first = json.loads(_lines(sorted((folder / "actors").glob("*.jsonl"))[0])[0])
    return _append(folder / PERSONS, json.dumps(_person(id=first["id"]), ensure_ascii=False))


def org_disagreeing_with_its_first_row(folder: Path) -> int:
    path = folder / "organizations.tsv"
    cells = _first_row(path)
    cells[5] = cells[5] + " (renamed)"
    cells[6] = "صيغة جديدة لم ترد من قبل"
    return _append(path, "\t".join(cells))


def _term(**changes: object) -> dict[str, object]:
    term: dict[str, object] = {
        "country": "BHR",
        "sector": "GOV",
        "role": "ambassador",
        "from": "2020-01-01",
        "to": None,
    }
    term.update(changes)
    return term


def _person(**changes: object) -> dict[str, object]:
    obj: dict[str, object] = {
        "id": "person:test-ambassador",
        "name": "Test Ambassador",
        "forms": ["سفير تجريبي للاختبار"],
        "terms": [_term()],
    }
    obj.update(changes)
    return obj


CORRUPTIONS = [
    # countries.tsv
    pytest.param("countries.tsv", bad_header("countries.tsv"), "header", id="countries-bad-header"),
    pytest.param("countries.tsv", missing_cell("countries.tsv"), "cells", id="countries-missing-cell"),
    pytest.param("countries.tsv", extra_cell("countries.tsv"), "cells", id="countries-extra-cell"),
    pytest.param("countries.tsv", row("countries.tsv", "ZZZ\tZZ\tstate\tNowhere"), "status", id="countries-bad-status"),
    pytest.param("countries.tsv", row("countries.tsv", "ZZ\tZZ\tmember\tNowhere"), "iso3", id="countries-bad-code"),
    pytest.param("countries.tsv", row("countries.tsv", "bhr\tBH\tmember\tBahrain"), "iso3", id="countries-lower-code"),
    pytest.param("countries.tsv", duplicate_row("countries.tsv"), "twice", id="countries-duplicate"),
    pytest.param("countries.tsv", row("countries.tsv", "ZZZ\tZZ\tmember\t"), "name_en", id="countries-empty-name"),
    # country_forms.tsv
    pytest.param("country_forms.tsv", bad_header("country_forms.tsv"), "header", id="forms-bad-header"),
    pytest.param("country_forms.tsv", missing_cell("country_forms.tsv"), "cells", id="forms-missing-cell"),
    pytest.param(
        "country_forms.tsv",
        row("country_forms.tsv", "ZZZ\tname\tبلاد العجائب\tcurated"),
        "ZZZ",
        id="forms-unknown-country",
    ),
    pytest.param(
        "country_forms.tsv", row("country_forms.tsv", "BHR\tnickname\tأرض الخلود\tcurated"), "kind", id="forms-bad-kind"
    ),
    pytest.param(
        "country_forms.tsv",
        row("country_forms.tsv", "BHR\tname\tأرض الخلود\twikipedia"),
        "origin",
        id="forms-bad-origin",
    ),
    pytest.param("country_forms.tsv", row("country_forms.tsv", "BHR\tname\t\tcurated"), "form", id="forms-empty-form"),
    pytest.param("country_forms.tsv", duplicate_row("country_forms.tsv"), "duplicate", id="forms-duplicate"),
    pytest.param(
        "country_forms.tsv",
        row("country_forms.tsv", "BHR\tname\tالــبحرين\tcurated"),
        "duplicate",
        id="forms-duplicate-after-normalization",
    ),
    # organizations.tsv
    pytest.param("organizations.tsv", bad_header("organizations.tsv"), "header", id="orgs-bad-header"),
    pytest.param("organizations.tsv", missing_cell("organizations.tsv"), "cells", id="orgs-missing-cell"),
    pytest.param(
        "organizations.tsv",
        row("organizations.tsv", "org:test\tbody\t\tZZZ\tGOV\tTest Ministry\tوزارة الاختبار"),
        "ZZZ",
        id="orgs-unknown-country",
    ),
    pytest.param(
        "organizations.tsv",
        row("organizations.tsv", "org:test\tcompany\t\tBHR\tBUS\tTest Company\tشركة الاختبار"),
        "kind",
        id="orgs-bad-kind",
    ),
    pytest.param(
        "organizations.tsv",
        row("organizations.tsv", "org:test\tbody\t\tBHR\tMINISTRY\tTest Ministry\tوزارة الاختبار"),
        "sector",
        id="orgs-bad-sector",
    ),
    pytest.param(
        "organizations.tsv",
        row("organizations.tsv", "org:test\tigo\ttest\t\tIGO\tTest Organization\tمنظمة الاختبار"),
        "code",
        id="orgs-bad-code",
    ),
    pytest.param("organizations.tsv", duplicate_row("organizations.tsv"), "duplicate", id="orgs-duplicate"),
    pytest.param("organizations.tsv", org_disagreeing_with_its_first_row, "disagrees", id="orgs-disagreeing-rows"),
    # titles.tsv
    pytest.param("titles.tsv", bad_header("titles.tsv"), "header", id="titles-bad-header"),
    pytest.param("titles.tsv", missing_cell("titles.tsv"), "cells", id="titles-missing-cell"),
    pytest.param(
        "titles.tsv", row("titles.tsv", "أمير الاختبار\trole\temir\tGOV\tZZZ"), "ZZZ", id="titles-unknown-country"
    ),
    pytest.param("titles.tsv", row("titles.tsv", "أمير الاختبار\trank\temir\tGOV\t"), "kind", id="titles-bad-kind"),
    pytest.param(
        "titles.tsv", row("titles.tsv", "أمير الاختبار\trole\temir\t\t"), "sector", id="titles-role-without-sector"
    ),
    pytest.param(
        "titles.tsv", row("titles.tsv", "أمير الاختبار\trole\t\tGOV\t"), "role", id="titles-role-without-role"
    ),
    pytest.param("titles.tsv", duplicate_row("titles.tsv"), "duplicate", id="titles-duplicate"),
    # actors/*.jsonl
    pytest.param(PERSONS, raw_person_line('{"id": "person:broken", "name": '), "JSON", id="persons-invalid-json"),
    pytest.param(PERSONS, raw_person_line('["person:broken"]'), "object", id="persons-not-an-object"),
    pytest.param(PERSONS, person(_person(id="test-ambassador")), "id", id="persons-bad-id"),
    pytest.param(PERSONS, person(_person(name="")), "name", id="persons-empty-name"),
    pytest.param(PERSONS, person(_person(forms=[])), "forms", id="persons-no-forms"),
    pytest.param(PERSONS, person(_person(terms=None)), "terms", id="persons-terms-not-a-list"),
    pytest.param(PERSONS, person(_person(terms=[_term(country="ZZZ")])), "ZZZ", id="persons-unknown-country"),
    pytest.param(PERSONS, person(_person(terms=[_term(sector="DIPLOMAT")])), "sector", id="persons-bad-sector"),
    pytest.param(PERSONS, person(_person(terms=[_term(role="")])), "role", id="persons-empty-role"),
    pytest.param(
        PERSONS,
        person(_person(terms=[_term(**{"from": "2024-06-11", "to": "2023-01-01"})])),
        "before it starts",
        id="persons-term-ends-before-it-starts",
    ),
    pytest.param(PERSONS, person(_person(terms=[_term(**{"from": "11/06/2024"})])), "ISO", id="persons-bad-date"),
    pytest.param(PERSONS, person(_person(terms=[_term(to="2024-13-01")])), "ISO", id="persons-impossible-date"),
    pytest.param(PERSONS, person(_person(terms=[_term(to=20240611)])), "date", id="persons-date-not-a-string"),
    pytest.param(PERSONS, person_with_a_taken_form, "also a form", id="persons-form-of-another-person"),
    pytest.param(PERSONS, shared_form_declared_by_one_side, "shared_forms", id="persons-shared-on-one-side-only"),
    pytest.param(
        PERSONS, person(_person(shared_forms=["ليس من صيغه"])), "not one of", id="persons-shared-form-not-a-form"
    ),
    pytest.param(PERSONS, person(_person(terms=[_term(country=None)])), "neither", id="persons-term-without-owner"),
    pytest.param(PERSONS, person(_person(terms=[_term(org="gcc")])), "organization code", id="persons-bad-org"),
    pytest.param(PERSONS, duplicate_person_id, "already defined", id="persons-duplicate-id"),
    pytest.param(PERSONS, person(_person(terms=[_term(source="Wikipedia")])), "source", id="persons-source-not-a-url"),
    # triggers.tsv
    pytest.param("triggers.tsv", bad_header("triggers.tsv"), "header", id="triggers-bad-header"),
    pytest.param("triggers.tsv", missing_cell("triggers.tsv"), "cells", id="triggers-missing-cell"),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tMEET\t\t040\tdiplomatic\tverb\twith"),
        "type",
        id="triggers-bad-type",
    ),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tCONSULT\tchat\t040\tdiplomatic\tverb\twith"),
        "mode",
        id="triggers-bad-mode",
    ),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tCONSULT\t\t4a\tdiplomatic\tverb\twith"),
        "cameo",
        id="triggers-bad-cameo",
    ),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tCONSULT\t\t040\tdiplomatic,diplomacy\tverb\twith"),
        "contexts",
        id="triggers-bad-context",
    ),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tCONSULT\t\t040\tdiplomatic\tadjective\twith"),
        "pos",
        id="triggers-bad-pos",
    ),
    pytest.param(
        "triggers.tsv",
        row("triggers.tsv", "تشاور\tCONSULT\t\t040\tdiplomatic\tverb\tsubject"),
        "args",
        id="triggers-bad-args",
    ),
    pytest.param("triggers.tsv", duplicate_row("triggers.tsv"), "duplicate", id="triggers-duplicate"),
    # cues.tsv
    pytest.param("cues.tsv", bad_header("cues.tsv"), "header", id="cues-bad-header"),
    pytest.param("cues.tsv", extra_cell("cues.tsv"), "cells", id="cues-extra-cell"),
    pytest.param("cues.tsv", row("cues.tsv", "ربما\temphasis"), "kind", id="cues-bad-kind"),
    pytest.param("cues.tsv", duplicate_row("cues.tsv"), "duplicate", id="cues-duplicate"),
    # topics.tsv
    pytest.param("topics.tsv", bad_header("topics.tsv"), "header", id="topics-bad-header"),
    pytest.param("topics.tsv", missing_cell("topics.tsv"), "cells", id="topics-missing-cell"),
    pytest.param("topics.tsv", row("topics.tsv", "Gaza War\tmilitary\tالعدوان على غزة"), "slug", id="topics-bad-slug"),
    pytest.param(
        "topics.tsv", row("topics.tsv", "gaza-war\twarfare\tالعدوان على غزة"), "context", id="topics-bad-context"
    ),
    pytest.param("topics.tsv", duplicate_row("topics.tsv"), "duplicate", id="topics-duplicate"),
    # roles.tsv
    pytest.param("roles.tsv", bad_header("roles.tsv"), "header", id="roles-bad-header"),
    pytest.param("roles.tsv", extra_cell("roles.tsv"), "cells", id="roles-extra-cell"),
    pytest.param("roles.tsv", row("roles.tsv", "envoy\t"), "family", id="roles-empty-family"),
    pytest.param("roles.tsv", duplicate_row("roles.tsv"), "twice", id="roles-duplicate"),
    # outlets.tsv
    pytest.param("outlets.tsv", bad_header("outlets.tsv"), "header", id="outlets-bad-header"),
    pytest.param("outlets.tsv", row("outlets.tsv", "okaz2\tXXX\tA paper"), "country", id="outlets-bad-country"),
    pytest.param("outlets.tsv", duplicate_row("outlets.tsv"), "twice", id="outlets-duplicate"),
]


def test_the_copied_resources_load_before_any_corruption(resources: Path) -> None:
    lexicons = load_lexicons(resources)
    assert set(lexicons.countries) >= UN_MEMBERS


@pytest.mark.parametrize(("name", "corrupt", "reason"), CORRUPTIONS)
def test_a_corrupt_resource_file_fails_with_its_path_and_line(
    resources: Path, name: str, corrupt: Callable[[Path], int], reason: str
) -> None:
    line = corrupt(resources)
    path = resources / name
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    err = info.value
    assert Path(err.path) == path
    assert err.line == line
    assert str(err).startswith(f"{path}:{line}: ")
    assert reason in err.reason


@pytest.mark.parametrize(
    "name",
    [
        "countries.tsv",
        "country_forms.tsv",
        "organizations.tsv",
        "titles.tsv",
        "triggers.tsv",
        "cues.tsv",
        "topics.tsv",
        "roles.tsv",
        "outlets.tsv",
    ],
)
def test_a_missing_resource_file_is_named(resources: Path, name: str) -> None:
    (resources / name).unlink()
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    assert Path(info.value.path) == resources / name
    assert info.value.line is None
    assert "not found" in str(info.value)


def test_an_actors_folder_without_files_is_named(resources: Path) -> None:
    for path in (resources / "actors").glob("*.jsonl"):
        path.unlink()
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    assert Path(info.value.path) == resources / "actors"
    assert "no *.jsonl" in str(info.value)


def test_a_file_that_is_not_utf8_is_named(resources: Path) -> None:
    path = resources / "cues.tsv"
    path.write_bytes(b"form\tkind\n" + "لم\tnegation\n".encode("cp1256"))
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    assert Path(info.value.path) == path
    assert "UTF-8" in str(info.value)


def test_a_tsv_file_without_a_header_is_named(resources: Path) -> None:
    path = resources / "topics.tsv"
    path.write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    assert Path(info.value.path) == path
    assert "header" in info.value.reason


def test_comments_and_blank_lines_are_ignored_and_line_numbers_count_them(resources: Path) -> None:
    path = resources / "cues.tsv"
    lines = _lines(path)
    lines += ["", "# a comment with a tab\tinside", "", "ربما\temphasis"]
    _write(path, lines)
    with pytest.raises(ResourceError) as info:
        load_lexicons(resources)
    assert info.value.line == len(lines)


def test_a_valid_new_row_is_loaded(resources: Path) -> None:
    _append(resources / "country_forms.tsv", "BHR\tname\tأرض الخلود\tcurated")
    lexicons = load_lexicons(resources)
    assert any(f.iso3 == "BHR" and f.form == "أرض الخلود" for f in lexicons.country_forms)
