"""Properties of corpus merging, checked on generated corpora.

The strategies draw from a deliberately small world (three states, four places, a few
days in February 2020, a handful of people with spelling variants) so that generated
reports often describe the same event and merging has real work to do.
"""

from __future__ import annotations

import datetime as _dt
import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus import testing
from idlib_corpus.corpus import Corpus
from idlib_corpus.merge import MergedCorpus, build_registry, merge
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

TEXT = "Officials met and talked; forces fired and people fled. " * 4

PLACES = [
    Place("Ankara", PlaceKind.CITY, "TR"),
    Place("Moscow", PlaceKind.CITY, "RU"),
    Place("Turkey", PlaceKind.COUNTRY, "TR"),
    Place("Idlib", PlaceKind.PROVINCE, "SY"),
]
CITIES = {"Ankara", "Moscow", "Idlib"}

PEOPLE = [
    ("alexander-lavrentyev", "Alexander Lavrentyev", "RU"),
    ("alexander-lavrentiev", "Alexander Lavrentiev", "RU"),
    ("sedat-onal", "Sedat Onal", "TR"),
    ("sedat-onal", "Sedat Önal", "TR"),
    ("hulusi-akar", "Hulusi Akar", "TR"),
    ("akar", "Akar", "TR"),
    ("ali-hassan-ir", "Ali Hassan", "IR"),
    ("ali-hassan-iq", "Ali Hassan", "IQ"),
]


def _dates() -> st.SearchStrategy[TimeValue | None]:
    day = st.integers(1, 12).map(lambda d: TimeValue.day(_dt.date(2020, 2, d)))
    interval = st.tuples(st.integers(1, 12), st.integers(0, 6)).map(
        lambda p: TimeValue.between(_dt.date(2020, 2, p[0]), _dt.date(2020, 2, p[0] + p[1])))
    month = st.sampled_from([TimeValue.month(2020, 2), TimeValue.month(2020, 1)])
    return st.one_of(st.none(), day, interval, month)


# Strategies are built once: building them inside each draw is what makes tests slow.
_DATE = _dates()
_PLACE = st.none() | st.sampled_from(PLACES)
_PARTIES = st.sampled_from([("RU", "TR"), ("IR", "RU", "TR"), ("RU",), ("IR", "RU")])
_MEETING_KIND = st.sampled_from([MeetingKind.TALKS, MeetingKind.PHONE_CALL])
_STATUS = st.sampled_from(list(MeetingStatus))
_TYPE = st.sampled_from([IncidentType.ARMED_ATTACK, IncidentType.DISPLACEMENT])
_ROLES = st.lists(st.sampled_from(["state:SY", "state:TR", "state:RU"]), max_size=2, unique=True)
_FIGURE = st.none() | st.builds(Claim, st.sampled_from([8, 13, 76]),
                                st.sampled_from(list(Qualifier)),
                                st.none() | st.sampled_from(["the UN", "Ankara"]))
_PEOPLE = st.lists(st.sampled_from(PEOPLE), max_size=3, unique_by=lambda p: p[0])
_COUNT = st.integers(0, 3)
_PUBLISHED = st.none() | st.integers(1, 20).map(lambda d: _dt.date(2020, 2, d))
_OUTLET = st.none() | st.sampled_from(["TASS", "Sputnik", "Anadolu Agency"])


@st.composite
def _result(draw: Any, article_id: str) -> ArticleResult:
    chosen = draw(_PEOPLE)
    actors = tuple(Actor(f"person:{slug}", name, ActorKind.PERSON, country, None)
                   for slug, name, country in chosen)
    ids = [a.id for a in actors]
    meetings = []
    for k in range(draw(_COUNT)):
        participants = [i for i in ids if draw(st.booleans())]
        meetings.append(Meeting(
            f"meeting:{article_id}:{k}", draw(_MEETING_KIND), draw(_STATUS),
            (Span(k, k + 4),), draw(_PARTIES), participants, draw(_PLACE), draw(_DATE)))
    incidents = [
        Incident(f"incident:{article_id}:{k}", draw(_TYPE), (Span(k, k + 4),), draw(_ROLES),
                 draw(_ROLES), draw(_PLACE), draw(_DATE), killed=draw(_FIGURE),
                 displaced=draw(_FIGURE))
        for k in range(draw(_COUNT))
    ]
    return ArticleResult(
        Article(article_id, TEXT, outlet=draw(_OUTLET), published=draw(_PUBLISHED)),
        actors, meetings, incidents)


@st.composite
def corpora(draw: Any) -> list[ArticleResult]:
    n = draw(st.integers(1, 5))
    return [draw(_result(f"a{k}")) for k in range(n)]


def _events(merged: MergedCorpus) -> list[Any]:
    return [*merged.meetings, *merged.incidents]


@settings(max_examples=100, deadline=None)
@given(corpora(), st.randoms(use_true_random=False))
def test_merging_does_not_depend_on_input_order(results: list[ArticleResult], rnd: Any) -> None:
    shuffled = results[:]
    rnd.shuffle(shuffled)
    shuffled = [
        ArticleResult(r.article, tuple(rnd.sample(r.actors, len(r.actors))),
                      tuple(rnd.sample(r.meetings, len(r.meetings))),
                      tuple(rnd.sample(r.incidents, len(r.incidents))))
        for r in shuffled
    ]
    assert merge(shuffled) == merge(results)


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_merging_is_idempotent(results: list[ArticleResult]) -> None:
    once = Corpus(results)
    assert Corpus(results + results).merged() == once.merged()
    assert Corpus(once.results).merged() == once.merged()
    assert merge(results) == merge(results)


@settings(max_examples=150, deadline=None)
@given(corpora())
def test_merged_events_never_join_contradicting_reports(results: list[ArticleResult]) -> None:
    merged = merge(results)
    for event in _events(merged):
        records = [r.record for r in event.reports]
        dates = [r.date for r in records if r.date is not None]
        for a, b in itertools.combinations(dates, 2):
            assert a.overlaps(b), (event.id, a.iso, b.iso)
        cities = {r.place.name for r in records if r.place is not None
                  and r.place.name in CITIES}
        assert len(cities) <= 1, event.id
        kinds = {getattr(r, "kind", None) or getattr(r, "type", None) for r in records}
        assert len(kinds) == 1, event.id
        if event.date is not None:
            assert all(event.date.start >= d.start and event.date.end <= d.end for d in dates)


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_meeting_stages_are_not_mixed(results: list[ArticleResult]) -> None:
    for m in merge(results).meetings:
        stages = {r.record.status for r in m.reports}
        if m.status is MeetingStatus.PLANNED:
            assert stages == {MeetingStatus.PLANNED}
        elif m.status is MeetingStatus.CANCELLED:
            assert stages == {MeetingStatus.CANCELLED}
        else:  # held or ongoing, with plans folded in only as announcements of that day
            assert MeetingStatus.CANCELLED not in stages
            assert {r.record.status for r in m.announcements} <= {MeetingStatus.PLANNED}


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_nothing_is_lost_and_nothing_counted_twice(results: list[ArticleResult]) -> None:
    merged = merge(results)
    reported = sorted((r.article, r.record.id) for e in _events(merged) for r in e.reports)
    given_ = sorted((r.id, e.id) for r in results for e in (*r.meetings, *r.incidents))
    assert reported == given_
    ids = [e.id for e in _events(merged)]
    assert len(ids) == len(set(ids))
    figures = {(r.id, f, getattr(i, f).value, getattr(i, f).qualifier, getattr(i, f).claimant)
               for r in results for i in r.incidents for f in ("killed", "displaced")
               if getattr(i, f) is not None}
    claims = {(c.article, c.figure.value, c.value, c.qualifier, c.claimant)
              for i in merged.incidents for c in i.claims}
    assert claims == figures


@settings(max_examples=100, deadline=None)
@given(corpora())
def test_plan_links_point_both_ways(results: list[ArticleResult]) -> None:
    meetings = {m.id: m for m in merge(results).meetings}
    for m in meetings.values():
        if m.fulfilled_by is not None:
            assert m.status is MeetingStatus.PLANNED
            assert m.id in meetings[m.fulfilled_by].fulfils
        for plan in m.fulfils:
            assert meetings[plan].fulfilled_by == m.id


@settings(max_examples=100, deadline=None)
@given(corpora(), st.randoms(use_true_random=False))
def test_registry_is_a_partition_independent_of_order(
    results: list[ArticleResult], rnd: Any
) -> None:
    actors, id_map = build_registry(results)
    shuffled = results[:]
    rnd.shuffle(shuffled)
    assert build_registry(shuffled) == (actors, id_map)
    every_id = {a.id for r in results for a in r.actors}
    assert set(id_map) == every_id
    seen: set[str] = set()
    for a in actors:
        assert not seen & set(a.source_ids)
        seen |= set(a.source_ids)
        assert a.id in a.source_ids
        # people of two different countries are never one actor
        countries = {x.country for r in results for x in r.actors
                     if x.id in a.source_ids and x.country}
        assert len(countries) <= 1, a


@settings(max_examples=60, deadline=None)
@given(st.lists(testing.article_results(), min_size=1, max_size=4,
                unique_by=lambda r: r.id))
def test_any_valid_results_merge_without_loss(results: list[ArticleResult]) -> None:
    # The library's own strategies: arbitrary valid records, far from the news world.
    corpus = Corpus(results)
    merged = corpus.merged()
    reported = sorted((r.article, r.record.id) for e in _events(merged) for r in e.reports)
    assert reported == sorted((r.id, e.id) for r in results
                              for e in (*r.meetings, *r.incidents))
    assert sorted({a.id for r in results for a in r.actors}) == sorted(
        sid for a in merged.actors for sid in a.source_ids)
    for kind in ("meetings", "incidents", "actors", "claims", "reports", "timeline"):
        corpus.to_records(kind)
