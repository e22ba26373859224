"""Statistical named-entity recognition: a CRF over whitespace tokens, trained on ANERcorp (PERS, LOC, ORG, MISC).

``NerTagger().tag(tokens)`` gives IOB tags; :mod:`hadath.ner.conll` reads and writes CoNLL files and
:mod:`hadath.ner.scoring` scores tag sequences at the entity level as conlleval does. The model is read on first
use, not at import.
"""

from __future__ import annotations

from hadath.ner.conll import ConllSentence, ConllToken, read_conll, write_scored
from hadath.ner.model import NerTagger
from hadath.ner.scoring import Entity, NerScores, entities, score

__all__ = [
    "ConllSentence",
    "ConllToken",
    "Entity",
    "NerScores",
    "NerTagger",
    "entities",
    "read_conll",
    "score",
    "write_scored",
]
