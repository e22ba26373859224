"""Stage 2: dictionary lookup of every lexicon (countries, organizations, titles, persons, triggers, cues,
topics) over the normalized text."""

from __future__ import annotations

from hadath.document import Document, Mention
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import ENTITY_KINDS, EVENT_KINDS, TOPIC_KINDS, Gazetteer, Match, select

_LINE_BREAKS_AS_SPACES = {ord("\n"): " ", ord("\r"): " ", ord("\t"): " "}


class Lookup:
    """Requires: ``norm``. Adds: ``mentions`` (non-overlapping within each layer: entities, events, topics)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.gazetteer = Gazetteer(lexicons)
        self.diacritic_forms = lexicons.diacritic_forms

    def match(self, text: str) -> list[Match]:
        """Pure: the selected matches of the three layers, in text order. Line breaks count as spaces, so that a
        name wrapped over two lines is still found (the replacement keeps every offset)."""
        found = self.gazetteer.find(text.translate(_LINE_BREAKS_AS_SPACES))
        chosen = select(found, ENTITY_KINDS) + select(found, EVENT_KINDS) + select(found, TOPIC_KINDS)
        return sorted(chosen, key=lambda m: (m.start, m.end))

    def __call__(self, doc: Document) -> Document:
        mentions = []
        for m in self.match(doc.normalized.text):
            span = doc.span(m.start, m.end)
            kind, entry = m.kind, m.entry
            exact = self.diacritic_forms.get(span.text) if kind in ("country", "capital") else None
            if exact is not None:  # "عمّان" is Amman, though it normalizes to "عمان" (Oman)
                kind, entry = ("country" if exact.kind == "name" else exact.kind), exact
            mentions.append(Mention(span.start, span.end, span.text, m.start, m.end, kind, entry, m.prefix))
        return doc.with_(mentions=tuple(mentions))
