"""The wire format: exact round trips, deterministic bytes, strict reading, errors that
name the source, the record and the field, and atomic files."""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from idlib_corpus import serialize
from idlib_corpus.errors import (
    IdlibCorpusError,
    InputError,
    SchemaVersionError,
    WireFormatError,
)
from idlib_corpus.model import (
    SCHEMA_VERSION,
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
    Mention,
    Place,
    PlaceKind,
    Precision,
    Severity,
    Span,
    TimeValue,
)
from idlib_corpus.testing import (
    actors,
    article_metadata,
    article_results,
    articles,
    claims,
    diagnostics,
    incidents,
    meetings,
    mentions,
    places,
    spans,
    time_values,
)

TEXT = "ANKARA - Turkish troops entered Saraqib on Thursday; 8 fighters were killed.\nShare it"


def sample() -> ArticleResult:
    """A small, fully-populated result, written by hand."""
    text = TEXT
    return ArticleResult(
        article=Article(
            "003_x",
            text,
            dateline="Ankara",
            dateline_span=Span(0, 6),
            published=dt.date(2020, 2, 8),
            boilerplate=[Span(77, 85)],
        ),
        actors=[
            Actor(
                "state:TR",
                "Turkey",
                ActorKind.STATE,
                country="TR",
                mentions=[Mention(Span(9, 16), "Turkish")],
            ),
        ],
        incidents=[
            Incident(
                "incident:003_x:0",
                IncidentType.TERRITORIAL_CHANGE,
                evidence=[Span(9, 51)],
                perpetrators=["state:TR"],
                place=Place(
                    "Saraqib", PlaceKind.TOWN, "SY", 35.8623, 36.8, 170000, "Saraqib", Span(32, 39)
                ),
                date=TimeValue.day(dt.date(2020, 2, 6), text="Thursday", span=Span(43, 51)),
                killed=Claim(8, span=Span(53, 54)),
            )
        ],
        diagnostics=[Diagnostic(Severity.WARNING, "decoding", "read as cp1252", "p", "h")],
    )


def record() -> dict[str, Any]:
    """The sample as parsed JSON, to be broken by a test."""
    data: dict[str, Any] = json.loads(serialize.dumps(sample()))
    return data


def load_error(data: Any, cls: type = ArticleResult, source: str = "<string>") -> WireFormatError:
    with pytest.raises(WireFormatError) as info:
        serialize.structure(data, cls, source=source)
    return info.value


# --------------------------------------------------------------------------- the format


def test_record_layout() -> None:
    data = record()
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["article"]["published"] == "2020-02-08"
    inc = data["incidents"][0]
    assert inc["type"] == "territorial_change"
    assert inc["date"] == {
        "start": "2020-02-06",
        "end": "2020-02-06",
        "precision": "day",
        "interval": False,
        "text": "Thursday",
        "span": {"start": 43, "end": 51},
    }
    assert inc["evidence"] == [{"start": 9, "end": 51}]  # tuples are arrays
    assert inc["injured"] is None
    # the version is on the record, not on every nested object
    assert "schema_version" not in data["article"]
    assert "schema_version" not in inc


def test_dumps_is_compact_sorted_and_unescaped() -> None:
    result = ArticleResult(Article("é", "İdlib — «Saraqib»"))
    text = serialize.dumps(result)
    assert "\n" not in text and ": " not in text
    assert "İdlib — «Saraqib»" in text
    keys = list(json.loads(text))
    assert keys == sorted(keys)


def test_dumps_plain_is_deterministic_and_knows_model_values() -> None:
    data = {"b": [Precision.MONTH, dt.date(2020, 1, 2)], "a": {"z": 1, "é": frozenset({"y", "x"})}}
    assert serialize.dumps_plain(data) == '{"a":{"z":1,"é":["x","y"]},"b":["month","2020-01-02"]}'
    assert serialize.dumps_plain({"k": [1]}, indent=2) == '{\n  "k": [\n    1\n  ]\n}'


def test_dumps_refuses_nan() -> None:
    with pytest.raises(ValueError):
        serialize.dumps_plain({"x": float("nan")})


# --------------------------------------------------------------------------- round trips

STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = [
    (Span, spans()),
    (TimeValue, time_values()),
    (Place, places()),
    (Mention, mentions("Turkish troops entered Saraqib")),
    (Actor, actors()),
    (Claim, claims()),
    (Meeting, meetings()),
    (Incident, incidents()),
    (Diagnostic, diagnostics()),
    (Article, articles()),
    (ArticleMetadata, article_metadata()),
    (ArticleResult, article_results()),
]


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=[c.__name__ for c, _ in STRATEGIES])
def test_round_trip_every_model_type(cls: type, strategy: st.SearchStrategy[Any]) -> None:
    @given(strategy)
    def check(obj: Any) -> None:
        assert serialize.structure(serialize.unstructure(obj), cls) == obj
        text = serialize.dumps(obj)
        back: Any = serialize.loads(text, cls)
        assert back == obj
        assert serialize.dumps(back) == text  # same bytes after a round trip

    check()


def test_round_trip_of_the_sample() -> None:
    result = sample()
    assert serialize.loads(serialize.dumps(result)) == result


@given(st.lists(article_results(max_actors=1, max_meetings=1, max_incidents=1), max_size=4))
def test_jsonl_and_json_files_round_trip(results: list[ArticleResult]) -> None:
    # hypothesis runs this many times: a fresh folder per example, not tmp_path
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        for name in ("out.jsonl", "out.json"):
            path = Path(folder) / name
            assert serialize.dump_results(iter(results), path) == len(results)
            assert list(serialize.load_results(path)) == results
            raw = path.read_bytes()
            serialize.dump_results(results, path)
            assert path.read_bytes() == raw  # byte-identical when written again


def test_jsonl_is_one_record_a_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    serialize.dump_results([sample(), sample()], path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[2] == "" and len(lines) == 3
    assert json.loads(lines[0]) == record()


def test_json_format_is_an_array(tmp_path: Path) -> None:
    path = tmp_path / "out.json"
    serialize.dump_results([sample(), sample()], path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data == [record(), record()]
    empty = tmp_path / "empty.json"
    serialize.dump_results([], empty)
    assert json.loads(empty.read_text()) == []
    assert list(serialize.load_results(empty)) == []


def test_format_follows_argument_over_extension(tmp_path: Path) -> None:
    path = tmp_path / "results.txt"
    serialize.dump_results([sample()], path, fmt="json")
    assert path.read_text().startswith("[")
    assert list(serialize.load_results(path)) == [sample()]  # detected by content
    with pytest.raises(ValueError, match="fmt"):
        serialize.dump_results([], path, fmt="csv")


def test_stdout_gets_the_same_bytes_as_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "out.jsonl"
    serialize.dump_results([sample()], path)
    serialize.dump_results([sample()], None)
    assert capsys.readouterr().out == path.read_text(encoding="utf-8")


def test_jsonl_output_is_streamed(capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[str] = []

    def results() -> Iterator[ArticleResult]:
        yield sample()
        # the first record is out before the second is even made
        seen.append(capsys.readouterr().out)
        yield sample()

    serialize.dump_results(results(), None)
    assert seen[0].count("\n") == 1


def test_text_with_line_separators_survives_jsonl(tmp_path: Path) -> None:
    # U+2028 is written raw (ensure_ascii=False); it must not split a JSONL line.
    result = ArticleResult(Article("a", "one\u2028two\u0085three\rfour"))
    path = tmp_path / "out.jsonl"
    serialize.dump_results([result], path)
    assert list(serialize.iter_jsonl(path, ArticleResult)) == [result]


def test_blank_lines_and_bom_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + serialize.dumps(sample()).encode() + b"\n\n  \n")
    assert list(serialize.load_results(path)) == [sample()]


def test_same_bytes_in_another_process(tmp_path: Path) -> None:
    # String hashing is randomised per process; nothing in the output may depend on it.
    code = textwrap.dedent(
        """
        import sys
        sys.path.insert(0, sys.argv[1])
        from test_serialize import sample
        from idlib_corpus import serialize
        sys.stdout.write(serialize.dumps(sample()))
        sys.stdout.write(serialize.dumps_plain({"s": frozenset(["b", "a", "c", "d"])}))
        """
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).parent)],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    assert outputs.pop().decode().startswith(serialize.dumps(sample()))


# --------------------------------------------------------------------------- errors


def test_wire_format_error_is_ours_and_a_value_error() -> None:
    err = load_error([], source="x.jsonl line 1")
    assert isinstance(err, IdlibCorpusError) and isinstance(err, ValueError)
    assert err.source == "x.jsonl line 1"
    assert str(err).startswith("x.jsonl line 1: ArticleResult: expected a JSON object")


@pytest.mark.parametrize("version", ["2.0", "0.9", "10.0", "1", "1.0.0", "v1.0", 1.0, None])
def test_unreadable_schema_version(version: Any) -> None:
    data = record()
    data["schema_version"] = version
    err = load_error(data, source="corpus.jsonl line 4")
    assert isinstance(err, SchemaVersionError)
    assert err.paths == ["$.schema_version"]
    message = str(err)
    assert message.startswith("corpus.jsonl line 4: ArticleResult (article '003_x'): ")
    assert repr(version) in message and "1.x" in message


def test_missing_schema_version() -> None:
    data = record()
    del data["schema_version"]
    err = load_error(data)
    assert isinstance(err, SchemaVersionError)
    assert "no schema_version" in str(err)


def test_same_major_version_is_read() -> None:
    data = record()
    data["schema_version"] = "1.7"
    assert serialize.structure(data, ArticleResult) == sample()


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    """Set ``a.b[0].c`` in nested data; a value of ``...`` deletes the key."""
    keys: list[Any] = []
    for part in path.replace("]", "").replace("[", ".").split("."):
        keys.append(int(part) if part.isdigit() else part)
    target: Any = data
    for key in keys[:-1]:
        target = target[key]
    if value is ...:
        del target[keys[-1]]
    else:
        target[keys[-1]] = value


@pytest.mark.parametrize(
    ("path", "value", "expected_path", "expected"),
    [
        # missing field
        ("article.id", ..., "$.article.id", "required field missing"),
        ("incidents[0].evidence", ..., "$.incidents[0].evidence", "required field missing"),
        ("incidents[0].evidence[0].end", ..., "$.incidents[0].evidence[0].end", "missing"),
        # wrong type, never coerced
        (
            "incidents[0].killed.value",
            "8",
            "$.incidents[0].killed.value",
            "expected int, got str '8'",
        ),
        ("incidents[0].killed.value", 8.5, "$.incidents[0].killed.value", "expected int"),
        (
            "incidents[0].killed.value",
            True,
            "$.incidents[0].killed.value",
            "expected int, got bool",
        ),
        ("article.text", 5, "$.article.text", "expected str, got int 5"),
        ("incidents[0].date.interval", 0, "$.incidents[0].date.interval", "expected bool"),
        ("incidents[0].place.latitude", "35.8", "$.incidents[0].place.latitude", "expected float"),
        ("incidents[0].evidence", "0-51", "$.incidents[0].evidence", "expected a list, got str"),
        (
            "incidents[0].evidence",
            {"start": 0, "end": 1},
            "$.incidents[0].evidence",
            "expected a list",
        ),
        (
            "actors[0].mentions[0]",
            [9, 16],
            "$.actors[0].mentions[0]",
            "expected an object (Mention)",
        ),
        ("incidents[0].place", "Saraqib", "$.incidents[0].place", "expected an object (Place)"),
        # extra key
        ("incidents[0].severity", "high", "$.incidents[0].severity", "unknown field"),
        ("extra", 1, "$.extra", "unknown field"),
        # bad enum value
        ("incidents[0].type", "massacre", "$.incidents[0].type", "'armed_attack', "),
        ("incidents[0].type", "ARMED_ATTACK", "$.incidents[0].type", "got str 'ARMED_ATTACK'"),
        ("incidents[0].date.precision", "week", "$.incidents[0].date.precision", "'month'"),
        # bad date
        ("article.published", "2020-02-30", "$.article.published", "'YYYY-MM-DD'"),
        ("article.published", "08/02/2020", "$.article.published", "'YYYY-MM-DD'"),
        ("article.published", "20200208", "$.article.published", "'YYYY-MM-DD'"),
        ("article.published", "2020-02-08T00:00:00", "$.article.published", "'YYYY-MM-DD'"),
        ("incidents[0].date.start", 20200206, "$.incidents[0].date.start", "got int"),
        # values the model refuses
        (
            "incidents[0].killed.value",
            -3,
            "$.incidents[0].killed.value",
            "Claim.value must be >= 0, got -3",
        ),
        (
            "incidents[0].evidence[0].end",
            2,
            "$.incidents[0].evidence[0].end",
            "Span.end must be >= start (9), got 2",
        ),
        ("actors[0].country", "TUR", "$.actors[0].country", "ISO 3166"),
        ("actors[0].id", "Turkey", "$.actors[0].id", "Actor.id must be an id"),
        ("incidents[0].evidence", [], "$.incidents[0].evidence", "at least one span"),
        (
            "incidents[0].evidence[0].end",
            999,
            "$.incidents[0].evidence[0]",
            "ArticleResult.incidents[0].evidence[0] must be a span inside the text",
        ),
        (
            "article.boilerplate[0].end",
            999,
            "$.article.boilerplate",
            "Article.boilerplate must be spans inside the text",
        ),
        (
            "incidents[0].date.end",
            "2020-02-07",
            "$.incidents[0].date.end",
            "TimeValue.end must be in the same unit",
        ),
    ],
)
def test_malformed_record_names_source_record_and_field(
    path: str, value: Any, expected_path: str, expected: str
) -> None:
    data = record()
    _set(data, path, value)
    err = load_error(data, source="corpus.jsonl line 12")
    message = str(err)
    record_name = "ArticleResult" if path == "article.id" else "ArticleResult (article '003_x')"
    assert message.startswith(f"corpus.jsonl line 12: {record_name}: "), message
    assert f" @ {expected_path}" in message, message
    assert expected in message, message
    assert expected_path in err.paths
    assert not isinstance(err, SchemaVersionError)


def test_every_error_in_a_record_is_reported() -> None:
    data = record()
    _set(data, "incidents[0].type", "massacre")
    _set(data, "article.published", "yesterday")
    _set(data, "actors[0].foo", 1)
    err = load_error(data)
    assert sorted(err.paths) == ["$.actors[0].foo", "$.article.published", "$.incidents[0].type"]


def test_loads_names_bad_json() -> None:
    with pytest.raises(WireFormatError, match=r"^in\.json: not valid JSON: .*line 1, column"):
        serialize.loads('{"schema_version": "1.0",', source="in.json")
    with pytest.raises(WireFormatError, match="NaN is not valid JSON"):
        serialize.loads('{"x": NaN}')


def test_loads_takes_utf8_bytes() -> None:
    text = serialize.dumps(sample())
    assert serialize.loads(text.encode("utf-8")) == sample()
    with pytest.raises(WireFormatError, match=r"^blob: not UTF-8"):
        serialize.loads(b'{"x": "\xff"}', source="blob")
    with pytest.raises(TypeError):
        serialize.loads(None)  # type: ignore[call-overload]


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_error_names_file_line_record_and_field(tmp_path: Path) -> None:
    bad = record()
    _set(bad, "incidents[0].killed.value", "eight")
    good = serialize.dumps(sample())
    path = write_jsonl(tmp_path / "corpus.jsonl", [good, "", good, json.dumps(bad)])
    loaded = serialize.load_results(path)
    assert next(loaded) == sample()  # lazy: good records come before the error
    assert next(loaded) == sample()
    with pytest.raises(WireFormatError) as info:
        next(loaded)
    assert str(info.value) == (
        f"{path} line 4: ArticleResult (article '003_x'): expected int, got str 'eight' "
        "@ $.incidents[0].killed.value"
    )
    assert info.value.source == f"{path} line 4"


def test_jsonl_syntax_error_names_line(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", [serialize.dumps(sample()), '{"article": '])
    with pytest.raises(WireFormatError, match=rf"^{path} line 2: not valid JSON"):
        list(serialize.iter_jsonl(path, ArticleResult))


def test_jsonl_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'{"x": "\xff"}\n')
    with pytest.raises(WireFormatError, match=rf"^{path} line 1: not UTF-8"):
        list(serialize.load_results(path))


def test_json_array_error_names_the_line_of_the_record(tmp_path: Path) -> None:
    bad = record()
    _set(bad, "incidents[0].type", "massacre")
    path = tmp_path / "c.json"
    path.write_text(json.dumps([record(), bad], indent=2), encoding="utf-8")
    line = path.read_text().split("\n").index("  {", 2) + 1  # the second record's line
    with pytest.raises(
        WireFormatError, match=rf"^{path} line {line}: ArticleResult .*\$\.incidents\[0\]\.type"
    ):
        list(serialize.load_results(path))


def test_json_file_with_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(serialize.dumps_plain(record(), indent=2))
    assert list(serialize.load_results(path)) == [sample()]


GOOD = "GOOD"  # stands for one valid record in the cases below


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[GOOD,\n", "line 2: not valid JSON: Expecting value"),
        ("[GOOD\nGOOD]", "line 2: expected ',' or ']'"),
        ("[]\n[]", "line 2: extra data after the array"),
        ("[GOOD]\n\n{}", "line 3: extra data after the array"),
        ("GOOD\nGOOD", "line 2: extra data after the record"),
        ("[GOOD, NaN]", "line 1: not valid JSON: NaN"),
    ],
)
def test_broken_json_array(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "c.json"
    path.write_text(content.replace(GOOD, serialize.dumps(sample())))
    with pytest.raises(WireFormatError, match=message):
        list(serialize.load_results(path))


def test_missing_file_is_an_input_error_at_once(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        serialize.load_results(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="folder"):
        serialize.iter_jsonl(tmp_path, ArticleResult)


# --------------------------------------------------------------------------- atomic files


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failed_dump_leaves_the_old_file_and_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("old\n")

    def failing() -> Iterator[ArticleResult]:
        yield sample()
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError):
        serialize.dump_results(failing(), path)
    assert path.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_written_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        serialize.write_text_atomic(tmp_path / "s.json", "{}\n")
        serialize.write_lines(["a", "b"], tmp_path / "l.txt")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s.json").stat().st_mode) == 0o644
    assert (tmp_path / "l.txt").read_text() == "a\nb\n"
    assert leftovers(tmp_path) == []


def test_writing_to_a_folder_or_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        serialize.write_text_atomic(tmp_path, "x")
    with pytest.raises(InputError, match="cannot be written"):
        serialize.dump_results([], tmp_path / "no" / "such" / "out.jsonl")


# --------------------------------------------------------------------------- the converter


class Colour(enum.Enum):
    RED = "red"
    BLUE = "blue"


@attrs.frozen
class Report:
    """A type from elsewhere (say corpus-level) using the same rules."""

    name: str
    day: dt.date
    colour: Colour
    spans: tuple[Span, ...]
    tags: frozenset[str] = frozenset()
    counts: dict[str, int] = attrs.field(factory=dict)
    pair: tuple[int, str] | None = None
    when: dt.datetime | None = None


def report() -> Report:
    return Report(
        name="weekly",
        day=dt.date(2020, 3, 5),
        colour=Colour.BLUE,
        spans=(Span(1, 2),),
        tags=frozenset({"b", "a", "c"}),
        counts={"x": 1},
        pair=(3, "z"),
        when=dt.datetime(2020, 3, 5, 10, 30),
    )


def test_other_attrs_classes_use_the_same_rules() -> None:
    data = serialize.unstructure(report())
    assert data == {
        "schema_version": SCHEMA_VERSION,
        "name": "weekly",
        "day": "2020-03-05",
        "colour": "blue",
        "spans": [{"start": 1, "end": 2}],
        "tags": ["a", "b", "c"],
        "counts": {"x": 1},
        "pair": [3, "z"],
        "when": "2020-03-05T10:30:00",
    }
    assert serialize.loads(serialize.dumps(report()), Report) == report()


@pytest.mark.parametrize(
    ("key", "value", "path"),
    [
        ("colour", "green", "$.colour"),
        ("spans", [{"start": 1, "end": "2"}], "$.spans[0].end"),
        ("pair", [3], "$.pair"),
        ("pair", [3, 4], "$.pair[1]"),
        ("tags", "abc", "$.tags"),
        ("tags", ["a", 1], "$.tags[1]"),
        ("spans", [{"start": 1, "end": 2}, None], "$.spans[1]"),
        ("when", "soon", "$.when"),
        ("counts", {"x": "1"}, "$.counts"),
    ],
)
def test_other_attrs_classes_get_paths_in_errors(key: str, value: Any, path: str) -> None:
    data = serialize.unstructure(report())
    data[key] = value
    err = load_error(data, Report, source="r.json")
    assert str(err).startswith("r.json: Report: ")
    assert any(p.startswith(path) for p in err.paths), err.paths


def test_plain_types_structure_without_version() -> None:
    assert serialize.structure([{"start": 0, "end": 1}], list[Span]) == [Span(0, 1)]
    assert serialize.unstructure([Span(0, 1)]) == [{"start": 0, "end": 1}]


def test_converters() -> None:
    assert serialize.converter is serialize.get_converter()
    fresh = serialize.make_converter()
    assert fresh is not serialize.get_converter()
    assert fresh.structure("2020-01-02", dt.date) == dt.date(2020, 1, 2)
    plain = cattrs.Converter()
    serialize.configure_converter(plain)
    assert plain.unstructure(Colour.RED) == "red"
    with pytest.raises(Exception):  # noqa: B017 - any cattrs error; the point is "not coerced"
        plain.structure("3", int)
    with pytest.raises(AttributeError):
        serialize.no_such_thing  # noqa: B018


@given(st.from_type(Claim) | claims())
def test_strict_ints_stay_ints(claim: Claim) -> None:
    data = serialize.unstructure(claim)
    assert isinstance(data["value"], int) and not isinstance(data["value"], bool)


# --------------------------------------------------------------------------- fast paths
#
# dumps and structure use functions generated once per class (serialize "fast paths");
# the generic converter path is what they must agree with, byte for byte and error for
# error.

GOLDEN = Path(__file__).parent / "data" / "wire" / "results.jsonl"


def test_golden_file_round_trips_byte_for_byte(tmp_path: Path) -> None:
    # Written by the serializer before it had fast paths (tests/data/wire/README.md).
    raw = GOLDEN.read_bytes()
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) > 40
    for number, line in enumerate(lines[:-1], start=1):
        result = serialize.loads(line, source=f"{GOLDEN} line {number}")
        # the plain case: read by the generated reader, not by the fallback
        assert serialize._fast_structure(json.loads(line), ArticleResult) == result
        assert serialize.dumps(result) == line, f"line {number} written differently"
        assert serialize._dumps_generic(result) == line
    again = tmp_path / "again.jsonl"
    serialize.dump_results(serialize.load_results(GOLDEN), again)
    assert again.read_bytes() == raw


def _agree(obj: Any, cls: type) -> None:
    text = serialize.dumps(obj)
    assert text == serialize._dumps_generic(obj)
    data = json.loads(text)
    fast: Any = serialize._fast_structure(data, cls)
    strict: Any = serialize._structure_strictly(data, cls)
    assert fast == strict == obj
    # == would not tell 36 from 36.0 or a list from a tuple inside other types
    assert serialize._dumps_generic(fast) == serialize._dumps_generic(strict) == text


@pytest.mark.parametrize(("cls", "strategy"), STRATEGIES, ids=[c.__name__ for c, _ in STRATEGIES])
def test_fast_and_strict_paths_agree(cls: type, strategy: st.SearchStrategy[Any]) -> None:
    given(strategy)(lambda obj: _agree(obj, cls))()


def test_fast_and_strict_paths_agree_on_other_attrs_classes() -> None:
    # dict, frozenset, a fixed-length tuple and a datetime: the parts the generated
    # functions leave to the converter's hooks
    _agree(report(), Report)
    _agree(attrs.evolve(report(), pair=None, when=None, tags=frozenset()), Report)


JSON_VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | st.sampled_from(["2020-02-08", "day", "armed_attack", "state:TR", "TR", "x"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


def _places(data: Any, top: bool = True) -> Iterator[tuple[Any, Any]]:
    """Every (container, key) inside parsed JSON, except the record's schema_version."""
    if isinstance(data, dict):
        for key, value in data.items():
            if not (top and key == "schema_version"):
                yield data, key
                yield from _places(value, top=False)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield data, i
            yield from _places(value, top=False)


@given(st.data())
def test_changed_records_read_as_the_strict_path_reads_them(data: st.DataObject) -> None:
    result = data.draw(article_results(max_actors=2, max_meetings=1, max_incidents=1))
    record = json.loads(serialize.dumps(result))
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        container, key = data.draw(st.sampled_from(list(_places(record))))
        action = data.draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            container[key] = data.draw(JSON_VALUES, label="value")
        elif action == "delete" or not isinstance(container, dict):
            del container[key]
        else:
            container[data.draw(st.text(max_size=6), label="new key")] = 1
    try:
        expected = serialize._structure_strictly(json.loads(json.dumps(record)), ArticleResult)
    except WireFormatError as exc:
        with pytest.raises(WireFormatError) as info:
            serialize.structure(record, ArticleResult)
        assert str(info.value) == str(exc)
        assert info.value.paths == exc.paths
    else:
        got = serialize.structure(record, ArticleResult)
        assert got == expected
        assert serialize.dumps(got) == serialize._dumps_generic(expected)


def test_valid_but_not_plain_records_are_read() -> None:
    # a missing key with a default, and an integral float written as an int: the
    # generated reader leaves the first to the strict path and takes the second
    data = record()
    del data["incidents"][0]["injured"]
    del data["article"]["title"]
    data["incidents"][0]["place"]["longitude"] = 36
    result = serialize.structure(data, ArticleResult)
    expected = sample()
    _forced(expected.incidents[0].place, longitude=36.0)
    assert result == expected
    assert isinstance(result.incidents[0].place.longitude, float)  # type: ignore[union-attr]


class Three(int):
    """An int that is not exactly an int."""


def _forced(obj: Any, **changes: Any) -> Any:
    """``obj`` with fields set past the model's validators (as a buggy plugin might)."""
    for name, value in changes.items():
        object.__setattr__(obj, name, value)
    return obj


def _odd_results() -> list[tuple[str, Callable[[], Any]]]:
    def nested(path: str, **changes: Any) -> Callable[[], Any]:
        def make() -> Any:
            result = sample()
            target: Any = result
            for part in path.split("."):
                target = target[int(part)] if part.isdigit() else getattr(target, part)
            _forced(target, **changes)
            return result

        return make

    return [
        ("bool for int", lambda: _forced(Span(1, 2), end=True)),
        ("int subclass", lambda: _forced(Claim(3), value=Three(3))),
        ("int for float", nested("incidents.0.place", latitude=36)),
        ("NaN", nested("incidents.0.place", latitude=float("nan"))),
        ("infinity", nested("incidents.0.place", longitude=float("-inf"))),
        ("list for tuple", nested("actors.0", aliases=["b", "a"])),
        ("set for tuple", nested("article", boilerplate={Span(i, 85 - i) for i in range(9)})),
        ("datetime for date", nested("article", published=dt.datetime(2020, 2, 8, 9, 30))),
        ("enum for str", nested("article", title=Colour.RED)),
        ("str for enum", nested("actors.0.mentions.0", kind="name")),
        ("dict for attrs", nested("actors.0.mentions.0", span={"start": 9, "end": 16})),
        ("none for attrs", nested("actors.0.mentions.0", span=None)),
        ("date for str", nested("incidents.0", reported_by=dt.date(2020, 1, 1))),
        ("object", nested("incidents.0", reported_by=object())),
        ("tuple items", nested("incidents.0", perpetrators=("state:TR", 5, None))),
    ]


@pytest.mark.parametrize(("name", "make"), _odd_results(), ids=[n for n, _ in _odd_results()])
def test_writer_takes_odd_values_as_the_generic_path_does(
    name: str, make: Callable[[], Any]
) -> None:
    try:
        expected = serialize._dumps_generic(make())
    except Exception as exc:
        with pytest.raises(type(exc)) as info:
            serialize.dumps(make())
        assert str(info.value) == str(exc)
    else:
        assert serialize.dumps(make()) == expected


@attrs.frozen
class Plain:
    """Plain fields and no validators: only the reader itself can refuse a value."""

    ratio: float
    flag: bool
    count: int
    names: list[str]
    day: dt.date | None = None


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("ratio", 2, "ratio=2.0"),  # an integral float written as an int: read as a float
        ("ratio", True, "expected float, got bool True @ $.ratio"),
        ("flag", 1, "expected bool, got int 1 @ $.flag"),
        ("count", 2.0, "expected int, got float 2.0 @ $.count"),
        ("count", False, "expected int, got bool False @ $.count"),
        ("names", ["a", 2], "expected str, got int 2 @ $.names[1]"),
        ("names", ("a",), "expected a list, got tuple @ $.names"),
        ("day", "2020-02-30", "'YYYY-MM-DD', got str '2020-02-30' @ $.day"),
    ],
)
def test_plain_fields_are_read_strictly(key: str, value: Any, expected: str) -> None:
    data = {"schema_version": "1.0", "ratio": 0.5, "flag": True, "count": 3, "names": ["a"]}
    data[key] = value
    try:
        got = repr(serialize.structure(data, Plain))
    except WireFormatError as exc:
        got = str(exc)
    assert expected in got
    _agree(Plain(0.5, False, 0, ["x", "é"], dt.date(2020, 2, 8)), Plain)
