"""Sentence splitting of normalized Arabic news text.

Works on the output of :class:`~hadath.lang.ar.normalize.Normalizer` (Arabic question marks, semicolons and
quotes already folded to ASCII), so the positions it returns are normalized offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = re.compile(r"[.!?]+|\n(?:[ \t]*\n)*")
_QUOTE = re.compile('"')
#: A line shorter than this (in characters) that ends without punctuation is a sentence of its own (a headline);
#: a longer one was wrapped and its sentence continues on the next line.
SHORT_LINE = 50
#: A quote left open longer than this is treated as a typo, not as quoted speech.
MAX_QUOTE_SPAN = 600


class SentenceSplitter:
    """Splits at ``. ! ? ؟`` and line breaks, but not after abbreviations, inside numbers or inside quotes.

    ``abbreviations`` are normalized words that end with a full stop without ending a sentence (``د.`` doctor,
    ``م.`` the Gregorian-era mark, ``ص.`` ...); single Arabic letters followed by a full stop are always
    treated as abbreviations.
    """

    def __init__(self, abbreviations: Iterable[str] = ()) -> None:
        self.abbreviations = frozenset(a.rstrip(".") for a in abbreviations)

    def split(self, text: str) -> list[tuple[int, int]]:
        """Return ``(start, end)`` of each sentence, trimmed of surrounding whitespace, in order."""
        bounds: list[tuple[int, int]] = []
        start = 0
        quoted = self._quoted(text)
        qi = 0
        for match in _END.finditer(text):
            # is the candidate boundary inside a quotation (a pair of quotes closed within MAX_QUOTE_SPAN)?
            while qi < len(quoted) and quoted[qi][1] <= match.start():
                qi += 1
            inside = qi < len(quoted) and quoted[qi][0] < match.start()
            if match.group().startswith("\n"):
                if not self._line_break_ends_sentence(text, match.start(), match.group()):
                    continue  # a hard-wrapped line: the sentence goes on
            elif not self._is_boundary(text, match.start(), match.end()) or inside:
                continue
            end = match.end() if not match.group().startswith("\n") else match.start()
            self._add(text, start, end, bounds)
            start = match.end()
        self._add(text, start, len(text), bounds)
        return bounds

    @staticmethod
    def _quoted(text: str) -> list[tuple[int, int]]:
        """Spans of quotations: each quote paired with the next one when it comes within MAX_QUOTE_SPAN characters
        and no paragraph break; a quote left unclosed is a typo and opens nothing, so it cannot glue the
        sentences after it together (nor turn every later quotation inside out)."""
        quotes = [m.start() for m in _QUOTE.finditer(text)]
        spans: list[tuple[int, int]] = []
        k = 0
        while k + 1 < len(quotes):
            a, b = quotes[k], quotes[k + 1]
            if b - a <= MAX_QUOTE_SPAN and "\n\n" not in text[a:b]:
                spans.append((a, b))
                k += 2
            else:
                k += 1
        return spans

    @staticmethod
    def _line_break_ends_sentence(text: str, pos: int, breaks: str) -> bool:
        """A blank line ends a paragraph; a single line break ends a short line (a headline, a dateline) but not a
        line wrapped inside a sentence."""
        if breaks.count("\n") > 1:
            return True
        line_start = text.rfind("\n", 0, pos) + 1
        return len(text[line_start:pos].strip()) < SHORT_LINE

    def _is_boundary(self, text: str, start: int, end: int) -> bool:
        nxt = text[end] if end < len(text) else ""
        if nxt and not nxt.isspace() and nxt not in "\"')":
            return False  # 3.5, a.m., www.bna.bh
        word_start = start
        while word_start > 0 and text[word_start - 1].isalnum():
            word_start -= 1
        word = text[word_start:start]
        if len(word) == 1 and word.isalpha() and not word.isascii():
            return False  # single Arabic letter: an initial or an abbreviation (د. م.)
        return word not in self.abbreviations

    @staticmethod
    def _add(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            bounds.append((start, end))
