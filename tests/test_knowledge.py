"""The knowledge base: loading, lookups, the scanner's rules, and plugin files layered on top."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.document import Annotation, AnnotationLabel, build_document
from idlib_corpus.errors import InputError
from idlib_corpus.extractors import gazetteer
from idlib_corpus.folding import fold_char_preserving, fold_name
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.knowledge import (
    KnowledgeBase,
    default_knowledge,
    load_knowledge,
    slugify,
)
from idlib_corpus.knowledge._scanner import (
    Candidate,
    Scanner,
    canonical_form,
    case_rule,
    trie_pattern,
)
from idlib_corpus.model import Article, PlaceKind
from idlib_corpus.options import Options
from idlib_corpus.pipeline import Pipeline

KB = default_knowledge()


def annotate(text: str, kb: KnowledgeBase | None = None) -> list[Annotation]:
    doc = build_document(Article(id="t", text=text), knowledge=kb)
    return list(gazetteer.idlib_annotate(doc) or ())


def marks(text: str, kb: KnowledgeBase | None = None) -> set[tuple[str, str, str | None]]:
    """(label, text, key) of every annotation."""
    return {(a.label.value, a.text, a.key) for a in annotate(text, kb)}


def labelled(text: str, label: str) -> list[str]:
    return [a.text for a in annotate(text) if a.label.value == label]


# --------------------------------------------------------------------------- API basics


def test_default_knowledge_is_built_once() -> None:
    assert default_knowledge() is default_knowledge()
    assert load_knowledge([]) is default_knowledge()


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Mevlüt Çavuşoğlu", "mevlut-cavusoglu"), ("Bashar al-Assad", "bashar-al-assad"),
     ("Hay'at Tahrir al-Sham", "hay-at-tahrir-al-sham"), ("  ", "x")],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@given(st.text(max_size=40))
def test_slugify_gives_valid_id_parts(name: str) -> None:
    s = slugify(name)
    assert s and all(c.isascii() and (c.isalnum() or c == "-") for c in s)
    assert not s.startswith("-") and not s.endswith("-")


def test_person_records_carry_country_office_and_spellings() -> None:
    p = KB.person("person:mevlut-cavusoglu")
    assert p is not None
    assert (p.country, p.office, p.gender) == ("TR", "Foreign Minister", "m")
    assert "Mevlüt Çavuşoğlu" in p.aliases
    assert KB.is_surname(p.id, "Çavuşoğlu") and KB.is_surname(p.id, "CAVUSOGLU")
    assert not KB.is_surname(p.id, "Mevlut Cavusoglu")
    assert KB.person("person:nobody") is None


@pytest.mark.parametrize(
    ("key", "country", "office"),
    [
        # heads of state and government and ministers the region's news names often,
        # whose state the text may leave unsaid ("Prime Minister X raised the issue")
        ("person:benjamin-netanyahu", "IL", "Prime Minister"),
        ("person:mohammed-shia-al-sudani", "IQ", "Prime Minister"),
        ("person:kassym-jomart-tokayev", "KZ", "President"),
        ("person:xi-jinping", "CN", "President"),
        ("person:abdel-fattah-el-sisi", "EG", "President"),
        ("person:yevgeny-prigozhin", "RU", None),
    ],
)
def test_well_known_office_holders_of_other_states(
    key: str, country: str, office: str | None
) -> None:
    p = KB.person(key)
    assert p is not None
    assert (p.country, p.office) == (country, office)


def test_well_known_office_holders_are_annotated_with_their_surnames() -> None:
    got = {(a.text, a.key) for a in annotate(
        "Netanyahu spoke to Sisi and then to Tokayev.") if a.label is AnnotationLabel.PERSON}
    assert got == {("Netanyahu", "person:benjamin-netanyahu"),
                   ("Sisi", "person:abdel-fattah-el-sisi"),
                   ("Tokayev", "person:kassym-jomart-tokayev")}


def test_kurdish_and_national_army_forces_are_known_groups() -> None:
    got = {(a.text, a.key) for a in annotate(
        "The Asayish and the Third Legion traded fire.") if a.label is AnnotationLabel.GROUP}
    assert got == {("Asayish", "armed_group:asayish"), ("Third Legion", "armed_group:third-legion")}


def test_state_names_and_demonyms() -> None:
    assert KB.state_name("TR") == "Turkey"
    assert KB.state_name("RU") == "Russia"
    assert KB.state_name("ZZ") is None
    assert {"turkish", "russian", "syrian", "iranian", "turks"} <= KB.demonyms
    assert KB.demonym_state("Turkish") == "TR"
    assert KB.demonym_state("Saraqib") is None


@pytest.mark.parametrize(
    ("text", "office"),
    [("deputy foreign ministers", "Deputy Foreign Minister"),
     ("Defence Minister", "Defense Minister"),
     ("Chiefs of General Staff", "Chief of General Staff"),
     ("spokespeople", "Spokesman"),
     ("Special Presidential Representative on Syria",
      "Special Presidential Representative on Syria"),
     ("Saraqib", None)],
)
def test_office_lookup(text: str, office: str | None) -> None:
    assert KB.office(text) == office


def test_place_objects_come_from_the_gazetteer() -> None:
    p = KB.place("place:sy-saraqib", text="Saraqeb")
    assert (p.name, p.kind, p.country, p.text) == ("Saraqib", PlaceKind.TOWN, "SY", "Saraqeb")
    assert p.geonames_id == 164816
    assert p.latitude is not None and 35 < p.latitude < 36.5
    country = KB.place("TR")
    assert (country.name, country.kind) == ("Turkey", PlaceKind.COUNTRY)
    with pytest.raises(KeyError):
        KB.place("place:atlantis")


@pytest.mark.parametrize(
    ("a", "b"),
    [("Saraqib", "Saraqeb"), ("Maarat al-Numan", "Maarrat al-Nu'man"),
     ("Khan Shaykhun", "Khan Sheikhoun"), ("Balyun", "Baliun"), ("Latakia", "Lattakia"),
     ("Tartus", "Tartous"), ("Daraa", "Deraa"), ("Idlib", "Idleb"), ("Aleppo", "Halab"),
     ("Khmeimim", "Hmeimim"), ("Astana", "Nur-Sultan"), ("Kobani", "Ayn al-Arab"),
     ("Russia", "Russian Federation"), ("al-Bab", "Al Bab")],
)
def test_known_spellings_are_the_same_place(a: str, b: str) -> None:
    assert KB.same_place(a, b)
    assert fold_name(b) in KB.place_variants(a)


@pytest.mark.parametrize(("a", "b"), [("Idlib", "Aleppo"), ("Ankara", "Moscow"), ("Sochi", "x")])
def test_different_places_are_not_the_same(a: str, b: str) -> None:
    assert not KB.same_place(a, b)


def test_place_variants_of_unknown_name_is_the_name_itself() -> None:
    assert KB.place_variants("Nowhere-on-Sea") == frozenset({"nowhere on sea"})


def test_files_of_other_kinds_are_kept_for_their_readers(tmp_path: Path) -> None:
    data = Path(gazetteer.__file__).parent.parent / "data"
    others = sorted(p.name.split(".")[0] for p in data.glob("*.json")
                    if not p.name.startswith(("actors", "states", "offices", "vocabulary")))
    if not others:
        pytest.skip("no other kind of data file in the package")
    extra = tmp_path / f"{others[0]}_extra.json"
    extra.write_text("{}", encoding="utf-8")
    kb = KnowledgeBase([extra])
    assert kb.files(others[0].split("_")[0]) == (extra,)


# --------------------------------------------------------------------------- scanner rules


def test_one_annotation_per_label_with_the_contract_keys() -> None:
    got = marks("Turkish Foreign Minister Mevlut Cavusoglu said talks in Ankara went well.")
    assert ("nationality", "Turkish", "TR") in got
    assert ("office", "Foreign Minister", "Foreign Minister") in got
    assert ("person", "Mevlut Cavusoglu", "person:mevlut-cavusoglu") in got
    assert ("capital", "Ankara", "TR") in got
    assert ("place", "Ankara", "place:tr-ankara") in got


def test_surname_and_accented_forms_map_to_the_person() -> None:
    got = marks("Çavuşoğlu met Lavrentiev; later Cavusoglu and Lavrentyev spoke.")
    keys = {k for label, _, k in got if label == "person"}
    assert keys == {"person:mevlut-cavusoglu", "person:alexander-lavrentyev"}
    assert len([m for m in got if m[0] == "person"]) == 4


def test_longest_match_wins() -> None:
    got = marks("Hayat Tahrir al-Sham, once the Nusra Front, fights near Maarat al-Numan.")
    assert ("group", "Hayat Tahrir al-Sham", "armed_group:hayat-tahrir-al-sham") in got
    assert ("group", "Nusra Front", "armed_group:jabhat-al-nusra") in got
    assert ("place", "Maarat al-Numan", "place:sy-maarat-al-numan") in got
    assert not any(t == "Tahrir al-Sham" for _, t, _ in got)


def test_hyphenated_demonyms_each_get_a_span() -> None:
    anns = annotate("Russian-led forces, Russia-backed troops and Turkish-Russian talks.")
    nat = [(a.text, a.key) for a in anns if a.label is AnnotationLabel.NATIONALITY]
    assert nat == [("Russian", "RU"), ("Russia", "RU"), ("Turkish", "TR"), ("Russian", "RU")]
    # "Russia-backed" is a modifier, not the state as an actor or a place
    assert not [a for a in anns if a.label in (AnnotationLabel.STATE, AnnotationLabel.PLACE)]


@pytest.mark.parametrize(
    ("text", "label", "absent"),
    [("We ate turkey on Thursday.", "state", "turkey"),
     ("Let us go, he said.", "state", "us"),
     ("The talks were held in May.", "person", "May"),
     ("They met in May 2019 at the Sham hotel.", "group", "Sham"),
     ("the free syrian army of fans", "group", "free syrian army")],
)
def test_case_and_common_word_rules(text: str, label: str, absent: str) -> None:
    assert absent not in [t for lab, t, _ in marks(text) if lab == label]


def test_acronyms_in_capitals_match() -> None:
    got = marks("US envoy James Jeffrey met HTS and the UN; the U.S. said so.")
    assert ("state", "US", "US") in got
    assert ("state", "U.S", "US") in got or ("state", "U.S.", "US") in got
    assert ("group", "HTS", "armed_group:hayat-tahrir-al-sham") in got
    assert ("organisation", "UN", "international_organisation:united-nations") in got


def test_a_rejected_long_form_leaves_room_for_shorter_ones() -> None:
    # "free Syrian army" is not the group (lowercase) but "Syrian" is still a nationality
    got = marks("the free Syrian army band")
    assert ("nationality", "Syrian", "SY") in got


def test_pronouns_carry_gender() -> None:
    got = marks("He said she would call him.")
    assert ("pronoun", "He", "m") in got and ("pronoun", "she", "f") in got
    assert ("pronoun", "him", "m") in got


def test_names_inside_words_are_not_matched() -> None:
    assert not labelled("Iranians-to-be and Idlibian and Turkeys", "place")
    assert labelled("Idlib's residents", "place") == ["Idlib"]


def test_offsets_index_the_original_text_with_accents() -> None:
    text = "Türkiye’s Mevlüt Çavuşoğlu visited Ma‘arrat al-Nu‘mān."
    for a in annotate(text):
        assert text[a.span.start:a.span.end] == a.text
    assert "Mevlüt Çavuşoğlu" in labelled(text, "person")
    assert labelled(text, "place")[-1] == "Ma‘arrat al-Nu‘mān"


@given(st.text(alphabet=st.sampled_from(list("aTurkeyİıdlb SARAQIBUSHTs-'.çğ\n")), max_size=60))
def test_scanner_spans_are_words_of_the_text(text: str) -> None:
    for a in annotate(text):
        assert 0 <= a.span.start < a.span.end <= len(text)
        assert text[a.span.start:a.span.end] == a.text
        before = text[a.span.start - 1] if a.span.start else " "
        after = text[a.span.end] if a.span.end < len(text) else " "
        assert not before.isalnum() and not after.isalnum()


@given(st.text(max_size=30))
def test_canonical_form_is_idempotent(s: str) -> None:
    once = canonical_form(fold_char_preserving(s))
    assert canonical_form(once) == once


def test_case_rule() -> None:
    assert [case_rule(f) for f in ("US", "U.S.", "MİT", "Turkey", "al-Assad", "he", "2020")] == [
        "exact", "exact", "exact", "title", "title", "any", "any"]


def _plain_alternation(words: list[str]) -> str:
    """What trie_pattern stands for, written out: each word with its atoms (spaces
    literal, apostrophes optional, a dot an optional dot and space), longest first."""
    def atoms(word: str) -> str:
        return "".join("'?" if c == "'" else r"\.? ?" if c == "." else re.escape(c)
                       for c in word)
    return "|".join(atoms(w) for w in sorted(set(words), key=len, reverse=True))


_TRIE_CHARS = st.sampled_from(list("aben '."))


@given(st.lists(st.text(alphabet=_TRIE_CHARS, min_size=1, max_size=5), min_size=1, max_size=8),
       st.text(alphabet=_TRIE_CHARS, max_size=12))
def test_trie_pattern_matches_what_its_words_match(words: list[str], text: str) -> None:
    # Same strings matched whole, and the same leftmost matches ending at a word end
    # (what the scanner asks of it), as the plain alternation of the words.
    trie = trie_pattern(words)
    plain = _plain_alternation(words)
    assert (re.fullmatch(f"(?:{trie})", text) is None) == (
        re.fullmatch(f"(?:{plain})", text) is None)
    for pos in range(len(text) + 1):
        got = re.match(rf"(?:{trie})(?!\w)", text[pos:])
        want = re.match(rf"(?:{plain})(?!\w)", text[pos:])
        assert (got is None) == (want is None)


def test_scanner_on_its_own() -> None:
    scanner = Scanner([("Idlib", Candidate("place", "p:i", "title", True, (0,))),
                       ("Idlib province", Candidate("place", "p:ip", "title", True, (0,)))])
    hits = [(m.start, m.end, m.hits) for m in scanner.scan("In Idlib province and idlib, Idlib.")]
    assert hits == [(3, 17, (("place", "p:ip"),)), (29, 34, (("place", "p:i"),))]
    assert Scanner([]).scan("anything") == []


# --------------------------------------------------------------------------- plugin files


class _KnowledgePlugin:
    def __init__(self, files: list[Path]) -> None:
        self._files = files

    @hookimpl
    def idlib_knowledge_files(self) -> list[Path]:
        return self._files


def _plugin_files(tmp_path: Path) -> list[Path]:
    places = tmp_path / "places_extra.tsv"
    places.write_text(
        "# a plugin's places\n"
        "id\tname\tkind\tcountry\tlatitude\tlongitude\tnames\n"
        "place:sy-kafr-narjis\tKafr Narges\ttown\tSY\t35.69\t36.53\tKafr Narges|Kafr Narjis\n",
        encoding="utf-8",
    )
    actors = tmp_path / "actors_extra.json"
    actors.write_text(json.dumps({
        "persons": [{"name": "Ayşe Yılmaz", "aliases": [], "surnames": ["Yılmaz"],
                     "country": "TR", "office": "Governor", "gender": "f"}],
        "groups": [{"name": "Jaysh al-Ahrar", "aliases": ["Army of the Free"]}],
    }), encoding="utf-8")
    states = tmp_path / "states_extra.json"
    states.write_text(json.dumps({"states": [{"iso2": "TR", "demonyms": ["Anatolian"]}]}),
                      encoding="utf-8")
    return [places, actors, states]


def test_plugin_files_add_places_and_persons_that_get_annotated(tmp_path: Path) -> None:
    pipe = Pipeline(plugins=[_KnowledgePlugin(_plugin_files(tmp_path))],
                    options=Options(load_entrypoints=False))
    kb = pipe.knowledge
    assert kb is not default_knowledge()
    text = "Governor Ayşe Yılmaz said Jaysh al-Ahrar shelled Kafr Narjis; Anatolian troops moved."
    got = marks(text, kb)
    assert ("place", "Kafr Narjis", "place:sy-kafr-narjis") in got
    assert ("person", "Ayşe Yılmaz", "person:ayse-yilmaz") in got
    assert ("group", "Jaysh al-Ahrar", "armed_group:jaysh-al-ahrar") in got
    assert ("nationality", "Anatolian", "TR") in got
    assert kb.same_place("Kafr Narges", "Kafr Narjis")
    assert kb.place("place:sy-kafr-narjis").latitude == 35.69
    # built-in knowledge is still there, and the default base is untouched
    assert ("capital", "Ankara", "TR") in marks("Talks in Ankara.", kb)
    assert kb.demonym_state("Turkish") == "TR"
    assert not any(label == "place" for label, _, _ in marks(text))
    # the plugin's KB reaches the annotation phase of a real run, through the document
    seen: list[Annotation] = []

    class Spy:
        @hookimpl
        def idlib_resolve_actors(self, doc: object) -> None:
            seen.extend(doc.annotations)  # type: ignore[attr-defined]

    spied = Pipeline(plugins=[_KnowledgePlugin(_plugin_files(tmp_path)), Spy()],
                     options=Options(load_entrypoints=False))
    result = spied.parse(text, id="x")
    assert result.article.id == "x"
    found = {(a.label.value, a.key, a.source) for a in seen}
    assert ("place", "place:sy-kafr-narjis", "idlib_corpus.knowledge") in found
    assert ("person", "person:ayse-yilmaz", "idlib_corpus.knowledge") in found


def test_plugin_entry_replaces_builtin_with_same_id(tmp_path: Path) -> None:
    actors = tmp_path / "actors_override.json"
    actors.write_text(json.dumps({"persons": [
        {"id": "person:hulusi-akar", "name": "Hulusi Akar", "surnames": [],
         "country": "TR", "office": "Chief of General Staff"}]}), encoding="utf-8")
    kb = KnowledgeBase([actors])
    person = kb.person("person:hulusi-akar")
    assert person is not None and person.office == "Chief of General Staff"
    # the surname-only form was dropped with the replaced entry
    assert "person" not in {label for label, _, _ in marks("Akar said.", kb)}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [("places_bad.tsv", "id\tname\tkind\nplace:x\tX\tvolcano\n", "line 2: unknown kind"),
     ("places_bad.tsv", "id\tname\nplace:x\tX\n", "line 1: header"),
     ("places_bad.tsv", "id\tname\tkind\tlatitude\nplace:x\tX\ttown\t123\n", "latitude"),
     ("places_bad.tsv", "id\tname\tkind\tcountry\nplace:x\tX\ttown\tSyria\n", "ISO 3166"),
     ("places_bad.tsv", "id\tname\tkind\nplace:x\tX\n", "expected 3 tab-separated"),
     ("actors_bad.json", "{not json", "not valid JSON"),
     ("actors_bad.json", '{"persons": [{"aliases": []}]}', "persons[0]: needs a non-empty"),
     ("actors_bad.json", '{"people": []}', "unknown sections"),
     ("actors_bad.json", '{"persons": [{"name": "X", "country": "Turkey"}]}', "ISO 3166"),
     ("states_bad.json", '{"states": [{"name": "X"}]}', "iso2"),
     ("offices_bad.json", '{"offices": [{"variants": []}]}', "title"),
     ("vocabulary_bad.json", '{"pronouns": {"it": "n"}}', "pronouns"),
     ("gossip.json", "{}", "unknown kind of knowledge file")],
)
def test_bad_files_raise_input_error_naming_the_file(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        KnowledgeBase([path])
    assert name in str(info.value)
    assert message in str(info.value)


def test_missing_file_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        KnowledgeBase([tmp_path / "places_gone.tsv"])


def test_capital_of_a_state() -> None:
    assert KB.capital("KZ") == "place:kz-astana"  # "the Kazakh capital" -> Nur-Sultan/Astana
    assert KB.same_place(KB.place(KB.capital("KZ") or "").name, "Nur-Sultan")
    assert KB.capital("TR") == "place:tr-ankara"
    assert KB.capital("ZZ") is None


def test_curated_place_may_share_its_name_with_an_actor() -> None:
    got = marks("Putin received Erdogan in the Kremlin.")
    assert ("government_body", "Kremlin", "government_body:kremlin") in got
    assert ("place", "Kremlin", "place:ru-kremlin") in got


def test_gazetteer_names_under_a_known_actor_name_are_dropped(tmp_path: Path) -> None:
    # a GeoNames-only (not curated) village named like a known person is not a place
    places = tmp_path / "places_geo.tsv"
    places.write_text("id\tname\tkind\tcountry\tcurated\tnames\n"
                      "place:tr-akar\tAkar\ttown\tTR\t0\tAkar\n"
                      "place:tr-yeni\tYeni\ttown\tTR\t0\tYeni\n", encoding="utf-8")
    kb = KnowledgeBase([places])
    got = marks("Akar went to Yeni.", kb)
    assert ("person", "Akar", "person:hulusi-akar") in got
    assert not any(label == "place" and t == "Akar" for label, t, _ in got)
    assert ("place", "Yeni", "place:tr-yeni") in got


def test_place_for_a_state_key_prefers_the_named_place_of_that_state() -> None:
    # a CAPITAL annotation is keyed by ISO code; its words name the city
    assert KB.place("TR", text="Ankara").name == "Ankara"
    assert KB.place("TR", text="Turkey").kind is PlaceKind.COUNTRY
    assert KB.place("RU", text="Ankara").name == "Russia"  # Ankara is not in Russia


@pytest.mark.parametrize(
    ("place", "province"),
    [("place:sy-saraqib", "place:sy-idlib-governorate"),
     ("place:sy-balyun", "place:sy-idlib-governorate"),  # curated, located by coordinates
     ("place:sy-khmeimim-air-base", "place:sy-latakia-governorate"),
     ("place:sy-kobani", "place:sy-aleppo-governorate"),
     ("place:tr-reyhanli", "place:tr-hatay-province"),
     ("place:tr-ankara", None), ("place:nowhere", None)],
)
def test_province_of(place: str, province: str | None) -> None:
    assert KB.province_of(place) == province


def test_knowledge_base_pickles_as_its_file_list(tmp_path: Path) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(KB)) is KB  # the cached default in this process
    files = _plugin_files(tmp_path)
    kb = load_knowledge(files)
    again = pickle.loads(pickle.dumps(kb))
    assert again is kb and again.person("person:ayse-yilmaz") is not None


def test_clock_times_are_not_offices() -> None:
    assert not labelled("Updated 3:04 PM and 10 AM GMT", "office")


def test_abbreviated_state_as_modifier() -> None:
    anns = annotate("U.S.-led coalition and US-backed fighters met Russia-Turkey envoys.")
    got = [(a.label.value, a.key) for a in anns if a.label.value in ("state", "nationality")]
    assert got == [("nationality", "US"), ("nationality", "US"), ("state", "RU"), ("state", "TR")]


@pytest.mark.parametrize(
    ("text", "office"),
    [("MPs", "Lawmaker"), ("spokesmen", "Spokesman"), ("Special Envoys", "Special Envoy"),
     ("deputies foreign", None)],
)
def test_plural_offices(text: str, office: str | None) -> None:
    assert KB.office(text) == office


_names = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzÇŞİöü -'")),
                 min_size=1, max_size=20).map(str.strip).filter(lambda s: s and "|" not in s)


@given(st.lists(st.tuples(
    _names,
    st.sampled_from([k.value for k in PlaceKind]),
    st.none() | st.floats(-90, 90, allow_nan=False).map(lambda x: round(x, 5)),
    st.floats(-180, 180, allow_nan=False).map(lambda x: round(x, 5)),
    st.lists(_names, max_size=3)), min_size=1, max_size=5, unique_by=lambda r: r[0]))
def test_places_files_round_trip(rows: list[tuple[str, str, float | None, float, list[str]]]
                                 ) -> None:
    import tempfile

    from idlib_corpus.knowledge._entries import read_places

    lines = ["# generated", "id\tname\tkind\tcountry\tlatitude\tlongitude\tnames"]
    for i, (name, kind, lat, lon, names) in enumerate(rows):
        lat_s, lon_s = ("", "") if lat is None else (repr(lat), repr(lon))
        lines.append(f"place:t-{i}\t{name}\t{kind}\tSY\t{lat_s}\t{lon_s}\t{'|'.join(names)}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "places_prop.tsv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        entries = read_places(path)
    assert [e.id for e in entries] == [f"place:t-{i}" for i in range(len(rows))]
    for e, (name, kind, lat, lon, names) in zip(entries, rows, strict=True):
        assert (e.name, e.kind.value, e.country) == (name, kind, "SY")
        assert e.latitude == lat and (lat is None or e.longitude == lon)
        assert e.names[0] == name and set(names) <= set(e.names)


@pytest.mark.parametrize(
    ("text", "person"),
    [("Jeffrey Feltman said the talks failed.", None),
     ("Jeffrey said the talks failed.", "Jeffrey"),
     ("Envoy Jeffrey said so.", "Jeffrey"),
     ("Officials and Mehmet Önal said so.", None),
     ("Mehmet Önal said so.", "Önal"),  # a sentence's first word may be "However": kept
     ("Ambassador Önal said so.", "Önal"),
     ("Mr Erdogan said so.", "Erdogan"),
     ("However Erdogan said so.", "Erdogan"),
     ("Erdogan Says Turkey Will Hit Back Hard\nBody.", "Erdogan"),
     ("Turkish Defence Minister Akar Visited Troops", "Akar"),
     ("In Ankara, Akar said.", "Akar"),
     # a day or month is no first name; a word with a full stop ends the sentence before
     ("On Monday Putin held talks in Moscow.", "Putin"),
     ("In March Akar flew to Moscow.", "Akar"),
     ("They talked in Sochi on Tuesday. Putin said little.", "Putin"),
     ("The convoy reached Idlib. Akar visited it.", "Akar"),
     ("Officials and Ahmet T. Önal said so.", None)],  # an initial ends no sentence
)
def test_a_surname_next_to_another_first_name_is_another_person(
    text: str, person: str | None
) -> None:
    assert labelled(text, "person") == ([person] if person else [])


def test_names_among_other_scripts_and_symbols() -> None:
    text = "Путин и Erdogan встретились; •Idlib… ЖIdlib and Idlibж and 20°Saraqib €Aleppo"
    got = [(a.text, a.span.start) for a in annotate(text) if a.label.value in ("person", "place")]
    assert [t for t, _ in got] == ["Erdogan", "Idlib", "Saraqib", "Aleppo"]
    for t, start in got:
        assert text[start:start + len(t)] == t


def test_a_plugin_name_in_another_script_is_matched(tmp_path: Path) -> None:
    places = tmp_path / "places_ru.tsv"
    places.write_text("id\tname\tkind\tcountry\tnames\n"
                      "place:ru-moskva-cyr\tМосква\tcity\tRU\tМосква\n", encoding="utf-8")
    kb = KnowledgeBase([places])
    assert ("place", "Москва", "place:ru-moskva-cyr") in marks("Встреча в Москва; Idlib.", kb)
    assert ("place", "Idlib", "place:sy-idlib") in marks("Встреча в Москва; Idlib.", kb)
