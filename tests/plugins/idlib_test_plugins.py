"""Plugins for the tests: well-behaved ones and every kind of faulty one.

Each is a small class with ``@hookimpl`` methods, so a test registers an instance (the
registered name is then the instance's ``__name__``-less canonical name, so tests pass
``name`` explicitly through ``NamedPlugin``).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Sequence

from idlib_corpus.document import Annotation, AnnotationLabel, Document
from idlib_corpus.hookspecs import hookimpl
from idlib_corpus.model import (
    Actor,
    ActorKind,
    Article,
    ArticleMetadata,
    ArticleResult,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Mention,
    Span,
)


class NamedPlugin:
    """Base: instances register under ``self.__name__`` (pluggy reads that attribute)."""

    def __init__(self, name: str) -> None:
        self.__name__ = name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.__name__}>"


# --------------------------------------------------------------------------- good ones


class WordAnnotator(NamedPlugin):
    """Marks every occurrence of ``word`` as an OTHER annotation."""

    def __init__(self, name: str, word: str) -> None:
        super().__init__(name)
        self.word = word

    @hookimpl
    def idlib_annotate(self, doc: Document) -> Sequence[Annotation]:
        return [
            Annotation(Span(m.start(), m.end()), AnnotationLabel.OTHER, m.group(), key=self.word)
            for m in re.finditer(re.escape(self.word), doc.text)
        ]


class SummitFinder(NamedPlugin):
    """A meeting per sentence holding ``word`` (a real, if naive, extractor)."""

    def __init__(self, name: str, word: str = "summit",
                 kind: MeetingKind = MeetingKind.SUMMIT) -> None:
        super().__init__(name)
        self.word = word
        self.kind = kind

    @hookimpl
    def idlib_extract_events(self, doc: Document, actors: Sequence[Actor]) -> list[Meeting]:
        out = []
        for s in doc.sentences:
            if self.word in doc.slice(s).lower():
                out.append(Meeting(id=f"m:{self.__name__}", kind=self.kind,
                                   status=MeetingStatus.HELD, evidence=(s,)))
        return out


class ActorNamer(NamedPlugin):
    """Finds ``name`` and returns it as one actor with ``actor_id`` (and ``title``)."""

    def __init__(self, name: str, actor_name: str, actor_id: str,
                 title: str | None = None) -> None:
        super().__init__(name)
        self.actor_name = actor_name
        self.actor_id = actor_id
        self.title = title

    @hookimpl
    def idlib_resolve_actors(self, doc: Document) -> list[Actor]:
        mentions = [Mention(Span(m.start(), m.end()), m.group())
                    for m in re.finditer(re.escape(self.actor_name), doc.text)]
        if not mentions:
            return []
        return [Actor(id=self.actor_id, name=self.actor_name, kind=ActorKind.PERSON,
                      title=self.title, mentions=tuple(mentions))]


class FirstTitle(NamedPlugin):
    """Sets the title to ``title`` from a tryfirst metadata hook (overrides the built-in)."""

    def __init__(self, name: str, title: str) -> None:
        super().__init__(name)
        self.title = title

    @hookimpl(tryfirst=True)
    def idlib_article_metadata(self, article: Article) -> ArticleMetadata:
        return ArticleMetadata(title=self.title)


class LastTitle(FirstTitle):
    """The same, trylast: loses to everyone."""

    @hookimpl(trylast=True)
    def idlib_article_metadata(self, article: Article) -> ArticleMetadata:
        return ArticleMetadata(title=self.title)


class Counter(NamedPlugin):
    """Counts the articles it sees (in this process)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.seen = 0

    @hookimpl
    def idlib_article_metadata(self, article: Article) -> None:
        self.seen += 1


# --------------------------------------------------------------------------- faulty ones


class Raising(NamedPlugin):
    @hookimpl
    def idlib_annotate(self, doc: Document) -> Sequence[Annotation]:
        raise RuntimeError("boom in annotate")


class WrongType(NamedPlugin):
    @hookimpl
    def idlib_resolve_actors(self, doc: Document) -> object:
        return "not a list of actors"


class WrongItems(NamedPlugin):
    @hookimpl
    def idlib_extract_events(self, doc: Document, actors: Sequence[Actor]) -> object:
        return [1, 2, 3]


class OutOfRange(NamedPlugin):
    @hookimpl
    def idlib_annotate(self, doc: Document) -> Sequence[Annotation]:
        n = len(doc.text)
        return [Annotation(Span(n, n + 10), AnnotationLabel.OTHER, "beyond")]


class RaisingGenerator(NamedPlugin):
    """Returns a generator that fails half way through."""

    @hookimpl
    def idlib_annotate(self, doc: Document) -> object:
        def gen():  # type: ignore[no-untyped-def]
            yield Annotation(Span(0, 1), AnnotationLabel.OTHER, doc.text[:1])
            raise ValueError("generator broke")

        return gen()


class OtherArticle(NamedPlugin):
    """A postprocess hook that returns the result of some other article."""

    @hookimpl
    def idlib_postprocess(self, result: ArticleResult) -> ArticleResult:
        return ArticleResult(article=Article(id="someone-else", text=result.article.text))


class Slow(NamedPlugin):
    """Sleeps ``seconds`` in annotate, then returns a good annotation."""

    def __init__(self, name: str, seconds: float) -> None:
        super().__init__(name)
        self.seconds = seconds

    @hookimpl
    def idlib_annotate(self, doc: Document) -> Sequence[Annotation]:
        time.sleep(self.seconds)
        return [Annotation(Span(0, 1), AnnotationLabel.OTHER, doc.text[:1])]


class Hung(NamedPlugin):
    """Blocks until ``release`` is set (a plugin stuck on a lock or a network call)."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.release = threading.Event()
        self.calls = 0

    @hookimpl
    def idlib_resolve_actors(self, doc: Document) -> list[Actor]:
        self.calls += 1
        self.release.wait(30)
        return []

    def __getstate__(self) -> dict[str, object]:  # pragma: no cover - not sent to workers
        raise TypeError("Hung holds a threading.Event")


class BadKnowledge(NamedPlugin):
    @hookimpl
    def idlib_knowledge_files(self) -> object:
        raise OSError("data folder missing")


class Unpicklable(NamedPlugin):
    """Good behaviour, but holds a lock, so it cannot go to worker processes."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.lock = threading.Lock()

    @hookimpl
    def idlib_article_metadata(self, article: Article) -> None:
        return None


class MisspeltHook(NamedPlugin):
    @hookimpl
    def idlib_anotate(self, doc: Document) -> None:  # typo on purpose
        return None


# An instance at module level, for the fake entry point in test_plugins.
entry_point_plugin = WordAnnotator("from-entry-point", "Idlib")


class WorkerKiller(NamedPlugin):
    """Kills its worker process on articles holding ``KILL-THE-WORKER`` (never the parent)."""

    @hookimpl
    def idlib_article_metadata(self, article: Article) -> None:
        import multiprocessing
        import os

        if "KILL-THE-WORKER" in article.text and multiprocessing.parent_process() is not None:
            os._exit(3)


class Exiting(NamedPlugin):
    """Calls sys.exit() (a plugin must not end the run)."""

    @hookimpl
    def idlib_resolve_actors(self, doc: Document) -> None:
        import sys

        sys.exit(4)


class BadAnnotation(NamedPlugin):
    """Returns an Annotation without a Span (Annotation has no validators)."""

    @hookimpl
    def idlib_annotate(self, doc: Document) -> Sequence[Annotation]:
        return [Annotation(None, AnnotationLabel.OTHER, "x")]  # type: ignore[arg-type]


class DatetimePublished(NamedPlugin):
    @hookimpl
    def idlib_article_metadata(self, article: Article) -> ArticleMetadata:
        import datetime

        return ArticleMetadata(published=datetime.datetime(2020, 2, 8, 10, 0))
