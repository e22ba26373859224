"""Events in the PLOVER data format, as the PLOVER manual's "Data Fields" chapter defines it (``plover-base-2.0``).

The manual's lists of modes (per event type) and contexts are here as code sets; hadath's own modes and contexts
are mapped to them where the manual has a counterpart and dropped where it has none (``MODE_MAP``,
``CONTEXT_MAP``, documented in the README). A record carries the manual's fields (``id``, ``date``, ``actor``,
``recipient``, ``event``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``quad_code``, ``event_scale``,
``text_info``, ``cite_info``, ``coder``, ``coded_date``, ``coded_time``) and hadath's additions beside them
(``cameo``, ``trigger``, ``topics``, ``mentions``, ``sources``, ``reports``, and every hadath mode or context the
manual lacks under ``hadath_mode`` / ``hadath_contexts``).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

#: The codebook a record follows (the manual's own naming: ``plover-base-1.3.1``; this is its draft 2.0).
CODEBOOK = "plover-base-2.0"

#: The manual's modes of each event category (types without a list take no mode).
PLOVER_MODES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
        "RETREAT": frozenset({"withdraw", "release", "disarm", "ceasefire", "access", "resign"}),
        "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
        "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
        "REJECT": frozenset({"assist", "change", "yield", "meet"}),
        "THREATEN": frozenset({"restrict", "arrest", "relations", "expel", "territory", "violence"}),
        "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
        "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
        "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
        "COERCE": frozenset(
            {
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
            }
        ),
        "ASSAULT": frozenset(
            {
                "abduct",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "unconventional",
            }
        ),
    }
)

#: The manual's general contexts, and its auxiliary modes (which the manual puts in ``context``).
PLOVER_CONTEXTS = frozenset(
    {
        "military", "intelligence", "executive", "legislative", "election", "political_institutions",
        "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
        "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
        "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
        "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
        "illegal_drugs", "trafficking",
    }
)  # fmt: skip
AUXILIARY_MODES = frozenset({"historical", "future", "hypothetical", "negation"})

#: hadath's modes that the manual names otherwise, by event type: (type, hadath mode) -> the manual's mode.
#: A hadath mode that is the manual's for its type passes as it is; any other is dropped from ``mode``.
MODE_MAP: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("REQUEST", "invite"): "meet",  # an invitation asks for a meeting
        ("ACCUSE", "condemn"): "disapprove",  # the manual: "express disapproval; condemn; complain"
        ("ACCUSE", "sue"): "allege",  # "sue, indict, or charge"
        ("ACCUSE", "blame"): "allege",  # "formally or informally accuse"
        ("THREATEN", "military"): "violence",
        ("PROTEST", "march"): "demo",
        ("SANCTION", "embargo"): "discontinue",  # "international sanctions are coded as discontinue"
        ("SANCTION", "freeze"): "discontinue",
        ("SANCTION", "ban"): "discontinue",
        ("SANCTION", "recall"): "withdraw",  # "withdraw ... diplomats"
        ("COERCE", "raid"): "seize",  # "execute search, confiscate property, raid"
        ("COERCE", "detain"): "arrest",
        ("ASSAULT", "assassinate"): "targeted",
        ("ASSAULT", "suicide"): "suicide-attack",
        ("ASSAULT", "stab"): "primitive",  # "edged weapons"
        ("ASSAULT", "missile"): "heavy-weapons",  # "artillery, rocket launchers"
        ("ASSAULT", "cbrn"): "unconventional",
    }
)

#: hadath's modes of types the manual gives no mode that say what a cooperation or aid is about: its context.
MODE_CONTEXT: Mapping[tuple[str, str], str] = MappingProxyType(
    {
        ("COOPERATE", "economic"): "economic",
        ("COOPERATE", "military"): "military",
        ("COOPERATE", "intelligence"): "intelligence",
        ("COOPERATE", "judicial"): "legal",
        ("AID", "economic"): "economic",
        ("AID", "military"): "military",
        ("AID", "humanitarian"): "human_security",
        ("AID", "asylum"): "asylum",
        ("AID", "medical"): "health",
        ("ASSAULT", "cbrn"): "cbrn",
    }
)

#: hadath's contexts the manual names otherwise; a hadath context neither here nor in the manual is dropped
#: (``political``, ``media``, ``pro_government``, ``anti_government``: the manual has no such general context).
CONTEXT_MAP: Mapping[str, str] = MappingProxyType(
    {
        "elections": "election",
        "religion": "religion_ethnicity",
        "refugees": "migration",
        "resources": "natural_resource",
        "humanitarian": "human_security",
    }
)


def plover_mode(event_type: str, mode: str | None) -> str | None:
    """The manual's mode for hadath's ``mode`` of an ``event_type`` event, or ``None`` when it has none."""
    if mode is None:
        return None
    if mode in PLOVER_MODES.get(event_type, ()):
        return mode
    return MODE_MAP.get((event_type, mode))


def plover_contexts(event_type: str, mode: str | None, contexts: list[str]) -> list[str]:
    """The manual's contexts for hadath's ``contexts`` (and the context a mode implies), in order, once each."""
    out: list[str] = []
    if mode is not None and (event_type, mode) in MODE_CONTEXT:
        out.append(MODE_CONTEXT[(event_type, mode)])
    for c in contexts:
        mapped = c if c in PLOVER_CONTEXTS else CONTEXT_MAP.get(c)
        if mapped is not None:
            out.append(mapped)
    return list(dict.fromkeys(out))


def entity(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    """An actor as the manual's list of entity objects (empty when the event has no such side): ``code``,
    ``sector``, ``entity_text``, ``identifier_id`` (hadath's entity id: hadath has no Wikidata ids yet),
    ``identifier_text`` (the canonical English name) and ``office`` (the role); unknown fields are left out."""
    if not actor:
        return []
    fields = {
        "code": actor.get("country") or actor.get("org"),
        "sector": actor.get("sector"),
        "entity_text": actor.get("text"),
        "identifier_id": actor.get("entity_id"),
        "identifier_text": actor.get("name"),
        "office": actor.get("role"),
    }
    return [{k: v for k, v in fields.items() if v is not None}]


#: Level of a gazetteer place (the manual's ``resolution``: 1 country, 2 province, 4 city).
RESOLUTION = MappingProxyType({"country": 1, "region": 2, "capital": 4, "city": 4})


def event_loc(loc: dict[str, Any] | None, place_kind: str | None, country_name: str | None) -> dict[str, Any] | None:
    """The manual's location object: ``extracted_place`` (the Arabic text), ``resolved_place`` (the English name
    of the town, region or state), ``geonameid``, ``lat``, ``lon``, ``city`` or ``province`` (by the place's
    kind), ``country`` (English), ``country_code`` (ISO alpha-3) and ``resolution``; unknown fields left out."""
    if loc is None:
        return None
    kind = place_kind
    resolved = loc.get("place") or (country_name if kind == "country" else None)
    fields: dict[str, Any] = {
        "extracted_place": loc.get("text"),
        "resolved_place": resolved,
        "geonameid": loc.get("geonames_id"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "city": loc.get("place") if kind in ("capital", "city") else None,
        "province": loc.get("place") if kind == "region" else None,
        "country": country_name,
        "country_code": loc.get("country"),
        "resolution": RESOLUTION.get(kind) if kind else None,
    }
    return {k: v for k, v in fields.items() if v is not None}
