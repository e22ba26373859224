"""Pipeline configuration: one frozen object passed to the pipeline and its stages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Documents longer than this (in characters) are rejected rather than processed slowly.
MAX_DOCUMENT_CHARS = 1_000_000


@dataclass(frozen=True)
class PipelineConfig:
    """Options of the extraction pipeline.

    - ``include_nonfactual``: also emit negated, planned, hypothetical and background events, with ``status``.
    - ``max_chars``: the largest document accepted.
    - ``resource_dir``: a folder of lexicons to use instead of the packaged ones.
    - ``romanize``: spell the names of persons no knowledge base knows in Latin letters (``name`` with
      ``name_source: "romanized"``); with ``False`` their ``name`` is ``null``.
    - ``ner``: let the statistical NER tagger find persons and organizations the lexicons do not know (off by
      default: it costs about a quarter of extraction time; ``hadath extract --ner`` turns it on).
    - ``coder``: the event coder: ``rules`` (the hand-written rules of :mod:`hadath.stages.events`; the default,
      as the learned coder does not yet beat them on the dev split) or ``learned`` (trigger detection, factuality
      and argument linking trained on annotated real news, the rules as their features and fallbacks;
      :mod:`hadath.coding.learned`).
    - ``explain``: keep each learned component's output (``hadath extract --explain``).
    """

    include_nonfactual: bool = False
    max_chars: int = MAX_DOCUMENT_CHARS
    resource_dir: Path | None = None
    romanize: bool = True
    ner: bool = False
    coder: str = "rules"
    explain: bool = False
