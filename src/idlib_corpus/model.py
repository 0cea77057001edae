"""The typed data model: every fact the library extracts, as immutable attrs classes.

All classes are ``@attrs.frozen`` (immutable, slotted, hashable). Constructors validate
their values and raise :class:`~idlib_corpus.errors.ModelError` with the class, the field
and the value. Every extracted object carries evidence: :class:`Span` offsets into
``Article.text`` (Python string indices, end exclusive). :class:`ArticleResult` checks on
construction that every span it holds lies inside its article's text.

Field types are importable at runtime on purpose: cattrs and hypothesis read them.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
import string as _string
from collections.abc import Iterator
from typing import Any, TypeVar

import attrs

from idlib_corpus.errors import ModelError

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorKind",
    "Article",
    "ArticleMetadata",
    "ArticleResult",
    "Claim",
    "Diagnostic",
    "Incident",
    "IncidentType",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Mention",
    "MentionKind",
    "Place",
    "PlaceKind",
    "Precision",
    "Qualifier",
    "Severity",
    "Span",
    "TimeValue",
    "is_country_code",
]

#: Version of the wire format written by :mod:`idlib_corpus.serialize`. Bump it when a
#: field is removed or changes meaning; readers refuse records of another major version.
SCHEMA_VERSION = "1.0"

_ISO2 = re.compile(r"^[A-Z]{2}$")
_ID = re.compile(r"^[a-z_]+:[A-Za-z0-9._-]+$")

T = TypeVar("T")


def _fail(inst_cls: str, field: str, expectation: str, value: object) -> ModelError:
    return ModelError(f"{inst_cls}.{field} must be {expectation}, got {value!r}")


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 0:
        raise _fail(type(instance).__name__, attribute.name, ">= 0", value)


def is_country_code(value: object) -> bool:
    """Whether ``value`` has the form of an ISO 3166 alpha-2 code: two capitals A-Z.

    The model's rule for every ``country`` field (the JSON Schema gives it as ``_ISO2``).

    Example:
        >>> is_country_code("TR"), is_country_code("tr"), is_country_code("TUR")
        (True, False, False)
    """
    # Exactly the strings the test "two ASCII letters, upper case" passes; a set lookup
    # (the string's hash is cached) costs a third of the four string methods, and the
    # event and actor code asks this thousands of times an article.
    return type(value) is str and value in _COUNTRY_CODES


_COUNTRY_CODES = frozenset(a + b for a in _string.ascii_uppercase for b in _string.ascii_uppercase)


def _iso2(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not is_country_code(value):
        raise _fail(type(instance).__name__, attribute.name, "an ISO 3166 alpha-2 code", value)


def _iso2_tuple(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple):
        raise _fail(type(instance).__name__, attribute.name, "ISO 3166 alpha-2 codes", value)
    for code in value:
        if not is_country_code(code):
            raise _fail(
                type(instance).__name__, attribute.name, "ISO 3166 alpha-2 codes", value
            )


def _actor_id(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise _fail(
            type(instance).__name__, attribute.name, "an id like 'person:vladimir-putin'", value
        )


def _actor_ids(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not isinstance(value, tuple):
        raise _fail(type(instance).__name__, attribute.name, "a tuple of actor ids", value)
    for item in value:
        _actor_id(instance, attribute, item)


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise _fail(type(instance).__name__, attribute.name, "a non-empty string", value)


def _instance_of(*types: type) -> Any:
    """Like ``attrs.validators.instance_of`` but raising ModelError."""

    exact = frozenset(types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # Validators run for every object the extractors build: the exact-type test
        # settles nearly all of them with one set lookup.
        if type(value) in exact:
            return
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            names = " or ".join(t.__name__ for t in types)
            raise _fail(type(instance).__name__, attribute.name, f"of type {names}", value)

    return check


def _optional_instance_of(*types: type) -> Any:
    inner = _instance_of(*types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            inner(instance, attribute, value)

    return check


def _tuple_of(*types: type) -> Any:
    inner = _instance_of(*types)
    exact = frozenset(types)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise _fail(type(instance).__name__, attribute.name, "a tuple", value)
        for item in value:
            if type(item) not in exact:
                inner(instance, attribute, item)

    return check


def _to_tuple(value: Any) -> Any:
    """Accept any iterable (a list from user code) where the model stores a tuple."""
    if isinstance(value, tuple) or value is None or isinstance(value, str | bytes):
        return value
    try:
        return tuple(value)
    except TypeError:
        return value


def _sorted_unique(value: Any) -> Any:
    """Set-valued fields (parties, perpetrators) are stored sorted for determinism."""
    value = _to_tuple(value)
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return tuple(sorted(set(value)))
    return value


# --------------------------------------------------------------------------- enums


class Precision(enum.Enum):
    """How precisely a :class:`TimeValue` is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ActorKind(enum.Enum):
    """What kind of entity an :class:`Actor` is."""

    PERSON = "person"
    STATE = "state"
    GOVERNMENT_BODY = "government_body"
    ARMED_GROUP = "armed_group"
    INTERNATIONAL_ORGANISATION = "international_organisation"
    MEDIA = "media"


class MentionKind(enum.Enum):
    """How the text refers to an actor at one :class:`Mention`."""

    NAME = "name"  # the full name, "Hulusi Akar"
    SURNAME = "surname"  # "Akar"
    ALIAS = "alias"  # another name of the same entity, "Nusra Front"
    TITLE = "title"  # "the top Turkish diplomat", "his Turkish counterpart"
    PRONOUN = "pronoun"  # "he", "she"
    DEMONYM = "demonym"  # "Turkish troops"
    CAPITAL = "capital"  # "Moscow and Ankara" standing for the states


class PlaceKind(enum.Enum):
    """What kind of place a :class:`Place` is (GeoNames-like feature classes)."""

    COUNTRY = "country"
    PROVINCE = "province"
    CITY = "city"
    TOWN = "town"
    REGION = "region"
    MILITARY_BASE = "military_base"
    OTHER = "other"


class MeetingKind(enum.Enum):
    """The form a :class:`Meeting` takes."""

    TALKS = "talks"
    SUMMIT = "summit"
    PHONE_CALL = "phone_call"
    VISIT = "visit"


class MeetingStatus(enum.Enum):
    """Where a :class:`Meeting` stands, as the article reports it."""

    HELD = "held"
    ONGOING = "ongoing"
    PLANNED = "planned"
    CANCELLED = "cancelled"


class IncidentType(enum.Enum):
    """What happened on the ground. The first four follow GOLD.md; the rest are room to grow."""

    ARMED_ATTACK = "armed_attack"
    TERRITORIAL_CHANGE = "territorial_change"
    DEPLOYMENT = "deployment"
    DISPLACEMENT = "displacement"
    CEASEFIRE = "ceasefire"
    AGREEMENT = "agreement"
    PROTEST = "protest"
    OTHER = "other"


class Qualifier(enum.Enum):
    """How a figure in a :class:`Claim` is stated."""

    EXACT = "exact"  # "76"
    AT_LEAST = "at_least"  # "more than half a million", "over 50"
    AT_MOST = "at_most"  # "up to", "fewer than"
    ABOUT = "about"  # "close to one million", "around 600,000"


class Severity(enum.Enum):
    """How serious a :class:`Diagnostic` is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# --------------------------------------------------------------------------- values


@attrs.frozen(order=False)  # ordered below, by hand: attrs' generic ordering is ~20x slower
class Span:
    """A half-open range ``[start, end)`` of character offsets into ``Article.text``.

    Attributes:
        start: offset of the first character (``>= 0``).
        end: offset one past the last character (``>= start``).

    Example:
        >>> text = "Turkish troops entered Saraqib."
        >>> Span(23, 30).slice(text)
        'Saraqib'
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check for both fields, not two validators: spans are the most built objects.
        if type(self.start) is not int or type(self.end) is not int:
            for name in ("start", "end"):
                value = getattr(self, name)
                if not isinstance(value, int) or isinstance(value, bool):
                    raise _fail("Span", name, "of type int", value)
        if self.start < 0:
            raise _fail("Span", "start", ">= 0", self.start)
        if self.end < self.start:
            raise _fail("Span", "end", f">= start ({self.start})", self.end)

    def slice(self, text: str) -> str:
        """Return the part of ``text`` this span covers."""
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies entirely inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    # Spans sort by start, then end. Extractors sort and compare spans in their inner
    # loops, so these compare the two fields directly.
    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) < (other.start, other.end)

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) <= (other.start, other.end)

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) > (other.start, other.end)

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.start, self.end) >= (other.start, other.end)


def _date_validator(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, _dt.date) or isinstance(value, _dt.datetime):
        raise _fail(type(instance).__name__, attribute.name, "a datetime.date", value)


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _date_validator(instance, attribute, value)


@attrs.frozen
class TimeValue:
    """A date as precisely as the text gives it: a day, a month, a year, or an interval.

    ``start`` and ``end`` are the first and last day (inclusive) the value may denote.
    A point value covers exactly its unit (``2020-02`` at month precision is
    ``2020-02-01 .. 2020-02-29``); an interval ("next week", "since early December")
    has ``interval=True`` and endpoints at ``precision``.

    Attributes:
        start: first day covered (inclusive).
        end: last day covered (inclusive), ``>= start``.
        precision: the unit of ``start``/``end`` (:class:`Precision`).
        interval: whether this is a range between two points rather than one point.
        text: the words it came from ("on Thursday", "last September"); may be empty
            for dates derived from metadata.
        span: where ``text`` is in the article, if it came from the text.

    Example:
        >>> TimeValue.month(2018, 9).iso
        '2018-09'
        >>> TimeValue.between(_dt.date(2020, 2, 10), _dt.date(2020, 2, 16)).iso
        '2020-02-10/2020-02-16'
    """

    start: _dt.date = attrs.field(validator=_date_validator)
    end: _dt.date = attrs.field(validator=_date_validator)
    precision: Precision = attrs.field(
        default=Precision.DAY, validator=_instance_of(Precision)
    )
    interval: bool = attrs.field(default=False, validator=_instance_of(bool))
    text: str = attrs.field(default="", validator=_instance_of(str))
    span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise _fail("TimeValue", "end", f">= start ({self.start})", self.end)
        if self.precision is Precision.MONTH and (
            self.start.day != 1 or self.end != _month_end(self.end)
        ):
            raise _fail("TimeValue", "start/end", "whole months at month precision", self)
        whole_years = (self.start.month, self.start.day) == (1, 1) and (
            self.end.month,
            self.end.day,
        ) == (12, 31)
        if self.precision is Precision.YEAR and not whole_years:
            raise _fail("TimeValue", "start/end", "whole years at year precision", self)
        same_unit = _unit(self.start, self.precision) == _unit(self.end, self.precision)
        if not self.interval and not same_unit:
            raise _fail("TimeValue", "end", "in the same unit as start for a point value", self)

    # -- constructors

    @classmethod
    def day(cls, d: _dt.date, *, text: str = "", span: Span | None = None) -> TimeValue:
        """A single day."""
        return cls(d, d, Precision.DAY, False, text, span)

    @classmethod
    def month(cls, year: int, month: int, *, text: str = "", span: Span | None = None) -> TimeValue:
        """A whole month."""
        first = _dt.date(year, month, 1)
        return cls(first, _month_end(first), Precision.MONTH, False, text, span)

    @classmethod
    def year(cls, year: int, *, text: str = "", span: Span | None = None) -> TimeValue:
        """A whole year."""
        return cls(_dt.date(year, 1, 1), _dt.date(year, 12, 31), Precision.YEAR, False, text, span)

    @classmethod
    def between(
        cls,
        start: _dt.date,
        end: _dt.date,
        *,
        precision: Precision = Precision.DAY,
        text: str = "",
        span: Span | None = None,
    ) -> TimeValue:
        """An interval of days (or months, years) from ``start`` to ``end`` inclusive."""
        start, end = _whole_units(start, end, precision)
        return cls(start, end, precision, True, text, span)

    @classmethod
    def from_iso(cls, value: str, *, text: str = "", span: Span | None = None) -> TimeValue:
        """Parse the GOLD.md notation: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``A/B``."""
        try:
            if "/" in value:
                a, b = (cls.from_iso(part) for part in value.split("/", 1))
                if a.precision is not b.precision:
                    raise ValueError("interval ends differ in precision")
                return cls(a.start, b.end, a.precision, True, text, span)
            parts = [int(p) for p in value.split("-")]
            if len(parts) == 1 and len(value) == 4:
                return cls.year(parts[0], text=text, span=span)
            if len(parts) == 2 and len(value) == 7:
                return cls.month(parts[0], parts[1], text=text, span=span)
            if len(parts) == 3 and len(value) == 10:
                return cls.day(_dt.date(*parts), text=text, span=span)
            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
        except ModelError:
            raise
        except ValueError as exc:
            raise ModelError(f"not a date in GOLD.md notation: {value!r} ({exc})") from None

    # -- views

    @property
    def iso(self) -> str:
        """The GOLD.md notation: ``2020-02-08``, ``2020-02``, ``2020`` or ``START/END``."""
        a = _format(self.start, self.precision)
        if not self.interval:
            return a
        return f"{a}/{_format(self.end, self.precision)}"

    def contains(self, other: TimeValue) -> bool:
        """Whether every day ``other`` may denote lies inside this value."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: TimeValue) -> bool:
        """Whether the two values share at least one day."""
        return self.start <= other.end and other.start <= self.end


def _month_end(d: _dt.date) -> _dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _whole_units(
    start: _dt.date, end: _dt.date, precision: Precision
) -> tuple[_dt.date, _dt.date]:
    """``start`` and ``end`` widened to the first and last day of their month or year."""
    if precision is Precision.MONTH:
        return start.replace(day=1), _month_end(end)
    if precision is Precision.YEAR:
        return _dt.date(start.year, 1, 1), _dt.date(end.year, 12, 31)
    return start, end


def _unit(d: _dt.date, precision: Precision) -> tuple[int, ...]:
    if precision is Precision.YEAR:
        return (d.year,)
    if precision is Precision.MONTH:
        return (d.year, d.month)
    return (d.year, d.month, d.day)


def _format(d: _dt.date, precision: Precision) -> str:
    if precision is Precision.YEAR:
        return f"{d.year:04d}"
    if precision is Precision.MONTH:
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


@attrs.frozen
class Place:
    """A place named in the text, resolved against the gazetteer where possible.

    Attributes:
        name: canonical name ("Saraqib"), whatever spelling the text used.
        kind: :class:`PlaceKind`.
        country: ISO 3166 alpha-2 code of the country it lies in, if known.
        latitude: WGS84 degrees, if known.
        longitude: WGS84 degrees, if known.
        geonames_id: the GeoNames id, if known.
        text: the words as they appear in the article ("Saraqeb").
        span: where ``text`` is in the article.

    Example:
        >>> Place("Saraqib", PlaceKind.TOWN, country="SY", text="Saraqeb").name
        'Saraqib'
    """

    name: str = attrs.field(validator=_non_empty)
    kind: PlaceKind = attrs.field(default=PlaceKind.OTHER, validator=_instance_of(PlaceKind))
    country: str | None = attrs.field(default=None, validator=_iso2)
    latitude: float | None = attrs.field(default=None, validator=_optional_instance_of(float))
    longitude: float | None = attrs.field(default=None, validator=_optional_instance_of(float))
    geonames_id: int | None = attrs.field(default=None, validator=_optional_instance_of(int))
    text: str = attrs.field(default="", validator=_instance_of(str))
    span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))

    def __attrs_post_init__(self) -> None:
        if self.latitude is not None and not -90.0 <= self.latitude <= 90.0:
            raise _fail("Place", "latitude", "within [-90, 90]", self.latitude)
        if self.longitude is not None and not -180.0 <= self.longitude <= 180.0:
            raise _fail("Place", "longitude", "within [-180, 180]", self.longitude)


@attrs.frozen
class Mention:
    """One place in the text where an actor is referred to.

    Attributes:
        span: offsets into ``Article.text``.
        text: the words at ``span`` ("the top Turkish diplomat").
        kind: :class:`MentionKind`.

    Example:
        >>> text = "Cavusoglu said talks would go on."
        >>> m = Mention(Span(0, 9), "Cavusoglu", MentionKind.SURNAME)
        >>> m.span.slice(text) == m.text
        True
    """

    span: Span = attrs.field(validator=_instance_of(Span))
    text: str = attrs.field(validator=_instance_of(str))
    kind: MentionKind = attrs.field(default=MentionKind.NAME, validator=_instance_of(MentionKind))


@attrs.frozen
class Actor:
    """A person, state, government body, armed group, organisation or outlet.

    Attributes:
        id: stable id ``kind:slug``: ``person:hulusi-akar``, ``state:TR``,
            ``armed_group:hayat-tahrir-al-sham``. The same entity gets the same id in
            every article and every run.
        name: canonical name (the fullest form the text or knowledge base gives).
        kind: :class:`ActorKind`.
        country: ISO 3166 alpha-2 code of the state the actor serves or belongs to.
        title: office as the text gives it, without nationality words ("Foreign Minister").
        aliases: other names and spellings used for the same actor.
        mentions: every reference to the actor in the text (its evidence), in text order.

    Example:
        >>> akar = Actor("person:hulusi-akar", "Hulusi Akar", ActorKind.PERSON,
        ...              country="TR", title="Defence Minister")
        >>> akar.country, akar.title
        ('TR', 'Defence Minister')
    """

    id: str = attrs.field(validator=_actor_id)
    name: str = attrs.field(validator=_non_empty)
    kind: ActorKind = attrs.field(validator=_instance_of(ActorKind))
    country: str | None = attrs.field(default=None, validator=_iso2)
    title: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    aliases: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(str)
    )
    mentions: tuple[Mention, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Mention)
    )

    @property
    def spans(self) -> tuple[Span, ...]:
        """The evidence spans of all mentions."""
        return tuple(m.span for m in self.mentions)


@attrs.frozen
class Claim:
    """A figure as one source states it: "76 killed, according to Defence Minister Akar".

    Attributes:
        value: the number (for "more than half a million", 500000).
        qualifier: :class:`Qualifier`: exact, a lower or upper bound, or approximate.
        claimant: who gives the figure, as the text names them, if it does.
        span: where the figure is stated.

    Example:
        >>> c = Claim(500000, Qualifier.AT_LEAST, claimant="the United Nations")
        >>> c.value, c.qualifier.value
        (500000, 'at_least')
    """

    value: int = attrs.field(validator=[_instance_of(int), _non_negative])
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, validator=_instance_of(Qualifier))
    claimant: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))


@attrs.frozen
class Meeting:
    """Talks, a summit, a phone call or a visit between states or their officials.

    Attributes:
        id: id unique within the article result (``meeting:<article>:<n>``).
        kind: :class:`MeetingKind`.
        status: :class:`MeetingStatus`.
        parties: ISO 3166 alpha-2 codes of the states taking part, sorted.
        participants: actor ids of the named persons taking part, sorted.
        place: where it is held, if said.
        date: when, as precisely as said.
        duration_minutes: how long it lasted ("three-hour" is 180), if said.
        outcome: what was agreed or decided, as the text puts it.
        reported_by: who reports it ("a spokesperson for the Turkish Foreign Ministry").
        evidence: the spans of the sentences or clauses that describe it (at least one).

    Example:
        >>> m = Meeting("meeting:a:1", MeetingKind.TALKS, MeetingStatus.HELD,
        ...             evidence=[Span(0, 40)], parties=["TR", "RU"], duration_minutes=180)
        >>> m.parties
        ('RU', 'TR')
    """

    id: str = attrs.field(validator=_non_empty)
    kind: MeetingKind = attrs.field(validator=_instance_of(MeetingKind))
    status: MeetingStatus = attrs.field(validator=_instance_of(MeetingStatus))
    evidence: tuple[Span, ...] = attrs.field(converter=_to_tuple, validator=_tuple_of(Span))
    parties: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_unique, validator=_iso2_tuple
    )
    participants: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_unique, validator=_actor_ids
    )
    place: Place | None = attrs.field(default=None, validator=_optional_instance_of(Place))
    date: TimeValue | None = attrs.field(default=None, validator=_optional_instance_of(TimeValue))
    duration_minutes: int | None = attrs.field(
        default=None, validator=[_optional_instance_of(int), _non_negative]
    )
    outcome: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    reported_by: str | None = attrs.field(default=None, validator=_optional_instance_of(str))

    def __attrs_post_init__(self) -> None:
        if not self.evidence:
            raise _fail("Meeting", "evidence", "at least one span", self.evidence)


@attrs.frozen
class Incident:
    """Something that happened on the ground: an attack, a capture, a deployment, displacement.

    Attributes:
        id: id unique within the article result (``incident:<article>:<n>``).
        type: :class:`IncidentType`.
        evidence: the spans that describe it (at least one).
        perpetrators: actor ids of those who acted (``state:SY`` for Syrian forces).
        targets: actor ids of those acted upon.
        place: where, if said.
        date: when, as precisely as said.
        killed: the death toll as claimed, if given.
        injured: the number injured as claimed, if given.
        displaced: the number displaced as claimed, if given.
        reported_by: who the article attributes the account to, if anyone.

    Example:
        >>> i = Incident("incident:a:1", IncidentType.ARMED_ATTACK, evidence=[Span(0, 50)],
        ...              perpetrators=["state:SY"], targets=["state:TR"], killed=Claim(8))
        >>> i.killed.value
        8
        >>> Incident("x", IncidentType.ARMED_ATTACK, evidence=[Span(0, 5)], killed=Claim(-3))
        Traceback (most recent call last):
        ...
        idlib_corpus.errors.ModelError: Claim.value must be >= 0, got -3
    """

    id: str = attrs.field(validator=_non_empty)
    type: IncidentType = attrs.field(validator=_instance_of(IncidentType))
    evidence: tuple[Span, ...] = attrs.field(converter=_to_tuple, validator=_tuple_of(Span))
    perpetrators: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_unique, validator=_actor_ids
    )
    targets: tuple[str, ...] = attrs.field(
        default=(), converter=_sorted_unique, validator=_actor_ids
    )
    place: Place | None = attrs.field(default=None, validator=_optional_instance_of(Place))
    date: TimeValue | None = attrs.field(default=None, validator=_optional_instance_of(TimeValue))
    killed: Claim | None = attrs.field(default=None, validator=_optional_instance_of(Claim))
    injured: Claim | None = attrs.field(default=None, validator=_optional_instance_of(Claim))
    displaced: Claim | None = attrs.field(default=None, validator=_optional_instance_of(Claim))
    reported_by: str | None = attrs.field(default=None, validator=_optional_instance_of(str))

    def __attrs_post_init__(self) -> None:
        if not self.evidence:
            raise _fail("Incident", "evidence", "at least one span", self.evidence)


@attrs.frozen
class Diagnostic:
    """Something that went wrong (or is worth knowing) while processing one article.

    Attributes:
        severity: :class:`Severity`.
        code: a short stable code (``plugin-error``, ``bad-return``, ``decoding``, ``read-error``).
        message: a sentence for people.
        plugin: the registered name of the plugin concerned, if any.
        hook: the hook being called, if any.

    Example:
        >>> Diagnostic(Severity.ERROR, "plugin-error", "ValueError: boom",
        ...            plugin="my_plugin", hook="idlib_annotate").severity.value
        'error'
    """

    severity: Severity = attrs.field(validator=_instance_of(Severity))
    code: str = attrs.field(validator=_non_empty)
    message: str = attrs.field(validator=_instance_of(str))
    plugin: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    hook: str | None = attrs.field(default=None, validator=_optional_instance_of(str))


@attrs.frozen
class Article:
    """One news article as received, with the metadata read from it.

    Attributes:
        id: the article's id (a file's name without ``.txt``).
        text: the full text exactly as received; every ``Span`` indexes it.
        title: the headline, without outlet credit or section names.
        title_span: where the headline is.
        outlet: the news organisation the text names as its author ("TASS").
        outlet_span: where the outlet is named.
        dateline: the dateline place ("Ankara").
        dateline_span: where the dateline place is.
        published: publication date (metadata, or read from a dateline), if known.
        url: where it came from, if known.
        boilerplate: spans of lines that are not article prose ("Share it...", "Discuss",
            navigation, related headlines, non-English footers), marked, not deleted.
        source: the path it was read from, if any.

    Example:
        >>> text = "Talks in Ankara\\nShare it..."
        >>> a = Article("a1", text, title="Talks in Ankara", boilerplate=[Span(16, 27)])
        >>> a.is_boilerplate(Span(16, 21))
        True
    """

    id: str = attrs.field(validator=_non_empty)
    text: str = attrs.field(validator=_instance_of(str))
    title: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    title_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    outlet: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    outlet_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    dateline: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    dateline_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    published: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    url: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    boilerplate: tuple[Span, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Span)
    )
    source: str | None = attrs.field(default=None, validator=_optional_instance_of(str))

    def __attrs_post_init__(self) -> None:
        n = len(self.text)
        for name in ("title_span", "outlet_span", "dateline_span"):
            span = getattr(self, name)
            if span is not None and span.end > n:
                raise _fail("Article", name, f"inside the text (length {n})", span)
        for span in self.boilerplate:
            if span.end > n:
                raise _fail("Article", "boilerplate", f"spans inside the text (length {n})", span)

    def is_boilerplate(self, span: Span) -> bool:
        """Whether ``span`` lies on a line marked as boilerplate."""
        return any(b.contains(span) for b in self.boilerplate)


@attrs.frozen
class ArticleMetadata:
    """What an ``idlib_article_metadata`` plugin reads off an article's text.

    Every field is optional: the pipeline fills each :class:`Article` field from the first
    plugin (in call order) that gives it.

    Attributes:
        title: the headline.
        title_span: where it is.
        outlet: the outlet the text credits.
        outlet_span: where it is named.
        dateline: the dateline place.
        dateline_span: where it is.
        published: a publication date read from the text (a dated dateline).
        boilerplate: spans of non-prose lines.

    Example:
        >>> ArticleMetadata(outlet="TASS", dateline="Ankara").outlet
        'TASS'
    """

    title: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    title_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    outlet: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    outlet_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    dateline: str | None = attrs.field(default=None, validator=_optional_instance_of(str))
    dateline_span: Span | None = attrs.field(default=None, validator=_optional_instance_of(Span))
    published: _dt.date | None = attrs.field(default=None, validator=_optional_date)
    boilerplate: tuple[Span, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Span)
    )


@attrs.frozen
class ArticleResult:
    """Everything extracted from one article, with what went wrong on the way.

    Attributes:
        article: the :class:`Article`, with its metadata.
        actors: persons, states, groups and bodies found, sorted by first mention then id.
        meetings: the :class:`Meeting` records, in text order.
        incidents: the :class:`Incident` records, in text order.
        diagnostics: plugin failures, decoding notes and other problems.

    Every span held anywhere in the result must lie inside ``article.text``; the
    constructor checks it.

    Example:
        >>> article = Article("a1", "Turkish troops entered Saraqib.")
        >>> ArticleResult(article).ok
        True
        >>> ArticleResult(article, meetings=[Meeting("m", MeetingKind.TALKS,
        ...     MeetingStatus.HELD, evidence=[Span(0, 99)])])
        Traceback (most recent call last):
        ...
        idlib_corpus.errors.ModelError: ArticleResult.meetings[0].evidence[0] must be a span ...
    """

    article: Article = attrs.field(validator=_instance_of(Article))
    actors: tuple[Actor, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Actor)
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Meeting)
    )
    incidents: tuple[Incident, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Incident)
    )
    diagnostics: tuple[Diagnostic, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_tuple_of(Diagnostic)
    )

    def __attrs_post_init__(self) -> None:
        n = len(self.article.text)
        if self._last_end() <= n:  # the common case, without naming every span's path
            return
        for where, span in self.iter_spans():
            if span.end > n:
                raise _fail(
                    "ArticleResult", where, f"a span inside the text (length {n})", span
                )

    def _last_end(self) -> int:
        """The largest end of any span in the result (0 if none); what ``iter_spans`` sees."""
        last = 0
        for a in self.actors:
            for m in a.mentions:
                last = max(last, m.span.end)
        events: tuple[Meeting | Incident, ...] = (*self.meetings, *self.incidents)
        for e in events:
            for s in e.evidence:
                last = max(last, s.end)
            if e.place is not None and e.place.span is not None:
                last = max(last, e.place.span.end)
            if e.date is not None and e.date.span is not None:
                last = max(last, e.date.span.end)
            if isinstance(e, Incident):
                for c in (e.killed, e.injured, e.displaced):
                    if c is not None and c.span is not None:
                        last = max(last, c.span.end)
        return last

    @property
    def id(self) -> str:
        """The article's id."""
        return self.article.id

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def iter_spans(self) -> Iterator[tuple[str, Span]]:
        """Every evidence span in the result, with a path naming where it sits."""
        for i, a in enumerate(self.actors):
            for j, m in enumerate(a.mentions):
                yield f"actors[{i}].mentions[{j}]", m.span
        groups: tuple[tuple[str, tuple[Meeting | Incident, ...]], ...] = (
            ("meetings", self.meetings),
            ("incidents", self.incidents),
        )
        for kind, events in groups:
            for i, e in enumerate(events):
                for j, s in enumerate(e.evidence):
                    yield f"{kind}[{i}].evidence[{j}]", s
                if e.place is not None and e.place.span is not None:
                    yield f"{kind}[{i}].place.span", e.place.span
                if e.date is not None and e.date.span is not None:
                    yield f"{kind}[{i}].date.span", e.date.span
                if isinstance(e, Incident):
                    for fname in ("killed", "injured", "displaced"):
                        c = getattr(e, fname)
                        if c is not None and c.span is not None:
                            yield f"{kind}[{i}].{fname}.span", c.span
