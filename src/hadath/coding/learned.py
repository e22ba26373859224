"""The learned event coder: four components behind small protocols, chosen by configuration.

1. Trigger detection (:class:`CrfTriggers`): a CRF over each sentence's tokens tags event mentions with their PLOVER
   type (BIO); the rules' trigger lexicon is one of its features, the word clusters learned from raw news another.
2. Factuality (:class:`LinearFactuality`): a linear model reads each mention in its context and says whether it is
   reported as done (``reported``) or why not (background, planned, negated, hypothetical, nonpolitical, or
   ``none``: not an event mention at all); the rules' status is one of its features.
3. Argument linking (:class:`CrfArguments`): a CRF over the mention's sentence, with features relative to the
   trigger, tags the source and target spans; a span is coded by the actor the rule stages found there, else by
   the lexicon's states in it and a linear model of its sector. No span found: the rules' argument for that
   trigger, if any.
4. Coding (type, mode, CAMEO, location, date, merging repeated mentions): the rules' coder
   (:meth:`EventExtractor.build`), fed the learned candidates.

``PipelineConfig.coder`` picks ``rules`` (the rule extractor alone) or ``learned`` (the default when the models are
present). Models are built by ``tools/train_coder.py`` from the annotated SaudiNewsNet articles; their card is
``resources/models/coder/MODEL_CARD.md``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import pycrfsuite

from hadath.coding.dataset import sector_features
from hadath.coding.features import FEATURE_VERSION, DocView
from hadath.coding.linear import LinearModel
from hadath.document import Actor, ActorMention, Document, Mention
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import Trigger
from hadath.stages.events import Candidate, EventExtractor

MODEL_DIR = Path(__file__).resolve().parent.parent / "resources" / "models" / "coder"
#: Words that never begin an actor's name (normalized).
FUNCTION_WORDS = frozenset(
    normalize(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "عن",
        "أن",
        "إن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "بعد",
        "قبل",
        "خلال",
        "حيث",
        "كما",
        "كان",
        "كانت",
        "قد",
        "لا",
        "لم",
        "لن",
        "ما",
        "أو",
        "ثم",
        "بين",
        "عند",
        "منذ",
        "حتى",
        "اليوم",
        "أمس",
        "أيضا",
        "أنه",
        "أنها",
        "بأن",
        "وأن",
        "فيما",
        "إلا",
        "غير",
        "كل",
        "بعض",
        "عبر",
        "نحو",
        "ضد",
        "لدى",
    ]
)
#: Stems of "coalition" and of the adjectives that tell which one (see ``LearnedEventExtractor._country``).
COALITION = frozenset({"تحالف"})
INTERNATIONAL = frozenset({"دولي"})
ARAB = frozenset({"عربي"})

#: hadath's event statuses for the annotation's
STATUS_OF = {
    "reported": "factual",
    "background": "background",
    "planned": "planned",
    "negated": "negated",
    "hypothetical": "hypothetical",
    "nonpolitical": "generic",
}
#: The annotation's status of each of hadath's that has one (the rules' others, such as reference, have none)
ANNOTATION_STATUS = {v: k for k, v in STATUS_OF.items()}


@dataclass(frozen=True, slots=True)
class DetectedTrigger:
    first: int  # token indices, inclusive
    last: int
    type: str
    confidence: float


@dataclass(frozen=True, slots=True)
class LinkedArgs:
    source: list[int] | None  # token indices of the span
    target: list[int] | None


class TriggerDetector(Protocol):
    def detect(self, view: DocView, threshold: float | None = None) -> list[DetectedTrigger]: ...


class Factuality(Protocol):
    def status(self, view: DocView, trig: DetectedTrigger) -> tuple[str, float]: ...


class ArgumentLinker(Protocol):
    def link(self, view: DocView, trig: DetectedTrigger) -> LinkedArgs: ...


class CrfTriggers:
    """Tags with marginals: a token is a trigger of type T when P(O) falls below ``threshold``, typed by its most
    probable label; a run of such tokens of one type is one mention."""

    def __init__(self, path: Path, threshold: float = 0.5) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.labels = [lab for lab in self.tagger.labels() if lab != "O"]
        self.threshold = threshold

    def detect(self, view: DocView, threshold: float | None = None) -> list[DetectedTrigger]:
        threshold = self.threshold if threshold is None else threshold
        out: list[DetectedTrigger] = []
        for s, toks in enumerate(view.sentence_tokens):
            if not toks:
                continue
            self.tagger.set(view.sentence_features(s))
            run: list[tuple[int, str, float]] = []
            for k, i in enumerate(toks):
                # a clitic, a number or punctuation is never a trigger (and costs no marginal)
                p_o = self.tagger.marginal("O", k) if view.tokens[i].kind == "word" else 1.0
                if 1.0 - p_o < threshold:
                    if run:
                        out.append(self._mention(run))
                        run = []
                    continue
                best = max(self.labels, key=lambda lab: self.tagger.marginal(lab, k))
                etype = best[2:]
                if run and (run[-1][1] != etype or best.startswith("B-")):
                    out.append(self._mention(run))
                    run = []
                run.append((i, etype, 1.0 - p_o))
            if run:
                out.append(self._mention(run))
        return out

    @staticmethod
    def _mention(run: list[tuple[int, str, float]]) -> DetectedTrigger:
        return DetectedTrigger(run[0][0], run[-1][0], run[0][1], min(p for _, _, p in run))


class LinearFactuality:
    def __init__(self, model: LinearModel) -> None:
        self.model = model

    def status(self, view: DocView, trig: DetectedTrigger) -> tuple[str, float]:
        p = self.model.proba(view.factuality_features(trig.first, trig.last, trig.type))
        best = max(p, key=lambda c: p[c])
        return best, p[best]


class CrfArguments:
    """Tags with marginals: the source is the token most likely to begin it (if over ``threshold``: 0 on dev,
    where any threshold lost more right arguments than it saved), extended over the following tokens likely to
    continue it and over the whole actor the rule stages found there; the same for the target."""

    def __init__(self, path: Path, threshold: float = 0.0) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(path))
        self.known = set(self.tagger.labels())
        self.threshold = threshold

    def link(self, view: DocView, trig: DetectedTrigger) -> LinkedArgs:
        s = view.sent_of[trig.first]
        toks = view.sentence_tokens[s]
        self.tagger.set(view.argument_features(s, (trig.first, trig.last), trig.type))
        found: dict[str, list[int] | None] = {}
        taken: set[int] = set(range(trig.first, trig.last + 1))
        for tag in ("SRC", "TGT"):
            b, i_ = f"B-{tag}", f"I-{tag}"
            if b not in self.known:
                found[tag] = None
                continue
            # an argument starts at a content word: a clitic's score passes to the word it is attached to
            # ("ل" + "قوات"), a function word's is dropped
            p_b = [0.0] * len(toks)
            for k, i in enumerate(toks):
                p = self.tagger.marginal(b, k)
                tok = view.tokens[i]
                if tok.kind == "clitic" and k + 1 < len(toks):
                    p_b[k + 1] = max(p_b[k + 1], p)
                elif tok.kind == "word" and tok.norm not in FUNCTION_WORDS and len(tok.norm) > 1:
                    p_b[k] = max(p_b[k], p)
            p_b = [p if view.tokens[i].kind == "word" else 0.0 for p, i in zip(p_b, toks, strict=True)]
            order = sorted(range(len(toks)), key=lambda k: -p_b[k])
            start = next((k for k in order if toks[k] not in taken), None)
            if start is None or p_b[start] <= self.threshold:
                found[tag] = None
                continue
            span = [toks[start]]
            k = start + 1
            while k < len(toks) and i_ in self.known and self.tagger.marginal(i_, k) >= 0.5 and toks[k] not in taken:
                span.append(toks[k])
                k += 1
            taken.update(span)
            found[tag] = span
        return LinkedArgs(found["SRC"], found["TGT"])


@dataclass
class CoderModels:
    triggers: CrfTriggers
    factuality: LinearFactuality
    arguments: CrfArguments
    sectors: LinearModel
    meta: dict[str, Any]


@cache
def load_models(folder: Path = MODEL_DIR) -> CoderModels:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("feature_version") != FEATURE_VERSION:
        raise RuntimeError(
            f"the event coder's models in {folder} were trained with features version {meta.get('feature_version')}, "
            f"the code has {FEATURE_VERSION}: retrain them with tools/train_coder.py"
        )
    return CoderModels(
        triggers=CrfTriggers(folder / "triggers.crfsuite", meta.get("trigger_threshold", 0.5)),
        factuality=LinearFactuality(LinearModel.load(folder / "factuality.json.gz")),
        arguments=CrfArguments(folder / "arguments.crfsuite", meta.get("argument_threshold", 0.0)),
        sectors=LinearModel.load(folder / "sectors.json.gz"),
        meta=meta,
    )


class LearnedEventExtractor:
    """The event stage with learned components; the rules give features, fallbacks and the final coding.

    Requires what :class:`EventExtractor` requires. Adds ``events`` and ``locations``; with ``explain`` the
    components' outputs of the last document are kept in :attr:`last_explanation` (every detected mention, with its
    status and argument spans).
    """

    def __init__(self, rules: EventExtractor, models: CoderModels, explain: bool = False, news: bool = False) -> None:
        self.rules = rules
        self.models = models
        #: where triggers come from (``model``, ``rules``, ``both``, or ``rules-first``: the rules' own events where
        #: their lexicon fires, the models elsewhere) and arguments (``model`` or ``rules``), chosen on development
        #: data by ``tools/train_coder.py`` and recorded in the models' meta.json; ``news`` takes the configuration
        #: chosen on newspaper text alone (``meta["news"]``, ``--coder learned-news``)
        conf = models.meta.get("news", models.meta) if news else models.meta
        self.trigger_source = conf.get("triggers", "model")
        self.argument_source = conf.get("arguments", "model")
        self.trigger_threshold = float(conf.get("trigger_threshold", models.triggers.threshold))
        self.explain = explain
        self.last_explanation: list[dict[str, Any]] = []
        # a trigger the lexicon lacks takes its type's most common CAMEO code and contexts in the lexicon
        cameos: dict[str, Counter[str]] = {}
        for t in rules.lex.triggers:
            cameos.setdefault(t.type, Counter())[t.cameo] += 1
        self.default_cameo = {etype: c.most_common(1)[0][0] for etype, c in cameos.items()}

    def __call__(self, doc: Document) -> Document:
        events = self.rules.build(doc, self.candidates(doc))
        locations = tuple(e.location for e in events if e.location is not None)
        return doc.with_(events=tuple(events), locations=locations, topics=self.rules.document_topics(doc))

    def candidates(self, doc: Document) -> list[Candidate]:
        rule_cands = self.rules.candidates(doc)
        view = DocView(doc, list(rule_cands))
        out: list[Candidate] = []
        explanation: list[dict[str, Any]] = []
        triggers = self._triggers(view)
        if self.trigger_source == "rules-first":
            # the rules where they fire (their own arguments and status), the models for the rest
            out = list(rule_cands)
            ruled = {i for c in rule_cands for i in view.token_span(c.trigger.nstart, c.trigger.nend)}
            for c in rule_cands:
                idx = view.token_span(c.trigger.nstart, c.trigger.nend)
                if idx:
                    rt = DetectedTrigger(idx[0], idx[-1], c.trigger.entry.type, 1.0)
                    status = ANNOTATION_STATUS.get(c.status, c.status)
                    explanation.append(self._explain(view, rt, status, 1.0, None, None))
            triggers = [t for t in triggers if not ruled & set(range(t.first, t.last + 1))]
        for trig in triggers:
            status, p_status = self.models.factuality.status(view, trig)
            if status == "none":
                explanation.append(self._explain(view, trig, status, p_status, None, None))
                continue
            rule = self._rule_candidate(view, trig)
            rules_only = self.argument_source == "rules"
            args = LinkedArgs(None, None) if rules_only else self.models.arguments.link(view, trig)
            mention = self._trigger_mention(view, trig, rule)
            source = self._actor(view, args.source, trig, "SRC", rule.source if rule else None)
            if source is None or source.actor.start == mention.start:
                source = self.rules._implicit(doc, mention, rule.location if rule else None)
            target = self._actor(view, args.target, trig, "TGT", rule.target if rule else None)
            if target is not None and target.key == source.key:
                target = None
            s = view.sent_of[trig.first]
            explanation.append(self._explain(view, trig, status, p_status, args.source, args.target))
            out.append(
                Candidate(
                    trigger=mention,
                    source=source,
                    target=target,
                    status=STATUS_OF.get(status, "generic"),
                    sentence=s,
                    location=rule.location if rule else None,
                    how="adjacent" if args.source else "implicit",
                )
            )
        self.last_explanation = explanation
        return out

    def _triggers(self, view: DocView) -> list[DetectedTrigger]:
        found = (
            self.models.triggers.detect(view, self.trigger_threshold)
            if self.trigger_source in ("model", "both", "rules-first")
            else []
        )
        if self.trigger_source in ("rules", "both"):
            taken = {i for t in found for i in range(t.first, t.last + 1)}
            seen: set[tuple[int, str]] = set()
            for cand in view.rule_candidates:
                m = cand.trigger  # type: ignore[attr-defined]
                idx = view.token_span(m.nstart, m.nend)
                key = (idx[0], m.entry.type) if idx else None
                if not idx or key in seen or any(i in taken for i in idx):
                    continue
                seen.add(key)  # type: ignore[arg-type]
                found.append(DetectedTrigger(idx[0], idx[-1], m.entry.type, 1.0))
            found.sort(key=lambda t: t.first)
        return found

    @staticmethod
    def _rule_candidate(view: DocView, trig: DetectedTrigger) -> Candidate | None:
        for i in range(trig.first, trig.last + 1):
            for cand in view.rules_by_token.get(i, []):
                if cand.trigger.entry.type == trig.type:  # type: ignore[attr-defined]
                    return cand  # type: ignore[return-value]
        return None

    def _trigger_mention(self, view: DocView, trig: DetectedTrigger, rule: Candidate | None) -> Mention:
        first, last = view.tokens[trig.first], view.tokens[trig.last]
        if rule is not None:
            return rule.trigger
        for i in range(trig.first, trig.last + 1):
            m = view.trigger_mention[i]
            if m is not None and m.entry.type == trig.type:
                return m
        text = view.doc.text[first.start : last.end]
        entry = Trigger(
            form=text,
            type=trig.type,
            mode=None,
            cameo=self.default_cameo.get(trig.type, "010"),
            contexts=(),
            pos="verb",
            args="object",
        )
        return Mention(first.start, last.end, text, first.nstart, last.nend, "trigger", entry, "")

    def _actor(
        self,
        view: DocView,
        span: list[int] | None,
        trig: DetectedTrigger,
        role: str,
        fallback: ActorMention | None,
    ) -> ActorMention | None:
        """Code a linked span: the actor the rule stages found there gives the name and, when it has one, the
        state; the sector model decides the sector (the actor's sector is one of its features); a span with no
        state of its own takes the nearest state named around it, else the document's main state."""
        if not span:
            return fallback
        actors = [am for i in span if (am := view.actor_at[i]) is not None]
        actor = max(actors, key=lambda x: x.nend - x.nstart) if actors else None
        if actor is not None:  # the whole actor, not the tokens the tagger chose
            span = sorted(set(span) | set(view.token_span(actor.nstart, actor.nend)))
        sector = self.models.sectors.predict(sector_features(view, span, trig.type, role))
        s = view.sent_of[span[0]]
        first, last = view.tokens[span[0]], view.tokens[span[-1]]
        if actor is not None:
            a = actor.actor
            if a.org and (sector == "IGO" or not a.country):
                return actor
            country = a.country or self._country(view, span)
            chosen = a.sector if sector == "IGO" else sector
            coded = Actor(a.text, a.start, a.end, a.name, country, None, chosen or a.sector, a.role, a.entity_id,
                          a.name_source)  # fmt: skip
            key = f"{actor.key}:{country}:{chosen}"
            return ActorMention(coded, actor.kind, key, actor.nstart, actor.nend, actor.extent, actor.sentence,
                                actor.resolved)  # fmt: skip
        country = self._country(view, span)
        text = view.doc.text[first.start : last.end]
        coded = Actor(
            text, first.start, last.end, None, country, None, sector if sector != "IGO" else "UNK", None, None
        )
        return ActorMention(
            coded, "group", f"span:{country}:{sector}", first.nstart, last.nend, (first.nstart, last.nend), s, False
        )

    @staticmethod
    def _country(view: DocView, span: list[int]) -> str | None:
        """A span's state: one named in it or just after it ("قوات النظام السوري"), else the document's main one.
        A coalition is its leading state's (ANNOTATION.md): in 2015 news the international coalition (against
        ISIS in Iraq and Syria) is led by the United States, the Arab one (in Yemen) by Saudi Arabia."""
        s = view.sent_of[span[0]]
        if any(view.stems[i] in COALITION for i in span):
            after = {view.stems[i] for i in range(span[0], min(span[-1] + 3, len(view.tokens)))}
            if after & INTERNATIONAL or (view.main_country in ("IRQ", "SYR") and not after & ARAB):
                return "USA"
            return "SAU"
        for i in [*span, *range(span[-1] + 1, span[-1] + 4)]:
            found: str | None = view.token_country[i] if i < len(view.tokens) and view.sent_of[i] == s else None
            if found:
                return found
        return view.main_country

    @staticmethod
    def _explain(
        view: DocView, trig: DetectedTrigger, status: str, p: float, src: list[int] | None, tgt: list[int] | None
    ) -> dict[str, Any]:
        def span(idx: list[int] | None) -> dict[str, Any] | None:
            if not idx:
                return None
            a, b = view.tokens[idx[0]], view.tokens[idx[-1]]
            return {"text": view.doc.text[a.start : b.end], "start": a.start, "end": b.end}

        return {
            "trigger": span(list(range(trig.first, trig.last + 1))),
            "type": trig.type,
            "trigger_confidence": round(trig.confidence, 3),
            "status": status,
            "status_confidence": round(p, 3),
            "source": span(src),
            "target": span(tgt),
        }
