"""The document model: one :class:`Document` owns the original text; everything else is a view into it.

Public results (:class:`Span`, :class:`Actor`, :class:`Location`, :class:`Event`, :class:`Entity`,
:class:`Record`) are frozen dataclasses whose offsets index the original text, so that
``text[span.start:span.end] == span.text`` always holds. Internal annotations (:class:`Token`,
:class:`Mention`, :class:`ActorMention`) also keep their normalized offsets (``nstart``/``nend``) for the
stages that work on normalized text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property
from typing import Any

from hadath.lang.ar.normalize import NormalizedText


@dataclass(frozen=True, slots=True)
class Span:
    """``text == document.text[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Actor:
    """An event participant, as in the contract (``text``/``start``/``end`` name it in the input)."""

    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    org: str | None
    sector: str | None
    role: str | None
    entity_id: str | None
    #: "romanized" when ``name`` is hadath's romanization of the Arabic (no knowledge base knows the person)
    name_source: str | None = None

    def code(self) -> str:
        """``COUNTRY/SECTOR`` (or ``ORG/SECTOR``) as analysts write dyads: ``BHR/GOV``."""
        return f"{self.country or self.org or '---'}/{self.sector or 'UNK'}"


@dataclass(frozen=True, slots=True)
class Location:
    text: str
    start: int
    end: int
    country: str | None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text (a state, a capital, a region or a town) read as one gazetteer entry.
    ``location`` is what an event placed there carries; ``prefix`` the proclitics before the name (بـ)."""

    location: Location
    nstart: int
    nend: int
    prefix: str
    kind: str  # country | capital | region | city
    sentence: int


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression ("أمس"، "5 حزيران/يونيو 2024") and the date it names, resolved against the document's."""

    text: str
    start: int
    end: int
    nstart: int
    nend: int
    value: date
    kind: str  # absolute | relative


@dataclass(frozen=True, slots=True)
class NerName:
    """A name the statistical tagger found where no lexicon names anything, in normalized offsets."""

    nstart: int
    nend: int
    type: str  # PERS | ORG | LOC


@dataclass(frozen=True, slots=True)
class ReportedBy:
    text: str
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...]
    source: Actor
    target: Actor | None
    location: Location | None
    occasion: Span | None
    date: date | None
    trigger: Span
    sentence: tuple[int, int]
    topics: tuple[str, ...]
    confidence: float
    status: str = "factual"  # factual | planned | negated | hypothetical | background | reference | generic | verbal
    evidence: tuple[Span, ...] = ()  # later triggers that repeat this event (same type and dyad)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: str  # person | organization | location | state
    name: str | None
    country: str | None
    org: str | None
    sector: str | None
    role: str | None
    mentions: tuple[Span, ...]
    name_source: str | None = None  # "romanized": see Actor


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    nstart: int
    nend: int


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    nstart: int
    nend: int
    norm: str
    kind: str  # word | clitic | number | punct


@dataclass(frozen=True, slots=True)
class Mention:
    """A lexicon match (country, title, person, trigger, cue, topic ...) in the document."""

    start: int
    end: int
    text: str
    nstart: int
    nend: int
    kind: str
    entry: Any
    prefix: str


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in the text. ``nstart``/``nend`` cover the words naming it; ``extent`` the whole noun
    phrase (name with its appositive title), which argument rules step over."""

    actor: Actor
    kind: str  # person | state | organization | group
    key: str  # entity key: the same real-world actor has the same key within a document
    nstart: int
    nend: int
    extent: tuple[int, int]
    sentence: int
    resolved: bool  # True when the name comes from the knowledge base, not only from a title


@dataclass(frozen=True)
class Document:
    """The original text (never modified) and the annotations each pipeline stage adds as views into it."""

    text: str
    doc_id: str
    date: date | None = None
    language: str = "ar"
    metadata: dict[str, Any] = field(default_factory=dict)
    norm: NormalizedText | None = None
    sentences: tuple[Sentence, ...] = ()
    tokens: tuple[Token, ...] = ()
    mentions: tuple[Mention, ...] = ()
    ner_names: tuple[NerName, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    locations: tuple[Location, ...] = ()
    occasion: Span | None = None
    occasion_location: Location | None = None
    reported_by: ReportedBy | None = None
    home_country: str | None = None
    dateline_country: str | None = None
    dateline_location: Location | None = None
    dateline_end: int = 0  # normalized offset where the report proper starts (after "الرياض في 17 يوليو /واس/ -")
    dates: tuple[DateMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    topics: tuple[str, ...] = ()

    def with_(self, **changes: Any) -> Document:
        """A copy with some annotations added (stages never mutate a document). Cheaper than
        ``dataclasses.replace`` (each stage makes one): the new copy's fields are set directly, and nothing derived
        from the old one (the cached sentence starts) is carried over."""
        unknown = changes.keys() - _DOCUMENT_FIELDS
        if unknown:
            raise TypeError(f"Document has no field(s) {sorted(unknown)}")
        new = object.__new__(Document)
        state = new.__dict__
        state.update(self.__dict__)
        state.pop("_sentence_starts", None)
        state.update(changes)
        return new

    @property
    def normalized(self) -> NormalizedText:
        if self.norm is None:
            raise ValueError("the document has not been normalized yet: run the segmentation stage first")
        return self.norm

    def span(self, nstart: int, nend: int) -> Span:
        """The original-text span of the normalized range ``[nstart, nend)``."""
        start, end = self.normalized.to_original(nstart, nend)
        return Span(self.text[start:end], start, end)

    def sentence_of(self, npos: int) -> int:
        """Index of the sentence containing normalized position ``npos`` (the nearest one before it)."""
        return max(0, bisect_right(self._sentence_starts, npos) - 1)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.nstart for s in self.sentences]

    def to_record(self) -> Record:
        return Record(
            doc_id=self.doc_id,
            date=self.date,
            language=self.language,
            reported_by=self.reported_by,
            events=self.events,
            entities=self.entities,
            text=self.text,
            topics=self.topics,
        )


_DOCUMENT_FIELDS = frozenset(f.name for f in fields(Document))


@dataclass(frozen=True, slots=True)
class Record:
    """The result for one document: what the contract's JSON line says, typed."""

    doc_id: str
    date: date | None
    language: str
    reported_by: ReportedBy | None
    events: tuple[Event, ...]
    entities: tuple[Entity, ...]
    text: str = field(repr=False, default="")
    topics: tuple[str, ...] = ()  # the document's topics, most named first (an addition to the contract)

    def to_dict(self, include_status: bool = False) -> dict[str, Any]:
        """The contract JSON object (../shared/EVENT_FORMAT.md)."""
        from hadath.serialize import record_to_dict

        return record_to_dict(self, include_status=include_status)

    def to_json(self, include_status: bool = False, indent: int | None = None) -> str:
        from hadath.serialize import record_to_json

        return record_to_json(self, include_status=include_status, indent=indent)
