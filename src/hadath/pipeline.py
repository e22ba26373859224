"""The extraction pipeline: lexicons loaded once, stages applied in order, one :class:`Record` per document."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from hadath.config import PipelineConfig
from hadath.document import Document, Record
from hadath.errors import InputError
from hadath.lang.ar.romanize import default_romanizer
from hadath.lexicon.lexicons import Lexicons, load_lexicons
from hadath.stages.actors import ActorRecognizer
from hadath.stages.context import ContextReader
from hadath.stages.coref import Coreference
from hadath.stages.dates import DateResolver
from hadath.stages.events import EventExtractor
from hadath.stages.lookup import Lookup
from hadath.stages.names import NameTagger
from hadath.stages.places import PlaceReader
from hadath.stages.segment import Segmenter

log = logging.getLogger(__name__)

#: The event coders ``PipelineConfig.coder`` can name.
CODERS = ("rules", "learned", "learned-news")


def coder_problem(coder: str) -> str | None:
    """Why ``coder`` names no event coder, or ``None`` when it names one."""
    return None if coder in CODERS else f"unknown event coder {coder!r}; choose one of {', '.join(CODERS)}"


Stage = Callable[[Document], Document]


def outlet_metadata(source: str | None) -> dict[str, Any]:
    """A document's metadata from its input record: the outlet (``source``) that published it, if given."""
    return {"source": source} if source else {}


def parse_date(value: str | date | None, source: str = "date") -> date | None:
    """An ISO date (``2024-06-11``) or date-time (``2024-06-11T08:30:00``), a ``date``, or ``None``;
    anything else is an :class:`InputError`."""
    if value is None or isinstance(value, date):
        return value
    text = value.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(source, f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


class Pipeline:
    """Loads the lexicons once and runs the stages over any number of documents.

    Stages, in order: segment (normalize, sentences, tokens) -> lookup (lexicon matches) -> context (reporting
    agency, home country, dateline, occasion) -> dates -> names (NER, optional) -> actors -> places -> events ->
    coreference.
    """

    def __init__(self, config: PipelineConfig | None = None, lexicons: Lexicons | None = None) -> None:
        self.config = config or PipelineConfig()
        self.lexicons = lexicons or load_lexicons(self.config.resource_dir)
        why = coder_problem(self.config.coder)
        if why is not None:
            raise InputError("coder", why)
        rules = EventExtractor(self.lexicons, self.config)
        events: Stage = rules
        if self.config.coder in ("learned", "learned-news"):
            from hadath.coding.learned import LearnedEventExtractor, load_models

            news = self.config.coder == "learned-news"
            events = LearnedEventExtractor(rules, load_models(), explain=self.config.explain, news=news)
        self.events_stage = events
        self.stages: tuple[Stage, ...] = (
            Segmenter(self.lexicons),
            Lookup(self.lexicons),
            ContextReader(self.lexicons),
            DateResolver(self.lexicons),
            *((NameTagger(self.lexicons),) if self.config.ner else ()),
            ActorRecognizer(self.lexicons, default_romanizer() if self.config.romanize else None),
            PlaceReader(self.lexicons),
            events,
            Coreference(self.lexicons),
        )

    def analyse(self, doc: Document) -> Document:
        """Run the stages before the event stage (what the event coders read)."""
        for stage in self.stages:
            if stage is self.events_stage:
                break
            doc = stage(doc)
        return doc

    def process(self, doc: Document) -> Document:
        """Run every stage over a document and return the fully annotated document."""
        if not doc.text.strip():
            raise InputError(doc.doc_id, "the document has no text; give it a non-empty 'text'")
        if len(doc.text) > self.config.max_chars:
            raise InputError(
                doc.doc_id,
                f"the document has {len(doc.text):,} characters, over the limit of {self.config.max_chars:,}; "
                "split it into articles",
            )
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def extract(
        self, text: str, date: str | date | None = None, doc_id: str = "doc", source: str | None = None
    ) -> Record:
        """Extract the events of one document; ``source`` is its outlet as input records name it (``outlets.tsv``
        gives the state it reports from, whose officials a bare title names)."""
        doc = Document(text=text, doc_id=doc_id, date=parse_date(date), metadata=outlet_metadata(source))
        return self.process(doc).to_record()

    def extract_many(self, items: Iterable[tuple[str, str | date | None, str] | str]) -> Iterator[Record]:
        """Extract from many documents: each item is a text, or a ``(text, date, doc_id)`` triple."""
        for n, item in enumerate(items, start=1):
            if isinstance(item, str):
                yield self.extract(item, None, f"doc-{n}")
            else:
                text, day, doc_id = item
                yield self.extract(text, day, doc_id)


def extract(text: str, date: str | date | None = None, doc_id: str = "doc") -> Record:
    """Extract the events of one document with a default pipeline (build a :class:`Pipeline` to reuse one)."""
    return Pipeline().extract(text, date=date, doc_id=doc_id)
