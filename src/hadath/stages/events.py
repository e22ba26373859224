"""Stage 7: events: the rule coder, four components on one scope.

- trigger detection (this module: which lexicon triggers are events, ``EventExtractor.candidates``);
- factuality (:mod:`hadath.stages.event_factuality`);
- argument linking (:mod:`hadath.stages.event_arguments`);
- coding: mode, CAMEO, location, date, dedup (:mod:`hadath.stages.event_coding`).

Shared constants, the candidate record and the document scope are in :mod:`hadath.stages.event_common`.
"""

from __future__ import annotations

from dataclasses import replace

from hadath.document import ActorMention, Document
from hadath.lexicon.entries import Trigger
from hadath.ontology import SYMMETRIC_TYPES
from hadath.stages.event_arguments import ArgumentRules
from hadath.stages.event_coding import EventCoding
from hadath.stages.event_common import (
    COMPANIONS,
    CROWDS,
    IMPLICIT_SOURCE,
    PLACE_PEOPLE,
    STANCE_TYPES,
    VICTIM_TYPES,
    Candidate,
    _frees,
    _Scope,
    log,
)

__all__ = ["Candidate", "EventExtractor"]


class EventExtractor(ArgumentRules, EventCoding):
    """Requires: ``tokens``, ``mentions``, ``actors``, ``occasion``. Adds: ``events`` and ``locations``."""

    # ----------------------------------------------------------------- finding
    def candidates(self, doc: Document) -> list[Candidate]:
        """Pure: every trigger with its arguments and factuality (non-factual ones included)."""
        scope = _Scope(doc)
        out: list[Candidate] = []
        for trig in scope.triggers:
            si = doc.sentence_of(trig.nstart)
            sent = doc.sentences[si]
            trigger: Trigger = trig.entry
            status = self._status(scope, trig, sent.nstart)
            told = scope.told_by_toll.get(trig.nstart)
            if told == "factual" and status != "factual" and self._cued_status(scope, trig, sent.nstart) is None:
                status = "factual"  # "13 شخصا ... قتلوا في ضربة جوية أميركية": the toll that tells it reports it
            src, how = self._source(scope, trig, out, si)
            if trigger.pos == "verb" and self._noun_subject(scope, trig):
                continue  # "استهدفت طائرة مسيرة إسرائيلية": the noun after the verb carries the event
            if trigger.type == "ASSAULT" and self._toll_of_noun(scope, trig, src, sent.nend, status):
                continue  # "قتل متظاهران في مواجهات مع قوات الأمن": a toll told of the attack the noun names
            if trigger.type == "PROTEST" and trigger.pos == "noun" and "ل" in trig.prefix:
                continue  # "خرجوا للاحتجاج على ...": the purpose of the act that is the event
            if trigger.args == "protesters" and not (src is not None and src.actor.role in CROWDS):
                continue  # "خرج"، "تجمع" report a protest only with protesters as their subject
            if trigger.type == "CONSULT" and trigger.pos == "noun":
                members = self._participation(scope, trig, sent.nend, src)
                if len(members) >= 2:
                    # "استضافت العقبة اجتماعا بمشاركة مسؤولين من الأردن ومصر والولايات المتحدة ...": a multilateral
                    # meeting, its host (the state where it is held) with each member, and the members together
                    loc = self._location(scope, trig, sent.nstart, sent.nend, tuple(members))
                    host_country = (loc.country if loc is not None else None) or doc.dateline_country
                    parties = list(members)
                    if host_country and all(m.actor.country != host_country for m in members):
                        parties.insert(0, self._state_actor(doc, host_country, trig, "GOV"))
                    for k, a in enumerate(parties):
                        for b in parties[k + 1 :]:
                            out.append(Candidate(trig, a, b, status, si, loc, "multilateral"))
                    continue
            if trigger.args == "declared":
                # "قررت السلطات الجزائرية اعتبار 12 موظفا بسفارة فرنسا أشخاصا غير مرغوب فيهم": the one declared is
                # named before the phrase, and the one who declares before him
                declared = self._declared(scope, trig, sent.nstart)
                if declared is not None:
                    decl_src, decl_tgt = declared
                    loc = self._location(scope, trig, sent.nstart, sent.nend, (decl_src, decl_tgt))
                    out.append(Candidate(trig, decl_src, decl_tgt, status, si, loc, "adjacent"))
                continue
            sides = self._named_sides(scope, trig) if trigger.type in SYMMETRIC_TYPES else []
            if len(sides) == 2:
                src, how = sides[0], "participants"  # "أن الجانبين الفلسطيني والإسرائيلي اتفقا على ..."
            if src is None and (trigger.args == "with" or trigger.type in SYMMETRIC_TYPES):
                # 'انطلقت فعاليات التمرين المشترك "حماة النيل" بين A وB': the parties named after بين
                parties = self._between(scope, trig, sent.nend)
                if len(parties) > 1:
                    src, how = parties[0], "between"
            if src is None and trigger.type not in IMPLICIT_SOURCE:
                continue
            if trigger.args in COMPANIONS and not self._has_companion(scope, trig, sent.nend):
                continue  # "وقع" is "signed" only with an agreement to sign ("وقع ... اتفاقية"), and so on
            # "تعرضت السفارة لهجوم": the subject of a passive light verb is the target, the attacker unnamed
            if (
                src is not None
                and trigger.type in IMPLICIT_SOURCE
                and src.extent[1] <= trig.nstart
                and self._passive_between(scope, src, trig)
            ):
                victim, src, how = src, None, "implicit"
                targets_override: list[ActorMention | None] | None = [victim]
            else:
                targets_override = None
            # coordinated subjects: "وقع وزير الخارجية ونظيره اليوناني"، "عقد السيسي والملك عبدالله والكاظمي"
            subjects: list[ActorMention | None] = [src]
            if src is not None and how in ("adjacent", "nearest"):
                subjects = list(self._coordinated(scope, self._first_of_coordination(scope, src)))
                if trigger.args == "protesters":
                    # "مواجهات بين قوات الأمن ومحتجين خرجوا ...": only the crowd went out
                    subjects = [a for a in subjects if a is not None and a.actor.role in CROWDS] or [src]
            last = subjects[-1]
            if trigger.args == "summons" and trigger.type == "ACCUSE" and self._own_envoy(scope, trig, last, sent.nend):
                # "استدعاء سفير المملكة لدى إسرائيل": one's own envoy called home is a recall, not a complaint
                trigger = replace(trigger, type="SANCTION", mode="recall", cameo="161")
                trig = replace(trig, entry=trigger)
            targets: list[ActorMention | None] = (
                targets_override if targets_override is not None else list(self._targets(scope, trig, last, sent.nend))
            )
            pairs: list[tuple[ActorMention | None, ActorMention | None]]
            between = (
                self._between(scope, trig, sent.nend)
                if trigger.args == "with" or trigger.type in SYMMETRIC_TYPES
                else []
            )
            if len(sides) == 2:
                between = sides
            if len(between) > 1:
                # "التوصل إلى اتفاق بين إسرائيل وحركة حماس": the parties are named, whoever announces it;
                # "تبادل الأسرى بين A وB": each releases to the other
                pairs = [(a, b) for a in between for b in between if a is not b]
                if trigger.type in SYMMETRIC_TYPES:
                    pairs = [(a, b) for k, a in enumerate(between) for b in between[k + 1 :]]
            elif len(subjects) > 1 and trigger.type in SYMMETRIC_TYPES:
                pairs = [(a, b) for k, a in enumerate(subjects) for b in subjects[k + 1 :]]
            else:
                if not targets and how == "participants" and out:
                    targets = [out[-1].target]
                if not targets and trigger.type == "CONSULT" and trigger.mode == "visit" and last is not None:
                    # "وصل إلى الرياض اليوم الرئيس الفرنسي ... في زيارة رسمية": the state of the destination
                    host = self._destination(scope, last, sent.nstart, sent.nend)
                    if host is not None:
                        targets = [host]
                if not targets and trigger.type in STANCE_TYPES:
                    targets = (
                        self._responded_to(scope, trig, sent.nend)
                        or self._referenced_actor(scope, trig, out, sent.nend)
                        or self._unnamed_attacker(scope, trig, sent.nend)
                        or self._decision_author(scope, trig, src, out)
                    )
                if not targets and (
                    trigger.args in ("none", "protesters", "deploys", "arrests")
                    or (
                        trigger.args == "object"
                        and (trigger.type in IMPLICIT_SOURCE or trigger.type in PLACE_PEOPLE or _frees(trigger))
                    )
                ):
                    targets = [None]  # no addressee named: a mobilization, a strike; a raid on unnamed people
                if not targets and trigger.args == "fires" and self._fired_at(scope, trig, sent.nend):
                    targets = [None]  # "أطلقت خمسة صواريخ على الموقع": fired at a place, not at a named actor
                pairs = [(a, b) for a in subjects for b in targets]
            for src_i, tgt in pairs:
                if tgt is not None and src_i is not None and self._same_side(src_i, tgt):
                    if not (trigger.type in VICTIM_TYPES and self._announced_by(scope, src_i)):
                        continue
                    src_i = None  # "أعلنت حركة حماس اغتيال رئيس مكتبها": whoever announces it is the victim's side
                args = tuple(a for a in (src_i, tgt) if a is not None)
                loc = self._location(scope, trig, sent.nstart, sent.nend, args)
                source = src_i if src_i is not None else self._implicit(doc, trig, loc)
                out.append(Candidate(trig, source, tgt, status, si, loc, how or "implicit"))
            if not targets:
                log.debug("trigger %r at %d: no target found", trigger.form, trig.start)
        return self._caused(scope, self._claimed(scope, out))

    # ---------------------------------------------------------------- writing
    def __call__(self, doc: Document) -> Document:
        events = self.build(doc, self.candidates(doc))
        locations = tuple(e.location for e in events if e.location is not None)
        return doc.with_(events=tuple(events), locations=locations, topics=self.document_topics(doc))
