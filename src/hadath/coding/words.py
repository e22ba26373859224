"""Word shapes shared by the learned components and the tool that builds their word clusters."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from hadath.lang.ar.normalize import normalize

#: Clitic letters a word may start with (conjunction, then preposition), and the article.
_PROCLITICS = re.compile(r"^(?:[وف])?(?:لل|[بكل]?ال|[بلك])?")
_ENCLITICS = re.compile(r"(?:هما|هم|ها|كم|نا|هن|ه)$")
WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[A-Za-z]+|\d+")

CLUSTERS_FILE = Path(__file__).resolve().parent.parent / "resources" / "models" / "word_clusters.tsv"


@cache
def stem(norm: str) -> str:
    """A light stem of a normalized word: leading clitics and the article, then a pronoun suffix, removed while at
    least three letters remain (``والمحتجين`` -> ``محتجين``, ``اتهمتها`` -> ``اتهمت``)."""
    s = norm
    m = _PROCLITICS.match(s)
    if m and len(s) - m.end() >= 3:
        s = s[m.end() :]
    m2 = _ENCLITICS.search(s)
    if m2 and m2.start() >= 3:
        s = s[: m2.start()]
    return s


def words(text: str) -> list[str]:
    """The normalized words of a text (the tokenization used to learn word clusters)."""
    return WORD.findall(normalize(text))


@cache
def clusters(path: Path = CLUSTERS_FILE) -> dict[str, tuple[str, str]]:
    """``stem -> (coarse, fine)`` cluster ids learned from raw news (``tools/build_word_clusters.py``)."""
    out: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        w, coarse, fine = line.split("\t")
        out[w] = (coarse, fine)
    return out
