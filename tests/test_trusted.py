"""The unchecked constructors of idlib_corpus._trusted give the very objects the checked
constructors give (equal, same repr, same hash), and fall back to the checks on bad input."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus import _trusted
from idlib_corpus.document import Annotation, AnnotationLabel
from idlib_corpus.errors import ModelError
from idlib_corpus.model import (
    Actor,
    Article,
    ArticleResult,
    Claim,
    Incident,
    Meeting,
    Mention,
    Span,
    TimeValue,
)
from idlib_corpus.testing import (
    actors,
    article_metadata,
    article_results,
    articles,
    claims,
    incidents,
    meetings,
    mentions,
    places,
    spans,
    time_values,
)


def same(a: object, b: object) -> None:
    assert type(a) is type(b)
    assert a == b and repr(a) == repr(b) and hash(a) == hash(b)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_span_is_the_checked_span(a: int, b: int) -> None:
    start, end = min(a, b), max(a, b)
    same(_trusted.span(start, end), Span(start, end))


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 4), (True, 3), (1.0, 2)])
def test_span_still_rejects_what_span_rejects(start: object, end: object) -> None:
    with pytest.raises(ModelError, match=r"^Span\."):
        _trusted.span(start, end)  # type: ignore[arg-type]


@given(places(), st.text(min_size=1, max_size=20), spans("x" * 100))
def test_place_at_is_evolve(base: object, text: str, where: Span) -> None:
    same(_trusted.place_at(base, text, where),  # type: ignore[arg-type]
         attrs.evolve(base, text=text, span=where))  # type: ignore[misc]


@given(
    spans("x" * 100),
    st.sampled_from(AnnotationLabel),
    st.text(max_size=20),
    st.none() | st.text(max_size=10),
    st.none() | st.integers(0, 10**6) | time_values(),
    st.none() | st.text(min_size=1, max_size=10),
)
def test_annotation_is_the_constructed_annotation(
    where: Span, label: AnnotationLabel, text: str, key: str | None, value: object,
    source: str | None,
) -> None:
    same(_trusted.annotation(where, label, text, key, value, source),  # type: ignore[arg-type]
         Annotation(where, label, text, key, value, source))  # type: ignore[arg-type]


def test_the_setters_match_the_classes_today() -> None:
    # If a field is added to one of these classes, the module falls back to the checked
    # constructors (slow but right); this says so, so that the fast path is updated.
    assert _trusted._SPAN is not None
    assert _trusted._PLACE is not None
    assert _trusted._ANNOTATION is not None
    assert _trusted._MEETING_SETTERS is not None
    assert _trusted._INCIDENT_SETTERS is not None
    assert _trusted._MENTION is not None
    assert _trusted._ACTOR is not None
    assert _trusted._TIME_VALUE is not None
    assert _trusted._CLAIM is not None
    assert _trusted._ARTICLE_DEFAULTS is not None
    assert _trusted._RESULT is not None


@given(meetings() | incidents(), st.text(min_size=1, max_size=30))
def test_with_id_is_evolve(event: Meeting | Incident, new_id: str) -> None:
    try:
        expected = attrs.evolve(event, id=new_id)
    except ModelError:
        with pytest.raises(ModelError):
            _trusted.with_id(event, new_id)
        return
    same(_trusted.with_id(event, new_id), expected)


def _fields(event: Meeting | Incident) -> list[object]:
    return [getattr(event, f.name) for f in attrs.fields(type(event))]


def _same_or_both_fail(build: Any, check: Any, values: list[object]) -> None:
    try:
        expected = check(*values)
    except ModelError as exc:
        with pytest.raises(ModelError) as got:
            build(*values)
        assert str(got.value) == str(exc)
        return
    same(build(*values), expected)


# Values the constructors convert (lists, unsorted or repeated ids) or reject (bad ids and
# codes, negative durations, wrong types), put in place of one field of a valid event.
_ODD = st.sampled_from([
    [], (), None, "", " ", ["TR", "RU"], ("TR", "RU"), ("RU", "RU"), ("tr",), ("state:TR",),
    ("state:tr", "person:a"), ("person:a", "person:a"), ("bad id",), -1, 5, True, 2.5,
    [Span(0, 1)], (Span(0, 1), "x"), "x", object(),
])


@pytest.mark.parametrize(
    ("events", "build", "check"),
    [(meetings(), _trusted.meeting, Meeting), (incidents(), _trusted.incident, Incident)],
    ids=["meeting", "incident"],
)
@given(data=st.data())
def test_event_is_the_constructed_event(
    events: Any, build: Any, check: Any, data: st.DataObject
) -> None:
    values = _fields(data.draw(events))
    if data.draw(st.booleans(), label="replace a field"):
        values[data.draw(st.integers(0, len(values) - 1))] = data.draw(_ODD)
    _same_or_both_fail(build, check, values)


@pytest.mark.parametrize(
    ("objects", "build", "check"),
    [(actors(), _trusted.actor, Actor), (time_values(), _trusted.time_value, TimeValue),
     (mentions("Putin met Erdogan in Moscow."), _trusted.mention, Mention)],
    ids=["actor", "time_value", "mention"],
)
@given(data=st.data())
def test_actor_mention_and_time_value_are_the_constructed_ones(
    objects: Any, build: Any, check: Any, data: st.DataObject
) -> None:
    values = [getattr(o, f.name) for o in [data.draw(objects)] for f in attrs.fields(check)]
    if data.draw(st.booleans(), label="replace a field"):
        values[data.draw(st.integers(0, len(values) - 1))] = data.draw(
            _ODD | _DATES, label="odd value")
    _same_or_both_fail(build, check, values)


# Dates that break TimeValue's consistency rules when put in place of one end (not the
# first or last day of a month or year, another month), and a datetime, which it refuses.
_DATES = st.sampled_from([
    dt.date(2020, 2, 1), dt.date(2020, 2, 29), dt.date(2020, 3, 15), dt.date(2019, 12, 31),
    dt.date(2021, 1, 1), dt.datetime(2020, 2, 1, 10, 0),
])


@given(data=st.data())
def test_claim_is_the_constructed_claim(data: st.DataObject) -> None:
    values = [getattr(data.draw(claims(text="x" * 100)), f.name) for f in attrs.fields(Claim)]
    if data.draw(st.booleans(), label="replace a field"):
        values[data.draw(st.integers(0, len(values) - 1))] = data.draw(_ODD, label="odd value")
    _same_or_both_fail(_trusted.claim, Claim, values)


@given(data=st.data())
def test_incident_ids_seen_before_are_checked_like_new_ones(data: st.DataObject) -> None:
    # _trusted remembers the actor ids that passed the pattern: an incident that names
    # them again, or names a bad id next to them, is still the constructor's.
    values = _fields(data.draw(incidents()))
    _same_or_both_fail(_trusted.incident, Incident, values)
    bad = data.draw(st.sampled_from(["bad id", "state:", "State:tr", "state:tr\n", ":x"]))
    field = data.draw(st.sampled_from([3, 4]), label="perpetrators or targets")
    values[field] = tuple(sorted({*values[field], bad}))  # type: ignore[misc]
    _same_or_both_fail(_trusted.incident, Incident, values)


@given(articles())
def test_article_is_the_constructed_article(a: Article) -> None:
    same(_trusted.article(a.id, a.text, published=a.published, url=a.url, source=a.source),
         Article(a.id, a.text, published=a.published, url=a.url, source=a.source))


@pytest.mark.parametrize(("id", "text", "published"), [
    ("", "Talks.", None),
    ("   ", "Talks.", None),
    ("a1", 3, None),
    ("a1", "Talks.", dt.datetime(2020, 3, 5, 12, 0)),
])
def test_article_still_rejects_what_article_rejects(id: object, text: object,
                                                    published: object) -> None:
    with pytest.raises(ModelError):
        Article(id, text, published=published)  # type: ignore[arg-type]
    with pytest.raises(ModelError):
        _trusted.article(id, text, published=published)  # type: ignore[arg-type]


@given(data=st.data())
def test_article_with_metadata_is_evolve(data: st.DataObject) -> None:
    a = data.draw(articles())
    meta = data.draw(article_metadata(text=a.text))
    changes = {name: getattr(meta, name) for name in
               ("title", "title_span", "outlet", "outlet_span", "dateline", "dateline_span",
                "published")}
    changes["boilerplate"] = tuple(sorted(meta.boilerplate, key=lambda b: (b.start, b.end)))
    same(_trusted.article_with(a, changes), attrs.evolve(a, **changes))


@given(article_results(max_diagnostics=0))
def test_article_result_is_the_constructed_result(r: ArticleResult) -> None:
    same(_trusted.article_result(r.article, r.actors, r.meetings, r.incidents),
         ArticleResult(r.article, r.actors, r.meetings, r.incidents))
