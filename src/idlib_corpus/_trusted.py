"""Building model objects without their checks, for the built-in extractors' inner loops.

The model's attrs constructors check every field (types, bounds). That is right at the
boundary, where values come from plugins, files and users; in the extractors' inner loops,
which build a hundred spans and annotations an article from offsets they computed
themselves, the checks cost more than the objects. The functions here (spans, places,
annotations, mentions, actors, time values, meetings, incidents, claims) set the slots directly
instead, after the few exact-type tests that tell the constructor would accept the
values as they are. The objects are the ones the constructors would give: equal, with the
same ``repr`` and hash (``tests/test_trusted.py`` checks it for each function, with
hypothesis). Never hand them values from outside the package: those go through the
constructors.

If a class's fields change, the setters below no longer match and every function here
falls back to the checked constructor (slower, never wrong).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, TypeGuard, TypeVar

import attrs

from idlib_corpus.document import Annotation, AnnotationLabel
from idlib_corpus.model import (
    _ID,
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
    Mention,
    MentionKind,
    Place,
    Precision,
    Qualifier,
    Span,
    TimeValue,
    _month_end,
    is_country_code,
)

__all__ = [
    "ANNOTATION_SETTERS",
    "SPAN_SETTERS",
    "actor",
    "annotation",
    "article_result",
    "article_with",
    "claim",
    "incident",
    "meeting",
    "mention",
    "place_at",
    "span",
    "time_value",
    "with_id",
]

_new = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The slot setters of ``cls``'s fields, if its fields are exactly ``names``."""
    if tuple(f.name for f in attrs.fields(cls)) != names:
        return None
    return tuple(cls.__dict__[name].__set__ for name in names)


_SPAN = _slot_setters(Span, ("start", "end"))
#: The slot setters of Span (start, end) and of Annotation (span, label, text, key, value,
#: source), or None if the classes' fields changed: for a loop that builds a hundred of
#: them from values valid by construction and cannot afford a call per object (the
#: knowledge annotator). Anything else calls the functions below.
SPAN_SETTERS = _SPAN
_PLACE_NAMES = ("name", "kind", "country", "latitude", "longitude", "geonames_id", "text",
                "span")
_PLACE = _slot_setters(Place, _PLACE_NAMES)
_ANNOTATION = _slot_setters(Annotation, ("span", "label", "text", "key", "value",
                                               "source"))
ANNOTATION_SETTERS = _ANNOTATION
_MENTION = _slot_setters(Mention, ("span", "text", "kind"))
_ACTOR = _slot_setters(Actor, ("id", "name", "kind", "country", "title", "aliases", "mentions"))
_TIME_VALUE = _slot_setters(TimeValue, ("start", "end", "precision", "interval", "text", "span"))


def _all_slots(cls: type) -> tuple[tuple[Any, Any], ...]:
    """(getter, setter) of every field slot of an attrs class."""
    return tuple(
        (cls.__dict__[f.name].__get__, cls.__dict__[f.name].__set__) for f in attrs.fields(cls)
    )


_EVENT_SLOTS = {cls: _all_slots(cls) for cls in (Meeting, Incident)}
_EVENT_ID = {cls: cls.__dict__["id"].__set__ for cls in (Meeting, Incident)}


def span(start: int, end: int) -> Span:
    """``Span(start, end)``; offsets that would fail its checks go through it and fail.

    Example:
        >>> span(3, 9) == Span(3, 9)
        True
    """
    if _SPAN is None or not (type(start) is int and type(end) is int and 0 <= start <= end):
        return Span(start, end)
    s: Span = _new(Span)
    _SET_START(s, start)
    _SET_END(s, end)
    return s


# (the setters as globals of their own: a subscript per call costs a tenth of the call)
_SET_START, _SET_END = _SPAN if _SPAN is not None else (None, None)


def place_at(base: Place, text: str, where: Span) -> Place:
    """``base`` (a checked place, as the gazetteer holds it) with the words and span of
    one mention in an article.

    Example:
        >>> p = Place("Saraqib", text="Saraqib")
        >>> place_at(p, "Sarakeb", Span(4, 11)) == attrs.evolve(p, text="Sarakeb",
        ...                                                     span=Span(4, 11))
        True
    """
    if _PLACE is None or type(text) is not str or type(where) is not Span:
        return attrs.evolve(base, text=text, span=where)
    p: Place = _new(Place)
    (set_name, set_kind, set_country, set_latitude, set_longitude, set_geonames_id,
     set_text, set_span) = _PLACE
    set_name(p, base.name)
    set_kind(p, base.kind)
    set_country(p, base.country)
    set_latitude(p, base.latitude)
    set_longitude(p, base.longitude)
    set_geonames_id(p, base.geonames_id)
    set_text(p, text)
    set_span(p, where)
    return p


def annotation(
    where: Span,
    label: AnnotationLabel,
    text: str,
    key: str | None = None,
    value: int | TimeValue | None = None,
    source: str | None = None,
) -> Annotation:
    """``Annotation(where, label, text, key, value, source)``, without the constructor.

    Example:
        >>> a = annotation(Span(0, 7), AnnotationLabel.NATIONALITY, "Turkish", "TR")
        >>> a == Annotation(Span(0, 7), AnnotationLabel.NATIONALITY, "Turkish", "TR")
        True
    """
    if _ANNOTATION is None:
        return Annotation(where, label, text, key, value, source)
    a: Annotation = _new(Annotation)
    set_span, set_label, set_text, set_key, set_value, set_source = _ANNOTATION
    set_span(a, where)
    set_label(a, label)
    set_text(a, text)
    set_key(a, key)
    set_value(a, value)
    set_source(a, source)
    return a


_Event = TypeVar("_Event", Meeting, Incident)


def with_id(event: _Event, new_id: str) -> _Event:
    """``attrs.evolve(event, id=new_id)`` for an event of the model's own classes.

    Every other field was checked when ``event`` was built and its converters are
    idempotent, so only the new id needs the check that the constructor gives it.

    Example:
        >>> from idlib_corpus.model import MeetingKind, MeetingStatus
        >>> m = Meeting("m", MeetingKind.TALKS, MeetingStatus.HELD, (Span(0, 5),))
        >>> with_id(m, "meeting:a:1") == attrs.evolve(m, id="meeting:a:1")
        True
    """
    slots = _EVENT_SLOTS.get(type(event))
    if slots is None or type(new_id) is not str or not new_id.strip():
        return attrs.evolve(event, id=new_id)
    # The two classes' fields read as attributes and set one by one (a getter call and
    # a loop step per field cost more); any other layout through the generic loop.
    if type(event) is Incident and _INCIDENT_SETTERS is not None:
        i: Incident = event
        new_incident: Incident = _new(Incident)
        (set_id, set_type, set_evidence, set_perpetrators, set_targets, set_place, set_date,
         set_killed, set_injured, set_displaced, set_reported_by) = _INCIDENT_SETTERS
        set_id(new_incident, new_id)
        set_type(new_incident, i.type)
        set_evidence(new_incident, i.evidence)
        set_perpetrators(new_incident, i.perpetrators)
        set_targets(new_incident, i.targets)
        set_place(new_incident, i.place)
        set_date(new_incident, i.date)
        set_killed(new_incident, i.killed)
        set_injured(new_incident, i.injured)
        set_displaced(new_incident, i.displaced)
        set_reported_by(new_incident, i.reported_by)
        return new_incident
    if type(event) is Meeting and _MEETING_SETTERS is not None:
        m: Meeting = event
        new_meeting: Meeting = _new(Meeting)
        (set_id, set_kind, set_status, set_evidence, set_parties, set_participants,
         set_place, set_date, set_duration, set_outcome, set_reported_by) = _MEETING_SETTERS
        set_id(new_meeting, new_id)
        set_kind(new_meeting, m.kind)
        set_status(new_meeting, m.status)
        set_evidence(new_meeting, m.evidence)
        set_parties(new_meeting, m.parties)
        set_participants(new_meeting, m.participants)
        set_place(new_meeting, m.place)
        set_date(new_meeting, m.date)
        set_duration(new_meeting, m.duration_minutes)
        set_outcome(new_meeting, m.outcome)
        set_reported_by(new_meeting, m.reported_by)
        return new_meeting
    out: _Event = _new(type(event))
    for get, set_ in slots:
        set_(out, get(event))
    _EVENT_ID[type(event)](out, new_id)
    return out


# --------------------------------------------------------------------------- events
#
# The model checks every field of an event and converts its id lists to sorted tuples:
# about 12 us a Meeting or Incident, more than the rest of building it. The extractors
# hand over values of the checked types already, with sorted, unique tuples; the tests
# below take a few hundred nanoseconds and let anything else go through the constructor,
# which converts or fails as it always does.

_MEETING_SETTERS = _slot_setters(Meeting, (
    "id", "kind", "status", "evidence", "parties", "participants", "place", "date",
    "duration_minutes", "outcome", "reported_by"))
_INCIDENT_SETTERS = _slot_setters(Incident, (
    "id", "type", "evidence", "perpetrators", "targets", "place", "date", "killed",
    "injured", "displaced", "reported_by"))


def _ok_evidence(evidence: object) -> bool:
    if type(evidence) is not tuple or not evidence:
        return False
    for e in evidence:  # noqa: SIM110 (a loop: all() over a generator costs more)
        if type(e) is not Span:
            return False
    return True


def _sorted_unique(items: object) -> TypeGuard[tuple[str, ...]]:
    """A tuple of strings, strictly increasing (what the converter would leave as is)."""
    if type(items) is not tuple:
        return False
    prev = None
    for x in items:
        if type(x) is not str or (prev is not None and not prev < x):
            return False
        prev = x
    return True


# Actor ids that passed the model's id pattern. An article's incidents and meetings name
# the same few actors again and again, and the regex test cost more than the rest of
# building an incident: a set lookup (the string's hash is cached) settles an id seen
# before. Only ids that passed go in, so an id is taken as valid here exactly when the
# pattern takes it; the set is emptied when it grows past the bound (a long run over
# many articles), which only costs the regex again.
_GOOD_IDS: set[str] = set()
_GOOD_IDS_BOUND = 100_000


def _new_good_id(x: str) -> bool:
    """Whether an id not in _GOOD_IDS passes the model's id pattern (it goes in if so)."""
    if _ID.fullmatch(x) is None:
        return False
    if len(_GOOD_IDS) >= _GOOD_IDS_BOUND:
        _GOOD_IDS.clear()
    _GOOD_IDS.add(x)
    return True


def _ok_ids(ids: object) -> bool:
    """A sorted, unique tuple of actor ids (what the converter and validator accept as is)."""
    if type(ids) is not tuple:
        return False
    if not ids:
        return True
    good = _GOOD_IDS
    prev = None
    for x in ids:
        if type(x) is not str or (prev is not None and not prev < x):
            return False
        if x not in good:
            if _ID.fullmatch(x) is None:
                return False
            if len(good) >= _GOOD_IDS_BOUND:
                good.clear()
            good.add(x)
        prev = x
    return True


def _optional(value: object, cls: type) -> bool:
    return value is None or type(value) is cls


def _ok_id(id: object) -> bool:
    return type(id) is str and bool(id.strip())


def meeting(
    id: str,
    kind: MeetingKind,
    status: MeetingStatus,
    evidence: tuple[Span, ...],
    parties: tuple[str, ...] = (),
    participants: tuple[str, ...] = (),
    place: Place | None = None,
    date: TimeValue | None = None,
    duration_minutes: int | None = None,
    outcome: str | None = None,
    reported_by: str | None = None,
) -> Meeting:
    """``Meeting(...)`` with the same arguments, without the constructor where it would
    neither convert nor reject anything.

    Example:
        >>> args = ("m1", MeetingKind.TALKS, MeetingStatus.HELD, (Span(0, 5),), ("RU", "TR"))
        >>> meeting(*args) == Meeting(*args)
        True
    """
    if (
        _MEETING_SETTERS is None
        or not _ok_id(id)
        or type(kind) is not MeetingKind
        or type(status) is not MeetingStatus
        or not _ok_evidence(evidence)
        or not (_sorted_unique(parties) and _all_codes(parties))
        or not _ok_ids(participants)
        or not _optional(place, Place)
        or not _optional(date, TimeValue)
        or not (duration_minutes is None
                or (type(duration_minutes) is int and duration_minutes >= 0))
        or not _optional(outcome, str)
        or not _optional(reported_by, str)
    ):
        return Meeting(id, kind, status, evidence, parties, participants, place, date,
                       duration_minutes, outcome, reported_by)
    out: Meeting = _new(Meeting)
    (set_id, set_kind, set_status, set_evidence, set_parties, set_participants, set_place,
     set_date, set_duration, set_outcome, set_reported_by) = _MEETING_SETTERS
    set_id(out, id)
    set_kind(out, kind)
    set_status(out, status)
    set_evidence(out, evidence)
    set_parties(out, parties)
    set_participants(out, participants)
    set_place(out, place)
    set_date(out, date)
    set_duration(out, duration_minutes)
    set_outcome(out, outcome)
    set_reported_by(out, reported_by)
    return out


def _all_codes(codes: tuple[str, ...]) -> bool:
    for c in codes:  # noqa: SIM110 (a loop: all() over a generator costs more)
        if not is_country_code(c):
            return False
    return True


def incident(
    id: str,
    type_: IncidentType,
    evidence: tuple[Span, ...],
    perpetrators: tuple[str, ...] = (),
    targets: tuple[str, ...] = (),
    place: Place | None = None,
    date: TimeValue | None = None,
    killed: Claim | None = None,
    injured: Claim | None = None,
    displaced: Claim | None = None,
    reported_by: str | None = None,
) -> Incident:
    """``Incident(...)`` with the same arguments, without the constructor where it would
    neither convert nor reject anything.

    Example:
        >>> args = ("i1", IncidentType.ARMED_ATTACK, (Span(0, 5),), ("state:tr",))
        >>> incident(*args) == Incident(*args)
        True
    """
    # (the tests written out, not by calls to _optional(), and the slots set one by one,
    # not by a loop over zip(): each call and iteration cost as much as a test)
    if (
        _INCIDENT_SETTERS is None
        or type(id) is not str
        or not id.strip()
        or type(type_) is not IncidentType
        or not _ok_evidence(evidence)
        or not (type(perpetrators) is tuple and (not perpetrators or _ok_ids(perpetrators)))
        or not (type(targets) is tuple and (not targets or _ok_ids(targets)))
        or not (place is None or type(place) is Place)
        or not (date is None or type(date) is TimeValue)
        or not (killed is None or type(killed) is Claim)
        or not (injured is None or type(injured) is Claim)
        or not (displaced is None or type(displaced) is Claim)
        or not (reported_by is None or type(reported_by) is str)
    ):
        return Incident(id, type_, evidence, perpetrators, targets, place, date, killed,
                        injured, displaced, reported_by)
    out: Incident = _new(Incident)
    (set_id, set_type, set_evidence, set_perpetrators, set_targets, set_place, set_date,
     set_killed, set_injured, set_displaced, set_reported_by) = _INCIDENT_SETTERS
    set_id(out, id)
    set_type(out, type_)
    set_evidence(out, evidence)
    set_perpetrators(out, perpetrators)
    set_targets(out, targets)
    set_place(out, place)
    set_date(out, date)
    set_killed(out, killed)
    set_injured(out, injured)
    set_displaced(out, displaced)
    set_reported_by(out, reported_by)
    return out


_CLAIM = _slot_setters(Claim, ("value", "qualifier", "claimant", "span"))


def claim(
    value: int,
    qualifier: Qualifier = Qualifier.EXACT,
    claimant: str | None = None,
    span: Span | None = None,
) -> Claim:
    """``Claim(value, qualifier, claimant, span)``, without the constructor where it would
    accept the values as they are.

    Example:
        >>> claim(76, claimant="Akar", span=Span(0, 2)) == Claim(76, claimant="Akar",
        ...                                                      span=Span(0, 2))
        True
    """
    if (_CLAIM is None or type(value) is not int or value < 0
            or type(qualifier) is not Qualifier
            or not (claimant is None or type(claimant) is str)
            or not (span is None or type(span) is Span)):
        return Claim(value, qualifier, claimant, span)
    c: Claim = _new(Claim)
    set_value, set_qualifier, set_claimant, set_span = _CLAIM
    set_value(c, value)
    set_qualifier(c, qualifier)
    set_claimant(c, claimant)
    set_span(c, span)
    return c


# --------------------------------------------------------------------------- actors, times


def mention(span: Span, text: str, kind: MentionKind = MentionKind.NAME) -> Mention:
    """``Mention(span, text, kind)``, without the constructor for values of its types.

    Example:
        >>> mention(Span(0, 5), "Putin") == Mention(Span(0, 5), "Putin")
        True
    """
    if (_MENTION is None or type(span) is not Span or type(text) is not str
            or type(kind) is not MentionKind):
        return Mention(span, text, kind)
    m: Mention = _new(Mention)
    set_span, set_text, set_kind = _MENTION
    set_span(m, span)
    set_text(m, text)
    set_kind(m, kind)
    return m


def actor(
    id: str,
    name: str,
    kind: ActorKind,
    country: str | None = None,
    title: str | None = None,
    aliases: tuple[str, ...] = (),
    mentions: tuple[Mention, ...] = (),
) -> Actor:
    """``Actor(...)`` with the same arguments, without the constructor where it would
    neither convert nor reject anything.

    Example:
        >>> args = ("person:vladimir-putin", "Vladimir Putin", ActorKind.PERSON, "RU")
        >>> actor(*args) == Actor(*args)
        True
    """
    if (
        _ACTOR is None
        or type(id) is not str
        or (id not in _GOOD_IDS and not _new_good_id(id))
        or type(name) is not str
        or not name.strip()
        or type(kind) is not ActorKind
        or not (country is None or is_country_code(country))
        or not (title is None or type(title) is str)
        or type(aliases) is not tuple
        or type(mentions) is not tuple
        or not _all_of(aliases, str)
        or not _all_of(mentions, Mention)
    ):
        return Actor(id, name, kind, country, title, aliases, mentions)
    a: Actor = _new(Actor)
    set_id, set_name, set_kind, set_country, set_title, set_aliases, set_mentions = _ACTOR
    set_id(a, id)
    set_name(a, name)
    set_kind(a, kind)
    set_country(a, country)
    set_title(a, title)
    set_aliases(a, aliases)
    set_mentions(a, mentions)
    return a


def _all_of(items: tuple[Any, ...], cls: type) -> bool:
    """Whether every item is of exactly type ``cls`` (a loop: all() over a generator
    costs a frame more)."""
    for x in items:  # noqa: SIM110
        if type(x) is not cls:
            return False
    return True


def _consistent(start: Any, end: Any, precision: Any, interval: Any) -> bool:
    """Whether TimeValue's field and consistency checks pass (see its post-init)."""
    if (type(start) is not _dt.date or type(end) is not _dt.date or end < start
            or type(interval) is not bool):
        return False
    if precision is Precision.DAY:
        return interval or start == end
    if precision is Precision.MONTH:
        return start.day == 1 and end == _month_end(end) and (
            interval or (start.year, start.month) == (end.year, end.month))
    if precision is Precision.YEAR:
        return ((start.month, start.day) == (1, 1) and (end.month, end.day) == (12, 31)
                and (interval or start.year == end.year))
    return False


def time_value(
    start: _dt.date,
    end: _dt.date,
    precision: Precision = Precision.DAY,
    interval: bool = False,
    text: str = "",
    span: Span | None = None,
) -> TimeValue:
    """``TimeValue(start, end, precision, interval, text, span)``, without the constructor
    where it would accept the values.

    Example:
        >>> d = _dt.date(2020, 2, 8)
        >>> time_value(d, d, text="Saturday") == TimeValue.day(d, text="Saturday")
        True
    """
    if (_TIME_VALUE is None or not _consistent(start, end, precision, interval)
            or type(text) is not str or not (span is None or type(span) is Span)):
        return TimeValue(start, end, precision, interval, text, span)
    value: TimeValue = _new(TimeValue)
    set_start, set_end, set_precision, set_interval, set_text, set_span = _TIME_VALUE
    set_start(value, start)
    set_end(value, end)
    set_precision(value, precision)
    set_interval(value, interval)
    set_text(value, text)
    set_span(value, span)
    return value


# --------------------------------------------------------------------------- the result

_ARTICLE_SLOTS = _all_slots(Article)
_ARTICLE_SETTERS = {f.name: Article.__dict__[f.name].__set__ for f in attrs.fields(Article)}
# The fields article() leaves at their defaults (None, or () for boilerplate): every
# field but the five it is given, each with its attrs default (all plain values).
def _plain_defaults(cls: type, given: tuple[str, ...]) -> tuple[tuple[str, Any], ...] | None:
    """(name, default) of the fields of ``cls`` not in ``given``; None if one has no plain
    default (none at all, or a factory): the constructor then fills it."""
    out = tuple((f.name, f.default) for f in attrs.fields(cls) if f.name not in given)
    if any(d is attrs.NOTHING or type(d).__name__ == "Factory" for _, d in out):
        return None
    return out


_ARTICLE_DEFAULTS = _plain_defaults(Article, ("id", "text", "published", "url", "source"))
_RESULT = _slot_setters(ArticleResult, ("article", "actors", "meetings", "incidents",
                                        "diagnostics"))


def article(
    id: str,
    text: str,
    published: _dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """``Article(id, text, published=published, url=url, source=source)``, without the
    constructor where it would accept the values as they are (plain strings, a non-empty
    id, a date that is no datetime).

    Example:
        >>> article("a1", "Talks.", url="u") == Article("a1", "Talks.", url="u")
        True
    """
    if (
        _ARTICLE_DEFAULTS is None
        or type(id) is not str
        or not id.strip()
        or type(text) is not str
        or not (published is None or type(published) is _dt.date)
        or not (url is None or type(url) is str)
        or not (source is None or type(source) is str)
    ):
        return Article(id, text, published=published, url=url, source=source)
    setters = _ARTICLE_SETTERS
    out: Article = _new(Article)
    for name, value in _ARTICLE_DEFAULTS:
        setters[name](out, value)
    setters["id"](out, id)
    setters["text"](out, text)
    setters["published"](out, published)
    setters["url"](out, url)
    setters["source"](out, source)
    return out


def article_with(article: Article, changes: dict[str, Any]) -> Article:
    """``attrs.evolve(article, **changes)`` for changes that another model object's
    constructor checked already: the metadata fields (title, outlet, dateline, their
    spans, published) of an :class:`~idlib_corpus.model.ArticleMetadata` whose spans lie
    inside ``article.text``, and a sorted tuple of such boilerplate spans.

    Article's validators are those of ArticleMetadata's fields of the same names, and its
    post-init tests only that the spans lie inside the text: the caller checked both.

    Example:
        >>> a = Article("a1", "Talks in Ankara")
        >>> changes = {"title": "Talks", "title_span": Span(0, 5)}
        >>> article_with(a, changes) == attrs.evolve(a, **changes)
        True
    """
    setters = _ARTICLE_SETTERS
    if (type(article) is not Article or not changes
            or not all(name in setters for name in changes)):
        return attrs.evolve(article, **changes)
    out: Article = _new(Article)
    for get, set_ in _ARTICLE_SLOTS:
        set_(out, get(article))
    for name, value in changes.items():
        setters[name](out, value)
    return out


def article_result(
    article: Article,
    actors: tuple[Actor, ...],
    meetings: tuple[Meeting, ...],
    incidents: tuple[Incident, ...],
) -> ArticleResult:
    """``ArticleResult(article, actors, meetings, incidents)`` with no diagnostics, for
    objects of the model's own classes whose every span the caller has checked to lie
    inside ``article.text`` (the pipeline does, for each plugin's return).

    The constructor would convert nothing (tuples), and its post-init would walk every
    span again for the test the caller made; anything of another type goes through it.

    Example:
        >>> a = Article("a1", "Talks in Ankara")
        >>> article_result(a, (), (), ()) == ArticleResult(a)
        True
    """
    if (
        _RESULT is None
        or type(article) is not Article
        or type(actors) is not tuple
        or type(meetings) is not tuple
        or type(incidents) is not tuple
        or not all(type(x) is Actor for x in actors)
        or not all(type(x) is Meeting for x in meetings)
        or not all(type(x) is Incident for x in incidents)
    ):
        return ArticleResult(article, actors, meetings, incidents)
    out: ArticleResult = _new(ArticleResult)
    set_article, set_actors, set_meetings, set_incidents, set_diagnostics = _RESULT
    set_article(out, article)
    set_actors(out, actors)
    set_meetings(out, meetings)
    set_incidents(out, incidents)
    set_diagnostics(out, ())
    return out
