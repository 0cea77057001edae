"""The merged corpus: actor registry, cross-article events, claims, plan links, Corpus API.

Most tests run on hand-built results that mirror what the seed articles say
(``corpus_fixtures``), so they test merging, not extraction; the end-to-end tests at the
bottom run the real extractors on the bundled seeds.
"""

from __future__ import annotations

import datetime as _dt
import random

import attrs
import pytest

import idlib_corpus
from corpus_fixtures import (
    A000,
    A001,
    A002,
    A003,
    A004,
    ANKARA,
    IDLIB,
    MOSCOW,
    TURKEY,
    seed_like_results,
)
from idlib_corpus.corpus import Corpus
from idlib_corpus.errors import IdlibCorpusError
from idlib_corpus.merge import (
    CorpusIncident,
    CorpusMeeting,
    Figure,
    MergeOptions,
    build_registry,
    merge,
    name_skeleton,
)
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    ArticleResult,
    Claim,
    Incident,
    IncidentType,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Place,
    PlaceKind,
    Qualifier,
    Span,
    TimeValue,
)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus(seed_like_results())


def _meeting_on(corpus: Corpus, iso: str, place: str | None = None) -> list[CorpusMeeting]:
    return [
        m for m in corpus.meetings
        if m.date is not None and m.date.iso == iso
        and (place is None or (m.place is not None and m.place.name == place))
    ]


def _incidents(corpus: Corpus, type_: IncidentType, perps: tuple[str, ...],
               targets: tuple[str, ...]) -> list[CorpusIncident]:
    return [i for i in corpus.incidents
            if i.type is type_ and i.perpetrators == perps and i.targets == targets]


# --------------------------------------------------------------------------- small builders


def _article(aid: str, published: str | None = "2020-02-09", outlet: str | None = None,
             text: str = "x" * 200) -> Article:
    return Article(aid, text, outlet=outlet,
                   published=_dt.date.fromisoformat(published) if published else None)


def _m(aid: str, n: int, *, kind: MeetingKind = MeetingKind.TALKS,
       status: MeetingStatus = MeetingStatus.HELD, parties: tuple[str, ...] = ("RU", "TR"),
       place: Place | None = ANKARA, date: str | None = "2020-02-08",
       participants: tuple[str, ...] = ()) -> Meeting:
    return Meeting(f"meeting:{aid}:{n}", kind, status, (Span(n, n + 5),), parties,
                   participants, place, TimeValue.from_iso(date) if date else None)


def _i(aid: str, n: int, *, type_: IncidentType = IncidentType.ARMED_ATTACK,
       perps: tuple[str, ...] = ("state:SY",), targets: tuple[str, ...] = ("state:TR",),
       place: Place | None = IDLIB, date: str | None = "2020-02-03",
       killed: int | None = None, claimant: str | None = None) -> Incident:
    return Incident(f"incident:{aid}:{n}", type_, (Span(n, n + 5),), perps, targets, place,
                    TimeValue.from_iso(date) if date else None,
                    killed=Claim(killed, Qualifier.EXACT, claimant) if killed is not None
                    else None)


def _person(aid: str, name: str, country: str | None, title: str | None = None,
            slug: str | None = None) -> Actor:
    slug = slug or "-".join(name.lower().split())
    return Actor(f"person:{slug}", name, ActorKind.PERSON, country, title)


def _result(aid: str, *, meetings: tuple[Meeting, ...] = (),
            incidents: tuple[Incident, ...] = (), actors: tuple[Actor, ...] = (),
            published: str | None = "2020-02-09", outlet: str | None = None) -> ArticleResult:
    return ArticleResult(_article(aid, published, outlet), actors, meetings, incidents)


# --------------------------------------------------------------------------- actor registry


def test_transliteration_variants_are_one_person(corpus: Corpus) -> None:
    a = corpus.actor("Lavrentyev")
    assert a is not None
    assert corpus.actor("Alexander Lavrentiev") is a
    assert set(a.spellings) == {"Alexander Lavrentyev", "Alexander Lavrentiev"}
    assert a.articles == (A001, A004)
    assert {o.article for o in a.offices} == {A001, A004}
    assert set(a.source_ids) == {"person:alexander-lavrentyev", "person:alexander-lavrentiev"}
    assert a.id in a.source_ids


def test_accents_and_name_particles_join_one_person(corpus: Corpus) -> None:
    onal = corpus.actor("Sedat Önal")
    assert onal is not None and set(onal.spellings) == {"Sedat Onal", "Sedat Önal"}
    assad = corpus.actor("Bashar al-Assad")
    assert assad is not None and assad is corpus.actor("Bashar Assad")
    assert assad.articles == (A001, A002, A004)
    # the fuller name is the canonical one only if as many articles use it: two use "Bashar Assad"
    assert assad.name == "Bashar Assad"


def test_offices_keep_the_article_that_gives_them(corpus: Corpus) -> None:
    cavusoglu = corpus.actor("Cavusoglu")
    assert cavusoglu is not None
    assert [(o.title, o.article) for o in cavusoglu.offices] == [
        ("Foreign Minister", A002), ("Foreign Minister", A004)]


def test_same_name_of_two_countries_stays_two_people() -> None:
    actors, _ = build_registry([
        _result("a", actors=(_person("a", "Ali Hassan", "IR", slug="ali-hassan-ir"),)),
        _result("b", actors=(_person("b", "Ali Hassan", "IQ", slug="ali-hassan-iq"),)),
    ])
    assert sorted(a.country or "" for a in actors) == ["IQ", "IR"]


def test_one_letter_apart_needs_the_same_given_name_and_country() -> None:
    actors, id_map = build_registry([
        _result("a", actors=(_person("a", "Mikhail Bogdanov", "RU", slug="m-bogdanov"),
                             _person("a", "Sergei Ryabkov", "RU", slug="s-ryabkov"))),
        _result("b", actors=(_person("b", "Mikhail Bogdanow", "RU", slug="m-bogdanow"),
                             _person("b", "Andrei Ryabkov", "RU", slug="a-ryabkov"))),
    ])
    assert id_map["person:m-bogdanov"] == id_map["person:m-bogdanow"]
    assert id_map["person:s-ryabkov"] != id_map["person:a-ryabkov"]
    assert len(actors) == 3


def test_surname_joins_the_one_person_it_can_be() -> None:
    actors, id_map = build_registry([
        _result("a", actors=(_person("a", "Hulusi Akar", "TR"),)),
        _result("b", actors=(_person("b", "Akar", "TR", slug="akar"),)),
        _result("c", actors=(_person("c", "Assad", "SY", slug="assad"),
                             _person("c", "Bashar Assad", "SY"),
                             _person("c", "Hafez Assad", "SY"))),
    ])
    assert id_map["person:akar"] == "person:hulusi-akar"
    # "Assad" could be either: it stays on its own rather than join the wrong one
    assert id_map["person:assad"] == "person:assad"
    assert len(actors) == 4


def test_registry_ids_do_not_depend_on_order() -> None:
    results = seed_like_results()
    first = build_registry(results)
    for seed in range(5):
        shuffled = results[:]
        random.Random(seed).shuffle(shuffled)
        assert build_registry(shuffled) == first


def test_skeleton_folds_transliteration_only() -> None:
    assert name_skeleton("Sergey Shoigu") == name_skeleton("Sergei Shoigu")
    assert name_skeleton("Aleksandr") == name_skeleton("Alexandr")
    assert name_skeleton("Putin") != name_skeleton("Patin")


# --------------------------------------------------------------------------- events on the seeds


def test_ankara_talks_of_8_february_2020_are_one_meeting(corpus: Corpus) -> None:
    [talks] = _meeting_on(corpus, "2020-02-08", "Ankara")
    assert talks.status is MeetingStatus.HELD
    assert talks.articles == (A001, A002, A004)
    assert talks.outlets == ("Anadolu Agency", "Sputnik", "TASS")
    # TASS told of it in advance: its report keeps its status, visible as an announcement
    assert {r.article for r in talks.announcements} >= {A002}
    assert all(r.record.status is MeetingStatus.PLANNED for r in talks.announcements)
    lavrentiev = corpus.actor("Lavrentiev")
    assert lavrentiev is not None and lavrentiev.id in talks.participants
    assert len([p for p in talks.participants if "lavrent" in p]) == 1
    # every report keeps its evidence into its own article
    for r in talks.reports:
        span = r.evidence[0]
        assert corpus[r.article].article.text[span.start:span.end]


def test_february_3_shelling_is_one_incident_with_its_claims(corpus: Corpus) -> None:
    [attack] = _incidents(corpus, IncidentType.ARMED_ATTACK, ("state:SY",), ("state:TR",))
    assert attack.articles == (A001, A002, A004)
    assert attack.date is not None and attack.date.iso == "2020-02-03"
    assert [(c.value, c.article) for c in attack.killed] == [(8, A002), (8, A004)]
    assert attack.outlets == ("Anadolu Agency", "Sputnik", "TASS")


def test_retaliation_is_another_incident_with_its_own_toll(corpus: Corpus) -> None:
    [strike] = _incidents(corpus, IncidentType.ARMED_ATTACK, ("state:TR",), ("state:SY",))
    assert strike.articles == (A001, A002, A004)
    assert [(c.value, c.claimant) for c in strike.killed] == [
        (76, "Defence Minister Hulusi Akar")]


def test_displacement_figures_are_claims_side_by_side(corpus: Corpus) -> None:
    [displacement] = [i for i in corpus.incidents if i.type is IncidentType.DISPLACEMENT]
    got = [(c.value, c.qualifier, c.claimant) for c in displacement.displaced]
    assert got == [
        (500000, Qualifier.AT_LEAST, None),
        (600000, Qualifier.ABOUT, "the United Nations"),
        (1000000, Qualifier.ABOUT, "Ankara"),
    ]
    assert len(displacement.reports) == 3


def test_shoigu_akar_talks_of_2019_stay_apart_from_2020(corpus: Corpus) -> None:
    [talks_2019] = _meeting_on(corpus, "2019-02-11", "Ankara")
    assert talks_2019.articles == (A003,)
    shoigu = corpus.actor("Shoigu")
    assert shoigu is not None and shoigu.id in talks_2019.participants
    ankara = corpus.find_meetings(place="Ankara")
    assert len(ankara) == 2


def test_moscow_talks_of_early_2019_are_one_meeting(corpus: Corpus) -> None:
    [moscow] = [m for m in corpus.meetings if m.place is not None and m.place.name == "Moscow"]
    assert moscow.articles == (A000, A003)
    assert moscow.status is MeetingStatus.HELD  # one said "ongoing", the other "held"
    assert moscow.date is not None and moscow.date.iso == "2019-01-31/2019-02-01"


def test_upcoming_summit_in_russia_is_the_sochi_summit(corpus: Corpus) -> None:
    [summit] = [m for m in corpus.meetings if m.kind is MeetingKind.SUMMIT]
    assert summit.articles == (A000, A003)
    assert summit.place is not None and summit.place.name == "Sochi"  # the city, not "Russia"


def test_plan_for_next_week_stays_a_plan(corpus: Corpus) -> None:
    [plan] = _meeting_on(corpus, "2020-02-10/2020-02-16")
    assert plan.status is MeetingStatus.PLANNED
    assert plan.articles == (A001, A004)
    assert plan.fulfilled_by is None


def test_saraqib_taken_on_two_different_days_is_not_merged(corpus: Corpus) -> None:
    taken = [i for i in corpus.incidents if i.type is IncidentType.TERRITORIAL_CHANGE]
    assert sorted(i.date.iso for i in taken if i.date) == ["2020-02-05", "2020-02-06"]


def test_vague_undated_report_joins_nothing_when_two_events_fit(corpus: Corpus) -> None:
    vague = [i for i in corpus.incidents if i.date is None and i.type is IncidentType.ARMED_ATTACK
             and not i.perpetrators and not i.targets]
    assert [i.articles for i in vague] == [(A001,)]


# --------------------------------------------------------------------------- merge rules


def test_planned_meeting_is_linked_to_the_meeting_held() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, status=MeetingStatus.PLANNED, place=None,
                                  date="2020-02-10/2020-02-16"),), published="2020-02-08"),
        _result("b", meetings=(_m("b", 1, place=MOSCOW, date="2020-02-12"),),
                published="2020-02-13"),
    ])
    plan, held = sorted(merged.meetings, key=lambda m: m.status is MeetingStatus.HELD)
    assert plan.status is MeetingStatus.PLANNED and held.status is MeetingStatus.HELD
    assert plan.fulfilled_by == held.id
    assert held.fulfils == (plan.id,)


def test_plan_after_the_meeting_fulfils_nothing() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, place=MOSCOW, date="2020-02-03"),),
                published="2020-02-04"),
        _result("b", meetings=(_m("b", 1, status=MeetingStatus.PLANNED, place=MOSCOW,
                                  date="2020-02-01/2020-02-29"),), published="2020-02-20"),
    ])
    assert all(m.fulfilled_by is None and not m.fulfils for m in merged.meetings)


def test_different_places_never_merge() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, place=ANKARA),)),
        _result("b", meetings=(_m("b", 1, place=MOSCOW),)),
    ])
    assert len(merged.meetings) == 2


def test_a_country_and_a_city_in_it_are_compatible() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, place=ANKARA),)),
        _result("b", meetings=(_m("b", 1, place=TURKEY),)),
    ])
    [m] = merged.meetings
    assert m.place is not None and m.place.name == "Ankara"


def test_known_spellings_of_one_place_merge_through_the_knowledge_base() -> None:
    saraqib = Place("Saraqib", PlaceKind.TOWN, "SY")
    saraqeb = Place("Saraqeb", PlaceKind.TOWN, "SY")
    results = [
        _result("a", incidents=(_i("a", 1, place=saraqib),)),
        _result("b", incidents=(_i("b", 1, place=saraqeb),)),
    ]
    assert len(merge(results, same_place=lambda a, b: False).incidents) == 2
    same = {frozenset({"Saraqib", "Saraqeb"})}
    merged = merge(results, same_place=lambda a, b: frozenset({a, b}) in same)
    assert len(merged.incidents) == 1


def test_disjoint_dates_never_merge() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, date="2020-02-08"),)),
        _result("b", meetings=(_m("b", 1, date="2020-02-09"),)),
    ])
    assert len(merged.meetings) == 2


def test_a_month_and_a_day_in_it_merge_to_the_day() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1, date="2020-02"),)),
        _result("b", meetings=(_m("b", 1, date="2020-02-08"),)),
    ])
    [m] = merged.meetings
    assert m.date is not None and m.date.iso == "2020-02-08"


def test_different_kinds_never_merge() -> None:
    merged = merge([
        _result("a", meetings=(_m("a", 1),)),
        _result("b", meetings=(_m("b", 1, kind=MeetingKind.PHONE_CALL),)),
    ])
    assert len(merged.meetings) == 2


def test_parties_merge_as_subset_only_with_two_states_or_more() -> None:
    three = ("IR", "RU", "TR")
    assert len(merge([
        _result("a", meetings=(_m("a", 1, parties=("RU", "TR")),)),
        _result("b", meetings=(_m("b", 1, parties=three),)),
    ]).meetings) == 1
    assert len(merge([
        _result("a", meetings=(_m("a", 1, parties=("TR",)),)),
        _result("b", meetings=(_m("b", 1, parties=("RU", "TR")),)),
    ]).meetings) == 2


def test_roles_must_agree_for_incidents() -> None:
    merged = merge([
        _result("a", incidents=(_i("a", 1),)),
        _result("b", incidents=(_i("b", 1, perps=("state:TR",), targets=("state:SY",)),)),
        _result("c", incidents=(_i("c", 1, perps=()),)),  # who fired unknown: fits the first
    ])
    assert sorted(len(i.reports) for i in merged.incidents) == [1, 2]


def test_conflicting_tolls_are_kept_not_averaged() -> None:
    merged = merge([
        _result("a", incidents=(_i("a", 1, killed=8, claimant="Ankara"),), outlet="TASS"),
        _result("b", incidents=(_i("b", 1, killed=13, claimant="SOHR"),), outlet="AFP"),
    ])
    [i] = merged.incidents
    assert [(c.value, c.claimant, c.outlet) for c in i.claims] == [
        (8, "Ankara", "TASS"), (13, "SOHR", "AFP")]
    assert all(c.figure is Figure.KILLED for c in i.claims)


def test_same_article_duplicate_records_are_one_event_and_one_claim() -> None:
    merged = merge([_result("a", incidents=(_i("a", 1, killed=8), _i("a", 2, killed=8)))])
    [i] = merged.incidents
    assert len(i.reports) == 2 and len(i.claims) == 1


def test_undated_reports_without_a_publication_date_merge_only_as_repeats() -> None:
    merged = merge([
        _result("a", incidents=(_i("a", 1, date=None),), published=None),
        _result("b", incidents=(_i("b", 1, date=None),), published=None),
    ])
    assert len(merged.incidents) == 2


def test_undated_report_is_placed_near_its_publication_date() -> None:
    near = [_result("a", incidents=(_i("a", 1, date="2020-02-03"),)),
            _result("b", incidents=(_i("b", 1, date=None),), published="2020-02-10")]
    far = [near[0], _result("b", incidents=(_i("b", 1, date=None),), published="2020-06-10")]
    assert len(merge(near).incidents) == 1
    assert len(merge(far).incidents) == 2
    assert len(merge(far, options=MergeOptions(window_days=200)).incidents) == 1


def test_event_ids_are_unique_and_readable(corpus: Corpus) -> None:
    ids = [e.id for e in (*corpus.meetings, *corpus.incidents)]
    assert len(ids) == len(set(ids))
    assert "meeting:2020-02-08-talks-ru-tr-ankara" in ids


# --------------------------------------------------------------------------- determinism


def test_merged_corpus_does_not_depend_on_input_order() -> None:
    results = seed_like_results()
    expected = Corpus(results).merged()
    for seed in range(6):
        shuffled = results[:]
        random.Random(seed).shuffle(shuffled)
        # shuffle the records inside each article too
        shuffled = [
            attrs.evolve(r, meetings=tuple(random.Random(seed).sample(r.meetings, len(r.meetings))),
                         incidents=tuple(random.Random(seed + 1).sample(r.incidents,
                                                                         len(r.incidents))))
            for r in shuffled
        ]
        assert Corpus(shuffled).merged() == expected


def test_the_same_article_twice_counts_once() -> None:
    results = seed_like_results()
    assert Corpus(results + results).merged() == Corpus(results).merged()
    assert len(Corpus(results + results)) == 5


def test_one_id_with_two_texts_is_an_error() -> None:
    with pytest.raises(IdlibCorpusError, match="'a' is given twice"):
        Corpus([_result("a"), ArticleResult(_article("a", text="y" * 10))])


# --------------------------------------------------------------------------- API


def test_filters(corpus: Corpus) -> None:
    assert [m.date.iso for m in corpus.find_meetings(actor="Lavrentiev") if m.date] == [
        "2020-02-08"]
    assert {m.kind for m in corpus.find_meetings(party="IR")} == {MeetingKind.TALKS,
                                                                   MeetingKind.SUMMIT}
    assert [m.date.iso for m in corpus.find_meetings(place="Ankara", start="2020-01-01")
            if m.date] == ["2020-02-08"]
    assert corpus.find_meetings(status="planned", kind="summit")[0].place.name == "Sochi"  # type: ignore[union-attr]
    assert all(i.place is not None and i.place.country == "SY"
               for i in corpus.find_incidents(place="SY"))
    in_turkey = corpus.find_meetings(place="Turkey")
    assert {m.place.name for m in in_turkey if m.place} == {"Ankara"}
    assert len(in_turkey) == 2
    sy = corpus.find_incidents(party="SY", type="armed_attack")
    assert len(sy) == 2
    assert corpus.find_incidents(actor="state:RU") != []
    in_feb = corpus.find_incidents(start=_dt.date(2020, 2, 4), end=_dt.date(2020, 2, 6))
    assert all(i.date is not None for i in in_feb)
    assert {i.date.iso for i in in_feb if i.date} >= {"2020-02-05", "2020-02-06"}
    with pytest.raises(IdlibCorpusError, match="not a date"):
        corpus.find_incidents(start="Feb 3")


def test_timeline_honours_precision_and_puts_undated_last(corpus: Corpus) -> None:
    events = corpus.timeline()
    assert len(events) == len(corpus.meetings) + len(corpus.incidents)
    dated = [e for e in events if e.date is not None]
    undated = events[len(dated):]
    assert all(e.date is None for e in undated) and undated
    keys = [(e.date.start, e.date.end) for e in dated if e.date]
    assert keys == sorted(keys)
    # a month-precision event sorts by its interval: before the days of that month
    merged = Corpus([
        _result("a", meetings=(_m("a", 1, date="2020-02-08"),)),
        _result("b", meetings=(_m("b", 1, place=MOSCOW, date="2020-02"),)),
        _result("c", meetings=(_m("c", 1, place=MOSCOW, date="2020-01-31"),)),
    ])
    assert [e.date.iso for e in merged.timeline() if e.date] == [
        "2020-01-31", "2020-02", "2020-02-08"]


def test_to_records_are_flat(corpus: Corpus) -> None:
    for kind in ("meetings", "incidents", "actors", "claims", "reports", "timeline"):
        rows = corpus.to_records(kind)
        assert rows
        for row in rows:
            assert all(v is None or isinstance(v, str | int | float) for v in row.values())
    with pytest.raises(IdlibCorpusError, match="unknown table"):
        corpus.to_records("people")


def test_with_actor_accepts_a_canonical_id(corpus: Corpus) -> None:
    lavrentiev = corpus.actor("Lavrentiev")
    assert lavrentiev is not None
    assert [r.id for r in corpus.with_actor(lavrentiev.id)] == [A001, A004]


# --------------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    return idlib_corpus.load()


def test_seeds_ankara_talks_are_one_meeting_with_three_reports(seeds: Corpus) -> None:
    found = [m for m in seeds.meetings
             if m.date is not None and m.date.iso == "2020-02-08" and set(m.parties) == {"RU", "TR"}
             and m.status is MeetingStatus.HELD]
    assert len(found) == 1
    assert set(found[0].articles) == {A001, A002, A004}


def test_seeds_february_3_shelling_is_one_incident_with_claims(seeds: Corpus) -> None:
    found = [i for i in seeds.incidents
             if i.type is IncidentType.ARMED_ATTACK and i.date is not None
             and i.date.start <= _dt.date(2020, 2, 3) <= i.date.end
             and "state:SY" in i.perpetrators and "state:TR" in i.targets]
    assert len(found) == 1
    assert {A002, A004} <= set(found[0].articles)
    assert {c.value for c in found[0].killed} == {8}


def test_seeds_2019_talks_stay_apart_from_2020(seeds: Corpus) -> None:
    for m in seeds.meetings:
        years = {r.record.date.start.year for r in m.reports if r.record.date is not None}
        assert not ({2019, 2020} <= years), m.id
    assert any(A003 in m.articles and m.date is not None and m.date.start.year == 2019
               for m in seeds.meetings)


def test_seeds_lavrentyev_and_lavrentiev_are_one_person(seeds: Corpus) -> None:
    a = seeds.actor("Lavrentyev")
    assert a is not None and a is seeds.actor("Lavrentiev")
    assert {A001, A004} <= set(a.articles)
