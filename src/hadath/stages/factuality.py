"""Report or reference: what a sentence says about a violent or protest event it names, beyond the cue words right
before the trigger (which the events stage reads itself). Most sentences that name an attack or a protest do not
report one; these rules read the sentence around the trigger:

- another time: its clause is dated to another year ("في عام 2003"، "في 7 يوليو 2005", a year other than the
  document's; any year when the document's date is unknown), to a time long past ("العام الماضي"، "قبل ثمانية
  أشهر"، "قبل عامين"), or a fronted date does so for the whole sentence ("في سنة 1978، تم اغتيال ..."). A chronology
  item ("12 يوليو 2005: جرح الوزير ...") keeps its date outside the clause after the colon, and is a report;
- an anniversary: the event is what is commemorated ("الذكرى الثانية لاغتيال ...");
- a reaction: the event is what is condemned or commented on ("أدانت الوزارة بشدة الهجوم ..."، "تعليقا على مقتل");
- a habit or a generality in its clause ("غالبا ما"، "يوميا"، "عادة"، "كل يوم");
- a question ("هل قتل ...؟");
- a title: the words sit inside the quoted title of a film, book, programme or campaign ("فيلم «...»");
- an attack in words: "هاجم" with no sign of violence in its sentence (no casualty, weapon or armed actor, no other
  attack, no state or place attacked) is criticism ("هاجم الوزير قرار الحكومة").

Requires: ``tokens``, ``sentences``, ``mentions`` (triggers), ``actors``. Pure: it only reads the document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from hadath.document import Document, Mention
from hadath.lexicon.entries import DateWord
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import CLAUSE_END, TokenIndex

#: How many words before a violent noun an anniversary word may stand ("الذكرى السنوية الثانية لاغتيال").
ANNIVERSARY_REACH = 3
#: How many words before the event a condemnation or a comment may stand ("أدانت المملكة بأشد العبارات الهجوم").
REACTION_REACH = 8
#: How many words of a sentence's opening may hold a fronted date ("في سنة 1978، ..."; "وفي 12 مايو 2005، ...").
FRONTED_DATE_WORDS = 6
#: How many tokens after a violent noun its relative pronoun may stand ("الهجوم الانتحاري المزدوج الذي").
NOUN_PHRASE_REACH = 3
#: How many tokens a relative clause may span before the noun's own predicate ("الذي وقع الأسبوع الماضي، أسفر").
RELATIVE_REACH = 10
#: Years read as such in running text.
YEARS = range(1900, 2100)
#: Sectors of actors who fight: "هاجم" with a group of them or an army in its sentence is a physical attack.
ARMED_SECTORS = frozenset({"MIL", "REB", "UAF", "INS", "SPY", "COP"})
_SENTENCE_STOPS = frozenset({".", ";", ":", "!", "?"})
_BRACKETS = frozenset({"(", ")"})


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of a sentence: ``norm`` with its article joined ("ال" + "ذكري"), its first and last token index."""

    norm: str
    first: int
    last: int
    kind: str  # word | number | clitic | punct


class SentenceReading:
    """The sentence-level factuality rules above, for the trigger types in ``types``."""

    def __init__(self, lexicons: Lexicons, types: frozenset[str]) -> None:
        self.types = types
        self.long_ago = _by_first_word(_phrases(lexicons.cue_forms("long_ago")))
        self.period_units = lexicons.cue_forms("period_unit")
        self.anniversary = lexicons.cue_forms("anniversary")
        self.reactions = lexicons.cue_forms("reaction")
        self.habitual = _by_first_word(_phrases(lexicons.cue_forms("habitual")))
        self.title_nouns = lexicons.cue_forms("title_noun")
        self.verbal_attack = lexicons.cue_forms("verbal_attack")
        self.evidence = lexicons.cue_forms("casualty") | lexicons.cue_forms("instrument")
        self.relatives = lexicons.cue_forms("relative")
        self.casualty = lexicons.cue_forms("casualty")
        self.when = lexicons.cue_forms("when")
        self.result_verbs = lexicons.cue_forms("result_verb")

    def status(self, doc: Document, nav: TokenIndex, trig: Mention, triggers: Sequence[Mention]) -> str | None:
        """Why the event named by ``trig`` is not reported by its sentence, or None."""
        if trig.entry.type not in self.types:
            return None
        sent = doc.sentences[doc.sentence_of(trig.nstart)]
        words = _words(nav, sent.nstart, sent.nend)
        at = next((k for k, w in enumerate(words) if nav.tokens[w.last].nend > trig.nstart), len(words) - 1)
        start, end = _clause(words, at)
        if self._other_time(doc, words, start, end):
            return "background"
        if self._anniversary(words, at):
            return "background"
        if self._reaction(nav, words, at, trig, triggers):
            return "reference"
        if self._titled(words, at):
            return "reference"
        if _has_phrase(words, start, end, self.habitual):
            return "generic"  # "وتقصف الطائرات القرى يوميا"، "غالبا ما ..."
        if end < len(words) and words[end].norm == "?":
            return "hypothetical"  # a question asks whether it happened
        if nav.text[trig.nstart : trig.nend] in self.verbal_attack and not self._violent_sentence(
            doc, nav, trig, triggers, sent.nstart, sent.nend
        ):
            return "verbal"
        return None

    def recent(self, doc: Document, nav: TokenIndex, trig: Mention) -> bool:
        """True when the trigger's clause names a recent day ("أمس"، "أول من أمس"، "اليوم"، "السبت"): a pluperfect
        ("وكان المتظاهرون قد خرجوا السبت") then tells an earlier step of the news, not a background recall."""
        sent = doc.sentences[doc.sentence_of(trig.nstart)]
        a = nav.next_punct_back(nav.after(trig.nstart), CLAUSE_END, sent.nstart)
        b = nav.next_punct(nav.after(trig.nend), CLAUSE_END, sent.nend)
        return any(
            m.kind == "date"
            and a <= m.nstart < b
            and isinstance(m.entry, DateWord)
            and (m.entry.kind == "weekday" or (m.entry.kind == "day_offset" and int(m.entry.value) <= 0))
            for m in _from(doc.mentions, a, b)
        )

    def relative_after(self, nav: TokenIndex, i: int) -> int | None:
        """Index of the relative pronoun opening the relative clause of the noun at token ``i`` ("الهجوم الإرهابي
        الذي"), within a few words and the same clause; None when there is none."""
        tokens = nav.tokens
        j = i + 1
        while j < len(tokens) and j <= i + NOUN_PHRASE_REACH and tokens[j].norm not in self.relatives:
            if tokens[j].norm in CLAUSE_END:
                return None
            j += 1
        return j if j < len(tokens) and tokens[j].norm in self.relatives else None

    def predicate_after_relative(self, nav: TokenIndex, i: int, end: int) -> bool:
        """True when a violent noun (token ``i``) with a relative clause is the subject of a result verb after that
        clause: "الهجوم الذي وقع الأسبوع الماضي، أسفر عن مقتل 33 شخصا" reports the attack with its toll. A result
        verb right after the pronoun, or joined by و, belongs to the relative clause ("الهجوم الذي أسفر عن ...")."""
        tokens = nav.tokens
        j = self.relative_after(nav, i)
        if j is None:
            return False
        for k in range(j + 2, min(len(tokens), j + 2 + RELATIVE_REACH)):
            tok = tokens[k]
            if tok.nstart >= end or tok.norm in _SENTENCE_STOPS or tok.norm in self.relatives:
                return False
            if tok.norm in self.result_verbs:
                return not (tokens[k - 1].kind == "clitic" and tokens[k - 1].norm in ("و", "ف"))
        return False

    def chronology_item(self, nav: TokenIndex, i: int, s_start: int) -> bool:
        """True when a violent noun (token ``i``) opens the entry of a chronology, right after its date
        ("* 14 فبراير 2005: اغتيال رئيس الوزراء ..."): the telegraphic style of such lists reports with nouns."""
        colon = nav.token(i - 1)
        if colon is None or colon.norm != ":" or colon.nstart < s_start:
            return False
        head = [t for t in nav.tokens[nav.after(s_start) : i - 1] if t.kind in ("word", "number")]
        return 0 < len(head) <= FRONTED_DATE_WORDS and any(
            t.kind == "number" and t.norm.isdigit() and int(t.norm) in YEARS for t in head
        )

    def circumstance_of_toll(self, nav: TokenIndex, k: int, s_start: int) -> bool:
        """True when the temporal clause opened at token ``k`` ("عندما"، "حين") tells how the casualties named
        before it in the sentence came about: "أصيب السفير أمس عندما تعرضت قافلته لهجوم" reports the attack."""
        tok = nav.token(k)
        if tok is None or tok.norm not in self.when:
            return False
        before = nav.tokens[nav.after(s_start) : k]
        return any(t.norm in self.casualty for t in before) and not any(t.norm in _SENTENCE_STOPS for t in before)

    # ------------------------------------------------------------------ rules
    def _other_time(self, doc: Document, words: list[_Word], start: int, end: int) -> bool:
        """A year other than the document's, or a time long past, in the clause (or fronted before it)."""
        spans = [(start, end)]
        comma = next((k for k, w in enumerate(words[:FRONTED_DATE_WORDS]) if w.norm == ","), None)
        if comma is not None and comma < start:
            spans.append((0, comma))  # "في سنة 1978، تم اغتيال ...": a fronted date dates the sentence
        this_year = doc.date.year if doc.date is not None else None
        for a, b in spans:
            part = words[a:b]
            for k, w in enumerate(part):
                year = int(w.norm) if w.kind == "number" and w.norm.isdigit() else 0
                if year in YEARS and (this_year is None or year < this_year):
                    return True  # a later year is a plan, told by its own words
                # "قبل ثمانية أشهر"، "قبل عامين"، "قبل 3 سنوات"
                if w.norm == "قبل" and any(x.norm in self.period_units for x in part[k + 1 : k + 3]):
                    return True
            if _has_phrase(part, 0, len(part), self.long_ago):
                return True
        return False

    def _anniversary(self, words: list[_Word], at: int) -> bool:
        return _word_before(words, at, self.anniversary, ANNIVERSARY_REACH)

    def _reaction(
        self, nav: TokenIndex, words: list[_Word], at: int, trig: Mention, triggers: Sequence[Mention]
    ) -> bool:
        """A condemnation (an ACCUSE trigger: أدان، ندد، استنكر، انتقد) or a comment ("تعليقا على") shortly
        before the event, in the same sentence; commas may stand between ("أدانت مصر، بشدة، الهجوم")."""
        if _word_before(words, at, self.reactions, REACTION_REACH, _SENTENCE_STOPS):
            return True
        in_sentence = _from(triggers, nav.tokens[words[0].first].nstart, trig.nstart)
        accusing = [t for t in in_sentence if t.entry.type == "ACCUSE" and t.nend <= trig.nstart]
        if not accusing:
            return False  # none before it in its sentence
        k = next(k for k, w in enumerate(words) if nav.tokens[w.last].nend > accusing[-1].nstart)
        between = words[k + 1 : at]
        if any(w.norm in _SENTENCE_STOPS for w in between):
            return False
        return sum(w.kind in ("word", "number") for w in between) <= REACTION_REACH

    def _titled(self, words: list[_Word], at: int) -> bool:
        """Inside quotes that a title noun opens: 'فيلم «...»'، 'تحت عنوان "..."'."""
        quotes = [k for k in range(at) if words[k].norm == '"']
        if len(quotes) % 2 == 0:
            return False  # not inside quotes
        opening = quotes[-1]
        before = [w for w in words[max(0, opening - 2) : opening] if w.kind == "word"]
        return any(w.norm in self.title_nouns or w.norm.removeprefix("ال") in self.title_nouns for w in before)

    def _violent_sentence(
        self, doc: Document, nav: TokenIndex, trig: Mention, triggers: Sequence[Mention], a: int, b: int
    ) -> bool:
        if any(t.norm in self.evidence for t in nav.tokens[nav.after(a) : nav.after(b)]):
            return True
        if any(
            t is not trig
            and a <= t.nstart < b
            and t.entry.type == "ASSAULT"
            and nav.text[t.nstart : t.nend] not in self.verbal_attack
            for t in _from(triggers, a, b)
        ):
            return True
        # a state or a place attacked ("وهاجمت إسرائيل لبنان"، "هاجم مسلحون قرية ..."): what words do not attack
        end = nav.next_punct(nav.after(trig.nend), CLAUSE_END, b)
        actors = sorted(doc.actors, key=_nstart)
        if any(m.kind == "state" for m in _from(actors, trig.nend, end)):
            return True
        if _from(sorted(doc.places, key=_nstart), trig.nend, end):
            return True
        # armed men named by what they are ("مسلحون"، "قوات الأمن") or an army; a movement that also fights
        # ("هاجمت حماس القرار") is named as an organization and may attack in words
        return any(
            a <= m.nstart < b and m.actor.sector in ARMED_SECTORS and (m.kind == "group" or m.actor.sector == "MIL")
            for m in _from(actors, a, b)
        )


# ------------------------------------------------------------------ helpers
class _Positioned(Protocol):
    @property
    def nstart(self) -> int: ...


_P = TypeVar("_P", bound=_Positioned)


def _nstart(m: _Positioned) -> int:
    return m.nstart


def _from(items: Sequence[_P], a: int, b: int) -> Sequence[_P]:
    """The items (sorted by ``nstart``) that start in ``[a, b)``."""
    return items[bisect_left(items, a, key=_nstart) : bisect_left(items, b, key=_nstart)]


def _phrases(forms: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(f.split()) for f in sorted(forms))


def _words(nav: TokenIndex, a: int, b: int) -> list[_Word]:
    """The sentence's tokens as words: a split article ("ال" + "ذكري") is joined to its noun."""
    out: list[_Word] = []
    first, last = nav.after(a), nav.after(b)
    i = first
    while i < last:
        tok = nav.tokens[i]
        nxt = nav.token(i + 1)
        if tok.kind == "clitic" and tok.norm == "ال" and nxt is not None and i + 1 < last:
            out.append(_Word("ال" + nxt.norm, i, i + 1, nxt.kind))
            i += 2
            continue
        out.append(_Word(tok.norm, i, i, tok.kind))
        i += 1
    return out


def _clause(words: list[_Word], at: int) -> tuple[int, int]:
    """``(start, end)`` word indices of the clause around ``at``: between clause-ending punctuation (quotes and
    brackets only wrap words inside it); ``end`` is the index of the closing punctuation (or the length)."""
    start = at
    while start > 0 and words[start - 1].norm not in CLAUSE_END:
        start -= 1
    end = at
    while end < len(words) and words[end].norm not in CLAUSE_END:
        end += 1
    return start, end


def _word_before(
    words: list[_Word], at: int, forms: frozenset[str], reach: int, stop: frozenset[str] = CLAUSE_END
) -> bool:
    """One of ``forms`` among the ``reach`` words before ``at`` (clitics and punctuation not counted)."""
    counted, k = 0, at - 1
    while k >= 0 and counted < reach:
        w = words[k]
        if w.norm in stop:
            return False
        if w.kind in ("word", "number"):
            if w.norm in forms or (w.norm.startswith("ال") and w.norm[2:] in forms):
                return True
            counted += 1
        k -= 1
    return False


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first word, so that a clause is scanned once, not once per phrase."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


def _has_phrase(words: Sequence[_Word], a: int, b: int, index: dict[str, list[tuple[str, ...]]]) -> bool:
    """True when one of the indexed phrases starts at a word in ``words[a:b]``."""
    return any(_starts_with(words, k, p) for k in range(a, b) for p in index.get(words[k].norm, ()))


def _starts_with(words: Sequence[_Word], k: int, phrase: tuple[str, ...]) -> bool:
    """The phrase's words from word ``k`` on, brackets around a word of it aside ("العام (الماضي)")."""
    for part in phrase:
        while k < len(words) and words[k].norm in _BRACKETS and words[k].norm != part:
            k += 1
        if k >= len(words) or words[k].norm != part:
            return False
        k += 1
    return True
