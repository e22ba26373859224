"""Stage 4: dates. The document's date (given by the caller, else read from its dateline: "رام الله 7 أيار 2024
(وفا) -") and every date expression of the text resolved against it ("أمس"، "الثلاثاء الماضي"، "5 ذو القعدة 1445 هـ"),
which the events stage uses as the date of the events told in their sentence."""

from __future__ import annotations

from datetime import date

from hadath.document import DateMention, Document
from hadath.lang.ar.dates import DateReader
from hadath.lexicon.entries import MonthName
from hadath.lexicon.lexicons import Lexicons


class DateResolver:
    """Requires: ``norm``, ``mentions`` (date words, triggers), ``dateline_end``. Adds: ``date`` (from the dateline
    when the caller gave none) and ``dates`` (the resolved date expressions of the sentences that name an event
    trigger, the only ones a later stage reads; the dateline's own left out)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.reader = DateReader(lexicons.months, lexicons.date_words)

    def anchors(self, doc: Document, everywhere: bool = False) -> list[tuple[int, str]]:
        """``(start, kind)`` of the date words found by the lookup stage: in the dateline and in the sentences
        that name an event trigger (the only dates a later stage reads), or ``everywhere``."""
        wanted = {doc.sentence_of(m.nstart) for m in doc.mentions if m.kind == "trigger"}
        return [
            (m.nstart - len(m.prefix), m.entry.calendar if isinstance(m.entry, MonthName) else m.entry.kind)
            for m in doc.mentions
            if m.kind == "date" and (everywhere or m.nstart < doc.dateline_end or doc.sentence_of(m.nstart) in wanted)
        ]

    def find(self, doc: Document, day: date | None, anchors: list[tuple[int, str]]) -> list[DateMention]:
        """The date expressions at ``anchors`` resolved against ``day`` (the dateline's own left out)."""
        mentions = []
        for found in self.reader.find(doc.normalized.text, day, anchors):
            if found.value is None or found.start < doc.dateline_end:
                continue
            span = doc.span(found.start, found.end)
            mentions.append(
                DateMention(span.text, span.start, span.end, found.start, found.end, found.value, found.kind)
            )
        return mentions

    def __call__(self, doc: Document) -> Document:
        anchors = self.anchors(doc)
        day = doc.date
        if day is None and doc.dateline_end:
            # a dateline's date, when it gives its year ("7 أيار 2024"); a year-less one cannot be placed
            end = doc.dateline_end
            head = self.reader.find(doc.normalized.text[:end], None, [a for a in anchors if a[0] < end])
            day = next((f.value for f in head if f.kind == "absolute" and f.value is not None), None)
        return doc.with_(date=day, dates=tuple(self.find(doc, day, anchors)))
