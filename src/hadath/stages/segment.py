"""Stage 1: normalization, sentences and tokens."""

from __future__ import annotations

from hadath.document import Document, Sentence, Token
from hadath.lang.ar.normalize import Normalizer
from hadath.lang.ar.sentences import SentenceSplitter
from hadath.lang.ar.tokenize import Tokenizer
from hadath.lexicon.lexicons import Lexicons


class Segmenter:
    """Requires: the text. Adds: ``norm`` (offset-preserving normalized view), ``sentences``, ``tokens``."""

    def __init__(self, lexicons: Lexicons, normalizer: Normalizer | None = None) -> None:
        self.normalizer = normalizer or Normalizer()
        self.splitter = SentenceSplitter(lexicons.cue_forms("abbreviation"))
        self.tokenizer = Tokenizer(lexicons.vocabulary())

    def __call__(self, doc: Document) -> Document:
        norm = self.normalizer.normalize(doc.text)
        sentences = []
        for nstart, nend in self.splitter.split(norm.text):
            start, end = norm.to_original(nstart, nend)
            sentences.append(Sentence(start, end, nstart, nend))
        text = doc.text
        raws = self.tokenizer.tokenize(norm.text)
        if norm.offsets is None:  # nothing was deleted: offsets are the same in both texts
            tokens = [Token(r.start, r.end, text[r.start : r.end], r.start, r.end, r.norm, r.kind) for r in raws]
        else:
            tokens = []
            for raw in raws:
                start, end = norm.to_original(raw.start, raw.end)
                tokens.append(Token(start, end, text[start:end], raw.start, raw.end, raw.norm, raw.kind))
        return doc.with_(norm=norm, sentences=tuple(sentences), tokens=tuple(tokens))
