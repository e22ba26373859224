"""Generate hadath's country resources from pycountry, babel (CLDR) and the curated lists below.

Writes ``src/hadath/resources/countries.tsv`` and ``src/hadath/resources/country_forms.tsv`` in the
formats described in ``src/hadath/resources/README.md``, then reads them back and checks them.

Run from the repository root::

    python tools/build_countries.py

The output is deterministic (sorted). To change a form, edit the lists in this script and re-run it:
the TSV files are overwritten.
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pycountry
from babel import Locale
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "src" / "hadath" / "resources"
COUNTRIES_TSV = RESOURCES / "countries.tsv"
FORMS_TSV = RESOURCES / "country_forms.tsv"

COUNTRIES_HEADER = ("iso3", "iso2", "status", "name_en")
FORMS_HEADER = ("iso3", "kind", "form", "origin")
STATUSES = ("member", "observer", "territory")
KINDS = ("name", "demonym", "capital")  # also the sort order of the rows of one country
ORIGINS = ("cldr", "curated")

# --------------------------------------------------------------------------------------------------
# Which states and territories
# --------------------------------------------------------------------------------------------------

# The 193 UN member states (ISO 3166-1 alpha-3).
_UN_MEMBER_CODES = """
    AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA
    BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK
    DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY
    HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO
    LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ
    MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY
    QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR TCD
    TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT WSM YEM ZAF ZMB
    ZWE
"""
UN_MEMBERS: frozenset[str] = frozenset(_UN_MEMBER_CODES.split())

# UN General Assembly non-member observer states.
OBSERVERS: frozenset[str] = frozenset({"PSE", "VAT"})

# Territories that are named as such in political news. Gibraltar (جبل طارق) is left out on
# purpose: the form mostly occurs in مضيق جبل طارق (the strait), not for the territory.
TERRITORIES: frozenset[str] = frozenset(
    {"ESH", "FLK", "FRO", "GRL", "GUM", "HKG", "MAC", "NCL", "PRI", "PYF", "TWN", "XKX"}
)

# Codes that ISO 3166-1 does not assign (user-assigned range): iso3 -> (iso2, CLDR territory code).
NON_ISO: dict[str, tuple[str, str]] = {"XKX": ("XK", "XK")}

# Short common English names where pycountry's (official or ISO) name is awkward for an actor name.
NAME_EN: dict[str, str] = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "DR Congo",
    "COG": "Congo",
    "CPV": "Cape Verde",
    "FLK": "Falkland Islands",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PRK": "North Korea",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TUR": "Turkey",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VAT": "Holy See",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "XKX": "Kosovo",
}

# --------------------------------------------------------------------------------------------------
# Names (kind "name")
# --------------------------------------------------------------------------------------------------

# CLDR names that are not written because they clash with a common Arabic word or with another
# place; the state keeps its curated longer forms (CURATED_NAMES) instead.
CLDR_NAME_EXCLUDED: dict[str, str] = {
    "MLI": "مالي",  # also the adjective مالي "financial" / "my money": keep only جمهورية مالي
    "BEN": "بنين",  # also بنين "sons, boys" (مدرسة بنين): keep only جمهورية بنين
    "BTN": "بوتان",  # also بوتان "butane" (غاز البوتان): keep only مملكة بوتان
}

# Official names and the forms used in news, added by hand. The CLDR name is added automatically
# (unless excluded above); repeating it here is harmless (rows are deduplicated).
CURATED_NAMES: dict[str, tuple[str, ...]] = {
    # Arab League
    "ARE": ("الإمارات", "الإمارات العربية المتحدة", "دولة الإمارات", "دولة الإمارات العربية المتحدة"),
    "BHR": ("البحرين", "مملكة البحرين"),
    "COM": ("جزر القمر", "اتحاد جزر القمر", "جمهورية القمر المتحدة"),
    "DJI": ("جيبوتي", "جمهورية جيبوتي"),
    "DZA": ("الجزائر", "الجمهورية الجزائرية", "الجمهورية الجزائرية الديمقراطية الشعبية"),
    "EGY": ("مصر", "جمهورية مصر العربية"),
    "IRQ": ("العراق", "جمهورية العراق"),
    "JOR": ("الأردن", "المملكة الأردنية الهاشمية", "المملكة الأردنية"),
    "KWT": ("الكويت", "دولة الكويت"),
    "LBN": ("لبنان", "الجمهورية اللبنانية"),
    "LBY": ("ليبيا", "دولة ليبيا"),
    "MAR": ("المغرب", "المملكة المغربية"),
    "MRT": ("موريتانيا", "الجمهورية الإسلامية الموريتانية"),
    "OMN": ("عمان", "سلطنة عمان"),
    "PSE": ("فلسطين", "دولة فلسطين"),
    "QAT": ("قطر", "دولة قطر"),
    "SAU": ("السعودية", "المملكة العربية السعودية"),
    "SDN": ("السودان", "جمهورية السودان"),
    "SOM": ("الصومال", "جمهورية الصومال", "جمهورية الصومال الفيدرالية"),
    "SYR": ("سوريا", "سورية", "الجمهورية العربية السورية"),
    "TUN": ("تونس", "الجمهورية التونسية"),
    "YEM": ("اليمن", "الجمهورية اليمنية"),
    # Region and permanent members of the Security Council
    "CHN": ("الصين", "جمهورية الصين الشعبية", "الصين الشعبية"),
    "FRA": ("فرنسا", "الجمهورية الفرنسية"),
    "GBR": ("المملكة المتحدة", "بريطانيا", "بريطانيا العظمى"),
    "IRN": ("إيران", "الجمهورية الإسلامية الإيرانية"),
    "ISR": ("إسرائيل", "دولة إسرائيل"),
    "RUS": ("روسيا", "روسيا الاتحادية", "الاتحاد الروسي"),
    "TUR": ("تركيا", "تركية", "الجمهورية التركية"),
    "USA": (
        "الولايات المتحدة",
        "الولايات المتحدة الأمريكية",
        "الولايات المتحدة الأميركية",
        "أمريكا",
        "أميركا",
    ),
    # Other states frequent in Arabic news
    "AFG": ("أفغانستان", "إمارة أفغانستان الإسلامية"),
    "BEN": ("جمهورية بنين",),
    "BGD": ("بنغلاديش", "بنغلادش"),
    "BIH": ("البوسنة والهرسك", "البوسنة"),
    "BLR": ("بيلاروس", "روسيا البيضاء"),
    "BTN": ("مملكة بوتان",),
    # أفريقيا الوسطى alone is the region (دول أفريقيا الوسطى): only the full name.
    "CAF": ("جمهورية أفريقيا الوسطى",),
    "CIV": ("ساحل العاج", "كوت ديفوار"),
    "COD": ("جمهورية الكونغو الديمقراطية", "الكونغو الديمقراطية", "الكونغو كينشاسا"),
    "COG": ("جمهورية الكونغو", "الكونغو برازافيل"),
    "CPV": ("الرأس الأخضر", "كابو فيردي"),
    "CZE": ("التشيك", "جمهورية التشيك"),
    "DEU": ("ألمانيا", "جمهورية ألمانيا الاتحادية"),
    "DNK": ("الدنمارك", "الدانمرك"),
    "DOM": ("جمهورية الدومينيكان", "الدومينيكان"),
    "ERI": ("إريتريا", "إرتريا"),
    "ETH": ("إثيوبيا", "جمهورية إثيوبيا الفيدرالية الديمقراطية"),
    "HUN": ("هنغاريا", "المجر"),
    "IND": ("الهند", "جمهورية الهند"),
    "ITA": ("إيطاليا", "الجمهورية الإيطالية"),
    "JPN": ("اليابان",),
    "KGZ": ("قيرغيزستان", "قرغيزستان"),
    "KOR": ("كوريا الجنوبية", "جمهورية كوريا"),
    "LKA": ("سريلانكا", "سري لانكا"),
    "MDA": ("مولدوفا", "مولدافيا"),
    "MDV": ("جزر المالديف", "المالديف"),
    "MKD": ("مقدونيا الشمالية", "مقدونيا"),
    "MLI": ("جمهورية مالي",),
    "MMR": ("ميانمار", "بورما"),
    "NZL": ("نيوزيلندا", "نيوزيلاندا"),
    "PAK": ("باكستان", "جمهورية باكستان الإسلامية"),
    "PRK": ("كوريا الشمالية", "جمهورية كوريا الديمقراطية الشعبية"),
    "SSD": ("جنوب السودان", "دولة جنوب السودان"),
    "SWZ": ("إسواتيني", "سوازيلاند"),
    "THA": ("تايلاند", "تايلندا"),
    "TLS": ("تيمور الشرقية", "تيمور ليشتي"),
    "UKR": ("أوكرانيا",),
    # Observers and territories
    "GRL": ("غرينلاند", "جرينلاند"),
    "HKG": ("هونغ كونغ", "هونج كونج"),
    "MAC": ("ماكاو",),
    "PRI": ("بورتوريكو", "بورتو ريكو"),
    "VAT": ("الفاتيكان", "دولة الفاتيكان", "حاضرة الفاتيكان", "الكرسي الرسولي"),
    "XKX": ("كوسوفو",),
}

# --------------------------------------------------------------------------------------------------
# Demonyms (kind "demonym")
# --------------------------------------------------------------------------------------------------

# Curated nisba stems: the masculine singular without ال (one or more words, each ending in ي).
# Each stem is expanded to masc/fem/plural with and without ال (see nisba_forms).
CURATED_DEMONYM_STEMS: dict[str, tuple[str, ...]] = {
    # Arab League
    "ARE": ("إماراتي",),
    "BHR": ("بحريني",),
    "COM": ("قمري",),  # singular forms excluded below: قمري is also "lunar"
    "DJI": ("جيبوتي",),
    "DZA": ("جزائري",),
    "EGY": ("مصري",),
    "IRQ": ("عراقي",),
    "JOR": ("أردني",),
    "KWT": ("كويتي",),
    "LBN": ("لبناني",),
    "LBY": ("ليبي",),
    "MAR": ("مغربي",),
    "MRT": ("موريتاني",),
    "OMN": ("عماني",),
    "PSE": ("فلسطيني",),
    "QAT": ("قطري",),
    "SAU": ("سعودي",),
    "SDN": ("سوداني",),
    "SOM": ("صومالي",),
    "SYR": ("سوري",),
    "TUN": ("تونسي",),
    "YEM": ("يمني",),
    # Region and P5
    "CHN": ("صيني",),
    "FRA": ("فرنسي",),
    "GBR": ("بريطاني",),
    "IRN": ("إيراني",),
    "ISR": ("إسرائيلي",),
    "RUS": ("روسي",),
    "TUR": ("تركي",),  # bare تركي excluded below: a common Saudi given name (تركي الفيصل)
    "USA": ("أمريكي", "أميركي"),
    # Others: frequent in news, or irregular (the generic rule would be wrong or silent)
    "AFG": ("أفغاني",),
    "AUS": ("أسترالي",),
    "AUT": ("نمساوي",),
    "BEL": ("بلجيكي",),
    "BFA": ("بوركيني",),
    "BIH": ("بوسني",),
    "BRA": ("برازيلي",),
    "CAN": ("كندي",),
    "CHE": ("سويسري",),
    "CHL": ("تشيلي",),  # the rule skips names ending in ي; here the demonym equals the name
    "CIV": ("إيفواري",),
    "CYP": ("قبرصي",),
    "DEU": ("ألماني",),
    "DNK": ("دنماركي", "دانماركي"),
    "DOM": ("دومينيكاني",),
    "ESP": ("إسباني",),
    "ETH": ("إثيوبي",),
    "GRC": ("يوناني",),
    "HTI": ("هايتي",),
    "HUN": ("هنغاري",),  # not مجري: المجرى "the course" folds to المجري
    "IDN": ("إندونيسي",),
    "IND": ("هندي",),
    "ITA": ("إيطالي",),
    "JPN": ("ياباني",),
    "KOR": ("كوري جنوبي",),
    "MDV": ("مالديفي",),
    "MKD": ("مقدوني",),
    "NLD": ("هولندي",),
    "NZL": ("نيوزيلندي",),
    "PAK": ("باكستاني",),
    "PER": ("بيروفي",),
    "PRI": ("بورتوريكي",),
    "PRK": ("كوري شمالي",),
    "ROU": ("روماني",),  # singular forms excluded below: روماني is also "Roman"
    "SWE": ("سويدي",),
    "TGO": ("توغولي",),
    "TWN": ("تايواني",),
    "UKR": ("أوكراني",),
    "VAT": ("فاتيكاني",),
    "XKX": ("كوسوفي",),
    "ZWE": ("زيمبابوي",),
}

# Curated demonyms that are not regular nisba forms: broken plurals and compound forms.
CURATED_DEMONYM_FORMS: dict[str, tuple[str, ...]] = {
    "AFG": ("الأفغان",),
    "ALB": ("الألبان",),
    "DEU": ("الألمان",),
    "ESP": ("الإسبان",),
    "RUS": ("الروس",),
    "SSD": ("الجنوب سوداني", "الجنوب سودانية", "الجنوب سودانيين", "الجنوب سودانيون"),
    "TUR": ("الأتراك", "أتراك"),
    "USA": ("الأمريكان", "الأميركان"),
    # "جنوب أفريقي" without ال is left out: it also means "southern African" (region).
    "ZAF": ("الجنوب أفريقي", "الجنوب أفريقية", "الجنوب أفريقيين", "الجنوب أفريقيون"),
}

# No demonym at all for these states (neither curated nor generated).
DEMONYM_EXCLUDED_STATES: dict[str, str] = {
    "MLI": "مالي/المالي/مالية/الماليين: 'financial', 'finance', 'financiers'",
}

# Single forms never written, with the reason (they clash with common words or names).
DEMONYM_EXCLUDED_FORMS: dict[str, str] = {
    "تركي": "Saudi given name Turki (تركي الفيصل، تركي آل الشيخ)",
    "قمري": "lunar (التقويم القمري)",
    "القمري": "lunar",
    "قمرية": "lunar (السنة القمرية)",
    "القمرية": "lunar",
    "روماني": "Roman",
    "الروماني": "Roman (القانون الروماني، المسرح الروماني)",
    "رومانية": "Roman",
    "الرومانية": "Roman (الإمبراطورية الرومانية)",
}

# States without a curated stem get a demonym from their CLDR name by a suffix rule (see
# generated_stem); these are the ones where the rule gives a wrong or doubtful form.
GENERIC_DEMONYM_SKIPPED: dict[str, str] = {
    "WSM": "ساموي: doubtful form",
}

# --------------------------------------------------------------------------------------------------
# Capitals (kind "capital")
# --------------------------------------------------------------------------------------------------

# Capitals (or seats of government) used for a government in news. Left out on purpose:
#   الكويت، تونس، الجزائر، جيبوتي، سنغافورة، بنما، غواتيمالا، ...: identical to the country name;
#   عمان (Amman): same as عمان (Oman) once the shadda is dropped;
#   طرابلس: Libya's and Lebanon's Tripoli;
#   بروكسل: seat of the EU and NATO more often than Belgium;
#   القدس: status contested and mostly the place of events, not a government;
#   سيول (Seoul): also "floods"; ليما (Lima): also لما; كيف (Kyiv variant): also "how";
#   برن، صوفيا، سانتياغو: clash with words, names or other places; عدن: also "Eden".
CAPITALS: dict[str, tuple[str, ...]] = {
    "AFG": ("كابول",),
    "AGO": ("لواندا",),
    "ALB": ("تيرانا",),
    "ARE": ("أبوظبي", "أبو ظبي"),
    "ARG": ("بوينس آيرس",),
    "ARM": ("يريفان",),
    "AUS": ("كانبيرا",),
    "AUT": ("فيينا",),
    "AZE": ("باكو",),
    "BHR": ("المنامة",),
    "BIH": ("سراييفو",),
    "BLR": ("مينسك",),
    "BRA": ("برازيليا",),
    "CAF": ("بانغي",),
    "CAN": ("أوتاوا",),
    "CHN": ("بكين",),
    "COD": ("كينشاسا",),
    "COL": ("بوغوتا",),
    "COM": ("موروني",),
    "CUB": ("هافانا",),
    "CYP": ("نيقوسيا",),
    "CZE": ("براغ",),
    "DEU": ("برلين",),
    "DNK": ("كوبنهاغن",),
    "DZA": ("الجزائر العاصمة",),
    "EGY": ("القاهرة",),
    "ERI": ("أسمرة",),
    "ESP": ("مدريد",),
    "ETH": ("أديس أبابا",),
    "FIN": ("هلسنكي",),
    "FRA": ("باريس",),
    "GBR": ("لندن",),
    "GEO": ("تبليسي",),
    "GHA": ("أكرا",),
    "GRC": ("أثينا",),
    "HRV": ("زغرب",),
    "HUN": ("بودابست",),
    "IDN": ("جاكرتا",),
    "IND": ("نيودلهي", "نيو دلهي"),
    "IRL": ("دبلن",),
    "IRN": ("طهران",),
    "IRQ": ("بغداد",),
    "ISR": ("تل أبيب",),
    "ITA": ("روما",),
    "JPN": ("طوكيو",),
    "KAZ": ("أستانا",),
    "KEN": ("نيروبي",),
    "KGZ": ("بيشكيك",),
    "KWT": ("مدينة الكويت",),
    "LBN": ("بيروت",),
    "LTU": ("فيلنيوس",),
    "LVA": ("ريغا",),
    "MAR": ("الرباط",),
    "MDA": ("كيشيناو",),
    "MKD": ("سكوبيي",),
    "MLI": ("باماكو",),
    "MNE": ("بودغوريتسا",),
    "MOZ": ("مابوتو",),
    "MRT": ("نواكشوط",),
    "MYS": ("كوالالمبور",),
    "NER": ("نيامي",),
    "NGA": ("أبوجا",),
    "NIC": ("ماناغوا",),
    "NOR": ("أوسلو",),
    "NPL": ("كاتماندو",),
    "NZL": ("ويلينغتون",),
    "OMN": ("مسقط",),
    "PAK": ("إسلام آباد",),
    "PHL": ("مانيلا",),
    "POL": ("وارسو",),
    "PRK": ("بيونغ يانغ", "بيونغيانغ"),
    "PRT": ("لشبونة",),
    "PSE": ("رام الله",),
    "QAT": ("الدوحة",),
    "ROU": ("بوخارست",),
    "RUS": ("موسكو",),
    "RWA": ("كيغالي",),
    "SAU": ("الرياض",),
    "SDN": ("الخرطوم",),
    "SEN": ("داكار",),
    "SOM": ("مقديشو",),
    "SRB": ("بلغراد",),
    "SSD": ("جوبا",),
    "SWE": ("ستوكهولم",),
    "SYR": ("دمشق",),
    "TCD": ("أنجامينا", "نجامينا"),
    "THA": ("بانكوك",),
    "TJK": ("دوشنبه",),
    "TUN": ("تونس العاصمة",),
    "TUR": ("أنقرة",),
    "TWN": ("تايبيه",),
    "UGA": ("كمبالا",),
    "UKR": ("كييف",),
    "USA": ("واشنطن",),
    "UZB": ("طشقند",),
    "VEN": ("كاراكاس",),
    "VNM": ("هانوي",),
    "XKX": ("بريشتينا",),
    "YEM": ("صنعاء",),
    "ZAF": ("بريتوريا",),
    "ZMB": ("لوساكا",),
    "ZWE": ("هراري",),
}

# --------------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------------

# Harakat, shadda, sukun, dagger alif, Quranic marks and tatweel.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Folding used only to detect clashes and near-duplicates (at least as strong as the normalizer).
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def clean(form: str) -> str:
    """Strip diacritics, parenthesized glosses and CLDR's " - " separators; collapse spaces."""
    form = _DIACRITICS.sub("", form)
    form = re.sub(r"\([^)]*\)", " ", form)
    form = form.replace(" - ", " ").replace("-", " ")
    return " ".join(form.split())


def fold(form: str) -> str:
    """Key under which two spellings count as the same form (hamza, ى/ي, ة/ه folded)."""
    return clean(form).translate(_FOLD)


def nisba_forms(stem: str) -> list[str]:
    """Masc/fem/plural forms, without and with ال, of a nisba stem ("سوري", "كوري جنوبي")."""
    words = stem.split()
    if not all(word.endswith("ي") for word in words):
        raise ValueError(f"nisba stem must end in ي: {stem!r}")
    forms = []
    for suffix in ("", "ة", "ون", "ين"):
        forms.append(" ".join(word + suffix for word in words))
        forms.append(" ".join("ال" + word + suffix for word in words))
    return forms


def generated_stem(name: str) -> str | None:
    """Nisba stem derived from a one-word CLDR name, or None where no reliable rule applies.

    سوريا -> سوري, فرنسا -> فرنسي, سنغافورة -> سنغافوري, البرازيل -> برازيلي; names ending in و, ي,
    ى or a long vowel spelled otherwise (توغو، بيرو، تشيلي، هايتي) and multi-word names get nothing.
    """
    if " " in name:
        return None
    base = name.removeprefix("ال")
    if base.endswith(("و", "ي", "ى", "اء")):
        return None
    if base.endswith("يا"):
        return base[:-1]
    if base.endswith(("ا", "ة")):
        return base[:-1] + "ي"
    return base + "ي"


# --------------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Country:
    iso3: str
    iso2: str
    status: str
    name_en: str


@dataclass(frozen=True)
class Form:
    iso3: str
    kind: str
    form: str
    origin: str

    def sort_key(self) -> tuple[str, int, str]:
        return (self.iso3, KINDS.index(self.kind), self.form)


def build_countries() -> list[Country]:
    assert len(UN_MEMBERS) == 193, len(UN_MEMBERS)
    assert not (UN_MEMBERS & OBSERVERS or UN_MEMBERS & TERRITORIES or OBSERVERS & TERRITORIES)
    countries = []
    for iso3 in sorted(UN_MEMBERS | OBSERVERS | TERRITORIES):
        status = "member" if iso3 in UN_MEMBERS else "observer" if iso3 in OBSERVERS else "territory"
        record = pycountry.countries.get(alpha_3=iso3)
        if record is not None:
            iso2 = record.alpha_2
            default = getattr(record, "common_name", None) or record.name
        else:
            iso2 = NON_ISO[iso3][0]
            default = ""
        name_en = NAME_EN.get(iso3, default)
        assert name_en and not re.search(r"[,()]", name_en), (iso3, name_en)
        countries.append(Country(iso3, iso2, status, name_en))
    return countries


def cldr_names(countries: Iterable[Country]) -> dict[str, str]:
    """Cleaned Arabic CLDR name of each country."""
    territories = Locale("ar").territories
    names = {}
    for country in countries:
        code = NON_ISO[country.iso3][1] if country.iso3 in NON_ISO else country.iso2
        names[country.iso3] = clean(territories[code])
    return names


def build_forms(countries: list[Country]) -> list[Form]:
    known = {country.iso3 for country in countries}
    for table in (CURATED_NAMES, CURATED_DEMONYM_STEMS, CURATED_DEMONYM_FORMS, CAPITALS):
        unknown = set(table) - known
        assert not unknown, f"unknown iso3 in curated table: {sorted(unknown)}"

    cldr = cldr_names(countries)
    candidates: list[Form] = []
    for iso3, name in cldr.items():
        if CLDR_NAME_EXCLUDED.get(iso3) != name:
            candidates.append(Form(iso3, "name", name, "cldr"))
    for iso3, names in CURATED_NAMES.items():
        candidates += [Form(iso3, "name", clean(name), "curated") for name in names]

    for country in countries:
        iso3 = country.iso3
        if iso3 in DEMONYM_EXCLUDED_STATES:
            continue
        if iso3 in CURATED_DEMONYM_STEMS:
            for curated_stem in CURATED_DEMONYM_STEMS[iso3]:
                candidates += [Form(iso3, "demonym", f, "curated") for f in nisba_forms(curated_stem)]
        elif iso3 not in GENERIC_DEMONYM_SKIPPED and (stem := generated_stem(cldr[iso3])):
            candidates += [Form(iso3, "demonym", f, "cldr") for f in nisba_forms(stem)]
        for extra in CURATED_DEMONYM_FORMS.get(iso3, ()):
            candidates.append(Form(iso3, "demonym", clean(extra), "curated"))

    for iso3, capitals in CAPITALS.items():
        candidates += [Form(iso3, "capital", clean(capital), "curated") for capital in capitals]

    # Keep the first spelling of each (iso3, kind, folded form): CLDR rows come first, so a curated
    # repeat of a CLDR name is dropped and the row keeps origin "cldr".
    forms: list[Form] = []
    seen: set[tuple[str, str, str]] = set()
    for form in candidates:
        if not form.form or (form.kind == "demonym" and form.form in DEMONYM_EXCLUDED_FORMS):
            continue
        key = (form.iso3, form.kind, fold(form.form))
        if key not in seen:
            seen.add(key)
            forms.append(form)

    # One folded form must name one country only (it may be a name and a demonym of that country,
    # e.g. سورية, جيبوتي).
    owners: defaultdict[str, set[str]] = defaultdict(set)
    for form in forms:
        owners[fold(form.form)].add(form.iso3)
    clashes = {key: sorted(iso3s) for key, iso3s in owners.items() if len(iso3s) > 1}
    assert not clashes, f"forms naming two countries: {clashes}"

    # Every excluded form must really be absent (guards against a typo in the exclusion lists).
    written = {fold(form.form) for form in forms}
    for excluded in list(DEMONYM_EXCLUDED_FORMS) + list(CLDR_NAME_EXCLUDED.values()):
        assert fold(excluded) not in written, excluded
    return sorted(forms, key=Form.sort_key)


# --------------------------------------------------------------------------------------------------
# Write and check
# --------------------------------------------------------------------------------------------------


def header_comment(what: str) -> list[str]:
    pycountry_version = importlib.metadata.version("pycountry")
    babel_version = importlib.metadata.version("babel")
    return [
        f"# {what}",
        f"# Generated by tools/build_countries.py from pycountry {pycountry_version} and babel "
        f"{babel_version} (CLDR {get_cldr_version()}),",
        "# then curated: the curated lists (forms with origin 'curated', exclusions of ambiguous forms,",
        "# English names) live in that script. Edit the script and re-run it rather than this file.",
    ]


def write_tsv(path: Path, comments: list[str], header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    lines = comments + ["\t".join(header)] + ["\t".join(row) for row in rows]
    for line in lines:
        assert "\n" not in line and "\r" not in line, line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_tsv(path: Path, header: tuple[str, ...]) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    found = next(reader)
    assert tuple(found) == header, f"{path.name}: header {found}"
    rows = []
    for number, row in enumerate(reader, start=2):
        assert len(row) == len(header), f"{path.name}: row {number} has {len(row)} cells: {row}"
        assert all(cell == cell.strip() for cell in row), f"{path.name}: row {number} has spaces"
        rows.append(dict(zip(header, row, strict=True)))
    return rows


def check() -> None:
    """Read both files back, validate them and print counts."""
    countries = read_tsv(COUNTRIES_TSV, COUNTRIES_HEADER)
    forms = read_tsv(FORMS_TSV, FORMS_HEADER)

    iso3s = [row["iso3"] for row in countries]
    assert len(iso3s) == len(set(iso3s)), "duplicate iso3 in countries.tsv"
    for row in countries:
        assert re.fullmatch(r"[A-Z]{3}", row["iso3"]) and re.fullmatch(r"[A-Z]{2}", row["iso2"]), row
        assert row["status"] in STATUSES and row["name_en"], row
    iso2s = [row["iso2"] for row in countries]
    assert len(iso2s) == len(set(iso2s)), "duplicate iso2 in countries.tsv"

    keys = [(row["iso3"], row["kind"], row["form"]) for row in forms]
    assert len(keys) == len(set(keys)), "duplicate (iso3, kind, form)"
    for row in forms:
        assert row["iso3"] in set(iso3s), row
        assert row["kind"] in KINDS and row["origin"] in ORIGINS and row["form"], row
        assert re.fullmatch(r"[\u0621-\u064a ]+", row["form"]), f"non-letter in form: {row}"

    without_name = sorted(set(iso3s) - {row["iso3"] for row in forms if row["kind"] == "name"})
    without_demonym = sorted(set(iso3s) - {row["iso3"] for row in forms if row["kind"] == "demonym"})
    status_counts = Counter(row["status"] for row in countries)
    print(f"countries.tsv: {len(countries)} rows: {dict(sorted(status_counts.items()))}")
    print(f"country_forms.tsv: {len(forms)} rows")
    for kind in KINDS:
        rows = [row for row in forms if row["kind"] == kind]
        origins = Counter(row["origin"] for row in rows)
        covered = len({row["iso3"] for row in rows})
        print(f"  {kind}: {len(rows)} forms for {covered} countries, by origin {dict(sorted(origins.items()))}")
    print(f"countries without a name form: {without_name or 'none'}")
    print(f"countries without a demonym ({len(without_demonym)}): {' '.join(without_demonym)}")


def main() -> int:
    countries = build_countries()
    forms = build_forms(countries)
    write_tsv(
        COUNTRIES_TSV,
        header_comment("Countries: UN member states, UN observer states and commonly named territories."),
        COUNTRIES_HEADER,
        [(c.iso3, c.iso2, c.status, c.name_en) for c in countries],
    )
    write_tsv(
        FORMS_TSV,
        header_comment("Arabic forms of country names, demonyms and capitals."),
        FORMS_HEADER,
        [(f.iso3, f.kind, f.form, f.origin) for f in forms],
    )
    check()
    return 0


if __name__ == "__main__":
    sys.exit(main())
