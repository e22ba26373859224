"""CAMEO codes with their Goldstein scores and quad classes (``resources/cameo.tsv``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from hadath.errors import ResourceError
from hadath.lexicon.lexicons import default_resource_dir
from hadath.lexicon.tsv import read_tsv, require

_CODE = re.compile(r"^\d{2,4}$")

#: Quad classes (as in ICEWS and Phoenix): 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
#: 4 material conflict; decided by the CAMEO root code.
QUAD_CLASS_NAMES = MappingProxyType(
    {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
)


def quad_class_of_root(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 14:
        return 3
    return 4


@dataclass(frozen=True)
class CameoTable:
    """Goldstein score and name of each CAMEO code; a code not listed takes its nearest listed parent's."""

    scores: MappingProxyType[str, float]
    names: MappingProxyType[str, str]

    def _known(self, code: str) -> str | None:
        while code:
            if code in self.scores:
                return code
            code = code[:-1] if len(code) > 2 else ""
        return None

    def goldstein(self, code: str) -> float | None:
        known = self._known(code)
        return self.scores[known] if known else None

    def name(self, code: str) -> str | None:
        known = self._known(code)
        return self.names[known] if known else None

    def quad_class(self, code: str) -> int | None:
        if not code[:2].isdigit():
            return None
        root = int(code[:2])
        return quad_class_of_root(root) if 1 <= root <= 20 else None


@cache
def load_cameo(folder: Path | None = None) -> CameoTable:
    """Load and validate ``cameo.tsv`` (columns ``code``, ``goldstein``, ``name``)."""
    path = (folder or default_resource_dir()) / "cameo.tsv"
    scores: dict[str, float] = {}
    names: dict[str, str] = {}
    for line, row in read_tsv(path, ("code", "goldstein", "name")):
        code = require(path, line, "code", row["code"])
        if not _CODE.match(code) or not 1 <= int(code[:2]) <= 20:
            raise ResourceError(str(path), line, f"code {code!r} is not a CAMEO code (2-4 digits, root 01-20)")
        if code in scores:
            raise ResourceError(str(path), line, f"code {code} is listed twice")
        try:
            score = float(require(path, line, "goldstein", row["goldstein"]))
        except ValueError:
            raise ResourceError(str(path), line, f"goldstein {row['goldstein']!r} is not a number") from None
        if not -10.0 <= score <= 10.0:
            raise ResourceError(str(path), line, f"goldstein {score} is outside the scale -10 .. 10")
        scores[code] = score
        names[code] = require(path, line, "name", row["name"])
    return CameoTable(MappingProxyType(scores), MappingProxyType(names))
