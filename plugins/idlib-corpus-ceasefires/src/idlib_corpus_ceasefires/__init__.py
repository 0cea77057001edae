"""Example idlib_corpus plugin: ceasefire and agreement events.

Registered through the ``idlib_corpus`` entry-point group (see ``pyproject.toml``). It
implements one hook, :func:`idlib_extract_events`, and uses only the public API of
``idlib_corpus``: the shared :class:`~idlib_corpus.Document`, its annotations, and the
model types.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from importlib.resources import files

from idlib_corpus import (
    Actor,
    ActorKind,
    AnnotationLabel,
    Document,
    Incident,
    IncidentType,
    Place,
    Span,
    TimeValue,
    hookimpl,
)

__all__ = ["idlib_extract_events"]


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Built once per process, never per article.
    words = json.loads((files(__package__) / "words.json").read_text(encoding="utf-8"))

    def alternation(key: str) -> re.Pattern[str]:
        alts = sorted((re.escape(w) for w in words[key]), key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(alts) + r")", re.IGNORECASE)

    return (alternation("ceasefire"), alternation("agreement"), alternation("agree_verbs"),
            alternation("not_an_event"))


def _states_in(sentence: Span, actors: Sequence[Actor]) -> tuple[str, ...]:
    return tuple(
        a.id for a in actors
        if a.kind is ActorKind.STATE and any(sentence.contains(m.span) for m in a.mentions)
    )


@hookimpl
def idlib_extract_events(doc: Document, actors: Sequence[Actor]) -> list[Incident]:
    """One CEASEFIRE or AGREEMENT incident per sentence that reports one being agreed.

    Example:
        >>> import idlib_corpus
        >>> from idlib_corpus import Pipeline, Options
        >>> import idlib_corpus_ceasefires as plugin
        >>> pipe = Pipeline([plugin], options=Options(load_entrypoints=False))
        >>> r = pipe.parse("Russia and Turkey agreed a ceasefire in Idlib on Thursday.")
        >>> [i.type.value for i in r.incidents if i.type.value == "ceasefire"]
        ['ceasefire']
    """
    ceasefire, agreement, verbs, negative = _patterns()
    text = doc.text
    out: list[Incident] = []
    for sentence in doc.prose_sentences():
        chunk = text[sentence.start : sentence.end]
        if negative.search(chunk) or not verbs.search(chunk):
            continue
        trigger = ceasefire.search(chunk)
        kind = IncidentType.CEASEFIRE
        if trigger is None:
            trigger = agreement.search(chunk)
            kind = IncidentType.AGREEMENT
        if trigger is None:
            continue
        parties = _states_in(sentence, actors)
        if kind is IncidentType.AGREEMENT and len(parties) < 2:
            continue  # an "agreement" with one state is rarely an accord between states
        date: TimeValue | None = None
        for ann in doc.iter_annotations(AnnotationLabel.TIME, within=sentence):
            if isinstance(ann.value, TimeValue):
                date = ann.value
                break
        place: Place | None = None
        for ann in doc.iter_annotations(AnnotationLabel.PLACE, within=sentence):
            place = Place(name=ann.text, text=ann.text, span=ann.span)
            break
        out.append(
            Incident(
                id=f"ceasefire:{doc.article.id}:{sentence.start}",
                type=kind,
                evidence=(sentence,),
                perpetrators=parties,
                place=place,
                date=date,
            )
        )
    return out
