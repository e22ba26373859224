"""Features of the learned event components, read off a document the rule stages have analysed.

One :class:`DocView` per document indexes its tokens, lexicon matches, actors and the rules' candidates by token, so
that the three feature functions (a token for trigger detection, a token relative to a trigger for argument
linking, a trigger in its context for factuality) are cheap. The models are versioned against this code by
:data:`FEATURE_VERSION`: change any feature and the models must be retrained (``tools/train_coder.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from hadath.coding.words import clusters, stem
from hadath.document import ActorMention, Document, Mention, Token
from hadath.stages._nav import TokenIndex

FEATURE_VERSION = 2

#: Words that mark what follows as not (yet) done, or said of the past, looked up as normalized stems.
_FUTURE_PREFIXES = ("سي", "ست", "سن")
_NUMBER_BUCKETS = (1, 2, 3, 4, 6, 10, 20)


def _bucket(n: int) -> str:
    for b in _NUMBER_BUCKETS:
        if n <= b:
            return str(b)
    return "far"


@lru_cache(maxsize=200_000)
def _own_features(norm: str, kind: str) -> tuple[tuple[str, ...], bool]:
    """A token's features that depend on its form alone (computed once per distinct form: news repeats its words)."""
    st = stem(norm)
    c64, c512 = clusters().get(st, ("-", "-"))
    own = ("b", f"w={norm}", f"st={st}", f"k={kind}", f"p2={st[:2]}", f"p3={st[:3]}", f"s2={norm[-2:]}",
           f"s3={norm[-3:]}", f"c64={c64}", f"c512={c512}")  # fmt: skip
    return own, norm[:2] in _FUTURE_PREFIXES and len(norm) > 4


@lru_cache(maxsize=200_000)
def _near_features(norm: str, off: int) -> tuple[str, ...]:
    """A neighbour's features seen from ``off`` tokens away, once per distinct form and offset."""
    st = stem(norm)
    c64, c512 = clusters().get(st, ("-", "-"))
    if off in (-1, 1):
        return (f"{off}:st={st}", f"{off}:c64={c64}", f"{off}:w={norm}", f"{off}:c512={c512}")
    return (f"{off}:st={st}", f"{off}:c64={c64}")


def mention_country(m: Mention) -> str | None:
    """The state a lexicon match names (a country, demonym, capital, place, organization's home), if any."""
    e = m.entry
    if m.kind in ("country", "demonym", "capital"):
        return str(e.iso3)
    if m.kind == "place" and isinstance(e, tuple) and e:
        first = e[0]
        place = getattr(first, "place", first)
        return getattr(place, "country", None)
    return None


@dataclass
class DocView:
    """A document with everything the features need, indexed by token."""

    doc: Document
    rule_candidates: list[object] = field(default_factory=list)

    def __post_init__(self) -> None:
        doc = self.doc
        self.tokens: list[Token] = list(doc.tokens)
        self.nav = TokenIndex(doc)
        n = len(self.tokens)
        self.lex: list[list[str]] = [[] for _ in range(n)]
        self.rule_trigger: list[str | None] = [None] * n
        self.trigger_mention: list[Mention | None] = [None] * n
        self.token_country: list[str | None] = [None] * n
        for m in doc.mentions:
            for i, bio in self._covered(m.nstart, m.nend):
                kind = m.kind
                if kind == "cue":
                    self.lex[i].append(f"cue={m.entry.kind}")
                elif kind == "trigger":
                    self.rule_trigger[i] = f"{bio}-{m.entry.type}"
                    if self.trigger_mention[i] is None:
                        self.trigger_mention[i] = m
                    self.lex[i].append(f"trig={m.entry.type}:{m.entry.pos}")
                elif kind == "group":
                    self.lex[i].append(f"group={m.entry.sector}")
                elif kind == "title":
                    self.lex[i].append(f"title={m.entry.sector}")
                else:
                    self.lex[i].append(f"lex={kind}")
                country = mention_country(m)
                if country is not None and self.token_country[i] is None:
                    self.token_country[i] = country
        self.actor_at: list[ActorMention | None] = [None] * n
        self.actor_bio: list[str | None] = [None] * n
        for a in doc.actors:
            for i, bio in self._covered(a.nstart, a.nend):
                if self.actor_at[i] is None:
                    self.actor_at[i] = a
                    self.actor_bio[i] = bio
        self.sent_of = [doc.sentence_of(t.nstart) for t in self.tokens]
        self.sentence_tokens: list[list[int]] = [[] for _ in doc.sentences]
        for i, s in enumerate(self.sent_of):
            if self.sentence_tokens:
                self.sentence_tokens[s].append(i)
        self.sentence_dates: dict[int, list[date]] = {}
        for d in doc.dates:
            self.sentence_dates.setdefault(doc.sentence_of(d.nstart), []).append(d.value)
        self.stems = [stem(t.norm) for t in self.tokens]
        cl = clusters()
        self.cl = [cl.get(s, ("-", "-")) for s in self.stems]
        # the document's main state: the one named most, its first two sentences counting three times
        counts: Counter[str] = Counter()
        for i, c in enumerate(self.token_country):
            if c:
                counts[c] += 3 if self.sent_of[i] < 2 else 1
        self.main_country: str | None = counts.most_common(1)[0][0] if counts else None
        self.rules_by_token: dict[int, list[object]] = {}
        for cand in self.rule_candidates:
            trig = cand.trigger  # type: ignore[attr-defined]
            for i in self.token_span(trig.nstart, trig.nend):
                self.rules_by_token.setdefault(i, []).append(cand)

    def token_span(self, nstart: int, nend: int) -> list[int]:
        """Indices of the tokens overlapping normalized offsets [nstart, nend), in order."""
        return sorted(self.nav.tokens_covered([(nstart, nend)]))

    def _covered(self, nstart: int, nend: int) -> list[tuple[int, str]]:
        """:meth:`token_span` with each token's BIO position in the span."""
        return [(i, "B" if k == 0 else "I") for k, i in enumerate(self.token_span(nstart, nend))]

    def tokens_of_span(self, start: int, end: int) -> list[int]:
        """Indices of the tokens overlapping original offsets [start, end)."""
        return [i for i, t in enumerate(self.tokens) if t.start < end and start < t.end]

    # ------------------------------------------------------------------ trigger detection
    def token_features(self, i: int) -> list[str]:
        t = self.tokens[i]
        own, future = _own_features(t.norm, t.kind)
        f = [*own, f"rt={self.rule_trigger[i]}", *self.lex[i]]
        if future:
            f.append("fut_prefix")
        ab = self.actor_bio[i]
        if ab is not None:
            a = self.actor_at[i]
            assert a is not None
            f.append(f"actor={ab}-{a.kind}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < len(self.tokens) and self.sent_of[j] == self.sent_of[i]:
                f += _near_features(self.tokens[j].norm, off)
                if off in (-1, 1):
                    f.append(f"{off}:rt={self.rule_trigger[j]}")
            else:
                f.append(f"{off}:edge")
        return f

    def sentence_features(self, s: int) -> list[list[str]]:
        return [self.token_features(i) for i in self.sentence_tokens[s]]

    # ------------------------------------------------------------------ argument linking
    def argument_features(self, s: int, trig: tuple[int, int], etype: str) -> list[list[str]]:
        """Features of every token of sentence ``s`` relative to the trigger tokens ``trig`` (first, last)."""
        t0, t1 = trig
        rule_src: set[int] = set()
        rule_tgt: set[int] = set()
        for cand in self.rules_by_token.get(t0, []):
            for role, into in (("source", rule_src), ("target", rule_tgt)):
                am = getattr(cand, role)
                if am is not None:
                    into.update(self.token_span(am.nstart, am.nend))
        trig_tokens = [i for i in self.sentence_tokens[s] if (self.rule_trigger[i] or "").startswith("B")]
        out = []
        for i in self.sentence_tokens[s]:
            if i < t0:
                side, dist = "L", t0 - i
            elif i > t1:
                side, dist = "R", i - t1
            else:
                side, dist = "T", 0
            between = sum(1 for k in trig_tokens if min(i, t0) < k < max(i, t1))
            f = [
                "b",
                f"st={self.stems[i]}",
                f"c64={self.cl[i][0]}",
                f"c512={self.cl[i][1]}",
                f"side={side}",
                f"d={side}{_bucket(dist)}",
                f"ty={etype}|{side}",
                f"trbetween={min(between, 2)}",
                *self.lex[i],
            ]
            if self.actor_bio[i] is not None:
                a = self.actor_at[i]
                assert a is not None
                ak = f"{self.actor_bio[i]}-{a.kind}"
                f += [f"actor={ak}", f"actor={ak}|{side}", f"actor={ak}|{etype}|{side}",
                      f"asec={a.actor.sector}|{etype}|{side}", f"actor|d={side}{_bucket(dist)}"]  # fmt: skip
            if self.token_country[i]:
                f.append(f"country|{side}")
            if i in rule_src:
                f.append("rule_src")
            if i in rule_tgt:
                f.append("rule_tgt")
            for off in (-1, -2):
                j = i + off
                if j >= 0 and self.sent_of[j] == s:
                    f.append(f"{off}:w={self.tokens[j].norm}")
            j = i + 1
            if j < len(self.tokens) and self.sent_of[j] == s:
                f.append(f"+1:st={self.stems[j]}")
            out.append(f)
        return out

    # ------------------------------------------------------------------ factuality
    def factuality_features(self, t0: int, t1: int, etype: str) -> list[str]:
        s = self.sent_of[t0]
        toks = self.sentence_tokens[s]
        first = toks[0] if toks else t0
        trig_norm = self.tokens[t0].norm
        f = [
            f"ty={etype}",
            f"st={self.stems[t0]}",
            f"c512={self.cl[t0][1]}",
            f"p1={trig_norm[:1]}",
            f"ty|p1={etype}|{trig_norm[:1]}",
            f"sent={_bucket(s)}",
            f"pos_in_sent={_bucket(t0 - first)}",
        ]
        if trig_norm[:2] in _FUTURE_PREFIXES and len(trig_norm) > 4:
            f.append("fut_prefix")
        for i in range(max(first, t0 - 8), t0):
            f.append(f"L:st={self.stems[i]}")
            f.append(f"L:c512={self.cl[i][1]}")
            f += [f"L:{x}" for x in self.lex[i] if x.startswith(("cue", "trig"))]
        for i in range(t1 + 1, min(t1 + 5, toks[-1] + 1 if toks else t1 + 1)):
            f.append(f"R:st={self.stems[i]}")
            f += [f"R:{x}" for x in self.lex[i] if x.startswith("cue")]
        for x in {x for i in toks for x in self.lex[i] if x.startswith("cue=")}:
            f.append(f"S:{x}")
        for cand in self.rules_by_token.get(t0, []):
            f.append(f"rule_status={cand.status}")  # type: ignore[attr-defined]
        if not self.rules_by_token.get(t0):
            f.append("rule_none")
        day = self.doc.date
        for d in self.sentence_dates.get(s, []):
            if day is None:
                f.append("date=?")
            elif d > day:
                f.append("date=after")
            elif (day - d).days > 30:
                f.append("date=old")
            elif (day - d).days > 3:
                f.append("date=weeks")
            else:
                f.append("date=now")
        return f
