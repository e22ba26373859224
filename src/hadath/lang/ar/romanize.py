"""Romanization of Arabic personal names that no knowledge base knows ("أيمن الصفدي" -> "Ayman Safadi").

Two romanizers share one interface (:class:`Romanizer`):

- :class:`ModelRomanizer` wraps the ``arabic-name-romanizer`` package (the ``romanize`` extra): spellings attested
  in Wikidata first, a small character model (ONNX, shipped in its wheel, run offline) for name parts never seen.
  It is loaded on first use (about 0.3 s) and caches its answers.
- :class:`RuleRomanizer`: a letter-by-letter scheme in news spelling (long vowels written, short ones guessed as
  "a", the article as "Al", عبد as "Abdul", بن as "bin"), with no dependency: the fallback when the package is not
  installed, and the baseline ``tools/eval_romanize.py`` compares it with.

:func:`default_romanizer` picks the first available. A romanization is a likely spelling, not the person's own:
the pipeline marks names it made this way (``name_source: "romanized"`` in the output).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from hadath.lang.ar.normalize import normalize_alef_maqsura, remove_diacritics, remove_tatweel

log = logging.getLogger(__name__)

#: How many romanizations a romanizer keeps (names repeat across a corpus).
CACHE_SIZE = 50_000

# The letters of the rule scheme; و and ي are read as vowels or consonants by position, ا and ى as long a.
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ء": "", "ؤ": "", "ئ": "", "ة": "a", "پ": "p", "چ": "ch",
    "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
}  # fmt: skip
_LONG_A = frozenset("اأإآى")
#: Name particles and how news English writes them.
_PARTICLES = {"بن": "bin", "ابن": "bin", "بنت": "bint", "آل": "Al", "ال": "Al", "أبو": "Abu", "ابو": "Abu"}
_ABD = "عبد"
_ALLAH = "الله"


class Romanizer(Protocol):
    """Turns an Arabic personal name into a Latin spelling (``None`` when it has no Arabic letter)."""

    name: str

    def romanize(self, name: str, country: str | None = None) -> str | None:
        """``country`` (ISO 3166-1 alpha-2) is a hint of the spelling convention (Egyptian "Gamal", Maghrebi
        "Abdelkader"), where the romanizer uses one."""
        ...


def _clean(name: str) -> str:
    return " ".join(normalize_alef_maqsura(remove_tatweel(remove_diacritics(name))).split())


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


class RuleRomanizer:
    """Letter-by-letter romanization in news spelling; no data, no dependency."""

    name = "rules"

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {}

    def romanize(self, name: str, country: str | None = None) -> str | None:
        if name in self._cache:
            return self._cache[name]
        words = _clean(name).split()
        out: list[str] = []
        i = 0
        while i < len(words):
            word = words[i]
            if word == _ABD and i + 1 < len(words):  # عبد اللطيف -> Abdullatif, عبد الله -> Abdullah
                nxt = words[i + 1]
                rest = "lah" if nxt == _ALLAH else _word(nxt[2:] if nxt.startswith("ال") else nxt)
                out.append("Abdul" + rest.lower())
                i += 2
                continue
            if word.startswith(_ABD) and len(word) > 4:  # عبدالرحمن
                rest = word[3:]
                out.append("Abdul" + _word(rest[2:] if rest.startswith("ال") else rest).lower())
            elif word in _PARTICLES:
                out.append(_PARTICLES[word])
            elif word.startswith("ال") and len(word) > 3:
                out.append("Al " + _word(word[2:]))
            else:
                out.append(_word(word))
            i += 1
        result = " ".join(w for w in out if w) or None
        if result is not None and not _has_arabic(name):
            result = None
        if len(self._cache) < CACHE_SIZE:
            self._cache[name] = result
        return result


def _word(word: str) -> str:
    """One word: consonants from the table, و/ي as u/i between consonants and w/y elsewhere, ا as a, and an "a"
    guessed between two consonants (Arabic writes no short vowel)."""
    letters: list[str] = []
    n = len(word)
    for k, c in enumerate(word):
        prev_vowel = bool(letters) and letters[-1][-1:] in ("a", "i", "u")
        if c in _LONG_A:
            letters.append("a" if not prev_vowel or k == 0 else "")
            continue
        if c in "وي":
            vowel = "u" if c == "و" else "i"
            if k == 0 or prev_vowel or (k + 1 < n and word[k + 1] in _LONG_A):
                letters.append("w" if c == "و" else "y")
            else:
                letters.append(vowel)
            continue
        latin = _CONSONANTS.get(c)
        if latin is None:
            continue
        if letters and not prev_vowel and latin and k < n - 1 and word[k - 1] not in _LONG_A:
            letters.append("a")  # a consonant after a consonant: guess the short vowel between them
        letters.append(latin)
    text = "".join(letters)
    return text[:1].upper() + text[1:]


class ModelRomanizer:
    """The ``arabic-name-romanizer`` package: attested spellings first, its offline character model for the rest.
    Constructing it costs nothing; the index and the model are opened on the first name.

    The model runs on one thread: the package's default of two made ``--workers 1`` use more than one core and
    cost four times the CPU for the same answers (its threads spin while they wait). A name's answer is kept for
    the process. (Keeping the model's answer per name part instead would change some answers: the package decodes
    the parts of a name as one batch, and a part's best spelling depends on the batch it is decoded in.)"""

    name = "arabic-name-romanizer"

    def __init__(self, threads: int = 1) -> None:
        self._engine: Any = None
        self._cache: dict[str, str | None] = {}
        self.threads = threads

    @staticmethod
    def available() -> bool:
        try:
            import arabic_name_romanizer  # noqa: F401
        except ImportError:
            return False
        return True

    def romanize(self, name: str, country: str | None = None) -> str | None:
        key = f"{name}\t{country or ''}"
        if key in self._cache:
            return self._cache[key]
        if self._engine is None:
            self._engine = _load_engine(self.threads)
            log.debug("loaded arabic-name-romanizer")
        result = self._engine.transliterate(_clean(name), country=country) if _has_arabic(name) else None
        result = str(result) if result else None
        if len(self._cache) < CACHE_SIZE:
            self._cache[key] = result
        return result


def _load_engine(threads: int) -> Any:
    """The package's transliterator with its models on ``threads`` intra-op threads."""
    from arabic_name_romanizer import Transliterator
    from arabic_name_romanizer.api import default_resources_dir
    from arabic_name_romanizer.inference import OnnxModel

    resources = default_resources_dir()
    models: list[Any] = []
    for folder in (resources, resources / "persian"):
        # the files the package's own loader requires; without them, no model (a Persian-script name then goes
        # to the main model, as in the package)
        present = all((folder / f).exists() for f in ("encoder.onnx", "decoder.onnx", "vocab.json", "meta.json"))
        models.append(OnnxModel(folder, intra_op_threads=threads) if present else None)
    main, persian = models
    return Transliterator(model=main, persian_model=persian, auto_load_model=False)


def default_romanizer() -> Romanizer:
    """The package's romanizer when it is installed (``pip install 'hadath[romanize]'``), else the rules."""
    if ModelRomanizer.available():
        return ModelRomanizer()
    return RuleRomanizer()
