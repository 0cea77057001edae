"""Hook specifications: every point where an extractor plugs in.

Hooks run in the order of the phases below, once per article. The built-in extractors
implement them exactly as a third-party plugin would. The pipeline calls each
implementation on its own: an exception, a wrong return type or a span outside the text
becomes a :class:`~idlib_corpus.model.Diagnostic` naming the plugin, and the other
plugins' output stands. Results of all implementations are merged and sorted by span and
id, so output never depends on registration order; where order matters (one plugin's
value should win over another's) use ``@hookimpl(tryfirst=True)`` or ``trylast=True``.

Hooks must not mutate what they receive: every argument is immutable anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.abc import Traversable
from pathlib import Path

import pluggy

from idlib_corpus.document import Annotation, Document
from idlib_corpus.model import (
    Actor,
    Article,
    ArticleMetadata,
    ArticleResult,
    Incident,
    Meeting,
)

__all__ = ["PROJECT_NAME", "hookimpl", "hookspec"]

#: The pluggy project name, also the entry-point group third-party plugins register under.
PROJECT_NAME = "idlib_corpus"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
#: Decorate your hook implementations with this (re-exported as ``idlib_corpus.hookimpl``).
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)


# --------------------------------------------------------------------------- knowledge


@hookspec
def idlib_knowledge_files() -> Sequence[Path | Traversable] | None:
    """Return extra knowledge files (places, actors, offices, vocabularies) to load.

    Called once, when the knowledge base is first built for a plugin manager (not per
    article); not firstresult (the files of every plugin are loaded, after the built-in
    ones). Each file has the format of the built-in file of the same name under
    ``idlib_corpus/data/`` (see ``docs/knowledge.md``); entries add to, and for the same
    key replace, the built-in ones.

    Returns:
        Paths (or ``importlib.resources`` traversables) of data files, or ``None``.
    """


# --------------------------------------------------------------------------- metadata


@hookspec
def idlib_article_metadata(article: Article) -> ArticleMetadata | None:
    """Read headline, outlet, dateline and boilerplate lines off the raw article.

    Called once per article, first of all per-article hooks; not firstresult: each
    field of the :class:`~idlib_corpus.model.Article` is taken from the first
    implementation, in call order, that sets it (so a ``tryfirst`` plugin overrides the
    built-in one field by field), and boilerplate spans of all implementations are merged.

    Args:
        article: the article as read (id, text, publication date from metadata, url).

    Returns:
        An :class:`~idlib_corpus.model.ArticleMetadata`, or ``None`` to add nothing.
    """


# --------------------------------------------------------------------------- annotate


@hookspec
def idlib_annotate(doc: Document) -> Sequence[Annotation] | None:
    """Mark names, offices, nationality words, places, times, numbers and trigger words.

    Called once per article after ``idlib_article_metadata``; not firstresult: the
    annotations of every implementation are merged, sorted by span, and handed to the
    later hooks in ``doc.annotations``. Implementations see the document before any
    annotation is added, so annotators cannot depend on one another.

    Args:
        doc: the analysed article (sentences, folded text); ``doc.annotations`` is empty.

    Returns:
        :class:`~idlib_corpus.document.Annotation` objects whose spans index
        ``doc.article.text``, or ``None``.
    """


# --------------------------------------------------------------------------- actors


@hookspec
def idlib_resolve_actors(doc: Document) -> Sequence[Actor] | None:
    """Group mentions into actors: people, states, government bodies, armed groups.

    Called once per article after ``idlib_annotate``; not firstresult: actors from all
    implementations are merged by ``Actor.id`` (mentions and aliases united; name, kind,
    country and title from the first implementation in call order that sets them).

    Args:
        doc: the analysed article with every annotation.

    Returns:
        :class:`~idlib_corpus.model.Actor` objects with their mentions, or ``None``.
    """


# --------------------------------------------------------------------------- events


@hookspec
def idlib_extract_events(
    doc: Document, actors: Sequence[Actor]
) -> Sequence[Meeting | Incident] | None:
    """Return the meetings and incidents this plugin finds in ``doc``.

    Called once per article after ``idlib_resolve_actors``; not firstresult: the events
    of all implementations are concatenated, then sorted by first evidence span and
    renumbered (``meeting:<article>:<n>``), so ids do not depend on plugin order.

    Args:
        doc: the analysed article; every ``Span`` indexes ``doc.article.text``.
        actors: actors found so far, merged across plugins.

    Returns:
        :class:`~idlib_corpus.model.Meeting` and :class:`~idlib_corpus.model.Incident`
        objects with evidence spans, or ``None`` when there is nothing to add.
    """


# --------------------------------------------------------------------------- post-processing


@hookspec
def idlib_postprocess(result: ArticleResult) -> ArticleResult | None:
    """See (and optionally replace) the whole result of one article.

    Called once per article, last; not firstresult: implementations are chained in call
    order, each receiving the result the previous one returned (or the same one, when it
    returned ``None``). Use it for deduplication, cross-checks or enrichment.

    Args:
        result: the article's result so far.

    Returns:
        A new :class:`~idlib_corpus.model.ArticleResult`, or ``None`` to keep ``result``.
    """
