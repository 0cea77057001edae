"""Tests of the example plugin, through the real pipeline."""

from __future__ import annotations

import datetime as dt

import idlib_corpus_ceasefires as plugin
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idlib_corpus import IncidentType, Options, Pipeline
from idlib_corpus.testing import make_plugin_manager

BASE = dt.date(2020, 3, 6)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline([plugin], options=Options(load_entrypoints=False))


def ceasefires(pipe: Pipeline, text: str) -> list:
    result = pipe.parse(text, id="t", published=BASE)
    assert result.ok, result.diagnostics
    wanted = (IncidentType.CEASEFIRE, IncidentType.AGREEMENT)
    return [i for i in result.incidents if i.type in wanted]


def test_agreed_ceasefire_is_one_event_with_its_evidence(pipe: Pipeline) -> None:
    text = ("MOSCOW (AP) — Russia and Turkey agreed on Thursday to a ceasefire in "
            "northwestern Syria after six hours of talks in the Kremlin.")
    found = ceasefires(pipe, text)
    assert len(found) == 1
    event = found[0]
    assert event.type is IncidentType.CEASEFIRE
    assert "ceasefire" in event.evidence[0].slice(text)


def test_violations_are_not_new_ceasefires(pipe: Pipeline) -> None:
    text = "Activists said government forces violated the ceasefire near Saraqib on Friday."
    assert ceasefires(pipe, text) == []


def test_agreement_needs_two_states(pipe: Pipeline) -> None:
    text = "The club reached an agreement with its striker on a new contract."
    assert ceasefires(pipe, text) == []


def test_registered_through_the_plugin_manager() -> None:
    pm = make_plugin_manager(plugin)
    assert any(impl.plugin is plugin for impl in pm.hook.idlib_extract_events.get_hookimpls())


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=300))
def test_never_fails_on_arbitrary_text(text: str) -> None:
    pipe = Pipeline([plugin], options=Options(load_entrypoints=False), builtins=False)
    result = pipe.parse(text, id="fuzz")
    assert result.ok, result.diagnostics
    for incident in result.incidents:
        for span in incident.evidence:
            assert span.end <= len(text)
