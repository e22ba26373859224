"""Token features for the statistical NER tagger (a linear-chain CRF over whitespace tokens).

Features are plain strings (``w=الصفدي``, ``gaz=person:B``): binary attributes that the CRF weighs. They describe
each token by its normalized form (:func:`hadath.lang.ar.normalize.normalize`), its form with proclitics stripped
(``وبالقاهرة`` -> ``قاهره``), its affixes and shape, its membership of hadath's own lexicons (persons and the words
of their names, titles, countries, demonyms and capitals, organizations) and the words around it: a title before
it (``وزير الخارجية ... أيمن``), a reporting verb (``قال``, ``أعلن``) shortly before it, and the same word
features of its neighbours in a window.

The extractor is pure: the same tokens and lexicons always give the same features, so a model trained by
``tools/train_ner.py`` sees at run time exactly what it saw in training. :class:`FeatureConfig` is stored with
the model (window, affix length) and read back when the model is loaded.
"""

from __future__ import annotations

import gzip
import hashlib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hadath.coding.words import clusters
from hadath.coding.words import stem as light_stem
from hadath.errors import ResourceError
from hadath.lang.ar.chars import ARABIC_LETTERS
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokenize import PROCLITICS
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import Gazetteer, Match

#: Version of the feature set; a model records the version it was trained with and is refused by another one.
#: 2: word clusters learned from raw SaudiNewsNet text (``hadath.coding.words.clusters``).
#: 3: the NER tagger's own clusters of raw news at four sizes, the gazetteer of towns and the words announcing a name.
FEATURE_VERSION = 3

#: Proclitics stripped for the stem feature (the future prefix س is left out: it only precedes verbs).
NOUN_PROCLITICS: tuple[str, ...] = tuple(sorted((p for p in PROCLITICS if "س" not in p), key=len, reverse=True))
_ARTICLE = "ال"
_ARABIC = frozenset(ARABIC_LETTERS)
#: Shortest stem left after stripping proclitics (``ولد`` is no و + لد).
MIN_STEM = 3
RARE_MIN_STEM = 4
#: Title kinds that announce a name next to them (``وزير الخارجية``, ``الشيخ``), as gazetteer labels.
_NAME_TITLE_PREFIXES = ("title:role", "title:honorific")
#: Cue kinds that announce a speaker (``قال``, ``أعلن``, ``من جانبه``).
_SPEAKER_CUES = frozenset({"attribution", "speaker"})
#: How many distinct tokens the extractor keeps the own features of.
FEATURE_CACHE_SIZE = 100_000
#: How far back a reporting verb or trigger verb still counts as context of a token.
_CONTEXT_REACH = 3
#: The NER tagger's own word clusters (``tools/build_ner_clusters.py``) and their sizes, coarse to fine.
NER_CLUSTERS_FILE = Path(__file__).resolve().parent.parent / "resources" / "ner" / "word_clusters.tsv.gz"
NER_CLUSTER_SIZES: tuple[int, ...] = (32, 128, 512, 2048)
#: Cue kinds of hadath's lexicon whose words announce a name next to them (``مدينة``, ``شركة``, ``جامعة``, ``فيلم``).
_NAME_CUES = ("place_noun", "business_noun", "named_after", "title_noun")


@cache
def ner_clusters(path: Path = NER_CLUSTERS_FILE) -> dict[str, tuple[str, ...]]:
    """``light stem -> cluster id at each size of`` :data:`NER_CLUSTER_SIZES`; empty if the file is missing."""
    out: dict[str, tuple[str, ...]] = {}
    if not path.exists():
        return out
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 1 + len(NER_CLUSTER_SIZES):
                raise ResourceError(str(path), number, f"expected a stem and {len(NER_CLUSTER_SIZES)} cluster numbers")
            out[parts[0]] = tuple(parts[1 : 1 + len(NER_CLUSTER_SIZES)])
    return out


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How many neighbours a token sees (``window`` on each side), how long its prefixes and suffixes are
    (``affix``), the longest character n-grams of its stem (``ngrams``, from 2; 0 for none), and whether the word
    clusters learned from raw news describe a token and its neighbours (``clusters``: 1 or 0).

    ``ner_clusters``: the NER tagger's own clusters of raw news (:func:`ner_clusters`): 0 none; 1 the token's
    cluster at every size and its neighbours' at the second size; 2 the neighbours' at the third size too; 3 at
    the fourth (finest) too.
    ``cluster_window``: how far the neighbours' clusters are seen (beyond ``window``, clusters only).
    ``places``: 1 marks the towns and regions of hadath's gazetteer (``places.tsv``) and the words that announce
    a name (``مدينة``, ``شركة``, ``جامعة``, ``فيلم``: the cue kinds of :data:`_NAME_CUES`).
    """

    window: int = 1
    affix: int = 4
    ngrams: int = 4
    clusters: int = 1
    ner_clusters: int = 3
    cluster_window: int = 1
    places: int = 1
    version: int = FEATURE_VERSION

    def as_dict(self) -> dict[str, int]:
        return {
            "window": self.window, "affix": self.affix, "ngrams": self.ngrams, "clusters": self.clusters,
            "ner_clusters": self.ner_clusters, "cluster_window": self.cluster_window, "places": self.places,
            "version": self.version,
        }  # fmt: skip


def strip_proclitics(word: str, known: frozenset[str] = frozenset()) -> tuple[str, str]:
    """Split a normalized word into (proclitics, stem).

    A word of ``known`` (hadath's lexicon vocabulary) stays whole (``فلسطين``) unless it starts with the article
    (``البحرين`` -> (``ال``, ``بحرين``), like ``والبحرين``); otherwise the longest proclitic
    sequence whose stem is known wins (``وبالقاهره`` -> (``وبال``, ``قاهره``), ``للامم`` -> (``لل``, ``امم``)), else
    the longest one that leaves at least :data:`MIN_STEM` letters (:data:`RARE_MIN_STEM` after ف and ك, which
    begin many names: ``فادي``, ``كمال``). ``ولد`` -> ("", ``ولد``). The stem is a feature, not an analysis:
    ``وليد`` gives ``ليد`` and the model learns how far to trust it.
    """
    if word in known and not word.startswith(("ال", "لل")):
        return "", word
    fallback: tuple[str, str] | None = None
    for prefix in NOUN_PROCLITICS:
        stem = word[len(prefix) :]
        if not word.startswith(prefix) or len(stem) < (RARE_MIN_STEM if prefix[0] in "فك" else MIN_STEM):
            continue
        if stem in known or _ARTICLE + stem in known:
            return prefix, stem
        fallback = fallback or (prefix, stem)
    return fallback or ("", word)


def word_shape(token: str) -> str:
    """A coarse class of the raw token: ``num`` (only digits), ``punct``, ``latin``, ``arabic``, ``mixed``
    (letters and digits, such as ``اعتداءات11``) or ``other``."""
    letters = [c for c in token if unicodedata.category(c)[0] in "LN"]
    if not letters:
        return "punct" if any(unicodedata.category(c)[0] in "PS" for c in token) else "other"
    if all(c.isdigit() for c in letters):
        return "num"
    if any(c.isdigit() for c in letters):
        return "mixed"
    if all(c in _ARABIC for c in letters):
        return "arabic"
    if all(c.isascii() for c in letters):
        return "latin"
    return "other"


@dataclass(frozen=True)
class NerLexicon:
    """What the features know from hadath's lexicons: one automaton over their forms, the single words of
    person names, and the name prefixes (``عبد``, ``أبو``, ``بن``). Build it with :meth:`from_lexicons`."""

    gazetteer: Gazetteer
    vocabulary: frozenset[str]
    name_words: frozenset[str]
    name_prefixes: frozenset[str]
    fingerprint: str = field(default="")
    #: normalized words of the cue kinds of :data:`_NAME_CUES` -> their kinds (``مدينه`` -> place_noun, named_after)
    name_cues: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_lexicons(cls, lexicons: Lexicons) -> NerLexicon:
        """The features' view of ``lexicons``. Its fingerprint hashes every form the features read, so that a
        model can tell whether the lexicons changed since it was trained."""
        prefixes = lexicons.cue_forms("name_prefix")
        forms = sorted(
            {f"person\t{f}" for p in lexicons.persons for f in p.forms}
            | {f"title:{t.kind}\t{t.form}" for t in lexicons.titles}
            | {f"{c.kind}\t{c.form}" for c in lexicons.country_forms}
            | {f"org:{o.org.kind}\t{o.form}" for o in lexicons.org_forms}
            | {f"group\t{g.form}" for g in lexicons.groups}
            | {f"cue:{c.kind}\t{c.form}" for c in lexicons.cues if c.kind in _SPEAKER_CUES | {"name_prefix"}}
            | {f"trigger:{t.pos}\t{t.form}" for t in lexicons.triggers}
            | {f"place\t{p.form}" for p in lexicons.places}
            | {f"cue:{c.kind}\t{c.form}" for c in lexicons.cues if c.kind in _NAME_CUES}
        )
        vocabulary: set[str] = set()
        for form in forms:
            parts = normalize(form.split("\t")[1]).split()
            # as the tokenizer's vocabulary: a short word inside a multi-word name is no word of its own
            vocabulary.update(w for w in parts if len(w) > 1 and (len(parts) == 1 or len(w) > 3))
        names: set[str] = set()
        for person in lexicons.persons:
            for form in person.forms:
                names.update(w for w in normalize(form).split() if len(w) > 2 and w not in prefixes)
        digest = hashlib.sha256("\n".join(forms).encode("utf-8")).hexdigest()[:16]
        cues: dict[str, list[str]] = {}
        for kind in _NAME_CUES:
            for form in sorted(lexicons.cue_forms(kind)):
                cues.setdefault(form, []).append(kind)
        return cls(
            Gazetteer(lexicons), frozenset(vocabulary), frozenset(names), prefixes, digest,
            {w: tuple(k) for w, k in cues.items()},
        )  # fmt: skip


def _match_label(m: Match, places: bool = False) -> str | None:
    """The gazetteer feature name of a match, or None for kinds the tagger ignores (topics, dates, most cues, and
    places of the gazetteer of towns and regions unless ``places``)."""
    if m.kind in ("person", "country", "demonym", "capital", "group") or (places and m.kind == "place"):
        return m.kind
    if m.kind == "org":
        return "agency" if m.entry.org.kind == "agency" else "org"
    if m.kind == "title":
        return f"title:{m.entry.kind}"
    if m.kind == "trigger":
        return f"trigger:{m.entry.pos}"
    if m.kind == "cue" and m.entry.kind in _SPEAKER_CUES:
        return "speaker"
    return None


@dataclass(frozen=True, slots=True)
class _Token:
    """What the features of one token are computed from."""

    norm: str
    proclitic: str
    stem: str
    shape: str
    gaz: tuple[str, ...]  # "kind:B" / "kind:I" for every lexicon match covering the token
    ends: frozenset[str]  # kinds of the lexicon matches that end on the token
    cluster: tuple[str, str] | None  # (coarse, fine) word cluster of its light stem, None for a word never seen
    ner_cluster: tuple[str, ...] | None  # its light stem's NER clusters (coarse to fine), None for a word never seen


class FeatureExtractor:
    """Turns a sentence (a sequence of whitespace tokens) into one list of feature strings per token."""

    def __init__(self, lexicon: NerLexicon, config: FeatureConfig = FeatureConfig()) -> None:
        self.lexicon = lexicon
        self.config = config
        # a token's own features depend on it alone: computed once per distinct token (names and titles recur
        # from one report to the next); bounded, emptied when full
        self._own_cache: dict[_Token, list[str]] = {}
        self._split_cache: dict[str, tuple[str, str]] = {}
        self._clusters = clusters() if config.clusters else {}
        self._ner_clusters = ner_clusters() if config.ner_clusters else {}
        if config.ner_clusters and not self._ner_clusters:
            raise ResourceError(str(NER_CLUSTERS_FILE), None, "the NER word clusters are missing; build them with "
                                "tools/build_ner_clusters.py")  # fmt: skip

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Features of every token of one sentence, in order."""
        info = self._analyse(tokens)
        context = self._context(info)
        reach = max(self.config.window, self.config.cluster_window)
        out: list[list[str]] = []
        for i, tok in enumerate(info):
            own = self._own_cache.get(tok)
            if own is None:
                if len(self._own_cache) >= FEATURE_CACHE_SIZE:
                    self._own_cache.clear()
                own = self._own_cache[tok] = self._own(tok)
            feats = ["bias", *own, *context[i]]
            for off in range(-reach, reach + 1):
                if off == 0:
                    continue
                j = i + off
                if 0 <= j < len(info):
                    feats.extend(f"{off}:{f}" for f in self._neighbour(info[j], abs(off)))
                else:
                    feats.append(f"{off}:{'BOS' if j < 0 else 'EOS'}")
            if i > 0:
                feats.append(f"w-1|w={info[i - 1].norm}|{tok.norm}")
            if i + 1 < len(info):
                feats.append(f"w|w+1={tok.norm}|{info[i + 1].norm}")
            out.append(feats)
        return out

    def sentences(self, sentences: Iterable[Sequence[str]]) -> list[list[list[str]]]:
        return [self.sentence(s) for s in sentences]

    def _analyse(self, tokens: Sequence[str]) -> list[_Token]:
        norms = [normalize(t).replace(" ", "") or "_" for t in tokens]
        split = [self._split(n) for n in norms]
        gaz, ends = self._gazetteer(norms, [stem for _, stem in split])
        return [
            _Token(
                norm,
                proclitic,
                stem,
                word_shape(raw),
                tuple(sorted(kinds)),
                frozenset(end),
                self._clusters.get(light_stem(norm)) if self._clusters else None,
                self._ner_clusters.get(light_stem(norm)) if self._ner_clusters else None,
            )
            for raw, norm, (proclitic, stem), kinds, end in zip(tokens, norms, split, gaz, ends, strict=True)
        ]

    def _split(self, norm: str) -> tuple[str, str]:
        found = self._split_cache.get(norm)
        if found is None:
            if len(self._split_cache) >= FEATURE_CACHE_SIZE:
                self._split_cache.clear()
            found = self._split_cache[norm] = strip_proclitics(norm, self.lexicon.vocabulary)
        return found

    def _gazetteer(self, norms: list[str], stems: list[str]) -> tuple[list[set[str]], list[set[str]]]:
        """For each token, the lexicon kinds whose forms cover it, with B (first token) or I (inside), and the
        kinds whose forms end on it."""
        starts: list[int] = []
        pos = 0
        for norm in norms:
            starts.append(pos)
            pos += len(norm) + 1
        text = " ".join(norms)
        index = [0] * (len(text) + 1)
        for i, start in enumerate(starts):
            for c in range(start, start + len(norms[i]) + 1):
                index[c] = i
        kinds: list[set[str]] = [set() for _ in norms]
        ends: list[set[str]] = [set() for _ in norms]
        places = bool(self.config.places)
        for m in self.lexicon.gazetteer.find(text):
            label = _match_label(m, places)
            if label is None:
                continue
            first, last = index[m.start], index[m.end - 1]
            kinds[first].add(f"{label}:B")
            ends[last].add(label)
            for k in range(first + 1, last + 1):
                kinds[k].add(f"{label}:I")
        for i, (norm, stem) in enumerate(zip(norms, stems, strict=True)):
            if norm in self.lexicon.name_words or stem in self.lexicon.name_words:
                kinds[i].add("name_word")
            if norm in self.lexicon.name_prefixes:
                kinds[i].add("name_prefix")
            if places:
                for kind in self.lexicon.name_cues.get(norm, ()) or self.lexicon.name_cues.get(stem, ()):
                    kinds[i].add(f"cue:{kind}")
        return kinds, ends

    def _own(self, tok: _Token) -> list[str]:
        norm, n = tok.norm, self.config.affix
        feats = [f"w={norm}", f"stem={tok.stem}", f"pro={tok.proclitic}", f"shape={tok.shape}"]
        feats += [f"p{k}={norm[:k]}" for k in range(1, n + 1) if len(norm) > k]
        feats += [f"s{k}={norm[-k:]}" for k in range(1, n + 1) if len(norm) > k]
        feats += [f"ss{k}={tok.stem[-k:]}" for k in range(2, n + 1) if len(tok.stem) > k]
        feats.append(f"len={min(len(tok.stem), 8)}")
        if self.config.ngrams:
            padded = f"<{tok.stem}>"
            feats += list(
                dict.fromkeys(
                    f"g{k}={padded[j : j + k]}"
                    for k in range(2, self.config.ngrams + 1)
                    for j in range(len(padded) - k + 1)
                )
            )
        feats += [f"gaz={g}" for g in tok.gaz]
        if tok.cluster is not None:
            feats += [f"c64={tok.cluster[0]}", f"c512={tok.cluster[1]}"]
        elif self._clusters and tok.shape == "arabic":
            feats.append("c64=none")  # a word raw news never showed often: names are many of them
        if tok.ner_cluster is not None:
            feats += [f"n{size}={c}" for size, c in zip(NER_CLUSTER_SIZES, tok.ner_cluster, strict=True)]
        elif self._ner_clusters and tok.shape == "arabic":
            feats.append("n=none")
        return feats

    def _neighbour(self, tok: _Token, distance: int) -> list[str]:
        """Features of a neighbour ``distance`` tokens away: its words and lexicon kinds within ``window``, its
        word clusters within ``cluster_window``."""
        feats: list[str] = []
        if distance <= self.config.window:
            feats += [f"w={tok.norm}", f"stem={tok.stem}", f"shape={tok.shape}"]
            if len(tok.norm) > 2:
                feats.append(f"s2={tok.norm[-2:]}")
            feats += [f"gaz={g}" for g in tok.gaz]
        if distance <= self.config.cluster_window:
            if tok.cluster is not None:
                feats.append(f"c64={tok.cluster[0]}")
            if tok.ner_cluster is not None:
                # coarse classes of the neighbours; with ner_clusters 2 a finer one too
                for k in range(1, 1 + min(self.config.ner_clusters, len(NER_CLUSTER_SIZES) - 1)):
                    feats.append(f"n{NER_CLUSTER_SIZES[k]}={tok.ner_cluster[k]}")
        return feats

    def _context(self, info: list[_Token]) -> list[list[str]]:
        """Title and reporting context: a title ending just before the token (a demonym or country may stand
        between, ``وزير الخارجية الأردني أيمن``), a title starting just after it (``الصفدي، وزير ...``), a
        reporting cue or a verb trigger in the few words before it."""
        n = len(info)
        is_title = [any(g.startswith(_NAME_TITLE_PREFIXES) for g in t.gaz) for t in info]
        title_end = [any(g.startswith(_NAME_TITLE_PREFIXES) for g in t.ends) for t in info]
        is_place = [any(g.startswith(("country:", "demonym:")) for g in t.gaz) for t in info]
        speaker = [any(g.startswith("speaker:") for g in t.gaz) for t in info]
        verb = [any(g.startswith("trigger:verb:") for g in t.gaz) for t in info]
        out: list[list[str]] = [[] for _ in info]
        for i in range(n):
            feats = out[i]
            j = i - 1
            while j >= 0 and is_place[j] and not title_end[j] and i - j <= 3:
                j -= 1
            if j >= 0 and title_end[j] and not is_title[i]:
                feats.append("ctx=title_before" if j == i - 1 else "ctx=title_place_before")
            k = i + 1
            if k < n and info[k].shape == "punct":
                k += 1
            if k < n and is_title[k] and not is_title[i]:
                feats.append("ctx=title_after")
            for back in range(1, _CONTEXT_REACH + 1):
                if i - back < 0:
                    break
                if speaker[i - back]:
                    feats.append(f"ctx=speaker-{back}")
                if verb[i - back]:
                    feats.append(f"ctx=verb-{back}")
        return out
