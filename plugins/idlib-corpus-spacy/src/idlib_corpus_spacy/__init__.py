"""idlib_corpus plugin: person names from spaCy's named-entity recogniser.

The entry point registers :data:`plugin`, a :class:`SpacyActors` that loads the spaCy
pipeline named by ``IDLIB_CORPUS_SPACY_MODEL`` (default ``en_core_web_sm``) on first use.
Build your own instance with any ``nlp`` object (a blank pipeline with an entity ruler in
tests) and pass it to :class:`idlib_corpus.Pipeline`.
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Any

import attrs

from idlib_corpus import (
    Actor,
    ActorKind,
    ArticleResult,
    Diagnostic,
    Mention,
    MentionKind,
    Severity,
    Span,
    hookimpl,
)

__all__ = ["SpacyActors", "plugin"]

MODEL_ENV = "IDLIB_CORPUS_SPACY_MODEL"


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


class SpacyActors:
    """Adds PERSON entities from a spaCy pipeline to each result's actors.

    Args:
        nlp: a spaCy ``Language``; ``None`` loads the model named by
            ``IDLIB_CORPUS_SPACY_MODEL`` (default ``en_core_web_sm``) on first use.

    Example:
        >>> import spacy                                              # doctest: +SKIP
        >>> nlp = spacy.blank("en")                                   # doctest: +SKIP
        >>> ruler = nlp.add_pipe("entity_ruler")                      # doctest: +SKIP
        >>> ruler.add_patterns([{"label": "PERSON", "pattern": "Ayse Demir"}])  # doctest: +SKIP
        >>> pipe = idlib_corpus.Pipeline([SpacyActors(nlp)])          # doctest: +SKIP
    """

    def __init__(self, nlp: Any = None) -> None:
        self._nlp = nlp
        self._missing: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # Workers (processes, Dask) rebuild the pipeline from the model name, never pickle it.
        return (SpacyActors, ())

    def _load(self) -> Any:
        if self._nlp is None and self._missing is None:
            name = os.environ.get(MODEL_ENV, "en_core_web_sm")
            try:
                import spacy

                # NER is all we read; the parser and tagger would only cost time.
                self._nlp = spacy.load(
                    name, disable=["parser", "lemmatizer", "tagger", "attribute_ruler"]
                )
            except (ImportError, OSError) as exc:
                self._missing = f"spaCy model {name!r} is not available ({exc.__class__.__name__})"
        return self._nlp

    @hookimpl(trylast=True)
    def idlib_postprocess(self, result: ArticleResult) -> ArticleResult | None:
        """Add persons spaCy finds that no earlier plugin found."""
        nlp = self._load()
        if nlp is None:
            note = Diagnostic(Severity.INFO, "spacy-missing", self._missing or "no spaCy model",
                              plugin="spacy_actors", hook="idlib_postprocess")
            return attrs.evolve(result, diagnostics=(*result.diagnostics, note))
        article = result.article
        taken = [m.span for a in result.actors for m in a.mentions]
        persons = {a.id: a for a in result.actors}
        by_surname = {
            a.name.split()[-1].casefold(): a.id
            for a in result.actors if a.kind is ActorKind.PERSON and len(a.name.split()) > 1
        }
        new_mentions: dict[str, list[Mention]] = {}
        names: dict[str, str] = {}
        doc = nlp(article.text)
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            span = Span(ent.start_char, ent.end_char)
            if article.is_boilerplate(span) or any(span.overlaps(t) for t in taken):
                continue
            text = ent.text.strip()
            words = text.split()
            if len(words) == 1 and text.casefold() in by_surname:
                target, kind = by_surname[text.casefold()], MentionKind.SURNAME
            elif len(words) >= 2:
                target, kind = f"person:{_slug(text)}", MentionKind.NAME
                names.setdefault(target, text)
            else:
                continue  # a lone unknown word is too weak to be a person
            new_mentions.setdefault(target, []).append(Mention(span, ent.text, kind))
        if not new_mentions:
            return None
        for actor_id, mentions in new_mentions.items():
            prev = persons.get(actor_id)
            if prev is None:
                persons[actor_id] = Actor(id=actor_id, name=names[actor_id], kind=ActorKind.PERSON,
                                          mentions=tuple(mentions))
            else:
                merged = tuple(sorted({*prev.mentions, *mentions}, key=lambda m: m.span))
                persons[actor_id] = attrs.evolve(prev, mentions=merged)
        actors = sorted(persons.values(),
                        key=lambda a: (min((m.span.start for m in a.mentions), default=0), a.id))
        return attrs.evolve(result, actors=tuple(actors))


#: The instance the entry point registers.
plugin = SpacyActors()
