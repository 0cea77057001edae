"""The JSON Schema: generated from the model, checked in current, and true of what the
converter writes (and false of what it refuses)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from idlib_corpus import model, serialize
from idlib_corpus.cli import main
from idlib_corpus.errors import ModelError
from idlib_corpus.model import ArticleResult, Span
from idlib_corpus.schema import _POST_INIT_CONSTRAINTS, json_schema
from idlib_corpus.testing import (
    actors,
    article_metadata,
    article_results,
    articles,
    claims,
    diagnostics,
    incidents,
    meetings,
    places,
    spans,
    time_values,
)

ROOT = Path(__file__).resolve().parents[1]
CHECKED_IN = ROOT / "docs" / "schema.json"
REGENERATE = "idlib-corpus schema -o docs/schema.json"


def validator(cls: type = ArticleResult) -> Draft202012Validator:
    return Draft202012Validator(
        json_schema(cls), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


VALIDATOR = validator()


def test_checked_in_schema_is_current() -> None:
    generated = serialize.dumps_plain(json_schema(), indent=2) + "\n"
    assert CHECKED_IN.read_text(encoding="utf-8") == generated, (
        f"docs/schema.json is out of date with the model; regenerate it with: {REGENERATE}"
    )


def test_cli_prints_the_same_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
    out = tmp_path / "schema.json"
    assert main(["schema", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == CHECKED_IN.read_text(encoding="utf-8")


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(json_schema())


def test_schema_shape_follows_the_model() -> None:
    schema = json_schema()
    assert schema["required"] == ["schema_version", "article"]  # the others have defaults
    assert schema["additionalProperties"] is False
    defs = schema["$defs"]
    for cls in (model.Span, model.TimeValue, model.Actor, model.Meeting, model.Incident):
        names = [f.name for f in attrs.fields(cls)]
        assert sorted(defs[cls.__name__]["properties"]) == sorted(names)
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        assert defs[cls.__name__]["required"] == required
        assert defs[cls.__name__]["additionalProperties"] is False
    assert defs["IncidentType"]["enum"] == [t.value for t in model.IncidentType]
    tv = defs["TimeValue"]["properties"]
    assert tv["start"] == {
        "type": "string",
        "format": "date",
        "description": tv["start"]["description"],
    }
    assert defs["Meeting"]["properties"]["parties"]["items"]["pattern"] == "^[A-Z]{2}$"
    assert defs["Claim"]["properties"]["value"]["minimum"] == 0
    assert defs["Incident"]["properties"]["killed"]["anyOf"] == [
        {"$ref": "#/$defs/Claim"},
        {"type": "null"},
    ]


def test_every_field_is_described() -> None:
    # descriptions come from the model's docstrings: a field without one is undocumented
    missing = [
        f"{name}.{field}"
        for name, definition in json_schema()["$defs"].items()
        for field, prop in definition.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert missing == []


def test_other_root_types() -> None:
    schema = json_schema(Span)
    assert schema["required"] == ["schema_version", "start", "end"]
    assert "$defs" not in schema
    with pytest.raises(TypeError):
        json_schema(dict)


@given(article_results())
def test_everything_the_converter_writes_validates(result: ArticleResult) -> None:
    data = json.loads(serialize.dumps(result))
    VALIDATOR.validate(data)


TYPES = [
    (model.Span, spans()),
    (model.TimeValue, time_values()),
    (model.Place, places()),
    (model.Actor, actors()),
    (model.Claim, claims()),
    (model.Meeting, meetings()),
    (model.Incident, incidents()),
    (model.Diagnostic, diagnostics()),
    (model.Article, articles()),
    (model.ArticleMetadata, article_metadata()),
]


@pytest.mark.parametrize(("cls", "strategy"), TYPES, ids=[c.__name__ for c, _ in TYPES])
def test_every_type_validates_against_its_schema(
    cls: type, strategy: st.SearchStrategy[Any]
) -> None:
    check = validator(cls)

    @given(strategy)
    def run(obj: Any) -> None:
        check.validate(json.loads(serialize.dumps(obj)))

    run()


def _record() -> dict[str, Any]:
    text = "Turkish troops entered Saraqib; 8 killed."
    result = ArticleResult(
        model.Article("a", text),
        actors=[model.Actor("state:TR", "Turkey", model.ActorKind.STATE, country="TR")],
        incidents=[
            model.Incident(
                "incident:a:0",
                model.IncidentType.ARMED_ATTACK,
                [Span(0, 30)],
                killed=model.Claim(8),
                date=model.TimeValue.month(2020, 2),
            )
        ],
    )
    data: dict[str, Any] = json.loads(serialize.dumps(result))
    return data


@pytest.mark.parametrize(
    ("change", "value"),
    [
        (("schema_version",), "2.0"),
        (("surprise",), 1),
        (("incidents", 0, "type"), "massacre"),
        (("incidents", 0, "killed", "value"), -3),
        (("incidents", 0, "killed", "value"), "8"),
        (("incidents", 0, "evidence"), []),
        (("incidents", 0, "date", "start"), "February 2020"),
        (("actors", 0, "country"), "TUR"),
        (("actors", 0, "id"), "Turkey"),
        (("article", "id"), " "),
        (("article", "boilerplate"), [{"start": -1, "end": 2}]),
    ],
)
def test_schema_refuses_what_the_reader_refuses(change: tuple[Any, ...], value: Any) -> None:
    data = _record()
    VALIDATOR.validate(data)  # the unbroken record is fine
    broken = copy.deepcopy(data)
    target: Any = broken
    for key in change[:-1]:
        target = target[key]
    target[change[-1]] = value
    assert not VALIDATOR.is_valid(broken)
    with pytest.raises(Exception):  # noqa: B017 - WireFormatError or SchemaVersionError
        serialize.structure(broken, ArticleResult)


def test_missing_required_fields_are_refused() -> None:
    for key in ("schema_version", "article"):
        data = _record()
        del data[key]
        assert not VALIDATOR.is_valid(data)


def test_post_init_constraints_match_the_model() -> None:
    """Each bound the schema copies from a constructor is one the constructor enforces."""
    outside = {"minimum": -1, "maximum": 1, "minItems": -1}
    for (cls, field), keywords in _POST_INIT_CONSTRAINTS.items():
        for keyword, bound in keywords.items():
            if keyword == "minItems":
                bad: Any = ()
            else:
                bad = bound + outside[keyword]
                if isinstance(bound, float):
                    bad = float(bad)
            kwargs = _valid_kwargs(cls)
            kwargs[field] = bad
            with pytest.raises(ModelError, match=rf"{cls.__name__}\.{field}"):
                cls(**kwargs)


def _valid_kwargs(cls: type) -> dict[str, Any]:
    examples: dict[type, dict[str, Any]] = {
        model.Span: {"start": 0, "end": 0},
        model.Place: {"name": "Saraqib"},
        model.Meeting: {
            "id": "m",
            "kind": model.MeetingKind.TALKS,
            "status": model.MeetingStatus.HELD,
            "evidence": [Span(0, 1)],
        },
        model.Incident: {"id": "i", "type": model.IncidentType.OTHER, "evidence": [Span(0, 1)]},
    }
    return dict(examples[cls])
