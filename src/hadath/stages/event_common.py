"""The event stage's shared parts: constants, the candidate record, the document scope, and the
lexicon forms every rule component reads (``RuleBase``).

Stage 7 (events) finds triggers with their source and target actors, factuality, mode, CAMEO code, location,
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
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from hadath.config import PipelineConfig
from hadath.document import Actor, ActorMention, Document, Location, Mention, PlaceMention
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import Trigger
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import TokenIndex
from hadath.stages.factuality import SentenceReading

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


class RuleBase:
    """The lexicon forms and settings the rule components share (factuality, arguments, coding)."""

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
