"""tools/check_actors.py: the shipped knowledge base passes, and each kind of error is caught on a small bad base."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from hadath.lexicon.lexicons import default_resource_dir

TOOL = Path(__file__).resolve().parents[2] / "tools" / "check_actors.py"
VOCABULARY = ("countries.tsv", "country_forms.tsv", "organizations.tsv", "titles.tsv", "roles.tsv")


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_actors", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_actors"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_shipped_knowledge_base_passes_and_is_large_enough(tool: ModuleType) -> None:
    report = tool.check(default_resource_dir())
    assert report.errors == []
    assert report.total_terms >= 600
    size = report.size()
    arab_league = "DZA BHR COM DJI EGY IRQ JOR KWT LBN LBY MRT MAR OMN PSE QAT SAU SOM SDN SYR TUN ARE YEM"
    others = "IRN TUR ISR USA GBR FRA RUS CHN DEU ITA JPN IND PAK ETH UNO ARL GCC OIC EUR NATO AFU"
    assert [c for c in f"{arab_league} {others}".split() if c not in size] == []


def test_the_script_prints_the_size_per_country_and_exits_0(
    tool: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert tool.main([]) == 0
    out = capsys.readouterr().out
    assert "\nUSA " in out and "\ntotal " in out and "0 error(s)" in out


def _term(**changes: Any) -> dict[str, Any]:
    term: dict[str, Any] = {"country": "BHR", "sector": "GOV", "role": "foreign minister"}
    term.update({"from": "2020-01-01", "to": "2021-01-01", "source": "https://en.wikipedia.org/wiki/Example"})
    term.update(changes)
    return term


def _person(slug: str, forms: list[str], *terms: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": f"person:{slug}", "name": slug.title(), "forms": forms, "terms": list(terms), **extra}


def _base(tmp_path: Path, persons: list[dict[str, Any]], allowed: str = "") -> Path:
    folder = tmp_path / "resources"
    (folder / "actors").mkdir(parents=True)
    for name in VOCABULARY:
        shutil.copy(default_resource_dir() / name, folder / name)
    lines = [json.dumps(p, ensure_ascii=False) for p in persons]
    (folder / "actors" / "test.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if allowed:
        header = "owner\trole\tperson_a\tperson_b\treason\n"
        (folder / "actors" / "allowed_overlaps.tsv").write_text(header + allowed, encoding="utf-8")
    return folder


GOOD = [
    _person("first-holder", ["سالم الأول"], _term(to="2022-03-01")),
    # a handover of two days is tolerated
    _person("second-holder", ["سالم الثاني"], _term(**{"from": "2022-02-27", "to": None})),
]


def test_a_clean_small_base_passes(tool: ModuleType, tmp_path: Path) -> None:
    report = tool.check(_base(tmp_path, GOOD))
    assert report.errors == []
    assert report.size() == {"BHR": (2, 2)}


@pytest.mark.parametrize(
    ("persons", "expected"),
    [
        pytest.param(
            [_person("backwards", ["عكسي"], _term(**{"from": "2024-01-01", "to": "2023-01-01"}))],
            "before it starts",
            id="term-ends-before-it-starts",
        ),
        pytest.param(
            [_person("twice", ["مكرر"], _term(), _term(**{"from": "2020-06-01", "to": "2022-01-01"}))],
            "two overlapping terms",
            id="overlapping-terms-of-one-person",
        ),
        pytest.param(
            [*GOOD, _person("usurper", ["منافس"], _term(**{"from": "2021-01-01", "to": "2021-12-31"}))],
            "are both foreign minister of BHR",
            id="two-holders-of-a-single-holder-role",
        ),
        pytest.param(
            [_person("a", ["الاسم المشترك"], _term()), _person("b", ["الاسم المشترك"], _term(role="king"))],
            "remove it from all but one",
            id="form-of-two-persons",
        ),
        pytest.param(
            [
                _person("a", ["المشترك"], _term(), shared_forms=["المشترك"]),
                _person("b", ["المشترك"], _term(role="king")),
            ],
            "shared_forms",
            id="form-declared-shared-by-one-side-only",
        ),
        pytest.param([_person("nowhere", ["مجهول"], _term(country="ZZZ"))], "unknown country", id="unknown-country"),
        pytest.param(
            [_person("igo", ["منظمة"], _term(country=None, org="XYZ", sector="IGO"))],
            "unknown country or organization",
            id="unknown-org",
        ),
        pytest.param([_person("wizard", ["ساحر"], _term(role="grand wizard"))], "unknown role", id="unknown-role"),
        pytest.param([_person("spy", ["جاسوس"], _term(sector="SPIES"))], "unknown sector", id="unknown-sector"),
        pytest.param([_person("late", ["متأخر"], _term(to="01/02/2021"))], "ISO date", id="bad-date"),
        pytest.param(
            [_person("unsourced", ["مصدر"], _term(source="Wikipedia"))], "must be an http(s) URL", id="bad-source"
        ),
        pytest.param([{"id": "nobody", "forms": ["لا أحد"], "terms": []}], "'id'", id="bad-id"),
        pytest.param([_person("same", ["أول"]), _person("same", ["ثان"])], "already defined", id="duplicate-id"),
    ],
)
def test_each_kind_of_error_is_caught(
    tool: ModuleType, tmp_path: Path, persons: list[dict[str, Any]], expected: str
) -> None:
    report = tool.check(_base(tmp_path, persons))
    assert any(expected in e for e in report.errors), report.errors
    assert tool.main(["--resources", str(tmp_path / "resources")]) == 1


def test_a_shared_form_declared_by_both_is_no_error(tool: ModuleType, tmp_path: Path) -> None:
    persons = [
        _person("a", ["المشترك"], _term(), shared_forms=["المشترك"]),
        _person("b", ["المشترك"], _term(role="king"), shared_forms=["المشترك"]),
    ]
    assert tool.check(_base(tmp_path, persons)).errors == []


def test_an_allowed_overlap_is_no_error_and_an_unused_allowance_is_a_warning(tool: ModuleType, tmp_path: Path) -> None:
    rival = _person("rival", ["منافس"], _term(**{"from": "2021-01-01", "to": "2021-12-31"}))
    allowed = (
        "BHR\tforeign minister\tperson:first-holder\tperson:rival\trival governments\n"
        "BHR\tking\tperson:first-holder\tperson:rival\tno longer needed\n"
    )
    report = tool.check(_base(tmp_path, [*GOOD, rival], allowed))
    assert report.errors == []
    assert any("overlap no more" in w for w in report.warnings)


def test_a_form_of_another_lexicon_is_a_warning(tool: ModuleType, tmp_path: Path) -> None:
    report = tool.check(_base(tmp_path, [_person("bahrain", ["البحرين"], _term())]))
    assert report.errors == []
    assert any("name of BHR" in w for w in report.warnings)


def test_every_shipped_term_has_a_source(tool: ModuleType) -> None:
    report = tool.check(default_resource_dir())
    assert [p.id for p in report.persons for t in p.terms if t.source is None] == []


def test_a_term_without_a_source_is_reported(tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    term = _term()
    del term["source"]
    base = _base(tmp_path, [_person("unsourced", ["بلا مصدر"], term)])
    monkeypatch.setattr(tool, "MISSING_SOURCE_IS_ERROR", False)
    assert any("has no 'source'" in w for w in tool.check(base).warnings)
    monkeypatch.setattr(tool, "MISSING_SOURCE_IS_ERROR", True)
    assert any("has no 'source'" in e for e in tool.check(base).errors)
