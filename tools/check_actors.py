"""Check the actor knowledge base (``resources/actors/*.jsonl``) for consistency, and print its size.

    python tools/check_actors.py [--resources FOLDER]

Errors (the script exits 1 when there is any):

- a line that is not a valid person (id, name, forms, terms; ISO dates; a term names a country or an org);
- a term that ends before it starts;
- an unknown country (``countries.tsv``), organization code (``organizations.tsv``), sector or role (the roles of
  ``titles.tsv`` and ``roles.tsv``);
- two terms of one person in the same role for the same country or organization that overlap;
- two persons holding a single-holder role (head of state or government, crown prince, foreign, defence or interior
  minister, secretary-general, ...) for the same country or organization at the same time, for longer than
  ``HANDOVER_DAYS`` (a handover written with the same day on both sides is fine), unless the pair is listed in
  ``actors/allowed_overlaps.tsv``;
- a surface form (after normalization) carried by two persons, unless both list it in ``shared_forms``;
- a term without a ``source`` (the http(s) URL of a page a reviewer can check the term on: the person's
  encyclopaedia article, a list of the office's holders, an official page), or one that is not such a URL. While
  ``MISSING_SOURCE_IS_ERROR`` is False, a missing source is only a warning (a malformed one is always an error).

Warnings (printed, not fatal): a person form that is also a country, capital, demonym, title or organization form
of the other lexicons, and an allow-list row that no overlap needs any more.

The table printed last gives, per country or organization, the persons with a term there and their terms.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from hadath.errors import ResourceError
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import default_resource_dir
from hadath.lexicon.tsv import read_tsv
from hadath.ontology import SECTORS

#: Role families of which a country or an organization has one holder at a time.
SINGLE_HOLDER = frozenset(
    {
        "president", "prime minister", "king", "emir", "sultan", "supreme leader", "crown prince",
        "deputy crown prince", "first deputy prime minister", "second deputy prime minister",
        "foreign minister", "defence minister", "interior minister", "secretary-general", "high representative",
        "commission president", "council president",
    }
)  # fmt: skip
#: A term without a source fails the check (set False to only warn, e.g. while importing a batch without sources).
MISSING_SOURCE_IS_ERROR = True
#: What a source must look like: an http(s) URL with a host.
SOURCE_URL = re.compile(r"^https?://[^/\s]+\.[^/\s]+/\S*$")
#: Days two holders of a single-holder role may overlap at a handover without being reported.
HANDOVER_DAYS = 7
ALLOW_COLUMNS = ("owner", "role", "person_a", "person_b", "reason")


@dataclass(frozen=True)
class Term:
    owner: str  # country ISO3 or organization code
    sector: str
    role: str
    start: date | None
    end: date | None
    source: str | None = None


@dataclass
class Person:
    id: str
    where: str  # file:line
    forms: list[str]
    shared: set[str]
    terms: list[Term]


@dataclass
class Report:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    persons: list[Person] = field(default_factory=list)

    def size(self) -> dict[str, tuple[int, int]]:
        """Per country or organization: (persons with a term there, terms there)."""
        persons: dict[str, set[str]] = defaultdict(set)
        terms: Counter[str] = Counter()
        for p in self.persons:
            for t in p.terms:
                persons[t.owner].add(p.id)
                terms[t.owner] += 1
        return {owner: (len(persons[owner]), terms[owner]) for owner in sorted(terms)}

    @property
    def total_terms(self) -> int:
        return sum(len(p.terms) for p in self.persons)


def _date(value: object, what: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} must be an ISO date string or null")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _vocabulary(resources: Path) -> tuple[set[str], set[str], set[str], dict[str, str], dict[str, str]]:
    """Countries, organization codes, known roles, role families, and the forms of the other lexicons."""
    countries = {row["iso3"] for _, row in read_tsv(resources / "countries.tsv", ("iso3", "iso2", "status", "name_en"))}
    org_cols = ("id", "kind", "code", "country", "sector", "name_en", "form")
    others: dict[str, str] = {}
    codes: set[str] = set()
    for _, row in read_tsv(resources / "organizations.tsv", org_cols):
        if row["code"]:
            codes.add(row["code"])
        others.setdefault(normalize(row["form"]), f"organization {row['id']}")
    roles: set[str] = set()
    for _, row in read_tsv(resources / "titles.tsv", ("form", "kind", "role", "sector", "country")):
        if row["role"]:
            roles.add(row["role"])
        others.setdefault(normalize(row["form"]), f"title ({row['kind']})")
    families: dict[str, str] = {}
    for _, row in read_tsv(resources / "roles.tsv", ("role", "family")):
        families[row["role"]] = row["family"]
        roles |= {row["role"], row["family"]}
    for _, row in read_tsv(resources / "country_forms.tsv", ("iso3", "kind", "form", "origin")):
        others.setdefault(normalize(row["form"]), f"{row['kind']} of {row['iso3']}")
    return countries, codes, roles, families, others


def _read_person(obj: object, where: str) -> Person:
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    pid, forms, terms = obj.get("id"), obj.get("forms"), obj.get("terms")
    if not isinstance(pid, str) or not pid.startswith("person:"):
        raise ValueError("field 'id' must be a string starting with 'person:'")
    if not isinstance(obj.get("name"), str) or not obj["name"]:
        raise ValueError("field 'name' must be a non-empty string")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f for f in forms):
        raise ValueError("field 'forms' must be a non-empty list of strings")
    shared = obj.get("shared_forms", [])
    if not isinstance(shared, list) or not all(isinstance(f, str) for f in shared):
        raise ValueError("field 'shared_forms' must be a list of strings")
    short = obj.get("short_forms", [])
    if not isinstance(short, list) or not all(isinstance(f, dict) and isinstance(f.get("form"), str) for f in short):
        raise ValueError("field 'short_forms' must be a list of {form, from, to} objects")
    for i, f in enumerate(short):
        _date(f.get("from"), f"short_forms[{i}].from")
        _date(f.get("to"), f"short_forms[{i}].to")
        if f["form"] not in forms:
            forms = [*forms, f["form"]]
    if not isinstance(terms, list):
        raise ValueError("field 'terms' must be a list")
    out: list[Term] = []
    for i, t in enumerate(terms):
        if not isinstance(t, dict):
            raise ValueError(f"terms[{i}] is not an object")
        owner = t.get("country") or t.get("org")
        if not isinstance(owner, str):
            raise ValueError(f"terms[{i}] names neither a 'country' nor an 'org'")
        source = t.get("source")
        if source is not None and not (isinstance(source, str) and SOURCE_URL.match(source)):
            raise ValueError(f"terms[{i}].source must be an http(s) URL a reviewer can open, not {source!r}")
        out.append(
            Term(
                owner,
                str(t.get("sector") or ""),
                str(t.get("role") or ""),
                _date(t.get("from"), f"terms[{i}].from"),
                _date(t.get("to"), f"terms[{i}].to"),
                source,
            )
        )
    return Person(pid, where, forms, {normalize(f) for f in shared}, out)


def _overlap(a: Term, b: Term) -> int:
    """Days two terms share (0 if they do not meet); an open start or end reaches as far as it can."""
    start = max(a.start or date.min, b.start or date.min)
    end = min(a.end or date.max, b.end or date.max)
    if end < start:
        return 0
    if end == date.max:  # both still in office: count the days until today
        end = max(start, date.today())
    return (end - start).days + 1


def check(resources: Path) -> Report:
    """Check every ``actors/*.jsonl`` file of ``resources``; return the errors, warnings and persons found."""
    report = Report()
    countries, codes, roles, families, others = _vocabulary(resources)
    folder = resources / "actors"
    paths = sorted(folder.glob("*.jsonl"))
    if not paths:
        report.errors.append(f"{folder}: no *.jsonl file")
    ids: dict[str, str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path.name}:{number}"
            try:
                person = _read_person(json.loads(line), where)
            except (json.JSONDecodeError, ValueError) as exc:
                report.errors.append(f"{where}: {exc}")
                continue
            if person.id in ids:
                report.errors.append(f"{where}: {person.id} is already defined at {ids[person.id]}")
            ids[person.id] = where
            report.persons.append(person)
    for p in report.persons:
        for t in p.terms:
            if t.start and t.end and t.end < t.start:
                report.errors.append(f"{p.where}: {p.id} {t.role} of {t.owner} ends {t.end} before it starts {t.start}")
            if t.owner not in countries and t.owner not in codes:
                report.errors.append(f"{p.where}: {p.id}: unknown country or organization code {t.owner!r}")
            if t.role not in roles:
                report.errors.append(f"{p.where}: {p.id}: unknown role {t.role!r} (not in titles.tsv nor roles.tsv)")
            if t.sector not in SECTORS:
                report.errors.append(f"{p.where}: {p.id}: unknown sector {t.sector!r}")
            if t.source is None:
                problem = f"{p.where}: {p.id}: the {t.role} term of {t.owner} has no 'source' (a URL to check it on)"
                (report.errors if MISSING_SOURCE_IS_ERROR else report.warnings).append(problem)
        for i, a in enumerate(p.terms):
            for b in p.terms[i + 1 :]:
                if (a.owner, a.role) == (b.owner, b.role) and _overlap(a, b):
                    report.errors.append(
                        f"{p.where}: {p.id}: two overlapping terms as {a.role} of {a.owner} "
                        f"({a.start}..{a.end} and {b.start}..{b.end}); merge them"
                    )
    _check_holders(report, families, _allowed(resources / "actors" / "allowed_overlaps.tsv"))
    _check_forms(report, others)
    return report


def _allowed(path: Path) -> dict[tuple[str, str, frozenset[str]], str]:
    if not path.exists():
        return {}
    out: dict[tuple[str, str, frozenset[str]], str] = {}
    for _, row in read_tsv(path, ALLOW_COLUMNS):
        out[(row["owner"], row["role"], frozenset({row["person_a"], row["person_b"]}))] = row["reason"]
    return out


def _check_holders(
    report: Report, families: dict[str, str], allowed: dict[tuple[str, str, frozenset[str]], str]
) -> None:
    by_seat: dict[tuple[str, str], list[tuple[Person, Term]]] = defaultdict(list)
    for p in report.persons:
        for t in p.terms:
            family = families.get(t.role, t.role)
            if family in SINGLE_HOLDER:
                by_seat[(t.owner, family)].append((p, t))
    used: set[tuple[str, str, frozenset[str]]] = set()
    for (owner, family), held in sorted(by_seat.items()):
        for i, (pa, ta) in enumerate(held):
            for pb, tb in held[i + 1 :]:
                if pa.id == pb.id:
                    continue
                days = _overlap(ta, tb)
                key = (owner, family, frozenset({pa.id, pb.id}))
                if days <= 1 or (days <= HANDOVER_DAYS and ta.start and tb.start and ta.start != tb.start):
                    continue
                if key in allowed:
                    used.add(key)
                    continue
                report.errors.append(
                    f"{pa.where} / {pb.where}: {pa.id} ({ta.start}..{ta.end}) and {pb.id} ({tb.start}..{tb.end}) "
                    f"are both {family} of {owner} for {days} days; fix the dates, or list the pair in "
                    "actors/allowed_overlaps.tsv with the reason"
                )
    for key in sorted(set(allowed) - used, key=str):
        report.warnings.append(f"allowed_overlaps.tsv: {key[0]} {key[1]} {sorted(key[2])} overlap no more")


def _check_forms(report: Report, others: dict[str, str]) -> None:
    carriers: dict[str, list[Person]] = defaultdict(list)
    for p in report.persons:
        for form in dict.fromkeys(normalize(f) for f in p.forms):
            carriers[form].append(p)
    for form, persons in sorted(carriers.items()):
        if len(persons) > 1 and not all(form in p.shared for p in persons):
            names = ", ".join(f"{p.id} ({p.where})" for p in persons)
            report.errors.append(
                f"form {form!r} belongs to {names}: remove it from all but one, or list it in 'shared_forms' of "
                "each to declare it ambiguous (it then resolves to no one)"
            )
        if form in others:
            report.warnings.append(f"form {form!r} of {persons[0].id} is also a {others[form]}")
    for p in report.persons:
        for form in sorted(p.shared - set(carriers)):
            report.errors.append(f"{p.where}: shared form {form!r} is not one of {p.id}'s forms")
        for form in sorted(f for f in p.shared if len(carriers.get(f, ())) < 2):
            report.warnings.append(f"{p.where}: {p.id} declares {form!r} shared, but no other person carries it")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resources", type=Path, default=default_resource_dir(), help="the resources folder")
    args = parser.parse_args(argv)
    try:
        report = check(args.resources)
    except ResourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for warning in report.warnings:
        print(f"warning: {warning}")
    for error in report.errors:
        print(f"error: {error}")
    print(f"\n{'country/org':<12} {'persons':>8} {'terms':>6}")
    for owner, (persons, terms) in report.size().items():
        print(f"{owner:<12} {persons:>8} {terms:>6}")
    print(f"{'total':<12} {len(report.persons):>8} {report.total_terms:>6}")
    print(f"\n{len(report.errors)} error(s), {len(report.warnings)} warning(s)")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
