"""Stage 7: events. Triggers with their source and target actors, factuality, mode, CAMEO code, location,
occasion, topics and contexts; one event per type and dyad per document.

Argument rules (news style):
- source: the actor right before the verb when "قد"، "أن" or "كان" marks it as subject (SVO), else right after
  the trigger (VSO: "بحث الزياني"; adverbs and counts stepped over: "تظاهر آلاف المواطنين"), else right before
  it; a noun's subject named earlier in its clause ("تلقى الوزير، اليوم، اتصالا هاتفيا"), coordinated subjects
  read whole ("عقد A وB وC القمة"); "من جانبه" (the other party of the last event), "الجانبان" (both parties of
  the last meeting); a participial clause ("، داعيا ...") takes its sentence's main subject; a demonym after a
  noun names its author ("غارة إسرائيلية"); an unnamed source of a protest or an attack is implicit.
- target: participants after "مع"، "ب" (and "من" for calls), lists included ("مع كل من: A، وB، وC"), "بين A وB";
  the visitor of "استقبل" (coded as the visitor's visit); for other types the first actor in the object's clause,
  else a demonym there ("توعد باستهداف السفن الإسرائيلية"), the author of an event referred to ("أدانت هذا
  الهجوم"), the victims of an attack named by toll or nationality, or the people of its place.
- verbs that need their object noun: "وقع ... اتفاقية"، "فرضت ... عقوبات"، "قطعت ... علاقاتها"، "حمّلت ...
  المسؤولية"، "استدعت ... السفير"، "أطلقت ... صواريخ".
Factuality: a negation, future, background or hypothetical cue shortly before the trigger (same clause), the
future prefix "س", a purpose or subjunctive verb, a pluperfect "كان ... قد"; for violent events, a noun not carried
by a verb, a result or a toll, a relative or circumstantial clause: not emitted unless asked for, then with
``status``.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import islice, pairwise

from hadath.config import PipelineConfig
from hadath.document import Actor, ActorMention, DateMention, Document, Event, Location, Mention, PlaceMention, Span
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.tokenize import IMPERFECT_PREFIXES
from hadath.lexicon.entries import Trigger
from hadath.lexicon.lexicons import Lexicons
from hadath.ontology import SYMMETRIC_TYPES
from hadath.stages._nav import CLAUSE_END, CLAUSE_PUNCT, TokenIndex
from hadath.stages.actors import people_of
from hadath.stages.factuality import SentenceReading
from hadath.stages.places import locative

log = logging.getLogger(__name__)

#: How many tokens before a trigger a factuality cue reaches.
CUE_WINDOW = 4
_STATUS_OF_CUE = {
    "negation": "negated",
    "future": "planned",
    "background": "background",
    "hypothetical": "hypothetical",
}
#: Quote marks as the normalizer writes them (« » “ ” all become '"').
QUOTE_MARKS = frozenset({'"'})
_LIST_GAPS = frozenset({",", "و", ",و"})
_COORDINATION = frozenset({"و", ",و"})
#: What may stand between a subject and the other party of a meeting: nothing ("التقى الوزير نظيره"), "و", or the
#: preposition ب ("التقى ماكرون بالسيسي").
_DIRECT_OBJECT_GAPS = frozenset({"", "و", ",و", "ب"})
_PARTICIPANT_MARKERS = {"with": frozenset({"مع", "بين"}), "phone": frozenset({"مع", "من"})}


#: How many tokens from a trigger a date of its own may stand ("يبدأ الرئيس الصيني شي جين بينغ الأسبوع المقبل زيارة").
OWN_DATE_REACH = 8
#: How many words after "احتجاجا على" the authority whose act a protest denounces may be named.
GRIEVANCE_REACH = 6
#: The sectors of the state's side: what a protest's grievance may name as its addressee.
STATE_SIDE = frozenset({"GOV", "COP", "MIL", "JUD", "LEG"})
#: How many words after "ضد"، "تحسبا"، "ردا على" the one a mobilization faces may be named.
ADVERSARY_REACH = 6
#: Acts of the police that an interior minister or ministry announces as its own (coded to the police, COP).
POLICE_ACTS = frozenset({("COERCE", "arrest"), ("COERCE", "detain"), ("MOBILIZE", "police")})
INTERIOR_ROLES = frozenset({"interior minister", "interior ministry"})
#: How many tokens after a passive toll ("قتل متظاهران ... في مواجهات") the attack's noun may stand.
TOLL_REACH = 8
#: The words that tie a passive toll to its cause ("قتلوا في انفجار"، "قتل بقصف"، "جراء غارة"، "اثر هجوم").
TOLL_CAUSES = frozenset({"في", "ب", "جراء", "اثر"})
#: How many words after a meeting noun "بمشاركة" may stand, and after it its first participant.
PARTICIPATION_REACH = 6
#: How many words after a military or police post its state may be named ("موقع قوة الواجب البحريني").
ARMED_REACH = 4
#: How many words before an act the call or threat it completes may stand ("توعد زعيم الجماعة ... باستهداف").
REQUEST_REACH = 4
#: Endings of the participles that open a circumstantial clause after a comma ("، داعيا"، "، مطالبة"، "، مؤكدين").
PARTICIPLE_ENDS = ("ا", "ة", "ين")
#: Longest non-space gap (in characters) worth checking between a position and an actor phrase.
_MAX_GAP = 3
#: A mention dated in its own clause this many days or more before its report is background, not news.
BACKGROUND_DAYS = 30

#: Types whose source may go unnamed ("خرجت مظاهرات", "قتل ثلاثة في هجوم"): coded with an implicit actor.
IMPLICIT_SOURCE: dict[str, tuple[str, str | None]] = {"PROTEST": ("CVL", "protesters"), "ASSAULT": ("UNK", None)}
#: How many words before a violent noun a light verb carrying it may stand ("شن الطيران الحربي الإسرائيلي غارات").
LIGHT_VERB_REACH = 3
#: How many tokens after a violent noun a verb telling its result may stand ("عبوة ناسفة ... انفجرت").
RESULT_REACH = 4
#: The longest subject (in words) read between "أن" and a verb no actor lexicon covers.
SUBJECT_REACH = 3
#: Sectors of people named by what they are, not by whom they serve: they belong to the place of the event.
POPULATION = frozenset({"CVL", "EDU", "LAB", "MED", "JRN", "REF"})
#: Sectors of unnamed groups that belong to the place of the event: its people, and its opposition, police and army
#: ("أحزاب المعارضة" in Tunis, "قوات الأمن" in a report from Cairo).
LOCAL_SECTORS = POPULATION | {"OPP", "COP", "MIL", "GOV"}
#: Types whose unnamed victims are the people of the event's place.
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})
#: Types whose unnamed victims or recipients are the people of the event's place ("قافلة مساعدات إلى مخيم ...").
PLACE_PEOPLE = VICTIM_TYPES | {"AID"}
#: One's own envoys, named with a possessive: summoning them home is a recall (SANCTION), not a complaint (ACCUSE).
OWN_ENVOYS = frozenset(
    normalize(w) for w in ("سفيرها", "سفيره", "سفيرهم", "سفراءها", "سفراءه", "سفرائها", "سفرائه", "سفرائهم")
)
#: Triggers that need an object noun in their clause to be events, and the cue kind of that noun:
#: "وقع ... اتفاقية"، "حمّلت ... المسؤولية"، "فرضت ... عقوبات"، "قطعت ... علاقاتها"، "استدعت ... السفير".
COMPANIONS = {
    "signs": "agreement_noun",
    "blames": "responsibility_noun",
    "imposes": "sanction_noun",
    "lifts": "sanction_noun",
    "deploys": "troop_noun",
    "arrests": "arrest_noun",
    "extradites": "wanted_noun",
    "severs": "relations_noun",
    "summons": "envoy_noun",
    "fires": "instrument",
}
#: How many tokens after a symmetric trigger "بين" may stand ("الاتفاق على فتح الأجواء والحدود بين ...").
BETWEEN_REACH = 8
#: How many words after "احتجاجا على"، "تنديدا ب" the denounced state's demonym may stand.
ADDRESSEE_REACH = 4
#: How many tokens after a meeting verb "هاتفيا" may stand ("بحث وزير الخارجية سامح شكري هاتفيا مع ...").
PHONE_REACH = 8
#: How many tokens after such a trigger its object noun may stand.
COMPANION_REACH = 12
#: How far from the start a dateline's closing dash may stand.
DATELINE_END_REACH = 80
#: How many words after "ردا على" the author of what is answered may be named ("ردا على تصريحات الرئيس الأمريكي").
RESPONSE_REACH = 4
#: How many words after a casualty word ("مقتل عنصرين من حزب الله") its victims may be named.
VICTIM_REACH = 5
#: Types that take a stance on someone: their target may be named only by a demonym in their object.
STANCE_TYPES = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SUPPORT", "SANCTION"})
#: How many tokens from a protest noun its crowd may be named ("مظاهرة حاشدة شارك فيها آلاف المواطنين").
CROWD_REACH = 6
#: Group roles that make a crowd: the subjects of "تجمع"، "خرج"، "احتشد" that report a protest.
CROWDS = frozenset({"protesters", "citizens", "civilians", "supporters"})
#: Types whose verbal noun takes its object as genitive ("اغتيال الحريري"، "اعتقال ناشطين"، "طرد السفير");
#: other nouns take their agent ("زيارة الملك"، "إدانة المملكة").
PATIENT_GENITIVE = frozenset({"ASSAULT", "COERCE", "SANCTION"})
#: Types whose noun triggers ("هجوم", "مظاهرات") must be shown reported, not merely referred to.
#: How many tokens after "جمعت"، "جمعته" the first leader a meeting brought together may be named.
GATHERED_REACH = 4
#: How many tokens after a violent act its agent may be named ("مقتل خمسة مدنيين في قرية ... على يد القوات").
AGENT_REACH = 10
#: How many tokens after a death ("مقتل ثلاثة مواطنين ...") the attack that caused it may be named ("في غارة").
CAUSE_REACH = 10
#: How many words back a verb looks for the indefinite noun it describes ("هجوم انتحاري بسيارة مفخخة استهدف").
DESCRIBED_REACH = 4
NEEDS_REPORT = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE"})
#: Types whose noun, announced ("أعلن الحرس الثوري احتجاز ناقلة"، "أعلنت الوزارة نشر قوات"، "أعلنت الشرطة مقتل
#: ..."), is reported (a protest announced is told by others).
ANNOUNCED_TYPES = frozenset({"COERCE", "MOBILIZE", "ASSAULT"})
#: Sector of a state actor named only by a demonym after a noun trigger ("غارة إسرائيلية").
DEMONYM_SECTOR = {"ASSAULT": "MIL", "MOBILIZE": "MIL", "COERCE": "COP"}
#: Statements and decisions: they take a place only from a place named before them in their sentence ("وفي
#: القاهرة، أدانت ..."; a place after them is what they are about: "أدانت القصف في غزة"), not from the dateline
#: (where the report was filed) nor from the document's other events; except the modes that are acts done where
#: the report is filed (a veto cast in the Security Council, an ambassador summoned or expelled).
STATEMENT_TYPES = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "THREATEN", "REJECT", "SANCTION"})
ACT_MODES = frozenset({"veto", "expel"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One trigger with its arguments, before mode, location and deduplication are settled."""

    trigger: Mention
    source: ActorMention
    target: ActorMention | None
    status: str
    sentence: int
    location: Location | None
    how: str  # how the source was found: adjacent | speaker | participants | clause | demonym | implicit


def _plainly_verb(text: str) -> bool:
    """A verb form no verbal noun shares: a plural past ("تعرضوا"، "قتلوا") or an imperfect with its subject's
    prefix ("يطلقون"، "يهاجم"). Bare past forms ("قتل"، "تعرض") are spelled as their verbal nouns too."""
    word = text.split()[0]
    return word.endswith("وا") or (word[:1] == "ي" and len(word) >= 4)


class _Scope:
    """What the rules look up while reading one document: tokens, triggers, cues, actors by position."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.nav = TokenIndex(doc)
        #: the status of a passive toll ("قتل 20 شخصا في ...") by the start of the attack noun it is told of
        self.told_by_toll: dict[int, str] = {}
        self.triggers = [m for m in doc.mentions if m.kind == "trigger"]
        self.cues = [m for m in doc.mentions if m.kind == "cue"]
        self.cue_starts = [c.nstart for c in self.cues]
        self.trigger_starts = [t.nstart for t in self.triggers]
        self.by_trigger_start: dict[int, list[Mention]] = {}
        self.by_trigger_end: dict[int, list[Mention]] = {}
        for t in self.triggers:
            self.by_trigger_start.setdefault(t.nstart, []).append(t)
            self.by_trigger_end.setdefault(t.nend, []).append(t)
        self.verbs = [t for t in self.triggers if t.entry.pos == "verb"]
        self.verb_starts = [t.nstart for t in self.verbs]
        self.attributions = [c for c in self.cues if c.entry.kind == "attribution"]
        self.titles = [m for m in doc.mentions if m.kind == "title"]
        self.participants = [c for c in self.cues if c.entry.kind == "participants"]  # الجانبان، الطرفان
        self.participant_starts = frozenset(c.nstart for c in self.participants)
        self.attribution_starts = [c.nstart for c in self.attributions]
        self.attribution_start_set = frozenset(self.attribution_starts)
        self.attribution_ends = {c.nend for c in self.attributions}
        # where the report proper starts: after a dateline's dash ("الرياض في 17 يوليو /واس/ - ..."); the
        # dateline's place is where the report was filed, not an actor
        head = self.nav.text[:DATELINE_END_REACH]
        dash = max(head.find(" - "), head.find(" -- "))
        self.body_start = dash + 1 if dash >= 0 else 0
        actors = [a for a in doc.actors if a.extent[0] >= self.body_start]
        self.by_start = sorted(actors, key=lambda a: a.extent[0])
        self.starts = [a.extent[0] for a in self.by_start]
        self.by_end = sorted(actors, key=lambda a: a.extent[1])
        self.ends = [a.extent[1] for a in self.by_end]
        self.places = [m for m in doc.mentions if m.kind in ("country", "capital")]
        self.capitals = frozenset(m.nstart for m in self.places if m.kind == "capital")
        self.place_set = frozenset(m.nstart for m in self.places)
        self.place_starts = [m.nstart for m in self.places]
        self.demonyms = {m.nstart: m for m in doc.mentions if m.kind == "demonym"}
        self.named_places = doc.places  # in text order
        self.named_place_starts = [p.nstart for p in self.named_places]
        self.place_ends = frozenset(p.nend for p in self.named_places)
        persons = sorted((a.extent for a in doc.actors if a.kind == "person"), key=lambda e: e[0])
        self.person_extents = persons
        self.person_starts = [e[0] for e in persons]

    @cached_property
    def phrase_at(self) -> dict[int, ActorMention]:
        """Actors by the start of their whole phrase (the last one, where two phrases start together)."""
        return {a.extent[0]: a for a in self.by_start}

    @cached_property
    def named_at(self) -> dict[int, ActorMention]:
        """Actors whose phrase starts with their name, by that start (the first one, where two do)."""
        return {a.nstart: a for a in reversed(self.by_start) if a.extent[0] == a.nstart}

    @cached_property
    def place_at(self) -> dict[int, PlaceMention]:
        return {pm.nstart: pm for pm in self.named_places}

    @cached_property
    def topics(self) -> list[Mention]:
        return [m for m in self.doc.mentions if m.kind == "topic"]

    @cached_property
    def topic_starts(self) -> list[int]:
        return [m.nstart for m in self.topics]

    @cached_property
    def topic_ends(self) -> frozenset[int]:
        return frozenset(m.nend for m in self.topics)

    @cached_property
    def office_ends(self) -> frozenset[int]:
        """Ends of titles and of government bodies ("وزير ... الخارجية"): a "في X" after them says whose office."""
        return frozenset(
            [m.nend for m in self.doc.mentions if m.kind == "title"]
            + [a.nend for a in self.doc.actors if a.kind in ("group", "organization") and a.actor.sector == "GOV"]
        )

    def actor_at(self, npos: int, gaps: frozenset[str]) -> ActorMention | None:
        """The actor whose phrase starts at ``npos``, after only whitespace and one of ``gaps`` ("،", "و")."""
        for i in range(bisect_left(self.starts, npos), len(self.starts)):
            a = self.by_start[i]
            gap = "".join(self.nav.text[npos : a.extent[0]].split())
            if gap in gaps:
                return a
            if len(gap) > _MAX_GAP:
                break
        return None

    def actor_ending_at(self, npos: int) -> ActorMention | None:
        """The actor whose phrase ends right before ``npos`` (allowing the particle "قد" between)."""
        for i in range(bisect_right(self.ends, npos) - 1, -1, -1):
            a = self.by_end[i]
            gap = "".join(self.nav.text[a.extent[1] : npos].split())
            if gap in ("", "قد"):
                return a
            if len(gap) > _MAX_GAP:
                break
        return None

    def actors_from(self, npos: int) -> Iterator[ActorMention]:
        """Actors whose phrase starts at or after ``npos``, in text order."""
        return islice(self.by_start, bisect_left(self.starts, npos), None)

    def verb_between(self, a: int, b: int, exclude: Mention | None = None) -> Mention | None:
        """The first verb trigger starting in ``[a, b)`` (other than ``exclude``)."""
        for t in self.verbs[bisect_left(self.verb_starts, a) :]:
            if t.nstart >= b:
                return None
            if t is not exclude:
                return t
        return None

    def last_verb_between(self, a: int, b: int) -> Mention | None:
        """The last verb trigger starting in ``[a, b)``."""
        i = bisect_left(self.verb_starts, b) - 1
        return self.verbs[i] if i >= 0 and self.verbs[i].nstart >= a else None

    def attribution_between(self, a: int, b: int) -> bool:
        i = bisect_left(self.attribution_starts, a)
        return i < len(self.attribution_starts) and self.attribution_starts[i] < b

    def only_titles_between(self, a: int, b: int) -> bool:
        """True when ``text[a:b]`` holds nothing but titles and honorifics (and "و"، "،")."""
        covered = [(m.nstart, m.nend) for m in self.titles if a <= m.nstart and m.nend <= b]
        rest = self.nav.text[a:b]
        for x, y in sorted(covered, reverse=True):
            rest = rest[: x - a] + rest[y - a :]
        return "".join(rest.split()) in _LIST_GAPS | {""}

    def in_actor(self, npos: int) -> bool:
        """True when normalized position ``npos`` lies inside an actor's phrase."""
        i = bisect_right(self.starts, npos) - 1
        return any(a.extent[0] <= npos < a.extent[1] for a in self.by_start[max(0, i - 3) : i + 1])

    def in_person_phrase(self, m: Mention) -> bool:
        i = bisect_right(self.person_starts, m.nstart) - 1
        return any(a <= m.nstart and m.nend <= b for a, b in self.person_extents[max(0, i - 3) : i + 1])


class EventExtractor:
    """Requires: ``tokens``, ``mentions``, ``actors``, ``occasion``. Adds: ``events`` and ``locations``."""

    def __init__(self, lexicons: Lexicons, config: PipelineConfig | None = None) -> None:
        self.lex = lexicons
        self.config = config or PipelineConfig()
        self.past_aux = lexicons.cue_forms("past_aux")
        self.destination_markers = lexicons.cue_forms("destination")
        self.quantities = lexicons.cue_forms("quantity")
        self.skippable = lexicons.cue_forms("adverb") | self.quantities
        self.against_markers = lexicons.cue_forms("against")
        self.casualty_words = lexicons.cue_forms("casualty")
        self.light_verbs = lexicons.cue_forms("light_verb")
        self.reference_words = lexicons.cue_forms("reference")
        self.subjunctive = lexicons.cue_forms("subjunctive")
        self.clause_openers = lexicons.cue_forms("clause_opener")
        self.relatives = lexicons.cue_forms("relative")
        self.subordinators = lexicons.cue_forms("subordinator")
        self.numbers = lexicons.cue_forms("number") | self.quantities
        self.result_verbs = lexicons.cue_forms("result_verb")
        self.between_markers = lexicons.cue_forms("between")
        self.instruments = lexicons.cue_forms("instrument")
        self.phone_adverbs = lexicons.cue_forms("by_phone")
        self.responses = lexicons.cue_forms("response")
        self.passive_light = lexicons.cue_forms("passive_light")
        self.companions = {args: lexicons.cue_forms(kind) for args, kind in COMPANIONS.items()}
        self.function_words = lexicons.cue_forms("function")
        self.prepositions = lexicons.cue_forms("preposition")
        self.complementizers = lexicons.cue_forms("complementizer")
        self.place_nouns = lexicons.cue_forms("place_noun")
        self.about_nouns = lexicons.cue_forms("about_noun")
        self.streets = lexicons.cue_forms("street_noun")
        self.request_links = lexicons.cue_forms("request_link")
        self.pronoun_complementizers = lexicons.cue_forms("pronoun_complementizer")
        self.military_posts = lexicons.cue_forms("military_post")
        self.adversary_markers = lexicons.cue_forms("adversary")
        self.embassy_nouns = lexicons.cue_forms("embassy_noun")
        self.business_nouns = lexicons.cue_forms("business_noun")
        self.decision_nouns = lexicons.cue_forms("decision_noun")
        self.posted_at = lexicons.cue_forms("posted_at")
        self.claim_verbs = lexicons.cue_forms("claim")
        self.gathered = frozenset(
            normalize(w) for w in ("جمعت", "جمع", "جمعته", "جمعه", "جمعها", "جمعتهم", "جمعتهما", "جمعهم", "جمعتها")
        )
        self.agent_markers = frozenset(
            (normalize(a), normalize(b)) for a, b in (("على", "يد"), ("على", "أيدي"), ("على", "ايدي"), ("من", "قبل"))
        )
        self.explosions = frozenset(normalize(w) for w in ("انفجار", "انفجارات", "الانفجار"))
        self.passive_tolls = frozenset(normalize(w) for w in ("قتل", "جرح", "قتلوا", "قتلا", "جرحوا"))
        self.clashes = frozenset(normalize(w) for w in ("مواجهات", "المواجهات", "اشتباكات", "الاشتباكات"))
        self.participation = lexicons.cue_forms("participation")
        self.kin = lexicons.cue_forms("kin")
        self.parentheticals = lexicons.cue_forms("parenthetical")
        self.with_markers = _PARTICIPANT_MARKERS["with"]
        self.causal_words = frozenset(normalize(w) for w in ("إثر", "جراء", "بسبب"))
        self.elapsed_units = lexicons.cue_forms("elapsed_unit")
        self.force_nouns = frozenset(normalize(w) for w in ("قوات", "وحدات", "عناصر", "مقاتلو", "مقاتلي"))
        self.cause_markers = frozenset(normalize(w) for w in ("في", "إثر", "جراء", "خلال", "بسبب"))
        self.aim_markers = frozenset(normalize(w) for w in ("على", "باتجاه", "نحو", "صوب"))
        self.demonstratives = lexicons.cue_forms("demonstrative")
        #: "على" and "أمام" name an addressee right after them ("أمام مقر الحكومة") but no grievance
        self.place_markers = frozenset(normalize(w) for w in ("على", "أمام"))
        self.gunfire = lexicons.cue_forms("gunfire")
        self.police_posts = lexicons.cue_forms("police_post")
        self.resumptive_light_verbs = lexicons.cue_forms("resumptive_light_verb")
        self.reading = SentenceReading(lexicons, NEEDS_REPORT)  # report or reference, read from the sentence
        self.topic_contexts: dict[str, tuple[int, str]] = {}
        for rank, row in enumerate(lexicons.topics):
            if row.context and row.topic not in self.topic_contexts:
                self.topic_contexts[row.topic] = (rank, row.context)

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
            return a.actor.country == src.actor.country and self._posting(scope, a, end) is not None
        return False

    def _posting(self, scope: _Scope, envoy: ActorMention, end: int) -> ActorMention | None:
        """The state after "لدى" within a few words of an envoy's title ("سفير المملكة لدى إسرائيل")."""
        nav = scope.nav
        k = nav.after(envoy.extent[1])
        for tok in nav.tokens[k : k + 3]:
            if tok.nstart >= end or tok.norm in CLAUSE_END:
                return None
            if tok.norm in self.posted_at:
                post = scope.actor_at(tok.nend, frozenset({""}))
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
        """An unnamed source ("خرجت مظاهرات في بغداد"), of the place's country. No word names it, so its span is
        empty, at the trigger's start: an actor is never the trigger word itself (the event's trigger already
        carries that word)."""
        sector, role = IMPLICIT_SOURCE.get(trig.entry.type, ("UNK", None))
        country = loc.country if loc is not None and trig.entry.type == "PROTEST" else None
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

    # ---------------------------------------------------------------- writing
    def __call__(self, doc: Document) -> Document:
        events = self.build(doc, self.candidates(doc))
        locations = tuple(e.location for e in events if e.location is not None)
        return doc.with_(events=tuple(events), locations=locations, topics=self.document_topics(doc))

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


def _frees(trigger: Trigger) -> bool:
    """Prisoners released (RETREAT release) or pardoned (CONCEDE 0841: the manual lists no CONCEDE modes)."""
    return trigger.mode == "release" or (trigger.type == "CONCEDE" and trigger.cameo == "0841")


def _place_span(trig: Mention, place: str, loc: Location | None) -> tuple[str, int, int]:
    """The span of an actor known only from the event's place (its people, its authorities): the place's name
    where the event's location names that state, else an empty span at the trigger's start. Never the trigger
    word itself: no word of the text names such an actor."""
    if loc is not None and loc.country == place and loc.end > loc.start:
        return loc.text, loc.start, loc.end
    return "", trig.start, trig.start


def _act(trigger: Trigger) -> bool:
    """A statement type done as an act where the report is filed: a veto cast, an envoy expelled or summoned (an
    ACCUSE, by the PLOVER manual)."""
    return trigger.mode in ACT_MODES or trigger.args == "summons"


def _known_name(actor: Actor) -> bool:
    return actor.name is not None and actor.name_source != "romanized"


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in dict.fromkeys(b) if x not in a)
