"""The CAMEO table: Goldstein scores, quad classes, and a score for every code a trigger emits."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.errors import ResourceError
from hadath.lexicon.lexicons import Lexicons, default_resource_dir
from hadath.store.cameo import load_cameo


@pytest.mark.parametrize(
    ("code", "goldstein", "quad"),
    [
        ("042", 1.9, 1),
        ("057", 8.0, 1),
        ("073", 7.4, 2),
        ("111", -2.0, 3),
        ("141", -6.5, 3),
        ("195", -10.0, 4),
        ("0871", 9.0, 2),
        ("1823", -10.0, 4),
        ("1824", -9.5, 4),
    ],
)
def test_scores_and_quad_classes(code: str, goldstein: float, quad: int) -> None:
    table = load_cameo()
    assert table.goldstein(code) == goldstein
    assert table.quad_class(code) == quad


def test_every_trigger_code_has_a_score(lexicons: Lexicons) -> None:
    table = load_cameo()
    missing = sorted({t.cameo for t in lexicons.triggers if table.goldstein(t.cameo) is None})
    assert missing == []


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("9999\t1.0\tx", "not a CAMEO code"),
        ("0425\tmuch\tx", "not a number"),
        ("0425\t12\tx", "outside the scale"),
        ("042\t1.9\tconsult", "listed twice"),
    ],
)
def test_a_bad_row_names_its_line(tmp_path: Path, row: str, message: str) -> None:
    text = (default_resource_dir() / "cameo.tsv").read_text(encoding="utf-8") + row + "\n"
    (tmp_path / "cameo.tsv").write_text(text, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as info:
        load_cameo(tmp_path)
    assert info.value.line == len(text.splitlines())
