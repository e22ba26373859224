"""The event stage's argument rules: the source, target and place of a trigger (see the rules in
:mod:`hadath.stages.event_common`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import islice, pairwise

from hadath.document import Actor, ActorMention, Document, Location, Mention, PlaceMention
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import Trigger
from hadath.ontology import SYMMETRIC_TYPES
from hadath.stages._nav import CLAUSE_END, CLAUSE_PUNCT
from hadath.stages.actors import people_of
from hadath.stages.event_common import (
    _COORDINATION,
    _DIRECT_OBJECT_GAPS,
    _LIST_GAPS,
    _PARTICIPANT_MARKERS,
    ADDRESSEE_REACH,
    ADVERSARY_REACH,
    AGENT_REACH,
    ARMED_REACH,
    BETWEEN_REACH,
    CAUSE_REACH,
    COMPANION_REACH,
    COMPANIONS,
    DEMONYM_SECTOR,
    GATHERED_REACH,
    GRIEVANCE_REACH,
    IMPLICIT_SOURCE,
    NEEDS_REPORT,
    OWN_ENVOYS,
    PARTICIPATION_REACH,
    PARTICIPLE_ENDS,
    PATIENT_GENITIVE,
    POPULATION,
    RESPONSE_REACH,
    RESULT_REACH,
    STANCE_TYPES,
    STATE_SIDE,
    STATEMENT_TYPES,
    TOLL_CAUSES,
    TOLL_REACH,
    VICTIM_REACH,
    VICTIM_TYPES,
    Candidate,
    _act,
    _frees,
    _Scope,
)
from hadath.stages.event_factuality import FactualityRules
from hadath.stages.places import locative


class ArgumentRules(FactualityRules):
    """The event stage's argument rules: the source, target and place of a trigger (see the rules in"""

    def _toll_of_noun(self, scope: _Scope, trig: Mention, src: ActorMention | None, sent_end: int, status: str) -> bool:
        """ "قُتل" (written as "قتل") with its victims after it, then "في"/"ب" and a violent noun of the same clause:
        a passive toll of the attack that noun reports, not a second event with the victims as killers. The noun
        takes the toll's ``status``."""
        nav = scope.nav
        if trig.entry.pos != "verb" or normalize(trig.text) not in self.passive_tolls:
            return False
        j = nav.after(trig.nend)
        while j < len(nav.tokens) and nav.tokens[j].norm in self.skippable:
            j += 1  # "وقتل أمس أربعة جنود"
        first = nav.token(j)
        victims = first is not None and (
            first.kind == "number" or first.norm in self.quantities or first.norm in self.numbers
        )  # "قتل 20 شخصا"، "قتل ثلاثة أشخاص"، "قتل عشرات المدنيين"
        if src is not None and src.extent[0] >= trig.nend and src.actor.sector in POPULATION:
            victims = True
        if first is not None and first.norm in TOLL_CAUSES:
            victims = True  # "ثلاثة جنود قد قتلوا أمس في انفجار": no object, the verb is passive
        if not victims:
            return False
        for k in range(j, min(j + TOLL_REACH, len(nav.tokens))):
            tok = nav.tokens[k]
            if tok.nstart >= sent_end or tok.norm in CLAUSE_END:
                return False
            nxt = nav.token(k + 1)
            if (
                tok.norm in TOLL_CAUSES
                and nxt is not None
                and (
                    nxt.norm in self.clashes
                    or nxt.norm in self.explosions  # "قتلوا في انفجار عبوة ناسفة"
                    or any(
                        t.entry.type == "ASSAULT" and t.entry.pos == "noun"
                        for t in scope.by_trigger_start.get(nxt.nstart, ())
                    )
                )
            ):
                # the attack noun it is told of (after "انفجار", the weapon: "في انفجار عبوة ناسفة") takes its status
                for t in scope.triggers:
                    if t.nstart >= nxt.nstart and t.entry.type == "ASSAULT" and t.entry.pos == "noun":
                        if t.nstart <= nav.tokens[min(k + 3, len(nav.tokens) - 1)].nstart:
                            scope.told_by_toll[t.nstart] = status
                        break
                return True
        return False

    def _destination(self, scope: _Scope, visitor: ActorMention, s_start: int, s_end: int) -> ActorMention | None:
        """The state or capital a visitor travelled to, named after "إلى" in the sentence, if it is not his own."""
        nav = scope.nav
        for a in scope.actors_from(s_start):
            if a.extent[0] >= s_end:
                break
            if a.kind != "state" or a.actor.country == visitor.actor.country:
                continue
            prev = nav.token(nav.before(a.nstart))
            if prev is not None and prev.norm in self.destination_markers:
                return a
        return None

    def _agent_after(self, scope: _Scope, trig: Mention, sent_end: int) -> ActorMention | None:
        """The actor right after "على يد"، "على أيدي" or "من قبل" in the clause of a violent act: its author."""
        nav = scope.nav
        start = nav.after(trig.nend)
        for k in range(start, min(start + AGENT_REACH, len(nav.tokens) - 1)):
            tok, nxt = nav.tokens[k], nav.tokens[k + 1]
            if tok.nstart >= sent_end or tok.norm in CLAUSE_END:
                return None
            if (tok.norm, nxt.norm) in self.agent_markers:
                agent = scope.actor_at(nxt.nend, frozenset({""}))
                return agent if agent is not None and agent.actor.sector not in POPULATION else None
        return None

    def _toll_victim(self, scope: _Scope, actor: ActorMention) -> bool:
        """The actor is counted in a toll: right after a casualty word or a passive "قتل" ("قتل ثلاثة جنود
        أردنيين"، "مقتل عنصرين من الحزب") or right before a passive one ("ثلاثة جنود سوريين قد قتلوا")."""
        nav = scope.nav
        k = nav.after(actor.extent[0]) - 1
        while k >= 0 and (
            nav.tokens[k].kind == "number"
            or nav.tokens[k].norm in self.numbers
            or nav.tokens[k].norm in self.quantities
            or nav.tokens[k].norm in self.skippable
        ):
            k -= 1  # fmt: skip
        before = nav.token(k)
        if before is not None and (before.norm in self.casualty_words or before.norm in self.passive_tolls):
            return True
        k = nav.after(actor.extent[1])
        while k < len(nav.tokens) and (nav.tokens[k].norm == "قد" or nav.tokens[k].norm in self.skippable):
            k += 1
        after = nav.token(k)
        return after is not None and after.norm in self.passive_tolls and self._toll_after(scope, k)

    def _toll_after(self, scope: _Scope, k: int) -> bool:
        """The passive toll verb at token ``k`` is followed by its cause ("قتلوا أمس في انفجار")."""
        nav = scope.nav
        j = k + 1
        while j < len(nav.tokens) and nav.tokens[j].norm in self.skippable:
            j += 1
        tok = nav.token(j)
        return tok is not None and tok.norm in TOLL_CAUSES

    def _participation(
        self, scope: _Scope, trig: Mention, sent_end: int, src: ActorMention | None = None
    ) -> list[ActorMention]:
        """The states and bodies listed after "بمشاركة" (a few words after the meeting noun, past "مسؤولين من"), or
        the leaders a meeting brought together ("قمة ثلاثية جمعته بالملك عبد الله الثاني والرئيس محمود عباس": the
        pronoun is the host, the subject)."""
        nav = scope.nav
        k = nav.after(trig.nend)
        for tok in nav.tokens[k : k + PARTICIPATION_REACH]:
            if tok.norm in CLAUSE_END:
                return []
            if tok.norm in self.gathered:
                # the first named within a few words ("جمعته بأخيه الملك عبد الله الثاني")
                first = next(scope.actors_from(tok.nend), None)
                if (
                    first is None
                    or first.extent[0] >= sent_end
                    or nav.after(first.extent[0]) - nav.after(tok.nend) > GATHERED_REACH
                ):
                    return []
                met = [m for m in self._coordinated(scope, first) if m.kind in ("person", "state", "organization")]
                # leaders named with their titles between them ("الملك عبد الله الثاني ملك المملكة الأردنية
                # الهاشمية والرئيس الفلسطيني محمود عباس"): every person named in the clause
                clause_end = nav.next_punct(nav.after(tok.nend), CLAUSE_END, sent_end)
                persons: list[ActorMention] = []
                for a in scope.actors_from(tok.nend):
                    if a.extent[0] >= clause_end:
                        break
                    if a.kind == "person" and all(p.key != a.key for p in persons):
                        persons.append(a)
                if len(persons) > len([m for m in met if m.kind == "person"]):
                    met = persons
                host = src is not None and tok.norm != normalize("جمعت") and tok.norm != normalize("جمع")
                if host and src is not None and all(m.key != src.key for m in met):
                    met.insert(0, src)  # "جمعته": the pronoun takes the subject back
                return met
            if tok.norm not in self.participation:
                continue
            for a in scope.actors_from(tok.nend):
                if a.extent[0] >= sent_end or nav.after(a.extent[0]) - nav.after(tok.nend) > PARTICIPATION_REACH:
                    return []
                listed = self._coordinated(scope, a)
                return [m for m in listed if m.kind in ("state", "organization")]
        return []

    def _released(self, scope: _Scope, trig: Mention, src: ActorMention | None, limit: int) -> list[ActorMention]:
        """ "أفرجت الحركة عن 24 محتجزا، هم 13 إسرائيليا و10 تايلانديين ومواطن فلبيني": the people of each
        nationality named before the next event."""
        nav = scope.nav
        found: list[ActorMention] = []
        own = src.actor.country if src is not None else None
        tokens = nav.tokens[nav.after(trig.nend) : nav.after(limit)]
        for n, tok in enumerate(tokens):
            if tok.norm in CLAUSE_END:
                nxt = tokens[n + 1] if n + 1 < len(tokens) else None
                if nxt is None or nxt.norm not in ("هم", "وهم", "هن", "بينهم"):
                    break  # "، هم 13 إسرائيليا ...": the released, listed after a comma
                continue
            people = scope.named_at.get(tok.nstart)
            if people is not None and people.kind == "group" and people.actor.country not in (None, own):
                country = people.actor.country
            elif (demonym := scope.demonyms.get(tok.nstart)) is not None and not scope.in_actor(tok.nstart):
                country = demonym.entry.iso3
                people = people_of(scope.doc, demonym, "civilians", f"people:{country}")
            else:
                continue
            if country != own and all(a.actor.country != country for a in found):
                found.append(people)
        return found

    def _declared(self, scope: _Scope, trig: Mention, s_start: int) -> tuple[ActorMention, ActorMention] | None:
        """``(declarer, declared)``: the last two actors of different states before the trigger in its sentence
        (places named "في X" left out)."""
        s_start = max(s_start, scope.body_start)
        before = [
            a
            for a in scope.by_end[: bisect_right(scope.ends, trig.nstart)]
            if a.extent[0] >= s_start and not (a.kind == "state" and self._locative(scope, a))
        ]
        if not before:
            return None
        declared = before[-1]
        declarer = next(
            (a for a in reversed(before[:-1]) if a.actor.code() != declared.actor.code() and a.kind != "state"),
            None,
        )
        return (declarer, declared) if declarer is not None else None

    def _own_envoy(self, scope: _Scope, trig: Mention, src: ActorMention | None, end: int) -> bool:
        """The first actor after a summons is the summoner's own envoy, named with the state of his post, or the
        envoy is named by a possessive ("استدعاء سفيرها لدى إسرائيل")."""
        nav = scope.nav
        k = nav.after(trig.nend)
        if k < len(nav.tokens) and nav.tokens[k].norm in OWN_ENVOYS:
            return True
        if src is None:
            return False
        for a in scope.actors_from(trig.nend):
            if a.nend > end:
                return False
            if a.actor.country != src.actor.country:
                return False
            # "سفير المملكة لدى إسرائيل": the posting may be inside the envoy's own title phrase
            inside = any(t.norm in self.posted_at for t in nav.tokens[nav.after(a.nstart) : nav.after(a.nend)])
            return inside or self._posting(scope, a, end) is not None
        return False

    def _posting(self, scope: _Scope, envoy: ActorMention, end: int) -> ActorMention | None:
        """The state after "لدى" within a few words of an envoy's title ("سفير المملكة لدى إسرائيل")."""
        nav = scope.nav
        k = nav.after(envoy.extent[1])
        inside = [t for t in nav.tokens[nav.after(envoy.nstart) : k] if t.norm in self.posted_at]
        for tok in [*inside, *nav.tokens[k : k + 3]]:
            if tok.nstart >= end or tok.norm in CLAUSE_END:
                return None
            if tok.norm in self.posted_at:
                post = scope.actor_at(tok.nend, frozenset({""}))
                if post is None and tok in inside:
                    # "سفير المملكة لدى إسرائيل" read as one title phrase: the state of the post is a word in it
                    state = next((m for m in scope.doc.mentions if m.kind == "country" and m.nstart > tok.nstart
                                  and m.nstart - tok.nend <= 2), None)  # fmt: skip
                    return self._state_actor(scope.doc, state.entry.iso3, state, "GOV") if state else None
                return post if post is not None and post.kind == "state" else None
        return None

    def _named_sides(self, scope: _Scope, trig: Mention) -> list[ActorMention]:
        """ "الجانبين الفلسطيني والإسرائيلي اتفقا": both sides named by their demonyms right before the verb."""
        nav = scope.nav
        if trig.entry.pos != "verb":
            return []
        first = nav.after(trig.nstart - len(trig.prefix))
        words = nav.tokens[max(0, first - 4) : first]
        if len(words) < 4 or words[0].nstart not in scope.participant_starts:
            return []
        one, conj, two = words[1], words[2], words[3]
        d1, d2 = scope.demonyms.get(one.nstart), scope.demonyms.get(two.nstart)
        if d1 is None or d2 is None or conj.norm not in _COORDINATION or d1.entry.iso3 == d2.entry.iso3:
            return []
        return [self._demonym_actor(scope.doc, d1, "SIDES"), self._demonym_actor(scope.doc, d2, "SIDES")]

    def _claimed(self, scope: _Scope, out: list[Candidate]) -> list[Candidate]:
        """ "... في تفجير انتحاري استهدف مسجدا، وتبنى تنظيم داعش الهجوم": an attack of unnamed authors claimed in its
        sentence or the next by a group or organization has that claimant for its source."""
        nav = scope.nav
        for tok in nav.tokens:
            if tok.norm not in self.claim_verbs:
                continue
            claimant = scope.actor_at(tok.nend, frozenset({""}))
            if claimant is None or claimant.kind not in ("group", "organization"):
                continue
            si = scope.doc.sentence_of(tok.nstart)
            for k, c in enumerate(out):
                if (
                    c.trigger.entry.type == "ASSAULT"
                    and c.how == "implicit"
                    and c.sentence in (si, si - 1)
                    and c.trigger.nend <= tok.nstart
                ):
                    out[k] = replace(c, source=claimant, how="claim")
        return out

    def _caused(self, scope: _Scope, out: list[Candidate]) -> list[Candidate]:
        """ "مقتل ثلاثة مواطنين في غارة إسرائيلية"، "اغتيال القيادي ... إثر غارة": a death and the attack that
        caused it are one event, coded as the attack (its author and weapon) on the victims of the death."""
        merged: list[Candidate] = []
        dropped: set[int] = set()
        for a_i, a in enumerate(out):
            trig = a.trigger
            if trig.entry.type != "ASSAULT" or trig.entry.pos != "noun":
                continue
            if normalize(trig.text) not in self.casualty_words and trig.entry.mode != "assassinate":
                continue
            cause = self._cause_after(scope, trig)
            if cause is None:
                continue
            for b_i, b in enumerate(out):
                if b.trigger is not cause or b_i in dropped or a_i in dropped:
                    continue
                # the author: the attack's own ("غارة إسرائيلية"، "شنته جماعة ...") or, failing that, the death's
                # when named as its doer ("أعلن الجيش الإسرائيلي اغتيال ...")
                source, how = (b.source, b.how) if b.how in ("demonym", "adjacent", "claim") else (a.source, a.how)
                victim = a.target if a.target is not None and a.target.extent[0] < cause.nstart else b.target
                if victim is not None and self._same_side(source, victim):
                    victim = b.target if b.target is not None and not self._same_side(source, b.target) else None
                # told as done by either mention, unless the death itself is recalled ("بعد مقتل ... في غارة")
                if a.status == "factual":
                    status = "factual"
                elif self._referred(scope, trig, scope.doc.sentences[a.sentence].nstart):
                    status = a.status
                else:
                    status = b.status
                # an assassination keeps its own name (and CAMEO 186) whatever weapon did it
                trigger = trig if trig.entry.mode == "assassinate" else cause
                merged.append(replace(b, trigger=trigger, source=source, target=victim, status=status, how=how))
                dropped.update((a_i, b_i))
        if not merged:
            return out
        kept = [c for k, c in enumerate(out) if k not in dropped]
        # one event per attack: a second death named for the same attack ("مقتل ... وإصابة ...") adds nothing
        unique: dict[tuple[int, str | None], Candidate] = {}
        for c in merged:
            unique.setdefault((c.trigger.nstart, c.target.key if c.target is not None else None), c)
        return sorted(kept + list(unique.values()), key=lambda c: c.trigger.nstart)

    def _cause_after(self, scope: _Scope, trig: Mention) -> Mention | None:
        """The attack noun a death is told to come from, a few words after it: "في غارة"، "إثر قصف"، "جراء
        انفجار"، "بقصف"، within its clause and with no verb between."""
        nav = scope.nav
        start = nav.after(trig.nend)
        for k in range(start, min(start + CAUSE_REACH, len(nav.tokens))):
            tok = nav.tokens[k]
            if tok.norm in CLAUSE_END and tok.norm != ",":
                return None  # (past a comma: "مقتل 16 شخصا، بينهم 14 طفلا، في هجوم انتحاري")
            for t in scope.by_trigger_start.get(tok.nstart, ()):
                if t.entry.pos == "verb":
                    return None
                if t.entry.type != "ASSAULT" or t is trig:
                    continue
                prev = nav.token(nav.after(t.nstart - len(t.prefix)) - 1)
                if "ب" in t.prefix or (prev is not None and prev.norm in self.cause_markers):
                    return t
        return None

    @staticmethod
    def _same_side(a: ActorMention, b: ActorMention) -> bool:
        """The same actor, or a person and the state (or institution) of the same code: no dyad between them."""
        if a.key == b.key:
            return True
        if a.actor.code() != b.actor.code():
            return False
        return not (a.kind == "person" and b.kind == "person")

    def _noun_subject(self, scope: _Scope, trig: Mention) -> bool:
        """True when a noun trigger of the same type follows the verb as its subject."""
        nav = scope.nav
        j = nav.after(trig.nend)
        while j < len(nav.tokens) and nav.tokens[j].norm in self.skippable:
            j += 1
        tok = nav.token(j)
        if tok is None:
            return False
        return any(
            t.entry.type == trig.entry.type and t.entry.pos == "noun"
            for t in scope.by_trigger_start.get(tok.nstart, ())
        )

    def _between(self, scope: _Scope, trig: Mention, sent_end: int) -> list[ActorMention]:
        """The parties named by "بين A و B" right after a symmetric trigger (within three words)."""
        nav = scope.nav
        j = nav.after(trig.nend)
        for tok in nav.tokens[j : j + BETWEEN_REACH]:
            if tok.norm in CLAUSE_END:
                return []  # quotes do not stop it: 'التمرين المشترك "حماة النيل" بين ...'"
            if tok.norm in self.between_markers:
                first = scope.actor_at(tok.nend, frozenset({""}))
                return self._coordinated(scope, first) if first is not None else []
        return []

    @staticmethod
    def _in_place_phrase(scope: _Scope, actor: ActorMention) -> bool:
        """ "في مقر الوزارة": an institution named as the place of a meeting (not "في الدوحة الرئيس ...")."""
        nav = scope.nav
        first = nav.after(actor.extent[0])
        prev, prev2 = nav.token(first - 1), nav.token(first - 2)
        if prev is not None and prev.norm == "في":
            return True
        return prev2 is not None and prev2.norm == "في" and prev is not None and prev.nstart not in scope.place_set

    def _locative(self, scope: _Scope, actor: ActorMention) -> bool:
        """A state or capital named as a place: "في X"، "بـX"، "بالرياض"، "جنوبي لبنان"، "شمال غربي سوريا"."""
        prev = scope.nav.token(scope.nav.before(actor.nstart))
        if prev is None:
            return False
        if prev.kind == "clitic":
            return prev.norm.endswith("ب")  # "بالرياض"، "وبالقاهرة": the clitic ب, split off the name
        return prev.norm == "في" or prev.norm in self.place_nouns

    @staticmethod
    def _first_of_coordination(scope: _Scope, last: ActorMention) -> ActorMention:
        """The first of "A وB وC" given C, so that the whole coordination is read from A."""
        first = last
        while True:
            i = bisect_right(scope.ends, first.extent[0]) - 1
            prev = scope.by_end[i] if i >= 0 else None
            if prev is None or "".join(scope.nav.text[prev.extent[1] : first.extent[0]].split()) not in _COORDINATION:
                return first
            first = prev

    @staticmethod
    def _coordinated(scope: _Scope, first: ActorMention) -> list[ActorMention]:
        """``first`` and the actors coordinated with it ("A وB وC")."""
        found = [first]
        nxt = scope.actor_at(first.extent[1], _COORDINATION)
        while nxt is not None and all(nxt.key != a.key for a in found):
            found.append(nxt)
            nxt = scope.actor_at(nxt.extent[1], _COORDINATION)
        return found

    def _has_companion(self, scope: _Scope, trig: Mention, sent_end: int) -> bool:
        """A verb that reads as an event only with its object noun in the clause ("فرضت ... عقوبات")."""
        nav = scope.nav
        wanted = self.companions[trig.entry.args]
        counted = 0
        for tok in nav.tokens[nav.after(trig.nend) : nav.after(sent_end)]:
            if tok.norm in CLAUSE_PUNCT and tok.norm != ",":
                return False
            if tok.norm in wanted:
                return True
            # the words of a long subject ("وقعت وزارة التخطيط والتعاون الدولي والصندوق الكويتي ...") do not count
            if not scope.in_actor(tok.nstart):
                counted += 1
                if counted >= COMPANION_REACH:
                    return False
        return False

    def _fired_at(self, scope: _Scope, trig: Mention, sent_end: int) -> bool:
        """A weapon fired "على"، "باتجاه" or "نحو" something in the clause ("أطلقت صباح أمس خمسة صواريخ على
        الموقع"): an attack even when what was hit is not an actor; a launch with no aim may be a test."""
        nav = scope.nav
        weapon = False
        for tok in nav.tokens[nav.after(trig.nend) : nav.after(sent_end)][: COMPANION_REACH + 2]:
            if tok.norm in CLAUSE_END:
                return False
            if tok.norm in self.companions["fires"]:
                weapon = True
            elif weapon and tok.norm in self.aim_markers:
                return True
        return False

    def _implicit(self, doc: Document, trig: Mention, loc: Location | None) -> ActorMention:
        """An unnamed source ("خرجت مظاهرات في بغداد"، "قتل ثلاثة في هجوم على سوق في الرمادي"), of the place's
        country (ANNOTATION.md: an unnamed attacker has the country of the attack's place, sector UNK). No word names
        it, so its span is empty, at the trigger's start: an actor is never the trigger word itself (the event's
        trigger already carries that word)."""
        sector, role = IMPLICIT_SOURCE.get(trig.entry.type, ("UNK", None))
        country = loc.country if loc is not None else None
        actor = Actor("", trig.start, trig.start, None, country, None, sector, role, None)
        key = f"implicit:{trig.entry.type}:{country}"
        return ActorMention(actor, "implicit", key, trig.nstart, trig.nend, (trig.nstart, trig.nend), 0, False)

    def _source(self, scope: _Scope, trig: Mention, done: list[Candidate], si: int) -> tuple[ActorMention | None, str]:
        doc, nav = scope.doc, scope.nav
        trigger: Trigger = trig.entry
        pos = trig.nend
        # "بحث اليوم وزير ..." / "تظاهر آلاف من الطلاب": step over adverbs and quantities
        j = nav.after(pos)
        while j < len(nav.tokens) and (
            nav.tokens[j].norm in self.skippable
            or nav.tokens[j].kind == "number"
            or (nav.tokens[j].norm in self.force_nouns and not scope.in_actor(nav.tokens[j].nstart))
        ):
            pos = nav.tokens[j].nend  # (and "قوات" before a body: "استولت قوات الحرس الثوري على ...")
            j += 1
            if j < len(nav.tokens) and nav.tokens[j].norm == "من" and nav.tokens[j - 1].norm in self.quantities:
                pos = nav.tokens[j].nend  # "آلاف من الطلاب"
                j += 1
        # "، داعيا إيران إلى ...": a participial clause after a comma shares its sentence's subject; the actor
        # after it is its object
        prev_tok = nav.token(nav.after(trig.nstart - len(trig.prefix)) - 1)
        participle = trig.text.endswith(PARTICIPLE_ENDS)
        if trigger.pos == "verb" and prev_tok is not None and prev_tok.norm == "," and participle:
            main = scope.last_verb_between(doc.sentences[si].nstart, trig.nstart)
            if main is not None:
                subject, _ = self._source(scope, main, done, si)
                if subject is not None:
                    return subject, "clause"
        # "أعلن الحرس الثوري أنه أطلق ...": a verb after "أنه/أنها" has the sayer for its subject
        if trigger.pos == "verb" and prev_tok is not None and prev_tok.norm in self.pronoun_complementizers:
            sayer = self._nearest_before(scope, trig, doc.sentences[si].nstart, any_verb=True)
            if sayer is not None:
                return sayer, "adjacent"
        # "هجوم بطائرات مسيرة شنته جماعة الحوثي على ...": a light verb carrying the noun back names its author
        if trigger.pos == "noun":
            author = self._author_after(scope, trig)
            if author is not None:
                return author, "adjacent"
        # "مقتل خمسة مدنيين على يد القوات الأمريكية"، "اعتقل ... من قبل الشرطة": the agent named after the act
        if trigger.type in VICTIM_TYPES:
            agent = self._agent_after(scope, trig, doc.sentences[si].nend)
            if agent is not None:
                return agent, "adjacent"
        # SVO: "أن الوزير التقى ..."، "كان الرئيس قد زار ...": the subject is written before the verb
        before = scope.actor_ending_at(trig.nstart - len(trig.prefix))
        if before is not None and trigger.pos == "verb" and self._subject_first(scope, before, trig):
            return before, "adjacent"
        if (
            before is not None
            and trigger.type in VICTIM_TYPES
            and normalize(trig.text) in self.casualty_words
            and self._announced_by(scope, before)
        ):
            before = None  # "أعلن الجيش الأمريكي مقتل أحد جنوده": who announces a death did not cause it
        after = scope.actor_at(pos, frozenset({""}))
        if after is not None and trigger.type == "REQUEST" and trigger.pos == "verb" and "و" in trig.prefix:
            # "أدانت المنظمة ...، ودعت الحكومة السويدية إلى اتخاذ إجراءات": the verb continues its sentence's
            # subject, and the actor after it, asked to do something, is its object
            link = nav.token(nav.after(after.extent[1]))
            same = self._last_verb_candidate(done, si)
            # the link, split off or not: "إلى اتخاذ"، "بنقل"
            linked = link is not None and (
                link.norm in self.request_links or (link.norm[:1] in ("ب", "ل") and len(link.norm) > 3)
            )
            if link is not None and linked:
                if same is not None:
                    return same.source, "clause"
                # no event told before it in the sentence: its first actor is the subject it continues ("وأدان
                # وزير الخارجية ... عمليات الاختطاف، وطالب الأمم المتحدة بنقل مقراتها")
                first = next(scope.actors_from(max(doc.sentences[si].nstart, scope.body_start)), None)
                if first is not None and first.extent[1] <= trig.nstart and first.key != after.key:
                    return first, "clause"
        # after a verbal noun of an act on someone ("اغتيال الحريري"، "اعتقال ناشطين") the actor is its object
        # ... but an instrument's genitive is its user ("برصاص قوات الاحتلال")
        patient_after = (
            trigger.pos == "noun" and trigger.type in PATIENT_GENITIVE and normalize(trig.text) not in self.instruments
        ) or (trigger.pos == "noun" and trigger.form.split()[-1] in ("عن", "على"))  # "عفوا عن 57 مواطنا": the object
        if after is not None and trigger.args == "summons" and "ambassador" in (after.actor.role or ""):
            patient_after = True  # "استدعاء السفير"، "طرد السفيرة": the envoy is summoned or expelled
        if after is not None and patient_after and self._followed_by_against(scope, after):
            patient_after = False  # "هجوم الحوثيين على السفينة": the genitive attacks the one after على
        if after is not None and not patient_after and (after.kind != "organization" or trigger.pos == "verb"):
            return after, "adjacent"
        if before is not None and not (
            (before.kind == "state" and self._locative(scope, before))
            or (trigger.pos == "verb" and any(c in trig.prefix for c in "وف"))
        ):
            # (not a place: "... في مدينة رام الله وصادرت": nor the object of the clause a conjunction closes)
            return before, "adjacent"
        if trigger.pos == "verb" and trigger.type in DEMONYM_SECTOR:
            # "الطائرات الإسرائيلية أطلقت ..."، "المدفعية السورية قصفت ...": a weapon of a state's forces as subject
            k = nav.after(trig.nstart - len(trig.prefix)) - 1
            weapon, demonym = nav.token(k - 1), scope.demonyms.get(nav.tokens[k].nstart) if k >= 0 else None
            if demonym is not None and weapon is not None and weapon.norm in self.instruments:
                return self._demonym_actor(doc, demonym, trigger.type), "demonym"
        if trigger.pos == "noun":
            demonym = scope.demonyms.get(nav.skip_space(trig.nend))
            if demonym is not None and trigger.mode != "boycott":  # "مقاطعة المنتجات الفرنسية": the boycotted
                return self._demonym_actor(doc, demonym, trigger.type), "demonym"
            # "وشهد الجانبان توقيع عدد من الاتفاقيات": both parties of the meeting just told
            sides = [c for c in scope.participants if doc.sentences[si].nstart <= c.nstart and c.nend <= trig.nstart]
            last = next((c for c in reversed(done) if c.trigger.entry.type == "CONSULT"), None)
            if (
                sides
                and sides[-1].nend <= trig.nstart
                and last is not None
                and trigger.type in SYMMETRIC_TYPES
                and scope.verb_between(sides[-1].nend, trig.nstart) is None
                and nav.after(trig.nstart) - nav.after(sides[-1].nend) <= 2
            ):
                return last.source, "participants"
            # a noun after a light verb: "تلقى الوزير، اليوم، اتصالا هاتفيا" -> the subject named before it
            subject = self._nearest_before(scope, trig, doc.sentences[si].nstart)
            if subject is not None:
                return self._first_of_coordination(scope, subject), "nearest"
        sent = doc.sentences[si]
        for cue in islice(scope.cues, bisect_left(scope.cue_starts, sent.nstart), None):
            if cue.nstart >= trig.nstart:
                break
            if cue.entry.kind == "speaker" and done:
                # "من جهته": the other party of the last event told as done (not of an act only threatened)
                told = next((c for c in reversed(done) if c.status == "factual"), done[-1])
                return told.target, "speaker"
        k = bisect_left(scope.cue_starts, trig.nend)
        nxt = scope.cues[k] if k < len(scope.cues) else None
        if nxt is not None and nxt.entry.kind == "participants" and nav.is_blank(trig.nend, nxt.nstart):
            last = next((c for c in reversed(done) if c.trigger.entry.type == "CONSULT"), None)
            if last is not None:
                return last.source, "participants"
        same = self._last_verb_candidate(done, si)
        if same is not None and not (trigger.type in VICTIM_TYPES and same.trigger.entry.type in STANCE_TYPES):
            return same.source, "clause"  # (but whoever condemns an attack is not its author)
        if trigger.pos == "verb" and "و" in trig.prefix:
            # "وصل البرهان إلى العلمين ... وعقد جلسة مباحثات مع السيسي": a coordinated verb shares the subject
            # of its sentence, the first actor named in it
            first = next(scope.actors_from(max(sent.nstart, scope.body_start)), None)
            if (
                first is not None
                and first.extent[1] <= trig.nstart
                and first.kind in ("person", "group", "organization")
            ):
                return first, "clause"
        return None, ""

    def _victims(
        self, scope: _Scope, trig: Mention, src_key: str | None, clause_end: int, sent_end: int
    ) -> ActorMention | None:
        """The people an attack or a raid fell on when its object is no actor: named in its toll ("مقتل عنصرين من
        حزب الله"، "استشهاد شرطيين") or by their nationality ("26 صيادا قطريا")."""
        nav = scope.nav
        s_start = scope.doc.sentences[scope.doc.sentence_of(trig.nstart)].nstart
        for tok in nav.tokens[nav.after(trig.nend) : nav.after(clause_end)]:
            demonym = scope.demonyms.get(tok.nstart)
            if (
                demonym is not None
                and not scope.in_actor(demonym.nstart)
                and not self._adjective_of_trigger(scope, demonym)
            ):
                owned = nav.tokens[max(0, nav.after(demonym.nstart) - 2) : nav.after(demonym.nstart)]
                if any(t.norm in self.business_nouns for t in owned):
                    # "احتجاز ناقلة النفط البريطانية": a company's ship, not civilians
                    return self._state_actor(scope.doc, demonym.entry.iso3, demonym, "BUS")
                return people_of(scope.doc, demonym, "civilians", f"people:{demonym.entry.iso3}")
        for k in range(nav.after(s_start), nav.after(sent_end)):
            if trig.entry.type != "ASSAULT":
                break
            if nav.tokens[k].norm in self.passive_tolls and self._toll_after(scope, k):
                # "ثلاثة جنود سوريين قد قتلوا أمس في انفجار": the victims named before the passive verb
                victim = scope.by_end[bisect_right(scope.ends, nav.tokens[k].nstart) - 1] if scope.ends else None
                if victim is not None and victim.key != src_key and self._toll_victim(scope, victim):
                    return victim
            if nav.tokens[k].norm not in self.casualty_words and nav.tokens[k].norm not in self.passive_tolls:
                continue
            for a in scope.actors_from(nav.tokens[k].nend):
                if a.extent[0] > nav.tokens[min(k + VICTIM_REACH, len(nav.tokens) - 1)].nend or a.extent[0] >= sent_end:
                    break  # (not in the next sentence: "... استشهاد مواطن. وطالبت الوزارة ...")
                if a.key != src_key and a.kind in ("group", "organization", "person"):
                    return a
        return None

    @staticmethod
    def _adjective_of_trigger(scope: _Scope, demonym: Mention) -> bool:
        """ "غارة إسرائيلية": a demonym right after a trigger names its author, not its victims."""
        return scope.nav.skip_space_back(demonym.nstart) in scope.by_trigger_end

    def _responded_to(self, scope: _Scope, trig: Mention, sent_end: int) -> list[ActorMention | None]:
        """ "رفضت مصر ... ردا على تصريحات الرئيس الأمريكي": a stance taken in response is addressed to the author of
        what it responds to, named within a few words after "ردا على"."""
        nav = scope.nav
        for k in range(nav.after(trig.nend), nav.after(sent_end)):
            if nav.tokens[k].norm not in self.responses:
                continue
            window_end = nav.tokens[min(k + RESPONSE_REACH, len(nav.tokens) - 1)].nend
            for a in scope.actors_from(nav.tokens[k].nend):
                if a.extent[0] >= window_end:
                    break
                if a.kind in ("person", "state", "organization", "group"):
                    return [a]
        return []

    @staticmethod
    def _last_verb_candidate(done: list[Candidate], si: int) -> Candidate | None:
        """The last candidate of sentence ``si`` coded from a verb with a named subject."""
        for c in reversed(done):
            if c.sentence != si:
                return None
            if c.how != "implicit" and c.trigger.entry.pos == "verb":
                return c
        return None

    @staticmethod
    def _referenced_actor(
        scope: _Scope, trig: Mention, done: list[Candidate], sent_end: int
    ) -> list[ActorMention | None]:
        """ "أدانت البحرين هذا الهجوم": a stance on an event reported earlier is a stance on its author."""
        k = bisect_left(scope.trigger_starts, trig.nend)
        referenced = next(
            (t for t in islice(scope.triggers, k, None) if t.nstart >= sent_end or t.entry.type != trig.entry.type),
            None,
        )
        if referenced is not None and referenced.nstart >= sent_end:
            referenced = None
        if referenced is None:
            return []
        earlier = [c for c in done if c.trigger.entry.type == referenced.entry.type and c.how != "implicit"]
        return [earlier[-1].source] if earlier else []

    def _attack_author(self, scope: _Scope, start: int, end: int) -> ActorMention | None:
        """The state an attack named first in a stance's object belongs to, by the demonym right after it ("الغارة
        الإسرائيلية"، "القصف الروسي"): the stance is about that state, not about the attack's victims."""
        nav = scope.nav
        for tok in nav.tokens[nav.after(start) : nav.after(end)][:COMPANION_REACH]:
            if scope.in_actor(tok.nstart):
                return None  # an actor named first is the stance's object ("أدانت حماس الهجوم")
            for t in scope.by_trigger_start.get(tok.nstart, ()):
                if t.entry.type in VICTIM_TYPES and t.entry.pos == "noun":
                    demonym = scope.demonyms.get(nav.skip_space(t.nend))
                    if demonym is None:
                        return None
                    return self._demonym_actor(scope.doc, demonym, "STANCE")
        return None

    def _decision_author(
        self, scope: _Scope, trig: Mention, src: ActorMention | None, done: list[Candidate]
    ) -> list[ActorMention | None]:
        """ "ورحبت الخارجية السورية بالقرار"، "وثمن رئيس الوزراء هذه المبادرة": a stance on a decision, a step or an
        initiative told before is a stance on its author, the source of the last event reported."""
        nav = scope.nav
        k = nav.after(trig.nend)
        if src is not None and src.extent[0] >= trig.nend:
            k = nav.after(src.extent[1])
        words = [t for t in nav.tokens[k : k + 3] if t.kind == "word"]
        direct = bool(words) and words[0].norm in self.decision_nouns  # "رحبت بالقرار"
        # "وأدانت في بيان صادر عن الأمانة العامة هذا القرار": a demonstrative and its noun, within the clause
        clause = []
        for t in nav.tokens[k : k + COMPANION_REACH]:
            if t.norm in CLAUSE_END:
                break
            if t.kind == "word":
                clause.append(t)
        pointed = any(
            a.norm in self.demonstratives and "ال" + b.norm.removeprefix("ال") in self.decision_nouns
            for a, b in pairwise(clause)
        )
        if not (direct or pointed):
            return []
        for c in reversed(done):
            if c.status != "factual" or c.how == "implicit":
                continue
            if src is None or not self._same_side(c.source, src):
                return [c.source]
            if c.target is not None and not self._same_side(c.target, src):
                # "طالبت الجامعة سلطات الاحتلال بالتراجع عن قرارها ... وأدانت هذا القرار": whom it asked
                return [c.target]
        return []

    def _unnamed_attacker(self, scope: _Scope, trig: Mention, sent_end: int) -> list[ActorMention | None]:
        """ "أدانت البحرين التفجير الإرهابي الذي استهدف مسجدا": a condemnation of an attack whose author goes
        unnamed is addressed to an unknown actor (UNK), not to the place attacked."""
        if trig.entry.type != "ACCUSE":
            return []
        nav = scope.nav
        for tok in nav.tokens[nav.after(trig.nend) : nav.after(sent_end)][:COMPANION_REACH]:
            if tok.norm in CLAUSE_END:
                return []
            for t in scope.by_trigger_start.get(tok.nstart, ()):
                if t.entry.type in VICTIM_TYPES and t.entry.pos == "noun":
                    return [self._implicit(scope.doc, t, None)]
                if t.entry.pos == "verb":
                    return []
        return []

    def _passive_between(self, scope: _Scope, actor: ActorMention, trig: Mention) -> bool:
        """ "تعرضت السفارة لهجوم"، "السفارة تعرضت لهجوم": a passive light verb around the subject."""
        nav = scope.nav
        before_subject = nav.tokens[max(0, nav.after(actor.extent[0]) - 2) : nav.after(actor.extent[0])]
        after_subject = nav.tokens[nav.after(actor.extent[1]) : nav.after(trig.nstart)]
        return any(t.norm in self.passive_light for t in (*before_subject, *after_subject))

    def _followed_by_against(self, scope: _Scope, actor: ActorMention) -> bool:
        tok = scope.nav.token(scope.nav.after(actor.extent[1]))
        return tok is not None and tok.norm in self.against_markers

    def _subject_first(self, scope: _Scope, subject: ActorMention, trig: Mention) -> bool:
        """An actor right before a verb is its subject when "قد" stands between them, or a complementizer
        (أن، إن) or an auxiliary (كان) right before the actor."""
        nav = scope.nav
        if "".join(nav.text[subject.extent[1] : trig.nstart - len(trig.prefix)].split()) == "قد":
            return True
        prev = nav.token(nav.after(subject.extent[0]) - 1)
        return prev is not None and (prev.norm in self.complementizers or prev.norm in self.past_aux)

    def _nearest_before(
        self, scope: _Scope, trig: Mention, s_start: int, any_verb: bool = False
    ) -> ActorMention | None:
        """The last actor before a noun trigger in its sentence, if no verb trigger stands between them (with
        ``any_verb``, whatever stands between: the sayer before "أنه").
        For a violent event it is never a place (a state or a dateline city) nor its victims (civilians)."""
        violent = trig.entry.type in VICTIM_TYPES
        s_start = max(s_start, scope.body_start)
        i = bisect_right(scope.ends, trig.nstart) - 1
        while i >= 0 and scope.by_end[i].extent[0] >= s_start:
            actor = scope.by_end[i]
            victim = actor.actor.sector in POPULATION or self._toll_victim(scope, actor)
            if (violent and (actor.kind == "state" or victim)) or (
                actor.kind == "state" and self._locative(scope, actor)
            ):
                i -= 1
                continue  # a place ("بالرياض") or, for violence, a state or the victims, is not the subject
            if actor.kind in ("person", "state", "organization", "group"):
                if any_verb:
                    return actor
                before = scope.nav.token(scope.nav.before(actor.extent[0]))
                if before is not None and before.norm in self.with_markers:
                    i -= 1
                    continue  # "نفذت القوات الأردنية، بالتعاون مع القوات الأمريكية، عمليات إنزال": a partner
                between = scope.verb_between(actor.extent[1], trig.nstart)
                if between is not None and between.entry.args in COMPANIONS:
                    # "أعلن الجيش استدعاء لواءين من قوات الاحتياط": a verb that is an event only with its own
                    # object noun (an envoy to summon) does not part the noun from its subject
                    between = scope.verb_between(between.nend, trig.nstart)
                # "أعلنت الشرطة مقتل 5 في هجوم"، "الشرطة قالت إن ...": the announcer is not the attacker
                said = scope.attribution_between(actor.extent[1], trig.nstart) or (
                    scope.nav.skip_space_back(actor.extent[0]) in scope.attribution_ends
                )
                return None if between is not None or (violent and said) else actor
            i -= 1
        return None

    def _demonym_actor(self, doc: Document, m: Mention, etype: str) -> ActorMention:
        """The state a demonym names, in the sector an event of ``etype`` gives it ("غارة إسرائيلية": MIL)."""
        return self._state_actor(doc, m.entry.iso3, m, DEMONYM_SECTOR.get(etype, "GOV"))

    def _targets(self, scope: _Scope, trig: Mention, src: ActorMention | None, sent_end: int) -> list[ActorMention]:
        nav = scope.nav
        trigger: Trigger = trig.entry
        src_key = src.key if src is not None else None
        start = trig.nend
        if src is not None and src.extent[0] >= trig.nend:
            start = max(trig.nend, src.extent[1])
        next_verb = scope.verb_between(start, sent_end, exclude=trig)
        limit = next_verb.nstart if next_verb is not None else sent_end
        # the object's clause: past a parenthetical comma or time adverb right after the subject
        # ("ناشد الرئيس محمود عباس، الأمين العام ...")
        j = nav.after(start)
        while j < len(nav.tokens) and (nav.tokens[j].norm == "," or nav.tokens[j].norm in self.skippable):
            j += 1
        asides: list[tuple[int, int]] = []
        opener = nav.token(j)
        if (
            j > nav.after(start)
            and nav.tokens[j - 1].norm == ","
            and opener is not None
            and (
                opener.norm in self.parentheticals  # "اتهم الوزير، خلال جلسة لمجلس الأمن، دولة ..."
            )
        ):
            close = nav.next_punct(j, CLAUSE_END, sent_end)
            closing = nav.token(nav.after(close))
            if close < sent_end and closing is not None and closing.norm == ",":
                asides.append((opener.nstart, close))
                j = nav.after(close) + 1
        clause_end = nav.next_punct(j, CLAUSE_END, sent_end)
        while clause_end < sent_end:
            # "اتهم المندوب ...، خلال جلسة لمجلس الأمن، دولة الإمارات": an occasion between commas is stepped over
            k = nav.after(clause_end)
            opener = nav.token(k + 1)
            if nav.tokens[k].norm != "," or opener is None or opener.norm not in self.parentheticals:
                break
            close = nav.next_punct(k + 1, CLAUSE_END, sent_end)
            closing = nav.token(nav.after(close))
            if close >= sent_end or closing is None or closing.norm != ",":
                break
            asides.append((clause_end, close))
            clause_end = nav.next_punct(nav.after(close) + 1, CLAUSE_END, sent_end)
        if trigger.args == "host":
            # the visitor: the next person or organization named before the sentence's next verb
            # ("استقبل الملك، في قصر الحسينية، وزير الخارجية ..." steps over the place)
            for a in scope.actors_from(start):
                if a.extent[0] >= limit:
                    break
                if a.kind != "state" and a.key != src_key and not self._in_place_phrase(scope, a):
                    return [a]
            return []
        if trigger.type == "MOBILIZE":
            adversary = self._adversary(scope, trig, src, sent_end)
            if adversary is not None:
                return [adversary]
            if trigger.args == "none":
                return []  # "رفع حالة الاستعداد": facing no one named ("على" here is no addressee)
        if trigger.mode == "boycott":
            # "مقاطعة جميع المنتجات الفرنسية": the state whose goods are boycotted
            for tok in nav.tokens[nav.after(trig.nend) : nav.after(min(limit, clause_end))][:ADDRESSEE_REACH]:
                demonym = scope.demonyms.get(tok.nstart)
                if demonym is not None:
                    return [self._demonym_actor(scope.doc, demonym, "PROTEST")]
        if trigger.args in ("none", "protesters"):
            # a protest's addressee, if named: "احتجاجا على الحكومة"، "ضد الشرطة"، "مطالبين الحكومة"، or the state
            # whose act it denounces: "تنديدا بالقصف الإسرائيلي"
            # (a resignation's addressee is sought in its own clause, not in a protest told after it)
            reach = min(limit, sent_end) if trigger.type == "PROTEST" else min(limit, clause_end)
            for i in range(nav.after(start), nav.after(reach)):
                if nav.tokens[i].norm not in self.against_markers:
                    continue
                addressee = scope.actor_at(nav.tokens[i].nend, frozenset({"", "ل", "ب"}))
                if addressee is not None and addressee.key != src_key:
                    return [addressee]  # "احتجاجا على الحكومة"، "رافضة للحكم العسكري"
                if trigger.type == "PROTEST" and nav.tokens[i].norm not in self.place_markers:
                    # "احتجاجا على مقتل شاب برصاص شرطي": the authority whose act is protested
                    window_end = nav.tokens[min(i + GRIEVANCE_REACH, len(nav.tokens) - 1)].nend
                    for a in scope.actors_from(nav.tokens[i].nend):
                        if a.extent[0] >= min(window_end, reach):
                            break
                        if a.actor.sector in STATE_SIDE and a.key != src_key:
                            return [a]
                for tok in nav.tokens[i + 1 : i + 1 + ADDRESSEE_REACH]:
                    if tok.norm in CLAUSE_PUNCT:
                        break
                    demonym = scope.demonyms.get(tok.nstart)
                    if demonym is not None:
                        return [self._demonym_actor(scope.doc, demonym, "PROTEST")]
            # "اقتحموا مقر السفارة السويدية": a protest at an embassy is addressed to its state
            for k in range(nav.after(start), nav.after(min(limit, sent_end))):
                if nav.tokens[k].norm not in self.embassy_nouns:
                    continue
                nxt = nav.token(k + 1)
                demonym = scope.demonyms.get(nxt.nstart) if nxt is not None else None
                if demonym is not None:
                    return [self._demonym_actor(scope.doc, demonym, "PROTEST")]
            return []
        armed = self._armed_target(scope, trig, min(clause_end, sent_end), start) if trigger.type == "ASSAULT" else None
        if trigger.args in ("blames", "imposes", "lifts", "summons", "fires", "severs", "extradites"):
            for a in scope.actors_from(start):
                if a.nend > min(limit, sent_end):
                    break
                if armed is not None and armed[0] < a.nstart:
                    return [armed[1]]  # "أطلق ... الصواريخ على أهداف عسكرية في إسرائيل"
                if a.kind == "state" and trigger.args == "fires" and self._locative(scope, a):
                    continue
                if trigger.args == "summons" and src is not None and a.actor.country == src.actor.country:
                    # "استدعاء سفير المملكة لدى إسرائيل": one's own envoy called home, from the state of his post
                    post = self._posting(scope, a, min(limit, sent_end))
                    if post is not None:
                        return [post]
                if a.key != src_key:
                    return [a]
            return [armed[1]] if armed is not None else []
        if trigger.args == "object" and trigger.mode == "visit":
            # a visit's target is its destination: "زيارة ... إلى روسيا", else the object ("زار القاهرة")
            for i in range(nav.after(start), nav.after(sent_end)):
                if nav.tokens[i].norm in self.destination_markers:
                    dest = scope.actor_at(nav.tokens[i].nend, frozenset({""}))
                    if dest is not None and dest.key != src_key:
                        return [dest]
        if trigger.args == "object":
            end = min(clause_end, sent_end)
            if trigger.type in STANCE_TYPES:
                author = self._attack_author(scope, start, end)
                if author is not None:
                    return [author]  # "أدانت مصر الغارة الإسرائيلية التي استهدفت قيادات من حماس": Israel
            for a in scope.actors_from(start):
                if a.nend > end:
                    break
                if any(x <= a.nstart < y for x, y in asides):
                    continue
                if armed is not None and armed[0] < a.nstart:
                    return [armed[1]]  # "هجوم ... على موقع قوة الواجب البحريني ... للمملكة العربية السعودية"
                if (
                    (trigger.type in NEEDS_REPORT or trigger.type == "ACCUSE")
                    and a.kind == "state"
                    and (self._locative(scope, a) or a.nstart in scope.capitals)
                ):
                    # "اقتحمت القوة مكتبا في رام الله": the place of a raid or an attack; "أدانت التفجير الذي
                    # استهدف مسجدا في دولة الكويت": the place of what is condemned, not whom
                    continue
                if a.key != src_key:
                    # coordinated objects: "دعا قادة القوات المسلحة السودانية وقوات الدعم السريع إلى ..."
                    return [b for b in self._coordinated(scope, a) if b.key != src_key and b.nend <= end]
            if armed is not None:
                return [armed[1]]
            if trigger.type in VICTIM_TYPES:
                victims = self._victims(scope, trig, src_key, end, sent_end)
                if victims is not None:
                    return [victims]
            if _frees(trigger):
                released = self._released(scope, trig, src, limit)
                if released:
                    return released
            if trigger.type in STANCE_TYPES:
                responded = self._responded_to(scope, trig, sent_end)
                if responded:
                    return [a for a in responded if a is not None]
                # "توعد ... باستهداف السفن الإسرائيلية"، "أدانت مصر القصف الإسرائيلي": the state whose people, things or
                # acts the stance is about
                for tok in nav.tokens[nav.after(start) : nav.after(end)]:
                    demonym = scope.demonyms.get(tok.nstart)
                    before = nav.token(nav.after(tok.nstart) - 1)
                    before2 = nav.token(nav.after(tok.nstart) - 2)
                    if before is not None and (
                        before.norm in self.place_nouns
                        or before.nend in scope.place_ends
                        or (before2 is not None and before2.norm in self.place_nouns)
                    ):
                        continue  # "في العاصمة العراقية"، "في مدينة قندهار الأفغانية": a place, not whom
                    if demonym is not None and demonym.entry.iso3 != (src.actor.country if src else None):
                        return [self._demonym_actor(scope.doc, demonym, "STANCE")]
            return []
        # participants introduced by مع (or من for calls), up to the next verb trigger
        markers = _PARTICIPANT_MARKERS["phone" if trigger.mode == "phone" else "with"]
        for i in range(nav.after(start), len(nav.tokens)):
            tok = nav.tokens[i]
            if tok.nstart >= limit:
                break
            called = trigger.mode == "phone" and tok.kind == "clitic" and tok.norm == "ب" and i == nav.after(start)
            if tok.norm not in markers and not called:
                continue  # "أجرى اتصالا هاتفيا بالرئيس"، "بأخويه الملك ... والشيخ ...": ب right after a call
            pos = tok.nend
            j = i + 1
            while j < len(nav.tokens) and (nav.tokens[j].norm in ("كل", "من", ":") or nav.tokens[j].norm in self.kin):
                pos = nav.tokens[j].nend
                j += 1
            found: list[ActorMention] = []
            first = scope.actor_at(pos, frozenset({""}))
            while first is not None and first.extent[0] < limit:
                found.append(first)
                listed = scope.actor_at(first.extent[1], _LIST_GAPS)
                if listed is None:
                    # "خادم الحرمين الشريفين الملك سلمان ... وسمو الشيخ تميم": a title, then its holder's name
                    following = next(scope.actors_from(first.extent[1]), None)
                    if following is not None and scope.only_titles_between(first.extent[1], following.extent[0]):
                        listed = following
                first = listed
            found = [a for a in found if a.key != src_key]
            if found:
                return found
        if src is not None:
            # coordinated subjects ("أعلنت السعودية وإيران الاتفاق") or a direct object ("التقى الوزير نظيره",
            # "أن الوزير التقى نظيره")
            other = scope.actor_at(max(src.extent[1], trig.nend), _DIRECT_OBJECT_GAPS)
            if other is not None and other.extent[0] < limit and other.key != src_key:
                return [other]
            if trigger.type == "CONSULT" and trigger.pos == "verb":
                # "التقى الملك، في قصر الحسينية اليوم، الأمين العام ...": past a parenthesis, the next person
                for a in scope.actors_from(max(src.extent[1], trig.nend)):
                    if a.extent[0] >= limit:
                        break
                    if a.kind == "person" and a.key != src_key:
                        return [a]
        return []

    def _author_after(self, scope: _Scope, trig: Mention) -> ActorMention | None:
        """ "هجوم ... شنته جماعة الحوثي"، "التفجير الذي نفذه تنظيم داعش": the subject of a light verb whose pronoun
        takes the noun back, within a few words after it."""
        nav = scope.nav
        i = nav.after(trig.nend)
        for k in range(i, min(i + RESULT_REACH + 2, len(nav.tokens))):
            tok = nav.tokens[k]
            if tok.norm in CLAUSE_END:
                return None
            if tok.norm in self.resumptive_light_verbs:
                pos, m = tok.nend, k + 1
                while m < len(nav.tokens) and nav.tokens[m].norm in self.skippable:
                    pos, m = nav.tokens[m].nend, m + 1  # "نفذه مئات المستوطنين"
                author = scope.actor_at(pos, frozenset({""}))
                if author is None:
                    # "غارة نفذتها طائرة مسيرة إسرائيلية": a weapon of the same kind, with its state's demonym
                    weapon = next(
                        (t for t in scope.by_trigger_start.get(nav.skip_space(pos), ()) if t.entry.pos == "noun"), None
                    )
                    demonym = scope.demonyms.get(nav.skip_space(weapon.nend)) if weapon is not None else None
                    if demonym is not None:
                        return self._demonym_actor(scope.doc, demonym, trig.entry.type)
                return author if author is not None and author.kind in ("group", "organization", "person") else None
        return None

    def _adversary(self, scope: _Scope, trig: Mention, src: ActorMention | None, sent_end: int) -> ActorMention | None:
        """Whom a mobilization faces: the actor (or the demonym) a few words after "ضد"، "تحسبا ل"، "ردا على"،
        "التوتر مع" in its sentence ("استدعاء الاحتياط ... ضد حزب الله"، "ردا على الهجوم الروسي")."""
        nav = scope.nav
        src_country = src.actor.country if src is not None else None
        for i in range(nav.after(trig.nend), nav.after(sent_end)):
            if nav.tokens[i].norm not in self.adversary_markers:
                continue
            window = nav.tokens[i + 1 : i + 1 + ADVERSARY_REACH]
            if not window:
                return None
            for tok in window:  # the first named: "ردا على الهجوم العسكري الروسي على أوكرانيا" faces Russia
                a = scope.phrase_at.get(tok.nstart)
                if (
                    a is not None
                    and a.actor.country != src_country
                    and not (a.kind == "state" and self._locative(scope, a))
                ):
                    return a
                demonym = scope.demonyms.get(tok.nstart)
                if demonym is not None and demonym.entry.iso3 != src_country and not scope.in_actor(tok.nstart):
                    return self._demonym_actor(scope.doc, demonym, "MOBILIZE")
        return None

    def _armed_target(
        self, scope: _Scope, trig: Mention, end: int, start: int | None = None
    ) -> tuple[int, ActorMention] | None:
        """ "استهدف موقعا عسكريا إسرائيليا"، "على أهداف عسكرية في إسرائيل"، "على كمين أمني بمدينة العريش": an attack
        on a military or police post is an attack on that state's forces (MIL, COP), named by a demonym or a place
        within a few words after the post (after the subject, when it follows the verb: "قتلت الشرطة المصرية ...")."""
        nav = scope.nav
        tokens = nav.tokens[nav.after(max(trig.nend, start or 0)) : nav.after(end)]
        for n, tok in enumerate(tokens):
            sector = "MIL" if tok.norm in self.military_posts else "COP" if tok.norm in self.police_posts else None
            if sector is None:
                continue
            for later in tokens[n + 1 : n + 1 + ARMED_REACH]:
                if later.norm in CLAUSE_END:
                    return None
                owner = scope.actor_at(later.nstart, frozenset({""}))
                if owner is not None and owner.nstart == later.nstart and owner.kind != "state":
                    return None  # "مواقع للمعارضة": the post is that of the group named
                demonym = scope.demonyms.get(later.nstart)
                if demonym is not None:
                    return tok.nstart, self._state_actor(scope.doc, demonym.entry.iso3, demonym, sector)
                place = scope.place_at.get(later.nstart)
                if place is not None and place.location.country:
                    return tok.nstart, self._state_actor(scope.doc, place.location.country, place, sector)
            # "أهداف عسكرية وأمنية في إسرائيل": the next word of the post may still name its state
        return None

    def _state_actor(self, doc: Document, iso3: str, m: Mention | PlaceMention, sector: str) -> ActorMention:
        """A state's forces or body named by a demonym or a place ("موقعا عسكريا إسرائيليا"، "في إسرائيل")."""
        country = self.lex.countries.get(iso3)
        text = m.text if isinstance(m, Mention) else m.location.text
        start, end = (m.start, m.end) if isinstance(m, Mention) else (m.location.start, m.location.end)
        name = country.name_en if country is not None else None
        actor = Actor(text, start, end, name, iso3, None, sector, None, f"state:{iso3}")
        key = f"state:{iso3}:{sector}"
        return ActorMention(actor, "state", key, m.nstart, m.nend, (m.nstart, m.nend), doc.sentence_of(m.nstart), True)

    def _location(
        self, scope: _Scope, trig: Mention, s_start: int, s_end: int, args: tuple[ActorMention, ...]
    ) -> Location | None:
        """A state, capital, region or town named "في X", "بـX" or "في مدينة X" in the sentence (outside any person's
        name or title), the one after the trigger first."""
        # a party is not the place of its own event, but the state whose forces an attack hit "في إسرائيل" is
        used = {(a.nstart, a.nend) for a in args if not (a.actor.sector in ("MIL", "COP") and a is not args[0])}
        statement = trig.entry.type in STATEMENT_TYPES and not _act(trig.entry)
        options = []
        for pm in scope.named_places[bisect_left(scope.named_place_starts, s_start) :]:
            if pm.nstart >= s_end or (statement and pm.nstart >= trig.nstart):
                break
            # troops sent "إلى محافظة إدلب" are deployed there
            mobilized = trig.entry.type == "MOBILIZE"
            toward = self.streets | self.place_nouns if mobilized else self.streets
            before = scope.nav.token(scope.nav.after(pm.nstart - len(pm.prefix)) - 1)
            sent_to = mobilized and before is not None and before.norm in self.destination_markers
            if (pm.nstart, pm.nend) in used or not (
                sent_to or locative(scope.nav, pm, self.place_nouns, self.destination_markers, toward)
            ):
                continue
            if self._about(scope, pm, trig):
                continue  # "تطورات الأوضاع في السودان"، "وقف إطلاق النار في غزة": what is discussed, not where
            options.append(pm)
        if not options:
            return None
        return next((p for p in options if p.nstart >= trig.nend), options[0]).location

    def _about(self, scope: _Scope, pm: PlaceMention, trig: Mention) -> bool:
        """True when "في X" completes a noun other than the trigger: a topic ("الحرب في غزة") or a noun of
        situations and talks (الأوضاع، التطورات، المفاوضات)."""
        nav = scope.nav
        i = nav.after(pm.nstart - len(pm.prefix)) - 1
        while (tok := nav.token(i)) is not None and tok.norm != "في" and tok.norm in self.place_nouns:
            i -= 1
        if tok is None or tok.norm != "في":
            return False
        noun = nav.token(i - 1)
        if noun is None or trig.nstart <= noun.nstart < trig.nend:
            return False
        if noun.norm in self.about_nouns or (noun.nend in scope.office_ends and pm.kind == "country"):
            return True  # and "وزير ... والشؤون الخارجية في الجمهورية الفرنسية": whose office, not where
        if noun.nend in scope.topic_ends:
            return True
        k = bisect_right(scope.topic_starts, pm.nstart) - 1  # topics do not overlap each other
        return k >= 0 and pm.nend <= scope.topics[k].nend
