"""Tokenization of normalized Arabic text with lexicon-guided proclitic splitting.

A whitespace word such as ``وبالبحرين`` is split into ``و`` + ``ب`` + ``البحرين`` only when the remainder is a
word the tokenizer knows (from the lexicons); unknown words stay whole, so names like ``وليد`` or ``بلال`` are
never cut. Every token keeps its normalized offsets, so it maps back to the original text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

#: Proclitic sequences, longest first. "ال" is the article; "لل" is ل + ال with the alef dropped.
PROCLITICS: tuple[str, ...] = (
    "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
    "وب", "ول", "وك", "وس", "فب", "فل", "فك", "فس", "ال", "و", "ف", "ب", "ل", "ك", "س",
)  # fmt: skip

_SHORTEST_FIRST = tuple(sorted(PROCLITICS, key=len))
#: The proclitics a word can start with, by its first letter, in the same order.
_BY_FIRST_LETTER = {c: tuple(p for p in _SHORTEST_FIRST if p[0] == c) for c in {p[0] for p in PROCLITICS}}
#: Proclitics whose split needs a longer stem, and that length.
_RARE_PROCLITICS = frozenset("فك")
_RARE_MIN_STEM = 4
#: Letters an imperfect verb starts with: the only words the future prefix س attaches to.
IMPERFECT_PREFIXES = frozenset("يتنا")
_ARTICLE = "ال"
#: Most distinct words whose split a tokenizer remembers.
_CACHE_SIZE = 200_000


#: A token as ``(start, end, norm, kind)`` in normalized offsets (:class:`RawToken` without its text).
Span = tuple[int, int, str, str]


@dataclass(frozen=True, slots=True)
class RawToken:
    """A token in normalized offsets. ``norm`` is the dictionary form (``لبحرين`` of ``للبحرين`` -> ``البحرين``)."""

    start: int
    end: int
    text: str
    norm: str
    kind: str  # "word" | "clitic" | "number" | "punct"


class Tokenizer:
    """Splits normalized text into words and punctuation, and separates known proclitics from known words."""

    def __init__(self, known_words: Iterable[str] = (), min_stem: int = 2) -> None:
        self.known = frozenset(known_words)
        self.min_stem = min_stem
        # word -> its tokens at offset 0: news repeats its words, so most words are split once per process
        self._pieces: dict[str, tuple[Span, ...]] = {}

    def tokenize(self, text: str) -> list[RawToken]:
        return [RawToken(s, e, text[s:e], norm, kind) for s, e, norm, kind in self.spans(text)]

    def spans(self, text: str) -> list[Span]:
        """``(start, end, norm, kind)`` of every token of ``text``, in order (what :meth:`tokenize` gives, as plain
        tuples). Each distinct form is classified and split once per process; a token costs a dictionary lookup."""
        out: list[Span] = []
        append = out.append
        known = self._pieces.get
        for m in _TOKEN.finditer(text):
            word = m.group()
            pieces = known(word)
            if pieces is None:
                pieces = self._remember(word)
            start = m.start()
            if len(pieces) == 1:  # most words: no clitic split
                _, end, norm, kind = pieces[0]
                append((start, start + end, norm, kind))
            else:
                out.extend((start + s, start + e, norm, kind) for s, e, norm, kind in pieces)
        return out

    def _remember(self, word: str) -> tuple[Span, ...]:
        if word.isdigit():
            pieces: tuple[Span, ...] = ((0, len(word), word, "number"),)
        elif not word[0].isalnum():
            pieces = ((0, len(word), word, "punct"),)
        else:
            pieces = tuple((p.start, p.end, p.norm, p.kind) for p in self.split_word(word))
        if len(self._pieces) >= _CACHE_SIZE:
            self._pieces.clear()
        self._pieces[word] = pieces
        return pieces

    def split_word(self, word: str, offset: int = 0) -> list[RawToken]:
        """Split one word into proclitic tokens and a stem token, if the stem is a known word."""
        if word in self.known:
            return [RawToken(offset, offset + len(word), word, word, "word")]
        # shortest proclitic first: the longest known stem wins ("وكان" is و + كان, not و + ك + ان)
        for prefix in _BY_FIRST_LETTER.get(word[:1], ()):
            if not word.startswith(prefix) or len(word) - len(prefix) < self.min_stem:
                continue
            if prefix[0] in _RARE_PROCLITICS and len(word) - len(prefix) < _RARE_MIN_STEM:
                continue  # ف and ك before a short stem are more often part of a name (فادي، كمال) than clitics
            rest = word[len(prefix) :]
            if "س" in prefix and rest[0] not in IMPERFECT_PREFIXES:
                continue  # the future prefix only comes before an imperfect verb (سيبحث، not سكان)
            if prefix.endswith("لل"):
                # ل + (ا)ل: the stem is written without its alef
                clitics, stem_start, stem_norm = prefix[:-1], len(prefix) - 1, _ARTICLE + rest
            elif prefix.endswith(_ARTICLE):
                clitics, stem_start, stem_norm = prefix[:-2], len(prefix) - 2, _ARTICLE + rest
                if stem_norm not in self.known and rest in self.known:
                    clitics, stem_start, stem_norm = prefix, len(prefix), rest
            else:
                clitics, stem_start, stem_norm = prefix, len(prefix), rest
                if stem_norm not in self.known and prefix.endswith("ل") and rest.startswith("ل"):
                    # ل + اللاجئين is written للاجئين: the article and the stem's first lam merge
                    stem_norm = _ARTICLE + rest
            if stem_norm not in self.known:
                continue
            out = [
                RawToken(offset + i, offset + i + len(part), part, part, "clitic") for i, part in _clitic_parts(clitics)
            ]
            out.append(RawToken(offset + stem_start, offset + len(word), word[stem_start:], stem_norm, "word"))
            return out
        return [RawToken(offset, offset + len(word), word, word, "word")]


def _clitic_parts(clitics: str) -> list[tuple[int, str]]:
    """``وبال`` -> ``[(0, "و"), (1, "ب"), (2, "ال")]``: one token per proclitic, the article as one."""
    parts: list[tuple[int, str]] = []
    i = 0
    while i < len(clitics):
        size = 2 if clitics[i:] == _ARTICLE else 1
        parts.append((i, clitics[i : i + size]))
        i += size
    return parts
