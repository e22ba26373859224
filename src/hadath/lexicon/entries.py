"""Typed entries of the lexicons (one frozen dataclass per resource row kind)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    iso2: str
    status: str
    name_en: str


@dataclass(frozen=True, slots=True)
class CountryForm:
    iso3: str
    kind: str  # name | demonym | capital
    form: str


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    kind: str  # igo | agency | body | group | ngo
    code: str | None
    country: str | None
    sector: str
    name_en: str


@dataclass(frozen=True, slots=True)
class OrgForm:
    org: Organization
    form: str


@dataclass(frozen=True, slots=True)
class Title:
    form: str
    kind: str  # role | honorific
    role: str | None
    sector: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Term:
    country: str | None
    org: str | None
    sector: str
    role: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ShortForm:
    """A short form (surname, «بن X», «ولد الشيخ») the knowledge base declares for a person in a period: alone in a
    text of that period it names the person (normalized ``form``; ``start``/``end`` inclusive, None: open)."""

    form: str
    start: date | None
    end: date | None
    #: False: the form names the person only after their full name in the same text (a common surname: "عسيري")
    alone: bool = True

    def covers(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    forms: tuple[str, ...]
    terms: tuple[Term, ...]
    #: Short forms declared for a period (``short_forms`` of the knowledge base); other short forms of ``forms``
    #: are declared for the person's time in office (see ``hadath.stages.actors``).
    short_forms: tuple[ShortForm, ...] = ()

    def term_on(self, day: date | None) -> Term | None:
        """The function held on ``day``; without a date, the most recent one."""
        if day is None:
            return self.terms[-1] if self.terms else None
        for term in self.terms:
            if term.covers(day):
                return term
        return None

    def nearest_term(self, day: date | None) -> Term | None:
        """The term on ``day``, else the last one before it, else the first one (for country and sector)."""
        held = self.term_on(day)
        if held is not None or day is None or not self.terms:
            return held
        before = [t for t in self.terms if t.start is not None and t.start <= day]
        return before[-1] if before else self.terms[0]


@dataclass(frozen=True, slots=True)
class PersonForm:
    person: Person
    form: str


@dataclass(frozen=True, slots=True)
class Trigger:
    form: str
    type: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...]
    pos: str  # verb | noun
    args: str  # with | object | host


@dataclass(frozen=True, slots=True)
class Cue:
    form: str
    kind: str


@dataclass(frozen=True, slots=True)
class Topic:
    topic: str
    context: str | None
    form: str


@dataclass(frozen=True, slots=True)
class Group:
    """A generic actor named by its sector: المتظاهرون (CVL), الشرطة (COP), مسلحون (UAF)."""

    form: str
    sector: str
    role: str
    country: str | None
    home: bool = False  # without a written country, the reporting agency's own ("وزارة الداخلية" in KUNA)
    named: bool = False  # an actor only with its state named after it ("طائرات إسرائيلية"، not "طائرات مساعدات")


@dataclass(frozen=True, slots=True)
class DatelineCode:
    """A short agency code of datelines ("بترا", "واس") and whether the agency is a national one."""

    form: str
    org: Organization
    home: bool


@dataclass(frozen=True, slots=True)
class Place:
    """A place of the gazetteer (places.tsv): a state (its GeoNames id), a capital, a first-level region or a town."""

    id: str
    geonames_id: int | None
    kind: str  # country | capital | region | city
    country: str
    name_en: str
    lat: float | None
    lon: float | None
    population: int | None


@dataclass(frozen=True, slots=True)
class PlaceForm:
    """One Arabic name of a place; ``curated`` names were checked by hand (they win over GeoNames-only ones)."""

    place: Place
    form: str
    curated: bool


@dataclass(frozen=True, slots=True)
class MonthName:
    """A month name: ``calendar`` is ``gregorian`` or ``hijri``; ``month`` 1-12."""

    form: str
    calendar: str
    month: int
    usage: str


@dataclass(frozen=True, slots=True)
class DateWord:
    """A word of date expressions (اليوم، أمس، الثلاثاء، الماضي، مطلع، الشهر ...) and what it means."""

    form: str
    kind: str
    value: str
