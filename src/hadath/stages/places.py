"""Stage 6: places. Every state, capital, region and town named in the text outside a person's name, each read as
one gazetteer entry (with its GeoNames id and coordinates where known), the place of the occasion the report's
meetings took place at, and the document's location entities.

Ambiguous names are read from their context: a town's name shared by several countries (طرابلس: Libya's capital
or Lebanon's Tripoli) takes the country named in its sentence ("طرابلس شمال لبنان"), else the country of the
report (the dateline's place, the national agency's country), else the country named most in the document, else
the gazetteer's first reading (curated names first, then capitals, then the most populous town).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from hadath.document import Document, Entity, Location, Mention, PlaceMention, Span
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import Place, PlaceForm
from hadath.lexicon.lexicons import Lexicons
from hadath.stages._nav import CLAUSE_END, TokenIndex

#: Mention kinds that name places.
PLACE_MENTION_KINDS = frozenset({"country", "capital", "place"})
#: How many tokens after an occasion's name its place may be named ("مؤتمر ... المنعقد في البحر الميت").
VENUE_REACH = 12


def key_of(text: str) -> str:
    """The gazetteer key of a name as written."""
    return " ".join(normalize(text).split())


def location(span: Span, place: Place) -> Location:
    """The contract's location of a gazetteer place named by ``span``."""
    name = None if place.kind == "country" else place.name_en
    return Location(span.text, span.start, span.end, place.country, name, place.lat, place.lon, place.geonames_id)


def reading(lex: Lexicons, text: str, country: str | None = None, key: str | None = None) -> Place | None:
    """The gazetteer's place of a name (of ``country`` when given); ``key``: the name already normalized."""
    for pf in lex.place_readings.get(key if key is not None else key_of(text), ()):
        if country is None or pf.place.country == country:
            return pf.place
    return None


def state_location(lex: Lexicons, m: Mention, key: str | None = None) -> Location:
    """A state or capital mention as a location: a capital with its coordinates, a state with its GeoNames id.
    ``key``: the mention's normalized text, when the caller has it."""
    span = Span(m.text, m.start, m.end)
    iso3 = str(m.entry.iso3)
    if m.kind == "capital":
        place = reading(lex, m.text, iso3, key)
        if place is not None:
            return location(span, place)
        return Location(m.text, m.start, m.end, iso3)
    state = lex.country_places.get(iso3)
    return Location(m.text, m.start, m.end, iso3, geonames_id=state.geonames_id if state is not None else None)


def choose(readings: Sequence[PlaceForm], near: Sequence[str], home: Sequence[str], named: Counter[str]) -> Place:
    """One reading of an ambiguous name: the country named nearby, else the report's country, else the country
    the document names most, else the first reading."""
    countries = [r.place.country for r in readings]
    if len(set(countries)) > 1:
        for pool in (near, home):
            hits = [r for r in readings if r.place.country in pool]
            if hits:
                return hits[0].place
        best = max(countries, key=lambda c: named.get(c, 0))
        if named.get(best, 0) > 0:
            return next(r.place for r in readings if r.place.country == best)
    return readings[0].place


class PlaceReader:
    """Requires: ``mentions``, ``actors`` (person spans), ``home_country``, ``dateline_location``, ``occasion``.
    Adds: ``places``, ``occasion_location`` and one ``location`` entity per distinct town, region or capital."""

    def __init__(self, lexicons: Lexicons) -> None:
        self.lex = lexicons
        self.place_nouns = lexicons.cue_forms("place_noun")
        self.toward = lexicons.cue_forms("destination")
        self.streets = lexicons.cue_forms("street_noun")

    # ----------------------------------------------------------------- finding
    def find(self, doc: Document) -> list[PlaceMention]:
        persons = sorted(a.extent for a in doc.actors if a.kind == "person")
        person_starts = [e[0] for e in persons]

        def in_person(m: Mention) -> bool:
            i = bisect_right(person_starts, m.nstart) - 1
            if i < 0:
                return False
            return any(a <= m.nstart and m.nend <= b for a, b in persons[max(0, i - 3) : i + 1])

        candidates = [m for m in doc.mentions if m.kind in PLACE_MENTION_KINDS]
        towns = [(m.nstart, m.nend) for m in candidates if m.kind == "place"]  # in text order, not overlapping
        town_starts = [a for a, _ in towns]
        states_by_sentence: dict[int, list[str]] = {}
        named: Counter[str] = Counter()
        if any(m.kind == "place" and len({r.place.country for r in m.entry}) > 1 for m in candidates):
            # a name shared by towns of several states: read it from the states the document names
            for m in doc.mentions:
                if m.kind in ("country", "capital", "demonym"):
                    states_by_sentence.setdefault(doc.sentence_of(m.nstart), []).append(str(m.entry.iso3))
                    named[str(m.entry.iso3)] += 1
        home = [c for c in (doc.dateline_country, doc.home_country) if c]
        out: list[PlaceMention] = []
        for m in candidates:
            if in_person(m):
                continue  # "سيرجي فيرشينين", "اللورد طارق أحمد": a name, not a place
            t = bisect_right(town_starts, m.nstart) - 1
            if m.kind != "place" and t >= 0 and m.nend <= towns[t][1] and towns[t] != (m.nstart, m.nend):
                continue  # "لبنان" inside "جنوب لبنان": the region is the place
            si = doc.sentence_of(m.nstart)
            span = Span(m.text, m.start, m.end)
            if m.kind == "place":
                place = choose(m.entry, states_by_sentence.get(si, ()), home, named)
                loc, kind = location(span, place), place.kind
            else:
                key = " ".join(doc.normalized.text[m.nstart : m.nend].split())
                loc, kind = state_location(self.lex, m, key), ("capital" if m.kind == "capital" else "country")
            out.append(PlaceMention(loc, m.nstart, m.nend, m.prefix, kind, si))
        return out

    def occasion_location(self, doc: Document, places: list[PlaceMention]) -> Location | None:
        """Where the occasion of the report's meetings took place: a place named right after its name ("مؤتمر ...
        المنعقد في عمّان"، "قمة ... بالرياض"), else after an earlier mention of the same kind of occasion ("انطلقت
        أعمال المؤتمر في البحر الميت ... وعلى هامش المؤتمر")."""
        if doc.occasion is None:
            return None
        nav = TokenIndex(doc)
        occasion_start = doc.normalized.to_normalized(doc.occasion.start)
        occasion_end = doc.normalized.to_normalized(doc.occasion.end)
        heads = [m for m in doc.mentions if m.kind == "cue" and m.entry.kind == "occasion"]
        head = next((h for h in heads if occasion_start <= h.nstart < occasion_end), None)
        starts = [pm.nstart for pm in places]
        found = self._venue(nav, occasion_end, places, starts)
        if found is not None or head is None:
            return found
        kind = key_of(head.text).removeprefix("ال")
        for other in heads:
            if other is not head and key_of(other.text).removeprefix("ال") == kind:
                # "انطلقت في البحر الميت أعمال المنتدى ...": the place may also come first in its sentence
                found = self._venue(nav, other.nend, places, starts)
                found = found or self._venue_before(doc, nav, other, places, starts)
                if found is not None:
                    return found
        return None

    def _venue_before(
        self, doc: Document, nav: TokenIndex, head: Mention, places: list[PlaceMention], starts: list[int]
    ) -> Location | None:
        """The last place named "في X" before an occasion's name in its sentence."""
        si = doc.sentence_of(head.nstart)
        for k in range(bisect_right(starts, head.nstart) - 1, -1, -1):
            pm = places[k]
            if pm.sentence != si:
                return None
            if pm.nend <= head.nstart and locative(nav, pm, self.place_nouns, self.toward, self.streets):
                return pm.location
        return None

    def _venue(self, nav: TokenIndex, npos: int, places: list[PlaceMention], starts: list[int]) -> Location | None:
        """The first place named "في X" or "بـX" within a few tokens after ``npos``, in the same clause."""
        i = nav.after(npos)
        for tok in nav.tokens[i : i + VENUE_REACH]:
            if tok.norm in CLAUSE_END and tok.norm != ",":
                return None
            for k in range(bisect_left(starts, tok.nstart), bisect_left(starts, tok.nend)):
                if locative(nav, places[k], self.place_nouns, self.toward, self.streets):
                    return places[k].location
        return None

    # ----------------------------------------------------------------- writing
    def __call__(self, doc: Document) -> Document:
        places = self.find(doc)
        return doc.with_(
            places=tuple(places),
            occasion_location=self.occasion_location(doc, places),
            entities=doc.entities + tuple(self.registry(places)),
        )

    @staticmethod
    def registry(places: list[PlaceMention]) -> list[Entity]:
        """One location entity per distinct capital, region or town (states are state entities already)."""
        groups: dict[str, list[PlaceMention]] = {}
        for pm in places:
            if pm.kind != "country":
                key = pm.location.place or pm.location.text
                groups.setdefault(f"{pm.location.country}:{key}", []).append(pm)
        out: list[Entity] = []
        for group in groups.values():
            loc = group[0].location
            gid = f"place:{loc.geonames_id}" if loc.geonames_id else f"place:{loc.country}:{loc.place or loc.text}"
            mentions = tuple(Span(p.location.text, p.location.start, p.location.end) for p in group)
            out.append(Entity(gid, "location", loc.place, loc.country, None, None, None, mentions))
        return out


def locative(
    nav: TokenIndex,
    pm: PlaceMention,
    place_nouns: frozenset[str],
    toward: frozenset[str] = frozenset(),
    streets: frozenset[str] = frozenset(),
) -> bool:
    """True when a place is named as where something happens: "في X", "بـX", "في مدينة X", "بمخيم X",
    "في العاصمة الأردنية عمّان" (place nouns and adjectives may stand between the preposition and the name), "إلى
    شوارع X" (a place noun after a word of ``toward``: إلى)."""
    if pm.prefix.endswith("ب"):
        return True
    i = nav.after(pm.nstart - len(pm.prefix)) - 1
    for k in range(4):
        tok = nav.token(i)
        if tok is None:
            return False
        if tok.norm == "في" or (tok.kind == "clitic" and tok.norm.endswith("ب")):
            return True
        if k and tok.norm in toward and nav.tokens[i + 1].norm in streets:
            return True  # "خرجوا إلى شوارع الخرطوم"، "وصلت القافلة إلى مدينة رفح"
        adjective = tok.kind == "word" and tok.norm.startswith("ال") and tok.norm.endswith(("ي", "يه"))
        if tok.norm not in place_nouns and tok.norm not in streets and not adjective:
            return False
        i -= 1
    return False
