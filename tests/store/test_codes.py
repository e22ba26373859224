"""Filters are checked against the codes hadath knows, and an unknown one names the closest known ones."""

from __future__ import annotations

import pytest

from hadath.store.codes import known_codes, suggest
from hadath.store.query import FilterError, build_filter


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("KSA", ["SAU"]),  # a common abbreviation
        ("SAUD", ["SAU"]),  # a code with a letter too many
        ("UAE", ["ARE"]),
        ("sa", ["SAU"]),  # ISO alpha-2
        ("Saudi Arabia", ["SAU"]),
        ("السعودية", ["SAU"]),  # the Arabic name
        ("ISIS", ["IMG"]),
        ("Arab League", ["ARL"]),
    ],
)
def test_unknown_actor_codes_suggest_the_known_one(value: str, expected: list[str]) -> None:
    assert known_codes().suggest_actor(value)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"country": "KSA"}, "--country 'KSA' is not a country or organization code; did you mean SAU (Saudi Arabia)?"),
        ({"target_country": ["SAUD"]}, "--target-country 'SAUD' is not a country or organization code; did"),
        ({"topic": "gaza"}, "--topic 'gaza' is not a known topic; did you mean gaza-war?"),
        ({"type": "CONSUL"}, "did you mean CONSULT?"),
        ({"sector": "GOVT"}, "did you mean GOV?"),
        ({"mode": "phon"}, "did you mean phone?"),
    ],
)
def test_unknown_filter_values_are_errors_naming_close_matches(filters: dict[str, object], message: str) -> None:
    with pytest.raises(FilterError) as caught:
        build_filter(**filters)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_known_values_pass_and_a_value_may_be_a_single_string() -> None:
    f = build_filter(country="sau,EGY", topic=["Gaza-War"], type="consult", mode="visit", sector="gov")
    assert (f.country, f.topic, f.type, f.mode, f.sector) == (("SAU", "EGY"), ("gaza-war",), ("CONSULT",),
                                                               ("visit",), ("GOV",))  # fmt: skip
    assert build_filter(country=["ARL", "UNO", "NATO"]).country == ("ARL", "UNO", "NATO")


def test_a_value_with_nothing_close_names_no_guess() -> None:
    with pytest.raises(FilterError) as caught:
        build_filter(country="QQQQ")
    assert "did you mean" not in str(caught.value)
    assert suggest("xyz", {"GOV", "MIL"}) == []
