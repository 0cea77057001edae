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
    AnnotationLabel,
    ArticleResult,
    Diagnostic,
    Document,
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
    def idlib_resolve_actors(self, doc: Document) -> list[Actor] | None:
        """Persons spaCy finds where no annotator marked anything.

        Runs beside the built-in resolver: a name the built-in grammar also found gets the
        same ``person:<slug>`` id, and the pipeline merges the two by id.
        """
        nlp = self._load()
        if nlp is None:
            return None
        article = doc.article
        marked = [a.span for a in doc.annotations if a.label in _NOT_A_PERSON]
        found: dict[str, list[Mention]] = {}
        names: dict[str, str] = {}
        surnames: dict[str, str] = {}
        for ent in nlp(article.text).ents:
            if ent.label_ != "PERSON":
                continue
            span = Span(ent.start_char, ent.end_char)
            if article.is_boilerplate(span) or any(span.overlaps(m) for m in marked):
                continue
            words = ent.text.split()
            if not _looks_like_a_name(ent.text, words):
                continue
            if len(words) == 1:
                target = surnames.get(words[0].casefold())
                if target is not None:
                    found[target].append(Mention(span, ent.text, MentionKind.SURNAME))
                continue  # a lone unknown word is too weak to be a person
            target = f"person:{_slug(ent.text)}"
            names.setdefault(target, ent.text)
            surnames.setdefault(words[-1].casefold(), target)
            found.setdefault(target, []).append(Mention(span, ent.text, MentionKind.NAME))
        return [
            Actor(id=i, name=names[i], kind=ActorKind.PERSON, mentions=tuple(m))
            for i, m in found.items()
        ] or None

    @hookimpl(trylast=True)
    def idlib_postprocess(self, result: ArticleResult) -> ArticleResult | None:
        """Say so in the result when no spaCy model could be loaded."""
        if self._load() is not None:
            return None
        note = Diagnostic(Severity.INFO, "spacy-missing", self._missing or "no spaCy model",
                          plugin="spacy_actors", hook="idlib_postprocess")
        return attrs.evolve(result, diagnostics=(*result.diagnostics, note))


# Annotations that already say what a stretch of text is: spaCy's small model often
# calls towns ("Khan Sheikhoun") and known people's names PERSON; the gazetteer knows.
_NOT_A_PERSON = frozenset(
    {
        AnnotationLabel.PERSON,
        AnnotationLabel.PLACE,
        AnnotationLabel.STATE,
        AnnotationLabel.CAPITAL,
        AnnotationLabel.NATIONALITY,
        AnnotationLabel.GROUP,
        AnnotationLabel.ORGANISATION,
        AnnotationLabel.GOVERNMENT_BODY,
        AnnotationLabel.MEDIA,
        AnnotationLabel.OFFICE,
    }
)


def _looks_like_a_name(text: str, words: list[str]) -> bool:
    # Entities running over a line break are page furniture ("Related Articles\nErdogan"),
    # a name ends in a capitalised word ("Ursula von der" is cut short), and shouting
    # capitals are headings, not people.
    if "\n" in text or not words or not words[-1][:1].isupper() or not text[-1].isalpha():
        return False
    return not any(len(w) > 3 and w.isupper() for w in words)


#: The instance the entry point registers.
plugin = SpacyActors()
