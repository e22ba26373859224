"""Stage 3: what the document says about itself: the agency it cites (``reported_by``, from the text or the
dateline), the country whose agency it is (``home_country``: a bare "وزير الخارجية" in a Petra report is
Jordan's), the country of the dateline's place, and the occasion (conference, summit) on whose sidelines its
meetings took place."""

from __future__ import annotations

import re

from hadath.document import Document, Location, Mention, ReportedBy, Span
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import CLAUSE_PUNCT, TokenIndex

#: How many tokens an occasion's name may run after its head noun when it is not quoted.
MAX_OCCASION_TOKENS = 8
#: How far into a document (normalized characters) its dateline may reach.
DATELINE_REACH = 200
#: How far from the start the place of a dateline is looked for.
DATELINE_PLACE_REACH = 30


class ContextReader:
    """Requires: ``tokens``, ``mentions``. Adds: ``reported_by``, ``home_country`` and ``occasion``."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self.codes = {normalize(c.form): c for c in lexicons.datelines}
        self.home_agencies = {c.org.id for c in lexicons.datelines if c.home}
        alternatives = "|".join(re.escape(k) for k in sorted(self.codes, key=len, reverse=True))
        self.dateline = re.compile(rf"[(/]\s*({alternatives})\s*[)/]")

    def __call__(self, doc: Document) -> Document:
        reporter, org_id = self.reporter(doc)
        home = None
        if org_id in self.home_agencies:
            home = next((c.org.country for c in self.lex.datelines if c.org.id == org_id), None)
        place = self.dateline_place(doc)
        return doc.with_(
            reported_by=reporter,
            home_country=home,
            dateline_country=place.country if place is not None else None,
            dateline_location=place,
            occasion=self.occasion(doc),
        )

    @staticmethod
    def dateline_place(doc: Document) -> Location | None:
        """The place a report is filed from ("رام الله 7 أيار (وفا) -" -> PSE), when the gazetteer knows it."""
        for m in doc.mentions:
            if m.nstart >= DATELINE_PLACE_REACH:
                break
            if m.kind in ("country", "capital") and not m.prefix:
                place = m.text if m.kind == "capital" else None
                return Location(m.text, m.start, m.end, str(m.entry.iso3), place)
        return None

    def reporter(self, doc: Document) -> tuple[ReportedBy | None, str | None]:
        """The agency the text cites after a verb of saying (ذكرت، أفادت), else its dateline code, else the first
        agency named; with its organization id."""
        agencies = [m for m in doc.mentions if m.kind == "org" and m.entry.org.kind == "agency"]
        dateline = self.dateline.search(doc.normalized.text, 0, DATELINE_REACH)
        if not agencies:
            if dateline is None:
                return None, None
            code = self.codes[dateline.group(1)]
            span = doc.span(dateline.start(1), dateline.end(1))
            return ReportedBy(span.text, span.start, span.end, code.org.name_en), code.org.id
        attributions = [m for m in doc.mentions if m.kind == "cue" and m.entry.kind == "attribution"]
        nav = TokenIndex(doc)
        attribution_ends = {c.nend for c in attributions}  # "ذكرت وكالة ..." : the agency right after the verb
        cited = next(
            (a for a in agencies if nav.skip_space_back(a.nstart - len(a.prefix)) in attribution_ends),
            None,
        )
        if cited is None and dateline is not None:
            code = self.codes[dateline.group(1)]
            span = doc.span(dateline.start(1), dateline.end(1))
            return ReportedBy(span.text, span.start, span.end, code.org.name_en), code.org.id
        cited = cited or agencies[0]
        return ReportedBy(cited.text, cited.start, cited.end, cited.entry.org.name_en), cited.entry.org.id

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
