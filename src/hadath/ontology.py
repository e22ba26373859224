"""The PLOVER/CAMEO code sets hadath speaks (codes, not words: the Arabic lives in ``resources/``)."""

from __future__ import annotations

EVENT_TYPES = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip

#: Types whose source and target are compared as an unordered pair.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})

SECTORS = frozenset(
    {
        "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "JRN",
        "REL", "EDU", "LAB", "REF", "CRM", "UAF", "ELI", "AGR", "UNK", "IGO", "NGO",
    }
)  # fmt: skip

CONTEXTS = frozenset(
    {
        "diplomatic", "military", "economic", "political", "human_security", "humanitarian",
        "legal", "cyber", "environment", "health", "terrorism", "territory", "resources",
        "migration", "pro_government", "anti_government", "elections", "gender", "religion",
        "media", "intelligence", "crime", "refugees", "technology",
    }
)  # fmt: skip

MODES = frozenset(
    {
        # CONSULT
        "visit", "third-party", "multilateral", "phone", "host",
        # PROTEST
        "demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize",
        # ASSAULT
        "aerial", "drone", "firearms", "explosives", "heavy-weapons", "abduct", "beat", "sexual", "cbrn",
        "suicide", "assassination",
        # SANCTION / COERCE / others
        "expel", "withdraw", "discontinue", "embargo", "freeze", "arrest", "seize", "censor", "curfew",
        "deport", "ban", "sign", "praise", "endorse", "ceasefire", "release", "military", "economic",
        "humanitarian", "diplomatic", "political", "material", "policy", "ultimatum",
    }
)  # fmt: skip
