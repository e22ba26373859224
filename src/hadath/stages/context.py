"""Stage 4: what the document says about itself: the agency it cites (``reported_by``) and the occasion
(conference, summit) on whose sidelines its meetings took place."""

from __future__ import annotations

from hadath.document import Document, Mention, ReportedBy, Span
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import CLAUSE_PUNCT, TokenIndex

#: How many tokens an occasion's name may run after its head noun when it is not quoted.
MAX_OCCASION_TOKENS = 8


class ContextReader:
    """Requires: ``tokens``, ``mentions``. Adds: ``reported_by`` and ``occasion``."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons

    def __call__(self, doc: Document) -> Document:
        return doc.with_(reported_by=self.reporter(doc), occasion=self.occasion(doc))

    def reporter(self, doc: Document) -> ReportedBy | None:
        """The news agency the text cites: one after a verb of saying (ذكرت، أفادت) first, else the first one."""
        agencies = [m for m in doc.mentions if m.kind == "org" and m.entry.org.kind == "agency"]
        if not agencies:
            return None
        attributions = [m for m in doc.mentions if m.kind == "cue" and m.entry.kind == "attribution"]
        nav = TokenIndex(doc)
        cited = next(
            (a for a in agencies if any(nav.is_blank(c.nend, a.nstart - len(a.prefix)) for c in attributions)),
            agencies[0],
        )
        return ReportedBy(cited.text, cited.start, cited.end, cited.entry.org.name_en)

    def occasion(self, doc: Document) -> Span | None:
        """``على هامش مؤتمر "..."``: the meeting named after a sideline cue, up to its closing quote."""
        cues = [m for m in doc.mentions if m.kind == "cue"]
        nav = TokenIndex(doc)
        for i, m in enumerate(cues):
            if m.entry.kind != "sideline":
                continue
            head = next((c for c in cues[i + 1 : i + 2] if c.entry.kind == "occasion"), None)
            if head is None or not nav.is_blank(m.nend, head.nstart - len(head.prefix)):
                continue
            return doc.span(head.nstart, self._occasion_end(head, nav))
        return None

    @staticmethod
    def _occasion_end(head: Mention, nav: TokenIndex) -> int:
        j = nav.after(head.nend)
        first = nav.token(j)
        if first is not None and first.norm == '"':
            close = next((t for t in nav.tokens[j + 1 :] if t.norm == '"' or t.norm == "\n"), None)
            if close is not None and close.norm == '"':
                return close.nend
        end = head.nend
        for t in nav.tokens[j : j + MAX_OCCASION_TOKENS]:
            if t.norm in CLAUSE_PUNCT:
                break
            end = t.nend
        return end
