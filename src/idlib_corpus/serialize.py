"""The wire format: the one place that turns model objects into JSON and back.

Every other module calls the functions here; none touches :mod:`json` or :mod:`cattrs`
itself, so the rules below hold for every record the library writes or reads:

* attrs classes become JSON objects with one key per field (``null`` for ``None``);
  dates are ISO strings (``"2020-02-08"``), enums their values (``"armed_attack"``),
  tuples and lists JSON arrays, sets sorted arrays;
* every top-level record carries ``"schema_version"``
  (:data:`~idlib_corpus.model.SCHEMA_VERSION`); a reader accepts the same major version
  and refuses any other with :class:`~idlib_corpus.errors.SchemaVersionError`;
* reading is strict: unknown keys, a string where a number belongs, a list where an
  object belongs, a bad enum value or a malformed date are errors, never coerced;
* every error is a :class:`~idlib_corpus.errors.WireFormatError` naming the source
  (file and line for JSONL), the record and the JSON path of each bad field, e.g.
  ``corpus.jsonl line 12: ArticleResult (article '003'): expected int, got str '3' @
  $.incidents[0].killed.value``;
* output is deterministic: keys sorted, compact separators, UTF-8 unescaped, so the same
  objects give the same bytes on every run;
* files are written atomically (a temporary file beside the target, then
  :func:`os.replace`): a crash never leaves a half-written file behind.

The converter is generic over attrs classes, so types defined elsewhere (corpus-level
events, evaluation reports) serialise with the same rules through :func:`unstructure`
and :func:`structure`.

For speed, :func:`dumps` and :func:`structure` (so :func:`loads` and the file readers)
use a writer and a reader generated once per attrs class (see "fast paths" below): the
writer builds the JSON text with the keys already sorted, the reader accepts only the
plain case and leaves anything else to the strict converter path, so the bytes written
and the errors raised are exactly those of the generic path
(``benchmarks/bench_serialize.py`` measures both directions).

Example:
    >>> from idlib_corpus.model import Span
    >>> dumps(Span(3, 9))
    '{"end":9,"schema_version":"1.0","start":3}'
    >>> loads('{"schema_version": "1.0", "start": 3, "end": 9}', Span)
    Span(start=3, end=9)
"""

from __future__ import annotations

import datetime as _dt
import enum
import itertools
import json
import math
import operator
import os
import re
import secrets
import sys
import threading
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from idlib_corpus.errors import InputError, ModelError, SchemaVersionError, WireFormatError
from idlib_corpus.model import SCHEMA_VERSION, ArticleResult

__all__ = [
    "configure_converter",
    "dump_jsonl",
    "dump_results",
    "dumps",
    "dumps_plain",
    "get_converter",
    "iter_jsonl",
    "load_results",
    "loads",
    "make_converter",
    "structure",
    "unstructure",
    "write_lines",
    "write_text_atomic",
]

T = TypeVar("T")

#: The key every top-level record carries.
VERSION_KEY = "schema_version"

_VERSION_RE = re.compile(r"(\d+)\.(\d+)")
_ISO_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A ModelError message starts "Class.field[0].sub must be ..." (see model._fail); the
# field part lets an error raised by a constructor point at the field, not the record.
_MODEL_FIELD_RE = re.compile(r"(\w+)\.([A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)*) must be ")


# --------------------------------------------------------------------------- converter


class _Mismatch(TypeError):
    """A JSON value of the wrong shape; its message is the whole explanation."""


def _describe(value: object) -> str:
    """``str 'x'``, ``list``...: the JSON-level type of a value, for error messages."""
    names = {
        type(None): "null",
        bool: "bool",
        int: "int",
        float: "float",
        str: "str",
        list: "list",
        dict: "object",
    }
    name = names.get(type(value), type(value).__name__)
    if isinstance(value, str | int | float | bool):
        shown = repr(value)
        if len(shown) > 40:
            shown = shown[:37] + "..."
        return f"{name} {shown}"
    return name


def _structure_str(value: Any, _: type) -> str:
    if not isinstance(value, str):
        raise _Mismatch(f"expected str, got {_describe(value)}")
    return value


def _structure_int(value: Any, _: type) -> int:
    # bool is an int in Python but not in JSON: refuse it.
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Mismatch(f"expected int, got {_describe(value)}")
    return value


def _structure_float(value: Any, _: type) -> float:
    # JSON has one number type: an integral float may come back written as "45".
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise _Mismatch(f"expected float, got {_describe(value)}")
    return float(value)


def _structure_bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise _Mismatch(f"expected bool, got {_describe(value)}")
    return value


def _structure_date(value: Any, _: type) -> _dt.date:
    # Only the calendar form YYYY-MM-DD: date.fromisoformat also takes "20200208" and
    # week dates, which would read back but never compare equal as text.
    if isinstance(value, str) and _ISO_DATE_RE.fullmatch(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Mismatch(f"expected a date as 'YYYY-MM-DD', got {_describe(value)}")


def _structure_datetime(value: Any, _: type) -> _dt.datetime:
    if isinstance(value, str):
        try:
            return _dt.datetime.fromisoformat(value)
        except ValueError:
            pass
    raise _Mismatch(f"expected an ISO 8601 date-time, got {_describe(value)}")


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except (ValueError, TypeError):
        allowed = ", ".join(repr(m.value) for m in cls)
        raise _Mismatch(f"expected one of {allowed}, got {_describe(value)}") from None


#: Writes an enum as its value (one object, so the fast path can recognise the hook).
_enum_value = operator.attrgetter("value")


def _sorted_list(items: Iterable[Any]) -> list[Any]:
    # Sets have no order; sort by the JSON text so the output is the same on every run
    # (string hashing is randomised per process).
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))


_SEQUENCE_ORIGINS = (tuple, list, set, frozenset)


def _is_sequence_type(t: Any) -> bool:
    origin = typing.get_origin(t) or t
    return isinstance(origin, type) and origin in _SEQUENCE_ORIGINS


def _structure_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any, Any], Any]:
    get = getattr(conv, "get_structure_hook", None)  # cattrs >= 24.1
    return get(t) if get is not None else conv.structure


def _unstructure_hook(conv: cattrs.Converter, t: Any) -> Callable[[Any], Any]:
    get = getattr(conv, "get_unstructure_hook", None)  # cattrs >= 24.1
    if get is not None:
        return get(t)  # type: ignore[no-any-return]
    return lambda value: conv.unstructure(value, t)


def _sequence_structure_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure ``tuple[X, ...]``, ``tuple[X, Y]``, ``list[X]``, ``(frozen)set[X]`` strictly.

    cattrs would accept any iterable (a string as a tuple of characters, an object as
    its keys); the wire format only has JSON arrays, and errors carry the item index.
    """
    origin = typing.get_origin(t) or t
    args = typing.get_args(t)
    if origin is tuple and args and not (len(args) == 2 and args[1] is Ellipsis):
        fixed: tuple[Any, ...] | None = args  # a fixed-length tuple
    else:
        fixed = None
    item_type = args[0] if args else Any
    name = getattr(origin, "__name__", str(origin))
    # The item hook is looked up on first use, not here: a factory that asked for the
    # hook of its own type (a recursive model) would recurse.
    hooks: list[Callable[[Any, Any], Any]] = []

    def structure_slowly(value: list[Any]) -> Any:
        """Item by item, collecting every error with its index."""
        out: list[Any] = []
        errors: list[Exception] = []
        for i, item in enumerate(value):
            it = fixed[i] if fixed is not None else item_type
            try:
                out.append(item if it is Any else conv.structure(item, it))
            except Exception as exc:
                note = IterableValidationNote(f"Structuring {name} @ index {i}", i, it)
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {name}", errors, origin)
        return origin(out)

    def structure_sequence(value: Any, _: Any) -> Any:
        if not isinstance(value, list):
            raise _Mismatch(f"expected a list, got {_describe(value)}")
        if fixed is not None:
            if len(value) != len(fixed):
                raise _Mismatch(f"expected a list of {len(fixed)} items, got {len(value)}")
            return structure_slowly(value)
        if item_type is Any:
            return origin(value)
        if not hooks:
            hooks.append(_structure_hook(conv, item_type))
        hook = hooks[0]
        try:
            return origin([hook(item, item_type) for item in value])
        except Exception:
            return structure_slowly(value)  # raises, with the index of each bad item

    return structure_sequence


def _sequence_unstructure_factory(t: Any, conv: cattrs.Converter) -> Callable[[Any], Any]:
    origin = typing.get_origin(t) or t
    args = typing.get_args(t)
    homogeneous = origin is not tuple or (len(args) == 2 and args[1] is Ellipsis)
    item_type = args[0] if args and homogeneous and args[0] is not Any else None
    hooks: list[Callable[[Any], Any]] = []  # looked up on first use, as above

    def unstructure_sequence(value: Any) -> list[Any]:
        if item_type is not None:
            if not hooks:
                hooks.append(_unstructure_hook(conv, item_type))
            hook = hooks[0]
            items = [hook(v) for v in value]
        else:
            items = [conv.unstructure(v) for v in value]
        if isinstance(value, set | frozenset):
            return _sorted_list(items)
        return items

    return unstructure_sequence


def _attrs_structure_factory(cls: type, conv: cattrs.Converter) -> Callable[[Any, Any], Any]:
    inner: Callable[[Mapping[str, Any]], Any] = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True
    )

    def structure_attrs(value: Any, _: Any) -> Any:
        if not isinstance(value, dict):
            raise _Mismatch(f"expected an object ({cls.__name__}), got {_describe(value)}")
        return inner(value)

    return structure_attrs


def configure_converter(conv: cattrs.Converter) -> None:
    """Apply the wire-format rules to ``conv``.

    Configures:

    * strict ``str``, ``int``, ``float``, ``bool`` (no coercion; ``bool`` is not an int);
    * ``datetime.date`` as ``"YYYY-MM-DD"``, ``datetime.datetime`` as ISO 8601;
    * every :class:`enum.Enum` as its value, refusing unknown values;
    * tuples, lists and sets as JSON arrays only (sets written sorted);
    * attrs classes as JSON objects, refusing unknown keys (``forbid_extra_keys``) and
      collecting every error with its path (detailed validation).

    Args:
        conv: a :class:`cattrs.Converter`; hooks already on it for other types stay.

    Example:
        >>> import cattrs, datetime
        >>> conv = cattrs.Converter()
        >>> configure_converter(conv)
        >>> conv.unstructure(datetime.date(2020, 2, 8))
        '2020-02-08'
    """
    conv.forbid_extra_keys = True
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(float, _structure_float)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(_dt.date, _structure_date)
    conv.register_structure_hook(_dt.datetime, _structure_datetime)
    conv.register_structure_hook(enum.Enum, _structure_enum)
    conv.register_unstructure_hook(_dt.date, _dt.date.isoformat)
    conv.register_unstructure_hook(_dt.datetime, _dt.datetime.isoformat)
    conv.register_unstructure_hook(enum.Enum, _enum_value)
    conv.register_structure_hook_factory(
        _is_sequence_type, lambda t: _sequence_structure_factory(t, conv)
    )
    conv.register_unstructure_hook_factory(
        _is_sequence_type, lambda t: _sequence_unstructure_factory(t, conv)
    )
    conv.register_structure_hook_factory(attrs.has, lambda cls: _attrs_structure_factory(cls, conv))


def make_converter() -> cattrs.Converter:
    """Build a new converter with the wire-format rules (see :func:`configure_converter`).

    Example:
        >>> from idlib_corpus.model import Precision
        >>> make_converter().structure("month", Precision)
        <Precision.MONTH: 'month'>
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


_converter: cattrs.Converter | None = None


def get_converter() -> cattrs.Converter:
    """The module's shared converter, built on first use (hooks are compiled once)."""
    global _converter
    if _converter is None:
        _converter = make_converter()
    return _converter


def __getattr__(name: str) -> Any:
    # ``serialize.converter`` is the shared converter, built on first access.
    if name == "converter":
        return get_converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- fast paths
#
# cattrs' generic hooks followed by json.dumps(sort_keys=True) cost ~2 ms a seed record
# to write, and detailed validation ~6 ms to read: too slow for a pipeline that must do
# 300 articles/s. So for each attrs class, once, we generate two plain functions from
# its fields:
#
# * a writer that builds the JSON text directly, keys already in sorted order, each
#   value guarded by an exact type check (``type(v) is int``); any value that is not the
#   plain case (a NaN, a list where a tuple was declared, an unknown object) is written
#   by the generic path (the converter's hook for the field's type, then json with
#   sort_keys), so the bytes are those the generic path writes;
# * a reader that accepts only the plain case (exact JSON types, every key present and
#   no other, known enum values) and otherwise raises; :func:`structure` then re-runs the
#   strict, detailed path, which returns the same object or builds the error message.
#   The constructors (and so the model's validators) still run exactly once a record.
#
# Both mirror the rules of configure_converter(); before using the plain case for a
# type they check that the shared converter still has our hook for it, and use the
# converter's hook otherwise. Hooks registered on the shared converter after the first
# dumps/loads of a class are not seen by these functions (cattrs caches hooks the same
# way).


class _Slow(Exception):
    """A generated reader met something other than the plain case: use the strict path."""


_NONE_TYPE = type(None)
#: Names the generated functions see as globals (helpers, classes, hooks, other
#: generated functions); one namespace for all, so generated functions call each other
#: directly (and recursive models work: names exist before the functions do).
_NS: dict[str, Any] = {
    "_Slow": _Slow,
    "_esc": json.encoder.encode_basestring,  # what json.dumps(ensure_ascii=False) uses
    "_irepr": int.__repr__,
    "_frepr": float.__repr__,  # what json uses for floats
    "_isfinite": math.isfinite,
    "_sdate": _structure_date,
    "_sdatetime": _structure_datetime,
}
_NUMBERS = itertools.count()  # makes the names in _NS unique
_WRITER_NAMES: dict[type, str | None] = {}
_READER_NAMES: dict[type, str | None] = {}
# Complete functions only (every function they call exists): what dumps and structure
# use, without taking the lock.
_TOP_WRITERS: dict[type, Callable[[Any], str] | None] = {}
_TOP_READERS: dict[type, Callable[[Any, int], Any] | None] = {}
# Generation is rare (once per class) and recursive; another thread must not see a
# name whose function is not made yet.
_GENERATING = threading.RLock()


def _ref(value: Any) -> str:
    """The global name under which generated code sees ``value``."""
    name = f"_r{next(_NUMBERS)}"
    _NS[name] = value
    return name


def _attrs_fields(cls: type) -> list[tuple[str, Any, bool]] | None:
    """``(name, resolved type, keyword-only)`` of each field, or None if the plain
    field-by-field form does not apply (init=False or renamed fields, unresolvable
    annotations, type variables, a field named like the version key)."""
    try:
        fields = attrs.fields(cls)
        hints = typing.get_type_hints(cls)
    except Exception:
        return None
    out = []
    for a in fields:
        t = hints.get(a.name)
        if (
            not a.init
            or a.alias != a.name
            or a.name == VERSION_KEY
            or t is None
            or _has_type_var(t)
        ):
            return None
        out.append((a.name, t, a.kw_only))
    return out


def _has_type_var(t: Any) -> bool:
    return isinstance(t, typing.TypeVar) or any(_has_type_var(a) for a in typing.get_args(t))


def _optional_of(t: Any) -> Any:
    """``X`` for ``X | None`` (or ``Optional[X]``), else None."""
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        args = typing.get_args(t)
        if len(args) == 2 and _NONE_TYPE in args:
            return args[0] if args[1] is _NONE_TYPE else args[1]
    return None


def _homogeneous(t: Any) -> tuple[type, Any] | None:
    """``(origin, item type)`` for ``tuple[X, ...]``, ``list[X]``, ``(frozen)set[X]``."""
    origin = typing.get_origin(t)
    args = typing.get_args(t)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis and args[0] is not Any:
        return tuple, args[0]
    if origin in (list, set, frozenset) and len(args) == 1 and args[0] is not Any:
        return origin, args[0]
    return None


def _is_str_enum(t: Any) -> bool:
    return (
        isinstance(t, type)
        and issubclass(t, enum.Enum)
        and all(type(m.value) is str for m in t)  # exactly str, as json writes it
    )


def _our_hook(hook: Any, qualname: str) -> bool:
    return (
        getattr(hook, "__module__", None) == __name__
        and getattr(hook, "__qualname__", "") == qualname
    )


# -- writers


def _write_slowly(t: Any) -> Callable[[Any], str]:
    """The generic path for one value of declared type ``t``: hook, then json."""
    hook = _unstructure_hook(get_converter(), t)
    encode = _SLOW_ENCODER.encode
    return lambda value: encode(hook(value))


def _writer_name(cls: type) -> str | None:
    """The global name of the generated writer for ``cls`` (built on first use)."""
    try:
        return _WRITER_NAMES[cls]
    except KeyError:
        pass
    hook = get_converter().get_unstructure_hook(cls)
    fields = _attrs_fields(cls)
    # cattrs names its generated attrs hooks unstructure_<Class>; anything else is a
    # hook someone registered, which we must not bypass.
    if fields is None or getattr(hook, "__name__", "") != f"unstructure_{cls.__name__}":
        _WRITER_NAMES[cls] = None
        return None
    name = f"_write_{next(_NUMBERS)}"
    _WRITER_NAMES[cls] = name  # before generating: a recursive model refers to itself
    _NS[name] = _generate_writer(cls, fields, name, top=False)
    return name


def _top_writer(cls: type) -> Callable[[Any], str] | None:
    """The generated writer of a top-level record of ``cls`` (with the version key)."""
    try:
        return _TOP_WRITERS[cls]
    except KeyError:
        pass
    with _GENERATING:
        writer = None
        if attrs.has(cls) and _writer_name(cls) is not None:
            fields = _attrs_fields(cls)
            assert fields is not None
            writer = _generate_writer(cls, fields, f"_write_top_{next(_NUMBERS)}", top=True)
        _TOP_WRITERS[cls] = writer
    return writer


def _top_reader(cls: type) -> Callable[[Any, int], Any] | None:
    """The generated reader of ``cls``, called with ``top=1`` for a top-level record."""
    try:
        return _TOP_READERS[cls]
    except KeyError:
        pass
    with _GENERATING:
        name = _reader_name(cls)
        reader = _NS[name] if name is not None else None
        _TOP_READERS[cls] = reader
    return reader


def _write_expr(t: Any, v: str, depth: int = 0, *, formatted: bool = False) -> str:
    """A Python expression giving the JSON text of the value in variable ``v``.

    With ``formatted``, the expression goes into an f-string, which formats an exact
    int or float as its repr (what json writes) without a call: it may give the number.
    """
    conv = get_converter()
    inner = _optional_of(t)
    if inner is not None:
        value = _write_expr(inner, v, depth, formatted=formatted)
        return f"('null' if {v} is None else {value})"
    slow = f"{_ref(_write_slowly(t))}({v})"
    hook = _unstructure_hook(conv, t)
    if t in (str, int, float, bool) and hook is cattrs.fns.identity:
        if t is str:
            return f"(_esc({v}) if type({v}) is str else {slow})"
        if t is int:
            text = v if formatted else f"_irepr({v})"
            return f"({text} if type({v}) is int else {slow})"
        if t is float:
            text = v if formatted else f"_frepr({v})"
            return f"({text} if type({v}) is float and _isfinite({v}) else {slow})"
        return f"('true' if {v} is True else 'false' if {v} is False else {slow})"
    if t is _dt.date and hook is _dt.date.isoformat:
        return f"(_esc({v}.isoformat()) if type({v}) is {_ref(t)} else {slow})"
    if t is _dt.datetime and hook is _dt.datetime.isoformat:
        return f"(_esc({v}.isoformat()) if type({v}) is {_ref(t)} else {slow})"
    if _is_str_enum(t) and hook is _enum_value:
        return f"(_esc({v}._value_) if type({v}) is {_ref(t)} else {slow})"
    if attrs.has(t) and isinstance(t, type):
        name = _writer_name(t)
        if name is not None:
            return f"({name}({v}) if type({v}) is {_ref(t)} else {slow})"
        return slow
    seq = _homogeneous(t)
    if (
        seq is not None
        and seq[0] in (tuple, list)
        and _our_hook(hook, "_sequence_unstructure_factory.<locals>.unstructure_sequence")
    ):
        x = f"_x{depth}"
        item = _write_expr(seq[1], x, depth + 1)
        return (
            f"('[' + ','.join([{item} for {x} in {v}]) + ']' "
            f"if type({v}) is tuple or type({v}) is list else {slow})"
        )
    return slow


def _fstring_literal(text: str) -> str:
    return text.replace("\\", "\\\\").replace("'", "\\'").replace("{", "{{").replace("}", "}}")


def _generate_writer(
    cls: type, fields: list[tuple[str, Any, bool]], name: str, *, top: bool
) -> Callable[[Any], str]:
    lines = [f"def {name}(o):"]
    parts: list[tuple[str, str]] = []  # (key, expression), sorted by key as json does
    for i, (field, t, _) in enumerate(fields):
        lines.append(f"    v{i} = o.{field}")
        lines.append(f"    e{i} = {_write_expr(t, f'v{i}', formatted=True)}")
        parts.append((field, f"{{e{i}}}"))
    if top:
        parts.append((VERSION_KEY, _fstring_literal(_SLOW_ENCODER.encode(SCHEMA_VERSION))))
    body = ",".join(
        _fstring_literal(json.encoder.encode_basestring(key)) + ":" + value
        for key, value in sorted(parts)
    )
    lines.append(f"    return f'{{{{{body}}}}}'")
    exec("\n".join(lines), _NS)  # our own source, built from field names
    function: Callable[[Any], str] = _NS.pop(name) if top else _NS[name]
    function.__qualname__ = f"write_{cls.__name__}"
    return function


# -- readers


def _reader_name(cls: type) -> str | None:
    """The global name of the generated reader for ``cls`` (built on first use)."""
    try:
        return _READER_NAMES[cls]
    except KeyError:
        pass
    hook = get_converter().get_structure_hook(cls)
    fields = _attrs_fields(cls)
    if fields is None or not _our_hook(hook, "_attrs_structure_factory.<locals>.structure_attrs"):
        _READER_NAMES[cls] = None
        return None
    name = f"_read_{next(_NUMBERS)}"
    _READER_NAMES[cls] = name
    _NS[name] = _generate_reader(cls, fields, name)
    return name


_PLAIN_STRUCTURE_HOOKS: dict[Any, Any] = {
    str: _structure_str,
    int: _structure_int,
    bool: _structure_bool,
    float: _structure_float,
    _dt.date: _structure_date,
    _dt.datetime: _structure_datetime,
}


def _read_lines(t: Any, v: str, indent: str, depth: int = 0) -> list[str]:
    """Statements that check the value in variable ``v`` and leave the structured value
    in it, raising when it is not the plain case."""
    conv = get_converter()
    inner = _optional_of(t)
    if inner is not None:
        body = _read_lines(inner, v, indent + "    ", depth) or [indent + "    pass"]
        return [f"{indent}if {v} is not None:", *body]
    hook = _structure_hook(conv, t)
    generic = [f"{indent}{v} = {_ref(hook)}({v}, {_ref(t)})"]
    if t in _PLAIN_STRUCTURE_HOOKS and hook is _PLAIN_STRUCTURE_HOOKS[t]:
        if t is str or t is int:
            return [f"{indent}if type({v}) is not {t.__name__}: raise _Slow"]
        if t is bool:
            return [f"{indent}if {v} is not True and {v} is not False: raise _Slow"]
        if t is float:
            return [
                f"{indent}if type({v}) is not float:",
                f"{indent}    if type({v}) is int: {v} = float({v})",
                f"{indent}    else: raise _Slow",
            ]
        return [f"{indent}{v} = {'_sdate' if t is _dt.date else '_sdatetime'}({v}, None)"]
    if isinstance(t, type) and issubclass(t, enum.Enum) and hook is _structure_enum:
        # What Enum.__call__ tries first; a miss (or _missing_) goes the strict way.
        return [f"{indent}{v} = {_ref(t._value2member_map_)}[{v}]"]
    if attrs.has(t) and isinstance(t, type):
        name = _reader_name(t)
        return [f"{indent}{v} = {name}({v}, 0)"] if name is not None else generic
    seq = _homogeneous(t)
    if seq is not None and _our_hook(
        hook, "_sequence_structure_factory.<locals>.structure_sequence"
    ):
        origin, item = seq
        x = f"_x{depth}"
        out = [f"{indent}if type({v}) is not list: raise _Slow"]
        item_hook = _structure_hook(conv, item)
        if (item is str or item is int) and item_hook is _PLAIN_STRUCTURE_HOOKS[item]:
            # checks only: the items stay as they are
            out.append(f"{indent}for {x} in {v}:")
            out.append(f"{indent}    if type({x}) is not {item.__name__}: raise _Slow")
            out.append(f"{indent}{v} = {_ref(origin)}({v})")
            return out
        name = _reader_name(item) if attrs.has(item) and isinstance(item, type) else None
        if name is not None:
            expr = f"{name}({x}, 0)"
        else:  # the item's own hook, as the strict path calls it
            expr = f"{_ref(item_hook)}({x}, {_ref(item)})"
        out.append(f"{indent}{v} = {_ref(origin)}([{expr} for {x} in {v}])")
        return out
    return generic


def _generate_reader(
    cls: type, fields: list[tuple[str, Any, bool]], name: str
) -> Callable[[Any, int], Any]:
    lines = [
        f"def {name}(d, top):",
        f"    if type(d) is not dict or len(d) != {len(fields)} + top: raise _Slow",
    ]
    args = []
    for i, (field, t, kw_only) in enumerate(fields):
        # all keys present and the count right: no unknown keys either
        lines.append(f"    v{i} = d[{field!r}]")
        lines.extend(_read_lines(t, f"v{i}", "    "))
        args.append(f"{field}=v{i}" if kw_only else f"v{i}")
    lines.append(f"    return {_ref(cls)}({', '.join(args)})")
    exec("\n".join(lines), _NS)  # our own source, built from field names
    function: Callable[[Any, int], Any] = _NS[name]
    function.__qualname__ = f"read_{cls.__name__}"
    return function


def _fast_structure(data: Any, cls: type[T]) -> T:
    """Structure a top-level record by the generated reader only (raises if not plain)."""
    reader = _top_reader(cls)
    if reader is None:
        raise _Slow
    result: T = reader(data, 1)
    return result


def _dumps_generic(obj: Any) -> str:
    """:func:`dumps` by the generic path only (converter, then json with sort_keys)."""
    return _dump_json(unstructure(obj))


# --------------------------------------------------------------------------- records


def unstructure(obj: Any) -> Any:
    """Turn a model object (or any attrs object) into JSON-ready Python data.

    An attrs object becomes a top-level record: a dict with ``"schema_version"``.

    Example:
        >>> from idlib_corpus.model import Span
        >>> unstructure(Span(0, 4))
        {'schema_version': '1.0', 'start': 0, 'end': 4}
    """
    data = get_converter().unstructure(obj)
    if attrs.has(type(obj)) and isinstance(data, dict):
        return {VERSION_KEY: SCHEMA_VERSION, **data}
    return data


def structure(data: Any, cls: type[T], *, source: str = "<string>") -> T:
    """Build a ``cls`` from data made by :func:`unstructure` (or parsed from JSON).

    Args:
        data: the parsed record.
        cls: the type to build; for an attrs class, ``data`` must carry a readable
            ``"schema_version"``.
        source: where the record came from, for error messages (``"corpus.jsonl line 3"``).

    Raises:
        SchemaVersionError: the record's schema version is missing or of another major
            version.
        WireFormatError: the record is malformed; the message names the source, the
            record and the JSON path of every bad field.

    Example:
        >>> from idlib_corpus.model import Span
        >>> structure({"schema_version": "1.0", "start": 0, "end": 4}, Span)
        Span(start=0, end=4)
    """
    if attrs.has(cls):
        if not isinstance(data, dict):
            raise WireFormatError(
                f"{_record_name(data, cls)}: expected a JSON object, got {_describe(data)} @ $",
                source=source,
                paths=["$"],
            )
        _check_version(data, cls, source)
        # The plain case by the generated reader; anything else (or any error) by the
        # strict path, which returns the same object or explains what is wrong.
        reader = _top_reader(cls)
        if reader is not None:
            try:
                result: T = reader(data, 1)
                return result
            except Exception:  # re-done below, with the detailed errors
                pass
    return _structure_strictly(data, cls, source)


def _structure_strictly(data: Any, cls: type[T], source: str = "<string>") -> T:
    """:func:`structure` by the strict, detailed path (after the version check)."""
    if attrs.has(cls):
        data = {k: v for k, v in data.items() if k != VERSION_KEY}
    try:
        return get_converter().structure(data, cls)
    except Exception as exc:
        found = _collect_errors(exc, "$", cls)
        message = "; ".join(f"{why} @ {path}" for path, why in found)
        raise WireFormatError(
            f"{_record_name(data, cls)}: {message}",
            source=source,
            paths=[path for path, _ in found],
        ) from None


def _record_name(data: Any, cls: Any) -> str:
    """``ArticleResult (article 'abc')``: which record an error is about."""
    name = getattr(cls, "__name__", repr(cls))
    if isinstance(data, dict):
        article = data.get("article")
        ident = article.get("id") if isinstance(article, dict) else data.get("id")
        if isinstance(ident, str) and ident:
            label = "article" if isinstance(article, dict) else "id"
            return f"{name} ({label} {ident!r})"
    return name


def _check_version(data: Mapping[str, Any], cls: Any, source: str) -> None:
    version = data.get(VERSION_KEY)
    if version == SCHEMA_VERSION:
        return
    ours = SCHEMA_VERSION.split(".")[0]
    record = _record_name(data, cls)
    if VERSION_KEY not in data:
        raise SchemaVersionError(
            f"{record}: no {VERSION_KEY} (this release reads {ours}.x) @ $.{VERSION_KEY}",
            source=source,
            paths=[f"$.{VERSION_KEY}"],
        )
    match = _VERSION_RE.fullmatch(version) if isinstance(version, str) else None
    if match is None or match.group(1) != ours:
        raise SchemaVersionError(
            f"{record}: {VERSION_KEY} {version!r} cannot be read by this release, which "
            f"reads {ours}.x @ $.{VERSION_KEY}",
            source=source,
            paths=[f"$.{VERSION_KEY}"],
        )


def _format_error(exc: BaseException, expected: Any) -> str:
    if isinstance(exc, _Mismatch | ModelError):
        return str(exc)
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, AttributeError | TypeError) and expected is not None:
        name = getattr(expected, "__name__", repr(expected))
        return f"expected {name}"
    return f"invalid value ({type(exc).__name__}: {exc})"


def _collect_errors(exc: BaseException, path: str, expected: Any) -> list[tuple[str, str]]:
    """Flatten cattrs' nested validation errors into ``(json path, message)`` pairs.

    Like :func:`cattrs.transform_error`, plus: a :class:`ModelError` raised by a
    constructor is reported at the field it names, not at the enclosing object.
    """
    if isinstance(exc, IterableValidationError | ClassValidationError):
        out: list[tuple[str, str]] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if isinstance(exc, IterableValidationError):
                sub_path = f"{path}[{note.index!r}]"
            else:
                sub_path = f"{path}.{note.name}"  # type: ignore[union-attr]
            out.extend(_collect_errors(sub, sub_path, note.type))
        for sub in without:
            out.extend(_collect_errors(sub, path, getattr(exc, "cl", None)))
        return out
    if isinstance(exc, ForbiddenExtraKeysError):
        return [(f"{path}.{key}", "unknown field") for key in sorted(exc.extra_fields)]
    if isinstance(exc, ModelError):
        match = _MODEL_FIELD_RE.match(str(exc))
        if match and match.group(1) == getattr(expected, "__name__", None):
            return [(f"{path}.{match.group(2)}", str(exc))]
    return [(path, _format_error(exc, expected))]


# --------------------------------------------------------------------------- JSON text


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


def _plain_default(obj: Any) -> Any:
    """Let :func:`dumps_plain` take dates, enums, sets and attrs objects inside plain data."""
    if isinstance(obj, _dt.date):
        return obj.isoformat()
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, set | frozenset):
        return _sorted_list(obj)
    if attrs.has(type(obj)):
        return get_converter().unstructure(obj)
    raise TypeError(f"{type(obj).__name__} cannot be written as JSON")


def _dump_json(data: Any, indent: int | None = None) -> str:
    if indent is None:
        return _SLOW_ENCODER.encode(data)
    return json.dumps(
        data,
        sort_keys=True,
        ensure_ascii=False,
        allow_nan=False,  # NaN and Infinity are not JSON
        indent=indent,
        separators=(",", ": "),
        default=_plain_default,
    )


# json.dumps with these arguments builds this very encoder on every call; build it once.
_SLOW_ENCODER = json.JSONEncoder(
    sort_keys=True,
    ensure_ascii=False,
    allow_nan=False,  # NaN and Infinity are not JSON
    separators=(",", ":"),
    default=_plain_default,
)


def dumps(obj: Any) -> str:
    """One record as compact, deterministic JSON text (one line, no newline).

    Example:
        >>> from idlib_corpus.model import Claim
        >>> dumps(Claim(76))
        '{"claimant":null,"qualifier":"exact","schema_version":"1.0","span":null,"value":76}'
    """
    writer = _top_writer(type(obj))
    return writer(obj) if writer is not None else _dumps_generic(obj)


def dumps_plain(obj: Any, indent: int | None = None) -> str:
    """Plain Python data (dicts, lists, numbers, strings) as deterministic JSON text.

    Keys are sorted and non-ASCII text is written as is; dates, enums, sets and attrs
    objects inside the data are written as :func:`dumps` would write them (without a
    ``schema_version``).

    Example:
        >>> dumps_plain({"b": 1, "a": "Saraqib"})
        '{"a":"Saraqib","b":1}'
    """
    return _dump_json(obj, indent)


def _parse_json(text: str, source: str) -> Any:
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        raise WireFormatError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source=source
        ) from None
    except ValueError as exc:  # NaN / Infinity
        raise WireFormatError(f"not valid JSON: {exc}", source=source) from None


@overload
def loads(text: str | bytes, *, source: str = ...) -> ArticleResult: ...
@overload
def loads(text: str | bytes, cls: type[T], *, source: str = ...) -> T: ...
def loads(text: str | bytes, cls: Any = ArticleResult, *, source: str = "<string>") -> Any:
    """Read one record written by :func:`dumps`.

    Args:
        text: the JSON text of one record (``bytes`` are read as UTF-8).
        cls: the type to build (default :class:`~idlib_corpus.model.ArticleResult`).
        source: where the text came from, for error messages.

    Raises:
        WireFormatError: the text is not JSON or not a valid record (see :func:`structure`).

    Example:
        >>> from idlib_corpus.model import Span
        >>> loads('{"schema_version":"1.0","start":1,"end":2}', Span)
        Span(start=1, end=2)
    """
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise WireFormatError(f"not UTF-8 ({exc.reason})", source=source) from None
    elif not isinstance(text, str):
        raise TypeError(f"loads() needs str or bytes, got {type(text).__name__}")
    return structure(_parse_json(text, source), cls, source=source)


# --------------------------------------------------------------------------- files


def _open_atomic(path: Path) -> tuple[IO[str], Path]:
    """A new temporary file beside ``path`` (same folder, so os.replace is atomic)."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "is a folder, not a file to write")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # os.open with 0o666 lets the umask decide the mode, as a plain open() would.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise InputError(path, f"cannot be written: {exc.strerror or exc}") from None
    return open(fd, "w", encoding="utf-8", newline="\n"), tmp


def write_lines(lines: Iterable[str], path: str | Path | None) -> int:
    """Write each string as one line (adding ``\\n``), to ``path`` atomically or to stdout.

    The lines are consumed one at a time (constant memory). If the iterable raises, the
    target is left as it was.

    Args:
        lines: text lines without their newline.
        path: the file to (re)write, or ``None`` for standard output.

    Returns:
        The number of lines written.

    Raises:
        InputError: the file cannot be written.

    Example:
        >>> write_lines(["a", "b"], None)
        a
        b
        2
    """
    if path is None:
        out = sys.stdout
        n = 0
        for line in lines:
            out.write(line + "\n")
            n += 1
        out.flush()
        return n
    target = Path(path)
    handle, tmp = _open_atomic(target)
    try:
        with handle:
            n = 0
            for line in lines:
                handle.write(line + "\n")
                n += 1
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


def write_text_atomic(path: str | Path, text: str) -> None:
    """Replace the file at ``path`` with ``text`` (UTF-8), atomically.

    Raises:
        InputError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "schema.json"
        >>> write_text_atomic(p, "{}\\n")
        >>> p.read_text()
        '{}\\n'
    """
    target = Path(path)
    handle, tmp = _open_atomic(target)
    try:
        with handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _format_for(path: str | Path | None, fmt: str | None) -> str:
    if fmt is None:
        fmt = "json" if path is not None and Path(path).suffix.lower() == ".json" else "jsonl"
    if fmt not in ("json", "jsonl"):
        raise ValueError(f"fmt must be 'json' or 'jsonl', got {fmt!r}")
    return fmt


def dump_results(results: Iterable[Any], path: str | Path | None, fmt: str | None = None) -> int:
    """Write results as JSONL (one record a line) or as one JSON array.

    Records are serialised one at a time (constant memory, whatever the format); the
    JSON array holds one record a line too, so both formats diff well. A file is
    written atomically.

    Args:
        results: :class:`~idlib_corpus.model.ArticleResult` objects (or any attrs
            records), e.g. a lazy ``iter_parse`` or a ``Corpus``.
        path: the file to write, or ``None`` for standard output.
        fmt: ``"jsonl"`` or ``"json"``; by default ``"json"`` for a ``.json`` path and
            ``"jsonl"`` otherwise.

    Returns:
        The number of records written.

    Raises:
        InputError: the file cannot be written.
        ValueError: ``fmt`` is neither.

    Example:
        >>> from idlib_corpus.model import Span
        >>> dump_results([Span(0, 1)], None)
        {"end":1,"schema_version":"1.0","start":0}
        1
    """
    if _format_for(path, fmt) == "jsonl":
        counter = [0]

        def lines() -> Iterator[str]:
            for result in results:
                counter[0] += 1
                yield dumps(result)

        write_lines(lines(), path)
        return counter[0]

    count = [0]

    def array_lines() -> Iterator[str]:
        previous: str | None = None
        yield "["
        for result in results:
            if previous is not None:
                yield previous + ","
            previous = dumps(result)
            count[0] += 1
        if previous is not None:
            yield previous
        yield "]"

    write_lines(array_lines(), path)
    return count[0]


def dump_jsonl(results: Iterable[Any], path: str | Path | None) -> int:
    """Write results as JSONL: :func:`dump_results` with ``fmt="jsonl"``.

    Example:
        >>> from idlib_corpus.model import Span
        >>> dump_jsonl([Span(0, 1), Span(1, 2)], None)
        {"end":1,"schema_version":"1.0","start":0}
        {"end":2,"schema_version":"1.0","start":1}
        2
    """
    return dump_results(results, path, fmt="jsonl")


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a results file")


def iter_jsonl(path: str | Path, cls: type[T]) -> Iterator[T]:
    """Read a JSONL file lazily, one record a line (blank lines are skipped).

    Args:
        path: the file.
        cls: the type of every record.

    Raises:
        InputError: the file does not exist (raised at once, before iteration).
        WireFormatError: while iterating, a line is not valid JSON or not a valid record;
            the message starts ``<path> line <n>:``.

    Example:
        >>> import tempfile, pathlib
        >>> from idlib_corpus.model import Span
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "spans.jsonl"
        >>> _ = dump_results([Span(0, 1), Span(2, 5)], p)
        >>> list(iter_jsonl(p, Span))
        [Span(start=0, end=1), Span(start=2, end=5)]
    """
    p = Path(path)
    _check_readable(p)
    return _iter_jsonl(p, cls)


def _iter_jsonl(path: Path, cls: type[T]) -> Iterator[T]:
    # Binary mode: lines end at b"\n" only. Text mode would also split at U+2028 and
    # friends, which json.dumps(ensure_ascii=False) leaves unescaped inside strings.
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path} line {number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise WireFormatError(f"not UTF-8 ({exc.reason})", source=source) from None
            if number == 1:
                line = line.removeprefix("\ufeff")
            if not line or line.isspace():  # no copy of a long line, as strip() makes
                continue
            yield structure(_parse_json(line, source), cls, source=source)


def _iter_json_array(path: Path, cls: type[T]) -> Iterator[T]:
    """Read a JSON array (or one object) of records, naming each record's line on error."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WireFormatError(f"not UTF-8 ({exc.reason})", source=str(path)) from None
    ws = re.compile(r"\s*")

    def skip(pos: int) -> int:
        match = ws.match(text, pos)
        return match.end() if match else pos

    def decode_at(pos: int) -> tuple[Any, int]:
        try:
            return _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise WireFormatError(
                f"not valid JSON: {exc.msg} (column {exc.colno})",
                source=f"{path} line {exc.lineno}",
            ) from None
        except ValueError as exc:
            line = text.count("\n", 0, pos) + 1
            raise WireFormatError(f"not valid JSON: {exc}", source=f"{path} line {line}") from None

    pos = skip(0)
    if not text.startswith("[", pos):  # a single record
        data, end = decode_at(pos)
        if skip(end) != len(text):
            line = text.count("\n", 0, skip(end)) + 1
            raise WireFormatError("extra data after the record", source=f"{path} line {line}")
        yield structure(data, cls, source=f"{path} line {text.count(chr(10), 0, pos) + 1}")
        return
    pos = skip(pos + 1)
    line = 1 + text.count("\n", 0, pos)
    counted = pos
    if text.startswith("]", pos):
        pos += 1
    else:
        while True:
            line += text.count("\n", counted, pos)
            counted = pos
            data, pos = decode_at(pos)
            yield structure(data, cls, source=f"{path} line {line}")
            pos = skip(pos)
            if text.startswith(",", pos):
                pos = skip(pos + 1)
            elif text.startswith("]", pos):
                pos += 1
                break
            else:
                at = text.count("\n", 0, pos) + 1
                raise WireFormatError(
                    "expected ',' or ']' in the array", source=f"{path} line {at}"
                )
    if skip(pos) != len(text):
        at = text.count("\n", 0, skip(pos)) + 1
        raise WireFormatError("extra data after the array", source=f"{path} line {at}")


def _looks_like_json_array(path: Path) -> bool:
    with path.open("rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"[")


@overload
def load_results(path: str | Path) -> Iterator[ArticleResult]: ...
@overload
def load_results(path: str | Path, cls: type[T]) -> Iterator[T]: ...
def load_results(path: str | Path, cls: Any = ArticleResult) -> Iterator[Any]:
    """Read results saved by :func:`dump_results`: JSONL, or a JSON array.

    The format is read from the content: a file starting with ``[`` is a JSON array,
    a ``.json`` file holding one object is one record, anything else is JSONL (read
    lazily, one line at a time).

    Args:
        path: the file.
        cls: the record type (default :class:`~idlib_corpus.model.ArticleResult`).

    Returns:
        An iterator over the records.

    Raises:
        InputError: the file does not exist (at once).
        WireFormatError: while iterating, a record is malformed; the message names the
            file, the line, the record and the field.

    Example:
        >>> import tempfile, pathlib
        >>> from idlib_corpus.model import Span
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "spans.json"
        >>> _ = dump_results([Span(0, 1)], p)
        >>> list(load_results(p, Span))
        [Span(start=0, end=1)]
    """
    p = Path(path)
    _check_readable(p)
    if _looks_like_json_array(p) or p.suffix.lower() == ".json":
        return _iter_json_array(p, cls)
    return _iter_jsonl(p, cls)
