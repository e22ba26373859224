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
        bounds = self.splitter.split(norm.text)
        sentences = tuple(
            Sentence(start, end, nstart, nend)
            for (nstart, nend), (start, end) in zip(bounds, norm.to_original_many(bounds), strict=True)
        )
        text = doc.text
        spans = self.tokenizer.spans(norm.text)
        if norm.offsets is None:  # nothing was deleted: offsets are the same in both texts
            tokens = tuple(Token(s, e, text[s:e], s, e, n, kind) for s, e, n, kind in spans)
        else:
            originals = norm.to_original_many([(s, e) for s, e, _, _ in spans])
            tokens = tuple(
                Token(start, end, text[start:end], s, e, n, kind)
                for (start, end), (s, e, n, kind) in zip(originals, spans, strict=True)
            )
        return doc.with_(norm=norm, sentences=sentences, tokens=tokens)
