"""The gazetteer as data: places.tsv, place_stopwords.tsv, months.tsv, date_words.tsv and their loaders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hadath.errors import ResourceError
from hadath.lang.ar.normalize import normalize
from hadath.lexicon.lexicons import Lexicons, default_resource_dir, load_lexicons

ARAB_STATES = ["BHR", "SAU", "ARE", "QAT", "KWT", "OMN", "JOR", "EGY", "LBN", "SYR", "IRQ", "PSE", "YEM", "SDN",
               "LBY", "TUN", "DZA", "MAR", "MRT"]  # fmt: skip
DATELINES = (
    "المنامة الرياض أبوظبي الدوحة مسقط عمّان القاهرة بيروت دمشق بغداد غزة رفح الخرطوم طرابلس الرباط نواكشوط صنعاء عدن"
)


def test_gazetteer_has_two_thousand_towns_with_arabic_names(lexicons: Lexicons) -> None:
    towns = {pf.place.id for pf in lexicons.places if pf.place.kind == "city"}
    assert len(towns) >= 2000


def test_every_arab_state_has_its_geonames_id_and_capital(lexicons: Lexicons) -> None:
    for iso3 in ARAB_STATES:
        assert lexicons.country_places[iso3].geonames_id is not None, iso3
        capitals = [pf for pf in lexicons.places if pf.place.country == iso3 and pf.place.kind == "capital"]
        assert capitals, iso3


@pytest.mark.parametrize("name", [*DATELINES.split(), "رام الله", "خان يونس"])
def test_dateline_cities_are_known_with_coordinates(lexicons: Lexicons, name: str) -> None:
    readings = lexicons.place_readings[" ".join(normalize(name).split())]
    assert readings[0].place.lat is not None and readings[0].place.geonames_id is not None


def test_arabic_names_only_no_persian_or_urdu_letters(lexicons: Lexicons) -> None:
    foreign = set("پچژگکیۀەڕڵێۆہھےٹڈڑں")
    assert not [pf.form for pf in lexicons.places if set(pf.form) & foreign]


@pytest.mark.parametrize("word", ["بيان", "إطار", "المصدر", "الشهداء", "سوف", "بترا", "المسيلة"])
def test_stoplisted_and_lexicon_words_are_not_read_as_places(lexicons: Lexicons, word: str) -> None:
    assert normalize(word) not in {normalize(pf.form) for pf in lexicons.places}


def test_first_level_regions_are_listed(lexicons: Lexicons) -> None:
    regions = {(pf.place.country, pf.place.name_en) for pf in lexicons.places if pf.place.kind == "region"}
    assert {
        ("SDN", "Darfur"),
        ("IRQ", "Anbar Governorate"),
        ("PSE", "West Bank"),
        ("LBN", "Beqaa Governorate"),
    } <= regions


@pytest.fixture
def resources(tmp_path: Path) -> Path:
    folder = tmp_path / "resources"
    shutil.copytree(default_resource_dir(), folder)
    return folder


@pytest.mark.parametrize(
    ("file", "row", "reason"),
    [
        ("places.tsv", "place:x\t\tcity\tXXX\tNowhere\t1\t2\t\tمكان\tcurated", "unknown country"),
        ("places.tsv", "place:x\t\ttown\tJOR\tNowhere\t1\t2\t\tمكان\tcurated", "kind"),
        ("places.tsv", "place:x\t\tcity\tJOR\tNowhere\t1\t\t\tمكان\tcurated", "lat and lon"),
        ("places.tsv", "place:x\tabc\tcity\tJOR\tNowhere\t1\t2\t\tمكان\tcurated", "not a number"),
        ("months.tsv", "gregorian\t13\tشهر\tegypt-gulf", "month"),
        ("date_words.tsv", "بكرة\tday_offset\tone", "whole number"),
        ("place_stopwords.tsv", "بيان\tcommon word", "twice"),
    ],
)
def test_bad_row_fails_naming_file_and_line(resources: Path, file: str, row: str, reason: str) -> None:
    path = resources / file
    lines = [*path.read_text(encoding="utf-8").splitlines(), row]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        load_lexicons(resources)
    assert f"{file}:{len(lines)}" in str(err.value) or f"line {len(lines)}" in str(err.value)
    assert reason in str(err.value)


def test_topics_dictionary_has_forty_topics(lexicons: Lexicons) -> None:
    topics = {t.topic for t in lexicons.topics}
    assert len(topics) >= 40
    assert {"gaza-war", "sudan-war", "water-nile-dam", "elections", "human-rights", "oil-prices"} <= topics
