"""Building model objects without their checks, for the built-in extractors' inner loops.

The model's attrs constructors check every field (types, bounds). That is right at the
boundary, where values come from plugins, files and users; in the extractors' inner loops,
which build a hundred spans and annotations an article from offsets they computed
themselves, the checks cost more than the objects. The functions here set the slots
directly instead. The objects are the ones the constructors would give: equal, with the
same ``repr`` and hash (``tests/test_trusted.py`` checks it for each function, with
hypothesis). Never hand them values from outside the package: those go through the
constructors.

If a class's fields change, the setters below no longer match and every function here
falls back to the checked constructor (slower, never wrong).
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from idlib_corpus.document import Annotation, AnnotationLabel
from idlib_corpus.model import Incident, Meeting, Place, Span, TimeValue

__all__ = ["annotation", "place_at", "span", "with_id"]

_new = object.__new__


def _slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Any, ...] | None:
    """The slot setters of ``cls``'s fields, if its fields are exactly ``names``."""
    if tuple(f.name for f in attrs.fields(cls)) != names:
        return None
    return tuple(cls.__dict__[name].__set__ for name in names)


_SPAN = _slot_setters(Span, ("start", "end"))
_PLACE_NAMES = ("name", "kind", "country", "latitude", "longitude", "geonames_id", "text",
                "span")
_PLACE = _slot_setters(Place, _PLACE_NAMES)
_ANNOTATION = _slot_setters(Annotation, ("span", "label", "text", "key", "value",
                                               "source"))


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
    _SPAN[0](s, start)
    _SPAN[1](s, end)
    return s


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
    values = (base.name, base.kind, base.country, base.latitude, base.longitude,
              base.geonames_id, text, where)
    for setter, value in zip(_PLACE, values, strict=True):
        setter(p, value)
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
    out: _Event = _new(type(event))
    for get, set_ in slots:
        set_(out, get(event))
    _EVENT_ID[type(event)](out, new_id)
    return out
