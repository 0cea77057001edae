"""The strategies shipped for plugin authors: valid values, checked arguments, from_type
registration, and the plugin-manager helper."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import importlib.util
import re
import sys
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from idlib_corpus import hookimpl, testing
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    ArticleMetadata,
    ArticleResult,
    Claim,
    Diagnostic,
    Incident,
    Meeting,
    Mention,
    MentionKind,
    Place,
    Precision,
    Span,
    TimeValue,
)
from idlib_corpus.plugins import BUILTIN_PLUGINS
from idlib_corpus.testing import (
    actor_ids,
    actors,
    article_metadata,
    article_results,
    articles,
    claims,
    country_codes,
    incidents,
    make_plugin_manager,
    meetings,
    mentions,
    places,
    spans,
    time_values,
)

ID = re.compile(r"[a-z_]+:[A-Za-z0-9._-]+")
ISO2 = re.compile(r"[A-Z]{2}")
TEXT = "Turkish Defence Minister Hulusi Akar said 8 soldiers were killed near Saraqib."


# --------------------------------------------------------------------------- valid values


@given(st.text(max_size=50).flatmap(lambda t: st.tuples(st.just(t), spans(t))))
def test_spans_lie_inside_their_text(case: tuple[str, Span]) -> None:
    text, span = case
    assert 0 <= span.start <= span.end <= len(text)


@given(spans(TEXT, min_size=3, max_size=5))
def test_span_sizes(span: Span) -> None:
    assert 3 <= len(span) <= 5 and span.end <= len(TEXT)


@given(spans())
def test_free_spans(span: Span) -> None:
    assert span.end <= 10_000


@given(time_values(min_value=dt.date(2019, 6, 1), max_value=dt.date(2020, 6, 30)))
def test_time_values_respect_precision_and_range(value: TimeValue) -> None:
    assert value.start <= value.end
    if value.precision is Precision.MONTH:
        assert value.start.day == 1 and (value.end + dt.timedelta(days=1)).day == 1
    if value.precision is Precision.YEAR:
        assert (value.start.month, value.start.day, value.end.month, value.end.day) == (
            1,
            1,
            12,
            31,
        )
    if not value.interval and value.precision is Precision.DAY:
        assert value.start == value.end
    # the days drawn lie in range; month and year values cover their whole unit around them
    assert dt.date(2019, 1, 1) <= value.start and value.end <= dt.date(2020, 12, 31)


@given(time_values(text=TEXT, precisions=[Precision.DAY]))
def test_time_value_text_is_the_words_at_its_span(value: TimeValue) -> None:
    assert value.precision is Precision.DAY
    if value.span is not None:
        assert value.text == value.span.slice(TEXT)


@given(mentions(TEXT, kinds=[MentionKind.SURNAME]))
def test_mentions_hold_their_words(mention: Mention) -> None:
    assert mention.text == mention.span.slice(TEXT)
    assert mention.kind is MentionKind.SURNAME


@given(actors(text=TEXT))
def test_actors_are_well_formed(actor: Actor) -> None:
    assert ID.fullmatch(actor.id)
    assert actor.id.split(":", 1)[0] == actor.kind.value
    if actor.kind is ActorKind.STATE:
        assert actor.id == f"state:{actor.country}"
    assert actor.country is None or ISO2.fullmatch(actor.country)
    spans_ = [m.span for m in actor.mentions]
    assert spans_ == sorted(spans_)  # text order
    assert all(m.text == m.span.slice(TEXT) for m in actor.mentions)


@given(actor_ids(), country_codes())
def test_ids_and_codes(actor_id: str, code: str) -> None:
    assert ID.fullmatch(actor_id)
    assert ISO2.fullmatch(code)


@given(places(text=TEXT))
def test_places(place: Place) -> None:
    assert place.span is None or place.text == place.span.slice(TEXT)
    assert place.latitude is None or -90 <= place.latitude <= 90


@given(claims(text=TEXT))
def test_claims(claim: Claim) -> None:
    assert claim.value >= 0
    assert claim.span is None or claim.span.end <= len(TEXT)


@given(meetings(text=TEXT), incidents(text=TEXT))
def test_events_keep_evidence_in_the_text(meeting: Meeting, incident: Incident) -> None:
    for event in (meeting, incident):
        assert event.evidence
        assert all(s.end <= len(TEXT) for s in event.evidence)
    assert all(ISO2.fullmatch(p) for p in meeting.parties)
    assert all(ID.fullmatch(p) for p in (*incident.perpetrators, *incident.targets))


@given(articles())
def test_articles_metadata_spans_match(article: Article) -> None:
    for name in ("title", "outlet", "dateline"):
        span = getattr(article, f"{name}_span")
        if span is not None:
            assert getattr(article, name) == span.slice(article.text)
    assert all(b.end <= len(article.text) for b in article.boilerplate)


@given(article_metadata(text=TEXT))
def test_article_metadata(meta: ArticleMetadata) -> None:
    assert meta.title_span is None or meta.title == meta.title_span.slice(TEXT)


@given(article_results())
def test_article_results_are_consistent(result: ArticleResult) -> None:
    n = len(result.article.text)
    assert all(span.end <= n for _, span in result.iter_spans())
    ids = [a.id for a in result.actors]
    assert len(ids) == len(set(ids))
    assert [m.id for m in result.meetings] == [
        f"meeting:{result.id}:{i}" for i in range(len(result.meetings))
    ]
    assert [i.id for i in result.incidents] == [
        f"incident:{result.id}:{i}" for i in range(len(result.incidents))
    ]


@given(article_results(text=TEXT, max_actors=0, max_meetings=0, max_incidents=1))
def test_article_results_limits(result: ArticleResult) -> None:
    assert result.article.text == TEXT
    assert not result.actors and not result.meetings and len(result.incidents) <= 1


@pytest.mark.parametrize(
    ("strategy", "interesting"),
    [
        (article_results(), lambda r: bool(r.actors and r.meetings and r.incidents)),
        (incidents(), lambda i: i.killed is not None and i.date is not None and i.date.interval),
        (articles(), lambda a: "\n" in a.text and a.title_span is not None),
        (time_values(), lambda v: v.precision is Precision.YEAR and v.interval),
    ],
)
def test_strategies_reach_the_interesting_cases(strategy: Any, interesting: Any) -> None:
    """The strategies do not only yield trivial values (empty lists, no spans)."""

    class Found(Exception):
        pass

    # Stop at the first interesting value; generation only, as shrinking it is no use.
    @settings(max_examples=200, phases=[Phase.generate], database=None, print_blob=False)
    @given(strategy)
    def look(value: Any) -> None:
        if interesting(value):
            raise Found

    with pytest.raises(Found):
        look()


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    "make",
    [
        lambda: spans(5),  # type: ignore[arg-type]
        lambda: spans("ab", min_size=3),
        lambda: spans(min_size=-1),
        lambda: spans(min_size=3, max_size=2),
        lambda: spans(max_size=True),
        lambda: time_values(min_value=dt.date(2020, 1, 2), max_value=dt.date(2020, 1, 1)),
        lambda: time_values(min_value=dt.datetime(2020, 1, 1)),
        lambda: time_values(precisions=[]),
        lambda: time_values(precisions=["day"]),  # type: ignore[list-item]
        lambda: actor_ids(kinds=["person"]),  # type: ignore[list-item]
        lambda: mentions(None),  # type: ignore[arg-type]
        lambda: mentions("x", kinds=[]),
        lambda: actors(max_mentions=-1),
        lambda: meetings(id=" "),
        lambda: incidents(text=b"bytes"),  # type: ignore[arg-type]
        lambda: article_results(max_actors=-2),
        lambda: articles(text=3),  # type: ignore[arg-type]
    ],
)
def test_bad_arguments_raise_invalid_argument(make: Any) -> None:
    with pytest.raises(InvalidArgument):
        make()


# --------------------------------------------------------------------------- from_type


def test_hypothesis_entry_point_is_declared() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert "idlib_corpus.testing:_hypothesis_setup_hook" in {p.value for p in points}


MODEL_TYPES = [
    Span,
    TimeValue,
    Place,
    Mention,
    Actor,
    Claim,
    Meeting,
    Incident,
    Diagnostic,
    Article,
    ArticleMetadata,
    ArticleResult,
]


@pytest.mark.parametrize("cls", MODEL_TYPES, ids=lambda c: c.__name__)
def test_from_type_gives_valid_instances(cls: type) -> None:
    testing._hypothesis_setup_hook()  # what the entry point runs; registering twice is fine

    @given(st.from_type(cls))
    def check(obj: Any) -> None:
        assert type(obj) is cls
        if isinstance(obj, ArticleResult):
            assert all(s.end <= len(obj.article.text) for _, s in obj.iter_spans())

    check()


# --------------------------------------------------------------------------- plugins


class Counter:
    """A tiny plugin: counts the actors of each result it sees."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    @hookimpl
    def idlib_postprocess(self, result: ArticleResult) -> ArticleResult | None:
        self.seen.append(len(result.actors))
        return None


def test_make_plugin_manager_holds_only_the_plugins_given() -> None:
    plugin = Counter()
    pm = make_plugin_manager(plugin)
    assert pm.is_registered(plugin)
    assert [p for _, p in pm.list_name_plugin()] == [plugin]
    impls = pm.hook.idlib_postprocess.get_hookimpls()
    assert [impl.plugin for impl in impls] == [plugin]


def test_make_plugin_manager_with_builtins() -> None:
    pm = make_plugin_manager(builtins=True)
    for name, _ in BUILTIN_PLUGINS:
        assert pm.has_plugin(name)


def test_make_plugin_manager_refuses_a_misspelt_hook() -> None:
    from idlib_corpus.errors import IdlibCorpusError

    class Misspelt:
        @hookimpl
        def idlib_postproces(self, result: ArticleResult) -> None:
            return None

    with pytest.raises(IdlibCorpusError, match="idlib_postproces"):
        make_plugin_manager(Misspelt())


# --------------------------------------------------------------------------- without hypothesis


def test_missing_hypothesis_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "hypothesis", None)  # makes "import hypothesis" fail
    spec = importlib.util.find_spec("idlib_corpus.testing")
    assert spec is not None and spec.origin is not None
    copy_spec = importlib.util.spec_from_file_location("_testing_without_hypothesis", spec.origin)
    assert copy_spec is not None and copy_spec.loader is not None
    module = importlib.util.module_from_spec(copy_spec)
    with pytest.raises(ImportError, match=re.escape("idlib_corpus[test]")):
        copy_spec.loader.exec_module(module)


def test_importing_this_module_first_works() -> None:
    # Importing idlib_corpus.testing imports hypothesis, which runs its entry points,
    # which call back into this module while it is still being imported.
    import subprocess

    code = (
        "import idlib_corpus.testing\n"
        "from hypothesis import given, settings, strategies as st\n"
        "from idlib_corpus.model import Incident\n"
        "@settings(max_examples=5)\n"
        "@given(st.from_type(Incident))\n"
        "def check(incident):\n"
        "    assert type(incident) is Incident\n"
        "check()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
