"""The event stage's factuality rules: whether a trigger reports an event (negation, future, condition,
background, reference to a known event, a noun not carried by a verb)."""

from __future__ import annotations

from bisect import bisect_left

from hadath.document import ActorMention, Mention
from hadath.lang.ar.tokenize import IMPERFECT_PREFIXES
from hadath.lexicon.entries import Trigger
from hadath.stages._nav import CLAUSE_END, CLAUSE_PUNCT
from hadath.stages.event_common import (
    _STATUS_OF_CUE,
    ANNOUNCED_TYPES,
    CROWD_REACH,
    CROWDS,
    CUE_WINDOW,
    DESCRIBED_REACH,
    LIGHT_VERB_REACH,
    NEEDS_REPORT,
    QUOTE_MARKS,
    REQUEST_REACH,
    RESULT_REACH,
    SUBJECT_REACH,
    VICTIM_TYPES,
    RuleBase,
    _plainly_verb,
    _Scope,
)


class FactualityRules(RuleBase):
    """The event stage's factuality rules: whether a trigger reports an event (negation, future, condition,"""

    def _status(self, scope: _Scope, trig: Mention, s_start: int) -> str:
        """factual, or why not: negated, planned, hypothetical, background, reference."""
        if trig.entry.type in NEEDS_REPORT and self._dated_entry(scope, trig, s_start):
            return "factual"
        cued = self._cued_status(scope, trig, s_start)
        if cued is not None:
            return cued
        if trig.entry.pos == "noun" and self._told_in_relative(scope, trig, scope.nav.after(trig.nstart)):
            return "factual"  # its own relative clause tells it as news, even as the object of a blame
        described = self._described_noun(scope, trig)
        if described is not None:
            status = self._cued_status(scope, described, s_start) or self._referred(scope, described, s_start)
            if status is not None:
                return status  # "في أعقاب هجوم انتحاري استهدف مدرسة": the verb describes a recalled attack
        return (
            self._form_status(scope, trig, s_start)
            or self.reading.status(scope.doc, scope.nav, trig, scope.triggers)
            or "factual"
        )

    def _announced_by(self, scope: _Scope, actor: ActorMention) -> bool:
        """The actor is the subject of an attribution verb right before it ("أعلن الجيش ...")."""
        return self._attributed(scope, scope.nav.after(actor.extent[0]))

    def _attributed(self, scope: _Scope, i: int) -> bool:
        """An attribution verb is the word right before token ``i`` ("أعلن الجيش"، "أعلن الحرس الثوري احتجاز")."""
        return any(scope.nav.tokens[j].nstart in scope.attribution_start_set for j in self._words_back(scope, i, 1))

    def _after_relative(self, scope: _Scope, t: Mention) -> bool:
        """The verb stands right after a relative pronoun ("الذي"، "الذين")."""
        prev = scope.nav.token(scope.nav.after(t.nstart - len(t.prefix)) - 1)
        return prev is not None and prev.norm in self.relatives

    def _described_noun(self, scope: _Scope, trig: Mention) -> Mention | None:
        """The indefinite noun of a violent event that a verb right after it describes (an adjectival clause:
        "هجوم انتحاري استهدف مدرسة"، "غارة جوية قتلت ..."): the verb tells no more than the noun does."""
        if trig.entry.type not in VICTIM_TYPES or trig.entry.pos != "verb" or trig.prefix:
            return None  # "وقتل": a coordinated verb starts a clause of its own
        nav = scope.nav
        i = nav.after(trig.nstart)
        for k in range(i - 1, max(-1, i - 1 - DESCRIBED_REACH), -1):
            tok = nav.tokens[k]
            if tok.norm in CLAUSE_PUNCT:
                return None
            for t in scope.by_trigger_end.get(tok.nend, ()):
                if (
                    t.entry.type == trig.entry.type
                    and t.entry.pos == "noun"
                    and not nav.text.startswith("ال", t.nstart)
                ):
                    return t
        return None

    def _dated_entry(self, scope: _Scope, trig: Mention, s_start: int) -> bool:
        """A timeline entry: the sentence opens with a full date and the act follows it ("29 أغسطس (آب) 2003 قتل نحو
        80 شخصا ..."، "* 14 فبراير 2005: اغتيال ..."). Dated by its own words, it reports, however long ago."""
        nav = scope.nav
        first = nav.after(s_start)
        while first < len(nav.tokens) and nav.tokens[first].kind == "punct":
            first += 1  # "* "، "- "
        if first >= len(nav.tokens):
            return False
        if nav.tokens[first].kind != "number":
            return False  # a day of the month opens it: "29 أغسطس 2003"، not "في أغسطس 2003"
        opening = next((d for d in scope.doc.dates if d.nstart == nav.tokens[first].nstart), None)
        if opening is None:
            return False
        between = nav.tokens[nav.after(opening.nend) : nav.after(trig.nstart - len(trig.prefix))]
        return all(t.kind == "punct" for t in between)

    def _cued_status(self, scope: _Scope, trig: Mention, s_start: int) -> str | None:
        """Words that mark a mention as not factual: the future prefix, a pluperfect, a cue shortly before."""
        nav = scope.nav
        if "س" in trig.prefix:
            return "planned"
        first = nav.after(trig.nstart - len(trig.prefix))  # the trigger's first token, proclitics included
        # "وكان الوزير ... قد بحث": a pluperfect recalls an earlier event
        prev = nav.token(first - 1)
        # "وكان المتظاهرون قد خرجوا السبت": a pluperfect dated to a recent day tells an earlier step of the news
        recent = trig.entry.type in NEEDS_REPORT and self.reading.recent(scope.doc, nav, trig)
        if prev is not None and prev.norm == "قد" and not recent:
            for tok in reversed(nav.tokens[nav.after(s_start) : first - 1]):
                if tok.norm in CLAUSE_PUNCT:
                    break
                if tok.norm in self.past_aux:
                    return "background"
        # the window counts words outside actor phrases: "يعتزم الرئيس التركي رجب طيب أردوغان القيام بزيارة"
        k, counted = first - 1, 0
        while k > 0 and counted < CUE_WINDOW:
            if not scope.in_actor(nav.tokens[k].nstart) and nav.tokens[k].norm not in QUOTE_MARKS:
                counted += 1  # 'عزم عناصر «القاعدة» خطف': quotes around a name are not words
            k -= 1
        window_start = max(nav.tokens[max(0, k)].nstart if nav.tokens else 0, s_start)
        lo = bisect_left(scope.cue_starts, window_start)
        for cue in scope.cues[lo:]:
            if cue.nstart >= trig.nstart:
                break
            if cue.entry.kind not in _STATUS_OF_CUE or (recent and cue.entry.kind == "background"):
                continue  # "وكان ... قد قتلوا أمس": an earlier step of the news, dated, not a recall
            if any(t.norm in CLAUSE_END for t in nav.tokens[nav.after(cue.nend) : first]):
                continue
            return _STATUS_OF_CUE[cue.entry.kind]
        return None

    def _form_status(self, scope: _Scope, trig: Mention, s_start: int) -> str | None:
        """What the trigger's own form and position say: a purpose or subjunctive verb, a relative clause or a
        bare noun of a violent event (a reference to an event reported elsewhere)."""
        nav = scope.nav
        trigger: Trigger = trig.entry
        i = nav.after(trig.nstart)  # the trigger's own token (its proclitics, if split, come before it)
        prev = nav.token(i - 1)
        imperfect = trigger.pos == "verb" and trig.text[:1] in IMPERFECT_PREFIXES
        if imperfect and ("ل" in trig.prefix or (prev is not None and prev.norm in self.subjunctive)):
            return "hypothetical"  # "ليفجر نفسه"، "أن يهاجم": purpose and subjunctive are not reports
        if trigger.pos == "verb" and prev is not None and prev.norm in self.relatives:
            return "reference"  # "الهجوم الذي استهدف ..."، "تصريحاته التي دعا فيها": a relative clause recalls
        if trigger.pos == "verb" and prev is not None and prev.norm in self.function_words:
            before_prev = nav.token(i - 2)
            if before_prev is not None and before_prev.norm in self.relatives:
                return "reference"  # "التي دعا فيها"، "الذي قال إن": one particle between
        if self._requested(scope, trig, i, s_start):
            return "hypothetical"  # "دعا مصر والأردن إلى استقبال ..."، "توعد باستهداف السفن": asked for, threatened
        if trigger.type not in NEEDS_REPORT:
            return None
        if (
            trigger.type in VICTIM_TYPES
            and trigger.pos == "verb"
            and prev is not None
            and prev.norm in self.subordinators
        ):
            return "reference"  # "حيث قتل ..."، "عندما هاجم ...": a violent act recalled as a circumstance
        if trigger.pos == "noun" or not (_plainly_verb(trig.text) or self._verb_position(scope, trig, i)):
            # a verb form in a noun's place ("جرائم قتل"، "بتهمة خطف") is read as the verbal noun it then is
            status = self._noun_report(scope, trig, i, s_start)
            return None if status == "factual" else status
        return None

    def _future_verb(self, scope: _Scope, j: int) -> bool:
        """The light verb at token ``j`` is in the future ("ستواصل")، or is the verbal noun of one ("ستواصل شن")."""
        nav = scope.nav
        for k in (j - 1, j - 2):
            tok = nav.token(k)
            if tok is None:
                return False
            if tok.kind == "clitic" and tok.norm == "س":
                return True
            if k == j - 1 and tok.norm not in self.light_verbs:
                return False
        return False

    def _told_in_relative(self, scope: _Scope, trig: Mention, i: int) -> bool:
        """A violent noun whose relative clause names its author with a resumptive light verb ("الذي نفذه ...")
        and a day of the report or the one before ("الليلة الماضية"، "أمس"، "اليوم"): the clause tells the news."""
        nav, doc = scope.nav, scope.doc
        k = self.reading.relative_after(nav, i)
        verb = nav.token(k + 1) if k is not None else None
        if k is None or verb is None:
            return False
        same_type_verb = any(
            t.entry.type == trig.entry.type and t.entry.pos == "verb"
            for t in scope.by_trigger_start.get(verb.nstart, ())
        )
        if verb.norm not in self.resumptive_light_verbs and not same_type_verb:
            return False  # "الغارة الإسرائيلية التي استهدفت اليوم ..." tells it too
        if doc.date is None:
            return False
        end = nav.next_punct(k + 2, CLAUSE_END, doc.sentences[doc.sentence_of(trig.nstart)].nend)
        return any(verb.nend <= d.nstart < end and 0 <= (doc.date - d.value).days <= 1 for d in doc.dates)

    def _requested(self, scope: _Scope, trig: Mention, i: int, s_start: int) -> bool:
        """An act named as what a call, a demand or a threat is about ("دعا ... إلى استقبال"، "طالب بالإفراج عن"،
        "هدد باستهداف"): linked to it by إلى، ب، ل، على or أن, with no other verb between them."""
        nav = scope.nav
        first = nav.after(trig.nstart - len(trig.prefix))
        prev = nav.token(first - 1)
        linked = bool(set(trig.prefix) & self.request_links) or (prev is not None and prev.norm in self.request_links)
        if not linked:
            return False
        for k in self._words_back(scope, first, REQUEST_REACH):
            tok = nav.tokens[k]
            if tok.nstart < s_start:
                break
            for t in scope.by_trigger_start.get(tok.nstart, ()):
                if t is not trig and t.entry.type in ("REQUEST", "THREATEN"):
                    return True
        return False

    def _noun_report(self, scope: _Scope, trig: Mention, i: int, s_start: int) -> str:
        """A violent event named by a noun is reported when the sentence tells what it did (casualties,
        damage) or a verb carries it ("شن هجوما"، "تعرض لهجوم"); after "بعد"، "منذ"، "ضد"، "التحقيق في" or as a
        definite noun without such support ("الهجوم") it refers to an event reported elsewhere."""
        nav = scope.nav
        if self._referred(scope, trig, s_start):
            return "reference"
        if any(
            t.entry.type == trig.entry.type
            and t.entry.pos == "verb"
            and not self._after_relative(scope, t)  # "الذين استهدفوا تفجير المركز": a relative clause recalls
            for t in scope.by_trigger_end.get(nav.skip_space_back(trig.nstart), ())
        ):
            return "factual"  # "استهدفت طائرة مسيرة": the verb before it reports it
        for j in self._words_back(scope, i, LIGHT_VERB_REACH):
            tok = nav.tokens[j]
            before = nav.token(j - 1)
            if tok.norm in self.light_verbs and tok.nstart >= s_start and self._future_verb(scope, j):
                return "planned"  # "ستواصل إطلاق الصواريخ"، "ستواصل شن الهجمات": carried by a verb in the future
            if tok.norm in self.light_verbs and tok.nstart >= s_start:
                # "شن هجوما" carries the event; "لشن هجوم"، "بشن"، "في شن" (a purpose, a verbal noun) do not
                if (
                    before is not None
                    and (
                        (before.kind == "clitic" and before.norm in ("ل", "ب"))
                        or before.norm in self.prepositions
                        or before.norm in self.relatives
                        or before.norm in self.subordinators
                    )
                    and not self.reading.circumstance_of_toll(nav, j - 1, s_start)
                ):
                    return "reference"  # "الذين نفذوا الاعتداء"، "حينما تم توجيه ضربات": a known event described
                return "factual"
        # "عبوة ناسفة انفجرت"، "التفجير أسفر عن": a verb right after it says what it did
        for tok in nav.tokens[i + 1 : i + 1 + RESULT_REACH]:
            if tok.norm in CLAUSE_PUNCT or tok.norm in self.relatives:
                break  # "التفجير الذي استهدف": a relative clause describes a known event
            if tok.norm in self.result_verbs:
                return "factual"
        if (trig.entry.type in ANNOUNCED_TYPES or trig.entry.mode == "boycott") and self._attributed(scope, i):
            # "أعلن الحرس الثوري احتجاز ناقلة": an act announced by its author; "أعلن الجيش مقتل أحد جنوده": a death
            # announced
            return "factual"
        first = nav.after(trig.nstart - len(trig.prefix))
        marker = nav.token(first - 1)
        if (
            trig.entry.type in VICTIM_TYPES
            and marker is not None
            and marker.norm in self.causal_words
            and self._toll_before(scope, first, s_start, deaths_only=True)
        ):
            return "factual"  # "استشهد مواطن لبناني، اليوم، جراء غارة ...": the cause of a death just told
        sent = scope.doc.sentences[scope.doc.sentence_of(trig.nstart)]
        if self.reading.chronology_item(nav, i, s_start):
            return "factual"  # "* 14 فبراير 2005: اغتيال ..."
        if self.reading.predicate_after_relative(nav, i, sent.nend):
            return "factual"  # "الهجوم الذي وقع أمس، أسفر عن مقتل ...": its relative clause stepped over
        if nav.text.startswith("ال", trig.nstart):
            return "reference"  # "الهجوم"، "المظاهرات" without a verb carrying them name a known event
        if trig.entry.type == "PROTEST":
            # a protest is reported with its crowd: "آلاف المتظاهرين"، "مئات الطلاب"
            near_start = nav.tokens[max(0, i - CROWD_REACH)].nstart
            near_end = nav.tokens[min(len(nav.tokens) - 1, i + CROWD_REACH)].nend
            for a in scope.actors_from(max(sent.nstart, near_start)):
                if a.extent[0] >= min(sent.nend, near_end):
                    break
                if a.kind == "group" and a.actor.role in CROWDS:
                    return "factual"
            # or counted right next to it: "مظاهرات حاشدة شارك فيها الآلاف" is carried by the crowd above
            for tok in nav.tokens[max(0, i - 2) : i + 3]:
                if tok.norm in self.quantities:
                    return "factual"
            return "reference"
        # an attack is reported with its toll: a casualty word next to a number ("مقتل 17 شخصا"، "سقوط 12 قتيلا")
        tokens = nav.tokens[nav.after(sent.nstart) : nav.after(sent.nend)]
        for k, tok in enumerate(tokens):
            if tok.norm in self.casualty_words and not (trig.nstart <= tok.nstart < trig.nend):
                near = tokens[max(0, k - 3) : k + 4]
                if any(t.kind == "number" or t.norm in self.numbers for t in near):
                    return "factual"
        return "reference"

    def _referred(self, scope: _Scope, trig: Mention, s_start: int) -> str | None:
        """ "reference" when a word that recalls a known event stands right before the noun ("بعد الهجوم"،
        "في أعقاب هجوم"، "مسؤولية التفجير")."""
        nav = scope.nav
        i = nav.after(trig.nstart)
        # "بعد يوم من مقتل ..."، "قبل ساعات من الهجوم": a time elapsed since the event, told as known
        of, unit = nav.token(i - 1), nav.token(i - 2)
        if of is not None and of.norm == "من" and unit is not None and unit.norm in self.elapsed_units:
            for tok in nav.tokens[max(0, i - 4) : i - 2]:
                if tok.norm in self.reference_words and tok.nstart >= s_start:
                    return "reference"
        for k in range(max(0, i - 2), i):
            tok = nav.tokens[k]
            if tok.norm in self.reference_words and tok.nstart >= s_start:
                if tok.norm in self.causal_words and self._toll_before(scope, k, s_start):
                    continue  # "أعلنت ... استشهاد اثنين من منتسبيها إثر هجوم ...": the toll's cause is told with it
                return "reference"
        return None

    def _toll_before(self, scope: _Scope, k: int, s_start: int, deaths_only: bool = False) -> bool:
        """A casualty word or a violent act earlier in the sentence of token ``k`` ("قتل ثلاثة ... إثر"، "استشهاد
        اثنين ... إثر"، "اغتيال ... إثر")."""
        nav = scope.nav
        for tok in reversed(nav.tokens[nav.after(s_start) : k]):
            if tok.norm in (".", "\n", ";", ":"):
                return False
            if deaths_only:
                if tok.norm in self.casualty_words and tok.norm not in self.result_verbs:
                    return True
                continue
            if tok.norm in self.casualty_words or tok.norm in self.passive_tolls:
                return True
            if any(t.entry.type in VICTIM_TYPES for t in scope.by_trigger_end.get(tok.nend, ())):
                return True  # "أعلنت الحركة اغتيال رئيس مكتبها إثر غارة ...": the raid that did it
        return False

    def _words_back(self, scope: _Scope, i: int, count: int) -> list[int]:
        """Indices of the tokens before token ``i`` up to ``count`` words back, not counting the words of actor
        phrases, adverbs and quantities ("نفذ عشرات الصحفيين السودانيين اليوم اعتصاما")."""
        nav = scope.nav
        out: list[int] = []
        k, counted = i - 1, 0
        while k >= 0 and counted < count:
            tok = nav.tokens[k]
            if tok.norm in QUOTE_MARKS:
                k -= 1
                continue  # 'أعلنت حركة "حماس" اغتيال': quotes wrap a name inside the clause
            if tok.norm in CLAUSE_PUNCT:
                break
            out.append(k)
            if (
                tok.kind == "word"
                and not scope.in_actor(tok.nstart)
                and tok.norm not in self.skippable
                and tok.norm not in self.place_nouns
                and tok.nstart not in scope.demonyms
            ):
                # proclitics (لـ in "لهجوم"), actor phrases, adverbs and places ("شهدت عدة مدن فرنسية الليلة
                # الماضية أعمال شغب") do not count
                counted += 1
            k -= 1
        return out

    def _verb_position(self, scope: _Scope, trig: Mention, i: int) -> bool:
        """True where a verb can stand: at the start of a sentence or clause, after a conjunction or a
        particle (قد، ثم، الذي، أن ...), after the subject, or after a time adverb."""
        nav = scope.nav
        j = i - 1
        while j >= 0 and nav.tokens[j].norm in self.skippable:
            j -= 1
        prev = nav.token(j)
        if any(c in trig.prefix for c in "بل"):
            return False  # "لقتل"، "بقتل": a preposition makes it the verbal noun
        if any(c in trig.prefix for c in "وف"):
            # "وقتل"، "فقتلت": a conjunction opens a clause, unless it joins a list of nouns ("نهب وقتل"), which
            # a bare three-letter form (the spelling of the verbal noun too) after an ordinary word may be
            before = nav.token(nav.after(trig.nstart - len(trig.prefix)) - 1)
            if len(trig.text) > 3 or before is None or before.norm in CLAUSE_PUNCT:
                return True
            # "قتل ... وخطف": a verb after a verb; "بعمليات قتل وخطف": a noun after the noun the first one is
            return any(
                t.nend == before.nend and t.entry.pos == "verb" and self._verb_position(scope, t, nav.after(t.nstart))
                for t in scope.by_trigger_end.get(before.nend, ())
            )
        if prev is None or prev.norm in CLAUSE_PUNCT or (prev.kind == "clitic" and prev.norm in ("و", "ف")):
            return True
        if prev.norm in self.clause_openers or prev.norm in self.subordinators:
            return True
        if scope.actor_ending_at(trig.nstart - len(trig.prefix)) is not None:
            return True
        # "أن جنديين اسبانيين قتلا": a short subject no lexicon knows, after "أن" or a clause boundary
        k = j
        while k >= 0 and j - k < SUBJECT_REACH:
            tok = nav.tokens[k]
            if tok.norm in CLAUSE_PUNCT or tok.norm in self.complementizers:
                return k < j
            if tok.kind != "word" or tok.norm in self.function_words:
                return False
            k -= 1
        return False
