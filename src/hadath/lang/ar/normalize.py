"""Offset-preserving normalization of Arabic news text.

Each named function below is a pure, character-by-character map (one character becomes one character or
nothing), built from the named character sets of :mod:`hadath.lang.ar.chars`. Because no function ever turns
one character into two, their composition, :class:`Normalizer`, can always map a position of the normalized
text back to the exact position of the original text: normalization never moves offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from hadath.lang.ar import chars

CharTable = Mapping[int, str | None]


def _table(pairs: Iterable[tuple[str, str | None]]) -> CharTable:
    return MappingProxyType({ord(src): dst for src, dst in pairs})


def _deleting(charset: str) -> CharTable:
    return _table((c, None) for c in charset)


def _mapping(charset: str, target: str) -> CharTable:
    return _table((c, target) for c in charset)


def _zipping(src: str, dst: str) -> CharTable:
    return _table(zip(src, dst, strict=True))


DIACRITICS_TABLE = _deleting(chars.DIACRITICS)
TATWEEL_TABLE = _deleting(chars.TATWEEL)
ZERO_WIDTH_TABLE = _deleting(chars.ZERO_WIDTH)
SPACES_TABLE = _mapping(chars.SPACES, " ")
ALEF_TABLE = _mapping(chars.ALEF_VARIANTS, chars.ALEF)
ALEF_MAQSURA_TABLE = _mapping(chars.ALEF_MAQSURA + chars.FARSI_YEH, chars.YEH)
TEH_MARBUTA_TABLE = _mapping(chars.TEH_MARBUTA, chars.HEH)
KEHEH_TABLE = _mapping(chars.KEHEH, chars.KAF)
DIGITS_TABLE = _zipping(chars.ARABIC_INDIC_DIGITS + chars.PERSIAN_DIGITS, chars.ASCII_DIGITS + chars.ASCII_DIGITS)
QUOTES_TABLE = _table([(c, '"') for c in chars.DOUBLE_QUOTES] + [(c, "'") for c in chars.SINGLE_QUOTES])
PUNCTUATION_TABLE = _table(
    [
        (chars.ARABIC_COMMA, ","),
        (chars.ARABIC_SEMICOLON, ";"),
        (chars.ARABIC_QUESTION, "?"),
        (chars.ARABIC_FULL_STOP, "."),
        (chars.ARABIC_PERCENT, "%"),
        (chars.ARABIC_DECIMAL, "."),
        (chars.ARABIC_THOUSANDS, ","),
    ]
)
ASCII_LOWER_TABLE = _zipping("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _apply(table: CharTable, text: str) -> str:
    return text.translate(table)


def remove_diacritics(text: str) -> str:
    """Drop harakat, tanwin, shadda, sukun and the dagger alef: ``مُؤَكِّدًا`` -> ``مؤكدا``."""
    return _apply(DIACRITICS_TABLE, text)


def remove_tatweel(text: str) -> str:
    """Drop the kashida used to stretch words: ``الــبحرين`` -> ``البحرين``."""
    return _apply(TATWEEL_TABLE, text)


def remove_zero_width(text: str) -> str:
    """Drop zero-width joiners/non-joiners and bidi controls left by web pages."""
    return _apply(ZERO_WIDTH_TABLE, text)


def normalize_spaces(text: str) -> str:
    """Turn non-breaking, thin and other exotic spaces into a plain space."""
    return _apply(SPACES_TABLE, text)


def normalize_alef(text: str) -> str:
    """Fold hamza and madda alef forms into bare alef: ``أ إ آ ٱ`` -> ``ا``."""
    return _apply(ALEF_TABLE, text)


def normalize_alef_maqsura(text: str) -> str:
    """Fold alef maqsura (and Persian yeh) into yeh, the common typing mistake of ``البحرينى``."""
    return _apply(ALEF_MAQSURA_TABLE, text)


def normalize_teh_marbuta(text: str) -> str:
    """Fold ta marbuta into ha: ``القمة`` and ``القمه`` compare equal."""
    return _apply(TEH_MARBUTA_TABLE, text)


def normalize_keheh(text: str) -> str:
    """Fold the Persian kaf into the Arabic one."""
    return _apply(KEHEH_TABLE, text)


def arabic_indic_to_ascii_digits(text: str) -> str:
    """Arabic-Indic (``٢٠٢٤``) and Persian (``۲۰۲۴``) digits to ASCII digits."""
    return _apply(DIGITS_TABLE, text)


def normalize_quotes(text: str) -> str:
    """Guillemets and curly quotes (``« » “ ”``) to ASCII quotes."""
    return _apply(QUOTES_TABLE, text)


def normalize_punctuation(text: str) -> str:
    """Arabic comma, semicolon, question mark and number separators to their ASCII counterparts."""
    return _apply(PUNCTUATION_TABLE, text)


def lowercase_ascii(text: str) -> str:
    """Lowercase Latin letters only (``C-SIPA`` -> ``c-sipa``); other scripts are left alone."""
    return _apply(ASCII_LOWER_TABLE, text)


#: The steps of the default normalizer, in order. Each is a (name, table) pair.
DEFAULT_STEPS: tuple[tuple[str, CharTable], ...] = (
    ("remove_diacritics", DIACRITICS_TABLE),
    ("remove_tatweel", TATWEEL_TABLE),
    ("remove_zero_width", ZERO_WIDTH_TABLE),
    ("normalize_spaces", SPACES_TABLE),
    ("normalize_alef", ALEF_TABLE),
    ("normalize_alef_maqsura", ALEF_MAQSURA_TABLE),
    ("normalize_teh_marbuta", TEH_MARBUTA_TABLE),
    ("normalize_keheh", KEHEH_TABLE),
    ("arabic_indic_to_ascii_digits", DIGITS_TABLE),
    ("normalize_quotes", QUOTES_TABLE),
    ("normalize_punctuation", PUNCTUATION_TABLE),
    ("lowercase_ascii", ASCII_LOWER_TABLE),
)


def compose_tables(tables: Iterable[CharTable]) -> CharTable:
    """Compose per-character tables into one, applying them left to right."""
    combined: dict[int, str | None] = {}
    for table in tables:
        for key, value in list(combined.items()):
            if value is not None and ord(value) in table:
                combined[key] = table[ord(value)]
        for key, value in table.items():
            combined.setdefault(key, value)
    return MappingProxyType(combined)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A normalized view of an original text, with the map back to original offsets.

    ``offsets[i]`` is the original index of normalized character ``i``; ``offsets`` is ``None`` when nothing was
    deleted (the two texts then align index for index).
    """

    original: str
    text: str
    offsets: tuple[int, ...] | None

    def original_index(self, index: int) -> int:
        """Original offset of normalized position ``index`` (``len(text)`` maps to ``len(original)``)."""
        if self.offsets is None:
            return index
        if index >= len(self.offsets):
            return len(self.original)
        return self.offsets[index]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalized range ``[start, end)`` to the original range covering the same characters.

        Characters deleted by normalization inside the range (a shadda, a tatweel) stay inside it; those
        trailing the last character (a final tanwin) are included too, so ``مؤكدًا`` is never cut in two.
        """
        if end <= start:
            pos = self.original_index(start)
            return pos, pos
        orig_start = self.original_index(start)
        if self.offsets is None:
            return orig_start, end
        orig_end = self.offsets[end - 1] + 1
        # extend over deleted combining marks that belong to the last character
        while orig_end < len(self.original) and self.original[orig_end] in _TRAILING_MARKS:
            orig_end += 1
        return orig_start, orig_end

    def to_original_many(self, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
        """:meth:`to_original` of every ``(start, end)`` of ``spans``, in one pass: the runs of trailing marks are
        found once per text, not looked for after every range."""
        if self.offsets is None:
            return [(start, end) if end > start else (start, start) for start, end in spans]
        offsets, size = self.offsets, len(self.offsets)
        total = len(self.original)
        # original position -> the end of the run of trailing marks it is in or starts
        trailing = {
            pos: run.end() for run in _TRAILING_RUNS.finditer(self.original) for pos in range(run.start(), run.end())
        }
        out: list[tuple[int, int]] = []
        for start, end in spans:
            orig_start = offsets[start] if start < size else total
            if end <= start:
                out.append((orig_start, orig_start))
                continue
            orig_end = offsets[end - 1] + 1
            out.append((orig_start, trailing.get(orig_end, orig_end)))
        return out

    def to_normalized(self, orig_index: int) -> int:
        """Normalized position of the first kept character at or after original offset ``orig_index``."""
        if self.offsets is None:
            return orig_index
        from bisect import bisect_left

        return bisect_left(self.offsets, orig_index)


_TRAILING_MARKS = frozenset(chars.DIACRITICS + chars.TATWEEL)
_TRAILING_RUNS = re.compile("[" + re.escape(chars.DIACRITICS + chars.TATWEEL) + "]+")


class Normalizer:
    """Composes character-level normalization steps; :meth:`normalize` keeps the map to original offsets.

    The composed table is applied by one ``str.translate`` over a list indexed by code point (a list lookup per
    character, where a mapping would cost a failed dictionary lookup for every character it leaves alone), and
    the offsets are built from the runs of deleted characters, one ``range`` per run of kept ones.
    """

    def __init__(self, steps: Iterable[tuple[str, CharTable]] = DEFAULT_STEPS) -> None:
        self.steps = tuple(steps)
        self.table = compose_tables(table for _, table in self.steps)
        for key, value in self.table.items():
            if value is not None and len(value) != 1:
                raise ValueError(f"normalization step maps U+{key:04X} to {len(value)} characters")
        deleted = "".join(chr(k) for k, v in self.table.items() if v is None)
        self._deleted = re.compile("[" + re.escape(deleted) + "]+") if deleted else None
        # code points past the list's end raise IndexError inside translate, which leaves them unchanged
        dense: list[int | None] = list(range(max(_BMP, max(self.table, default=0) + 1)))
        for key, value in self.table.items():
            dense[key] = None if value is None else ord(value)
        self._dense = dense

    def __call__(self, text: str) -> str:
        return text.translate(self._dense)

    def normalize(self, text: str) -> NormalizedText:
        """Normalize ``text`` and keep, for each normalized character, its original offset."""
        normalized = text.translate(self._dense)
        if len(normalized) == len(text):
            return NormalizedText(text, normalized, None)
        assert self._deleted is not None
        offsets: list[int] = []
        kept = 0
        for run in self._deleted.finditer(text):
            offsets.extend(range(kept, run.start()))
            kept = run.end()
        offsets.extend(range(kept, len(text)))
        return NormalizedText(text, normalized, tuple(offsets))


_BMP = 0x10000


def normalize(text: str) -> str:
    """Normalize with the default steps (for lexicon keys and queries; use :class:`Normalizer` for documents)."""
    return _DEFAULT(text)


_DEFAULT = Normalizer()
