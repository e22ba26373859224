"""Dictionary matching of every lexicon at once (pyahocorasick) over normalized text, clitic-aware.

A form matches where it is a whole word, or follows proclitics inside its word: ``والبحرين``, ``بالبحرين``
and ``للبحرين`` (ل + ال with the alef dropped) all contain the country form ``البحرين``; ``وسيبحث`` contains the
trigger ``يبحث`` behind the future prefix ``س``. Matches are reported in normalized offsets; the document
maps them back to the original text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokenize import IMPERFECT_PREFIXES
from hadath.lexicon.lexicons import PHRASE_CUE_KINDS, Lexicons

#: Proclitics allowed before a dictionary form inside the same word (normalized).
NOUN_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})
VERB_PREFIXES = frozenset({"", "و", "ف", "ل", "ول", "فل", "س", "وس", "فس"})
#: Prefixes after which an ``ال`` form is written ``ل...`` (للبحرين = ل + البحرين).
#: Prepositions a verb's form takes when it is read as its verbal noun (the events stage reads it so).
MASDAR_PREFIXES = frozenset({"ب", "وب", "فب"})
LAM_PREFIXES = frozenset({"ل", "ول", "فل"})

#: Kinds matched, grouped in layers: inside a layer, matches do not overlap (leftmost-longest wins).
ENTITY_KINDS = ("person", "org", "title", "group", "country", "demonym", "capital")
EVENT_KINDS = ("trigger", "cue")
TOPIC_KINDS = ("topic",)
#: Places other than states and their capitals (towns, regions): a layer of their own, so that a town's name never
#: cuts a person's, a title's or an organization's (the entity layer wins where they overlap).
PLACE_KINDS = ("place",)
#: Words that anchor a date expression (month names, اليوم، أمس، الثلاثاء، الشهر، مطلع، قبل ...): the dates stage
#: reads expressions only where one of them stands.
DATE_KINDS = ("date",)
DATE_ANCHOR_KINDS = frozenset({"day_offset", "weekday", "unit", "part", "ago", "day_noun"})
_PRIORITY = {k: i for i, k in enumerate(ENTITY_KINDS + EVENT_KINDS + TOPIC_KINDS + PLACE_KINDS + DATE_KINDS)}


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon form found in normalized text. ``prefix`` holds the proclitics before it in its word."""

    start: int
    end: int
    kind: str
    entry: Any
    prefix: str


def _key(form: str) -> str:
    return " ".join(normalize(form).split())


class Gazetteer:
    """One Aho-Corasick automaton over every form of every lexicon."""

    def __init__(self, lexicons: Lexicons) -> None:
        automaton = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, Any, bool]]] = {}

        def add(kind: str, form: str, entry: Any) -> None:
            key = _key(form)
            if not key:
                return
            table.setdefault(key, []).append((kind, entry, False))
            if key.startswith("ال") and len(key) > 3:
                # after ل the article loses its alef (للبحرين); before a lam it merges with it (للاجئين)
                variant = key[2:] if key[2] == "ل" else "ل" + key[2:]
                table.setdefault(variant, []).append((kind, entry, True))

        for cf in lexicons.country_forms:
            add({"name": "country", "demonym": "demonym", "capital": "capital"}[cf.kind], cf.form, cf)
            key = _key(cf.form)
            if cf.kind == "demonym" and key.endswith("ي") and not key.startswith("ال"):
                add("demonym", key + "ا", cf)  # the accusative of news style: "26 صيادا قطريا"، "مواطنا سوريا"
        for of in lexicons.org_forms:
            add("org", of.form, of)
        for title in lexicons.titles:
            add("title", title.form, title)
        for group in lexicons.groups:
            add("group", group.form, group)
        # a form two persons share (declared in the knowledge base) names neither by itself: left unresolved
        owners: dict[str, set[str]] = {}
        for person in lexicons.persons:
            for form in person.forms:
                owners.setdefault(_key(form), set()).add(person.id)
        for person in lexicons.persons:
            for form in person.forms:
                if len(owners[_key(form)]) == 1:
                    add("person", form, person)
        for trigger in lexicons.triggers:
            add("trigger", trigger.form, trigger)
        for cue in lexicons.cues:
            if cue.kind in PHRASE_CUE_KINDS:
                add("cue", cue.form, cue)
        for topic in lexicons.topics:
            add("topic", topic.form, topic)
        for month in lexicons.months:
            add("date", month.form, month)
        for word in lexicons.date_words:
            if word.kind in DATE_ANCHOR_KINDS:
                add("date", word.form, word)
        # a place's entry is all its readings (طرابلس: Libya's capital, Lebanon's Tripoli), best first; names that are
        # also a state's or a capital's are matched as such (their coordinates are looked up by the later stages)
        states = {_key(cf.form) for cf in lexicons.country_forms}
        for key in {_key(pf.form) for pf in lexicons.places} - states:
            add("place", key, lexicons.place_readings[key])
        for key, values in table.items():
            automaton.add_word(key, (len(key), tuple(values)))
        automaton.make_automaton()
        self._automaton = automaton

    def find(self, text: str) -> list[Match]:
        """Every acceptable match of every form, overlapping ones included, sorted by position."""
        found: list[Match] = []
        for last, (size, values) in self._automaton.iter(text):
            start, end = last - size + 1, last + 1
            if end < len(text) and text[end].isalnum():
                continue
            word_start = start
            while word_start > 0 and text[word_start - 1].isalnum():
                word_start -= 1
            prefix = text[word_start:start]
            for kind, entry, lam in values:
                if lam and prefix not in LAM_PREFIXES:
                    continue
                allowed = NOUN_PREFIXES
                if kind == "trigger" and entry.pos == "verb":
                    # a bare three-letter past ("قصف"، "قتل") is spelled as its verbal noun, which takes ب: "بقصف"
                    allowed = VERB_PREFIXES | MASDAR_PREFIXES if len(entry.form) == 3 else VERB_PREFIXES
                if not lam and prefix not in allowed:
                    continue
                if "س" in prefix and text[start] not in IMPERFECT_PREFIXES:
                    continue  # س marks the future of an imperfect verb only
                found.append(Match(start, end, kind, entry, prefix))
        found.sort(key=lambda m: (m.start, -m.end, _PRIORITY[m.kind]))
        return found


def select(matches: Iterable[Match], kinds: Sequence[str]) -> list[Match]:
    """Leftmost-longest non-overlapping matches of the given kinds (ties broken by kind priority)."""
    wanted = set(kinds)
    chosen: list[Match] = []
    taken_until = -1
    for m in sorted(
        (m for m in matches if m.kind in wanted),
        key=lambda m: (m.start, -(m.end - m.start), _PRIORITY[m.kind]),
    ):
        if m.start >= taken_until:
            chosen.append(m)
            taken_until = m.end
    return chosen
