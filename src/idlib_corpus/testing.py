"""Hypothesis strategies for every model type, and test helpers for plugin authors.

Every strategy yields *valid* instances: spans lie inside the text they are drawn for,
ISO codes are two capital letters, actor ids match ``kind:slug``, dates respect their
precision, counts are not negative. Strategies that build evidence take ``text=`` and
draw their spans inside it, so parts can be combined into an
:class:`~idlib_corpus.model.ArticleResult` (which :func:`article_results` does).

Installing the package registers these with :func:`hypothesis.strategies.from_type`
through hypothesis' entry point, so ``st.from_type(Incident)`` works in any test.

This module needs hypothesis (``pip install 'idlib_corpus[test]'``); nothing else in the
library imports it.

Example:
    >>> from hypothesis import given
    >>> from idlib_corpus.serialize import dumps, loads
    >>> @given(article_results())
    ... def test_round_trip(result):
    ...     assert loads(dumps(result)) == result
    >>> test_round_trip()
"""

from __future__ import annotations

import datetime as _dt
import enum
import string
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

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
    PlaceKind,
    Precision,
    Qualifier,
    Severity,
    Span,
    TimeValue,
)

# --------------------------------------------------------------------------- from_type
#
# The hook is defined before hypothesis is imported, and only registers callables that
# look the strategies up when from_type() needs them: importing this module first imports
# hypothesis, whose __init__ runs its entry points, which call this hook while the rest of
# this module does not exist yet.

#: The strategy function behind ``st.from_type`` for each model type.
_FROM_TYPE: dict[type, str] = {
    Span: "spans",
    TimeValue: "time_values",
    Place: "places",
    Mention: "_article_mentions",
    Actor: "actors",
    Claim: "claims",
    Meeting: "meetings",
    Incident: "incidents",
    Diagnostic: "diagnostics",
    Article: "articles",
    ArticleMetadata: "article_metadata",
    ArticleResult: "article_results",
}


def _strategy_for(cls: type) -> Any:
    return globals()[_FROM_TYPE[cls]]()


def _hypothesis_setup_hook() -> None:
    """Register the strategies with :func:`hypothesis.strategies.from_type`.

    Called by hypothesis, through the ``hypothesis`` entry point, when it is imported.
    """
    from hypothesis import strategies as hypothesis_strategies

    for cls in _FROM_TYPE:
        hypothesis_strategies.register_type_strategy(cls, _strategy_for)


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "idlib_corpus.testing needs hypothesis; install it with pip install 'idlib_corpus[test]'"
    ) from exc

if TYPE_CHECKING:
    import pluggy

__all__ = [
    "actor_ids",
    "actors",
    "article_metadata",
    "article_results",
    "articles",
    "claims",
    "country_codes",
    "diagnostics",
    "incidents",
    "make_plugin_manager",
    "meetings",
    "mentions",
    "places",
    "spans",
    "time_values",
]

T = TypeVar("T")
SearchStrategy = st.SearchStrategy

# States of this corpus' news first (hypothesis shrinks towards the first), then any pair
# of capitals: the model checks the form of a code, not that it is assigned.
_COMMON_CODES = ["TR", "RU", "SY", "IR", "UA", "US"]
_COUNTRY_CODES = [
    *_COMMON_CODES,
    *sorted(
        {a + b for a in string.ascii_uppercase for b in string.ascii_uppercase}.difference(
            _COMMON_CODES
        )
    ),
]
_SLUG_WORDS = ["hulusi", "akar", "vladimir", "putin", "hts", "sdf", "un", "nato", "tass", "2020"]
_SLUG_CHARS = string.ascii_letters + string.digits + "._-"

#: Upper bound of span offsets drawn when no text is given.
_FREE_TEXT_LENGTH = 10_000

_MIN_DATE = _dt.date(1, 1, 1)
_MAX_DATE = _dt.date(9999, 12, 31)


# --------------------------------------------------------------------------- helpers
#
# Strategies that depend on their arguments are built by drawing through plain helper
# functions (``_draw_*``) inside one module-level composite: building a new strategy
# object per drawn value (``draw(spans(text))`` inside a composite) costs hypothesis
# a validation, and for ``st.composite`` a source inspection, every time.


def _check_text(text: object, name: str = "text") -> None:
    if text is not None and not isinstance(text, str):
        raise InvalidArgument(f"{name}={text!r} must be a str or None")


def _check_count(name: str, value: object, *, minimum: int = 0) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise InvalidArgument(f"{name}={value!r} must be an int >= {minimum}")


def _check_members(name: str, value: object, cls: type[enum.Enum]) -> list[Any]:
    chosen = list(cls) if value is None else list(value)  # type: ignore[call-overload]
    if not chosen or not all(isinstance(v, cls) for v in chosen):
        raise InvalidArgument(f"{name}={value!r} must be a non-empty sequence of {cls.__name__}")
    return chosen


def _check_id(value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise InvalidArgument(f"id={value!r} must be a non-empty str")


@st.composite
def _drawing(draw: Any, fn: Callable[..., T], *args: Any) -> T:
    """The strategy of ``fn(draw, *args)``."""
    return fn(draw, *args)


_WORD = st.text(string.ascii_letters, min_size=1, max_size=10)
# Non-empty names: mostly name-like words, sometimes any text with a visible character.
_NAMES = st.one_of(
    st.lists(_WORD, min_size=1, max_size=3).map(" ".join),
    st.text(min_size=1, max_size=20).filter(lambda s: bool(s.strip())),
)
_OPTIONAL_NAMES = st.none() | _NAMES
_SHORT_TEXTS = st.text(max_size=20)
_COUNTRIES = st.sampled_from(_COUNTRY_CODES)
_OPTIONAL_COUNTRIES = st.none() | _COUNTRIES
# Slugs are built from words rather than st.from_regex, which is several times slower.
_SLUGS = st.one_of(
    st.lists(st.sampled_from(_SLUG_WORDS), min_size=1, max_size=3).map("-".join),
    st.text(_SLUG_CHARS, min_size=1, max_size=12),
)
_BOOLS = st.booleans()
_MAYBE = st.integers(0, 2)  # "absent" one time in three for optional fields
# Article-like texts (lines of words, some non-Latin, U+2028 inside a line) or any unicode.
_PROSE_WORDS = st.sampled_from(
    ["Turkish", "troops", "entered", "Saraqib", "on", "Thursday", "the", "talks", "in",
     "Moscow", "killed", "76", "Идлиб", "إدلب", "—", "«", "»", "…", "\u2028"]
)  # fmt: skip
_ARTICLE_TEXTS = st.one_of(
    st.lists(st.lists(_PROSE_WORDS, max_size=10).map(" ".join), max_size=4).map("\n".join),
    st.text(max_size=120),
)


def _absent(draw: Any) -> bool:
    return bool(draw(_MAYBE) == 0)


def _draw_span(draw: Any, limit: int, min_size: int = 0, max_size: int | None = None) -> Span:
    start = draw(st.integers(0, limit - min_size))
    longest = limit - start if max_size is None else min(limit - start, max_size)
    return Span(start, start + draw(st.integers(min_size, longest)))


def _limit(text: str | None) -> int:
    return _FREE_TEXT_LENGTH if text is None else len(text)


def _draw_optional_span(draw: Any, text: str | None) -> Span | None:
    return None if _absent(draw) else _draw_span(draw, _limit(text))


def _draw_words(draw: Any, text: str | None, span: Span | None) -> str:
    """The words at ``span`` when there is a text, else any short text."""
    if text is not None and span is not None:
        return span.slice(text)
    return str(draw(_SHORT_TEXTS))


def _actor_id(kind: ActorKind, slug: str, country: str) -> str:
    # States are keyed by their ISO code, as the extractors do.
    return f"state:{country}" if kind is ActorKind.STATE else f"{kind.value}:{slug}"


def _draw_actor_id(draw: Any, kinds: Sequence[ActorKind]) -> str:
    return _actor_id(draw(st.sampled_from(kinds)), draw(_SLUGS), draw(_COUNTRIES))


def _draw_time_value(
    draw: Any,
    text: str | None,
    min_value: _dt.date = _MIN_DATE,
    max_value: _dt.date = _MAX_DATE,
    precisions: Sequence[Precision] = tuple(Precision),
) -> TimeValue:
    precision = draw(st.sampled_from(precisions))
    a = draw(st.dates(min_value, max_value))
    interval = draw(_BOOLS)
    b = draw(st.dates(a, max_value)) if interval else a
    span = _draw_optional_span(draw, text)
    words = _draw_words(draw, text, span)
    if interval:
        return TimeValue.between(a, b, precision=precision, text=words, span=span)
    if precision is Precision.MONTH:
        return TimeValue.month(a.year, a.month, text=words, span=span)
    if precision is Precision.YEAR:
        return TimeValue.year(a.year, text=words, span=span)
    return TimeValue.day(a, text=words, span=span)


def _draw_place(draw: Any, text: str | None) -> Place:
    span = _draw_optional_span(draw, text)
    located = not _absent(draw)
    return Place(
        name=draw(_NAMES),
        kind=draw(st.sampled_from(PlaceKind)),
        country=draw(_OPTIONAL_COUNTRIES),
        latitude=draw(st.floats(-90.0, 90.0)) if located else None,
        longitude=draw(st.floats(-180.0, 180.0)) if located else None,
        geonames_id=None if _absent(draw) else draw(st.integers(1, 2**31 - 1)),
        text=_draw_words(draw, text, span),
        span=span,
    )


def _draw_mention(
    draw: Any, text: str, kinds: Sequence[MentionKind] = tuple(MentionKind)
) -> Mention:
    span = _draw_span(draw, len(text))
    return Mention(span, span.slice(text), draw(st.sampled_from(kinds)))


def _draw_actor(draw: Any, text: str | None, max_mentions: int) -> Actor:
    kind = draw(st.sampled_from(ActorKind))
    country = draw(_COUNTRIES)
    words = text if text is not None else draw(_ARTICLE_TEXTS)
    found = [_draw_mention(draw, words) for _ in range(draw(st.integers(0, max_mentions)))]
    return Actor(
        id=_actor_id(kind, draw(_SLUGS), country),
        name=draw(_NAMES),
        kind=kind,
        country=country if kind is ActorKind.STATE else draw(_OPTIONAL_COUNTRIES),
        title=draw(_OPTIONAL_NAMES),
        aliases=draw(st.lists(_NAMES, max_size=2, unique=True)),
        mentions=sorted(found, key=lambda m: (m.span, m.kind.value, m.text)),
    )


def _draw_claim(draw: Any, text: str | None) -> Claim:
    return Claim(
        value=draw(st.integers(0, 10**9)),
        qualifier=draw(st.sampled_from(Qualifier)),
        claimant=draw(_OPTIONAL_NAMES),
        span=_draw_optional_span(draw, text),
    )


def _draw_evidence(draw: Any, text: str | None) -> list[Span]:
    return sorted(_draw_span(draw, _limit(text)) for _ in range(draw(st.integers(1, 3))))


def _draw_event_id(draw: Any, prefix: str, given: str | None) -> str:
    if given is not None:
        return given
    return f"{prefix}:{draw(_SLUGS)}:{draw(st.integers(0, 999))}"


def _draw_optional(draw: Any, fn: Callable[..., T], *args: Any) -> T | None:
    return None if _absent(draw) else fn(draw, *args)


def _draw_ids(draw: Any, kinds: Sequence[ActorKind], most: int) -> list[str]:
    return [_draw_actor_id(draw, kinds) for _ in range(draw(st.integers(0, most)))]


def _draw_meeting(draw: Any, text: str | None, id: str | None) -> Meeting:
    return Meeting(
        id=_draw_event_id(draw, "meeting", id),
        kind=draw(st.sampled_from(MeetingKind)),
        status=draw(st.sampled_from(MeetingStatus)),
        evidence=_draw_evidence(draw, text),
        parties=draw(st.lists(_COUNTRIES, max_size=3)),
        participants=_draw_ids(draw, (ActorKind.PERSON,), 2),
        place=_draw_optional(draw, _draw_place, text),
        date=_draw_optional(draw, _draw_time_value, text),
        duration_minutes=None if _absent(draw) else draw(st.integers(0, 60 * 24 * 7)),
        outcome=None if _absent(draw) else draw(_SHORT_TEXTS),
        reported_by=draw(_OPTIONAL_NAMES),
    )


def _draw_incident(draw: Any, text: str | None, id: str | None) -> Incident:
    kinds = tuple(ActorKind)
    return Incident(
        id=_draw_event_id(draw, "incident", id),
        type=draw(st.sampled_from(IncidentType)),
        evidence=_draw_evidence(draw, text),
        perpetrators=_draw_ids(draw, kinds, 2),
        targets=_draw_ids(draw, kinds, 2),
        place=_draw_optional(draw, _draw_place, text),
        date=_draw_optional(draw, _draw_time_value, text),
        killed=_draw_optional(draw, _draw_claim, text),
        injured=_draw_optional(draw, _draw_claim, text),
        displaced=_draw_optional(draw, _draw_claim, text),
        reported_by=draw(_OPTIONAL_NAMES),
    )


_DIAGNOSTICS = st.builds(
    Diagnostic,
    severity=st.sampled_from(Severity),
    code=st.sampled_from(["plugin-error", "bad-return", "decoding", "read-error", "x"]),
    message=st.text(max_size=60),
    plugin=st.none() | st.sampled_from(["idlib_corpus.actors", "third.party", "p"]),
    hook=st.none() | st.sampled_from(["idlib_annotate", "idlib_extract_events"]),
)


def _draw_metadata_fields(draw: Any, text: str) -> dict[str, Any]:
    """Title, outlet and dateline (each with its span inside ``text``, or none), etc."""
    out: dict[str, Any] = {}
    for name in ("title", "outlet", "dateline"):
        span = _draw_optional_span(draw, text)
        out[f"{name}_span"] = span
        out[name] = span.slice(text) if span is not None else draw(_OPTIONAL_NAMES)
    out["published"] = None if _absent(draw) else draw(st.dates())
    n = draw(st.integers(0, 2))
    out["boilerplate"] = sorted(_draw_span(draw, len(text)) for _ in range(n))
    return out


def _draw_article_metadata(draw: Any, text: str | None) -> ArticleMetadata:
    words = text if text is not None else draw(_ARTICLE_TEXTS)
    return ArticleMetadata(**_draw_metadata_fields(draw, words))


def _draw_article(draw: Any, text: str | None) -> Article:
    words = text if text is not None else draw(_ARTICLE_TEXTS)
    slug = draw(_SLUGS)
    return Article(
        id=slug if draw(_BOOLS) else draw(_NAMES),
        text=words,
        url=None if _absent(draw) else f"https://example.com/news/{slug}",
        source=None if _absent(draw) else f"articles/{slug}.txt",
        **_draw_metadata_fields(draw, words),
    )


def _draw_article_result(
    draw: Any, text: str | None, max_actors: int, max_meetings: int, max_incidents: int,
    max_diagnostics: int,
) -> ArticleResult:  # fmt: skip
    article = _draw_article(draw, text)
    words = article.text
    found: dict[str, Actor] = {}
    for _ in range(draw(st.integers(0, max_actors))):
        actor = _draw_actor(draw, words, 3)
        found.setdefault(actor.id, actor)  # ids are unique within a result
    n_meetings = draw(st.integers(0, max_meetings))
    n_incidents = draw(st.integers(0, max_incidents))
    return ArticleResult(
        article=article,
        actors=list(found.values()),
        meetings=[
            _draw_meeting(draw, words, f"meeting:{article.id}:{i}") for i in range(n_meetings)
        ],
        incidents=[
            _draw_incident(draw, words, f"incident:{article.id}:{i}") for i in range(n_incidents)
        ],
        diagnostics=draw(st.lists(_DIAGNOSTICS, max_size=max_diagnostics)),
    )


# --------------------------------------------------------------------------- strategies


def spans(
    text: str | None = None, *, min_size: int = 0, max_size: int | None = None
) -> SearchStrategy[Span]:
    """Spans inside ``text`` (or inside a text of 10,000 characters when ``text`` is None).

    Args:
        text: the text the spans index; each span satisfies ``span.end <= len(text)``.
        min_size: the least span length.
        max_size: the greatest span length (``None``: up to the end of the text).

    Raises:
        InvalidArgument: a bad size, or ``min_size`` longer than ``text``.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(spans("Turkish troops", min_size=1))
        ... def check(span):
        ...     assert 0 <= span.start < span.end <= 14
        >>> check()
    """
    _check_text(text)
    _check_count("min_size", min_size)
    if max_size is not None:
        _check_count("max_size", max_size, minimum=min_size)
    limit = _limit(text)
    if min_size > limit:
        raise InvalidArgument(f"min_size={min_size} is longer than the text ({limit})")
    return _drawing(_draw_span, limit, min_size, max_size)


def country_codes() -> SearchStrategy[str]:
    """ISO 3166 alpha-2 codes as the model accepts them: two capital letters.

    The states of this corpus' news come first (and are what failures shrink to).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(country_codes())
        ... def check(code):
        ...     assert len(code) == 2 and code.isupper()
        >>> check()
    """
    return _COUNTRIES


def actor_ids(*, kinds: Sequence[ActorKind] | None = None) -> SearchStrategy[str]:
    """Actor ids ``kind:slug`` (``person:hulusi-akar``, ``state:TR``).

    Args:
        kinds: the actor kinds to draw from (default: all).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(actor_ids(kinds=[ActorKind.STATE]))
        ... def check(actor_id):
        ...     assert actor_id.startswith("state:")
        >>> check()
    """
    return _drawing(_draw_actor_id, _check_members("kinds", kinds, ActorKind))


def time_values(
    *,
    text: str | None = None,
    min_value: _dt.date = _MIN_DATE,
    max_value: _dt.date = _MAX_DATE,
    precisions: Sequence[Precision] | None = None,
) -> SearchStrategy[TimeValue]:
    """Dates with a precision: days, whole months, whole years, and intervals of them.

    Args:
        text: the article text; when given, ``span`` is ``None`` or inside it and
            ``text`` is the words at the span.
        min_value: the earliest day drawn (a month or year value covers the whole unit
            around the days drawn).
        max_value: the latest day drawn.
        precisions: the precisions to draw from (default: all).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(time_values(precisions=[Precision.MONTH]))
        ... def check(value):
        ...     assert value.start.day == 1
        >>> check()
    """
    _check_text(text)
    for name, value in (("min_value", min_value), ("max_value", max_value)):
        if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
            raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    if max_value < min_value:
        raise InvalidArgument(f"max_value={max_value} is before min_value={min_value}")
    chosen = _check_members("precisions", precisions, Precision)
    return _drawing(_draw_time_value, text, min_value, max_value, chosen)


def places(*, text: str | None = None) -> SearchStrategy[Place]:
    """Places, with coordinates in range and a span inside ``text`` when it is given.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(places(text="in Saraqib"))
        ... def check(place):
        ...     assert place.span is None or place.span.end <= 10
        >>> check()
    """
    _check_text(text)
    return _drawing(_draw_place, text)


def mentions(text: str, *, kinds: Sequence[MentionKind] | None = None) -> SearchStrategy[Mention]:
    """Mentions inside ``text``, each holding the words at its span.

    Args:
        text: the article text.
        kinds: the mention kinds to draw from (default: all).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(mentions("Akar said"))
        ... def check(m):
        ...     assert m.text == m.span.slice("Akar said")
        >>> check()
    """
    if not isinstance(text, str):
        raise InvalidArgument(f"text={text!r} must be a str")
    return _drawing(_draw_mention, text, _check_members("kinds", kinds, MentionKind))


def actors(*, text: str | None = None, max_mentions: int = 4) -> SearchStrategy[Actor]:
    """Actors with well-formed ids and ISO codes, their mentions in text order.

    Args:
        text: the article text the mentions index (default: a text is drawn per actor).
        max_mentions: the most mentions per actor.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(actors(text="Erdogan spoke to Putin"))
        ... def check(actor):
        ...     assert actor.id.split(":")[0] == actor.kind.value
        >>> check()
    """
    _check_text(text)
    _check_count("max_mentions", max_mentions)
    return _drawing(_draw_actor, text, max_mentions)


def claims(*, text: str | None = None) -> SearchStrategy[Claim]:
    """Figures as a source states them; the value is never negative.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(claims())
        ... def check(claim):
        ...     assert claim.value >= 0
        >>> check()
    """
    _check_text(text)
    return _drawing(_draw_claim, text)


def meetings(*, text: str | None = None, id: str | None = None) -> SearchStrategy[Meeting]:
    """Meetings with at least one evidence span (inside ``text`` when given).

    Args:
        text: the article text the spans index.
        id: the meeting id to use (default: ``meeting:<slug>:<n>`` drawn).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(meetings(text="Talks were held in Moscow."))
        ... def check(meeting):
        ...     assert len(meeting.evidence) >= 1
        >>> check()
    """
    _check_text(text)
    _check_id(id)
    return _drawing(_draw_meeting, text, id)


def incidents(*, text: str | None = None, id: str | None = None) -> SearchStrategy[Incident]:
    """Incidents with at least one evidence span; tolls are claims, never negative.

    Args:
        text: the article text the spans index.
        id: the incident id to use (default: ``incident:<slug>:<n>`` drawn).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(incidents(text="Eight soldiers were killed."))
        ... def check(incident):
        ...     assert incident.killed is None or incident.killed.value >= 0
        >>> check()
    """
    _check_text(text)
    _check_id(id)
    return _drawing(_draw_incident, text, id)


def diagnostics() -> SearchStrategy[Diagnostic]:
    """Diagnostics with a stable-looking code (``plugin-error``).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(diagnostics())
        ... def check(diagnostic):
        ...     assert diagnostic.code != ""
        >>> check()
    """
    return _DIAGNOSTICS


def article_metadata(*, text: str | None = None) -> SearchStrategy[ArticleMetadata]:
    """What a metadata plugin returns, with spans inside ``text`` when given.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(article_metadata(text="ANKARA - Talks"))
        ... def check(meta):
        ...     assert meta.title_span is None or meta.title_span.end <= 14
        >>> check()
    """
    _check_text(text)
    return _drawing(_draw_article_metadata, text)


def articles(*, text: str | None = None) -> SearchStrategy[Article]:
    """Articles whose title, outlet, dateline and boilerplate spans lie inside the text.

    Args:
        text: the article text to use (default: drawn, article-like or any unicode).

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(articles(text="Turkish troops entered Saraqib."))
        ... def check(article):
        ...     assert article.text == "Turkish troops entered Saraqib."
        >>> check()
    """
    _check_text(text)
    return _drawing(_draw_article, text)


def article_results(
    *,
    text: str | None = None,
    max_actors: int = 3,
    max_meetings: int = 2,
    max_incidents: int = 2,
    max_diagnostics: int = 2,
) -> SearchStrategy[ArticleResult]:
    """Whole article results: every span anywhere in them lies inside the article text.

    Actor ids are unique, and meeting and incident ids are ``meeting:<article>:<n>``
    and ``incident:<article>:<n>``, unique within the result.

    Args:
        text: the article text (default: drawn).
        max_actors: the most actors.
        max_meetings: the most meetings.
        max_incidents: the most incidents.
        max_diagnostics: the most diagnostics.

    Example:
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=10)
        ... @given(article_results(text="Talks in Moscow."))
        ... def check(result):
        ...     assert all(span.end <= 16 for _, span in result.iter_spans())
        >>> check()
    """
    _check_text(text)
    for name, value in (
        ("max_actors", max_actors),
        ("max_meetings", max_meetings),
        ("max_incidents", max_incidents),
        ("max_diagnostics", max_diagnostics),
    ):
        _check_count(name, value)
    return _drawing(
        _draw_article_result, text, max_actors, max_meetings, max_incidents, max_diagnostics
    )


# --------------------------------------------------------------------------- plugins


def make_plugin_manager(
    *plugins: object, builtins: bool = False, load_entrypoints: bool = False
) -> pluggy.PluginManager:
    """A plugin manager holding just the plugins under test.

    Args:
        *plugins: plugin objects (modules, classes or instances with ``@hookimpl``).
        builtins: also register the built-in extractors.
        load_entrypoints: also load installed third-party plugins (off, so a test does
            not depend on what else is installed).

    Raises:
        IdlibCorpusError: a plugin does not fit the hookspecs (a misspelt hook name,
            a wrong argument name).

    Example:
        >>> from idlib_corpus import hookimpl
        >>> class Shout:
        ...     @hookimpl
        ...     def idlib_postprocess(self, result):
        ...         return None
        >>> pm = make_plugin_manager(Shout())
        >>> [name for name, _ in pm.list_name_plugin()] != []
        True
    """
    from idlib_corpus.plugins import get_plugin_manager

    return get_plugin_manager(*plugins, builtins=builtins, load_entrypoints=load_entrypoints)


def _article_mentions() -> SearchStrategy[Mention]:
    """Mentions in a drawn article text: what ``st.from_type(Mention)`` gives."""
    return _ARTICLE_TEXTS.flatmap(mentions)
