"""Static typing checks of the public API: run through mypy, never executed.

``.venv/bin/mypy tests/typing_checks.py`` must pass; each ``assert_type`` states what a
user's type checker sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, assert_type

import cattrs
from hypothesis.strategies import SearchStrategy

from idlib_corpus import serialize, testing
from idlib_corpus.model import (
    Actor,
    Article,
    ArticleMetadata,
    ArticleResult,
    Claim,
    Diagnostic,
    Incident,
    Meeting,
    Mention,
    Place,
    Span,
    TimeValue,
)
from idlib_corpus.schema import json_schema


def wire_format(result: ArticleResult, path: Path) -> None:
    assert_type(serialize.dumps(result), str)
    assert_type(serialize.dumps_plain({"a": 1}, indent=2), str)
    assert_type(serialize.loads("{}"), ArticleResult)
    assert_type(serialize.loads("{}", Actor), Actor)
    assert_type(serialize.loads("{}", Span, source="x.json"), Span)
    assert_type(serialize.structure({}, Incident), Incident)
    assert_type(serialize.structure([], list[Span]), list[Span])
    assert_type(serialize.unstructure(result), Any)
    assert_type(serialize.load_results(path), Iterator[ArticleResult])
    assert_type(serialize.load_results("out.json", Meeting), Iterator[Meeting])
    assert_type(serialize.iter_jsonl(path, Claim), Iterator[Claim])
    assert_type(serialize.dump_results([result], path, fmt="jsonl"), int)
    assert_type(serialize.dump_results([result], None), int)
    assert_type(serialize.write_lines(["a"], None), int)
    assert_type(serialize.write_text_atomic(path, "x"), None)
    assert_type(serialize.make_converter(), cattrs.Converter)
    assert_type(serialize.get_converter(), cattrs.Converter)
    assert_type(json_schema(), dict[str, Any])


def strategies(text: str) -> None:
    assert_type(testing.spans(), SearchStrategy[Span])
    assert_type(testing.spans(text, min_size=1, max_size=3), SearchStrategy[Span])
    assert_type(testing.time_values(text=text), SearchStrategy[TimeValue])
    assert_type(testing.places(), SearchStrategy[Place])
    assert_type(testing.mentions(text), SearchStrategy[Mention])
    assert_type(testing.actors(text=text), SearchStrategy[Actor])
    assert_type(testing.actor_ids(), SearchStrategy[str])
    assert_type(testing.country_codes(), SearchStrategy[str])
    assert_type(testing.claims(), SearchStrategy[Claim])
    assert_type(testing.meetings(text=text), SearchStrategy[Meeting])
    assert_type(testing.incidents(text=text, id="incident:a:0"), SearchStrategy[Incident])
    assert_type(testing.diagnostics(), SearchStrategy[Diagnostic])
    assert_type(testing.articles(), SearchStrategy[Article])
    assert_type(testing.article_metadata(), SearchStrategy[ArticleMetadata])
    assert_type(testing.article_results(max_actors=1), SearchStrategy[ArticleResult])
