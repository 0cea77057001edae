"""The model's constructors: every validator accepts valid values and rejects bad ones
with a ModelError naming the class and the field."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus.errors import IdlibCorpusError, ModelError
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    ArticleMetadata,
    ArticleResult,
    Claim,
    Diagnostic,
    Incident,
    IncidentType,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Mention,
    MentionKind,
    Place,
    Precision,
    Qualifier,
    Severity,
    Span,
    TimeValue,
)
from idlib_corpus.testing import article_results, time_values

TEXT = "Turkish troops entered Saraqib on Thursday, killing 8 fighters."
D = dt.date(2020, 2, 6)


def rejects(fn: Any, *args: Any, match: str, **kwargs: Any) -> ModelError:
    """Call and expect a ModelError whose message matches ``match`` (a regex)."""
    with pytest.raises(ModelError, match=match) as info:
        fn(*args, **kwargs)
    return info.value


def incident(**kwargs: Any) -> Incident:
    fields: dict[str, Any] = {
        "id": "incident:a:0",
        "type": IncidentType.ARMED_ATTACK,
        "evidence": [Span(0, 10)],
    }
    fields.update(kwargs)
    return Incident(**fields)


def meeting(**kwargs: Any) -> Meeting:
    fields: dict[str, Any] = {
        "id": "meeting:a:0",
        "kind": MeetingKind.TALKS,
        "status": MeetingStatus.HELD,
        "evidence": [Span(0, 10)],
    }
    fields.update(kwargs)
    return Meeting(**fields)


# --------------------------------------------------------------------------- errors


def test_model_error_is_a_value_error_and_ours() -> None:
    err = rejects(Span, -1, 2, match="Span.start")
    assert isinstance(err, ValueError)
    assert isinstance(err, IdlibCorpusError)


# --------------------------------------------------------------------------- Span


def test_span_slices_and_compares() -> None:
    span = Span(23, 30)
    assert span.slice(TEXT) == "Saraqib"
    assert len(span) == 7
    assert Span(0, 40).contains(span) and not span.contains(Span(0, 40))
    assert span.overlaps(Span(29, 31)) and not span.overlaps(Span(30, 31))
    assert sorted([Span(5, 6), Span(1, 9), Span(1, 2)]) == [Span(1, 2), Span(1, 9), Span(5, 6)]


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [(-1, 3, "start"), (5, 4, "end"), (1.0, 3, "start"), (1, "3", "end"), (True, 3, "start")],
)
def test_span_rejects(start: Any, end: Any, field: str) -> None:
    err = rejects(Span, start, end, match=rf"^Span\.{field} must be")
    assert repr(start if field == "start" else end) in str(err)


def test_empty_span_is_allowed() -> None:
    assert len(Span(4, 4)) == 0


def test_model_objects_are_immutable() -> None:
    span = Span(1, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]


# --------------------------------------------------------------------------- TimeValue


def test_time_value_constructors() -> None:
    assert TimeValue.day(D).iso == "2020-02-06"
    month = TimeValue.month(2020, 2)
    assert (month.start, month.end, month.precision) == (
        dt.date(2020, 2, 1),
        dt.date(2020, 2, 29),  # a leap year
        Precision.MONTH,
    )
    assert month.iso == "2020-02"
    year = TimeValue.year(2019)
    assert (year.start, year.end, year.iso) == (dt.date(2019, 1, 1), dt.date(2019, 12, 31), "2019")
    week = TimeValue.between(dt.date(2020, 2, 10), dt.date(2020, 2, 16))
    assert week.interval and week.iso == "2020-02-10/2020-02-16"
    months = TimeValue.between(dt.date(2019, 12, 5), dt.date(2020, 2, 3), precision=Precision.MONTH)
    assert (months.start, months.end, months.iso) == (
        dt.date(2019, 12, 1),
        dt.date(2020, 2, 29),
        "2019-12/2020-02",
    )


def test_time_value_contains_and_overlaps() -> None:
    feb = TimeValue.month(2020, 2)
    assert feb.contains(TimeValue.day(D)) and not TimeValue.day(D).contains(feb)
    assert feb.overlaps(TimeValue.year(2020)) and not feb.overlaps(TimeValue.month(2020, 3))


@pytest.mark.parametrize(
    ("kwargs", "pattern"),
    [
        ({"start": D, "end": D - dt.timedelta(days=1)}, r"TimeValue\.end must be >= start"),
        # a day-precision point covers one day
        ({"start": D, "end": D + dt.timedelta(days=1)}, r"TimeValue\.end .*same unit"),
        (
            {
                "start": dt.date(2020, 2, 2),
                "end": dt.date(2020, 2, 29),
                "precision": Precision.MONTH,
            },
            r"TimeValue\.start/end .*whole months",
        ),
        (
            {
                "start": dt.date(2020, 2, 1),
                "end": dt.date(2020, 2, 28),
                "precision": Precision.MONTH,
            },
            r"whole months",
        ),
        (
            {
                "start": dt.date(2020, 1, 1),
                "end": dt.date(2020, 3, 31),
                "precision": Precision.MONTH,
            },
            r"same unit",  # a month point cannot span three months
        ),
        (
            {
                "start": dt.date(2020, 1, 2),
                "end": dt.date(2020, 12, 31),
                "precision": Precision.YEAR,
            },
            r"whole years",
        ),
        (
            {
                "start": dt.date(2019, 1, 1),
                "end": dt.date(2020, 12, 31),
                "precision": Precision.YEAR,
            },
            r"same unit",
        ),
        (
            {"start": dt.datetime(2020, 2, 6, 12), "end": D},
            r"TimeValue\.start must be a datetime\.date",
        ),
        ({"start": "2020-02-06", "end": D}, r"TimeValue\.start"),
        ({"start": D, "end": D, "precision": "day"}, r"TimeValue\.precision"),
        ({"start": D, "end": D, "interval": 1}, r"TimeValue\.interval"),
        ({"start": D, "end": D, "span": (0, 3)}, r"TimeValue\.span"),
    ],
)
def test_time_value_rejects(kwargs: dict[str, Any], pattern: str) -> None:
    rejects(TimeValue, match=pattern, **kwargs)


def test_time_value_interval_may_span_units() -> None:
    value = TimeValue(dt.date(2019, 1, 1), dt.date(2020, 12, 31), Precision.YEAR, interval=True)
    assert value.iso == "2019/2020"


@pytest.mark.parametrize(
    ("text", "iso", "precision", "interval"),
    [
        ("2020", "2020", Precision.YEAR, False),
        ("2020-02", "2020-02", Precision.MONTH, False),
        ("2020-02-08", "2020-02-08", Precision.DAY, False),
        ("2020-02-10/2020-02-16", "2020-02-10/2020-02-16", Precision.DAY, True),
        ("2019-12/2020-02", "2019-12/2020-02", Precision.MONTH, True),
    ],
)
def test_from_iso(text: str, iso: str, precision: Precision, interval: bool) -> None:
    value = TimeValue.from_iso(text)
    assert (value.iso, value.precision, value.interval) == (iso, precision, interval)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "2020-2",
        "2020-13",
        "20200208",
        "2020-02-30",
        "Feb 2020",
        "2020/2021-02",
        "2020-02-08T10",
    ],
)
def test_from_iso_rejects(text: str) -> None:
    rejects(TimeValue.from_iso, text, match=re.escape(repr(text)))


@given(time_values())
def test_iso_notation_round_trips(value: TimeValue) -> None:
    back = TimeValue.from_iso(value.iso)
    assert back == attrs.evolve(value, text="", span=None)


# --------------------------------------------------------------------------- Place


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": " "}, "name"),
        ({"country": "tr"}, "country"),
        ({"country": "TUR"}, "country"),
        ({"country": "TR\n"}, "country"),
        ({"country": 90}, "country"),
        ({"latitude": 90.5}, "latitude"),
        ({"latitude": 45}, "latitude"),  # an int: the wire format stores floats
        ({"longitude": -180.01}, "longitude"),
        ({"geonames_id": "170000"}, "geonames_id"),
        ({"kind": "town"}, "kind"),
        ({"span": Span(0, 1), "text": None}, "text"),
    ],
)
def test_place_rejects(kwargs: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {"name": "Saraqib"}
    fields.update(kwargs)
    rejects(Place, match=rf"^Place\.{field} must be", **fields)


def test_place_accepts_edges() -> None:
    place = Place("Pole", latitude=90.0, longitude=-180.0, country="SY", geonames_id=1)
    assert place.latitude == 90.0


# --------------------------------------------------------------------------- Actor, Mention


@pytest.mark.parametrize(
    "bad_id",
    ["Putin", "person:", ":putin", "Person:putin", "person:vladimir putin", "person:x\n", 7],
)
def test_actor_id_pattern(bad_id: Any) -> None:
    rejects(Actor, bad_id, "Vladimir Putin", ActorKind.PERSON, match=r"^Actor\.id must be an id")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"name": ""}, "name"),
        ({"kind": "person"}, "kind"),
        ({"country": "Russia"}, "country"),
        ({"aliases": ["Putin", 3]}, "aliases"),
        ({"mentions": [Span(0, 3)]}, "mentions"),
        ({"title": 5}, "title"),
    ],
)
def test_actor_rejects(kwargs: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {
        "id": "person:vladimir-putin",
        "name": "Putin",
        "kind": ActorKind.PERSON,
    }
    fields.update(kwargs)
    rejects(Actor, match=rf"^Actor\.{field} must be", **fields)


def test_actor_takes_lists_and_stores_tuples() -> None:
    mention = Mention(Span(0, 7), "Turkish", MentionKind.DEMONYM)
    actor = Actor(
        "state:TR", "Turkey", ActorKind.STATE, country="TR", aliases=["Türkiye"], mentions=[mention]
    )
    assert actor.aliases == ("Türkiye",)
    assert actor.spans == (Span(0, 7),)
    assert hash(actor) == hash(
        Actor(
            "state:TR",
            "Turkey",
            ActorKind.STATE,
            country="TR",
            aliases=("Türkiye",),
            mentions=(mention,),
        )
    )


@pytest.mark.parametrize(
    ("args", "field"),
    [((Span(0, 1), 5), "text"), (((0, 1), "T"), "span"), ((Span(0, 1), "T", "name"), "kind")],
)
def test_mention_rejects(args: tuple[Any, ...], field: str) -> None:
    rejects(Mention, *args, match=rf"^Mention\.{field} must be")


# --------------------------------------------------------------------------- Claim


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"value": -3}, "value"),
        ({"value": 3.0}, "value"),
        ({"value": True}, "value"),
        ({"value": "8"}, "value"),
        ({"value": 8, "qualifier": "exact"}, "qualifier"),
        ({"value": 8, "claimant": 1}, "claimant"),
    ],
)
def test_claim_rejects(kwargs: dict[str, Any], field: str) -> None:
    rejects(Claim, match=rf"^Claim\.{field} must be", **kwargs)


def test_negative_count_message_names_field_and_value() -> None:
    err = rejects(Claim, -3, match="Claim.value")
    assert str(err) == "Claim.value must be >= 0, got -3"


def test_zero_is_a_count() -> None:
    assert Claim(0, Qualifier.EXACT).value == 0


# --------------------------------------------------------------------------- Meeting, Incident


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"evidence": []}, "evidence"),
        ({"evidence": [(0, 3)]}, "evidence"),
        ({"parties": ["TR", "Russia"]}, "parties"),
        ({"parties": ["tr"]}, "parties"),
        ({"participants": ["Erdogan"]}, "participants"),
        ({"parties": 5}, "parties"),  # not iterable: a ModelError, not a TypeError
        ({"participants": 5}, "participants"),
        ({"duration_minutes": -1}, "duration_minutes"),
        ({"duration_minutes": 1.5}, "duration_minutes"),
        ({"kind": "talks"}, "kind"),
        ({"status": None}, "status"),
        ({"place": "Moscow"}, "place"),
        ({"date": D}, "date"),
        ({"id": ""}, "id"),
    ],
)
def test_meeting_rejects(kwargs: dict[str, Any], field: str) -> None:
    rejects(meeting, match=rf"^Meeting\.{field} must be", **kwargs)


def test_meeting_sets_are_sorted_and_unique() -> None:
    m = meeting(parties=["TR", "RU", "TR"], participants=["person:b", "person:a"])
    assert m.parties == ("RU", "TR")
    assert m.participants == ("person:a", "person:b")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"evidence": ()}, "evidence"),
        ({"type": "armed_attack"}, "type"),
        ({"perpetrators": ["syrian forces"]}, "perpetrators"),
        ({"targets": ["state:TR", "Turkish troops"]}, "targets"),
        ({"killed": 8}, "killed"),
        ({"injured": Claim(1), "displaced": -5}, "displaced"),
        ({"reported_by": 3}, "reported_by"),
    ],
)
def test_incident_rejects(kwargs: dict[str, Any], field: str) -> None:
    rejects(incident, match=rf"^Incident\.{field} must be", **kwargs)


# --------------------------------------------------------------------------- Diagnostic


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("error", "plugin-error", "boom"), "severity"),
        ((Severity.ERROR, "", "boom"), "code"),
        ((Severity.ERROR, "plugin-error", None), "message"),
    ],
)
def test_diagnostic_rejects(args: tuple[Any, ...], field: str) -> None:
    rejects(Diagnostic, *args, match=rf"^Diagnostic\.{field} must be")


# --------------------------------------------------------------------------- Article


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"id": "  "}, "id"),
        ({"text": None}, "text"),
        ({"title_span": Span(0, len(TEXT) + 1)}, "title_span"),
        ({"outlet_span": Span(60, 70)}, "outlet_span"),
        ({"dateline_span": Span(100, 101)}, "dateline_span"),
        ({"boilerplate": [Span(0, 3), Span(0, 999)]}, "boilerplate"),
        ({"published": dt.datetime(2020, 2, 6, 8, 0)}, "published"),
        ({"published": "2020-02-06"}, "published"),
        ({"url": 5}, "url"),
    ],
)
def test_article_rejects(kwargs: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {"id": "a", "text": TEXT}
    fields.update(kwargs)
    rejects(Article, match=rf"^Article\.{field} must be", **fields)


def test_article_marks_boilerplate() -> None:
    article = Article("a", TEXT, boilerplate=[Span(0, 14)], published=D)
    assert article.is_boilerplate(Span(0, 7))
    assert not article.is_boilerplate(Span(10, 20))


def test_article_metadata_rejects_datetime() -> None:
    rejects(ArticleMetadata, published=dt.datetime(2020, 2, 6), match=r"ArticleMetadata\.published")


# --------------------------------------------------------------------------- ArticleResult


def claim_at(span: Span) -> Claim:
    return Claim(8, span=span)


OUTSIDE = Span(len(TEXT) - 2, len(TEXT) + 1)


@pytest.mark.parametrize(
    ("kwargs", "where"),
    [
        (
            {
                "actors": [
                    Actor(
                        "state:TR",
                        "Turkey",
                        ActorKind.STATE,
                        mentions=[Mention(Span(0, 7), "Turkish"), Mention(OUTSIDE, "x")],
                    )
                ]
            },
            "actors[0].mentions[1]",
        ),
        ({"meetings": [meeting(evidence=[OUTSIDE])]}, "meetings[0].evidence[0]"),
        (
            {"incidents": [incident(), incident(evidence=[Span(0, 1), OUTSIDE])]},
            "incidents[1].evidence[1]",
        ),
        (
            {"incidents": [incident(place=Place("Saraqib", span=OUTSIDE))]},
            "incidents[0].place.span",
        ),
        ({"meetings": [meeting(date=TimeValue.day(D, span=OUTSIDE))]}, "meetings[0].date.span"),
        ({"incidents": [incident(killed=claim_at(OUTSIDE))]}, "incidents[0].killed.span"),
        ({"incidents": [incident(displaced=claim_at(OUTSIDE))]}, "incidents[0].displaced.span"),
    ],
)
def test_article_result_rejects_spans_outside_the_text(kwargs: dict[str, Any], where: str) -> None:
    err = rejects(
        ArticleResult, Article("a", TEXT), match=re.escape(f"ArticleResult.{where} "), **kwargs
    )
    assert f"length {len(TEXT)}" in str(err)


def test_article_result_accepts_spans_up_to_the_end() -> None:
    end = Span(len(TEXT) - 1, len(TEXT))
    result = ArticleResult(
        Article("a", TEXT),
        incidents=[incident(evidence=[end], killed=claim_at(end))],
        diagnostics=[Diagnostic(Severity.WARNING, "decoding", "latin-1")],
    )
    assert result.id == "a"
    assert result.ok  # a warning is not a failure
    assert not attrs.evolve(result, diagnostics=[Diagnostic(Severity.ERROR, "x", "y")]).ok


def test_article_result_actor_lookup() -> None:
    turkey = Actor("state:TR", "Turkey", ActorKind.STATE)
    result = ArticleResult(Article("a", TEXT), actors=[turkey])
    assert result.actor("state:TR") is turkey
    assert result.actor("state:RU") is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"article": "a"}, "article"),
        ({"actors": ["state:TR"]}, "actors"),
        ({"incidents": [meeting()]}, "incidents"),
        ({"diagnostics": "error"}, "diagnostics"),
    ],
)
def test_article_result_checks_types(kwargs: dict[str, Any], field: str) -> None:
    fields: dict[str, Any] = {"article": Article("a", TEXT)}
    fields.update(kwargs)
    rejects(ArticleResult, match=rf"^ArticleResult\.{field} must be", **fields)


@given(st.integers(-5, 5), st.integers(-5, 5))
def test_span_valid_iff_ordered_and_non_negative(start: int, end: int) -> None:
    if 0 <= start <= end:
        assert Span(start, end).end == end
    else:
        rejects(Span, start, end, match=r"^Span\.(start|end) must be")



@given(article_results())
def test_article_result_fast_span_check_agrees_with_iter_spans(result: ArticleResult) -> None:
    # The constructor's quick bound and the paths it reports on failure must see the same
    # spans: a field added to one and not the other would let a bad span through.
    last = result._last_end()
    assert last == max((s.end for _, s in result.iter_spans()), default=0)
    article = result.article
    own = [article.title_span, article.outlet_span, article.dateline_span, *article.boilerplate]
    if last > 0 and all(s is None or s.end < last for s in own):
        cut = attrs.evolve(article, text=article.text[: last - 1])
        with pytest.raises(ModelError, match=r"^ArticleResult\.\w+\[\d+\]"):
            attrs.evolve(result, article=cut)


@given(st.tuples(st.integers(0, 5), st.integers(0, 5)).map(sorted),
       st.tuples(st.integers(0, 5), st.integers(0, 5)).map(sorted))
def test_spans_order_by_start_then_end(a: list[int], b: list[int]) -> None:
    x, y = Span(*a), Span(*b)
    ta, tb = tuple(a), tuple(b)
    assert (x < y, x <= y, x > y, x >= y, x == y) == (ta < tb, ta <= tb, ta > tb, ta >= tb,
                                                      ta == tb)
    with pytest.raises(TypeError):
        _ = x < ta  # type: ignore[operator]
