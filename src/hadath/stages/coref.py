"""Stage 8: coreference within a document. The entity registry of the actors stage already gathers an entity's
names, surnames and titles; this stage adds the mentions that only the events show to refer to someone:

- "الجانبان"، "الطرفين": both parties of the event told in that sentence (or the previous one): the mention joins
  both entities; "البلدان"، "الدولتين": the states of both parties;
- "من جانبه"، "من جهتها"، "بدوره": the person who speaks next (the source of the event that follows in the
  sentence, or the person named right after), else the other party of the event just told;
- a coordinated verb without a subject of its own ("واستقبل الوزير ... كما بحث ..."، "... . وأكد أن ..."): the
  subject of the clause before, for the events and statements that use it; the verb is listed as the mention
  (Arabic writes that subject only in the verb's inflection).

A plural mention is linked only when its event has exactly two known parties; one known party, or several
candidate dyads, leave it unlinked rather than guessed.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from hadath.document import Document, Entity, Event, Mention, Span
from hadath.lexicon.lexicons import Lexicons

log = logging.getLogger(__name__)

#: How many tokens after a verb its own subject may stand ("وبحث اليوم وزير ...").
SUBJECT_REACH = 3
#: How many tokens after "من جانبه" the verb and its subject may stand ("من جانبه، أثنى وزير ...").
SPEAKER_REACH = 5


@dataclass(frozen=True, slots=True)
class Link:
    """A mention (in original offsets) that refers to the entity ``entity_id``; ``how`` says which rule found it:
    ``participants``, ``participant_states``, ``speaker`` or ``zero`` (a dropped subject, listed as its verb)."""

    entity_id: str
    mention: Span
    how: str


@dataclass(frozen=True, slots=True)
class _Trigger:
    """One trigger of the document's events (a first report or a repeat), with the events it codes."""

    start: int
    end: int
    sentence: int
    events: tuple[Event, ...]


class Coreference:
    """Requires: ``sentences``, ``tokens``, ``mentions``, ``actors``, ``events``, ``entities``. Adds: mentions to
    ``entities`` (and the state entities that "البلدان" names when the document did not name them)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self.coordinators = lexicons.cue_forms("coordinator")
        self.function_words = lexicons.cue_forms("function")
        # verbs inflected for a feminine or plural subject ("أضافت"، "أكدوا"): never a man's mention (the knowledge
        # base does not record gender, and its persons are mostly men), so never credited to a person
        verbs = {t.form for t in lexicons.triggers if t.pos == "verb"} | {
            c.form for c in lexicons.cues if c.kind == "statement"
        }
        self.not_masculine = frozenset(
            f for f in verbs if (f.endswith("ت") and f[:-1] in verbs) or (f.endswith("وا") and f[:-2] in verbs)
        )

    def __call__(self, doc: Document) -> Document:
        links = self.find(doc)
        if not links:
            return doc
        return doc.with_(entities=self.link(doc.entities, links))

    # ----------------------------------------------------------------- finding
    def find(self, doc: Document) -> list[Link]:
        """Pure: the mentions the earlier stages could not attach, each with the entity it refers to."""
        if not doc.events:
            return []
        triggers = self._triggers(doc)
        known = {e.id for e in doc.entities}
        links: list[Link] = []
        for m in doc.mentions:
            if m.kind != "cue":
                continue
            kind = m.entry.kind
            if kind in ("participants", "participant_states"):
                links += self._participants(doc, m, triggers, known)
            elif kind == "speaker":
                links += self._speaker(doc, m, triggers, known)
        linked_at = {(link.entity_id, link.mention.start) for link in links}
        links += [
            z
            for z in self._dropped_subjects(doc, triggers, known, links)
            if (z.entity_id, z.mention.start) not in linked_at
        ]
        return links

    @staticmethod
    def _triggers(doc: Document) -> list[_Trigger]:
        """Every trigger of the document's events, first reports and repeats, in text order."""
        by_start: dict[int, tuple[Span, list[Event]]] = {}
        for event in doc.events:
            for span in (event.trigger, *event.evidence):
                by_start.setdefault(span.start, (span, []))[1].append(event)
        starts = [s.start for s in doc.sentences]
        out = []
        for start in sorted(by_start):
            span, events = by_start[start]
            out.append(_Trigger(span.start, span.end, max(0, bisect_right(starts, start) - 1), tuple(events)))
        return out

    def _participants(self, doc: Document, m: Mention, triggers: list[_Trigger], known: set[str]) -> list[Link]:
        """ "كما بحث الجانبان ..."، "بين البلدين": both parties of the event of this sentence (the trigger nearest
        before the mention, else the first after it), else of the last event of the previous sentence."""
        si = doc.sentence_of(m.nstart)
        here = [t for t in triggers if t.sentence == si]
        chosen: _Trigger | None = None
        if here:
            before = [t for t in here if t.start < m.start]
            chosen = before[-1] if before else here[0]
        else:
            previous = [t for t in triggers if t.sentence == si - 1]
            chosen = previous[-1] if previous else None
        if chosen is None:
            return []
        dyads = {self._dyad(e, m.entry.kind) for e in chosen.events}
        if len(dyads) != 1:
            return []  # several dyads at one trigger ("بحث A مع B وC"): whose sides is unclear
        dyad = dyads.pop()
        if dyad is None:
            return []
        span = Span(m.text, m.start, m.end)
        return [Link(entity, span, m.entry.kind) for entity in dyad if entity in known or entity.startswith("state:")]

    def _dyad(self, event: Event, kind: str) -> tuple[str, str] | None:
        """The two entities an event's sides are (their states for "البلدان"), or None when one is unknown."""
        src, tgt = event.source, event.target
        if tgt is None:
            return None
        if kind == "participant_states":
            if src.country is None or tgt.country is None or src.country == tgt.country:
                return None
            if src.country not in self.lex.countries or tgt.country not in self.lex.countries:
                return None
            return f"state:{src.country}", f"state:{tgt.country}"
        if src.entity_id is None or tgt.entity_id is None or src.entity_id == tgt.entity_id:
            return None
        return src.entity_id, tgt.entity_id

    def _speaker(self, doc: Document, m: Mention, triggers: list[_Trigger], known: set[str]) -> list[Link]:
        """ "من جانبه، أثنى وزير الخارجية ...": the source of the sentence's next event; else the person named
        right after the cue; else the other party of the last event told before it."""
        span = Span(m.text, m.start, m.end)
        si = doc.sentence_of(m.nstart)
        sentence_end = doc.sentences[si].end
        following = next((t for t in triggers if m.end <= t.start < sentence_end), None)
        if following is not None:
            sources = {e.source.entity_id for e in following.events}
            if len(sources) == 1 and (source := sources.pop()) in known:
                if source.startswith("person:") and not any(
                    a.kind == "person"
                    and (a.actor.entity_id or a.key) == source
                    and m.end <= a.actor.start < sentence_end
                    for a in doc.actors
                ):
                    return []  # "من جهته، بعث نائب الملك ...": a person only when named after the cue
                return [Link(source, span, "speaker")]
            return []
        token_starts = [t.start for t in doc.tokens]
        k = bisect_left(token_starts, m.end)
        reach_end = doc.tokens[min(k + SPEAKER_REACH, len(doc.tokens)) - 1].end if k < len(doc.tokens) else m.end
        for actor in doc.actors:
            a = actor.actor
            if actor.kind == "person" and m.end <= a.start < reach_end:
                entity = a.entity_id or actor.key
                return [Link(entity, span, "speaker")] if entity in known else []
        earlier = [t for t in triggers if t.end <= m.start and t.sentence >= si - 1]
        if earlier:
            targets = {e.target.entity_id for e in earlier[-1].events if e.target is not None}
            if len(targets) == 1 and (target := targets.pop()) in known and target.startswith("person:"):
                return [Link(target, span, "speaker")]
        return []

    def _dropped_subjects(
        self, doc: Document, triggers: list[_Trigger], known: set[str], links: list[Link]
    ) -> list[Link]:
        """Coordinated verbs ("وبحث"، "كما بحث"، "وأكد") with no subject of their own: the verb is a mention of the
        subject before it, that of the event it reports (or, for a verb of saying, of the last event told)."""
        trigger_mentions = {m.start: m for m in doc.mentions if m.kind == "trigger"}
        statements = [m for m in doc.mentions if m.kind == "cue" and m.entry.kind == "statement"]
        # "كما بحث الجانبان"، "وأكد الطرفان": the subject is written, linked or not
        explicit = {link.mention.start for link in links} | {
            m.start
            for m in doc.mentions
            if m.kind == "cue" and m.entry.kind in ("participants", "participant_states", "speaker")
        }
        mentions_of: dict[str, list[tuple[int, int]]] = {
            e.id: sorted((s.start, s.end) for s in e.mentions) for e in doc.entities
        }
        actor_start_set = {a.nstart for a in doc.actors} | {a.extent[0] for a in doc.actors}
        token_starts = [t.start for t in doc.tokens]
        dates = [(m.start, m.end) for m in doc.mentions if m.kind == "date"]
        persons = sorted(
            (a.actor.start, a.actor.end, a.actor.entity_id or a.key) for a in doc.actors if a.kind == "person"
        )
        parties: dict[str, set[str]] = {}  # each entity's other sides in the document's events
        for event in doc.events:
            a, b = event.source.entity_id, event.target.entity_id if event.target is not None else None
            if a is not None and b is not None:
                parties.setdefault(a, set()).add(b)
                parties.setdefault(b, set()).add(a)
        out: list[Link] = []

        def subject_written(m: Mention) -> bool:
            """ "وأضاف الضابط أن ..."، "وأكد البيان": a definite noun right after a verb of saying is its subject,
            known to the lexicons or not."""
            k = bisect_left(token_starts, m.end)
            while k < len(doc.tokens) and any(a <= doc.tokens[k].start < b for a, b in dates):
                k += 1  # "وأضاف اليوم الوزير"
            if k >= len(doc.tokens):
                return False
            tok = doc.tokens[k]
            return tok.kind == "word" and tok.norm.startswith("ال") and tok.norm not in self.function_words

        def antecedent_holds(source: str, verb: Mention) -> bool:
            """A verb is credited to a person only when the person is the last one named before it in its paragraph,
            and the verb is inflected for a man (issue 15: no mention credited to a person it may not name)."""
            if not source.startswith("person:"):
                return True
            if normalize_form(verb) in self.not_masculine:
                return False
            i = bisect_left(persons, (verb.start, -1, ""))
            # back to the source's last mention, over the persons it dealt with in the events ("التقى A ... B، كما
            # بحث": B, the other side of A's meeting, does not make the verb's subject unclear)
            while i > 0 and persons[i - 1][2] != source and persons[i - 1][2] in parties.get(source, ()):
                i -= 1
            if i == 0:
                return False
            start, _end, entity = persons[i - 1]
            return entity == source and "\n" not in doc.text[start : verb.start]

        def subject_window(m: Mention) -> tuple[int, int] | None:
            """The span where the verb's own subject would be written (from its coordinator to a few tokens after
            it), or None when the verb is not coordinated or a subject stands right after it."""
            k = bisect_left(token_starts, m.start)
            prev = doc.tokens[k - 1] if k > 0 else None
            coordinated = "و" in m.prefix or "ف" in m.prefix or (prev is not None and prev.norm in self.coordinators)
            if not coordinated:
                return None
            after = bisect_left(token_starts, m.end)
            end = doc.tokens[min(after + SUBJECT_REACH, len(doc.tokens)) - 1].end if after < len(doc.tokens) else m.end
            # "وبحث الوزير ..."، "وبحث اليوم الوزير": a subject is written right there (not "كما بحث مع الوزير")
            for k in range(after, min(after + SUBJECT_REACH, len(doc.tokens))):
                tok = doc.tokens[k]
                if tok.nstart in actor_start_set:
                    return None
                if tok.norm in self.function_words or tok.kind == "punct":
                    break
            if any(m.end <= s < end for s in explicit):
                return None
            return (prev.start if prev is not None and prev.norm in self.coordinators else m.start), end

        def named_in(entity: str, window: tuple[int, int], verb: Mention) -> bool:
            spans = mentions_of.get(entity, [])
            i = bisect_left(spans, (window[0], 0))
            return any(a < window[1] and (a, b) != (verb.start, verb.end) for a, b in spans[i:])

        for trig in triggers:
            m = trigger_mentions.get(trig.start)
            if m is None or m.entry.pos != "verb":
                continue
            sources = {_subject(e, m) for e in trig.events}
            if len(sources) != 1 or (source := sources.pop()) not in known:
                continue
            window = subject_window(m)
            if window is None or named_in(source, window, m) or not antecedent_holds(source, m):
                continue
            out.append(Link(source, Span(m.text, m.start, m.end), "zero"))
        for m in statements:
            window = subject_window(m)
            if window is None or subject_written(m):
                continue
            si = doc.sentence_of(m.nstart)
            told = [t for t in triggers if t.end <= m.start and t.sentence >= si - 1]
            if not told:
                continue
            told_mention = trigger_mentions.get(told[-1].start)
            sources = {_subject(e, told_mention) for e in told[-1].events}
            if len(sources) != 1 or (source := sources.pop()) not in known or named_in(source, window, m):
                continue
            if not antecedent_holds(source, m):
                continue
            out.append(Link(source, Span(m.text, m.start, m.end), "zero"))
        return out

    # --------------------------------------------------------------- writing
    def link(self, entities: tuple[Entity, ...], links: list[Link]) -> tuple[Entity, ...]:
        """The registry with each link's mention added to its entity (in text order, once each); a state named
        only by "البلدان" enters it."""
        extra: dict[str, list[Span]] = {}
        for link in links:
            extra.setdefault(link.entity_id, []).append(link.mention)
        out: list[Entity] = []
        for entity in entities:
            more = extra.pop(entity.id, None)
            if more:
                merged = sorted({(s.start, s.end): s for s in (*entity.mentions, *more)}.values(), key=_order)
                entity = replace(entity, mentions=tuple(merged))
            out.append(entity)
        for entity_id, spans in extra.items():
            iso3 = entity_id.removeprefix("state:")
            country = self.lex.countries.get(iso3) if entity_id.startswith("state:") else None
            if country is None:
                continue
            unique = tuple(sorted({(s.start, s.end): s for s in spans}.values(), key=_order))
            out.append(Entity(entity_id, "state", country.name_en, iso3, None, "GOV", None, unique))
        return tuple(out)


def _subject(event: Event, trigger: Mention | None) -> str | None:
    """The entity that is the grammatical subject of an event's trigger: its source, except for "استقبل" (coded as
    the visit of its object: the host, its subject, is the target)."""
    if trigger is not None and trigger.kind == "trigger" and trigger.entry.args == "host" and event.target is not None:
        return event.target.entity_id
    return event.source.entity_id


def normalize_form(m: Mention) -> str:
    """The lexicon form a trigger or cue mention matched ("أضافت")."""
    return str(m.entry.form)


def _order(span: Span) -> tuple[int, int]:
    return span.start, span.end
