"""The codes that filters accept, and close matches for a code that is not one of them ("KSA: did you mean SAU?").

Countries (ISO alpha-3) and organizations come from the lexicons; event types, sectors and modes from
:mod:`hadath.ontology`; topics from the topic dictionary. Aliases (ISO alpha-2 codes, English and Arabic names,
``code_aliases.tsv``) only serve suggestions: a filter takes codes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType

from hadath.errors import ResourceError
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons, default_resource_dir, load_lexicons
from hadath.lexicon.tsv import read_tsv, require

#: How many close matches an error names at most.
MAX_SUGGESTIONS = 3


@dataclass(frozen=True)
class KnownCodes:
    """Actor codes with their English names, topic ids, and the aliases that point to an actor code."""

    actors: Mapping[str, str]
    topics: frozenset[str]
    aliases: Mapping[str, str]

    @classmethod
    def from_lexicons(cls, lex: Lexicons, extra_aliases: Mapping[str, str] = MappingProxyType({})) -> KnownCodes:
        actors: dict[str, str] = {}
        for form in lex.org_forms:  # the first organization listed under a code names it (UNO: United Nations)
            if form.org.code:
                actors.setdefault(form.org.code, form.org.name_en)
        actors.update({iso3: c.name_en for iso3, c in lex.countries.items()})
        aliases: dict[str, str] = {}
        for iso3, country in lex.countries.items():
            if country.iso2:
                aliases[country.iso2.upper()] = iso3
            aliases[country.name_en.upper()] = iso3
        for cf in lex.country_forms:
            if cf.kind == "name":
                aliases.setdefault(normalize(cf.form), cf.iso3)
        for form in lex.org_forms:
            if form.org.code:
                aliases.setdefault(form.org.name_en.upper(), form.org.code)
                aliases.setdefault(normalize(form.form), form.org.code)
        aliases.update({k: v for k, v in extra_aliases.items() if v in actors})
        return cls(MappingProxyType(actors), frozenset(t.topic for t in lex.topics), MappingProxyType(aliases))

    def actor_label(self, code: str) -> str:
        name = self.actors.get(code)
        return f"{code} ({name})" if name else code

    def suggest_actor(self, value: str) -> list[str]:
        """Known actor codes close to ``value``: its alias, codes it starts with or that start it, similar codes."""
        v = value.strip().upper()
        for key in (v, normalize(value.strip())):
            if key in self.aliases:
                return [self.aliases[key]]
        found: list[str] = []
        codes = sorted(self.actors)
        found += [c for c in codes if len(v) > len(c) and v.startswith(c)]
        found += difflib.get_close_matches(v, codes, n=MAX_SUGGESTIONS, cutoff=0.6)
        names = {name.upper(): code for code, name in self.actors.items()}
        found += [names[n] for n in difflib.get_close_matches(v, list(names), n=MAX_SUGGESTIONS, cutoff=0.75)]
        return _first(found)

    def suggest_topic(self, value: str) -> list[str]:
        v = value.strip().lower()
        topics = sorted(self.topics)
        found = [t for t in topics if v and v in t]
        found += difflib.get_close_matches(v, topics, n=MAX_SUGGESTIONS, cutoff=0.6)
        return _first(found)


def suggest(value: str, allowed: Iterable[str]) -> list[str]:
    """Members of a small fixed set (types, sectors, modes) close to ``value``."""
    options = sorted(allowed)
    v = value.strip()
    found = [o for o in options if v and len(v) >= 3 and (o.startswith(v) or v.startswith(o))]
    found += difflib.get_close_matches(v, options, n=MAX_SUGGESTIONS, cutoff=0.6)
    return _first(found)


def _first(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))[:MAX_SUGGESTIONS]


def load_aliases(path: Path) -> dict[str, str]:
    """``code_aliases.tsv``: alias -> actor code (the codes are checked against the lexicons by the caller)."""
    out: dict[str, str] = {}
    for line, row in read_tsv(path, ("alias", "code")):
        alias = require(path, line, "alias", row["alias"]).upper()
        if alias in out:
            raise ResourceError(str(path), line, f"alias {alias!r} is listed twice")
        out[alias] = require(path, line, "code", row["code"])
    return out


@cache
def lexicons_of(folder: Path | None = None) -> Lexicons:
    """The lexicons of ``folder`` (default: the packaged ones), loaded once per process for the store's needs:
    the codes filters accept and the English names exports give (extraction builds its own)."""
    return load_lexicons(folder or default_resource_dir())


@cache
def known_codes(folder: Path | None = None) -> KnownCodes:
    """The codes of the packaged resources (or of ``folder``), loaded once per process."""
    lex = lexicons_of(folder)
    folder = folder or default_resource_dir()
    aliases = load_aliases(folder / "code_aliases.tsv")
    unknown = sorted(code for code in set(aliases.values()) if code not in lex.countries)
    codes = KnownCodes.from_lexicons(lex, aliases)
    missing = [c for c in unknown if c not in codes.actors]
    if missing:
        raise ResourceError(str(folder / "code_aliases.tsv"), None, f"unknown codes {', '.join(missing)}")
    return codes
