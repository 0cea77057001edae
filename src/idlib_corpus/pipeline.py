"""Running the plugins over articles: ``parse``, ``parse_file`` and ``iter_parse``.

A :class:`Pipeline` owns one plugin manager and calls the hooks of
:mod:`idlib_corpus.hookspecs` in phase order for each article. Each hook implementation is
called on its own, so that one failing plugin costs only its own output: its exception,
wrong return type or out-of-range span becomes a
:class:`~idlib_corpus.model.Diagnostic`, unless ``Options.strict`` is set.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
import pluggy

from idlib_corpus.document import Annotation, Document, build_document
from idlib_corpus.errors import IdlibCorpusError, PluginError
from idlib_corpus.model import (
    Actor,
    Article,
    ArticleMetadata,
    ArticleResult,
    Diagnostic,
    Incident,
    Meeting,
    Severity,
    Span,
)
from idlib_corpus.options import Options
from idlib_corpus.plugins import call_order, get_plugin_manager

__all__ = ["Pipeline", "article_id_for", "default_pipeline", "parse", "parse_file"]

if TYPE_CHECKING:
    from idlib_corpus.knowledge import KnowledgeBase

T = TypeVar("T")


def article_id_for(text: str) -> str:
    """A stable id for a text given without one: ``sha1-`` and 16 hex digits."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class _Collector:
    """Diagnostics of one article, with the strict-mode rule in one place."""

    def __init__(self, strict: bool):
        self.strict = strict
        self.items: list[Diagnostic] = []

    def plugin_problem(self, plugin: str, hook: str, code: str, message: str) -> None:
        if self.strict:
            raise PluginError(plugin, hook, message)
        self.items.append(Diagnostic(Severity.ERROR, code, message, plugin, hook))

    def warn(self, plugin: str, hook: str, code: str, message: str) -> None:
        self.items.append(Diagnostic(Severity.WARNING, code, message, plugin, hook))


class Pipeline:
    """The built-in and third-party extractors, ready to run over articles.

    Args:
        plugins: extra plugin objects to register (see
            :func:`~idlib_corpus.plugins.get_plugin_manager`).
        options: an :class:`~idlib_corpus.options.Options`.
        builtins: register the built-in extractors (``False`` to run only yours).

    Example:
        >>> pipe = Pipeline(options=Options(load_entrypoints=False))
        >>> result = pipe.parse("Turkish troops entered Saraqib on Thursday.", id="x")
        >>> result.article.id
        'x'
    """

    def __init__(
        self,
        plugins: Sequence[object] = (),
        *,
        options: Options | None = None,
        builtins: bool = True,
    ) -> None:
        self.options = options or Options()
        self.plugins = tuple(plugins)
        self.builtins = builtins
        self.pm: pluggy.PluginManager = get_plugin_manager(
            *self.plugins,
            load_entrypoints=self.options.load_entrypoints,
            blocked=self.options.blocked,
            builtins=builtins,
        )
        self._knowledge: KnowledgeBase | None = None

    @property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge base: built-in data plus ``idlib_knowledge_files`` of plugins."""
        if self._knowledge is None:
            from idlib_corpus.knowledge import load_knowledge

            files = [f for impl in call_order(self.pm, "idlib_knowledge_files")
                     for f in (impl.function() or ())]
            self._knowledge = load_knowledge(files)
        return self._knowledge

    # ------------------------------------------------------------------ public

    def parse(
        self,
        text: str,
        *,
        id: str | None = None,
        published: _dt.date | None = None,
        url: str | None = None,
        source: str | None = None,
        diagnostics: Sequence[Diagnostic] = (),
    ) -> ArticleResult:
        """Extract everything from one article's text.

        Args:
            text: the article text as received.
            id: its id; by default a hash of the text.
            published: publication date, the base for relative dates.
            url: where it came from.
            source: the path it was read from.
            diagnostics: notes from reading it (decoding), kept in the result.

        Returns:
            The :class:`~idlib_corpus.model.ArticleResult`.

        Raises:
            IdlibCorpusError: ``text`` is not a string, or ``published`` not a date.
            PluginError: a plugin failed and ``options.strict`` is set.
        """
        if not isinstance(text, str):
            raise IdlibCorpusError(f"parse() needs the text as str, got {type(text).__name__}")
        if published is not None and (
            not isinstance(published, _dt.date) or isinstance(published, _dt.datetime)
        ):
            raise IdlibCorpusError(f"published must be a datetime.date, got {published!r}")
        article = Article(
            id=id or article_id_for(text), text=text, published=published, url=url, source=source
        )
        return self.run_article(article, diagnostics)

    def parse_file(
        self,
        path: str | Path,
        *,
        published: _dt.date | None = None,
        url: str | None = None,
        id: str | None = None,
    ) -> ArticleResult:
        """Read and extract one article file (UTF-8, or decodable; see :mod:`idlib_corpus.io`).

        A file that cannot be read as text gives a result with an error diagnostic and
        an empty text, so a corpus run goes on; a path that does not exist raises.

        Raises:
            InputError: ``path`` does not exist or is a folder.
        """
        from idlib_corpus.io import read_article_text

        path = Path(path)
        text, notes = read_article_text(path)
        return self.parse(
            text,
            id=id or path.stem,
            published=published,
            url=url,
            source=str(path),
            diagnostics=notes,
        )

    def run_article(
        self, article: Article, diagnostics: Sequence[Diagnostic] = ()
    ) -> ArticleResult:
        """Run every hook over an :class:`~idlib_corpus.model.Article` already built."""
        diags = _Collector(self.options.strict)
        diags.items.extend(diagnostics)
        if any(d.severity is Severity.ERROR and d.code == "read-error" for d in diagnostics):
            return ArticleResult(article=article, diagnostics=tuple(diags.items))
        text_len = len(article.text)

        # 1. metadata
        metas = self._call(
            "idlib_article_metadata", {"article": article}, diags,
            lambda r: _check_one(r, ArticleMetadata, text_len, _meta_spans),
        )
        article = _apply_metadata(article, [m for _, m in metas])

        # 2. annotate
        doc = build_document(article, knowledge=self.knowledge)
        found = self._call(
            "idlib_annotate", {"doc": doc}, diags,
            lambda r: _check_many(r, (Annotation,), text_len, lambda a: (a.span,)),
        )
        anns = [attrs.evolve(a, source=name) for name, items in found for a in items]
        doc = doc.with_annotations(anns)

        # 3. actors
        found_actors = self._call(
            "idlib_resolve_actors", {"doc": doc}, diags,
            lambda r: _check_many(r, (Actor,), text_len, lambda a: a.spans),
        )
        actors = _merge_actors(a for _, items in found_actors for a in items)

        # 4. events
        found_events = self._call(
            "idlib_extract_events", {"doc": doc, "actors": actors}, diags,
            lambda r: _check_many(r, (Meeting, Incident), text_len, _event_spans),
        )
        meetings, incidents = _number_events(
            article.id, [e for _, items in found_events for e in items]
        )

        result = ArticleResult(
            article=article, actors=actors, meetings=meetings, incidents=incidents
        )

        # 5. postprocess, chained
        for impl in call_order(self.pm, "idlib_postprocess"):
            got = self._call_impl(impl, "idlib_postprocess", {"result": result}, diags,
                                  lambda r: _check_post(r, result))
            if got is not None:
                result = got
        return attrs.evolve(result, diagnostics=(*result.diagnostics, *diags.items))

    # ------------------------------------------------------------------ calling

    def _call(
        self,
        hook_name: str,
        kwargs: Mapping[str, Any],
        diags: _Collector,
        check: Callable[[Any], T],
    ) -> list[tuple[str, T]]:
        out: list[tuple[str, T]] = []
        for impl in call_order(self.pm, hook_name):
            got = self._call_impl(impl, hook_name, kwargs, diags, check)
            if got is not None:
                out.append((impl.plugin_name, got))
        return out

    def _call_impl(
        self,
        impl: pluggy.HookImpl,
        hook_name: str,
        kwargs: Mapping[str, Any],
        diags: _Collector,
        check: Callable[[Any], T],
    ) -> T | None:
        name = impl.plugin_name
        started = time.perf_counter()
        try:
            raw = impl.function(*[kwargs[arg] for arg in impl.argnames])
        except Exception as exc:
            diags.plugin_problem(name, hook_name, "plugin-error", f"{type(exc).__name__}: {exc}")
            return None
        elapsed = time.perf_counter() - started
        budget = self.options.plugin_time_budget
        if budget is not None and elapsed > budget:
            diags.plugin_problem(
                name, hook_name, "plugin-timeout",
                f"took {elapsed:.2f} s, over the budget of {budget:g} s; its output was dropped",
            )
            return None
        if raw is None:
            return None
        try:
            return check(raw)
        except _BadReturn as exc:
            diags.plugin_problem(name, hook_name, "bad-return", str(exc))
            return None

    # ------------------------------------------------------------------ corpus

    def iter_parse(
        self,
        paths: Iterable[str | Path],
        *,
        metadata: str | Path | Mapping[str, Any] | None = None,
        jobs: int | None = None,
    ) -> Iterator[ArticleResult]:
        """Parse files and folders lazily, one result per article, in input order.

        See :func:`idlib_corpus.io.iter_parse`.
        """
        from idlib_corpus.io import iter_parse

        return iter_parse(paths, metadata=metadata, jobs=jobs, pipeline=self)


class _BadReturn(Exception):
    pass


def _check_one(raw: Any, cls: type[T], n: int, spans: Callable[[Any], Iterable[Span | None]]) -> T:
    if not isinstance(raw, cls):
        raise _BadReturn(f"returned {type(raw).__name__}, expected {cls.__name__} or None")
    _check_spans(raw, n, spans)
    return raw


def _check_many(
    raw: Any, classes: tuple[type, ...], n: int, spans: Callable[[Any], Iterable[Span | None]]
) -> list[Any]:
    if isinstance(raw, str | bytes) or not isinstance(raw, Iterable):
        raise _BadReturn(f"returned {type(raw).__name__}, expected a sequence or None")
    items = list(raw)
    names = " or ".join(c.__name__ for c in classes)
    for item in items:
        if not isinstance(item, classes):
            raise _BadReturn(f"returned an item of type {type(item).__name__}, expected {names}")
        _check_spans(item, n, spans)
    return items


def _check_spans(item: Any, n: int, spans: Callable[[Any], Iterable[Span | None]]) -> None:
    for span in spans(item):
        if span is not None and span.end > n:
            raise _BadReturn(
                f"returned a span {span.start}..{span.end} outside the text (length {n})"
            )


def _check_post(raw: Any, before: ArticleResult) -> ArticleResult:
    if not isinstance(raw, ArticleResult):
        raise _BadReturn(f"returned {type(raw).__name__}, expected ArticleResult or None")
    if raw.article.id != before.article.id or raw.article.text != before.article.text:
        raise _BadReturn("returned the result of another article")
    return raw


def _meta_spans(m: ArticleMetadata) -> Iterable[Span | None]:
    yield m.title_span
    yield m.outlet_span
    yield m.dateline_span
    yield from m.boilerplate


def _event_spans(e: Meeting | Incident) -> Iterable[Span | None]:
    yield from e.evidence
    if e.place is not None:
        yield e.place.span
    if e.date is not None:
        yield e.date.span
    if isinstance(e, Incident):
        for c in (e.killed, e.injured, e.displaced):
            if c is not None:
                yield c.span


_META_FIELDS = (
    ("title", "title_span"),
    ("outlet", "outlet_span"),
    ("dateline", "dateline_span"),
)


def _apply_metadata(article: Article, metas: Sequence[ArticleMetadata]) -> Article:
    changes: dict[str, Any] = {}
    for value_field, span_field in _META_FIELDS:
        for m in metas:
            if getattr(m, value_field) is not None:
                changes[value_field] = getattr(m, value_field)
                changes[span_field] = getattr(m, span_field)
                break
    if article.published is None:
        for m in metas:
            if m.published is not None:
                changes["published"] = m.published
                break
    boiler = sorted({s for m in metas for s in m.boilerplate})
    if boiler:
        changes["boilerplate"] = tuple(boiler)
    return attrs.evolve(article, **changes) if changes else article


def _merge_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    merged: dict[str, Actor] = {}
    for a in actors:
        prev = merged.get(a.id)
        if prev is None:
            merged[a.id] = a
            continue
        mentions = sorted(set(prev.mentions) | set(a.mentions), key=lambda m: (m.span, m.kind.value))
        aliases = [x for x in dict.fromkeys((*prev.aliases, *a.aliases)) if x != prev.name]
        merged[a.id] = attrs.evolve(
            prev,
            country=prev.country or a.country,
            title=prev.title or a.title,
            aliases=tuple(aliases),
            mentions=tuple(mentions),
        )

    def key(a: Actor) -> tuple[int, str]:
        return (min((m.span.start for m in a.mentions), default=1 << 62), a.id)

    return tuple(sorted(merged.values(), key=key))


def _number_events(
    article_id: str, events: Sequence[Meeting | Incident]
) -> tuple[tuple[Meeting, ...], tuple[Incident, ...]]:
    def key(e: Meeting | Incident) -> tuple[Any, ...]:
        first = min(e.evidence)
        kind = e.kind.value if isinstance(e, Meeting) else e.type.value
        return (first.start, first.end, kind, e.id)

    meetings = sorted((e for e in events if isinstance(e, Meeting)), key=key)
    incidents = sorted((e for e in events if isinstance(e, Incident)), key=key)
    return (
        tuple(attrs.evolve(m, id=f"meeting:{article_id}:{i}") for i, m in enumerate(meetings, 1)),
        tuple(attrs.evolve(x, id=f"incident:{article_id}:{i}") for i, x in enumerate(incidents, 1)),
    )


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The shared pipeline with default options (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def parse(
    text: str,
    *,
    id: str | None = None,
    published: _dt.date | None = None,
    url: str | None = None,
) -> ArticleResult:
    """Extract actors, meetings and incidents from one article's text.

    Args:
        text: the article as received (headline, dateline, boilerplate and all).
        id: its id; by default ``sha1-`` and a hash of the text.
        published: publication date, the base for "on Thursday" or "next week".
        url: where it came from.

    Returns:
        An :class:`~idlib_corpus.model.ArticleResult`.

    Example:
        >>> import datetime, idlib_corpus
        >>> r = idlib_corpus.parse("Turkish troops entered Saraqib.", id="a1",
        ...                        published=datetime.date(2020, 2, 8))
        >>> r.article.published
        datetime.date(2020, 2, 8)
    """
    return default_pipeline().parse(text, id=id, published=published, url=url)


def parse_file(
    path: str | Path, *, published: _dt.date | None = None, url: str | None = None
) -> ArticleResult:
    """Read one article file and extract from it; see :meth:`Pipeline.parse_file`."""
    return default_pipeline().parse_file(path, published=published, url=url)
