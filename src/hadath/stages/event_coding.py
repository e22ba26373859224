"""The event stage's coding: mode, CAMEO code, location, date, topics and contexts of each candidate, and one
event per type and dyad per document."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import date

from hadath.document import Actor, ActorMention, DateMention, Document, Event, Location, Mention, Span
from hadath.lexicon.entries import Trigger
from hadath.ontology import SYMMETRIC_TYPES
from hadath.stages._nav import CLAUSE_END, TokenIndex
from hadath.stages.event_common import (
    BACKGROUND_DAYS,
    COMPANION_REACH,
    INTERIOR_ROLES,
    LOCAL_SECTORS,
    OWN_DATE_REACH,
    PHONE_REACH,
    PLACE_PEOPLE,
    POLICE_ACTS,
    STATEMENT_TYPES,
    Candidate,
    RuleBase,
    _act,
    _frees,
    _known_name,
    _merge,
    _place_span,
)


class EventCoding(RuleBase):
    """The event stage's coding: mode, CAMEO code, location, date, topics and contexts of each candidate, and one"""

    @staticmethod
    def document_topics(doc: Document) -> tuple[str, ...]:
        """Every topic the document names, the most named first (ties: the first named first)."""
        counts: dict[str, int] = {}
        for m in doc.mentions:
            if m.kind == "topic":
                counts[m.entry.topic] = counts.get(m.entry.topic, 0) + 1
        order = {t: i for i, t in enumerate(counts)}
        return tuple(sorted(counts, key=lambda t: (-counts[t], order[t])))

    def build(self, doc: Document, candidates: list[Candidate]) -> list[Event]:
        """Settle mode, location, topics; merge repeated mentions of one event (same type and dyad)."""
        best = self._best_mentions(doc)
        nav = TokenIndex(doc)
        factual = [c for c in candidates if c.status == "factual"]
        doc_location = next((c.location for c in factual if c.location is not None), None)
        topics_by_sentence = self._topics_by_sentence(doc, candidates)
        date_starts = [d.nstart for d in doc.dates]
        speakers = [m.nstart for m in doc.mentions if m.kind == "cue" and m.entry.kind == "speaker"]
        first_meeting = min((c.sentence for c in factual if c.trigger.entry.type == "CONSULT"), default=None)
        events: list[Event] = []
        index: dict[tuple[object, ...], int] = {}
        assumed: set[int] = set()  # protests addressed to their place's authorities for want of a named addressee
        for cand in candidates:
            day = self._date(doc.dates, date_starts, cand, doc)
            own = self._own_date(nav, doc, cand)
            if cand.status == "background" and own is not None and doc.date is not None and own == doc.date:
                # "وكان مئات المحتجين قد اقتحموا فجر اليوم ...": a pluperfect of the report's own day tells news
                cand = replace(cand, status="factual")
            if cand.status == "factual" and own is not None and doc.date is not None and own > doc.date:
                # "يبدأ الرئيس الأسبوع المقبل زيارة ..."، "تعقد القمة في 12 مايو" (in a report of May 1): not yet
                cand = replace(cand, status="planned")
            if (
                cand.status == "factual"
                and own is not None
                and doc.date is not None
                and (doc.date - own).days > BACKGROUND_DAYS
            ):
                # "التقى الوزير في مارس الماضي ..." in a report of July: recalled, not news
                cand = replace(cand, status="background")
            if (
                cand.status == "factual"
                and own is None
                and day is not None
                and doc.date is not None
                and (day > doc.date or (doc.date - day).days > BACKGROUND_DAYS)
            ):
                # a date of another clause ("رحب ... بالهدنة التي تبدأ غدا"، "... منذ عام 2011"): the event, told as
                # news, is of the report's day; a factual event is never dated after its report
                day = doc.date
            elif own is not None:
                day = own  # the date of the trigger's own clause, before a nearer one of the next clause
            if cand.status != "factual" and not self.config.include_nonfactual:
                continue
            trigger: Trigger = cand.trigger.entry
            place = (cand.location.country if cand.location else None) or doc.dateline_country
            filed = doc.dateline_country
            source = self._localize(self._display(cand.source, best), cand.source, place, filed)
            target = None
            assumed_target = False
            if cand.target is not None:
                target = self._localize(self._display(cand.target, best), cand.target, place, filed)
                if trigger.args == "host":
                    # "استقبل A B": B visits A; the contract's mode "visit" has the traveller as source
                    source, target = target, source
            elif trigger.type == "PROTEST" and place is not None and self._grievance(nav, cand.trigger, doc, cand):
                # "اعتصموا احتجاجا على تأخر صرف رواتبهم"، "للمطالبة بعلاوة": a protest that voices a grievance or a
                # demand and names no addressee is addressed to the authorities of its place
                target = self._place_state(cand.trigger, place, cand.location)
                assumed_target = True
            elif (trigger.type in PLACE_PEOPLE or _frees(trigger)) and place is not None:
                # an attack or a raid on a place whose victims go unnamed: the people of that place; aid to them,
                # but economic or military aid (a deposit, arms) goes to their state
                if trigger.type == "AID" and trigger.mode in ("economic", "military"):
                    target = self._place_state(cand.trigger, place, cand.location)
                else:
                    text, start, end = _place_span(cand.trigger, place, cand.location)
                    target = Actor(text, start, end, None, place, None, "CVL", "civilians", None)
            if (
                target is not None
                and target.role == "occupation forces"
                and trigger.type in STATEMENT_TYPES
                and not _act(trigger)
            ):
                # "حمّلت الحركة الاحتلال المسؤولية"، "ترفض أي اتفاق لا يضمن انسحاب قوات الاحتلال": a statement
                # about "the occupation" addresses the occupying state
                target = replace(target, sector="GOV")
            if (
                source.role in INTERIOR_ROLES
                and (trigger.type, trigger.mode) in POLICE_ACTS
                and source.country is not None
            ):
                # "أعلن وزير الداخلية توقيف 875 شخصا"، "نشرت وزارة الداخلية تعزيزات أمنية": the police did it
                source = replace(source, sector="COP")
            key = self._dedup_key(trigger.type, source, target, cand.status)
            if assumed_target and key not in index:
                assumed.add(len(events))
            topics = topics_by_sentence.get(cand.sentence, ())
            trig_span = Span(cand.trigger.text, cand.trigger.start, cand.trigger.end)
            if key in index:
                i = index[key]
                old = events[i]
                refined = old.mode is None and trigger.mode is not None and trigger.type != "CONSULT"
                events[i] = replace(
                    old,
                    # "هجوم غادر بطائرات مسيرة": a later mention naming the weapon gives the mode the first lacked
                    mode=trigger.mode if refined else old.mode,
                    cameo=trigger.cameo if refined else old.cameo,
                    evidence=(*old.evidence, trig_span),
                    topics=_merge(old.topics, topics),
                    contexts=_merge(old.contexts, self._contexts(trigger, topics)),
                    location=old.location or cand.location,
                )
                continue
            by_phone = trigger.type == "CONSULT" and self._by_phone(nav, cand.trigger)
            # a call joins two places: it has none ("تلقى اتصالا هاتفيا ... بحثا خلاله الأوضاع في غزة")
            location = None if by_phone or trigger.mode == "phone" else cand.location
            if trigger.type == "CONSULT" and location is None and doc.occasion is not None:
                location = doc.occasion_location  # "على هامش مؤتمر ... المنعقد في عمّان"
            elsewhere = cand.status == "factual" and trigger.mode != "phone" and not by_phone
            # "من جانبه، أثنى ..." after a meeting: said at that meeting, so at its place and occasion
            at_meeting = (
                first_meeting is not None
                and first_meeting < cand.sentence
                and (cand.how in ("speaker", "participants") or self._speaker_turn(doc, speakers, cand))
            )
            statement = trigger.type in STATEMENT_TYPES and not _act(trigger)
            if location is None and elsewhere and (not statement or at_meeting):
                # the document's first event place, else where the report was filed
                location = doc_location or doc.dateline_location
            if cand.source.kind == "implicit" and source.country is None and location is not None:
                # an unnamed attacker whose sentence names no place: the country of the place the event is given
                source = replace(source, country=location.country)
            mode, cameo, swap = (
                ("phone", "041", False) if by_phone else self._mode(trigger, doc, source, target, location)
            )
            if cand.how == "multilateral":
                mode, cameo, swap = "multilateral", "040", False
            if trigger.args == "fires" and self._gunfire(nav, cand.trigger, doc.sentences[cand.sentence].nend):
                mode, cameo = "firearms", "193"  # "أطلق مسلحون مجهولون النار على ...": not missiles
            if swap and target is not None:
                source, target = target, source
            confidence = 0.9
            if cand.location is None:
                confidence -= 0.05
            if cand.how != "adjacent":
                confidence -= 0.1
            if not _known_name(source) or target is None or not _known_name(target):
                confidence -= 0.05  # a name the knowledge base does not give (a romanization is no identification)
            sentence = doc.sentences[cand.sentence]
            index[key] = len(events)
            events.append(
                Event(
                    id="",
                    type=trigger.type,
                    mode=mode,
                    cameo=cameo,
                    contexts=self._contexts(trigger, topics),
                    source=source,
                    target=target,
                    location=location,
                    occasion=doc.occasion if trigger.type == "CONSULT" or at_meeting else None,
                    date=day or doc.date,
                    trigger=trig_span,
                    sentence=(sentence.start, sentence.end),
                    topics=topics,
                    confidence=round(max(confidence, 0.5), 2),
                    status=cand.status,
                )
            )
        # a protest given the authorities of its place for want of a named addressee is the same protest as one of
        # the same crowd whose addressee is named ("أعمال شغب ... أحرق خلالها محتجون ... احتجاجا على ... شرطي")
        named = {(e.type, e.source.code(), e.status) for i, e in enumerate(events) if i not in assumed}
        events = [
            e for i, e in enumerate(events) if i not in assumed or (e.type, e.source.code(), e.status) not in named
        ]
        return [replace(e, id=f"{doc.doc_id}:{i}") for i, e in enumerate(events, start=1)]

    def _grievance(self, nav: TokenIndex, trig: Mention, doc: Document, cand: Candidate) -> bool:
        """A grievance or a demand ("احتجاجا على"، "رفضا ل"، "للمطالبة ب"، "مطالبين") after the protest in its
        sentence (the bare prepositions على and أمام name a place or an addressee, not a grievance)."""
        sent = doc.sentences[cand.sentence]
        after = nav.tokens[nav.after(trig.nend) : nav.after(sent.nend)]
        # ... or told before in the report ("نزلوا إلى الساحات للمطالبة بالتغيير ... فيما يواصل المحتجون اعتصاماتهم")
        before = nav.tokens[nav.after(doc.sentences[0].nstart) : nav.after(sent.nstart)]
        return any(t.norm in self.against_markers and t.norm not in self.place_markers for t in (*after, *before))

    def _place_state(self, trig: Mention, place: str, loc: Location | None) -> Actor:
        """The government of the event's place: the unnamed addressee of a protest's grievance, the recipient of
        economic or military aid; its span is the place's name (see :func:`_place_span`)."""
        country = self.lex.countries.get(place)
        name = country.name_en if country is not None else None
        text, start, end = _place_span(trig, place, loc)
        return Actor(text, start, end, name, place, None, "GOV", None, f"state:{place}")

    def _gunfire(self, nav: TokenIndex, trig: Mention, sent_end: int) -> bool:
        """The object of "أطلق" is gunfire (النار، الرصاص), not rockets or shells."""
        for tok in nav.tokens[nav.after(trig.nend) : nav.after(sent_end)][:COMPANION_REACH]:
            if tok.norm in self.instruments:
                return tok.norm in self.gunfire
        return False

    @staticmethod
    def _speaker_turn(doc: Document, speakers: list[int], cand: Candidate) -> bool:
        """ "من جانبه، أثنى ...": the sentence opens with the turn of a speaker of the meeting just told."""
        sent = doc.sentences[cand.sentence]
        return any(sent.nstart <= s < cand.trigger.nstart for s in speakers)

    @staticmethod
    def _date(dates: tuple[DateMention, ...], starts: list[int], cand: Candidate, doc: Document) -> date | None:
        """The date named in the event's sentence nearest its trigger ("التقى ... أمس"), if any."""
        sent = doc.sentences[cand.sentence]
        trig = cand.trigger
        near = dates[bisect_left(starts, sent.nstart) : bisect_left(starts, sent.nend)]
        if not near:
            return None
        return min(near, key=lambda d: min(abs(d.nstart - trig.nend), abs(trig.nstart - d.nend))).value

    @staticmethod
    def _own_date(nav: TokenIndex, doc: Document, cand: Candidate) -> date | None:
        """The date a few words from the trigger in its own clause ("يبدأ ... الأسبوع المقبل زيارة"), if any: the
        day of this event, not of another one the sentence tells ("رحب ... بهدنة تبدأ غدا")."""
        trig = cand.trigger
        first, last = nav.after(trig.nstart), nav.after(trig.nend)
        best: tuple[int, date] | None = None
        for d in doc.dates:
            if doc.sentence_of(d.nstart) != cand.sentence:
                continue
            a, b = (nav.after(d.nend), first) if d.nend <= trig.nstart else (last, nav.after(d.nstart))
            between = nav.tokens[a:b]
            if len(between) > OWN_DATE_REACH or any(t.norm in CLAUSE_END for t in between):
                continue
            if d.nstart >= trig.nend and between and between[-1].kind == "clitic" and between[-1].norm == "و":
                continue  # "قتلوا زوجي وأولادي واليوم يطردوننا": the day opens the next clause
            if best is None or len(between) < best[0]:
                best = (len(between), d.value)
        return best[1] if best is not None else None

    def _by_phone(self, nav: TokenIndex, trig: Mention) -> bool:
        """ "بحث الوزير هاتفيا مع نظيره": a meeting verb with an adverb of the telephone is a call."""
        i = nav.after(trig.nend)
        return any(t.norm in self.phone_adverbs for t in nav.tokens[i : i + PHONE_REACH])

    def _mode(
        self, trigger: Trigger, doc: Document, source: Actor, target: Actor | None, location: Location | None
    ) -> tuple[str | None, str, bool]:
        """``(mode, cameo, swap)``: ``swap`` when the visitor was named second ("التقى الملك في عمّان الأمين العام":
        the contract's visit has the traveller as its source)."""
        if trigger.type != "CONSULT" or trigger.mode is not None or target is None:
            return trigger.mode, trigger.cameo, False
        # on the sidelines of an occasion: a third-party meeting, unless it was held in one party's country (then
        # the other party travelled there)
        if (location is None or not location.country) and (doc.occasion is not None or self._on_sidelines(doc)):
            return "third-party", "044", False
        if location is not None and location.country:
            if location.country not in (source.country, target.country):
                return "third-party", "044", False
            if location.country == target.country and location.country != source.country:
                return "visit", "042", False
            if location.country == source.country and location.country != target.country:
                return "visit", "042", True
        return None, trigger.cameo, False

    @staticmethod
    def _on_sidelines(doc: Document) -> bool:
        """ "على هامش أعمال الدورة ...": the report's meetings took place at an event elsewhere."""
        return any(m.kind == "cue" and m.entry.kind == "sideline" for m in doc.mentions)

    def _contexts(self, trigger: Trigger, topics: tuple[str, ...]) -> tuple[str, ...]:
        """The trigger's PLOVER contexts, then those of its topics (in the order of topics.tsv)."""
        ranked = sorted((self.topic_contexts[t] for t in topics if t in self.topic_contexts), key=lambda rc: rc[0])
        return _merge(trigger.contexts, tuple(context for _, context in ranked))

    @staticmethod
    def _dedup_key(etype: str, source: Actor, target: Actor | None, status: str) -> tuple[object, ...]:
        target_code = target.code() if target is not None else None
        if etype in SYMMETRIC_TYPES:
            return (etype, frozenset({source.code(), target_code}), status)
        return (etype, source.code(), target_code, status)

    @staticmethod
    def _best_mentions(doc: Document) -> dict[str, ActorMention]:
        """For each actor, the mention that best names it: its longest name (not a bare title)."""
        best: dict[str, ActorMention] = {}
        for a in doc.actors:
            cur = best.get(a.key)
            rank = (a.resolved, a.nend - a.nstart)
            if cur is None or rank > (cur.resolved, cur.nend - cur.nstart):
                best[a.key] = a
        return best

    @staticmethod
    def _localize(actor: Actor, mention: ActorMention, place: str | None, filed: str | None = None) -> Actor:
        """People named without a country (مواطنين، محتجون، المعارضة) are those of the place the event happened;
        an army or a police named without a country is that of the place the report was filed, if known ("الجيش"
        in a report from Amman is Jordan's, even dropping aid on Gaza), else of the event's place."""
        if actor.country or actor.org or mention.kind not in ("group", "implicit") or actor.sector not in LOCAL_SECTORS:
            return actor
        if actor.sector in ("MIL", "COP") and filed is not None:
            return replace(actor, country=filed)
        return replace(actor, country=place)

    @staticmethod
    def _display(a: ActorMention, best: dict[str, ActorMention]) -> Actor:
        """A person is shown by the mention that names them best (the full name, not "وزير الخارجية"); states,
        bodies and groups by the mention in the event's own sentence."""
        if a.kind != "person":
            return a.actor
        b = best.get(a.key, a).actor
        return replace(a.actor, text=b.text, start=b.start, end=b.end)

    def _topics_by_sentence(self, doc: Document, candidates: list[Candidate]) -> dict[int, tuple[str, ...]]:
        """Topics named in each event sentence and in the other sentences of its paragraph, plus those of the
        following sentences without events of their own ("كما تطرق اللقاء إلى ..."), which continue the report of
        the last meeting."""
        raw: dict[int, tuple[str, ...]] = {}
        for m in doc.mentions:
            if m.kind == "topic":
                si = doc.sentence_of(m.nstart)
                raw[si] = _merge(raw.get(si, ()), (m.entry.topic,))
        paragraph: list[int] = []
        text = doc.normalized.text
        for i, sent in enumerate(doc.sentences):
            new = i == 0 or "\n" in text[doc.sentences[i - 1].nend : sent.nstart]
            paragraph.append(i if new else paragraph[-1])
        by_paragraph: dict[int, tuple[str, ...]] = {}
        for si, topics in sorted(raw.items()):
            by_paragraph[paragraph[si]] = _merge(by_paragraph.get(paragraph[si], ()), topics)
        factual = [c for c in candidates if c.status == "factual"]
        with_events = sorted({c.sentence for c in factual})
        meetings = sorted({c.sentence for c in factual if c.trigger.entry.type == "CONSULT"})
        out: dict[int, tuple[str, ...]] = {
            si: _merge(raw.get(si, ()), by_paragraph.get(paragraph[si], ())) for si in with_events
        }
        if not with_events:
            return out
        for si, topics in sorted(raw.items()):
            if si in out:
                continue
            # "كما جرى خلال اللقاء ..." continues the last meeting; else the last event; else the first one
            owner = max((e for e in meetings if e < si), default=None)
            if owner is None:
                owner = max((e for e in with_events if e < si), default=with_events[0])
            out[owner] = _merge(out[owner], topics)
        return out
