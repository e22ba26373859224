"""Navigation over a document's tokens in normalized offsets (shared by the actor and event stages)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from hadath.document import Document, Token

#: Punctuation that closes a clause or an appositive phrase.
CLAUSE_PUNCT = frozenset({",", ".", ";", ":", "!", "?", "(", ")", '"', "-", "\n"})
#: Punctuation that ends a clause; quotes and brackets only wrap words inside it ('عقوبات "لم يسبق لها مثيل"').
CLAUSE_END = frozenset({",", ".", ";", ":", "!", "?", "-", "\n"})


class TokenIndex:
    """Find tokens by normalized position."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.normalized.text
        self.tokens: tuple[Token, ...] = doc.tokens
        self._starts = [t.nstart for t in self.tokens]
        self._ends = [t.nend for t in self.tokens]

    def after(self, npos: int) -> int:
        """Index of the first token starting at or after ``npos`` (``len(tokens)`` if none)."""
        return bisect_left(self._starts, npos)

    def before(self, npos: int) -> int:
        """Index of the last token ending at or before ``npos`` (``-1`` if none)."""
        return bisect_right(self._ends, npos) - 1

    def token(self, i: int) -> Token | None:
        return self.tokens[i] if 0 <= i < len(self.tokens) else None

    def skip_space_back(self, pos: int) -> int:
        """The smallest ``p <= pos`` with only whitespace in ``text[p:pos]``."""
        while pos > 0 and self.text[pos - 1].isspace():
            pos -= 1
        return pos

    def skip_space(self, pos: int) -> int:
        """The largest ``p >= pos`` with only whitespace in ``text[pos:p]``."""
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        return pos

    def next_punct(self, i: int, punct: frozenset[str], default: int) -> int:
        """Normalized start of the first token from index ``i`` on that is in ``punct`` (else ``default``)."""
        while i < len(self.tokens):
            if self.tokens[i].norm in punct:
                return self.tokens[i].nstart
            i += 1
        return default

    def next_punct_back(self, i: int, punct: frozenset[str], default: int) -> int:
        """Normalized end of the last token before index ``i`` that is in ``punct`` (else ``default``)."""
        while i > 0:
            i -= 1
            if self.tokens[i].norm in punct:
                return max(self.tokens[i].nend, default)
        return default

    def tokens_covered(self, spans: list[tuple[int, int]]) -> set[int]:
        """Indices of the tokens that overlap any of ``spans`` (normalized offsets)."""
        out: set[int] = set()
        for a, b in spans:
            i = max(0, self.after(a) - 1)
            while i < len(self.tokens) and self.tokens[i].nstart < b:
                if self.tokens[i].nend > a:
                    out.add(i)
                i += 1
        return out

    def is_blank(self, a: int, b: int) -> bool:
        """True when only whitespace lies between normalized positions ``a`` and ``b``."""
        return a <= b and not self.text[a:b].strip()

    def gap_is(self, a: int, b: int, allowed: str) -> bool:
        """True when the text between ``a`` and ``b`` is ``allowed`` surrounded by optional whitespace."""
        return a <= b and self.text[a:b].strip() == allowed
