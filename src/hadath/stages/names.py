"""Stage 4b: names no lexicon knows, found by the statistical NER tagger (:mod:`hadath.ner`).

The CRF costs about 50 microseconds a token in Python features, several times the rest of the pipeline, so it is
run only where a name matters to an event and the lexicons left a gap: on a window of words around a role title
or an honorific whose neighbours no lexicon names ("خالد محمد العلي، وزير الخارجية الكويتي"، "وزير الخارجية
الأردني أيمن ..."), and after a verb trigger whose next word no lexicon names (its subject or its object). Each
window is a run of whitespace tokens (the tokenization the model was trained on) cut at the sentence's bounds.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from hadath.document import Document, Mention, NerName
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import ENTITY_KINDS
from hadath.ner.model import NerTagger
from hadath.ner.scoring import entities

#: Words tagged on each side of a title or a trigger.
WINDOW = 6
#: Entity types kept (MISC is not an actor).
KEPT_TYPES = frozenset({"PERS", "ORG", "LOC"})
#: Whitespace tokens as in ANERcorp: runs of letters and marks, or one punctuation sign.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+|[^\w\s]")


class NameTagger:
    """Requires: ``tokens``, ``mentions``. Adds: ``ner_names`` (persons, organizations and places the tagger
    finds in the windows where the lexicons left a gap)."""

    def __init__(self, lexicons: Lexicons, tagger: NerTagger | None = None) -> None:
        self.lex = lexicons
        self.tagger = tagger or NerTagger(lexicons=lexicons)
        self.function_words = lexicons.cue_forms("function")
        self.name_words = frozenset(w for p in lexicons.persons for f in p.forms for w in normalize(f).split())

    def __call__(self, doc: Document) -> Document:
        return doc.with_(ner_names=tuple(self.find(doc)))

    def windows(self, doc: Document) -> list[tuple[int, int]]:
        """Pure: the normalized ranges worth tagging, merged, each inside one sentence."""
        covered = sorted((m.nstart - len(m.prefix), m.nend) for m in doc.mentions if m.kind in ENTITY_KINDS)
        starts = [a for a, _ in covered]
        tokens = doc.tokens
        token_starts = [t.nstart for t in tokens]

        def unknown_word(i: int) -> bool:
            if not 0 <= i < len(tokens):
                return False
            t = tokens[i]
            if t.kind not in ("word", "clitic") or t.norm in self.function_words:
                return False
            k = bisect_right(starts, t.nstart) - 1
            return not (k >= 0 and covered[k][0] <= t.nstart < covered[k][1])

        person_starts = {m.nstart for m in doc.mentions if m.kind == "person"}
        person_ends = {m.nend for m in doc.mentions if m.kind == "person"}

        def person_at(i: int) -> bool:
            return 0 <= i < len(tokens) and tokens[i].nstart in person_starts

        def person_before(i: int) -> bool:
            k = i - 1 if i >= 1 and tokens[i - 1].norm == "," else i
            return k >= 1 and tokens[k - 1].nend in person_ends

        anchors: list[Mention] = []
        for m in doc.mentions:
            if m.kind == "title" and m.entry.kind in ("role", "honorific"):
                first = bisect_left(token_starts, m.nstart)
                after = bisect_left(token_starts, m.nend)
                # "، TITLE": the name before the comma; "TITLE [DEMONYM] NAME" / "HONORIFIC NAME": after it; a title
                # next to a name a lexicon knows ("طارق أحمد، وزير الدولة لشؤون ...") has its person
                if person_before(first) or person_at(after) or person_at(after + 1):
                    continue
                before_comma = first >= 2 and tokens[first - 1].norm == "," and unknown_word(first - 2)
                demonym_after = 0 <= after < len(tokens) and not unknown_word(after)
                if before_comma or unknown_word(after) or (demonym_after and unknown_word(after + 1)):
                    anchors.append(m)
            elif m.kind == "trigger" and m.entry.pos == "verb":
                after = bisect_left(token_starts, m.nend)
                if unknown_word(after) and tokens[after].norm not in self.name_words:
                    anchors.append(m)
        ranges: list[tuple[int, int]] = []
        for m in anchors:
            si = doc.sentence_of(m.nstart)
            sent = doc.sentences[si]
            first = bisect_left(token_starts, m.nstart)
            last = bisect_left(token_starts, m.nend)
            lo = tokens[max(first - WINDOW, bisect_left(token_starts, sent.nstart))].nstart
            hi_i = min(last + WINDOW, bisect_left(token_starts, sent.nend)) - 1
            hi = tokens[hi_i].nend if hi_i >= 0 else m.nend
            if ranges and lo <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
            else:
                ranges.append((lo, max(hi, m.nend)))
        return ranges

    def find(self, doc: Document) -> list[NerName]:
        text = doc.normalized.text
        out: list[NerName] = []
        for lo, hi in self.windows(doc):
            words = [(w.start() + lo, w.end() + lo) for w in _TOKEN.finditer(text[lo:hi])]
            if not words:
                continue
            tags = self.tagger.tag([text[a:b] for a, b in words])
            for ent in entities(tags):
                if ent.type not in KEPT_TYPES:
                    continue
                nstart, nend = words[ent.start][0], words[ent.end - 1][1]
                first = text[nstart : words[ent.start][1]]
                if first.startswith("و") and len(first) > 3 and first not in self.name_words:
                    nstart += 1  # "وسيرجي فيرشينين": the conjunction is not part of the name
                out.append(NerName(nstart, nend, ent.type))
        return out
