"""Stage 3: what the document says about itself: the agency it cites (``reported_by``, from the text or the
dateline), the country whose agency it is (``home_country``: a bare "وزير الخارجية" in a Petra report is
Jordan's), the dateline's place ("المنامة في 12 مايو /بنا/ -", "عمان - بترا:"), where the report proper starts,
and the occasion (conference, summit, forum) on whose sidelines or during which its meetings took place.

It also settles the names that are a state in one reading and a city of another state in the other: "عمان" is
Oman, but Amman in a dateline, inside "العاصمة الأردنية عمان", or in a report filed from Jordan or by its agency;
such mentions are re-read before actors are built from them."""

from __future__ import annotations

import re
from collections import Counter

from hadath.document import Document, Location, Mention, ReportedBy, Span
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import CountryForm
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import CLAUSE_PUNCT, TokenIndex
from hadath.stages.places import PLACE_MENTION_KINDS, choose, key_of, location, state_location

#: How many tokens an occasion's name may run after its head noun when it is not quoted.
MAX_OCCASION_TOKENS = 8
#: How far into a document (normalized characters) its dateline may reach.
DATELINE_REACH = 200
#: How far from the start the place of a dateline is looked for.
DATELINE_PLACE_REACH = 30
#: What follows a dateline's place: a date ("في 17 يوليو", "2 أيار", "- 4 - 1"), the agency ("(بترا)", "/واس/",
#: "- سانا:"), a dash or a colon.
_AFTER_DATELINE_PLACE = re.compile(r"\s*(?:[-:(/,]|في\s+\d|\d)")
#: Ends of a dateline, most telling first: "/واس/ -", "(بترا) -", "- سانا:", a dash between spaces.
_DATELINE_ENDS = tuple(
    re.compile(p) for p in (r"[)/]\s*-+", r"[)/]\s*:", r"^[^\n.]{0,60}?\s-+\s[^\n.]{0,20}?:", r"\s-+\s")
)
#: The bare word for "the kingdom" (normalized; a clitic before it is a token of its own) and the states that
#: are kingdoms, whose outlets call their own state so.
_KINGDOM = normalize("المملكة")
_KINGDOM_WORDS = frozenset({_KINGDOM, normalize("مملكة")})
KINGDOMS = frozenset({"SAU", "BHR", "JOR", "MAR", "GBR", "ESP", "NLD", "BEL", "SWE", "NOR", "DNK", "THA"})
#: How many tokens an occasion's head may follow a sideline cue ("على هامش أعمال الدورة ...").
OCCASION_GAP = 2


class ContextReader:
    """Requires: ``tokens``, ``mentions``. Adds: ``reported_by``, ``home_country``, ``dateline_location``,
    ``dateline_country``, ``dateline_end``, ``occasion``; re-reads the mentions of names a dateline or the report's
    country shows to be a city of another state (``mentions``)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self.codes = {normalize(c.form): c for c in lexicons.datelines}
        self.home_agencies = {c.org.id for c in lexicons.datelines if c.home}
        # names of states that are also the curated name or the capital of another state's place ("عمان": Amman)
        state_keys = {key_of(cf.form) for cf in lexicons.country_forms}
        self.foreign: dict[str, dict[str, tuple[str, ...]]] = {}
        for cf in lexicons.country_forms:
            key = key_of(cf.form)
            others = tuple(
                r.place.country
                for r in lexicons.place_readings.get(key, ())
                if r.place.country != cf.iso3 and (r.curated or r.place.kind == "capital")
            )
            if key in state_keys and others:
                self.foreign.setdefault(key, {})[cf.iso3] = others
        # the states' names that begin with "المملكة"/"مملكة" ("المملكة المغربية"، "مملكة البحرين"), read once
        self.kingdom_names = frozenset(
            cf
            for cf in (*lexicons.country_forms, *lexicons.diacritic_forms.values())
            if normalize(cf.form).split()[0] in _KINGDOM_WORDS and cf.iso3
        )
        alternatives = "|".join(re.escape(k) for k in sorted(self.codes, key=len, reverse=True))
        self.dateline = re.compile(rf"[(/]\s*({alternatives})\s*[)/]")

    def __call__(self, doc: Document) -> Document:
        reporter, org_id = self.reporter(doc)
        home = None
        if org_id in self.home_agencies:
            home = next((c.org.country for c in self.lex.datelines if c.org.id == org_id), None)
        elif reporter is None:
            # the outlet's own report (no agency cited): its state (outlets.tsv), as a national agency's
            home = self.lex.outlets.get(str(doc.metadata.get("source") or ""))
        word, place = self.dateline_place(doc, home)
        if (
            home is not None
            and place is not None
            and place.country
            and place.country != home
            and not self._names_country(doc, home)
        ):
            # "بيروت في 6 أغسطس /قنا/ - ... قرار مجلس الوزراء": a bureau's report of local news names no Qatari;
            # its bare "مجلس الوزراء"، "وزارة الخارجية" are those of the country it is filed from
            home = place.country
        mentions = self.kingdom(doc, self.reread(doc, word, place, home), home)
        return doc.with_(
            mentions=mentions,
            reported_by=reporter,
            home_country=home,
            dateline_country=place.country if place is not None else None,
            dateline_location=place,
            dateline_end=self.dateline_end(doc),
            occasion=self.occasion(doc),
        )

    @staticmethod
    def _names_country(doc: Document, iso3: str) -> bool:
        """The text names the state (its name, capital or demonym) or a person of it."""
        for m in doc.mentions:
            if m.kind in ("country", "capital", "demonym") and getattr(m.entry, "iso3", None) == iso3:
                return True
            if m.kind == "person" and any(t.country == iso3 for t in m.entry.terms):
                return True
        return False

    def dateline_place(self, doc: Document, home: str | None) -> tuple[Mention | None, Location | None]:
        """The place a report is filed from ("رام الله 7 أيار (وفا) -" -> Ramallah, PSE; "الكويت - 4 - 1 (كونا)" ->
        Kuwait City), with the mention naming it: the first place named at the start of the text, followed by a
        date, the agency's code, a dash or a colon. A state's name there is its capital city (الكويت، تونس،
        الجزائر), and "عمان" is Amman."""
        text = doc.normalized.text
        first: Mention | None = None
        for m in doc.mentions:
            if m.nstart >= DATELINE_PLACE_REACH:
                break
            at_start = first is None or (m.nstart == first.nstart and m.nend > first.nend)
            if m.kind in PLACE_MENTION_KINDS and not m.prefix and at_start:
                first = m
        if first is None or text[: first.nstart].strip() or not _AFTER_DATELINE_PLACE.match(text, first.nend):
            return None, None
        span = Span(first.text, first.start, first.end)
        if first.kind == "place":
            return first, location(span, choose(first.entry, (), [home] if home else [], Counter()))
        readings = self.lex.place_readings.get(key_of(first.text), ())
        city = next((r.place for r in readings if r.curated or r.place.kind == "capital"), None)
        if first.kind == "country" and city is not None:
            return first, location(span, city)
        return first, state_location(self.lex, first)

    def reread(
        self, doc: Document, dateline_word: Mention | None, dateline: Location | None, home: str | None
    ) -> tuple[Mention, ...]:
        """States' names that are another state's city here: "عمان" as the dateline (or inside "العاصمة الأردنية
        عمان", or in a report from Jordan) is Amman, the capital of Jordan, not Oman."""
        if not self.foreign:
            return doc.mentions
        text = doc.normalized.text
        ambiguous = [
            i
            for i, m in enumerate(doc.mentions)
            if m.kind in ("country", "capital") and " ".join(text[m.nstart : m.nend].split()) in self.foreign
        ]
        if not ambiguous:
            return doc.mentions
        towns = [m for m in doc.mentions if m.kind == "place"]
        report_countries = {c for c in (home, dateline.country if dateline else None) if c}
        out = list(doc.mentions)
        for i in ambiguous:
            m = out[i]
            others = self.foreign[" ".join(text[m.nstart : m.nend].split())].get(m.entry.iso3, ())
            if not others:
                continue
            outer = next((t for t in towns if t.nstart <= m.nstart and m.nend <= t.nend), None)
            if m is dateline_word and dateline is not None:
                iso3: str | None = dateline.country
            elif outer is not None:
                iso3 = outer.entry[0].place.country
            else:
                iso3 = next((c for c in others if c in report_countries), None)
            if iso3 is not None and iso3 != m.entry.iso3:
                capital = CountryForm(iso3, "capital", m.text)
                out[i] = Mention(m.start, m.end, m.text, m.nstart, m.nend, "capital", capital, m.prefix)
        return tuple(out)

    def kingdom(self, doc: Document, mentions: tuple[Mention, ...], home: str | None) -> tuple[Mention, ...]:
        """A bare "المملكة" ("أكدت المملكة"، "زيارته للمملكة") names the kingdom the report is about: the one the
        document names in full ("المملكة المغربية"، "مملكة البحرين") when it names exactly one, else the report's
        own state when that is a kingdom; otherwise it names no state. Never inside a longer name it begins."""
        if not any(t.norm == _KINGDOM for t in doc.tokens):
            return mentions
        named = {m.entry.iso3 for m in mentions if m.kind == "country" and m.entry in self.kingdom_names}
        if len(named) == 1:
            iso3 = next(iter(named))
        elif home in KINGDOMS and not named - {home}:
            iso3 = home
        else:
            return mentions
        covered = [(m.nstart, m.nend) for m in mentions if m.kind in ("country", "capital", "demonym", "org", "place")]
        added: list[Mention] = []
        for k, t in enumerate(doc.tokens):
            if t.norm != _KINGDOM or t.kind != "word" or any(a <= t.nstart < b for a, b in covered):
                continue
            prefix = "".join(p.norm for p in doc.tokens[max(0, k - 2) : k] if p.kind == "clitic")
            form = CountryForm(iso3, "name", t.text)
            added.append(Mention(t.start, t.end, t.text, t.nstart, t.nend, "country", form, prefix))
        if not added:
            return mentions
        return tuple(sorted((*mentions, *added), key=lambda m: (m.nstart, -m.nend)))

    @staticmethod
    def dateline_end(doc: Document) -> int:
        """Where the report proper starts: after "/واس/ -", "(بترا) -", "- سانا:" or the first " - " near the start."""
        head = doc.normalized.text[:DATELINE_REACH]
        if "-" not in head and ":" not in head:
            return 0
        for marker in _DATELINE_ENDS:
            found = marker.search(head)
            if found is not None:
                return found.end()
        return 0

    def reporter(self, doc: Document) -> tuple[ReportedBy | None, str | None]:
        """The agency the text cites after a verb of saying (ذكرت، أفادت), else its dateline code, else the first
        agency named; with its organization id."""
        agencies = [m for m in doc.mentions if m.kind == "org" and m.entry.org.kind == "agency"]
        dateline = self.dateline.search(doc.normalized.text, 0, DATELINE_REACH)
        if not agencies:
            if dateline is None:
                return None, None
            code = self.codes[dateline.group(1)]
            span = doc.span(dateline.start(1), dateline.end(1))
            return ReportedBy(span.text, span.start, span.end, code.org.name_en), code.org.id
        attributions = [m for m in doc.mentions if m.kind == "cue" and m.entry.kind == "attribution"]
        nav = TokenIndex(doc)
        attribution_ends = {c.nend for c in attributions}  # "ذكرت وكالة ..." : the agency right after the verb
        cited = next(
            (a for a in agencies if nav.skip_space_back(a.nstart - len(a.prefix)) in attribution_ends),
            None,
        )
        if cited is None and dateline is not None:
            code = self.codes[dateline.group(1)]
            span = doc.span(dateline.start(1), dateline.end(1))
            return ReportedBy(span.text, span.start, span.end, code.org.name_en), code.org.id
        cited = cited or agencies[0]
        return ReportedBy(cited.text, cited.start, cited.end, cited.entry.org.name_en), cited.entry.org.id

    def occasion(self, doc: Document) -> Span | None:
        """``على هامش مؤتمر "..."``، "خلال مشاركته في قمة ..."، "على هامش أعمال الدورة ...": the meeting named after a
        sideline or attendance cue (one or two words may stand between, "أعمال"), up to its closing quote
        (“...”، «...») or the end of its clause."""
        cues = [m for m in doc.mentions if m.kind == "cue"]
        nav = TokenIndex(doc)
        for i, m in enumerate(cues):
            if m.entry.kind not in ("sideline", "attendance"):
                continue
            head = next((c for c in cues[i + 1 : i + 2] if c.entry.kind == "occasion"), None)
            if head is None:
                continue
            between = nav.tokens[nav.after(m.nend) : nav.after(head.nstart - len(head.prefix))]
            if len(between) > OCCASION_GAP or any(t.norm in CLAUSE_PUNCT for t in between):
                continue
            return doc.span(head.nstart, self._occasion_end(head, nav))
        return None

    @staticmethod
    def _occasion_end(head: Mention, nav: TokenIndex) -> int:
        j = nav.after(head.nend)
        first = nav.token(j)
        if first is not None and first.norm == '"':
            close = next((t for t in nav.tokens[j + 1 :] if t.norm == '"' or t.norm == "\n"), None)
            if close is not None and close.norm == '"':
                return close.nend
        end = head.nend
        for t in nav.tokens[j : j + MAX_OCCASION_TOKENS]:
            if t.norm in CLAUSE_PUNCT:
                break
            end = t.nend
        return end
