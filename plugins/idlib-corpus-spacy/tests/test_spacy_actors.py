"""Tests with a blank spaCy pipeline and an entity ruler: nothing is downloaded."""

from __future__ import annotations

import pickle

import pytest

spacy = pytest.importorskip("spacy")

from idlib_corpus_spacy import SpacyActors  # noqa: E402

from idlib_corpus import ActorKind, MentionKind, Options, Pipeline, Severity  # noqa: E402


def ruler_nlp(*names: str):  # type: ignore[no-untyped-def]
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": n} for n in names])
    return nlp


def run(nlp, text: str):  # type: ignore[no-untyped-def]
    pipe = Pipeline([SpacyActors(nlp)], options=Options(load_entrypoints=False))
    return pipe.parse(text, id="t")


def test_adds_a_person_the_builtins_do_not_know() -> None:
    text = "Ayse Demir, who lives near the border, said the shelling lasted all night."
    result = run(ruler_nlp("Ayse Demir"), text)
    persons = [a for a in result.actors if a.kind is ActorKind.PERSON]
    assert [p.name for p in persons] == ["Ayse Demir"]
    assert persons[0].mentions[0].span.slice(text) == "Ayse Demir"


def test_surname_links_to_the_person_already_found() -> None:
    text = "Ayse Demir fled on Monday. Demir said the roads were blocked."
    result = run(ruler_nlp("Ayse Demir", "Demir"), text)
    persons = [a for a in result.actors if a.kind is ActorKind.PERSON]
    assert len(persons) == 1
    assert [m.kind for m in persons[0].mentions] == [MentionKind.NAME, MentionKind.SURNAME]


def test_does_not_duplicate_what_is_already_there() -> None:
    text = "Turkish Foreign Minister Mevlut Cavusoglu said talks would go on."
    without = Pipeline(options=Options(load_entrypoints=False)).parse(text, id="t")
    with_spacy = run(ruler_nlp("Mevlut Cavusoglu"), text)
    count = lambda r: sum(a.kind is ActorKind.PERSON for a in r.actors)  # noqa: E731
    assert count(with_spacy) == count(without)


def test_missing_model_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IDLIB_CORPUS_SPACY_MODEL", "no_such_model_xyz")
    pipe = Pipeline([SpacyActors()], options=Options(load_entrypoints=False))
    result = pipe.parse("Some text about nothing.", id="t")
    assert result.ok
    notes = [d for d in result.diagnostics if d.code == "spacy-missing"]
    assert notes and notes[0].severity is Severity.INFO


def test_plugin_pickles_without_its_model() -> None:
    clone = pickle.loads(pickle.dumps(SpacyActors(ruler_nlp("A B"))))
    assert isinstance(clone, SpacyActors)
