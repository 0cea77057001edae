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
import json
import operator
import os
import re
import secrets
import sys
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
    conv.register_unstructure_hook(enum.Enum, operator.attrgetter("value"))
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
    record = _record_name(data, cls)
    if attrs.has(cls):
        if not isinstance(data, dict):
            raise WireFormatError(
                f"{record}: expected a JSON object, got {_describe(data)} @ $",
                source=source,
                paths=["$"],
            )
        _check_version(data, record, source)
        data = {k: v for k, v in data.items() if k != VERSION_KEY}
    try:
        return get_converter().structure(data, cls)
    except Exception as exc:
        found = _collect_errors(exc, "$", cls)
        message = "; ".join(f"{why} @ {path}" for path, why in found)
        raise WireFormatError(
            f"{record}: {message}", source=source, paths=[path for path, _ in found]
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


def _check_version(data: Mapping[str, Any], record: str, source: str) -> None:
    ours = SCHEMA_VERSION.split(".")[0]
    if VERSION_KEY not in data:
        raise SchemaVersionError(
            f"{record}: no {VERSION_KEY} (this release reads {ours}.x) @ $.{VERSION_KEY}",
            source=source,
            paths=[f"$.{VERSION_KEY}"],
        )
    version = data[VERSION_KEY]
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
    return json.dumps(
        data,
        sort_keys=True,
        ensure_ascii=False,
        allow_nan=False,  # NaN and Infinity are not JSON
        indent=indent,
        separators=(",", ":") if indent is None else (",", ": "),
        default=_plain_default,
    )


def dumps(obj: Any) -> str:
    """One record as compact, deterministic JSON text (one line, no newline).

    Example:
        >>> from idlib_corpus.model import Claim
        >>> dumps(Claim(76))
        '{"claimant":null,"qualifier":"exact","schema_version":"1.0","span":null,"value":76}'
    """
    return _dump_json(unstructure(obj))


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
            if not line.strip():
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
