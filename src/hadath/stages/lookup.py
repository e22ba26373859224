"""Stage 2: dictionary lookup of every lexicon (countries, organizations, titles, persons, triggers, cues,
topics, places, date words) over the normalized text."""

from __future__ import annotations

from bisect import bisect_right

from hadath.document import Document, Mention
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import (
    DATE_KINDS,
    ENTITY_KINDS,
    EVENT_KINDS,
    PLACE_KINDS,
    TOPIC_KINDS,
    Gazetteer,
    Match,
    select,
)

_LAYER = {
    **dict.fromkeys(ENTITY_KINDS, "entity"),
    **dict.fromkeys(EVENT_KINDS, "event"),
    **dict.fromkeys(TOPIC_KINDS, "topic"),
    **dict.fromkeys(PLACE_KINDS, "place"),
    **dict.fromkeys(DATE_KINDS, "date"),
}


class Lookup:
    """Requires: ``norm``. Adds: ``mentions`` (non-overlapping within each layer: entities, events, topics, places,
    date words;
    a place that crosses or lies inside an entity's name is dropped, one that contains it is kept beside it)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.gazetteer = Gazetteer(lexicons)
        self.diacritic_forms = lexicons.diacritic_forms

    def match(self, text: str) -> list[Match]:
        """Pure: the selected matches of the three layers, in text order. Line breaks count as spaces, so that a
        name wrapped over two lines is still found (the replacement keeps every offset)."""
        found = self.gazetteer.find(text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
        layers: dict[str, list[Match]] = {}
        for m in found:
            layers.setdefault(_LAYER[m.kind], []).append(m)
        entities = select(layers.get("entity", ()), ENTITY_KINDS)
        chosen = entities + select(layers.get("event", ()), EVENT_KINDS)
        chosen += select(layers.get("topic", ()), TOPIC_KINDS) + select(layers.get("date", ()), DATE_KINDS)
        starts = [m.start for m in entities]  # sorted, and entity matches do not overlap each other
        for place in select(layers.get("place", ()), PLACE_KINDS):
            # "سيرجي" inside a person's name, "القاهرة" inside "جامعة القاهرة": not places; "جنوب لبنان" keeps both
            i = max(0, bisect_right(starts, place.start) - 1)
            overlapping = []
            while i < len(entities) and entities[i].start < place.end:
                if entities[i].end > place.start:
                    overlapping.append(entities[i])
                i += 1
            if all(place.start <= e.start and e.end <= place.end and e.end - e.start < place.end - place.start
                   for e in overlapping):  # fmt: skip
                chosen.append(place)
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
