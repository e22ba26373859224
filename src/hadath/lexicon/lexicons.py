"""Loading and validating every lexicon hadath uses into one immutable :class:`Lexicons` object."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from hadath.errors import ResourceError
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.entries import (
    Country,
    CountryForm,
    Cue,
    DatelineCode,
    DateWord,
    Group,
    MonthName,
    Organization,
    OrgForm,
    Person,
    Place,
    PlaceForm,
    ShortForm,
    Term,
    Title,
    Topic,
    Trigger,
)
from hadath.lexicon.tsv import parse_date, read_jsonl, read_tsv, require
from hadath.ontology import CONTEXTS, EVENT_TYPES, MODES_BY_TYPE, SECTORS

log = logging.getLogger(__name__)

COUNTRY_STATUSES = frozenset({"member", "observer", "territory"})
FORM_KINDS = frozenset({"name", "demonym", "capital"})
ORG_KINDS = frozenset({"igo", "agency", "body", "group", "ngo"})
TITLE_KINDS = frozenset({"role", "honorific", "counterpart"})
TRIGGER_POS = frozenset({"verb", "noun"})
TRIGGER_ARGS = frozenset(
    {
        "with",
        "object",
        "host",
        "none",
        "protesters",
        "signs",
        "blames",
        "imposes",
        "lifts",
        "severs",
        "summons",
        "fires",
        "declared",
        "deploys",
        "arrests",
        "extradites",
    }
)
#: Cue kinds matched as phrases in the text (they may span several words and win the longest match).
PHRASE_CUE_KINDS = frozenset(
    {
        "negation", "future", "background", "hypothetical", "sideline", "occasion", "speaker", "participants",
        "attribution", "neutral", "attendance", "venue", "participant_states", "statement",
    }
)  # fmt: skip
#: Cue kinds checked on single tokens by the stages (function words, markers, adverbs).
TOKEN_CUE_KINDS = frozenset(
    {
        "abbreviation", "function", "past_aux", "locative", "destination", "adverb", "quantity", "against",
        "posted_at", "casualty", "light_verb", "reference", "subjunctive", "clause_opener", "relative", "number",
        "result_verb", "agreement_noun", "name_prefix", "responsibility_noun", "sanction_noun",
        "relations_noun", "envoy_noun", "between", "instrument", "passive_light", "preposition", "subordinator",
        "by_phone", "response", "complementizer", "place_noun", "street_noun", "about_noun", "request_link",
        "pronoun_complementizer", "resumptive_light_verb", "military_post", "police_post", "gunfire", "adversary",
        "embassy_noun", "business_noun", "long_ago", "period_unit", "anniversary", "reaction", "habitual",
        "title_noun", "verbal_attack", "when",
        "coordinator", "decision_noun", "demonstrative", "parenthetical", "claim", "kin", "participation", "troop_noun",
        "elapsed_unit", "arrest_noun", "wanted_noun", "patronymic", "name_particle", "former", "named_after",
        "former_context", "namesake_context",
    }
)  # fmt: skip
CUE_KINDS = PHRASE_CUE_KINDS | TOKEN_CUE_KINDS
_CODE = re.compile(r"^[A-Z]{3,4}$")
_CAMEO = re.compile(r"^\d{2,4}$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACE_KINDS = frozenset({"country", "capital", "region", "city"})
PLACE_ORIGINS = frozenset({"geonames", "curated"})
CALENDARS = frozenset({"gregorian", "hijri"})
#: Kinds of date words (date_words.tsv) and the values they take.
DATE_WORD_KINDS = frozenset(
    {
        "day_offset",
        "weekday",
        "past",
        "next",
        "current",
        "unit",
        "part",
        "ago",
        "ago_unit",
        "dual_unit",
        "number",
        "day_noun",
        "era",
    }
)
_DATE_WORD_VALUES: dict[str, frozenset[str] | None] = {
    "day_offset": None,  # a signed number of days
    "number": None,  # a whole number
    "ago_unit": frozenset({"day", "week", "month"}),
    "dual_unit": frozenset({"day", "week", "month"}),
    "weekday": frozenset(str(d) for d in range(7)),
    "unit": frozenset({"week", "month", "year"}),
    "part": frozenset({"start", "middle", "end"}),
    "era": frozenset({"gregorian", "hijri"}),
}
#: Cue kinds whose words are never read as place names (a town called "سوف" or "القائم" is not found in text).
_NOT_PLACES = frozenset({"negation", "future", "adverb", "envoy_noun", "function", "preposition"})


def default_resource_dir() -> Path:
    """The ``resources/`` folder shipped inside the installed package."""
    return Path(str(resources.files("hadath") / "resources"))


@dataclass(frozen=True)
class Lexicons:
    """All lexicons, validated. Build once with :func:`load_lexicons` and hand to the pipeline stages."""

    countries: MappingProxyType[str, Country]
    country_forms: tuple[CountryForm, ...]
    org_forms: tuple[OrgForm, ...]
    titles: tuple[Title, ...]
    groups: tuple[Group, ...]
    datelines: tuple[DatelineCode, ...]
    diacritic_forms: MappingProxyType[str, CountryForm]
    persons: tuple[Person, ...]
    triggers: tuple[Trigger, ...]
    cues: tuple[Cue, ...]
    topics: tuple[Topic, ...]
    role_families: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    #: Names of places read in running text (stoplisted forms, and words other lexicons read, left out).
    places: tuple[PlaceForm, ...] = ()
    #: Every reading of a normalized place name, best first (curated, then capital, then population).
    place_readings: MappingProxyType[str, tuple[PlaceForm, ...]] = field(default_factory=lambda: MappingProxyType({}))
    #: The gazetteer's entry of each state (its GeoNames id), by ISO3.
    country_places: MappingProxyType[str, Place] = field(default_factory=lambda: MappingProxyType({}))
    #: The state each news outlet reports from, by the ``source`` field of input records (``outlets.tsv``).
    outlets: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    months: tuple[MonthName, ...] = ()
    date_words: tuple[DateWord, ...] = ()
    _holders: MappingProxyType[tuple[str, str], tuple[Person, ...]] = field(
        repr=False, default_factory=lambda: MappingProxyType({})
    )

    def cue_forms(self, kind: str) -> frozenset[str]:
        """Normalized forms of the cues of one kind."""
        return frozenset(normalize(c.form) for c in self.cues if c.kind == kind)

    def family(self, role: str) -> str:
        """The role family of ``role`` (``secretary of state`` -> ``foreign minister``)."""
        return self.role_families.get(role, role)

    def holders(self, country: str, role: str) -> tuple[Person, ...]:
        """Persons who held a role of the family of ``role`` for ``country`` (or org code) at some time."""
        return self._holders.get((country, self.family(role)), ())

    def vocabulary(self) -> frozenset[str]:
        """Every normalized word of every lexicon form: the words the tokenizer may split clitics from."""
        forms: list[str] = [f.form for f in self.country_forms]
        forms += [f.form for f in self.org_forms]
        forms += [t.form for t in self.titles] + [g.form for g in self.groups]
        forms += [f for p in self.persons for f in p.forms]
        forms += [t.form for t in self.triggers] + [c.form for c in self.cues] + [t.form for t in self.topics]
        words: set[str] = set()
        for form in forms:
            parts = normalize(form).split()
            # a short word inside a multi-word name (رام الله، آية الله) is no word of its own: it would split
            # ordinary words (كرام -> ك + رام)
            words.update(w for w in parts if len(w) > 1 and (len(parts) == 1 or len(w) > 3))
        return frozenset(words)


def load_lexicons(folder: Path | None = None) -> Lexicons:
    """Load and validate every resource file of ``folder`` (default: the packaged resources)."""
    folder = folder or default_resource_dir()
    countries = _load_countries(folder / "countries.tsv")
    persons = _load_persons(folder / "actors", countries)
    families = _load_roles(folder / "roles.tsv")
    org_forms = _load_organizations(folder / "organizations.tsv", countries)
    holders: dict[tuple[str, str], list[Person]] = {}
    for person in persons:
        for term in person.terms:
            key = (term.country or term.org or "", families.get(term.role, term.role))
            if person not in holders.setdefault(key, []):
                holders[key].append(person)
    country_forms = _load_country_forms(folder / "country_forms.tsv", countries)
    cues = _load_cues(folder / "cues.tsv")
    place_forms = _load_places(folder / "places.tsv", countries)
    stop = _load_place_stopwords(folder / "place_stopwords.tsv")
    titles = _load_titles(folder / "titles.tsv", countries)
    triggers = _load_triggers(folder / "triggers.tsv")
    datelines = _load_datelines(folder / "datelines.tsv", org_forms)
    # words other lexicons read are not place names: "سوف" (future), "السفيرة" (a title), "بترا" (Petra's code)
    stop |= {normalize(c.form) for c in cues if c.kind in _NOT_PLACES}
    stop |= {normalize(t.form) for t in titles} | {normalize(t.form) for t in triggers}
    stop |= {normalize(d.form) for d in datelines}
    lex = Lexicons(
        countries=MappingProxyType(countries),
        country_forms=country_forms,
        org_forms=org_forms,
        datelines=datelines,
        diacritic_forms=MappingProxyType(_load_diacritic_forms(folder / "diacritic_forms.tsv", countries)),
        titles=titles,
        groups=_load_groups(folder / "groups.tsv", countries),
        persons=persons,
        triggers=triggers,
        cues=cues,
        topics=_load_topics(folder / "topics.tsv"),
        role_families=MappingProxyType(families),
        places=tuple(p for p in place_forms if p.place.kind != "country" and normalize(p.form) not in stop),
        place_readings=MappingProxyType(_place_readings(place_forms)),
        country_places=MappingProxyType({p.place.country: p.place for p in place_forms if p.place.kind == "country"}),
        months=_load_months(folder / "months.tsv"),
        outlets=MappingProxyType(_load_outlets(folder / "outlets.tsv", countries)),
        date_words=_load_date_words(folder / "date_words.tsv"),
        _holders=MappingProxyType({k: tuple(v) for k, v in holders.items()}),
    )
    log.debug("loaded lexicons from %s", folder)
    return lex


def _check_country(path: Path, line: int, field_name: str, value: str, countries: dict[str, Country]) -> None:
    if value and value not in countries:
        raise ResourceError(str(path), line, f"field {field_name!r}: unknown country code {value!r}")


def _no_duplicates(path: Path, rows: Iterable[tuple[int, tuple[Any, ...]]]) -> None:
    seen: dict[tuple[Any, ...], int] = {}
    for line, key in rows:
        if key in seen:
            raise ResourceError(str(path), line, f"duplicate of line {seen[key]} ({key!r})")
        seen[key] = line


def _load_countries(path: Path) -> dict[str, Country]:
    out: dict[str, Country] = {}
    for line, row in read_tsv(path, ("iso3", "iso2", "status", "name_en")):
        iso3 = require(path, line, "iso3", row["iso3"])
        if not _CODE.match(iso3) or len(iso3) != 3:
            raise ResourceError(str(path), line, f"iso3 {iso3!r} is not a three-letter upper-case code")
        if iso3 in out:
            raise ResourceError(str(path), line, f"country {iso3} is listed twice")
        status = require(path, line, "status", row["status"], COUNTRY_STATUSES)
        out[iso3] = Country(iso3, row["iso2"], status, require(path, line, "name_en", row["name_en"]))
    return out


def _load_country_forms(path: Path, countries: dict[str, Country]) -> tuple[CountryForm, ...]:
    forms: list[CountryForm] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    for line, row in read_tsv(path, ("iso3", "kind", "form", "origin")):
        iso3 = require(path, line, "iso3", row["iso3"])
        _check_country(path, line, "iso3", iso3, countries)
        kind = require(path, line, "kind", row["kind"], FORM_KINDS)
        form = require(path, line, "form", row["form"])
        require(path, line, "origin", row["origin"], frozenset({"cldr", "curated"}))
        keys.append((line, (normalize(form), kind)))
        forms.append(CountryForm(iso3, kind, form))
    _no_duplicates(path, keys)
    return tuple(forms)


def _load_organizations(path: Path, countries: dict[str, Country]) -> tuple[OrgForm, ...]:
    orgs: dict[str, tuple[int, Organization]] = {}
    forms: list[OrgForm] = []
    keys: list[tuple[int, tuple[str]]] = []
    cols = ("id", "kind", "code", "country", "sector", "name_en", "form")
    for line, row in read_tsv(path, cols):
        org = Organization(
            id=require(path, line, "id", row["id"]),
            kind=require(path, line, "kind", row["kind"], ORG_KINDS),
            code=row["code"] or None,
            country=row["country"] or None,
            sector=require(path, line, "sector", row["sector"], SECTORS),
            name_en=require(path, line, "name_en", row["name_en"]),
        )
        _check_country(path, line, "country", row["country"], countries)
        if org.code is not None and not _CODE.match(org.code):
            raise ResourceError(str(path), line, f"code {org.code!r} is not 3-4 upper-case letters")
        if org.id in orgs and orgs[org.id][1] != org:
            raise ResourceError(
                str(path), line, f"organization {org.id} disagrees with its row at line {orgs[org.id][0]}"
            )
        orgs.setdefault(org.id, (line, org))
        form = require(path, line, "form", row["form"])
        keys.append((line, (normalize(form),)))
        forms.append(OrgForm(orgs[org.id][1], form))
    _no_duplicates(path, keys)
    return tuple(forms)


def _load_titles(path: Path, countries: dict[str, Country]) -> tuple[Title, ...]:
    titles: list[Title] = []
    keys: list[tuple[int, tuple[str]]] = []
    for line, row in read_tsv(path, ("form", "kind", "role", "sector", "country")):
        kind = require(path, line, "kind", row["kind"], TITLE_KINDS)
        if kind == "role":
            require(path, line, "role", row["role"])
            require(path, line, "sector", row["sector"], SECTORS)
        _check_country(path, line, "country", row["country"], countries)
        form = require(path, line, "form", row["form"])
        keys.append((line, (normalize(form),)))
        titles.append(Title(form, kind, row["role"] or None, row["sector"] or None, row["country"] or None))
    _no_duplicates(path, keys)
    return tuple(titles)


def _load_persons(folder: Path, countries: dict[str, Country]) -> tuple[Person, ...]:
    """Every ``*.jsonl`` file of the actors folder (see ``resources/actors/README.md``), in file-name order.

    A surface form belongs to one person, unless every person carrying it lists it in ``shared_forms`` (a surname
    two persons of the news share on purpose); a shared form never resolves to a person by itself."""
    paths = sorted(folder.glob("*.jsonl")) if folder.is_dir() else []
    if not paths:
        raise ResourceError(str(folder), None, "no *.jsonl file found; reinstall hadath or pass the right folder")
    persons: list[Person] = []
    seen_ids: dict[str, str] = {}
    owners: dict[str, list[tuple[str, bool]]] = {}  # normalized form -> (person id, declared shared)
    where: dict[str, str] = {}  # person id -> "file:line"
    for path in paths:
        for line, obj in read_jsonl(path):
            person, shared = _person(path, line, obj, countries)
            if person.id in seen_ids:
                raise ResourceError(str(path), line, f"person {person.id} is already defined at {seen_ids[person.id]}")
            seen_ids[person.id] = where[person.id] = f"{path.name}:{line}"
            for form in dict.fromkeys(normalize(f) for f in person.forms):
                for other, other_shared in owners.get(form, ()):
                    if not (form in shared and other_shared):
                        raise ResourceError(
                            str(path),
                            line,
                            f"form {form!r} is also a form of {other} ({where[other]}); remove it from one of them, "
                            "or list it in 'shared_forms' of both to declare it ambiguous",
                        )
                owners.setdefault(form, []).append((person.id, form in shared))
            persons.append(person)
    return tuple(persons)


def _person(path: Path, line: int, obj: dict[str, Any], countries: dict[str, Country]) -> tuple[Person, set[str]]:
    """One validated person and the normalized forms it declares shared."""
    pid, name, forms, terms = obj.get("id"), obj.get("name"), obj.get("forms"), obj.get("terms")
    if not isinstance(pid, str) or not pid.startswith("person:"):
        raise ResourceError(str(path), line, "field 'id' must be a string starting with 'person:'")
    if not isinstance(name, str) or not name:
        raise ResourceError(str(path), line, "field 'name' must be a non-empty string")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f for f in forms):
        raise ResourceError(str(path), line, "field 'forms' must be a non-empty list of Arabic strings")
    shared_list = obj.get("shared_forms", [])
    if not isinstance(shared_list, list) or not all(isinstance(f, str) and f for f in shared_list):
        raise ResourceError(str(path), line, "field 'shared_forms' must be a list of Arabic strings")
    short_list = obj.get("short_forms", [])
    if not isinstance(short_list, list):
        raise ResourceError(str(path), line, "field 'short_forms' must be a list of {form, from, to} objects")
    short_forms: list[ShortForm] = []
    for i, short in enumerate(short_list):
        form = short.get("form") if isinstance(short, dict) else None
        if not isinstance(form, str) or not form.strip():
            raise ResourceError(str(path), line, f"field 'short_forms[{i}].form' must be a non-empty Arabic string")
        start = parse_date(path, line, f"short_forms[{i}].from", short.get("from"))
        end = parse_date(path, line, f"short_forms[{i}].to", short.get("to"))
        if start and end and end < start:
            raise ResourceError(str(path), line, f"short_forms[{i}] ends ({end}) before it starts ({start})")
        alone = short.get("alone", True)
        if not isinstance(alone, bool):
            raise ResourceError(str(path), line, f"field 'short_forms[{i}].alone' must be true or false")
        short_forms.append(ShortForm(" ".join(normalize(form).split()), start, end, alone))
        if form not in forms:
            forms = [*forms, form]  # a declared short form is one of the person's forms
    own = {normalize(f) for f in forms}
    shared = {normalize(f) for f in shared_list}
    for form in shared_list:
        if normalize(form) not in own:
            raise ResourceError(str(path), line, f"field 'shared_forms': {form!r} is not one of the person's forms")
    if not isinstance(terms, list):
        raise ResourceError(str(path), line, "field 'terms' must be a list (may be empty)")
    parsed: list[Term] = []
    for i, term in enumerate(terms):
        if not isinstance(term, dict):
            raise ResourceError(str(path), line, f"terms[{i}] must be an object")
        country = term.get("country") or None
        if country is not None:
            _check_country(path, line, f"terms[{i}].country", country, countries)
        org = term.get("org") or None
        if org is not None and not (isinstance(org, str) and _CODE.match(org)):
            raise ResourceError(str(path), line, f"field 'terms[{i}].org' {org!r} is not an organization code")
        if country is None and org is None:
            raise ResourceError(str(path), line, f"terms[{i}] names neither a 'country' nor an 'org'")
        sector = require(path, line, f"terms[{i}].sector", str(term.get("sector") or ""), SECTORS)
        role = require(path, line, f"terms[{i}].role", str(term.get("role") or ""))
        source = term.get("source")
        if source is not None and not (isinstance(source, str) and source.startswith(("http://", "https://"))):
            raise ResourceError(str(path), line, f"field 'terms[{i}].source' must be the URL of a page (http/https)")
        start = parse_date(path, line, f"terms[{i}].from", term.get("from"))
        end = parse_date(path, line, f"terms[{i}].to", term.get("to"))
        if start and end and end < start:
            raise ResourceError(str(path), line, f"terms[{i}] ends ({end}) before it starts ({start})")
        parsed.append(Term(country, org, sector, role, start, end))
    parsed.sort(key=lambda t: (t.start is not None, t.start))
    return Person(pid, name, tuple(forms), tuple(parsed), tuple(short_forms)), shared


def _load_triggers(path: Path) -> tuple[Trigger, ...]:
    out: list[Trigger] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    for line, row in read_tsv(path, ("form", "type", "mode", "cameo", "contexts", "pos", "args")):
        etype = require(path, line, "type", row["type"], EVENT_TYPES)
        if row["mode"]:
            require(path, line, "mode", row["mode"], MODES_BY_TYPE[etype])
        cameo = require(path, line, "cameo", row["cameo"])
        if not _CAMEO.match(cameo):
            raise ResourceError(str(path), line, f"cameo {cameo!r} is not a 2-4 digit code")
        contexts = tuple(c.strip() for c in row["contexts"].split(",") if c.strip())
        for c in contexts:
            require(path, line, "contexts", c, CONTEXTS)
        form = require(path, line, "form", row["form"])
        keys.append((line, (normalize(form), etype)))
        out.append(
            Trigger(
                form,
                etype,
                row["mode"] or None,
                cameo,
                contexts,
                require(path, line, "pos", row["pos"], TRIGGER_POS),
                require(path, line, "args", row["args"], TRIGGER_ARGS),
            )
        )
    _no_duplicates(path, keys)
    return tuple(out)


def _load_cues(path: Path) -> tuple[Cue, ...]:
    out: list[Cue] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    for line, row in read_tsv(path, ("form", "kind")):
        form = require(path, line, "form", row["form"])
        kind = require(path, line, "kind", row["kind"], CUE_KINDS)
        keys.append((line, (normalize(form), kind)))
        out.append(Cue(form, kind))
    _no_duplicates(path, keys)
    return tuple(out)


def _load_topics(path: Path) -> tuple[Topic, ...]:
    out: list[Topic] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    for line, row in read_tsv(path, ("topic", "context", "form")):
        topic = require(path, line, "topic", row["topic"])
        if not _SLUG.match(topic):
            raise ResourceError(str(path), line, f"topic {topic!r} must be a lower-case slug like 'gaza-war'")
        if row["context"]:
            require(path, line, "context", row["context"], CONTEXTS)
        form = require(path, line, "form", row["form"])
        keys.append((line, (normalize(form), topic)))
        out.append(Topic(topic, row["context"] or None, form))
    _no_duplicates(path, keys)
    return tuple(out)


def _load_roles(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line, row in read_tsv(path, ("role", "family")):
        role = require(path, line, "role", row["role"])
        if role in out:
            raise ResourceError(str(path), line, f"role {role!r} is listed twice")
        out[role] = require(path, line, "family", row["family"])
    return out


def _load_groups(path: Path, countries: dict[str, Country]) -> tuple[Group, ...]:
    out: list[Group] = []
    keys: list[tuple[int, tuple[str]]] = []
    for line, row in read_tsv(path, ("form", "sector", "role", "country")):
        form = require(path, line, "form", row["form"])
        home = row["country"] == "home"
        named = row["country"] == "named"
        if not (home or named):
            _check_country(path, line, "country", row["country"], countries)
        keys.append((line, (normalize(form),)))
        out.append(
            Group(
                form,
                require(path, line, "sector", row["sector"], SECTORS),
                require(path, line, "role", row["role"]),
                None if home or named else (row["country"] or None),
                home,
                named,
            )
        )
    _no_duplicates(path, keys)
    return tuple(out)


def _load_outlets(path: Path, countries: dict[str, Country]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line, row in read_tsv(path, ("source", "country", "name")):
        source = require(path, line, "source", row["source"])
        if source in out:
            raise ResourceError(str(path), line, f"source {source!r} is listed twice")
        _check_country(path, line, "country", row["country"], countries)
        out[source] = require(path, line, "country", row["country"])
    return out


def _load_datelines(path: Path, org_forms: tuple[OrgForm, ...]) -> tuple[DatelineCode, ...]:
    orgs = {f.org.id: f.org for f in org_forms}
    out: list[DatelineCode] = []
    keys: list[tuple[int, tuple[str]]] = []
    for line, row in read_tsv(path, ("form", "org_id", "home")):
        form = require(path, line, "form", row["form"])
        org_id = require(path, line, "org_id", row["org_id"])
        if org_id not in orgs:
            raise ResourceError(str(path), line, f"org_id {org_id!r} is not an id of organizations.tsv")
        home = require(path, line, "home", row["home"], frozenset({"yes", "no"})) == "yes"
        keys.append((line, (normalize(form),)))
        out.append(DatelineCode(form, orgs[org_id], home))
    _no_duplicates(path, keys)
    return tuple(out)


def _load_diacritic_forms(path: Path, countries: dict[str, Country]) -> dict[str, CountryForm]:
    out: dict[str, CountryForm] = {}
    for line, row in read_tsv(path, ("form", "iso3", "kind")):
        form = require(path, line, "form", row["form"])
        if normalize(form) == form:
            raise ResourceError(str(path), line, f"form {form!r} has no diacritics; list it in country_forms.tsv")
        iso3 = require(path, line, "iso3", row["iso3"])
        _check_country(path, line, "iso3", iso3, countries)
        if form in out:
            raise ResourceError(str(path), line, f"form {form!r} is listed twice")
        out[form] = CountryForm(iso3, require(path, line, "kind", row["kind"], FORM_KINDS), form)
    return out


def _number(path: Path, line: int, name: str, value: str, kind: type[int] | type[float]) -> float | int | None:
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        raise ResourceError(str(path), line, f"field {name!r} is {value!r}, not a number") from None


def _load_places(path: Path, countries: dict[str, Country]) -> tuple[PlaceForm, ...]:
    places: dict[str, tuple[int, Place]] = {}
    out: list[PlaceForm] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    cols = ("id", "geonames_id", "kind", "country", "name_en", "lat", "lon", "population", "form", "origin")
    for line, row in read_tsv(path, cols):
        country = require(path, line, "country", row["country"])
        _check_country(path, line, "country", country, countries)
        lat = _number(path, line, "lat", row["lat"], float)
        lon = _number(path, line, "lon", row["lon"], float)
        if (
            (lat is None) != (lon is None)
            or (lat is not None and not -90 <= lat <= 90)
            or (lon is not None and not -180 <= lon <= 180)
        ):
            raise ResourceError(str(path), line, "lat and lon must both be given (degrees) or both be empty")
        geonames_id = _number(path, line, "geonames_id", row["geonames_id"], int)
        population = _number(path, line, "population", row["population"], int)
        place = Place(
            id=require(path, line, "id", row["id"]),
            geonames_id=None if geonames_id is None else int(geonames_id),
            kind=require(path, line, "kind", row["kind"], PLACE_KINDS),
            country=country,
            name_en=require(path, line, "name_en", row["name_en"]),
            lat=None if lat is None else float(lat),
            lon=None if lon is None else float(lon),
            population=None if population is None else int(population),
        )
        if place.id in places and places[place.id][1] != place:
            raise ResourceError(
                str(path), line, f"place {place.id} disagrees with its row at line {places[place.id][0]}"
            )
        places.setdefault(place.id, (line, place))
        form = require(path, line, "form", row["form"])
        origin = require(path, line, "origin", row["origin"], PLACE_ORIGINS)
        keys.append((line, (normalize(form), place.id)))
        out.append(PlaceForm(places[place.id][1], form, origin == "curated"))
    _no_duplicates(path, keys)
    return tuple(out)


def _place_readings(forms: tuple[PlaceForm, ...]) -> dict[str, tuple[PlaceForm, ...]]:
    """Readings of each normalized name, best first: curated names, then capitals, then the most populous."""
    readings: dict[str, list[PlaceForm]] = {}
    for pf in forms:
        if pf.place.kind != "country":
            readings.setdefault(" ".join(normalize(pf.form).split()), []).append(pf)
    return {
        key: tuple(sorted(v, key=lambda p: (not p.curated, p.place.kind != "capital", -(p.place.population or 0))))
        for key, v in readings.items()
    }


def _load_place_stopwords(path: Path) -> set[str]:
    out: set[str] = set()
    for line, row in read_tsv(path, ("form", "reason")):
        form = normalize(require(path, line, "form", row["form"]))
        require(path, line, "reason", row["reason"])
        if form in out:
            raise ResourceError(str(path), line, f"form {row['form']!r} is listed twice")
        out.add(form)
    return out


def _load_months(path: Path) -> tuple[MonthName, ...]:
    out: list[MonthName] = []
    keys: list[tuple[int, tuple[str]]] = []
    for line, row in read_tsv(path, ("calendar", "month", "form", "usage")):
        calendar = require(path, line, "calendar", row["calendar"], CALENDARS)
        month = require(path, line, "month", row["month"], frozenset(str(m) for m in range(1, 13)))
        form = require(path, line, "form", row["form"])
        keys.append((line, (normalize(form),)))
        out.append(MonthName(form, calendar, int(month), require(path, line, "usage", row["usage"])))
    _no_duplicates(path, keys)
    return tuple(out)


def _load_date_words(path: Path) -> tuple[DateWord, ...]:
    out: list[DateWord] = []
    keys: list[tuple[int, tuple[str, str]]] = []
    for line, row in read_tsv(path, ("form", "kind", "value")):
        form = require(path, line, "form", row["form"])
        kind = require(path, line, "kind", row["kind"], DATE_WORD_KINDS)
        value = row["value"]
        allowed = _DATE_WORD_VALUES.get(kind)
        if allowed is not None:
            require(path, line, "value", value, allowed)
        elif kind in ("day_offset", "number"):
            try:
                int(value)
            except ValueError:
                raise ResourceError(str(path), line, f"value {value!r} of a {kind} is not a whole number") from None
        keys.append((line, (normalize(form), kind)))
        out.append(DateWord(form, kind, value))
    _no_duplicates(path, keys)
    return tuple(out)
