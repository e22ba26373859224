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

#: PLOVER modes (by event type) and the few extra modes hadath uses (``host`` is not used: CAMEO 043 carries it).
MODES_BY_TYPE: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "AGREE": frozenset({"sign", "ceasefire", "settle"}),
    "SUPPORT": frozenset({"praise", "endorse", "condole"}),
    "CONCEDE": frozenset({"release", "ceasefire", "disarm", "policy", "return", "apologize", "resign"}),
    "COOPERATE": frozenset({"economic", "military", "security", "judicial", "intelligence"}),
    "AID": frozenset({"economic", "military", "humanitarian", "asylum", "medical"}),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "lift", "resign", "access"}),
    "REQUEST": frozenset({"appeal", "demand", "invite"}),
    "ACCUSE": frozenset({"disapprove", "condemn", "allege", "investigate", "sue", "blame"}),
    "REJECT": frozenset({"refuse", "veto", "deny", "defy"}),
    "THREATEN": frozenset({"ultimatum", "military", "sanction", "warn"}),
    "PROTEST": frozenset(
        {"demo", "march", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize", "self-harm"}
    ),
    "SANCTION": frozenset({"expel", "withdraw", "discontinue", "ban", "embargo", "freeze", "recall"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia", "alert"}),
    "COERCE": frozenset({"seize", "restrict", "arrest", "deport", "censor", "curfew", "raid", "demolish", "detain"}),
    "ASSAULT": frozenset(
        {
            "beat", "firearms", "explosives", "aerial", "drone", "heavy-weapons", "cbrn", "abduct", "sexual",
            "suicide", "assassinate", "stab", "missile",
        }
    ),
}  # fmt: skip
MODES = frozenset(m for modes in MODES_BY_TYPE.values() for m in modes)
