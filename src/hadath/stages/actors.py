"""Stage 5: actors. Persons named with their titles, titles that stand for their holder, states and
organizations; and the document's entity registry.

News style names a person in a few fixed patterns, all handled here:
"NAME، TITLE" (apposition), "TITLE NAME", "TITLE DEMONYM NAME", an honorific before the name (اللورد،
الدكتور، الشيخ: kept out of the name), a title alone ("وزير الخارجية الأمريكي": its holder on the document's date,
from the persons knowledge base), and persons no lexicon knows but whose title follows them after a comma.
"""

from __future__ import annotations

import logging
import re
import sys
from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hadath.coding.words import clusters, stem
from hadath.document import Actor, ActorMention, Document, Entity, Mention, Span
from hadath.lang.ar.normalize import normalize
from hadath.lang.ar.romanize import Romanizer
from hadath.lexicon.entries import Country, CountryForm, Group, OrgForm, Person, Term, Title
from hadath.lexicon.lexicons import Lexicons
from hadath.lexicon.matcher import ENTITY_KINDS
from hadath.stages._nav import CLAUSE_PUNCT, TokenIndex

log = logging.getLogger(__name__)

#: Sectors of a state's own officials: a bare title of these names the reporting country's official.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})
#: Role families of heads of state and their deputies: a state's bare title names its official only where the
#: knowledge base knows a holder of the office there (a kingdom has no president).
HEAD_FAMILIES = frozenset({"president", "vice president", "king", "emir", "sultan", "crown prince"})
#: Role families no state holds as an office: their bare title never names the reporting state's holder.
NOT_OFFICES = frozenset({"leader"})
#: Head nouns of bodies' names that, with the article alone, refer back to the last body so named ("الحركة").
BODY_HEADS = frozenset(normalize(w) for w in ("حركة", "جماعة", "حزب", "تنظيم", "وكالة", "منظمة"))
#: Roles whose title may name the country they are sent to ("المبعوث الأممي الخاص إلى اليمن").
ENVOY_ROLES = frozenset({"special envoy", "envoy"})
#: How many words of a group's name may stand between it and its demonym ("وزارة الخزانة الأمريكية").
GROUP_NAME_WORDS = 2
#: The longest run of unknown words taken as a person's name.
MAX_NAME_TOKENS = 5
#: How far a title phrase reaches for its country ("وزير الدولة لشؤون ... بالمملكة المتحدة").
MAX_TITLE_TOKENS = 16
#: A short form of ``forms`` that the knowledge base does not date names its person alone from this long before
#: their first term to this long after their last one (the press names a minister before and after office).
SHORT_FORM_MARGIN = timedelta(days=365)
#: The most words a longer name holding a known name may add before it ("متعب بن" + "عبدالله بن عبدالعزيز").
LONGER_NAME_WORDS = 6
#: Clitics a head noun of a body named after a person may carry ("لباب الملك عبدالعزيز"، "ومطار الملك خالد").
HEAD_CLITICS = ("", "و", "ب", "ل", "وب", "ول", "ف", "فب", "فل", "ك")
#: Envoys a title-holder sends ("سفير خادم الحرمين الشريفين"): the title after them is not its holder acting (kept out
#: of cues.tsv, where a second row for the title "سفير" changes the NER tagger's lexicon features).
ENVOY_HEADS = frozenset(normalize(w) for w in ("سفير", "سفيرة", "قنصل"))
#: Roles a state holds many of at once (one per destination, a cabinet of ministers): their title alone resolves
#: to no one, whatever few of them the knowledge base holds ("الوزير" is not its one minister without portfolio).
DESTINATION_ROLES = frozenset({"ambassador", "minister", "minister of state"})
#: Titles that are also adjectives after a definite noun ("الأزمات الرئيسة": the main crises).
ADJECTIVE_TITLES = frozenset(normalize(w) for w in ("الرئيسة", "الرئيس"))
#: Counterpart titles that name two or more persons ("نظيريه"، "نظرائه الخليجيين"): never one holder.
PLURAL_COUNTERPARTS = frozenset(normalize(w) for w in ("نظيريه", "نظرائه", "نظرائهم", "نظيرتيها", "نظيراته"))
#: A title of old before the name of a person a mosque or school is named after ("جامع الإمام تركي بن عبدالله").
IMAM = frozenset({normalize("الإمام"), normalize("إمام")})
# the head of a subordinate's title: a title right after it is the tail of that longer title, held by someone else
# ("وكيل الأمين العام"، "مساعد وزير الدفاع"، "نواب رئيس مجلس الوزراء"، "القائم بأعمال وزير"، "المتحدث باسم الوزير")
SUBORDINATE_HEADS = frozenset(
    normalize(w)
    for w in (
        *("وكيل", "وكيلة", "وكلاء", "مساعد", "مساعدة", "مساعدي", "نواب", "نائبا", "نائبي"),
        *("مستشار", "مستشارة", "مستشاري", "مستشارو", "بأعمال", "باسم"),
    )
)
# "مدير مكتب"، "رئيس ديوان": the two words of a subordinate's head
SUBORDINATE_PAIRS = frozenset(
    (normalize(a), normalize(b)) for a, b in (("مدير", "مكتب"), ("مديرة", "مكتب"), ("رئيس", "ديوان"))
)
# "آل سعود" ends a king's full name but names his dynasty: "الملك سعود" is another king, never him
DYNASTY = " " + normalize("آل") + " "
# "الملك" after a verb of depriving with an object pronoun ("فسلبته الملك"، "انتزعوه الملك"): kingship
KING = normalize("الملك")
DEPRIVING = re.compile(normalize("[وف]?(سلب|انتزع|نزع|اغتصب)(ت|وا|ن)?(ه|ها|هم|هما|وه|وها|ني|نا|ك)"))
# the marks opening an apposition after a name: a comma, or a dash ("بهاء الأعرجي -نائب رئيس الوزراء-")
APPOSITION_MARKS = frozenset({",", "-", "\u2013", "\u2014"})
# roles a government gives several persons at once: a bare title names none of them
SEVERAL_HOLDERS = ("deputy ", "assistant ")
# nouns in a construct ("برنامج ضيوف خادم الحرمين الشريفين") between a thing's head and the title it is named after
NAMED_AFTER_GAP = 2
#: Regnal ordinals that close a king's name ("الحسن الثاني"، "عبدالله الثاني").
ORDINALS = frozenset(
    normalize(w) for w in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن")
)
#: How many KB given names a fine word cluster of raw news must hold to count as a cluster of names (foreign given
#: names "جيمي، مايكل"، footballers' names): a word of one before a surname makes the surname another person's.
NAME_CLUSTER_VOTES = 15


@dataclass(frozen=True, slots=True)
class TitlePhrase:
    """A role title with the state or organization it belongs to, in normalized offsets."""

    nstart: int
    nend: int
    title: Title
    country: str | None
    org: str | None
    sector: str | None = None  # the body's sector when the title names one ("زعيم جماعة أنصار الله": REB)
    former: bool = False  # "الرئيس اليمني السابق": a former holder's title, never the current holder's
    adjective: bool = False  # "الرئيس العلماني": an adjective closes the title, a family name follows
    own_body: bool = False  # the body is the first title's own ("المتحدث باسم المقاومة"), not a later title's


@dataclass(frozen=True, slots=True)
class _Name:
    nstart: int
    nend: int
    person: Person | None
    honorific_start: int | None
    ner: bool = False  # delimited by the NER tagger
    longer: bool = False  # a longer name holding a known one ("سلطان بن سلمان"): another person, known or not


class ActorRecognizer:
    """Requires: ``tokens``, ``mentions``. Adds: ``actors`` (person, state and organization mentions) and
    ``entities`` (every distinct person, organization and state, with all its mentions)."""

    def __init__(self, lexicons: Lexicons, romanizer: Romanizer | None = None) -> None:
        self.lex = lexicons
        self.romanizer = romanizer
        self.function_words = lexicons.cue_forms("function")
        self.locatives = lexicons.cue_forms("locative")
        self.posted_at = lexicons.cue_forms("posted_at")
        self.destinations = lexicons.cue_forms("destination") | self.posted_at
        self.name_prefixes = lexicons.cue_forms("name_prefix")
        self.patronymics = lexicons.cue_forms("patronymic")
        self.name_particles = lexicons.cue_forms("name_particle")
        self.former_words = lexicons.cue_forms("former")
        # heads of bodies and places named after a person or a title-holder ("مطار الملك خالد"، "سفارة خادم الحرمين
        # الشريفين"، "شارع الملك فهد")
        self.named_after = (
            lexicons.cue_forms("named_after")
            | lexicons.cue_forms("embassy_noun")
            | lexicons.cue_forms("street_noun")
            | ENVOY_HEADS
        )
        self.former_context = lexicons.cue_forms("former_context")
        self.namesake_context = lexicons.cue_forms("namesake_context")
        self.by_family: dict[str, list[Person]] = {}  # the persons who held a role of each family
        for p in lexicons.persons:
            for fam in {lexicons.family(t.role) for t in p.terms}:
                self.by_family.setdefault(fam, []).append(p)
        self.lexicon_words = lexicons.vocabulary()
        # the last words of the knowledge base's names ("اوباما" of "باراك حسين اوباما"): family names
        self.family_names = frozenset(
            words[-1] for p in lexicons.persons for f in p.forms if len(words := normalize(f).split()) > 1
        )
        # given names: the first word of the knowledge base's full names ("محمد" of "محمد جواد ظريف")
        self.given_names = frozenset(
            words[0]
            for p in lexicons.persons
            for f in p.forms
            if len(words := normalize(f).split()) > 1 and words[0] not in self.name_particles
        )
        # the word cluster of raw news that holds most of those given names holds names (given and family names)
        self.clusters = clusters()
        votes = Counter(c[0] for n in self.given_names if (c := self.clusters.get(stem(n))) is not None)
        self.name_cluster = votes.most_common(1)[0][0] if votes else None
        fine = Counter(c for n in self.given_names if (c := self.clusters.get(stem(n))) is not None)
        self.name_fine_clusters = frozenset(k for k, v in fine.items() if v >= NAME_CLUSTER_VOTES)
        self.quantities = lexicons.cue_forms("quantity")
        self.trigger_words = frozenset(normalize(t.form).split()[0] for t in lexicons.triggers)
        self.bare_bodies = frozenset(normalize(w) for w in ("الوزارة",))
        self.state_nouns = frozenset(normalize(w) for w in ("جمهورية", "دولة", "مملكة"))
        self.reporting_words = frozenset(
            normalize(w) for w in ("حسب", "بحسب", "وفق", "وفقا", "نقلا", "عن", "مراسل", "مراسلة", "لمراسل")
        )

    # ----------------------------------------------------------------- finding
    def find(self, doc: Document) -> list[ActorMention]:
        nav = TokenIndex(doc)
        ent = [m for m in doc.mentions if m.kind in ENTITY_KINDS]
        ent, longer = self._checked_persons(doc, nav, ent)
        ent = sorted(ent + self._body_anaphors(doc, nav, ent), key=lambda m: (m.nstart, -m.nend))
        # words no name is made of: triggers, cues and dates ("... اليوم، نائب رئيس الوزراء": not a person "اليوم")
        busy = [(m.nstart, m.nend) for m in doc.mentions if m.kind in ("trigger", "cue", "date")]
        busy += [(n.nstart, n.nend) for n in longer]
        phrases = self._title_phrases(ent, nav)
        phrase_by_end = {p.nend: p for p in phrases}
        phrase_by_start = {p.nstart: p for p in phrases}
        honorific_by_end = {m.nend: m for m in ent if m.kind == "title" and m.entry.kind == "honorific"}
        known = [_Name(m.nstart, m.nend, m.entry, None) for m in ent if m.kind == "person"]

        def absorb(start: int) -> int:
            """Extend a start over the honorifics right before it ("صاحب السمو الأمير", "معالي الشيخ")."""
            while (hon := honorific_by_end.get(nav.skip_space_back(start))) is not None:
                start = hon.nstart
            return start

        # a title right before a known name is that person's ("وزير الخارجية الأمريكي أنتوني بلينكن")
        reserved = {phrase_by_end[e] for n in known if (e := nav.skip_space_back(absorb(n.nstart))) in phrase_by_end}
        taken = nav.tokens_covered([(m.nstart, m.nend) for m in ent] + busy)
        reserved |= {phrase_by_end[e] for n in longer if (e := nav.skip_space_back(absorb(n.nstart))) in phrase_by_end}
        names = known + longer + self._unknown_names([p for p in phrases if p not in reserved], nav, taken)
        names += self._names_after_honorifics(ent, phrase_by_start, nav, taken)
        names += self._names_after_titles(doc, [p for p in phrases if p not in reserved], phrase_by_end, nav, taken,
                                          ent, names, [n.person for n in known if n.person is not None])  # fmt: skip
        names = self._with_ner_names(doc, names, phrase_by_end, phrase_by_start, nav, taken)
        names.sort(key=lambda n: n.nstart)

        found: list[ActorMention] = []
        used: set[TitlePhrase] = set()
        titled: dict[TitlePhrase, ActorMention] = {}  # the titles written before a name, with its person
        covered: list[tuple[int, int]] = []
        for name in names:
            start = absorb(name.nstart)
            before = phrase_by_end.get(nav.skip_space_back(start))
            if before in used:
                before = None
            after = None
            comma = nav.skip_space(name.nend)
            if nav.text[comma : comma + 1] in APPOSITION_MARKS:
                # "بهاء الأعرجي، نائب رئيس الوزراء العراقي،"، "بهاء الأعرجي -نائب رئيس الوزراء العراقي-"
                after = phrase_by_start.get(nav.skip_space(comma + 1))
            elif name.person is not None or name.honorific_start is not None or name.ner or name.longer:
                # "محمد بن عبدالرحمن آل ثاني رئيس مجلس الوزراء": a title right after a name the lexicon or an
                # honorific delimits, if it names no other country than the person's own
                after = phrase_by_start.get(comma)
                if after is not None and not self._title_fits(after, name, doc):
                    after = None
            if after in used or after in reserved:
                after = None
            title = before or after
            extent_start = absorb(before.nstart) if before else start
            extent_end = after.nend if after else name.nend
            used.update(t for t in (before, after) if t is not None)
            found.append(self._person(doc, name, title, (extent_start, extent_end), found))
            insort(covered, (extent_start, extent_end))
            if before is not None:
                titled[before] = found[-1]
        # titles standing for their holder
        for phrase in reversed(phrases):
            if phrase in used:
                continue
            nxt = phrase_by_start.get(nav.skip_space(phrase.nend))
            named_after = titled.get(nxt) if nxt is not None else None
            if (
                nxt is not None
                and named_after is not None
                and phrase.title.kind == nxt.title.kind == "role"
                and self.lex.family(phrase.title.role or "") == self.lex.family(nxt.title.role or "")
                and (phrase.country is None or nxt.country is None or phrase.country == nxt.country)
            ):
                # "خادم الحرمين الشريفين الملك عبدالله بن عبدالعزيز": the titles in a row before a name are all
                # that person's, not the holder's of the day
                span = doc.span(phrase.nstart, phrase.nend)
                act = replace(named_after.actor, text=span.text, start=span.start, end=span.end)
                linked = replace(named_after, actor=act, nstart=phrase.nstart, nend=phrase.nend,
                                 extent=(absorb(phrase.nstart), phrase.nend), resolved=False)  # fmt: skip
                titled[phrase] = linked
                found.append(linked)
                insort(covered, linked.extent)
                used.add(phrase)
        for phrase in phrases:
            if phrase in used:
                continue
            actor = self._title_only(doc, phrase, found, ent)
            if actor is not None:
                start = absorb(phrase.nstart)
                actor = replace(actor, extent=(start, phrase.nend))
                found.append(actor)
                insort(covered, actor.extent)
        # groups named by their sector, with the demonym that follows them ("الشرطة المصرية")
        for i, m in enumerate(ent):
            if m.kind != "group" or _inside(m, covered):
                continue
            country_mention = self._group_country(m, ent[i + 1] if i + 1 < len(ent) else None, nav)
            if m.entry.named and country_mention is None:
                continue  # "طائرات" is a state's forces only as "طائرات إسرائيلية"
            actor = self._group(doc, m, country_mention)
            if country_mention is None and normalize(m.entry.form) in self.bare_bodies:
                # "وزارة الخزانة الأمريكية ... واتهمت الوزارة": the ministry named last before, not the agency's own
                head = normalize(m.entry.form).removeprefix("ال")
                named = [
                    a
                    for a in found
                    if a.kind == "group" and a.nend <= m.nstart and normalize(a.actor.text).startswith(head)
                ]
                if named:
                    last = named[-1]
                    actor = replace(last, nstart=m.nstart, nend=m.nend, extent=(m.nstart, m.nend),
                                    sentence=doc.sentence_of(m.nstart),
                                    actor=replace(last.actor, text=actor.actor.text, start=actor.actor.start,
                                                  end=actor.actor.end))  # fmt: skip
            found.append(actor)
            insort(covered, actor.extent)
            # "طائرات حربية أمريكية وبريطانية": the forces of each state of coordinated demonyms
            k = i + 2 if country_mention is not None else len(ent)  # (the country is ent[i + 1] when found)
            while k < len(ent) and self._coordinated_demonym(ent[k], ent[k - 1], nav):
                more = replace(self._group(doc, m, ent[k]), nstart=ent[k].nstart, extent=(ent[k].nstart, ent[k].nend))
                found.append(more)
                insort(covered, more.extent)
                k += 1
        # states and organizations named outside person phrases
        for m in ent:
            if _inside(m, covered):
                continue
            if m.kind in ("country", "capital"):
                found.append(self._state(doc, m))
            elif m.kind == "org" and (m.entry.org.kind != "agency" or not self._reporting(doc, m, nav)):
                # a news outlet is an actor when it is not the one reporting ("اقتحمت ... مكتب شبكة الجزيرة")
                found.append(self._organization(doc, m))
            elif m.kind == "demonym" and self._counted(m, nav):
                found.append(people_of(doc, m, "citizens", f"group:{m.entry.iso3}:CVL:citizens"))
        found.sort(key=lambda a: (a.nstart, a.nend))
        return self._titles_to_named(found)

    # ------------------------------------------------------ names of persons
    def _checked_persons(self, doc: Document, nav: TokenIndex, ent: list[Mention]) -> tuple[list[Mention], list[_Name]]:
        """The knowledge base's names as they hold on real text: the entity mentions, without the persons' names that
        do not name their person, and the longer names found around some of them.

        A person's form inside a longer name is not that person: after "بن" it is a father's name ("متعب بن عبدالله
        بن عبدالعزيز" is not King Abdullah), and a short form (a single word, or one starting with a name particle:
        "بن سلمان"، "ولد الشيخ") after a given name is someone else's ("سلطان بن سلمان"، "حسن ظريف"); so is a name
        followed by a lineage its person's full names do not have ("محمد بن سلمان بن حمد"). The longer name is
        returned as a name of its own, a person the knowledge base may not know. A short form standing alone names
        its person when the document named that person in full before it (and no other name holding the short
        form came in between), else when the knowledge base declares it for the document's date and no other name
        of the document before it holds it."""
        blocked = nav.tokens_covered([(m.nstart, m.nend) for m in doc.mentions if m.kind not in ("person", "place")])
        context = self._document_owners(doc, ent)
        kept = [m for m in ent if m.kind != "person"]
        longer: list[_Name] = []
        named: list[tuple[str, str | None]] = []  # the names read so far: (normalized name, person id or None)
        dropped: set[tuple[int, int]] = set()
        for m in sorted((m for m in ent if m.kind == "person"), key=lambda m: m.nstart):
            person: Person = m.entry
            form = " ".join(nav.text[m.nstart : m.nend].split())
            short = self._is_short(form, person)
            inside = self._named_after(nav, ent, m)
            if inside is not None:
                dropped.update((t.nstart, t.nend) for t in inside)  # "مؤسسة الملك عبدالله بن عبدالعزيز العالمية"
                continue
            j = nav.before(m.nstart)
            prev = nav.token(j) if not m.prefix else None
            after_patronymic = prev is not None and prev.norm in self.patronymics
            after_given_name = (
                short
                and prev is not None
                and self._plain_word(nav, j, blocked)
                and (
                    form.split()[0] in self.name_particles
                    or self._given_name(prev.norm)
                    or (len(form.split()) == 1 and self._unknown_word(prev.norm))
                )
            )
            if short and not after_given_name and prev is not None and self._plain_word(nav, j, blocked):
                # "حسين أونيانغو أوباما": a given name and another word before a surname, not the person's own
                prev2 = nav.token(j - 1)
                after_given_name = (
                    prev2 is not None
                    and self._plain_word(nav, j - 1, blocked)
                    and nav.is_blank(prev2.nend, prev.nstart)
                    and prev.norm not in self.lexicon_words
                    and self._given_name(prev2.norm)
                    and not self._begins_a_form(person, prev2.norm)
                )
            if after_given_name and prev is not None and self._own_given_name_before(nav, j, person, blocked):
                # "باراك حسين أوباما": the person's own given name, then a middle name
                first = nav.tokens[j - 1]
                span = doc.span(first.nstart, m.nend)
                m = replace(m, start=span.start, end=span.end, text=span.text, nstart=first.nstart, prefix="")
                form, short, after_given_name = " ".join(nav.text[first.nstart : m.nend].split()), False, False
            if after_given_name and prev is not None and self._begins_a_form(person, f"{prev.norm} {form}"):
                # "إسماعيل ولد الشيخ": the person's own given name before the short form
                span = doc.span(prev.nstart, m.nend)
                m = replace(m, start=span.start, end=span.end, text=span.text, nstart=prev.nstart, prefix="")
                form, short, after_given_name = f"{prev.norm} {form}", False, False
            if after_patronymic or after_given_name:
                start = self._longer_start(nav, j, blocked)
                if start is not None:
                    end = self._lineage_end(nav, m.nend, blocked)
                    longer.append(_Name(start, end, None, None, longer=True))
                    named.append((" ".join(nav.text[start:end].split()), None))
                continue
            other_end = self._other_lineage_end(nav, m, person, form, blocked)
            if other_end is None:
                other_end = self._surname_after(nav, m, form, short, blocked)
            if other_end is not None:
                end = self._lineage_end(nav, other_end, blocked)
                longer.append(_Name(m.nstart, end, None, None, longer=True))
                named.append((" ".join(nav.text[m.nstart : end].split()), None))
                continue
            in_context = self._in_context(person, context, self._title_before(nav, ent, m))
            if short and not self._short_form_holds(doc, person, form, named, in_context and not self._arts(nav, j)):
                continue
            kept.append(m)
            named.append((form, person.id))
        if dropped:
            kept = [m for m in kept if (m.nstart, m.nend) not in dropped]
        return kept, longer

    def _lineage_end(self, nav: TokenIndex, end: int, blocked: set[int]) -> int:
        """``end`` moved over the "بن NAME" and "آل NAME" that follow it ("سلطان بن سلمان" + "بن عبدالعزيز")."""
        k = nav.after(end)
        while True:
            particle = nav.token(k)
            if particle is None or particle.kind != "word" or not nav.is_blank(end, particle.nstart):
                return end  # (the article split off a word, "ال" + "مستشار", is no "آل")
            if particle.norm not in self.patronymics and particle.norm not in self.name_particles:
                return end
            if not self._plain_word(nav, k + 1, blocked) and (k + 1) not in blocked:
                return end
            name = nav.tokens[k + 1]
            if name.kind != "word":
                return end
            end, k = name.nend, k + 2

    def _given_name(self, norm: str) -> bool:
        """A given name of the knowledge base, or a word of the names' clusters of raw news ("بندر"، "ماجد"، "جيمي")."""
        if norm in self.given_names:
            return True
        found = self.clusters.get(stem(norm))
        return found is not None and (found[0] == self.name_cluster or found in self.name_fine_clusters)

    def _unknown_word(self, norm: str) -> bool:
        """A word raw news' clusters do not hold (a rare foreign given name: "كيزيا أوباما" is Obama's kin, not him)
        and no lexicon reads, without the article."""
        return (
            len(norm) > 2
            and not norm.startswith("ال")
            and norm not in self.lexicon_words
            and norm not in self.name_particles
            and self.clusters.get(stem(norm)) is None
        )

    def _named_after(self, nav: TokenIndex, ent: list[Mention], m: Mention) -> list[Mention] | None:
        """The titles before a person's name inside the name of a body or place named after them ("مؤسسة الملك
        عبدالله بن عبدالعزيز"، "جامعة الأمير سلطان"), with the name itself; None when the name is the person's."""
        titles = [t for t in ent if t.kind == "title" and t.nend <= m.nstart]
        inside = [m]
        start = m.nstart - len(m.prefix)
        while titles and nav.is_blank(titles[-1].nend, start):
            inside.append(titles[-1])
            start = titles.pop().nstart - len(inside[-1].prefix)
        if self._after_named_head(nav, start):
            return inside
        before = nav.token(nav.before(start))
        if before is not None and before.norm in IMAM:
            head = before.nstart
            article = nav.token(nav.before(head))
            if article is not None and article.kind == "clitic" and article.norm == "ال":
                head = article.nstart  # ("ال" + "امام" once the tokenizer split the article off)
            if self._after_named_head(nav, head):
                return inside  # "بجامع الإمام تركي بن عبدالله": a mosque named after the imam of old
        return None

    def _after_named_head(self, nav: TokenIndex, start: int) -> bool:
        """Whether the word before ``start`` is the head of a body's or place's name ("مطار"، "سفارة"، "برنامج")."""
        before = nav.token(nav.before(start))
        if before is None or before.kind != "word":
            return False
        word = before.norm
        return any(word.startswith(c) and word[len(c) :] in self.named_after for c in HEAD_CLITICS)

    def _over_adjective(self, nav: TokenIndex, end: int) -> int:
        """The end of the adjective after a title ending at ``end`` when a family name of the knowledge base follows
        it ("الرئيس العلماني أوباما"), else ``end``."""
        k = nav.after(end)
        adjective, name = nav.token(k), nav.token(k + 1)
        if (
            adjective is None
            or name is None
            or adjective.kind != "word"
            or name.kind != "word"
            or not adjective.norm.startswith("ال")
            or len(adjective.norm) < 5
            or adjective.norm in self.lexicon_words
            or adjective.norm in self.former_words
            or adjective.norm in self.function_words
            or adjective.norm in self.trigger_words
            or not nav.is_blank(end, adjective.nstart)
            or not nav.is_blank(adjective.nend, name.nstart)
            or name.norm not in self.family_names
        ):
            return end
        return adjective.nend

    def _after_named_construct(self, nav: TokenIndex, start: int) -> bool:
        """Whether one or two nouns of a construct (no article, no verb) stand between a thing's head and ``start``:
        "برنامج ضيوف خادم الحرمين الشريفين" names a programme, "جائزة مسابقة الملك ..." a prize."""
        k = nav.before(start)
        for _ in range(NAMED_AFTER_GAP):
            tok = nav.token(k)
            if (
                tok is None
                or tok.kind != "word"
                or tok.norm.startswith("ال")
                or tok.norm in self.function_words
                or tok.norm in self.trigger_words
                or tok.norm in self.lexicon_words
                or not nav.is_blank(tok.nend, start)
            ):
                return False
            if self._after_named_head(nav, tok.nstart):
                return True
            start, k = tok.nstart, nav.before(tok.nstart)
        return False

    def _kingship(self, nav: TokenIndex, m: Mention, start: int) -> bool:
        """Whether a bare "الملك" is the second object of a verb of depriving with its first object attached
        ("سلبته الملك"، "فانتزعوا منه"... "نزعوه الملك"): the noun "المُلك" (kingship), no king."""
        if normalize(m.entry.form) != KING or m.prefix:
            return False
        before = nav.token(nav.before(start))
        return (
            before is not None
            and before.kind == "word"
            and nav.is_blank(before.nend, start)
            and DEPRIVING.fullmatch(before.norm) is not None
        )

    def _after_subordinate_head(self, nav: TokenIndex, start: int) -> bool:
        """Whether the word before ``start`` heads a subordinate's title ("وكيل"، "مساعد"، "نواب"، "مستشار"،
        "بأعمال"، "باسم"، "مدير مكتب"): the title after it is the superior's, who is not the one named."""
        k = nav.before(start)
        before = nav.token(k)
        if before is None or before.kind != "word" or not nav.is_blank(before.nend, start):
            return False
        word = before.norm
        if any(word.startswith(c) and word[len(c) :] in SUBORDINATE_HEADS for c in HEAD_CLITICS):
            return True
        first = nav.token(nav.before(before.nstart))
        return (
            first is not None
            and first.kind == "word"
            and any(
                first.norm.startswith(c) and (first.norm[len(c) :].removeprefix("ال"), word) in SUBORDINATE_PAIRS
                for c in HEAD_CLITICS
            )
        )

    def _before_former_context(self, nav: TokenIndex, start: int) -> bool:
        """Whether a title stands after "في عهد"، "سلفه" (an era or a predecessor: a former holder's title)."""
        before = nav.token(nav.before(start))
        if before is None or before.kind != "word":
            return False
        return any(before.norm.startswith(c) and before.norm[len(c) :] in self.former_context for c in HEAD_CLITICS)

    def _surname_after(self, nav: TokenIndex, m: Mention, form: str, short: bool, blocked: set[int]) -> int | None:
        """The end of another person's longer name going on after a known one: a single-word short form followed by
        "بن" is a given name ("عسيري بن أحمد"), and "X بن Y" followed by a family name of the names' cluster is
        someone else ("عبدالله بن عبدالعزيز الربيعة")."""
        k = nav.after(m.nend)
        nxt = nav.token(k)
        if nxt is None or not nav.is_blank(m.nend, nxt.nstart) or not self._plain_word(nav, k, blocked):
            if short and nxt is not None and nxt.norm in self.patronymics and self._plain_word(nav, k + 1, blocked):
                return nav.tokens[k + 1].nend
            return None
        words = form.split()
        if (
            len(words) >= 3
            and any(w in self.patronymics for w in words[1:-1])
            and nxt.norm.startswith("ال")
            and len(nxt.norm) > 4
            and nxt.norm not in self.lexicon_words
            and self._given_name(nxt.norm)
        ):
            return nxt.nend
        return None

    @staticmethod
    def _begins_a_form(person: Person, words: str) -> bool:
        """Whether ``words`` (normalized) are the first words of one of the person's forms."""
        return any(
            f == words or f.startswith(words + " ") for f in (" ".join(normalize(x).split()) for x in person.forms)
        )

    def _is_short(self, form: str, person: Person | None = None) -> bool:
        """A single word, a name starting with a particle ("بن سلمان"، "ولد الشيخ أحمد"، "أبو مازن"), or the end of
        another of the person's forms (a family name of two words: "نصر الله" of "حسن نصر الله")."""
        words = form.split()
        if len(words) == 1 or words[0] in self.name_particles:
            return True
        return person is not None and any(
            f.endswith(" " + form) for f in (" ".join(normalize(x).split()) for x in person.forms)
        )

    def _own_given_name_before(self, nav: TokenIndex, j: int, person: Person, blocked: set[int]) -> bool:
        """Whether the word before token ``j`` (a middle name) begins one of the person's forms ("باراك حسين")."""
        first, middle = nav.token(j - 1), nav.token(j)
        return (
            first is not None
            and middle is not None
            and self._plain_word(nav, j - 1, blocked)
            and nav.is_blank(first.nend, middle.nstart)
            and self._begins_a_form(person, first.norm)
        )

    def _arts(self, nav: TokenIndex, j: int) -> bool:
        """Whether a word of the arts or sports ("الروائية"، "الظهير"، "فيلم") stands in the three words up to token
        ``j``: a surname there is a namesake's more often than a politician's ("الكاتبة إيميلي نصر الله")."""
        for k in range(max(0, j - 2), j + 1):
            w = nav.tokens[k].norm
            if any(w.startswith(c) and w[len(c) :] in self.namesake_context for c in HEAD_CLITICS):
                return True
        return False

    def _document_owners(self, doc: Document, ent: list[Mention]) -> set[str]:
        """The states and organizations the document names (countries, demonyms, capitals, bodies and the states of
        bodies, titles of one state), with the reporting agency's country."""
        out: set[str] = set()
        for m in ent:
            if m.kind in ("country", "demonym", "capital"):
                out.add(m.entry.iso3)
            elif m.kind == "org":
                out.update(x for x in (m.entry.org.code, m.entry.org.country) if x)
            elif m.kind == "title" and m.entry.country:
                out.add(m.entry.country)
        if doc.home_country:
            out.add(doc.home_country)
        return out

    def _title_before(self, nav: TokenIndex, ent: list[Mention], m: Mention) -> Title | None:
        """The role title standing right before a name, over a demonym or honorifics ("الرئيس الأمريكي أوباما")."""
        start = m.nstart - len(m.prefix)
        for t in reversed([t for t in ent if t.nend <= start]):
            if not nav.is_blank(t.nend, start):
                return None
            if t.kind == "title" and t.entry.kind == "role":
                return t.entry  # type: ignore[no-any-return]
            if not (t.kind in ("demonym", "country") or (t.kind == "title" and t.entry.kind == "honorific")):
                return None
            start = t.nstart - len(t.prefix)
        return None

    def _in_context(self, person: Person, owners: set[str], title: Title | None) -> bool:
        """Whether the document gives a short form's person some context: a state or organization the person served,
        or a title of one of the person's roles right before the name. A surname alone in an article that names
        neither is someone else's more often than not ("جيمي لوفين"، "الظهير جونسون")."""
        if any((t.country or t.org) in owners for t in person.terms):
            return True
        if title is None or title.role is None:
            return False
        family = self.lex.family(title.role)
        return any(self.lex.family(t.role) == family for t in person.terms)

    def _plain_word(self, nav: TokenIndex, j: int, blocked: set[int]) -> bool:
        """A word no lexicon reads and no function word: it may be part of a name."""
        t = nav.token(j)
        return (
            t is not None
            and t.kind == "word"
            and j not in blocked
            and t.norm not in self.function_words
            and t.norm not in self.trigger_words
            and t.norm not in self.patronymics
        )

    def _longer_start(self, nav: TokenIndex, j: int, blocked: set[int]) -> int | None:
        """Where a name ending at token ``j`` (a given name, or "بن" before a known name) starts: back over
        "NAME بن NAME بن" (and "عبد"، "أبو" before a name); None when no name word stands there."""
        i, start = j, None
        while i >= 0 and j - i < LONGER_NAME_WORDS:
            tok = nav.tokens[i]
            if tok.norm in self.patronymics:
                if not self._plain_word(nav, i - 1, blocked):
                    break
                i -= 1
                continue
            if not self._plain_word(nav, i, blocked):
                break
            start = i
            before = nav.token(i - 1)
            if before is not None and before.norm in self.name_prefixes and before.norm not in self.patronymics:
                start = i - 1  # "عبد الله بن سلمان"
                before = nav.token(i - 2)
            if before is None or before.norm not in self.patronymics:
                break
            i = start - 1
        return nav.tokens[start].nstart if start is not None else None

    def _other_lineage_end(
        self, nav: TokenIndex, m: Mention, person: Person, form: str, blocked: set[int]
    ) -> int | None:
        """The end of "بن NAME" after a person's name where the person's full names continue otherwise ("محمد بن
        سلمان بن حمد" is not "محمد بن سلمان بن عبدالعزيز"); None when the text continues as the knowledge base does."""
        k = nav.after(m.nend)
        particle, name = nav.token(k), nav.token(k + 1)
        if particle is None or name is None or particle.norm not in self.patronymics:
            return None
        if not self._plain_word(nav, k + 1, blocked):
            return None
        stem = f"{form} {particle.norm} "
        longer_forms = [f for f in (" ".join(normalize(f).split()) for f in person.forms) if f.startswith(stem)]
        if not longer_forms or any(f[len(stem) :].split()[0] == name.norm for f in longer_forms):
            return None
        return name.nend

    def _short_form_holds(
        self, doc: Document, person: Person, form: str, named: list[tuple[str, str | None]], in_context: bool
    ) -> bool:
        """Whether a short form standing alone names ``person`` (see :meth:`_checked_persons`): after the person's
        full name; else only in a document that names a state or body the person served or one of their titles
        right before the name ("جيمي لوفين" in an article on music is not Sweden's prime minister), and in the
        period the knowledge base declares (a family name of two words, "أحمدي نجاد"، "نصر الله", in any)."""
        words = form.split()
        for name, pid in reversed(named):
            if pid == person.id and not self._is_short(name, person):
                return True  # named in full before
            if pid != person.id and _holds(name.split(), words):
                return False  # "سلطان بن سلمان ... وأكد بن سلمان": the other person's
        if not in_context:
            return False
        if not self._is_short(form):
            return True  # "أحمدي نجاد": distinctive as long as the document gives the person's context
        declared = [s for s in person.short_forms if s.form == form]
        if any(not s.alone for s in declared):
            return False  # a common surname: only after the full name
        if doc.date is None:
            return True
        if declared:
            return any(s.covers(doc.date) for s in declared)
        starts = [t.start for t in person.terms]
        ends = [t.end for t in person.terms]
        first = None if not starts or None in starts else min(d for d in starts if d is not None)
        last = None if not ends or None in ends else max(d for d in ends if d is not None)
        return (first is None or first - SHORT_FORM_MARGIN <= doc.date) and (
            last is None or doc.date <= last + SHORT_FORM_MARGIN
        )

    def _titles_to_named(self, found: list[ActorMention]) -> list[ActorMention]:
        """A title standing alone that no date resolved ("وزير الخارجية الأمريكي" in an undated report, or of a
        state the knowledge base does not cover) refers to the one person of the document named with that role
        of that state or organization ("أنتوني بلينكن، وزير الخارجية الأمريكي ... وأكد وزير الخارجية الأمريكي");
        with none, or with several, it stays a role."""
        named: dict[tuple[str, str], set[str]] = {}
        by_key: dict[str, ActorMention] = {}
        for a in found:
            act = a.actor
            if a.kind == "person" and not a.key.startswith("role:") and act.role and (act.country or act.org):
                owner = act.country or act.org or ""
                named.setdefault((owner, self.lex.family(act.role)), set()).add(a.key)
                best = by_key.get(a.key)
                if best is None or (a.resolved and not best.resolved):
                    by_key[a.key] = a
        if not named:
            return found
        out: list[ActorMention] = []
        for a in found:
            act = a.actor
            several = normalize(act.text).split()[0] in PLURAL_COUNTERPARTS if act.text.strip() else False
            if (
                a.kind == "person"
                and a.key.startswith("role:")
                and act.role
                and (act.country or act.org)
                and not several
            ):
                keys = named.get((act.country or act.org or "", self.lex.family(act.role)), set())
                if len(keys) == 1:
                    person = by_key[next(iter(keys))]
                    p = person.actor
                    linked = replace(act, name=p.name, country=p.country, org=p.org, sector=p.sector, role=p.role,
                                     entity_id=p.entity_id, name_source=p.name_source)  # fmt: skip
                    a = replace(a, actor=linked, key=person.key)
            out.append(a)
        return out

    def _title_phrases(self, ent: list[Mention], nav: TokenIndex) -> list[TitlePhrase]:
        """Role titles with their country or organization; titles in a row ("نائب رئيس الوزراء وزير الخارجية")
        make one phrase: the first title's role, the first country named."""
        phrases: list[TitlePhrase] = []
        in_entities = nav.tokens_covered([(m.nstart, m.nend) for m in ent])
        i = 0
        while i < len(ent):
            m = ent[i]
            if m.kind != "title" or m.entry.kind not in ("role", "counterpart") or self._inside_name(m, nav):
                i += 1
                continue
            if not m.prefix and normalize(m.entry.form) in ADJECTIVE_TITLES:
                k = nav.before(m.nstart)
                prev = nav.token(k)
                if (
                    prev is not None
                    and prev.kind == "word"
                    and prev.text.startswith("ال")  # (not "إلقاء", whose folded hamza looks like the article)
                    and k not in in_entities
                    and prev.norm not in self.trigger_words
                    and prev.norm not in self.function_words
                    and prev.norm not in self.lexicon_words
                ):
                    i += 1  # "الأزمات الرئيسة": the main crises, no president
                    continue
            title: Title = m.entry
            country, org, sector, nend, i = self._one_title(ent, i, nav)
            own_body = org is not None or sector is not None
            while i + 1 < len(ent):
                nxt = ent[i + 1]
                if not (nxt.kind == "title" and nxt.entry.kind == "role" and nav.is_blank(nend, nxt.nstart)):
                    break
                more_country, more_org, more_sector, more_end, last = self._one_title(ent, i + 1, nav)
                # "استقبل الرئيس المصري رئيس الوزراء الفلسطيني"، "استقبل وزير الخارجية وزير الخارجية الإيطالي":
                # two persons, not one with two titles
                if (
                    self.lex.family(nxt.entry.role or "") == self.lex.family(title.role or "")
                    or (country and more_country and country != more_country)
                    # a title naming its state by itself is a person of its own: "أناب خادم الحرمين الشريفين نائب
                    # خادم الحرمين الشريفين"، "أناب خادم الحرمين الشريفين ولي ولي العهد"
                    or nxt.entry.country is not None
                    or title.country is not None
                ):
                    break
                nend, i = more_end, last
                country, org, sector = country or more_country, org or more_org, sector or more_sector
            head = m.nstart - len(m.prefix)
            if self._kingship(nav, m, head):
                # "فسلبته الملك": the second object of a verb of depriving is the kingship, not a king
                i += 1
                continue
            if self._after_subordinate_head(nav, head):
                # "وكيل الأمين العام"، "القائمة بأعمال مساعد وزير الدفاع": the tail of someone else's title
                i += 1
                continue
            if self._after_named_head(nav, head) or self._after_named_construct(nav, head):
                # "سفارة خادم الحرمين الشريفين"، "برنامج خادم الحرمين الشريفين للابتعاث"، "لباب الملك عبدالعزيز":
                # the title names a body or a place, not its holder acting
                i += 1
                continue
            former = nav.token(nav.after(nend))
            if former is not None and former.norm in self.former_words:
                # "الرئيس اليمني السابق": a former holder's title
                phrases.append(TitlePhrase(m.nstart, former.nend, title, country, org, sector, True))
            else:
                # "الرئيس العلماني أوباما": an adjective between the title and a family name the base knows; the title
                # is that name's, not a bare one (not the last president named, nor the document's state's)
                wide = self._over_adjective(nav, nend)
                # "في عهد الرئيس ..."، "سلفه الرئيس ...": an era's or a predecessor's title, never the current holder's
                era = self._before_former_context(nav, head)
                phrases.append(TitlePhrase(m.nstart, wide, title, country, org, sector, era, wide != nend, own_body))
            i += 1
        return phrases

    @staticmethod
    def _body_anaphors(doc: Document, nav: TokenIndex, ent: list[Mention]) -> list[Mention]:
        """ "الحركة"، "الجماعة"، "الحزب"، "التنظيم": the movement, group, party or organization named last before in
        the document whose name starts with that word ("حركة حماس ... وحمّلت الحركة الاحتلال المسؤولية")."""
        orgs = [m for m in ent if m.kind == "org" and m.entry.org.kind != "agency"]
        bodies = [(m, normalize(m.entry.form).split()[0]) for m in orgs]  # each with the first word of its name
        if not bodies:
            return []
        covered = [(m.nstart, m.nend) for m in ent]
        out: list[Mention] = []
        for i, tok in enumerate(nav.tokens):
            head = tok.norm.removeprefix("ال") if tok.norm.startswith("ال") else None
            start = tok.nstart
            if head is None and i > 0 and nav.tokens[i - 1].norm == "ال":
                head, start = tok.norm, nav.tokens[i - 1].nstart  # the article split off a known stem
            if head not in BODY_HEADS or any(a <= tok.nstart < b for a, b in covered):
                continue
            earlier = [m for m, first in bodies if m.nend <= start and first == head]
            if earlier:
                span = doc.span(start, tok.nend)
                out.append(Mention(span.start, span.end, span.text, start, tok.nend, "org", earlier[-1].entry, ""))
        return out

    def _inside_name(self, m: Mention, nav: TokenIndex) -> bool:
        """ "عبد الملك الحوثي": a title word after a name prefix is part of a name."""
        prev = nav.token(nav.before(m.nstart - len(m.prefix)))
        return prev is not None and prev.norm in self.name_prefixes

    def _one_title(
        self, ent: list[Mention], i: int, nav: TokenIndex
    ) -> tuple[str | None, str | None, str | None, int, int]:
        """``(country, org, body sector, end, index of the last mention used)`` of the title at ``ent[i]``."""
        m = ent[i]
        title: Title = m.entry
        country, org, nend = title.country, None, m.nend
        nxt = ent[i + 1] if i + 1 < len(ent) else None
        if nxt is not None and nav.is_blank(m.nend, nxt.nstart - len(nxt.prefix)):
            if nxt.kind in ("country", "demonym", "capital") and not nxt.prefix:
                end, last = nxt.nend, i + 1
                # "سفير السعودية لدى الأردن": the post belongs to the title
                after = ent[i + 2] if i + 2 < len(ent) else None
                marker = nav.token(nav.after(nxt.nend))
                if marker is not None and marker.norm in ("الدائم", "الدائمه"):
                    # "مندوب السودان الدائم لدى الأمم المتحدة": the post of a permanent representative
                    marker = nav.token(nav.after(marker.nend))
                if (
                    after is not None
                    and marker is not None
                    and marker.norm in self.posted_at
                    and after.kind in ("country", "capital", "org")
                    and nav.is_blank(marker.nend, after.nstart - len(after.prefix))
                ):
                    end, last = after.nend, i + 2
                return nxt.entry.iso3, None, None, end, last
            if nxt.kind == "org" and nxt.prefix in ("", "ل") and nxt.entry.org.kind != "agency":
                body = nxt.entry.org
                return body.country, body.code, body.sector, nxt.nend, i + 1
        if country is None and title.role in ENVOY_ROLES:
            # "المبعوث الأممي الخاص إلى اليمن": the country an envoy is sent to belongs to the title, not its owner
            for k in range(i + 1, min(i + 3, len(ent))):
                post = ent[k]
                gap = nav.text[nend : post.nstart - len(post.prefix)].split()
                if post.kind in ("country", "capital") and gap and gap[-1] in self.destinations and len(gap) <= 2:
                    return None, None, None, post.nend, k
        if country is None:
            far = self._distant_country(m, ent, i, nav)
            if far is not None:
                return far.entry.iso3, None, None, far.nend, i
        return country, org, None, nend, i

    def _distant_country(self, m: Mention, ent: list[Mention], i: int, nav: TokenIndex) -> Mention | None:
        """``وزير الدولة لشؤون ... بالمملكة المتحدة``: the country closing a long title, before a comma."""
        last = None
        end_tok = min(nav.after(m.nend) + MAX_TITLE_TOKENS, len(nav.tokens))
        stop = nav.tokens[end_tok - 1].nend if end_tok else m.nend
        for t in nav.tokens[nav.after(m.nend) : end_tok]:
            if t.norm in CLAUSE_PUNCT or t.norm == "مع":
                stop = t.nstart
                break
        for k, other in enumerate(ent[i + 1 :], start=i + 1):
            if other.nstart >= stop:
                break
            if other.kind == "title" and nav.is_blank(ent[k - 1].nend, other.nstart - len(other.prefix)):
                continue  # "نائب رئيس الوزراء وزير الخارجية ...": titles in a row, one phrase
            if other.kind == "person" and last is not None:
                stop = other.nstart  # "... بالمملكة الأردنية الهاشمية أيمن الصفدي": the name closes the title
                break
            if other.kind in ("person", "title"):
                return None
            prev = nav.token(nav.before(other.nstart - len(other.prefix)))
            if other.kind == "country" and (
                other.prefix.endswith("ب") or (not other.prefix and prev is not None and prev.norm == "في")
            ):
                last = other
        if last is not None and nav.is_blank(last.nend, stop):
            return last
        return None

    def _unknown_names(self, phrases: list[TitlePhrase], nav: TokenIndex, taken: set[int]) -> list[_Name]:
        """Names no lexicon knows, read before ``، TITLE`` or ``-TITLE-`` (a run of ordinary words after a
        boundary)."""
        out: list[_Name] = []
        for phrase in phrases:
            comma = nav.before(phrase.nstart)
            tok = nav.token(comma)
            if tok is None or tok.norm not in APPOSITION_MARKS:
                continue
            close = nav.token(nav.after(phrase.nend))
            if tok.norm != "," and (close is None or close.norm != tok.norm):
                continue  # a dash opens an apposition only when another closes it (not a dateline's "المدينة -")
            run: list[int] = []
            j = comma - 1
            while j >= 0 and len(run) <= MAX_NAME_TOKENS and self._name_word(nav, j, taken):
                run.append(j)
                j -= 1
            if not run or len(run) > MAX_NAME_TOKENS:
                continue
            before_run = nav.token(run[-1] - 1)
            if before_run is not None and before_run.norm in self.locatives:
                continue  # "في قصر الحسينية، ..." is a place
            first, last = nav.tokens[run[-1]], nav.tokens[run[0]]
            nstart = first.nstart
            if first.norm.startswith("و") and len(first.norm) > 3 and (before_run is None or before_run.norm == ","):
                nstart += 1  # "، وخالد" : the conjunction is not part of the name
            out.append(_Name(nstart, last.nend, None, None))
        return out

    def _names_after_honorifics(
        self, ent: list[Mention], phrase_by_start: dict[int, TitlePhrase], nav: TokenIndex, taken: set[int]
    ) -> list[_Name]:
        """ "سعادة السيد جان نويل بارو، ..." : the unknown name after an honorific, up to a title, a comma or a
        particle; a run that does not end there is not taken for a name."""
        out: list[_Name] = []
        honorifics = [m for m in ent if m.kind == "title" and m.entry.kind == "honorific"]
        for hon in honorifics:
            j = nav.after(hon.nend)
            run: list[int] = []
            while j < len(nav.tokens) and len(run) <= MAX_NAME_TOKENS and self._name_word(nav, j, taken):
                run.append(j)
                j += 1
            if not run or len(run) > MAX_NAME_TOKENS:
                continue
            nxt = nav.token(j)
            ends_well = (
                nxt is None
                or nxt.norm in CLAUSE_PUNCT
                or nxt.norm in self.function_words
                or nxt.nstart in phrase_by_start
            )
            if ends_well:
                out.append(_Name(nav.tokens[run[0]].nstart, nav.tokens[run[-1]].nend, None, hon.nstart))
        return out

    def _names_after_titles(
        self,
        doc: Document,
        phrases: list[TitlePhrase],
        phrase_by_end: dict[int, TitlePhrase],
        nav: TokenIndex,
        taken: set[int],
        ent: list[Mention],
        names: list[_Name],
        named_persons: list[Person],
    ) -> list[_Name]:
        """A given name no lexicon form holds right after a title ("الملك عبدالعزيز"، "العاهل المغربي الحسن الثاني"،
        "الملك سلمان"): the title is that person's, not its holder's of the day unless the holder bears that name. The
        name is the title's holder when the holder's forms begin with it, else the one person of the knowledge base
        who held the title and bears it (never the current holder for a former title), else a person no base knows."""
        out: list[_Name] = []
        for phrase in phrases:
            k = nav.after(phrase.nend)
            tok = nav.token(k)
            if (
                tok is None
                or tok.kind != "word"
                or not nav.is_blank(phrase.nend, tok.nstart)
                or k in taken
                or tok.norm in self.function_words
                or tok.norm in self.trigger_words
                or not (self._given_name(tok.norm) or (phrase.adjective and tok.norm in self.family_names))
            ):
                continue
            end, j = tok.nend, k + 1
            while j - k < MAX_NAME_TOKENS and (nxt := nav.token(j)) is not None and nav.is_blank(end, nxt.nstart):
                # "جواد الحمداني": the family names that follow (words of the names' clusters)
                nisba = nxt.norm.startswith("ال") and nxt.norm.endswith("ي") and nxt.norm not in self.lexicon_words
                if not self._plain_word(nav, j, taken) or not (self._given_name(nxt.norm) or nisba):
                    break
                end, j = nxt.nend, j + 1
            end = self._lineage_end(nav, end, taken)
            ordinal = nav.token(nav.after(end))
            if ordinal is not None and ordinal.norm in ORDINALS and nav.is_blank(end, ordinal.nstart):
                end = ordinal.nend
            if any(n.nstart < end and tok.nstart < n.nend for n in names):
                continue
            words = " ".join(nav.text[tok.nstart : end].split())
            person = self._titled_person(doc, phrase, words, phrase_by_end, nav, ent, named_persons)
            out.append(_Name(tok.nstart, end, person, None))
        return out

    def _titled_person(
        self,
        doc: Document,
        phrase: TitlePhrase,
        words: str,
        phrase_by_end: dict[int, TitlePhrase],
        nav: TokenIndex,
        ent: list[Mention],
        named_persons: list[Person],
    ) -> Person | None:
        """The knowledge-base person a title followed by the name ``words`` (normalized) names, if any: a person
        the document names whose full name ends with it, the title's holder whose name begins with it, else the
        one person who held the title and bears it."""
        role = phrase.title.role
        if role is None or phrase.title.kind != "role":
            return None
        family = self.lex.family(role)
        named = [
            p
            for p in named_persons
            if any(self.lex.family(t.role) == family for t in p.terms)
            and any(
                f.endswith(" " + words) and not f.endswith(DYNASTY + words)
                for f in (" ".join(normalize(x).split()) for x in p.forms)
            )
        ]
        if len({p.id for p in named}) == 1:
            return named[0]  # "محمود عباس ... الرئيس عباس": the family name of a person the document names
        owner = phrase.country or phrase.org
        if owner is None:
            # "العاهل الأردني الملك عبدالله الثاني": the state of the title right before
            prev = phrase_by_end.get(nav.skip_space_back(phrase.nstart))
            if prev is not None and self.lex.family(prev.title.role or "") == self.lex.family(role):
                owner = prev.country or prev.org
        if owner is None:
            owner = doc.home_country or self._titles_country(ent)
        if owner is None:
            # "الملك سلمان" with no state named: the one person who ever held the title bearing that name, if they
            # hold it on the date ("الملك عبدالله" is two kings: no one)
            bearers = {p.id: p for p in self.by_family.get(family, ()) if self._begins_a_form(p, words)}
            if len(bearers) != 1 or doc.date is None:
                return None
            (bearer,) = bearers.values()
            day = doc.date
            holds = any(t.covers(day) and self.lex.family(t.role) == family for t in bearer.terms)
            return bearer if holds and not phrase.former else None
        current = None if phrase.former else self._holder(owner, role, doc.date)
        if current is not None and self._begins_a_form(current[0], words):
            return current[0]  # "الملك سلمان"، "وزير الداخلية جواد البولاني" (not "جواد الحمداني")
        found = [
            p
            for p in self.lex.holders(owner, role)
            if self._begins_a_form(p, words)
            and not (
                phrase.former
                and doc.date is not None
                and any(t.covers(doc.date) and self.lex.family(t.role) == family for t in p.terms)
            )
        ]
        return found[0] if len(found) == 1 and (current is None or found[0].id != current[0].id) else None

    def _with_ner_names(
        self,
        doc: Document,
        names: list[_Name],
        phrase_by_end: dict[int, TitlePhrase],
        phrase_by_start: dict[int, TitlePhrase],
        nav: TokenIndex,
        taken: set[int],
    ) -> list[_Name]:
        """Persons the NER tagger found that can be actors: next to a title ("TITLE NAME", "NAME، TITLE", "NAME
        TITLE") or right after a verb trigger or "مع" (its subject or object). A name the rules read before a
        title gives way to the tagger's when they overlap (the rules stop at a clitic: "خالد محمد العلي")."""
        if not doc.ner_names:
            return names
        verb_ends = {m.nend for m in doc.mentions if m.kind == "trigger" and m.entry.pos == "verb"}
        found: list[_Name] = []
        for ner in doc.ner_names:
            if ner.type != "PERS" or nav.tokens_covered([(ner.nstart, ner.nend)]) & taken:
                continue
            start, end = ner.nstart, ner.nend
            comma = nav.skip_space(end)
            prev = nav.token(nav.before(start))
            titled = (
                nav.skip_space_back(start) in phrase_by_end
                or comma in phrase_by_start
                or (nav.text[comma : comma + 1] == "," and nav.skip_space(comma + 1) in phrase_by_start)
            )
            argument = nav.skip_space_back(start) in verb_ends or (prev is not None and prev.norm == "مع")
            if titled or argument:
                found.append(_Name(start, end, None, None, ner=True))
        if not found:
            return names
        kept = [
            n for n in names if n.person is not None or not any(n.nstart < f.nend and f.nstart < n.nend for f in found)
        ]
        return kept + [f for f in found if not any(n.nstart < f.nend and f.nstart < n.nend for n in kept)]

    def _name_word(self, nav: TokenIndex, j: int, taken: set[int]) -> bool:
        t = nav.tokens[j]
        return (
            t.kind == "word"
            and t.norm not in self.function_words
            and t.norm not in self.trigger_words
            and j not in taken
        )

    def _title_fits(self, phrase: TitlePhrase, name: _Name, doc: Document) -> bool:
        """A title written right after a name is that person's unless it names another country
        ("استقبل السيسي وزير الخارجية الأمريكي" is two persons)."""
        if phrase.country is None:
            return True
        if name.person is None:
            return True
        term = name.person.nearest_term(doc.date)
        return term is not None and term.country == phrase.country

    # -------------------------------------------------------------- building
    def _person(
        self,
        doc: Document,
        name: _Name,
        title: TitlePhrase | None,
        extent: tuple[int, int],
        earlier: list[ActorMention],
    ) -> ActorMention:
        span = doc.span(name.nstart, name.nend)
        person = name.person
        term: Term | None = None
        if person is not None and title is not None and not title.former:
            # "ولي العهد الأمير محمد بن نايف": the term the title names, of the ones held on the date
            family = self.lex.family(title.title.role or "")
            term = next(
                (t for t in reversed(person.terms)
                 if self.lex.family(t.role) == family and (doc.date is None or t.covers(doc.date))),
                None,
            )  # fmt: skip
        if person is not None and term is None and (title is None or not title.former):
            term = person.term_on(doc.date)
        country = term.country if term else None
        org = term.org if term else None
        sector = term.sector if term else None
        role = term.role if term else None
        if term is None and title is not None:
            country, org = title.country, title.org
            if country is None and org is None and title.title.sector in STATE_SECTORS:
                country = self._home_office(doc.home_country, title.title.role)
            sector, role = title.sector or title.title.sector, title.title.role
            if title.title.kind == "counterpart":
                sector, role = self._counterpart_role(doc, title, earlier)
            if title.former and role:
                role = f"former {role}"  # "الرئيس اليمني السابق علي عبدالله صالح"
        if person is not None and term is None and country is None:
            near = person.nearest_term(doc.date)
            if near is not None:
                country, org, sector = near.country, near.org, near.sector
        display: str | None
        if person is not None:
            key, entity_id, display = person.id, person.id, person.name
        else:
            slug = "-".join(normalize(span.text).split())
            key = entity_id = f"person:ar:{slug}"
            display = self._romanize(span.text, country)
        source = "romanized" if person is None and display is not None else None
        actor = Actor(span.text, span.start, span.end, display, country, org, sector, role, entity_id, source)
        return ActorMention(actor, "person", key, name.nstart, name.nend, extent, doc.sentence_of(name.nstart), True)

    def _counterpart_role(
        self, doc: Document, phrase: TitlePhrase, earlier: list[ActorMention], ent: list[Mention] | None = None
    ) -> tuple[str | None, str | None]:
        """ "نظيره الأردني": the role (and sector) of the person named last before it in the sentence;
        "القوات البرية الكويتية ونظيرتها الأمريكية": else of the group named last before it."""
        si = doc.sentence_of(phrase.nstart)
        for prev in reversed(earlier):
            if prev.kind == "person" and prev.sentence == si and prev.nend <= phrase.nstart and prev.actor.role:
                return prev.actor.sector, prev.actor.role
        groups = [m for m in ent or () if m.kind in ("group", "org") and m.nend <= phrase.nstart]
        if groups and doc.sentence_of(groups[-1].nstart) == si:
            last = groups[-1].entry
            if isinstance(last, OrgForm):  # "القوات المسلحة السودانية ونظيرتها المصرية"
                return last.org.sector, {"MIL": "armed forces", "COP": "police"}.get(last.org.sector, last.org.kind)
            return last.sector, last.role
        return None, None

    def _title_only(
        self, doc: Document, phrase: TitlePhrase, earlier: list[ActorMention], ent: list[Mention]
    ) -> ActorMention | None:
        title = phrase.title
        role = title.role or ""
        sector = phrase.sector or title.sector
        if title.kind != "counterpart" and self._indefinite(doc, phrase, ent):
            return None  # "تاركا الحركة دون زعيم فعلي"، "535 وزير خارجية": a title no one holds in particular
        if title.kind == "counterpart":
            sector, counterpart_role = self._counterpart_role(doc, phrase, earlier, ent)
            if counterpart_role is None:
                return None
            role = counterpart_role
        if phrase.former:
            role = f"former {role}"  # never the current holder: a former one named in the document, or no one
        span = doc.span(phrase.nstart, phrase.nend)
        owner = phrase.country or phrase.org
        several = normalize(title.form) in PLURAL_COUNTERPARTS
        if owner is None and several:
            return None  # "بنظرائه الخليجيين": several persons, none of them the one named before
        if owner is None:
            # a bare title refers back to the last actor with the same role ("وزير الخارجية" again)
            family = self.lex.family(role)
            for prev in reversed(earlier):
                if prev.nend <= phrase.nstart and prev.actor.role and self.lex.family(prev.actor.role) == family:
                    a = prev.actor
                    actor = Actor(
                        span.text,
                        span.start,
                        span.end,
                        a.name,
                        a.country,
                        a.org,
                        a.sector,
                        a.role,
                        a.entity_id,
                    )
                    return ActorMention(
                        actor, "person", prev.key, phrase.nstart, phrase.nend,
                        (phrase.nstart, phrase.nend), doc.sentence_of(phrase.nstart), False,
                    )  # fmt: skip
            # else the official of the reporting agency's country ("وزير الخارجية" in a Petra report), or of the one
            # state the document's titles name by themselves ("خادم الحرمين الشريفين ... ولي العهد": Saudi Arabia)
            home = self._home_office(doc.home_country, role) or self._titles_country(ent)
            if home is None or sector not in STATE_SECTORS:
                return None
            owner = home
            phrase = replace(phrase, country=owner)
        # an ambassador's title alone never names the one the base holds: each state has one in every capital; a
        # plural counterpart ("نظرائه الخليجيين") names several
        # a deputy minister's or deputy prime minister's title alone: a government has several at once
        family = self.lex.family(role)
        several_holders = family.startswith(SEVERAL_HOLDERS) and "minister" in family
        unheld = phrase.former or several or several_holders or family in DESTINATION_ROLES
        body = (phrase.org, phrase.sector) if phrase.own_body else (None, None)
        held = None if unheld else self._holder(owner, role, doc.date, *body)
        if held is not None:
            holder, term = held
            actor = Actor(
                span.text,
                span.start,
                span.end,
                holder.name,
                term.country,
                term.org,
                term.sector,
                term.role,
                holder.id,
            )
            key = holder.id
        else:
            key = f"role:{owner}:{self.lex.family(role)}"
            actor = Actor(span.text, span.start, span.end, None, phrase.country, phrase.org, sector, role, None)
        return ActorMention(
            actor, "person", key, phrase.nstart, phrase.nend,
            (phrase.nstart, phrase.nend), doc.sentence_of(phrase.nstart), False,
        )  # fmt: skip

    def _home_office(self, home: str | None, role: str | None) -> str | None:
        """The reporting state, when a bare title can be its official's: a head of state's title the state has no
        holder of ("الرئيس" in a Saudi paper: the kingdom has no president) names someone else's."""
        office = role.removeprefix("former ") if role else None
        if office is not None and self.lex.family(office) in NOT_OFFICES:
            return None  # "زعيم": a party's or a movement's leader, not the reporting state's (its Mufti is one)
        if home is None or office is None or self.lex.family(office) not in HEAD_FAMILIES:
            return home
        return home if self.lex.holders(home, office) else None

    @staticmethod
    def _indefinite(doc: Document, phrase: TitlePhrase, ent: list[Mention]) -> bool:
        """A title without the article, a state's or a body's name or a definite noun after it ("زعيم فعلي"، "وزير
        سعودي"، "وزير خارجية"): a title in general, not a holder's ("زعيم الحركة"، "وزير خارجية إيران" are)."""
        text = doc.normalized.text
        if any(w.startswith("ال") for w in text[phrase.nstart : phrase.nend].split()):
            return False
        if text[max(0, phrase.nstart - 2) : phrase.nstart] == "لل":
            return False  # "للرئيس": the article after the preposition
        if any(
            m.kind in ("country", "capital", "org") and phrase.nstart <= m.nstart and m.nend <= phrase.nend for m in ent
        ):
            return False
        rest = text[phrase.nend : phrase.nend + 60].split()
        nxt = [w.strip("«»\"'()") for w in rest[:2]]
        if nxt and nxt[0].startswith(("ال", "لل")):
            return False  # "زعيم الحركة"، "رئيس حكومة الوفاق"
        return not (len(nxt) > 1 and nxt[0].isalpha() and nxt[1].startswith("ال"))

    @staticmethod
    def _titles_country(ent: list[Mention]) -> str | None:
        """The one state the document's titles name by themselves (خادم الحرمين الشريفين: Saudi Arabia), if any."""
        states = {m.entry.country for m in ent if m.kind == "title" and m.entry.country}
        return next(iter(states)) if len(states) == 1 else None

    def _holder(
        self, owner: str, role: str, day: date | None, body: str | None = None, sector: str | None = None
    ) -> tuple[Person, Term] | None:
        """The one person holding a role of ``role``'s family for ``owner`` on ``day``, with that term; with a
        ``body`` named after the title ("المتحدث باسم المقاومة الجنوبية"), only a term of that body (its code, or
        its state and its ``sector``): another body's spokesman of the same state is someone else."""
        if day is None:
            return None
        family = self.lex.family(role)
        found = [
            (person, term)
            for person in self.lex.holders(owner, role)
            for term in person.terms
            if term.covers(day)
            and (term.country or term.org) == owner
            and self.lex.family(term.role) == family
            and self._of_body(term, body, sector)
        ]
        if len({person.id for person, _ in found}) == 1:
            return found[0]
        return None  # unknown, or ambiguous: leave unresolved rather than guess

    @staticmethod
    def _of_body(term: Term, body: str | None, sector: str | None) -> bool:
        """Whether a term is one of the body named after a title (its code; else a term of its sector)."""
        if body is not None and term.org == body:
            return True
        if body is not None and term.org is not None:
            return False
        return sector is None or term.sector == sector

    def _state(self, doc: Document, m: Mention) -> ActorMention:
        form: CountryForm = m.entry
        country: Country = self.lex.countries[form.iso3]
        span = doc.span(m.nstart, m.nend)
        actor = Actor(
            span.text,
            span.start,
            span.end,
            country.name_en,
            country.iso3,
            None,
            "GOV",
            None,
            f"state:{country.iso3}",
        )
        return ActorMention(
            actor,
            "state",
            f"state:{country.iso3}",
            m.nstart,
            m.nend,
            (m.nstart, m.nend),
            doc.sentence_of(m.nstart),
            True,
        )

    def _group_country(self, m: Mention, nxt: Mention | None, nav: TokenIndex) -> Mention | None:
        """The demonym or country naming a group's state: right after it ("الشرطة المصرية") or after the one or two
        words of its name ("وزارة الخزانة الأمريكية")."""
        if nxt is None or nxt.kind not in ("demonym", "country") or nxt.prefix:
            return None
        words = nav.tokens[nav.after(m.nend) : nav.after(nxt.nstart)]
        if (
            nxt.kind == "country"
            and len(words) == 1
            and words[0].norm == "في"
            and m.entry.country is None
            and not m.entry.home
            and m.entry.sector in STATE_SECTORS
        ):
            return nxt  # "المديرية العامة لمكافحة المخدرات في المملكة العربية السعودية": the body of that state
        if (
            nxt.kind == "country"
            and 1 <= len(words) <= 2
            and words[0].norm == "من"
            and all(t.norm in self.state_nouns for t in words[1:])
            and m.entry.country is None
            and m.entry.sector in ("CVL", "REF", "MIG")
        ):
            return nxt  # "57 مواطنا من جمهورية بنغلاديش": people of that state
        if words and nxt.kind != "demonym":
            return None  # "وزارة الخارجية رفض مصر": a country after other words starts another phrase
        if (
            m.entry.sector == "MIL"
            and len(words) == 2
            and words[0].kind == "clitic"
            and words[0].norm == "و"
            and words[1].kind == "word"
            and words[1].norm not in self.function_words
            and words[1].norm not in self.trigger_words
        ):
            return nxt  # "طائرات حربية وسفن أمريكية": the demonym qualifies both forces
        if len(words) > GROUP_NAME_WORDS or any(
            t.kind != "word" or t.norm in self.function_words or t.norm in self.trigger_words for t in words
        ):
            return None
        return nxt

    @staticmethod
    def _coordinated_demonym(m: Mention, before: Mention, nav: TokenIndex) -> bool:
        """ "وبريطانية" right after the demonym "أمريكية": another state's forces of the same kind."""
        # ("السعودية" is read as the country's name: "القوات البحرية السعودية والأمريكية")
        if m.kind != "demonym" or before.kind not in ("demonym", "country") or m.prefix not in ("و", "،و"):
            return False
        between = nav.tokens[nav.after(before.nend) : nav.after(m.nstart - len(m.prefix))]
        return all(t.kind == "punct" and t.norm == "," for t in between)

    def _group(self, doc: Document, m: Mention, country_mention: Mention | None) -> ActorMention:
        group: Group = m.entry
        country = group.country or (country_mention.entry.iso3 if country_mention is not None else None)
        if country is None and group.home:
            country = doc.home_country
        end = country_mention.nend if country_mention is not None else m.nend
        span = doc.span(m.nstart, end)
        key = f"group:{country or 'unknown'}:{group.sector}:{group.role}"
        actor = Actor(span.text, span.start, span.end, None, country, None, group.sector, group.role, None)
        return ActorMention(actor, "group", key, m.nstart, end, (m.nstart, end), doc.sentence_of(m.nstart), True)

    def _reporting(self, doc: Document, m: Mention, nav: TokenIndex) -> bool:
        """A news outlet named as a report's source: the subject of a verb of saying ("ذكرت وكالة الأنباء"، "نقلت قناة
        الجزيرة عن")، after "حسب"، "وفق"، "نقلا عن"، "لـ" ("قال لوكالة رويترز")، or a verb of saying right after it."""
        if m.prefix.endswith("ل"):
            return True
        first = nav.after(m.nstart - len(m.prefix))
        before = [t for t in nav.tokens[max(0, first - 3) : first] if t.kind != "punct" or t.norm == ","]
        if before and before[-1].kind == "clitic" and before[-1].norm == "ل":
            return True
        if any(t.norm in self.reporting_words for t in before[-2:]):
            return True
        for c in doc.mentions:
            if c.kind != "cue" or c.entry.kind != "attribution":
                continue
            if c.nend <= m.nstart:
                gap = nav.after(m.nstart) - nav.after(c.nend)
            else:
                gap = nav.after(c.nstart) - nav.after(m.nend)
            if 0 <= gap <= 2:
                return True  # "ذكرت قناة الجزيرة"، "قناة الجزيرة ذكرت"
        return False

    def _counted(self, m: Mention, nav: TokenIndex) -> bool:
        """ "عشرات الفلسطينيين"، "آلاف من المغاربة": a nationality counted is a crowd of people."""
        prev = nav.token(nav.after(m.nstart - len(m.prefix)) - 1)
        if prev is not None and prev.norm == "من":
            prev = nav.token(nav.after(m.nstart - len(m.prefix)) - 2)
        return prev is not None and (prev.norm in self.quantities or prev.kind == "number")

    def _organization(self, doc: Document, m: Mention) -> ActorMention:
        org = m.entry.org
        span = doc.span(m.nstart, m.nend)
        actor = Actor(span.text, span.start, span.end, org.name_en, org.country, org.code, org.sector, None, org.id)
        return ActorMention(
            actor,
            "organization",
            org.id,
            m.nstart,
            m.nend,
            (m.nstart, m.nend),
            doc.sentence_of(m.nstart),
            True,
        )

    def _romanize(self, text: str, country: str | None) -> str | None:
        """A Latin spelling of a name no knowledge base knows, in the convention of the person's country."""
        if self.romanizer is None:
            return None
        state = self.lex.countries.get(country) if country else None
        return self.romanizer.romanize(text, state.iso2 if state else None)

    def _ner_entities(self, doc: Document, actors: list[ActorMention]) -> list[Entity]:
        """Names the NER tagger found that are no actor and no lexicon entry: persons (with a romanized name),
        organizations and places, one entity per spelling."""
        if not doc.ner_names:
            return []
        taken = sorted([a.extent for a in actors] + [(m.nstart, m.nend) for m in doc.mentions if m.kind != "cue"])
        groups: dict[str, list[Span]] = {}
        kinds: dict[str, str] = {}
        for ner in doc.ner_names:
            i = bisect_right(taken, (ner.nstart, sys.maxsize))
            if any(a < ner.nend and ner.nstart < b for a, b in taken[max(0, i - _NESTING) : i + _NESTING]):
                continue
            span = doc.span(ner.nstart, ner.nend)
            kind = {"PERS": "person", "ORG": "organization", "LOC": "location"}[ner.type]
            key = f"{_ID_PREFIX[kind]}:ar:{_slug(span.text)}"
            groups.setdefault(key, []).append(span)
            kinds[key] = kind
        out = []
        for key, spans in groups.items():
            name = None
            if kinds[key] == "person" and self.romanizer is not None:
                name = self._romanize(spans[0].text, doc.home_country)
            source = "romanized" if name is not None else None
            out.append(Entity(key, kinds[key], name, None, None, None, None, tuple(spans), source))
        return out

    # --------------------------------------------------------------- writing
    def __call__(self, doc: Document) -> Document:
        actors = self.find(doc)
        return doc.with_(actors=tuple(actors), entities=tuple(self.registry(doc, actors)))

    def registry(self, doc: Document, actors: list[ActorMention]) -> list[Entity]:
        """Every distinct actor and news agency of the document, with all its mentions."""
        groups: dict[str, list[ActorMention]] = {}
        for a in actors:
            groups.setdefault(a.key, []).append(a)
        entities: list[Entity] = []
        for key, group in groups.items():
            best = max(group, key=lambda a: (a.resolved, a.actor.name is not None, a.nend - a.nstart))
            act = best.actor
            kind = {"person": "person", "state": "state", "organization": "organization", "group": "organization"}[
                best.kind
            ]
            mentions = tuple(Span(a.actor.text, a.actor.start, a.actor.end) for a in group)
            entities.append(
                Entity(
                    act.entity_id or key,
                    kind,
                    act.name,
                    act.country,
                    act.org,
                    act.sector,
                    act.role,
                    mentions,
                    act.name_source,
                )
            )
        entities += self._ner_entities(doc, actors)
        agencies: dict[str, list[Mention]] = {}
        for m in doc.mentions:
            if m.kind == "org" and m.entry.org.kind == "agency":
                agencies.setdefault(m.entry.org.id, []).append(m)
        for org_id, ms in agencies.items():
            org = ms[0].entry.org
            spans = tuple(Span(m.text, m.start, m.end) for m in ms)
            entities.append(Entity(org_id, "organization", org.name_en, org.country, org.code, org.sector, None, spans))
        return entities


#: Id prefixes of the entities the NER tagger alone found ("org:ar:...").
_ID_PREFIX = {"person": "person", "organization": "org", "location": "location"}


def _slug(text: str) -> str:
    return "-".join(normalize(text).split())


def people_of(doc: Document, m: Mention, role: str, key: str) -> ActorMention:
    """The people of the country a demonym names ("عشرات الفلسطينيين"، "26 صيادا قطريا"): civilians, no name."""
    actor = Actor(m.text, m.start, m.end, None, m.entry.iso3, None, "CVL", role, None)
    return ActorMention(actor, "group", key, m.nstart, m.nend, (m.nstart, m.nend), doc.sentence_of(m.nstart), True)


def _holds(name: list[str], words: list[str]) -> bool:
    """Whether the words of a longer name hold ``words`` in a row ("سلطان بن سلمان" holds "بن سلمان")."""
    n = len(words)
    return len(name) > n and any(name[i : i + n] == words for i in range(len(name) - n + 1))


def _inside(m: Mention, spans: list[tuple[int, int]]) -> bool:
    """True when ``m`` lies inside one of ``spans`` (kept sorted; looked up among those starting before it)."""
    i = bisect_right(spans, (m.nstart, sys.maxsize)) - 1
    return any(a <= m.nstart and m.nend <= b for a, b in spans[max(0, i - _NESTING) : i + 1])


#: How many spans starting before a mention may still cover it (phrases nest only a few deep).
_NESTING = 8
